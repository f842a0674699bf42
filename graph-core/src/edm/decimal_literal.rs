//! OData's decimal-number literal, `[+|-]digits[.digits][(e|E)[+|-]digits]`,
//! which `Edm.Decimal` and `Edm.Double` share: checking a text against it,
//! and writing an `f64` in it.

use super::parse::Cursor;

/// Checks `text` against the grammar; the error is the reason it does not
/// match.
pub(super) fn check(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let mut p = Cursor::new(text);
    if matches!(p.peek(), Some(b'+' | b'-')) {
        p.pos += 1;
    }
    match p.peek() {
        Some(b) if b.is_ascii_digit() => {}
        Some(b'.') => {
            return Err(format!(
                "expected a digit before the `.` at byte {} (write `0.5`, not `.5`)",
                p.pos
            ))
        }
        _ if p.pos > 0 => {
            return Err(format!(
                "expected a digit after the sign, found {}",
                p.found()
            ))
        }
        _ => return Err(format!("expected a digit or a sign, found {}", p.found())),
    }
    p.skip_digits();
    if p.peek() == Some(b'.') {
        p.pos += 1;
        if p.skip_digits() == 0 {
            return Err(format!(
                "expected a digit after the `.`, found {} (write `5.0` or `5`, not `5.`)",
                p.found()
            ));
        }
    }
    if matches!(p.peek(), Some(b'e' | b'E')) {
        p.pos += 1;
        if matches!(p.peek(), Some(b'+' | b'-')) {
            p.pos += 1;
        }
        if p.skip_digits() == 0 {
            return Err(format!(
                "expected a digit in the exponent, found {}",
                p.found()
            ));
        }
    }
    if !p.at_end() {
        return Err(format!("unexpected {} after the number", p.found()));
    }
    Ok(())
}

/// A finite `f64` as serde_json writes it (the shortest text that reads
/// back as the same `f64`: `12.5`, `1e-7`, `1.0`).
pub(super) fn format_f64(value: f64) -> String {
    match serde_json::Number::from_f64(value) {
        Some(number) => number.to_string(),
        // Not reached: callers pass finite values only.
        None => value.to_string(),
    }
}
