//! Edm primitive types that have no exact Rust standard-library equivalent.
//!
//! | Edm type | Rust type | JSON |
//! |---|---|---|
//! | `Edm.String` | `String` | string |
//! | `Edm.Boolean` | `bool` | `true` / `false` |
//! | `Edm.Int32` (and `Byte`, `SByte`, `Int16`) | `i32` (`u8`, `i8`, `i16`) | number |
//! | `Edm.Int64` | `i64` | number; a string under `IEEE754Compatible=true` (see below) |
//! | `Edm.Double` (and `Single`) | [`Double`] | number, or `"NaN"`, `"INF"`, `"-INF"` |
//! | `Edm.Decimal` | [`Decimal`] | number, or a string under `IEEE754Compatible=true` |
//! | `Edm.DateTimeOffset` | [`DateTimeOffset`] | `"2016-12-31T23:57:57.7265241+03:00"` |
//! | `Edm.Date` | [`Date`] | `"2016-12-31"` |
//! | `Edm.TimeOfDay` | [`TimeOfDay`] | `"08:00:00.0000000"` |
//! | `Edm.Duration` | [`Duration`] | `"PT1H30M"` |
//! | `Edm.Guid` | [`Guid`] | `"0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61"` |
//! | `Edm.Binary` | [`Binary`] | `"ZW5jb2RlZFNldHRpbmdYbWw="` (base64) |
//!
//! `Edm.Int64` is a plain `i64`: Graph sends it as a JSON number, which
//! serde_json reads exactly. A client that sends the media-type parameter
//! `IEEE754Compatible=true` (`Accept: application/json;IEEE754Compatible=true`)
//! asks Graph to send `Edm.Int64` and `Edm.Decimal` as JSON *strings*
//! instead, for JavaScript's sake; `i64` does not read those. Nothing in this
//! crate sends that parameter, so `i64` is right unless you add it yourself,
//! in which case declare such fields as [`Decimal`] (which reads both forms)
//! or with a `deserialize_with` of your own.
//!
//! [`Double`]: crate::Double
//! [`Decimal`]: crate::Decimal
//! [`DateTimeOffset`]: crate::DateTimeOffset
//! [`Date`]: crate::Date
//! [`TimeOfDay`]: crate::TimeOfDay
//! [`Duration`]: crate::Duration
//! [`Guid`]: crate::Guid
//! [`Binary`]: crate::Binary

/// `FromStr`, `Deserialize` and [`TextValue`] for an Edm type read from a
/// JSON string, from its module's `KIND`, `EXAMPLE` and `parse`.
macro_rules! text_value {
    ($ty:ident, description = $description:literal, form = $form:literal) => {
        impl std::str::FromStr for $ty {
            type Err = crate::GraphError;

            /// Parses the text; see the type's documentation for the form.
            fn from_str(text: &str) -> Result<Self, crate::GraphError> {
                super::from_text(text)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            /// Reads a string and parses it as `FromStr` does.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::deserialize_text(deserializer)
            }
        }

        impl super::TextValue for $ty {
            const KIND: &'static str = KIND;
            const DESCRIPTION: &'static str = $description;
            const FORM: &'static str = $form;
            const EXAMPLE: &'static str = EXAMPLE;

            fn parse(text: &str) -> Result<Self, String> {
                parse(text)
            }
        }
    };
}
use text_value;

/// For a type that keeps the text it was parsed from (its `text` field):
/// `Display`, `Serialize` and `Debug` write that text exactly, and
/// `PartialEq`, `Eq` and `Hash` compare it (equality is textual; the types'
/// accessors compare values).
macro_rules! keeps_text {
    ($ty:ident) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&&*self.text).finish()
            }
        }

        /// Textual: see the type's documentation.
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                self.text == other.text
            }
        }

        impl Eq for $ty {}

        /// Hashes the text, consistently with `==`.
        impl std::hash::Hash for $ty {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.text.hash(state);
            }
        }

        impl serde::Serialize for $ty {
            /// Writes the text exactly as parsed.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text)
            }
        }
    };
}
use keeps_text;

mod binary;
mod date;
mod date_time_offset;
mod decimal;
mod double;
mod duration;
mod guid;
mod time_of_day;

pub(crate) mod calendar;
mod decimal_literal;
mod parse;

pub use binary::Binary;
pub use date::Date;
pub use date_time_offset::DateTimeOffset;
pub use decimal::Decimal;
pub use double::Double;
pub use duration::Duration;
pub use guid::Guid;
pub use time_of_day::TimeOfDay;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

use crate::{GraphError, Shortened};

/// An Edm type written as a JSON string: how it parses and how its errors
/// describe it. [`from_text`] and [`deserialize_text`] do the rest once.
trait TextValue: Sized {
    /// The Edm name, such as `Date`.
    const KIND: &'static str;
    /// What serde expected: `an Edm.Date string YYYY-MM-DD`.
    const DESCRIPTION: &'static str;
    /// The form named in errors: `YYYY-MM-DD`.
    const FORM: &'static str;
    /// A valid example, named in errors.
    const EXAMPLE: &'static str;

    /// The value of `text`, or why it is not one.
    fn parse(text: &str) -> Result<Self, String>;
}

/// `FromStr` for a [`TextValue`].
fn from_text<T: TextValue>(text: &str) -> Result<T, GraphError> {
    T::parse(text).map_err(|reason| GraphError::InvalidValue {
        kind: T::KIND,
        value: Shortened::new(text),
        reason,
    })
}

/// `Deserialize` for a [`TextValue`]: a string, parsed as [`from_text`]
/// does, whose error names the problem, the form and an example.
fn deserialize_text<'de, D: Deserializer<'de>, T: TextValue>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct TextVisitor<T>(PhantomData<T>);

    impl<T: TextValue> Visitor<'_> for TextVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{} such as {}", T::DESCRIPTION, T::EXAMPLE)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            T::parse(text).map_err(|reason| {
                E::custom(format_args!(
                    "invalid {} {:?}: {reason}; expected {} such as {}",
                    T::KIND,
                    Shortened::new(text),
                    T::FORM,
                    T::EXAMPLE
                ))
            })
        }
    }

    deserializer.deserialize_str(TextVisitor(PhantomData))
}

/// Inputs for the no-panic tests: mutations of valid samples.
#[cfg(test)]
pub(crate) mod mutations {
    /// Characters inserted into, and substituted in, samples: multibyte
    /// UTF-8 of every length, NUL, a BOM, and non-ASCII digits.
    const INSERTED: [char; 8] = ['é', '€', '😀', '\u{0}', '٣', '１', '\u{FEFF}', '\u{10FFFF}'];

    /// Every mutation of `sample` the no-panic tests try: each single-byte
    /// replacement that is still UTF-8, every truncation from either end,
    /// each byte removed, multibyte characters inserted at or replacing every
    /// position, and every prefix of those insertions.
    pub(crate) fn of(sample: &str) -> Vec<String> {
        let bytes = sample.as_bytes();
        let mut out = Vec::new();
        for i in 0..bytes.len() {
            for b in 0..=255u8 {
                let mut mutated = bytes.to_vec();
                mutated[i] = b;
                if let Ok(text) = String::from_utf8(mutated) {
                    out.push(text);
                }
            }
        }
        for i in 0..=bytes.len() {
            if let (Some(head), Some(tail)) = (sample.get(..i), sample.get(i..)) {
                out.push(head.to_owned());
                out.push(tail.to_owned());
                let mut removed = sample.to_owned();
                if i < bytes.len() {
                    removed.remove(i);
                }
                out.push(removed);
            }
        }
        for c in INSERTED {
            for i in 0..=bytes.len() {
                if !sample.is_char_boundary(i) {
                    continue;
                }
                let mut inserted = sample.to_owned();
                inserted.insert(i, c);
                let mut replaced = sample.to_owned();
                if let Some(next) = sample[i..].chars().next() {
                    replaced.replace_range(i..i + next.len_utf8(), c.encode_utf8(&mut [0; 4]));
                }
                out.push(replaced);
                for j in 0..inserted.len() {
                    if let Some(prefix) = inserted.get(..j) {
                        out.push(prefix.to_owned());
                    }
                }
                out.push(inserted);
            }
        }
        out
    }
}

/// What the Edm types' tests share: parsing that must succeed or fail, and
/// the error a failure must be.
#[cfg(test)]
pub(crate) mod testing {
    use std::fmt::Debug;
    use std::str::FromStr;

    use crate::GraphError;

    /// `T`'s name as its errors give it (`Date`, `TimeOfDay`, ...).
    fn kind<T>() -> &'static str {
        let name = std::any::type_name::<T>();
        name.rsplit("::").next().unwrap_or(name)
    }

    /// `text` parsed, which must succeed.
    pub(crate) fn ok<T: FromStr<Err = GraphError>>(text: &str) -> T {
        text.parse()
            .unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
    }

    /// The `FromStr` error for `text`, which must be invalid: an
    /// `InvalidValue` of `T`'s kind.
    fn error<T: FromStr<Err = GraphError> + Debug>(text: &str) -> GraphError {
        match text.parse::<T>() {
            Ok(value) => panic!("{text:?} should be invalid, parsed as {value:?}"),
            Err(error) => {
                assert!(
                    matches!(&error, GraphError::InvalidValue { kind, .. } if *kind == self::kind::<T>()),
                    "{error:?}"
                );
                error
            }
        }
    }

    /// The `FromStr` error message for `text`, which must be invalid.
    pub(crate) fn err<T: FromStr<Err = GraphError> + Debug>(text: &str) -> String {
        error::<T>(text).to_string()
    }

    /// `text` is invalid, and the message says `needle`.
    pub(crate) fn assert_err<T: FromStr<Err = GraphError> + Debug>(text: &str, needle: &str) {
        let message = err::<T>(text);
        assert!(
            message.contains(needle),
            "error for {text:?} should contain {needle:?}: {message}"
        );
    }

    /// The error for `long`, an invalid text of thousands of bytes: its value
    /// is shortened (so the error never echoes a huge input). Returns the
    /// shortened value and the reason.
    pub(crate) fn shortened<T: FromStr<Err = GraphError> + Debug>(long: &str) -> (String, String) {
        let GraphError::InvalidValue { value, reason, .. } = error::<T>(long) else {
            unreachable!("error() checked the variant")
        };
        assert!(value.as_str().len() < 400, "{value:?}");
        (value.as_str().to_owned(), reason)
    }
}
