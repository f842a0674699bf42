//! Function parameters in a URL: values written as OData URL literals
//! (OData 4.01 URL Conventions, section 5.1.1.x, and the ABNF's
//! `primitiveLiteral`), such as `'D7'`, `2017-09-01`, `duration'P1D'`.

use std::borrow::Cow;
use std::fmt::Write as _;

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine as _;

use crate::{
    Binary, Date, DateTimeOffset, Decimal, Double, Duration, Flags, FlagsEnum, GraphEnum, Guid,
    TimeOfDay,
};

/// A value that can be a function parameter in a URL, written as an OData
/// URL literal: `period='D7'` in `/reports/getEmailActivityUserDetail(period='D7')`.
///
/// [`graph_endpoint!`](crate::graph_endpoint) writes each value declared
/// under `parameters: { ... }` with this trait, then percent-encodes it, so
/// that no value can close the parameter list, add a parameter, or end the
/// segment, the path, the query or the fragment.
///
/// | Rust type | literal |
/// |---|---|
/// | `String`, `str`, `&str`, `Cow<str>`, `Box<str>` | `'O''Neil'` (single-quoted, `'` doubled) |
/// | integers, `bool` | `-42`, `true` |
/// | [`Double`], `f64`, `f32` | `1.5`, `1e-7`, `NaN`, `INF`, `-INF` |
/// | [`Decimal`] | `12.50` |
/// | [`Guid`] | `0b9e6f4d-8e5a-4c3b-9f1e-2a7d5c8b3e61` |
/// | [`Date`], [`DateTimeOffset`], [`TimeOfDay`] | `2017-09-01`, `2017-09-01T10:00:00Z`, `08:00:00` |
/// | [`Duration`] | `duration'P1D'` |
/// | [`Binary`] | `binary'AQID'` (base64url) |
/// | `#[graph_enum]` types | `'compliant'`, [`Flags`] `'email,push'` |
/// | `Option<T>` | `null` for `None`, `T`'s literal otherwise |
///
/// Enumeration members are written without their type's namespace, as
/// OData 4.01 allows (`'compliant'` rather than
/// `microsoft.graph.complianceStatus'compliant'`).
///
/// Implement it for your own types by writing one literal. Whatever you
/// write is checked before it is sent: it must be one literal, either a
/// bare word of letters, digits and `-.:+_` (a number, a date, `null`), or
/// a single-quoted text with `'` doubled inside, optionally after a type
/// prefix (`duration'P1D'`); anything else makes the request fail with
/// [`GraphError::InvalidPathParameter`](crate::GraphError::InvalidPathParameter).
///
/// ```
/// use graph_core::UrlLiteral;
///
/// struct Period(u16);
///
/// impl UrlLiteral for Period {
///     fn write_url_literal(&self, out: &mut String) {
///         format!("D{}", self.0).write_url_literal(out)
///     }
/// }
///
/// let mut out = String::new();
/// Period(7).write_url_literal(&mut out);
/// assert_eq!(out, "'D7'");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a function parameter in a URL: it does not implement `graph_core::UrlLiteral`",
    label = "not a `graph_core::UrlLiteral`",
    note = "use `String`, an integer, `bool`, an Edm type (`graph_core::Date`, `DateTimeOffset`, `Guid`, `Duration`, ...), a `#[graph_enum]`, or `Option` of one of these",
    note = "or implement `graph_core::UrlLiteral` for `{Self}`, writing its OData literal"
)]
pub trait UrlLiteral {
    /// Appends the OData literal of `self` to `out`, before percent-encoding:
    /// `'O''Neil'`, not `%27O%27%27Neil%27`.
    fn write_url_literal(&self, out: &mut String);
}

/// `'text'` with every `'` doubled.
fn write_quoted(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('\'');
    for (index, part) in text.split('\'').enumerate() {
        if index > 0 {
            out.push_str("''");
        }
        out.push_str(part);
    }
    out.push('\'');
}

impl UrlLiteral for str {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self);
    }
}

impl UrlLiteral for &str {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self);
    }
}

impl UrlLiteral for String {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self);
    }
}

impl UrlLiteral for Cow<'_, str> {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self);
    }
}

impl UrlLiteral for Box<str> {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self);
    }
}

/// Types whose `Display` is their literal.
macro_rules! displayed {
    ($($ty:ty),* $(,)?) => {$(
        impl UrlLiteral for $ty {
            fn write_url_literal(&self, out: &mut String) {
                // Writing to a `String` cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

displayed!(i8, i16, i32, i64, u8, u16, u32, u64, bool, Double, Decimal, Guid, Date);

impl UrlLiteral for f64 {
    fn write_url_literal(&self, out: &mut String) {
        Double(*self).write_url_literal(out);
    }
}

/// `Edm.Single`: the shortest text that reads back as this `f32` (`0.1`),
/// not the digits of its widening to `f64` (`0.10000000149011612`).
impl UrlLiteral for f32 {
    fn write_url_literal(&self, out: &mut String) {
        if self.is_finite() {
            // `Debug` is the shortest round-trip form, with an exponent
            // where that is shorter (`1e-7`), as the ABNF's `decimalValue`.
            let _ = write!(out, "{self:?}");
        } else {
            Double(f64::from(*self)).write_url_literal(out);
        }
    }
}

impl UrlLiteral for DateTimeOffset {
    fn write_url_literal(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

impl UrlLiteral for TimeOfDay {
    fn write_url_literal(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

impl UrlLiteral for Duration {
    fn write_url_literal(&self, out: &mut String) {
        out.push_str("duration");
        write_quoted(out, self.as_str());
    }
}

impl UrlLiteral for Binary {
    fn write_url_literal(&self, out: &mut String) {
        out.push_str("binary'");
        URL_SAFE.encode_string(self.as_slice(), out);
        out.push('\'');
    }
}

impl<T: UrlLiteral> UrlLiteral for Option<T> {
    fn write_url_literal(&self, out: &mut String) {
        match self {
            Some(value) => value.write_url_literal(out),
            None => out.push_str("null"),
        }
    }
}

/// Every `#[graph_enum]`: its member's wire name, quoted (a member kept in
/// an `other` variant is written as received, quotes doubled).
///
/// Not recommended in errors: for a type without `UrlLiteral`, "`GraphEnum`
/// is not implemented" would send the user the wrong way.
#[diagnostic::do_not_recommend]
impl<E: GraphEnum> UrlLiteral for E {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, self.as_str());
    }
}

impl<E: FlagsEnum> UrlLiteral for Flags<E> {
    fn write_url_literal(&self, out: &mut String) {
        write_quoted(out, &self.to_string());
    }
}

/// Whether `literal` is exactly one OData literal as [`UrlLiteral`]
/// documents: a bare word, or quoted text after an optional type prefix.
/// Such a literal cannot end the parameter list or start another parameter,
/// however its characters are later encoded.
pub(crate) fn is_one_literal(literal: &str) -> bool {
    let prefix_end = literal
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-.:+_".contains(c)))
        .unwrap_or(literal.len());
    let (prefix, rest) = literal.split_at(prefix_end);
    if rest.is_empty() {
        return !prefix.is_empty();
    }
    // A type prefix is a (qualified) name: no sign, colon or leading digit.
    let valid_prefix = prefix.is_empty()
        || (prefix.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && !prefix.contains(['-', ':', '+']));
    let Some(quoted) = rest.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) else {
        return false;
    };
    // Inside, quotes come in pairs: an odd run would end the text early.
    valid_prefix
        && quoted
            .split(|c| c != '\'')
            .all(|quotes| quotes.len() % 2 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(value: &(impl UrlLiteral + ?Sized)) -> String {
        let mut out = String::new();
        value.write_url_literal(&mut out);
        out
    }

    #[test]
    fn each_type_writes_its_odata_literal() {
        assert_eq!(literal("D7"), "'D7'");
        assert_eq!(literal("O'Neil''s"), "'O''Neil''''s'");
        assert_eq!(literal(""), "''");
        assert_eq!(literal(&-42i32), "-42");
        assert_eq!(literal(&u64::MAX), "18446744073709551615");
        assert_eq!(literal(&true), "true");
        assert_eq!(literal(&1.5f64), "1.5");
        assert_eq!(literal(&f64::NEG_INFINITY), "-INF");
        assert_eq!(literal(&0.1f32), "0.1");
        assert_eq!(literal(&1e-7f32), "1e-7");
        assert_eq!(literal(&-2.5e30f32), "-2.5e30");
        assert_eq!(literal(&f32::NAN), "NaN");
        assert_eq!(literal(&f32::INFINITY), "INF");
        assert_eq!(literal(&Some(3u8)), "3");
        assert_eq!(literal(&None::<String>), "null");
        let date: Date = "2017-09-01".parse().unwrap();
        assert_eq!(literal(&date), "2017-09-01");
        let at: DateTimeOffset = "2017-09-01T10:00:00+02:00".parse().unwrap();
        assert_eq!(literal(&at), "2017-09-01T10:00:00+02:00");
        let duration: Duration = "P1D".parse().unwrap();
        assert_eq!(literal(&duration), "duration'P1D'");
        assert_eq!(literal(&Binary(vec![0xfb, 0xff])), "binary'-_8='");
        let guid: Guid = "0B9E6F4D-8E5A-4C3B-9F1E-2A7D5C8B3E61".parse().unwrap();
        assert_eq!(literal(&guid), "0B9E6F4D-8E5A-4C3B-9F1E-2A7D5C8B3E61");
    }

    #[test]
    fn one_literal_is_recognised() {
        for valid in [
            "'a'",
            "''",
            "'it''s'",
            "''''",
            "duration'P1D'",
            "microsoft.graph.status'a'",
            "-42",
            "2017-09-01T10:00:00+02:00",
            "null",
            "'a,b)=('",
            "'a'''",
        ] {
            assert!(is_one_literal(valid), "{valid}");
        }
        for invalid in [
            "", "'", "'a", "a'", "'a'b'", "a,b", "a)", "a=b", "x y", "'a')", "1x'a'", "-x'a'",
            "'a''",
        ] {
            assert!(!is_one_literal(invalid), "{invalid}");
        }
    }
}
