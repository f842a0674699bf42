//! `Edm.Guid`: a 128-bit identifier written `8-4-4-4-12` in hex.
//!
//! Stored as its 16 bytes (so it is `Copy` and compares as a number) plus
//! whether it was written in upper case, which is all a GUID's text can vary
//! in apart from mixing cases.

use serde::{Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};

use std::cmp::Ordering;

use super::parse::Cursor;

/// The Graph type name used in error messages.
const KIND: &str = "Guid";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61";

/// Where the `-` separators are in the 36-character text.
const DASHES: [usize; 4] = [8, 13, 18, 23];

/// `Edm.Guid`: a 128-bit identifier, written as 32 hex digits in groups of
/// `8-4-4-4-12`, such as `0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61` (Graph's
/// tenant, application and directory object ids).
///
/// * Exactly that form: no braces (`{…}`), no `urn:uuid:` prefix, no
///   missing dashes, as OData defines it.
/// * Hex digits may be upper or lower case. Graph writes lower case; text
///   in upper case is written back in upper case, so both round-trip byte
///   for byte. Text that mixes cases is written back in lower case.
/// * `==`, [`Hash`] and [`Ord`] compare the 128-bit value, ignoring case:
///   GUIDs are case-insensitive, and Graph compares them so.
///
/// # Byte order
///
/// [`as_bytes`] and [`from_bytes`] use the order of the text (RFC 9562's
/// big-endian order): `00112233-4455-…` starts with bytes `0x00, 0x11,
/// 0x22, 0x33`. That is **not** .NET's `Guid.ToByteArray()`, which stores
/// the first three groups little-endian.
///
/// ```
/// use graph_core::Guid;
///
/// let id: Guid = "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61".parse()?;
/// assert_eq!(id.as_bytes()[..4], [0x0b, 0x9e, 0x6f, 0x4d]);
/// assert_eq!(id.to_string(), "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61");
///
/// // Case is kept, but does not matter to `==`.
/// let upper: Guid = "0B9E6F4D-8E5A-4C3B-9F1E-2A7D5C8B3E61".parse()?;
/// assert_eq!(upper.to_string(), "0B9E6F4D-8E5A-4C3B-9F1E-2A7D5C8B3E61");
/// assert_eq!(upper, id);
///
/// assert_eq!(Guid::from_bytes(*id.as_bytes()), id);
///
/// let json = graph_core::to_json(&id)?;
/// assert_eq!(json, br#""0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61""#);
/// assert_eq!(graph_core::from_json::<Guid>(&json)?, id);
///
/// let err = "{0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61}".parse::<Guid>().unwrap_err();
/// assert!(err.to_string().contains("without braces"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
///
/// [`as_bytes`]: Guid::as_bytes
/// [`from_bytes`]: Guid::from_bytes
#[derive(Clone, Copy)]
pub struct Guid {
    bytes: [u8; 16],
    /// Written with upper-case hex digits (only when the text had no lower-case ones).
    uppercase: bool,
}

impl Guid {
    /// The GUID with these 16 bytes, in the order of the text (see
    /// "Byte order" above); it is written in lower case.
    pub const fn from_bytes(bytes: [u8; 16]) -> Guid {
        Guid {
            bytes,
            uppercase: false,
        }
    }

    /// The 16 bytes, in the order of the text (see "Byte order" above).
    pub const fn as_bytes(&self) -> &[u8; 16] {
        &self.bytes
    }

    /// The 128-bit value, first byte most significant
    /// (`00112233-…` is `0x00112233…`).
    pub const fn as_u128(&self) -> u128 {
        u128::from_be_bytes(self.bytes)
    }
}

impl From<[u8; 16]> for Guid {
    /// As [`Guid::from_bytes`].
    fn from(bytes: [u8; 16]) -> Self {
        Guid::from_bytes(bytes)
    }
}

impl From<Guid> for [u8; 16] {
    /// As [`Guid::as_bytes`].
    fn from(guid: Guid) -> Self {
        guid.bytes
    }
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Guid, String> {
    if text.is_empty() {
        return Err("the text is empty".to_owned());
    }
    let p = |pos| Cursor { text, pos };
    let bytes = text.as_bytes();
    if bytes[0] == b'{' {
        return Err("write the GUID without braces, as 8-4-4-4-12 hex digits".to_owned());
    }
    if bytes.len() >= 9 && bytes[..9].eq_ignore_ascii_case(b"urn:uuid:") {
        return Err("write the GUID without the `urn:uuid:` prefix".to_owned());
    }
    let mut value = [0u8; 16];
    let (mut upper, mut lower) = (false, false);
    let mut digit = 0;
    for pos in 0..36 {
        let Some(&b) = bytes.get(pos) else {
            return Err(format!(
                "too short: expected 36 characters (8-4-4-4-12 hex digits), found {}",
                p(pos).found()
            ));
        };
        if DASHES.contains(&pos) {
            if b != b'-' {
                let group = DASHES.iter().position(|&d| d == pos).unwrap_or(0) + 1;
                return Err(format!(
                    "expected `-` after hex group {group}, found {}",
                    p(pos).found()
                ));
            }
            continue;
        }
        let nibble = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => {
                lower = true;
                b - b'a' + 10
            }
            b'A'..=b'F' => {
                upper = true;
                b - b'A' + 10
            }
            b'-' => {
                return Err(format!(
                    "expected a hex digit, found {}: the groups have 8, 4, 4, 4 and 12 digits",
                    p(pos).found()
                ))
            }
            _ => return Err(format!("expected a hex digit, found {}", p(pos).found())),
        };
        value[digit / 2] |= nibble << if digit % 2 == 0 { 4 } else { 0 };
        digit += 1;
    }
    if bytes.len() > 36 {
        return Err(format!(
            "unexpected {} after the 36 characters of a GUID",
            p(36).found()
        ));
    }
    Ok(Guid {
        bytes: value,
        uppercase: upper && !lower,
    })
}

super::text_value!(
    Guid,
    description = "a GUID string",
    form = "8-4-4-4-12 hex digits"
);

impl fmt::Display for Guid {
    /// Writes `8-4-4-4-12` hex digits, in upper case when parsed from upper
    /// case and in lower case otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits: &[u8; 16] = if self.uppercase {
            b"0123456789ABCDEF"
        } else {
            b"0123456789abcdef"
        };
        let mut text = [b'-'; 36];
        let mut digit = 0;
        for (pos, slot) in text.iter_mut().enumerate() {
            if DASHES.contains(&pos) {
                continue;
            }
            let byte = self.bytes[digit / 2];
            let nibble = if digit % 2 == 0 {
                byte >> 4
            } else {
                byte & 0xf
            };
            *slot = digits[usize::from(nibble)];
            digit += 1;
        }
        // Only ASCII hex digits and dashes were written.
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

/// Compares the 128-bit value; case does not matter.
impl PartialEq for Guid {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Guid {}

/// Hashes the 128-bit value, consistently with `==`.
impl Hash for Guid {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl PartialOrd for Guid {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by the 128-bit value, which is the order of the lower-case text.
impl Ord for Guid {
    fn cmp(&self, other: &Self) -> Ordering {
        self.bytes.cmp(&other.bytes)
    }
}

impl Serialize for Guid {
    /// Writes the string as [`Display`](std::fmt::Display) does.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    const SAMPLE: &str = "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61";

    fn ok(text: &str) -> Guid {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Guid>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Guid>(text, needle)
    }

    #[test]
    fn lower_and_upper_case_round_trip_byte_for_byte() {
        for text in [
            SAMPLE,
            "0B9E6F4D-8E5A-4C3B-9F1E-2A7D5C8B3E61",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "12345678-9012-3456-7890-123456789012",
        ] {
            let value = ok(text);
            assert_eq!(value.to_string(), text);
            assert_eq!(format!("{value:?}"), format!("Guid({text})"));
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Guid>(&json).unwrap(), value);
        }
    }

    #[test]
    fn bytes_are_in_text_order() {
        let value = ok("00112233-4455-6677-8899-aabbccddeeff");
        assert_eq!(
            value.as_bytes(),
            &[
                0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
                0xee, 0xff
            ]
        );
        assert_eq!(value.as_u128(), 0x0011_2233_4455_6677_8899_aabb_ccdd_eeff);
        assert_eq!(<[u8; 16]>::from(value), *value.as_bytes());
        let built = Guid::from(*value.as_bytes());
        assert_eq!(built.to_string(), "00112233-4455-6677-8899-aabbccddeeff");
        assert_eq!(
            Guid::from_bytes([0xAB; 16]).to_string(),
            "abababab-abab-abab-abab-abababababab"
        );
    }

    #[test]
    fn case_is_ignored_by_eq_hash_and_ord() {
        use std::collections::HashSet;
        let lower = ok(SAMPLE);
        let upper = ok(&SAMPLE.to_uppercase());
        let mixed = ok("0B9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61");
        assert_eq!(lower, upper);
        assert_eq!(lower, mixed);
        assert_eq!(lower.cmp(&upper), Ordering::Equal);
        // Mixed case is written back in lower case.
        assert_eq!(mixed.to_string(), SAMPLE);
        // Digits only: neither case, written in lower case (the same text).
        assert_eq!(
            ok("12345678-9012-3456-7890-123456789012").to_string(),
            "12345678-9012-3456-7890-123456789012"
        );
        let set: HashSet<_> = [lower, upper, mixed].into_iter().collect();
        assert_eq!(set.len(), 1);
        let mut sorted = [
            ok("FFFFFFFF-0000-0000-0000-000000000000"),
            ok("00000000-0000-0000-0000-000000000001"),
            ok("a0000000-0000-0000-0000-000000000000"),
        ];
        sorted.sort();
        let texts: Vec<String> = sorted.iter().map(Guid::to_string).collect();
        assert_eq!(
            texts,
            [
                "00000000-0000-0000-0000-000000000001",
                "a0000000-0000-0000-0000-000000000000",
                "FFFFFFFF-0000-0000-0000-000000000000",
            ]
        );
    }

    #[test]
    fn malformed_text() {
        assert_err("", "the text is empty");
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e6",
            "too short: expected 36 characters (8-4-4-4-12 hex digits), found the end of the text",
        );
        assert_err("0b9e6f4d", "too short");
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e612",
            "unexpected `2` at byte 36 after the 36 characters of a GUID",
        );
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61 ",
            "unexpected ` ` at byte 36",
        );
        assert_err(
            "{0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61}",
            "write the GUID without braces, as 8-4-4-4-12 hex digits",
        );
        assert_err(
            "urn:uuid:0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "write the GUID without the `urn:uuid:` prefix",
        );
        assert_err(
            "0b9e6f4d8e5a4c3b9f1e2a7d5c8b3e61",
            "expected `-` after hex group 1, found `8` at byte 8",
        );
        assert_err(
            "0b9e6f4d-8e5a4c3b-9f1e-2a7d5c8b3e61",
            "expected `-` after hex group 2, found `4` at byte 13",
        );
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d-5c8b3e61",
            "expected a hex digit, found `-` at byte 28: the groups have 8, 4, 4, 4 and 12 digits",
        );
        assert_err(
            "0b9e6f4-d8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "expected a hex digit, found `-` at byte 7",
        );
        assert_err(
            "0b9e6f4g-8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "expected a hex digit, found `g` at byte 7",
        );
        assert_err(
            " 0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "expected a hex digit, found ` ` at byte 0",
        );
        assert_err(
            "0b9e6f4d_8e5a_4c3b_9f1e_2a7d5c8b3e61",
            "expected `-` after hex group 1, found `_` at byte 8",
        );
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3eé1",
            "expected a hex digit, found `é` at byte 34",
        );
        assert_err(
            "0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e6é",
            "expected a hex digit, found `é` at byte 35",
        );
        assert_err(
            "0b9e6f4d‐8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "expected `-` after hex group 1, found `‐` at byte 8",
        ); // U+2010 hyphen
        assert_err(
            "０b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61",
            "expected a hex digit, found `０` at byte 0",
        );
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("{SAMPLE}{}", "x".repeat(10_000));
        let (_, reason) = testing::shortened::<Guid>(&long);
        assert_eq!(
            reason,
            "unexpected `x` at byte 36 after the 36 characters of a GUID"
        );
        assert_eq!(
            err("not-a-guid"),
            "invalid Guid `not-a-guid`: expected a hex digit, found `n` at byte 0"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Guid>(r#""0b9e6f4d""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid Guid \"0b9e6f4d\": too short: expected 36 characters (8-4-4-4-12 hex \
                 digits), found the end of the text; expected 8-4-4-4-12 hex digits such as \
                 0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61"
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Guid>("42").unwrap_err().to_string();
        assert!(error.contains("expected a GUID string such as"), "{error}");
        let error = crate::from_json::<Vec<Guid>>(format!(r#"["{SAMPLE}", "x"]"#).as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
    }

    /// Every hex digit in every position reads as its value.
    #[test]
    fn every_digit_in_every_position() {
        let zero = "00000000-0000-0000-0000-000000000000";
        let mut digit_index = 0;
        for pos in 0..36 {
            if DASHES.contains(&pos) {
                continue;
            }
            for (c, value) in "0123456789abcdefABCDEF"
                .chars()
                .zip((0..16u128).chain(10..16))
            {
                let mut text = zero.to_owned();
                text.replace_range(pos..pos + 1, &c.to_string());
                let guid = ok(&text);
                assert_eq!(guid.as_u128(), value << (4 * (31 - digit_index)), "{text}");
                assert_eq!(guid.to_string(), text);
            }
            digit_index += 1;
        }
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Guid>() {
            // Only lower- or upper-case text round-trips exactly.
            assert!(value.to_string().eq_ignore_ascii_case(text));
        }
        let _ = serde_json::from_value::<Guid>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in [SAMPLE, "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Guid>().is_ok());
            }
        }
        // Each hex position takes 22 of 256 bytes; everything else fails.
        assert!(
            accepted > 1_000 && accepted < checked / 4,
            "{accepted} of {checked}"
        );
    }
}
