//! `Edm.Decimal`: an exact decimal number, kept as its text.
//!
//! JSON carries it as a number, or as a string when the client asks Graph
//! for `IEEE754Compatible=true`. Reading a JSON number exactly would need
//! serde_json's `arbitrary_precision` feature, which changes how serde_json
//! handles numbers for every crate in the build; it is not enabled, so a
//! JSON number arrives as an `i64`, `u64` or `f64` (see [`Decimal`]).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::decimal_literal::{self, format_f64};
use crate::error::Shortened;
use crate::GraphError;

/// The Graph type name used in error messages.
const KIND: &str = "Decimal";

/// A valid value, quoted in error messages to show the expected form.
const EXAMPLE: &str = "12.50";

/// `Edm.Decimal`: a decimal number of any precision, kept as its text,
/// `[+|-]digits[.digits][(e|E)[+|-]digits]` as OData defines it
/// (`12.50`, `-0.000001`, `1e-7`). It has no NaN or infinity.
///
/// # Two JSON forms
///
/// Graph sends a decimal as a JSON number, or as a JSON string when the
/// request asked for `IEEE754Compatible=true` (in `Accept` or
/// `Content-Type`: `application/json;IEEE754Compatible=true`). A value
/// remembers which form it came in ([`is_json_number`]) and is written back
/// in that form:
///
/// * **From a string** (`"12.50"`) the text is kept exactly and written back
///   byte for byte, whatever its precision. This is the exact form: ask
///   Graph for `IEEE754Compatible=true` when the digits matter.
/// * **From a number** (`12.50`) the value is limited to what serde_json
///   reads without its `arbitrary_precision` feature: integers exactly (up
///   to `u64::MAX` and down to `i64::MIN`), anything else as the nearest
///   `f64` (about 17 significant digits). The text is then that `i64`, `u64`
///   or `f64` as serde_json writes it (`12.5`), and it is written back as
///   the same JSON number. `arbitrary_precision` would keep the digits, but
///   it changes serde_json for the whole build, so it is not enabled.
///
/// Values made here follow the same rule: [`FromStr`] gives the string
/// form (exact), `From<i64>`, `From<u64>` (and the smaller integers) and
/// `TryFrom<f64>` give the number form. OData defines a decimal sent as a
/// string for a request whose `Content-Type` carries
/// `IEEE754Compatible=true`; add that parameter to requests whose body
/// holds string-form values (the endpoints here send plain
/// `application/json`).
///
/// Under `IEEE754Compatible=true` Graph also sends `Edm.Int64` as a string,
/// which an `i64` field does not read; `Decimal` does.
///
/// # Equality is textual
///
/// `==` and [`Hash`] compare the text (not the form), so `12.5` and
/// `12.50` are different values.
///
/// ```
/// use graph_core::Decimal;
///
/// // Exact, from a string (Graph with IEEE754Compatible=true).
/// let price: Decimal = graph_core::from_json(br#""12345678901234567890.125""#)?;
/// assert_eq!(price.as_str(), "12345678901234567890.125");
/// assert!(!price.is_json_number());
/// assert_eq!(graph_core::to_json(&price)?, br#""12345678901234567890.125""#);
///
/// // From a JSON number: as precise as an f64 or a 64-bit integer.
/// let rate: Decimal = graph_core::from_json(b"0.075")?;
/// assert!(rate.is_json_number());
/// assert_eq!(rate.as_str(), "0.075");
/// assert_eq!(graph_core::to_json(&rate)?, b"0.075");
///
/// // Made in code.
/// let text: Decimal = "-1.50e3".parse()?;
/// assert_eq!(text.to_f64(), -1500.0);
/// assert_eq!(graph_core::to_json(&Decimal::from(42_i64))?, b"42");
///
/// let err = "1.5.0".parse::<Decimal>().unwrap_err();
/// assert!(err.to_string().contains("unexpected `.` at byte 3"));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
///
/// [`is_json_number`]: Decimal::is_json_number
#[derive(Clone)]
pub struct Decimal {
    /// The text, valid for `decimal_literal::check`.
    text: Box<str>,
    /// The number it was read from or made of, when it is written as a JSON
    /// number; `None` for the string form.
    number: Option<JsonNumber>,
}

/// A JSON number as serde_json reads it without `arbitrary_precision`.
#[derive(Clone, Copy)]
enum JsonNumber {
    I64(i64),
    U64(u64),
    F64(f64),
}

impl Decimal {
    /// The text: as received for the string form, the number as serde_json
    /// writes it for the number form.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the value is written as a JSON number (it was read from one,
    /// or made from an integer or `f64`) rather than as a JSON string.
    pub fn is_json_number(&self) -> bool {
        self.number.is_some()
    }

    /// The nearest `f64`: exact only for values an `f64` can hold; beyond
    /// its range, an infinity.
    pub fn to_f64(&self) -> f64 {
        match self.number {
            Some(JsonNumber::F64(value)) => value,
            Some(JsonNumber::I64(value)) => value as f64,
            Some(JsonNumber::U64(value)) => value as f64,
            // The text passed `decimal_literal::check`, a subset of what Rust parses.
            None => self.text.parse().unwrap_or(f64::NAN),
        }
    }

    fn from_number(number: JsonNumber) -> Decimal {
        let text = match number {
            JsonNumber::I64(value) => value.to_string(),
            JsonNumber::U64(value) => value.to_string(),
            JsonNumber::F64(value) => format_f64(value),
        };
        Decimal {
            text: text.into(),
            number: Some(number),
        }
    }
}

/// Parses `text`; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Decimal, String> {
    if matches!(text, "NaN" | "INF" | "-INF") {
        return Err(format!(
            "{text} is an Edm.Double value; an Edm.Decimal has no NaN or infinity"
        ));
    }
    decimal_literal::check(text)?;
    Ok(Decimal {
        text: text.into(),
        number: None,
    })
}

impl FromStr for Decimal {
    type Err = GraphError;

    /// Checks the text (see [`Decimal`]) and keeps it; the value is written
    /// as a JSON string.
    fn from_str(text: &str) -> Result<Self, GraphError> {
        parse(text).map_err(|reason| GraphError::InvalidValue {
            kind: KIND,
            value: Shortened::new(text),
            reason,
        })
    }
}

impl fmt::Display for Decimal {
    /// Writes the text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Decimal {
    /// `Decimal("12.50")` for the string form, `Decimal(12.5)` for the
    /// number form: as each is written in JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.number.is_some() {
            write!(f, "Decimal({})", self.text)
        } else {
            write!(f, "Decimal({:?})", &*self.text)
        }
    }
}

/// Textual: see [`Decimal`] ("Equality is textual").
impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Decimal {}

/// Hashes the text, consistently with `==`.
impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

macro_rules! from_integer {
    ($($int:ty => $variant:ident($wide:ty)),*) => {$(
        impl From<$int> for Decimal {
            /// The integer, written as a JSON number.
            fn from(value: $int) -> Self {
                Decimal::from_number(JsonNumber::$variant(<$wide>::from(value)))
            }
        }
    )*};
}

from_integer!(i8 => I64(i64), i16 => I64(i64), i32 => I64(i64), i64 => I64(i64),
              u8 => U64(u64), u16 => U64(u64), u32 => U64(u64), u64 => U64(u64));

impl TryFrom<f64> for Decimal {
    type Error = GraphError;

    /// The `f64`, written as a JSON number; its text is the shortest that
    /// reads back as the same `f64` (`0.1`, not `0.1000000000000000055…`).
    /// NaN and infinities are errors.
    fn try_from(value: f64) -> Result<Self, GraphError> {
        if !value.is_finite() {
            return Err(GraphError::InvalidValue {
                kind: KIND,
                value: Shortened::new(&value.to_string()),
                reason: "an Edm.Decimal has no NaN or infinity".to_owned(),
            });
        }
        Ok(Decimal::from_number(JsonNumber::F64(value)))
    }
}

impl Serialize for Decimal {
    /// Writes a JSON string for the string form, a JSON number for the
    /// number form (see [`Decimal`]).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.number {
            None => serializer.serialize_str(&self.text),
            Some(JsonNumber::I64(value)) => serializer.serialize_i64(value),
            Some(JsonNumber::U64(value)) => serializer.serialize_u64(value),
            Some(JsonNumber::F64(value)) => serializer.serialize_f64(value),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    /// Reads a JSON string (kept exactly) or a JSON number (as serde_json
    /// reads it); see [`Decimal`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "an Edm.Decimal as a JSON number or a decimal string such as \"{EXAMPLE}\""
                )
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_number(JsonNumber::I64(value)))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
                Ok(Decimal::from_number(JsonNumber::U64(value)))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
                Decimal::try_from(value).map_err(|_| {
                    E::custom(format_args!(
                        "invalid {KIND} {value}: an Edm.Decimal has no NaN or infinity"
                    ))
                })
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
                parse(text).map_err(|reason| {
                    E::custom(format_args!(
                        "invalid {KIND} {:?}: {reason}; expected a decimal number such as \
                         \"{EXAMPLE}\" or \"-1.5e3\"",
                        Shortened::new(text)
                    ))
                })
            }
        }

        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    fn ok(text: &str) -> Decimal {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Decimal>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Decimal>(text, needle)
    }

    #[test]
    fn strings_round_trip_byte_for_byte() {
        for text in [
            "12.50",
            "0",
            "-0",
            "+1",
            "007",
            "12345678901234567890123456789012345678901234567890.00000000000000000001",
            "-0.000001",
            "1e-7",
            "1E+300",
            "-1.50e3",
            "1e99999999999999999999",
        ] {
            let value = ok(text);
            assert_eq!(value.as_str(), text);
            assert_eq!(value.to_string(), text);
            assert!(!value.is_json_number());
            assert_eq!(format!("{value:?}"), format!("Decimal({text:?})"));
            let json = format!("\"{text}\"");
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
            let read: Decimal = serde_json::from_str(&json).unwrap();
            assert_eq!(read, value);
            assert!(!read.is_json_number());
        }
    }

    #[test]
    fn json_numbers_are_read_as_serde_json_reads_them() {
        for (json, text) in [
            ("0", "0"),
            ("42", "42"),
            ("-42", "-42"),
            ("18446744073709551615", "18446744073709551615"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("12.5", "12.5"),
            ("0.075", "0.075"),
            ("1.0", "1.0"),
            ("-0.0", "-0.0"),
            ("1e-7", "1e-7"),
            // Not kept exactly: trailing zeros, exponents, and digits past f64.
            ("12.50", "12.5"),
            ("1e2", "100.0"),
            ("1E+2", "100.0"),
            ("18446744073709551616", "1.8446744073709552e+19"),
            ("0.1000000000000000000001", "0.1"),
        ] {
            let value: Decimal = serde_json::from_str(json).unwrap();
            assert!(value.is_json_number(), "{json}");
            assert_eq!(value.as_str(), text, "{json}");
            assert_eq!(format!("{value:?}"), format!("Decimal({text})"));
            // Written back as the same JSON number, whose text is `as_str`.
            let written = serde_json::to_string(&value).unwrap();
            assert_eq!(written, text, "{json}");
            let again: Decimal = serde_json::from_str(&written).unwrap();
            assert_eq!(again, value);
            assert_eq!(again.to_f64().to_bits(), value.to_f64().to_bits());
        }
    }

    #[test]
    fn made_in_code() {
        assert_eq!(serde_json::to_string(&Decimal::from(42_i64)).unwrap(), "42");
        assert_eq!(serde_json::to_string(&Decimal::from(-7_i8)).unwrap(), "-7");
        assert_eq!(
            serde_json::to_string(&Decimal::from(u64::MAX)).unwrap(),
            "18446744073709551615"
        );
        assert_eq!(Decimal::from(3_u16).as_str(), "3");
        assert!(Decimal::from(3_u16).is_json_number());
        let value = Decimal::try_from(0.1).unwrap();
        assert_eq!(value.as_str(), "0.1");
        assert_eq!(serde_json::to_string(&value).unwrap(), "0.1");
        for special in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let error = Decimal::try_from(special).unwrap_err().to_string();
            assert!(error.contains("has no NaN or infinity"), "{error}");
        }
        // Textual equality ignores the form.
        assert_eq!(Decimal::from(42_u8), ok("42"));
        assert_ne!(Decimal::try_from(12.5).unwrap(), ok("12.50"));
    }

    #[test]
    fn to_f64() {
        assert_eq!(ok("12.50").to_f64(), 12.5);
        assert_eq!(ok("-1.50e3").to_f64(), -1500.0);
        assert_eq!(ok("+1E+2").to_f64(), 100.0);
        assert_eq!(ok("1e99999999999999999999").to_f64(), f64::INFINITY);
        assert_eq!(ok("-1e400").to_f64(), f64::NEG_INFINITY);
        assert_eq!(ok("1e-400").to_f64(), 0.0);
        assert_eq!(Decimal::from(-3_i64).to_f64(), -3.0);
        assert_eq!(Decimal::from(3_u64).to_f64(), 3.0);
    }

    #[test]
    fn invalid_text_is_rejected_with_the_reason() {
        assert_err("", "the text is empty");
        assert_err(
            "NaN",
            "NaN is an Edm.Double value; an Edm.Decimal has no NaN or infinity",
        );
        assert_err("INF", "an Edm.Decimal has no NaN or infinity");
        assert_err("-INF", "an Edm.Decimal has no NaN or infinity");
        assert_err("inf", "expected a digit or a sign, found `i` at byte 0");
        assert_err(
            ".5",
            "expected a digit before the `.` at byte 0 (write `0.5`, not `.5`)",
        );
        assert_err("-.5", "expected a digit before the `.` at byte 1");
        assert_err("5.", "expected a digit after the `.`, found the end of the text (write `5.0` or `5`, not `5.`)");
        assert_err(
            "5.e3",
            "expected a digit after the `.`, found `e` at byte 2",
        );
        assert_err(
            "1e",
            "expected a digit in the exponent, found the end of the text",
        );
        assert_err("1e+", "expected a digit in the exponent, found the end");
        assert_err(
            "1e+-3",
            "expected a digit in the exponent, found `-` at byte 3",
        );
        assert_err("1.5e3.0", "unexpected `.` at byte 5 after the number");
        assert_err("1.5.0", "unexpected `.` at byte 3 after the number");
        assert_err(
            "-",
            "expected a digit after the sign, found the end of the text",
        );
        assert_err(
            "+-1",
            "expected a digit after the sign, found `-` at byte 1",
        );
        assert_err(" 1", "expected a digit or a sign, found ` ` at byte 0");
        assert_err("1 ", "unexpected ` ` at byte 1 after the number");
        assert_err("1,5", "unexpected `,` at byte 1 after the number");
        assert_err("1_000", "unexpected `_` at byte 1 after the number");
        assert_err("0x10", "unexpected `x` at byte 1 after the number");
        assert_err("1d", "unexpected `d` at byte 1 after the number");
        assert_err("١٢", "expected a digit or a sign, found `١` at byte 0");
        assert_err("1é", "unexpected `é` at byte 1 after the number");
        assert_err("12.5€", "unexpected `€` at byte 4 after the number");
    }

    #[test]
    fn error_value_is_the_text_shortened() {
        let long = format!("1{}x", "0".repeat(10_000));
        let (_, reason) = testing::shortened::<Decimal>(&long);
        assert_eq!(reason, "unexpected `x` at byte 10001 after the number");
        assert_eq!(
            err("1.5.0"),
            "invalid Decimal `1.5.0`: unexpected `.` at byte 3 after the number"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Decimal>(r#""12,50""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                "invalid Decimal \"12,50\": unexpected `,` at byte 2 after the number; \
                 expected a decimal number such as \"12.50\" or \"-1.5e3\""
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Decimal>("true")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("expected an Edm.Decimal as a JSON number or a decimal string"),
            "{error}"
        );
        let error = crate::from_json::<Vec<Decimal>>(br#"[1, "NaN"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
        assert!(error.contains("has no NaN or infinity"), "{error}");
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Decimal>() {
            assert_eq!(value.as_str(), text);
            // Whatever the grammar accepts, Rust's float parser reads.
            assert!(text.parse::<f64>().is_ok(), "{text}");
            let _ = value.to_f64();
        }
        let _ = serde_json::from_value::<Decimal>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in ["-12.50e+3", "0.075", "18446744073709551616"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Decimal>().is_ok());
            }
        }
        // Replacing a digit by another keeps a decimal valid; most else does not.
        assert!(
            accepted > 1_000 && accepted < checked / 2,
            "{accepted} of {checked}"
        );
    }
}
