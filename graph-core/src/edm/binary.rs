//! `Edm.Binary`: bytes, carried in JSON as base64 text.
//!
//! OData's JSON format defines the text as base64url (RFC 4648 §5, `-` and
//! `_`, padding optional), while Graph sends, and its documentation shows,
//! standard base64 (`+` and `/`) with padding. Both are read; standard base64
//! with padding is written, as Graph does.

use serde::{Serialize, Serializer};
use std::fmt;

use std::ops::{Deref, DerefMut};

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, NO_PAD, PAD};
use base64::{DecodeError, Engine};

/// The Graph type name used in error messages.
const KIND: &str = "Binary";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "ZW5jb2RlZFNldHRpbmdYbWw=";

/// Writes standard base64 with padding; reads it with canonical padding.
const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, PAD);
/// Reads standard base64 without padding.
const STANDARD_NO_PAD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, NO_PAD);
/// Reads base64url with canonical padding.
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, PAD);
/// Reads base64url without padding.
const URL_SAFE_NO_PAD: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, NO_PAD);

/// `Edm.Binary`: a byte string, which JSON carries as base64 text
/// (Graph's `"encodedSettingXml": "ZW5jb2RlZFNldHRpbmdYbWw="`).
///
/// * **Read:** standard base64 (`+`, `/`) as Graph sends it, and base64url
///   (`-`, `_`) as OData's JSON format defines `Edm.Binary`; with canonical
///   `=` padding or none. Rejected: a text mixing the two alphabets,
///   whitespace or line breaks, wrong padding, and a last character whose
///   unused bits are not zero (so that every accepted text is the one
///   encoding of its bytes in its alphabet).
/// * **Written:** standard base64 with padding, what Graph sends and its
///   documentation shows. A value read from that form round-trips byte for
///   byte; base64url or unpadded input is written back in that form.
///
/// It is a plain wrapper: the bytes are the public field `.0`, and it
/// dereferences to the `Vec<u8>`.
///
/// ```
/// use graph_core::Binary;
///
/// let setting: Binary = "ZW5jb2RlZFNldHRpbmdYbWw=".parse()?;
/// assert_eq!(setting.as_slice(), b"encodedSettingXml");
/// assert_eq!(setting.to_string(), "ZW5jb2RlZFNldHRpbmdYbWw=");
///
/// // base64url, as OData defines Edm.Binary, is read too, padded or not.
/// let url_safe: Binary = "-_8".parse()?;
/// assert_eq!(url_safe.0, [0xfb, 0xff]);
/// assert_eq!(url_safe.to_string(), "+/8=");
///
/// let json = graph_core::to_json(&Binary::from(b"hi".to_vec()))?;
/// assert_eq!(json, br#""aGk=""#);
/// assert_eq!(graph_core::from_json::<Binary>(&json)?.0, b"hi");
///
/// let err = "a=Gk".parse::<Binary>().unwrap_err();
/// assert!(err.to_string().contains("misplaced padding `=` at byte 1"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Binary(pub Vec<u8>);

impl Binary {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, taken out of the wrapper.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl Deref for Binary {
    type Target = Vec<u8>;

    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl DerefMut for Binary {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Binary(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Binary(bytes.to_vec())
    }
}

impl From<Binary> for Vec<u8> {
    fn from(binary: Binary) -> Self {
        binary.0
    }
}

/// Describes the character at byte `offset` of `text`, for an error message.
fn found(text: &str, offset: usize) -> String {
    match text.get(offset..).and_then(|rest| rest.chars().next()) {
        Some(c) => format!("`{}` at byte {offset}", c.escape_debug()),
        None => format!("byte {offset}"),
    }
}

/// Decodes `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Binary, String> {
    let bytes = text.as_bytes();
    let standard_at = bytes.iter().position(|&b| b == b'+' || b == b'/');
    let url_safe_at = bytes.iter().position(|&b| b == b'-' || b == b'_');
    let url_safe = match (standard_at, url_safe_at) {
        (Some(standard), Some(url)) => {
            return Err(format!(
                "mixes the standard base64 alphabet ({}) with the URL-safe one ({})",
                found(text, standard),
                found(text, url)
            ))
        }
        (_, url) => url.is_some(),
    };
    let padded = bytes.last() == Some(&b'=');
    let engine = match (url_safe, padded) {
        (false, true) => &STANDARD,
        (false, false) => &STANDARD_NO_PAD,
        (true, true) => &URL_SAFE,
        (true, false) => &URL_SAFE_NO_PAD,
    };
    engine.decode(bytes).map(Binary).map_err(|error| match error {
        DecodeError::InvalidByte(offset, b'=') => format!(
            "misplaced padding {}: `=` may only complete the last group of 4 characters",
            found(text, offset)
        ),
        DecodeError::InvalidByte(offset, _) => format!(
            "{} is not a base64 character (A-Z, a-z, 0-9, `+`, `/` or `-`, `_`, and `=` at the end)",
            found(text, offset)
        ),
        DecodeError::InvalidLength(symbols) => format!(
            "{symbols} base64 characters cannot be whole bytes (a final group of 1 character \
             is impossible): the text is truncated or has a character too many"
        ),
        DecodeError::InvalidLastSymbol { offset, .. } => format!(
            "the last character {} has bits set that encode no byte: the text is truncated \
             or not canonical base64",
            found(text, offset)
        ),
        DecodeError::InvalidPadding => {
            "wrong padding: `=` must make the text a multiple of 4 characters".to_owned()
        }
    })
}

super::text_value!(Binary, description = "a base64 string", form = "base64");

impl fmt::Display for Binary {
    /// Writes standard base64 with padding.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&base64::display::Base64Display::new(&self.0, &STANDARD), f)
    }
}

impl Serialize for Binary {
    /// Writes a string of standard base64 with padding.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    const SAMPLE: &str = "ZW5jb2RlZFNldHRpbmdYbWw=";

    fn ok(text: &str) -> Binary {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Binary>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Binary>(text, needle)
    }

    #[test]
    fn standard_padded_base64_round_trips_byte_for_byte() {
        for (text, bytes) in [
            (SAMPLE, &b"encodedSettingXml"[..]),
            ("", b""),
            ("AA==", b"\0"),
            ("AAA=", b"\0\0"),
            ("AAAA", b"\0\0\0"),
            ("+/8=", b"\xfb\xff"),
            ("/+7/", b"\xff\xee\xff"),
            ("aGVsbG8gd29ybGQ=", b"hello world"),
        ] {
            let value = ok(text);
            assert_eq!(value.as_slice(), bytes, "{text}");
            assert_eq!(value.to_string(), text);
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Binary>(&json).unwrap(), value);
        }
    }

    #[test]
    fn every_byte_and_length_round_trips() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            let value = Binary::from(&all[len..]);
            let text = value.to_string();
            assert_eq!(ok(&text), value, "{text}");
            let url_safe = text.replace('+', "-").replace('/', "_");
            assert_eq!(ok(&url_safe), value, "{url_safe}");
            let unpadded = text.trim_end_matches('=');
            assert_eq!(ok(unpadded), value, "{unpadded}");
            assert_eq!(ok(url_safe.trim_end_matches('=')), value);
        }
    }

    #[test]
    fn url_safe_and_unpadded_forms_are_read_and_written_standard() {
        assert_eq!(ok("-_8").as_slice(), b"\xfb\xff");
        assert_eq!(ok("-_8=").as_slice(), b"\xfb\xff");
        assert_eq!(ok("_-7_").as_slice(), b"\xff\xee\xff");
        assert_eq!(ok("-_8").to_string(), "+/8=");
        assert_eq!(ok("ZW5jb2RlZFNldHRpbmdYbWw").to_string(), SAMPLE);
        assert_eq!(ok("AA").as_slice(), b"\0");
    }

    #[test]
    fn invalid_base64_is_rejected_with_the_reason() {
        assert_err(
            "+_8=",
            "mixes the standard base64 alphabet (`+` at byte 0) with the URL-safe one (`_` at byte 1)",
        );
        assert_err(
            "aGk =",
            "` ` at byte 3 is not a base64 character (A-Z, a-z, 0-9, `+`, `/` or `-`, `_`, and `=` at the end)",
        );
        assert_err("aGVs\nbG8=", "`\\n` at byte 4 is not a base64 character");
        assert_err("aGVsbG8=\n", "`\\n` at byte 8 is not a base64 character");
        assert_err("aGVsbG8*", "`*` at byte 7 is not a base64 character");
        assert_err("aGVsbé==", "`é` at byte 5 is not a base64 character");
        assert_err(
            "a=Gk",
            "misplaced padding `=` at byte 1: `=` may only complete the last group of 4 characters",
        );
        assert_err("aGk==", "misplaced padding `=` at byte 3");
        assert_err("AAA==", "misplaced padding `=` at byte 3");
        assert_err("AAAA=", "misplaced padding `=` at byte 4");
        assert_err(
            "AA=",
            "wrong padding: `=` must make the text a multiple of 4 characters",
        );
        assert_err("=", "misplaced padding `=` at byte 0");
        assert_err(
            "A",
            "1 base64 characters cannot be whole bytes (a final group of 1 character is impossible)",
        );
        assert_err("AAAAA", "5 base64 characters cannot be whole bytes");
        assert_err("AAAAA===", "misplaced padding `=` at byte 5");
        assert_err(
            "AB==",
            "the last character `B` at byte 1 has bits set that encode no byte",
        );
        assert_err("AAB=", "the last character `B` at byte 2 has bits set");
        assert_err("aGl", "the last character `l` at byte 2 has bits set");
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("{}*", "A".repeat(10_000));
        let (_, reason) = testing::shortened::<Binary>(&long);
        assert!(
            reason.starts_with("`*` at byte 10000 is not a base64 character"),
            "{reason}"
        );
        assert_eq!(
            err("a*"),
            "invalid Binary `a*`: `*` at byte 1 is not a base64 character (A-Z, a-z, 0-9, `+`, \
             `/` or `-`, `_`, and `=` at the end)"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Binary>(r#""a*""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("invalid Binary \"a*\": `*` at byte 1 is not a base64 character"),
            "{error}"
        );
        assert!(
            error.contains("; expected base64 such as ZW5jb2RlZFNldHRpbmdYbWw="),
            "{error}"
        );
        let error = serde_json::from_str::<Binary>("[1, 2]")
            .unwrap_err()
            .to_string();
        assert!(error.contains("expected a base64 string"), "{error}");
        let error = crate::from_json::<Vec<Binary>>(br#"["aGk=", "aGk=="]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
    }

    #[test]
    fn wrapper_conversions() {
        let mut value = Binary::from(vec![1, 2]);
        value.push(3);
        assert_eq!(value.len(), 3);
        assert_eq!(value.as_ref(), [1, 2, 3]);
        assert_eq!(Vec::from(value.clone()), [1, 2, 3]);
        assert_eq!(value.into_vec(), [1, 2, 3]);
        assert_eq!(Binary::default().to_string(), "");
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Binary>() {
            // Whatever is accepted is the one encoding of its bytes: writing
            // it in the same alphabet and padding gives the text back.
            let standard = value.to_string();
            let mut again = if text.contains(['-', '_']) {
                standard.replace('+', "-").replace('/', "_")
            } else {
                standard
            };
            if !text.ends_with('=') {
                again = again.trim_end_matches('=').to_owned();
            }
            assert_eq!(again, text);
        }
        let _ = serde_json::from_value::<Binary>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in [SAMPLE, "-_8", "aGVsbG8gd29ybGQh"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Binary>().is_ok());
            }
        }
        // Most single-byte changes of base64 are still base64.
        assert!(accepted > checked / 10, "{accepted} of {checked}");
        assert!(accepted < checked, "{accepted} of {checked}");
    }
}
