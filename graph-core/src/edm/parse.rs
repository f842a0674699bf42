//! The text cursor the Edm parsers share, and the pieces of syntax more
//! than one Edm type reads with it (fixed-width fields, clock fields,
//! fractional seconds).
//!
//! Errors are the reason the text is invalid, as a `String`; the caller
//! adds the type and the text (see `edm::from_text`). Only failures build
//! one: a successful read allocates nothing.

use std::ops::RangeInclusive;

/// A position in the text being parsed. Everything before `pos` has been
/// checked to be ASCII, so `pos` is always a character boundary.
pub(super) struct Cursor<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Cursor { text, pos: 0 }
    }

    /// The byte at `pos`, if any.
    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Whether the whole text has been read.
    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// Describes what is at `pos`, for an error message.
    pub(super) fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => format!("`{}` at byte {}", c.escape_debug(), self.pos),
            None if self.at_end() => "the end of the text".to_owned(),
            // Unreachable while only ASCII is consumed; kept so that no input panics.
            None => format!("a non-ASCII character at byte {}", self.pos),
        }
    }

    /// Passes a run of ASCII digits (perhaps none); returns how many.
    pub(super) fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Reads exactly `width` ASCII digits.
    pub(super) fn number(&mut self, width: usize, field: &str) -> Result<u32, String> {
        let mut value = 0;
        for _ in 0..width {
            match self.peek() {
                Some(b) if b.is_ascii_digit() => {
                    value = value * 10 + u32::from(b - b'0');
                    self.pos += 1;
                }
                _ => {
                    return Err(format!(
                        "expected {width}-digit {field}, found {}",
                        self.found()
                    ))
                }
            }
        }
        Ok(value)
    }

    /// Reads exactly `width` digits whose value must be in `range`:
    /// `month 13 is out of range 1-12`.
    pub(super) fn field(
        &mut self,
        width: usize,
        field: &str,
        range: RangeInclusive<u32>,
    ) -> Result<u32, String> {
        let value = self.number(width, field)?;
        in_range(field, value, range)
    }

    /// Reads a 2-digit hour, `00`-`23`.
    pub(super) fn hour(&mut self) -> Result<u32, String> {
        self.field(2, "hour", 0..=23)
    }

    /// Reads a 2-digit minute, `00`-`59`.
    pub(super) fn minute(&mut self) -> Result<u32, String> {
        self.field(2, "minute", 0..=59)
    }

    /// Reads a 2-digit second, `00`-`59`: no Graph value has a leap second,
    /// and the error for `60` says they are not supported.
    pub(super) fn second(&mut self) -> Result<u32, String> {
        let second = self.number(2, "second")?;
        if second == 60 {
            return Err(
                "second 60 is out of range 0-59 (leap seconds are not supported)".to_owned(),
            );
        }
        in_range("second", second, 0..=59)
    }

    /// Reads one of the `accepted` bytes, which follows the field
    /// `previous` (name, width): a digit here means that field is too long.
    pub(super) fn separator(
        &mut self,
        accepted: &[u8],
        expected: &str,
        previous: (&str, usize),
    ) -> Result<(), String> {
        match self.peek() {
            Some(b) if accepted.contains(&b) => {
                self.pos += 1;
                Ok(())
            }
            Some(b) if b.is_ascii_digit() => {
                let (field, width) = previous;
                Err(format!(
                    "the {field} must have exactly {width} digits: expected {expected}, found {}",
                    self.found()
                ))
            }
            _ => Err(format!("expected {expected}, found {}", self.found())),
        }
    }

    /// Reads the fractional digits after a `.` the cursor has just passed,
    /// up to `max_digits` of them (any number with `None`); digits past the
    /// 9th must be `0`. Returns the fraction in nanoseconds.
    pub(super) fn fraction(&mut self, max_digits: Option<usize>) -> Result<u32, String> {
        let start = self.pos;
        let mut nanosecond = 0;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            let index = self.pos - start;
            if let Some(max) = max_digits.filter(|&max| index >= max) {
                let count = index + self.skip_digits();
                return Err(format!(
                    "at most {max} fractional digits are allowed, found {count}"
                ));
            }
            if index < 9 {
                nanosecond = nanosecond * 10 + u32::from(b - b'0');
            } else if b != b'0' {
                return Err(format!(
                    "fractional digits past the 9th must be 0 (the value is kept to \
                     the nanosecond), found {}",
                    self.found()
                ));
            }
            self.pos += 1;
        }
        let digits = self.pos - start;
        if digits == 0 {
            return Err(format!(
                "expected a fractional digit after `.`, found {}",
                self.found()
            ));
        }
        for _ in digits..9 {
            nanosecond *= 10;
        }
        Ok(nanosecond)
    }
}

/// `value`, if `range` holds it; the error names the field and the range.
pub(super) fn in_range(field: &str, value: u32, range: RangeInclusive<u32>) -> Result<u32, String> {
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "{field} {value} is out of range {}-{}",
            range.start(),
            range.end()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_describes_the_character_or_the_end() {
        let mut p = Cursor::new("1é");
        assert_eq!(p.found(), "`1` at byte 0");
        p.pos = 1;
        assert_eq!(p.found(), "`é` at byte 1");
        p.pos = 2;
        assert_eq!(p.found(), "a non-ASCII character at byte 2");
        p.pos = 3;
        assert_eq!(p.found(), "the end of the text");
    }

    #[test]
    fn fields_are_fixed_width_and_ranged() {
        let mut p = Cursor::new("13");
        assert_eq!(
            p.field(2, "month", 1..=12).unwrap_err(),
            "month 13 is out of range 1-12"
        );
        assert_eq!(
            Cursor::new("7:").number(2, "hour").unwrap_err(),
            "expected 2-digit hour, found `:` at byte 1"
        );
        assert_eq!(
            Cursor::new("60").second().unwrap_err(),
            "second 60 is out of range 0-59 (leap seconds are not supported)"
        );
        assert_eq!(
            Cursor::new("61").second().unwrap_err(),
            "second 61 is out of range 0-59"
        );
        assert_eq!(Cursor::new("59").second(), Ok(59));
    }

    #[test]
    fn fraction_counts_to_the_nanosecond() {
        let fraction = |text, max| Cursor::new(text).fraction(max);
        assert_eq!(fraction("5", None), Ok(500_000_000));
        assert_eq!(fraction("000000001", None), Ok(1));
        assert_eq!(fraction("1230000000000", None), Ok(123_000_000));
        assert_eq!(
            fraction("0000000001", None).unwrap_err(),
            "fractional digits past the 9th must be 0 (the value is kept to the \
             nanosecond), found `1` at byte 9"
        );
        assert_eq!(
            fraction("1234567890", Some(9)).unwrap_err(),
            "at most 9 fractional digits are allowed, found 10"
        );
        assert_eq!(
            fraction("Z", None).unwrap_err(),
            "expected a fractional digit after `.`, found `Z` at byte 0"
        );
    }
}
