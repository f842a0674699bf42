//! Text in `const fn`s, for the checks generated code runs at compile time
//! (`str`'s own comparison and formatting are not `const`).

/// Whether `a` and `b` are the same text.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A compile-time error message pieced together from strings known only to
/// the compiler (a `const` `panic!` takes no format arguments but one `&str`).
pub(crate) struct ConstMessage {
    bytes: [u8; 512],
    len: usize,
}

impl ConstMessage {
    pub(crate) const fn new() -> Self {
        ConstMessage {
            bytes: [0; 512],
            len: 0,
        }
    }

    /// Appends `text`, as much of it as fits.
    pub(crate) const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    pub(crate) const fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            // Cut in the middle of a character: end before it.
            Err(error) => match core::str::from_utf8(text.split_at(error.valid_up_to()).0) {
                Ok(text) => text,
                Err(_) => "",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_too_long_is_cut_before_a_character() {
        let mut message = ConstMessage::new();
        message.push(&"a".repeat(511));
        message.push("é and more");
        assert_eq!(message.as_str(), "a".repeat(511));
    }
}
