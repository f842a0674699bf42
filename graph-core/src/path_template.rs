//! Path templates with every kind of parameter: whole segments (`{userId}`),
//! several segments (`{+path}`, RFC 6570's reserved expansion) and function
//! parameters (`range(address={address})`).
//!
//! [`graph_endpoint!`](crate::graph_endpoint) checks templates at compile
//! time and calls [`expand`] from [`Endpoint::path`](crate::Endpoint::path);
//! call it yourself when you implement [`Endpoint`](crate::Endpoint) by hand.

use percent_encoding::{utf8_percent_encode, AsciiSet};

use crate::endpoint::{push_segment, SEGMENT};
use crate::url_literal::is_one_literal;
use crate::{GraphError, UrlLiteral};

/// The value of one `{...}` of a path template, in template order.
#[derive(Clone, Copy)]
pub enum PathValue<'a> {
    /// `{name}`: exactly one segment (see
    /// [`expand_path`](crate::endpoint::expand_path)).
    Segment(&'a str),
    /// `{+name}`: one or more segments separated by `/`, such as
    /// `Documents/Q3 report.docx`, each percent-encoded on its own.
    Segments(&'a str),
    /// `{name}` inside a function's parentheses: an OData literal.
    Literal(&'a dyn UrlLiteral),
}

impl std::fmt::Debug for PathValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathValue::Segment(value) => f.debug_tuple("Segment").field(value).finish(),
            PathValue::Segments(value) => f.debug_tuple("Segments").field(value).finish(),
            PathValue::Literal(value) => {
                let mut literal = String::new();
                value.write_url_literal(&mut literal);
                f.debug_tuple("Literal").field(&literal).finish()
            }
        }
    }
}

/// What a literal keeps as is besides letters and digits: `'` (the quotes
/// and the doubled quotes inside text) and `-._~:`, so that
/// `range(address='A1:B2')` reads as Graph documents it. Everything else is
/// percent-encoded: `/ ? #` cannot end the segment, path or query, `%`
/// cannot start an escape, `+` (in time zone offsets) cannot read as a
/// space, and `( ) , =` never appear raw inside a value.
const LITERAL: &AsciiSet = &SEGMENT.remove(b'\'').remove(b':');

/// Fills the parameters of a path template with `values`, in order.
///
/// * `{name}` is one segment: every byte but `A-Z a-z 0-9 - . _ ~`
///   percent-encoded, and an empty, `.` or `..` value refused.
/// * `{+name}` is one or more segments: the value is split on `/` and each
///   part encoded as `{name}` is, so `/` separates segments but `#`, `?`,
///   `%`, `:`, spaces, `'` and non-ASCII text are encoded; an empty part
///   (a leading, trailing or doubled `/`) and `.` or `..` are refused, so a
///   value cannot address anything outside its place.
/// * `{name}` between a function's parentheses is the value's
///   [`UrlLiteral`], percent-encoded but for `'`, `:` and `-._~`.
///
/// ```
/// use graph_core::path_template::{expand, PathValue};
///
/// let path = expand(
///     "/me/drive/root:/{+path}:/workbook/worksheets/{worksheetId}/range(address={address})",
///     &[
///         PathValue::Segments("Finance/Q3 #1.xlsx"),
///         PathValue::Segment("Sheet1"),
///         PathValue::Literal(&"A1:B2"),
///     ],
/// )
/// .unwrap();
/// assert_eq!(
///     path,
///     "/me/drive/root:/Finance/Q3%20%231.xlsx:/workbook/worksheets/Sheet1/range(address='A1:B2')"
/// );
/// ```
///
/// # Errors
/// [`GraphError::InvalidPathParameter`] naming the parameter when a value
/// is refused (see above) or a [`UrlLiteral`] implementation writes more or
/// less than one literal; [`GraphError::InvalidRequest`] when the template
/// has an unclosed `{`, its number of parameters differs from the number of
/// values, or a value is not of the kind its place in the template needs.
pub fn expand(template: &'static str, values: &[PathValue<'_>]) -> Result<String, GraphError> {
    let mut path = String::with_capacity(template.len() + 16 * values.len());
    let mut values_left = values.iter();
    let mut rest = template;
    let mut in_function = false;
    while let Some(open) = rest.find('{') {
        let text = &rest[..open];
        in_function = inside_function(in_function, text);
        path.push_str(text);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(GraphError::InvalidRequest {
                reason: format!("the path template `{template}` has a `{{` without `}}`"),
            });
        };
        let marker = &after[..close];
        let (name, several) = match marker.strip_prefix('+') {
            Some(name) => (name, true),
            None => (marker, false),
        };
        let Some(value) = values_left.next() else {
            return Err(count_mismatch(template, values.len()));
        };
        match (value, several, in_function) {
            (PathValue::Segment(value), false, false) => push_segment(&mut path, name, value)?,
            (PathValue::Segments(value), true, false) => push_segments(&mut path, name, value)?,
            (PathValue::Literal(value), false, true) => push_literal(&mut path, name, *value)?,
            _ => {
                return Err(GraphError::InvalidRequest {
                    reason: format!(
                        "the value of `{{{marker}}}` in the path template `{template}` is not of \
                         the kind its place needs (`{{name}}`: PathValue::Segment, `{{+name}}`: \
                         PathValue::Segments, `{{name}}` in a function's parentheses: \
                         PathValue::Literal)"
                    ),
                })
            }
        }
        rest = &after[close + 1..];
    }
    path.push_str(rest);
    if values_left.next().is_some() {
        return Err(count_mismatch(template, values.len()));
    }
    Ok(path)
}

/// Whether the template is inside a function's parentheses after `text`,
/// given whether it was before: quoted text (a fixed argument) is skipped.
fn inside_function(mut inside: bool, text: &str) -> bool {
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => inside = true,
            ')' if !quoted => inside = false,
            '/' if !quoted => inside = false,
            _ => {}
        }
    }
    inside
}

fn count_mismatch(template: &str, values: usize) -> GraphError {
    GraphError::InvalidRequest {
        reason: format!(
            "the path template `{template}` has {} parameters, but {values} values were given",
            template.matches('{').count()
        ),
    }
}

fn push_segments(path: &mut String, name: &'static str, value: &str) -> Result<(), GraphError> {
    if value.is_empty() {
        // Reported as for a single segment: "it is empty".
        return push_segment(path, name, value);
    }
    let refused = |reason| Err(GraphError::InvalidPathParameter { name, reason });
    for (index, segment) in value.split('/').enumerate() {
        match segment {
            "" => {
                return refused(
                    "it has an empty segment (a leading, trailing or doubled `/`); \
                     write the path relative to its place, such as `Documents/report.docx`",
                )
            }
            "." | ".." => {
                return refused(
                    "it has a `.` or `..` segment, which URL parsers resolve to another \
                     resource; write the path without it",
                )
            }
            _ => {
                if index > 0 {
                    path.push('/');
                }
                push_segment(path, name, segment)?;
            }
        }
    }
    Ok(())
}

fn push_literal(
    path: &mut String,
    name: &'static str,
    value: &dyn UrlLiteral,
) -> Result<(), GraphError> {
    let mut literal = String::new();
    value.write_url_literal(&mut literal);
    if !is_one_literal(&literal) {
        return Err(GraphError::InvalidPathParameter {
            name,
            reason: "its `UrlLiteral` implementation did not write exactly one OData literal \
                     (a word of letters, digits and `-.:+_`, or `'text'` with `'` doubled \
                     inside, after an optional type name)",
        });
    }
    path.extend(utf8_percent_encode(&literal, LITERAL));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Raw(&'static str);

    impl UrlLiteral for Raw {
        fn write_url_literal(&self, out: &mut String) {
            out.push_str(self.0);
        }
    }

    #[test]
    fn function_parameters_are_quoted_and_encoded() {
        let path = expand(
            "/reports/getEmailActivityUserDetail(period={period})",
            &[PathValue::Literal(&"D7")],
        )
        .unwrap();
        assert_eq!(path, "/reports/getEmailActivityUserDetail(period='D7')");
        let path = expand(
            "/f(a={a},b={b})/x",
            &[
                PathValue::Literal(&"it's ,)=(/?#%+ é"),
                PathValue::Literal(&None::<i32>),
            ],
        )
        .unwrap();
        assert_eq!(
            path,
            "/f(a='it''s%20%2C%29%3D%28%2F%3F%23%25%2B%20%C3%A9',b=null)/x"
        );
    }

    #[test]
    fn several_segments_are_encoded_one_by_one() {
        let path = expand(
            "/sites/{hostname}:/{+serverRelativePath}",
            &[
                PathValue::Segment("contoso.sharepoint.com"),
                PathValue::Segments("teams/1drv team/a:b?c#d%e'é"),
            ],
        )
        .unwrap();
        assert_eq!(
            path,
            "/sites/contoso.sharepoint.com:/teams/1drv%20team/a%3Ab%3Fc%23d%25e%27%C3%A9"
        );
        for (value, problem) in [
            ("", "empty"),
            ("/a", "empty segment"),
            ("a/", "empty segment"),
            ("a//b", "empty segment"),
            ("a/../b", "`..`"),
            (".", "`.`"),
        ] {
            match expand("/x/{+p}", &[PathValue::Segments(value)]) {
                Err(GraphError::InvalidPathParameter { name: "p", reason }) => {
                    assert!(reason.contains(problem), "{value}: {reason}")
                }
                other => panic!("{value}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_literal_that_is_not_one_is_refused() {
        for raw in ["a,b=c", "'a", "1)", ""] {
            let error = expand("/f(a={a})", &[PathValue::Literal(&Raw(raw))]).unwrap_err();
            assert!(
                matches!(error, GraphError::InvalidPathParameter { name: "a", .. }),
                "{raw}"
            );
        }
    }

    #[test]
    fn values_of_the_wrong_kind_are_refused() {
        for (template, value) in [
            ("/a/{b}", PathValue::Literal(&1)),
            ("/a/{+b}", PathValue::Segment("x")),
            ("/f(a={a})", PathValue::Segment("x")),
            ("/f(a='(',b={b})", PathValue::Segments("x")),
        ] {
            let error = expand(template, &[value]).unwrap_err();
            assert!(
                matches!(error, GraphError::InvalidRequest { .. }),
                "{template}"
            );
        }
        // A parameter after the function is a segment again.
        assert_eq!(
            expand("/f(a='(')/{b}", &[PathValue::Segment("x")]).unwrap(),
            "/f(a='(')/x"
        );
    }
}
