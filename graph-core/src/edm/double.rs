//! `Edm.Double`: a 64-bit float whose NaN and infinities travel as strings.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::decimal_literal::{self, format_f64};
use crate::error::Shortened;
use crate::GraphError;

/// The Graph type name used in error messages.
const KIND: &str = "Double";

/// `Edm.Double` (and `Edm.Single`): an IEEE 754 64-bit float.
///
/// JSON has no NaN or infinity, so OData writes those three values as the
/// strings `"NaN"`, `"INF"` and `"-INF"`, and every other value as a JSON
/// number. A plain `f64` field fails on those strings (and serde_json would
/// write a NaN as `null`); `Double` reads both forms and writes each value
/// the way OData does.
///
/// * Read: a JSON number (integers too), or one of the three strings; any
///   other string is an error, since OData sends finite doubles as numbers.
/// * Written: a finite value as a JSON number, NaN and the infinities as
///   the strings. A number is written as serde_json writes an `f64` (the
///   shortest text that reads back as the same value), which need not be
///   the text received: `1.50` comes back as `1.5`.
/// * [`FromStr`] and [`Display`](fmt::Display) use OData's literal form:
///   `[+|-]digits[.digits][(e|E)[+|-]digits]` or `NaN`, `INF`, `-INF`.
///   A literal beyond the range of an `f64` (`1e400`) is an error.
///
/// It is a plain wrapper: the value is the public field `.0`, and it
/// dereferences to `f64`. `==` is `f64`'s (NaN is not equal to itself).
///
/// ```
/// use graph_core::Double;
///
/// let values: Vec<Double> = graph_core::from_json(br#"[1.5, 2, "NaN", "-INF"]"#)?;
/// assert_eq!(values[0], Double(1.5));
/// assert_eq!(*values[1], 2.0);
/// assert!(values[2].is_nan());
/// assert_eq!(values[3].0, f64::NEG_INFINITY);
/// assert_eq!(graph_core::to_json(&values)?, br#"[1.5,2.0,"NaN","-INF"]"#);
///
/// let parsed: Double = "INF".parse()?;
/// assert_eq!(parsed.0, f64::INFINITY);
/// assert_eq!(Double(f64::INFINITY).to_string(), "INF");
///
/// let err = graph_core::from_json::<Double>(br#""Infinity""#).unwrap_err();
/// assert!(err.to_string().contains(r#"expected a JSON number, or "NaN", "INF" or "-INF""#));
/// # Ok::<(), graph_core::GraphError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Double(pub f64);

impl Deref for Double {
    type Target = f64;

    fn deref(&self) -> &f64 {
        &self.0
    }
}

impl DerefMut for Double {
    fn deref_mut(&mut self) -> &mut f64 {
        &mut self.0
    }
}

impl From<f64> for Double {
    fn from(value: f64) -> Self {
        Double(value)
    }
}

impl From<f32> for Double {
    /// Exact: every `f32` is an `f64`.
    fn from(value: f32) -> Self {
        Double(f64::from(value))
    }
}

impl From<Double> for f64 {
    fn from(value: Double) -> Self {
        value.0
    }
}

/// The special value a string names, if it is one of OData's three.
fn special(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "INF" => Some(f64::INFINITY),
        "-INF" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// Parses an OData double literal; the error is the reason it is invalid.
fn parse(text: &str) -> Result<Double, String> {
    if let Some(value) = special(text) {
        return Ok(Double(value));
    }
    decimal_literal::check(text)
        .map_err(|reason| format!("{reason} (or use `NaN`, `INF`, `-INF`)"))?;
    let value: f64 = text
        .parse()
        .map_err(|error| format!("not a 64-bit float: {error}"))?;
    if value.is_infinite() {
        return Err(
            "out of range for a 64-bit float (write `INF` or `-INF` for an infinity)".to_owned(),
        );
    }
    Ok(Double(value))
}

impl FromStr for Double {
    type Err = GraphError;

    /// Parses an OData literal: a decimal number, `NaN`, `INF` or `-INF`.
    fn from_str(text: &str) -> Result<Self, GraphError> {
        parse(text).map_err(|reason| GraphError::InvalidValue {
            kind: KIND,
            value: Shortened::new(text),
            reason,
        })
    }
}

impl fmt::Display for Double {
    /// Writes `NaN`, `INF`, `-INF`, or the number as serde_json would
    /// (`1.5`, `2.0`, `1e-7`), which [`FromStr`] reads back exactly.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if value.is_nan() {
            f.write_str("NaN")
        } else if value.is_infinite() {
            f.write_str(if value > 0.0 { "INF" } else { "-INF" })
        } else {
            f.write_str(&format_f64(value))
        }
    }
}

impl Serialize for Double {
    /// Writes a JSON number, or `"NaN"`, `"INF"`, `"-INF"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        if value.is_nan() {
            serializer.serialize_str("NaN")
        } else if value.is_infinite() {
            serializer.serialize_str(if value > 0.0 { "INF" } else { "-INF" })
        } else {
            serializer.serialize_f64(value)
        }
    }
}

impl<'de> Deserialize<'de> for Double {
    /// Reads a JSON number, or `"NaN"`, `"INF"`, `"-INF"`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DoubleVisitor;

        impl Visitor<'_> for DoubleVisitor {
            type Value = Double;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"an Edm.Double: a JSON number, or "NaN", "INF" or "-INF""#)
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Double, E> {
                Ok(Double(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Double, E> {
                Ok(Double(value as f64))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Double, E> {
                Ok(Double(value as f64))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Double, E> {
                special(text).map(Double).ok_or_else(|| {
                    E::custom(format_args!(
                        r#"invalid {KIND} {:?}: expected a JSON number, or "NaN", "INF" or "-INF" (the only Edm.Double values sent as strings)"#,
                        Shortened::new(text)
                    ))
                })
            }
        }

        deserializer.deserialize_any(DoubleVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edm::testing;

    fn ok(text: &str) -> Double {
        testing::ok(text)
    }

    fn err(text: &str) -> String {
        testing::err::<Double>(text)
    }

    fn assert_err(text: &str, needle: &str) {
        testing::assert_err::<Double>(text, needle)
    }

    #[test]
    fn json_numbers_and_special_strings_round_trip() {
        for json in [
            "1.5",
            "2.0",
            "-0.0",
            "0.1",
            "1e-7",
            "1.7976931348623157e+308",
            "5e-324",
            r#""NaN""#,
            r#""INF""#,
            r#""-INF""#,
        ] {
            let value: Double = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
        }
        let read = |json: &str| serde_json::from_str::<Double>(json).unwrap().0;
        assert_eq!(read("2"), 2.0);
        assert_eq!(read("-2"), -2.0);
        assert_eq!(read("18446744073709551615"), 18_446_744_073_709_551_615.0);
        assert_eq!(read("1.50"), 1.5);
        assert!(read(r#""NaN""#).is_nan());
        assert_eq!(read(r#""INF""#), f64::INFINITY);
        assert_eq!(read(r#""-INF""#), f64::NEG_INFINITY);
        assert!(read("-0.0").is_sign_negative());
        // Integers are written as floats: Edm.Double is a float type.
        assert_eq!(serde_json::to_string(&Double(2.0)).unwrap(), "2.0");
        assert_eq!(
            serde_json::to_string(&Double(f64::NAN)).unwrap(),
            r#""NaN""#
        );
    }

    #[test]
    fn from_str_and_display_use_odata_literals() {
        for (text, value) in [
            ("1.5", 1.5),
            ("-2", -2.0),
            ("+2.5e3", 2500.0),
            ("1E-7", 1e-7),
            ("0", 0.0),
            ("1e-400", 0.0),
            ("INF", f64::INFINITY),
            ("-INF", f64::NEG_INFINITY),
        ] {
            assert_eq!(ok(text).0, value, "{text}");
        }
        assert!(ok("NaN").is_nan());
        for value in [
            1.5,
            2.0,
            -0.0,
            0.1,
            1e-7,
            1e21,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let text = Double(value).to_string();
            assert_eq!(ok(&text).0.to_bits(), value.to_bits(), "{text}");
        }
        assert_eq!(Double(2.0).to_string(), "2.0");
        assert_eq!(Double(f64::NAN).to_string(), "NaN");
        assert_eq!(Double(f64::INFINITY).to_string(), "INF");
        assert_eq!(Double(f64::NEG_INFINITY).to_string(), "-INF");
    }

    #[test]
    fn invalid_literals_are_rejected_with_the_reason() {
        assert_err("", "the text is empty");
        assert_err(
            "Infinity",
            "expected a digit or a sign, found `I` at byte 0 (or use `NaN`, `INF`, `-INF`)",
        );
        assert_err("inf", "expected a digit or a sign, found `i` at byte 0");
        assert_err("nan", "expected a digit or a sign");
        assert_err(
            "+INF",
            "expected a digit after the sign, found `I` at byte 1",
        );
        assert_err(".5", "expected a digit before the `.` at byte 0");
        assert_err("5.", "expected a digit after the `.`");
        assert_err("1e", "expected a digit in the exponent");
        assert_err("1.5x", "unexpected `x` at byte 3 after the number");
        assert_err(
            "1e400",
            "out of range for a 64-bit float (write `INF` or `-INF` for an infinity)",
        );
        assert_err("-1e400", "out of range for a 64-bit float");
        assert_err("1.5é", "unexpected `é` at byte 3 after the number");
        assert_eq!(
            err("1.5x"),
            "invalid Double `1.5x`: unexpected `x` at byte 3 after the number \
             (or use `NaN`, `INF`, `-INF`)"
        );
    }

    #[test]
    fn serde_error_names_problem_and_expected_form() {
        let error = serde_json::from_str::<Double>(r#""1.5""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with(
                r#"invalid Double "1.5": expected a JSON number, or "NaN", "INF" or "-INF" (the only Edm.Double values sent as strings)"#
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Double>("true")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(r#"expected an Edm.Double: a JSON number, or "NaN", "INF" or "-INF""#),
            "{error}"
        );
        let long = format!("\"{}\"", "x".repeat(10_000));
        let error = serde_json::from_str::<Double>(&long)
            .unwrap_err()
            .to_string();
        assert!(error.len() < 600, "{error}");
        let error = crate::from_json::<Vec<Double>>(br#"[1, "nan"]"#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("[1]"), "{error}");
    }

    #[test]
    fn wrapper_conversions() {
        let mut value = Double::from(1.5);
        *value += 1.0;
        assert_eq!(f64::from(value), 2.5);
        assert_eq!(value.floor(), 2.0);
        assert_eq!(Double::from(0.1_f32).0, f64::from(0.1_f32));
        assert!(Double(1.0) < Double(2.0));
        assert_ne!(Double(f64::NAN), Double(f64::NAN));
        assert_eq!(Double::default().0, 0.0);
    }

    fn check_no_panic(text: &str) {
        if let Ok(value) = text.parse::<Double>() {
            // Display writes a literal that reads back as the same value.
            let again = ok(&value.to_string());
            assert!(
                again.0.to_bits() == value.0.to_bits() || (again.is_nan() && value.is_nan()),
                "{text}"
            );
        }
        let _ = serde_json::from_value::<Double>(serde_json::Value::String(text.into()));
    }

    #[test]
    fn generated_inputs_never_panic() {
        let mut checked = 0;
        let mut accepted = 0;
        for sample in ["-1.7976931348623157e308", "-INF", "NaN", "0.075"] {
            for text in crate::edm::mutations::of(sample) {
                check_no_panic(&text);
                checked += 1;
                accepted += usize::from(text.parse::<Double>().is_ok());
            }
        }
        assert!(
            accepted > 100 && accepted < checked / 4,
            "{accepted} of {checked}"
        );
    }
}
