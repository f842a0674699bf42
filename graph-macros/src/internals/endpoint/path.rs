//! The grammar of an endpoint's path template, read from the text of its
//! string literal:
//!
//! ```text
//! template  = "/" segment *( "/" segment )
//! segment   = parameter / segments / function / system / literal
//! parameter = "{" name "}" [ ":" ]             ; a whole segment
//! segments  = "{+" name "}" [ ":" ]            ; one or more segments (RFC 6570)
//! function  = fname "(" [ argument *( "," argument ) ] ")"   ; see `function_call`
//! name      = ( ALPHA / "_" ) *( ALPHA / DIGIT / "_" )
//! system    = "$ref" / "$value" / "$count"     ; the last segment only
//! literal   = 1*( pchar / pct-encoded )        ; RFC 3986, not "." or ".."
//! ```
//!
//! The `:` after a parameter is Graph's path addressing
//! (`/sites/{hostname}:/{+serverRelativePath}`, `/root:/{+path}:/content`):
//! the value is percent-encoded, so it cannot hold a `:` of its own.
//!
//! There is no query (`?...`) and no fragment (`#...`): query options are
//! added at run time, and a fragment is never sent. A literal segment is sent
//! as written, so it must already be valid in a URL; a parameter's value is
//! percent-encoded at run time (`graph_core::path_template::expand`), which
//! finds parameters by their braces alone.
//!
//! Problems are reported to the `Ctxt` at the whole literal (stable Rust
//! cannot point inside a string), each saying what to write instead. What
//! the parameters become in Rust (fields) is for `check` to decide.

use std::fmt::Display;

use syn::LitStr;

use super::function_call::{self, Argument, ArgumentValue};
use super::keyword::{code, listed, SystemSegment, QUERY_OPTIONS};
use crate::internals::{to_lower_camel, Ctxt};

/// A path template as read, for the parts that have no problem.
pub struct PathTemplate {
    /// The segments in path order; a segment with a problem is left out.
    pub segments: Vec<Segment>,
    /// Whether [`params`](Self::params) are all the parameters of the path
    /// for sure: `false` when braces do not pair up or a `{...}` segment is
    /// not a valid parameter.
    pub params_known: bool,
}

impl PathTemplate {
    /// The parameters' names, in path order.
    #[cfg(test)]
    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.parameters().map(|(name, _)| name)
    }

    /// The parameters, in path order, with what each is.
    pub fn parameters(&self) -> impl Iterator<Item = (&str, ParamKind)> {
        self.segments.iter().flat_map(|segment| {
            let found: Vec<(&str, ParamKind)> = match segment {
                Segment::Param(name) => vec![(name.as_str(), ParamKind::Segment)],
                Segment::Segments(name) => vec![(name.as_str(), ParamKind::Segments)],
                Segment::Function { args, .. } => args
                    .iter()
                    .filter_map(|arg| match &arg.value {
                        ArgumentValue::Param(name) => Some((name.as_str(), ParamKind::Function)),
                        ArgumentValue::Fixed(_) => None,
                    })
                    .collect(),
                Segment::Literal(_) | Segment::System(_) => Vec::new(),
            };
            found
        })
    }
}

/// What a parameter of the path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// `{name}`: one segment, a `String`.
    Segment,
    /// `{+name}`: one or more segments, a `String`.
    Segments,
    /// `{name}` inside a function's parentheses: a typed OData literal.
    Function,
}

/// One `/`-separated part of a path template.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment {
    /// Sent as written: `users`, `microsoft.graph.delta()`, `root:`.
    Literal(String),
    /// `{userId}`: replaced by a value at run time.
    Param(String),
    /// `{+path}`: replaced by one or more segments at run time.
    Segments(String),
    /// `range(address={address})`, `delta()`: a function call.
    Function { name: String, args: Vec<Argument> },
    /// `$ref`, `$value` or `$count`, as the last segment.
    System(SystemSegment),
}

/// Reads the template in `lit`, reporting every problem to `cx`.
pub fn parse(cx: &mut Ctxt, lit: &LitStr) -> PathTemplate {
    let text = lit.value();
    read(&text, &mut Report { cx, lit })
}

/// Where the problems of one template go.
pub(super) struct Report<'a> {
    cx: &'a mut Ctxt,
    lit: &'a LitStr,
}

impl Report<'_> {
    pub(super) fn problem(&mut self, message: impl Display) {
        self.cx.error_spanned_by(self.lit, message);
    }
}

fn read(text: &str, report: &mut Report) -> PathTemplate {
    let mut template = PathTemplate {
        segments: Vec::new(),
        params_known: false,
    };
    if text.is_empty() {
        report.problem(
            "the path is empty; write the path after the service root, such as \"/users/{userId}\"",
        );
        return template;
    }
    let path = without_query_or_fragment(text, report);
    let relative = match path.strip_prefix('/') {
        Some(relative) => relative,
        None => {
            report.problem(format!(
                "the path must start with `/`, relative to the service root: write \"/{path}\""
            ));
            path
        }
    };

    let braces_pair_up = braces_pair_up(relative, report);
    template.params_known = braces_pair_up;
    let parts: Vec<&str> = relative.split('/').collect();
    let last = parts.len() - 1;
    let mut reported_empty = false;
    for (index, part) in parts.into_iter().enumerate() {
        let is_last = index == last;
        let segment = if part.is_empty() {
            if is_last {
                report.problem(if relative.is_empty() {
                    "the path has no segment; write the path after the service root, \
                     such as \"/users/{userId}\""
                } else {
                    "the path cannot end with `/`; remove the last `/`"
                });
            } else if !reported_empty {
                reported_empty = true;
                report.problem("the path has an empty segment (`//`); remove the extra `/`");
            }
            None
        } else if part.contains(['(', ')']) {
            let function = function_call::segment(part, braces_pair_up, report);
            if part.contains(['{', '}']) {
                template.params_known &= function.is_some();
            }
            function
        } else if part.contains(['{', '}']) {
            // Where braces do not pair up, which text is a parameter is a
            // guess: that problem alone is reported.
            let param = if braces_pair_up {
                param(part, report)
            } else {
                None
            };
            template.params_known &= param.is_some();
            param
        } else if part.starts_with('$') {
            system_segment(part, is_last, report)
        } else {
            literal_segment(part, report)
        };
        template.segments.extend(segment);
    }
    template
}

/// The path before any `?` or `#`, which are reported.
fn without_query_or_fragment<'a>(path: &'a str, report: &mut Report) -> &'a str {
    let Some(at) = path.find(['?', '#']) else {
        return path;
    };
    let (kept, dropped) = path.split_at(at);
    report.problem(if dropped.starts_with('?') {
        format!(
            "the path cannot have a query string; remove `{dropped}` \
             (query options are not part of an endpoint's path)"
        )
    } else {
        format!(
            "the path cannot have a fragment; remove `{dropped}` (it is never sent to the server)"
        )
    });
    kept
}

/// Whether every `{` is closed by a `}` in the same segment, with nothing
/// nested; reports the first that is not.
fn braces_pair_up(path: &str, report: &mut Report) -> bool {
    let mut open: Option<usize> = None;
    for (at, c) in path.char_indices() {
        match (c, open) {
            ('{', Some(_)) => {
                report.problem(
                    "`{` inside a parameter; write parameters as `{name}` (`{{` is not an escape)",
                );
                return false;
            }
            ('{', None) => open = Some(at),
            ('}', None) => {
                report.problem("`}` without a `{` before it; write parameters as `{name}`");
                return false;
            }
            ('}', Some(_)) => open = None,
            ('/', Some(start)) if at == start + 1 => {
                report.problem(
                    "RFC 6570's `{/name}` is not supported; write `/{+name}` for a parameter \
                     of one or more segments",
                );
                return false;
            }
            ('/', Some(start)) => {
                let unclosed = &path[start..at];
                report.problem(format!("`{unclosed}` is not closed; write `{unclosed}}}`"));
                return false;
            }
            _ => {}
        }
    }
    match open {
        Some(start) => {
            let unclosed = &path[start..];
            report.problem(format!("`{unclosed}` is not closed; write `{unclosed}}}`"));
            false
        }
        None => true,
    }
}

/// A segment with braces that pair up: it must be exactly `{name}` or
/// `{+name}`, either followed by a `:`.
fn param(segment: &str, report: &mut Report) -> Option<Segment> {
    let whole = segment.strip_suffix(':').unwrap_or(segment);
    let inner = whole
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .filter(|inner| !inner.contains(['{', '}']));
    if inner.is_none() {
        if let Some(at) = segment.find("{+") {
            let marker = &segment[at..=at + segment[at..].find('}').unwrap_or(1)];
            report.problem(format!(
                "`{segment}`: the multi-segment parameter `{marker}` must be a whole segment \
                 (optionally followed by `:`), such as `/root:/{marker}:/content`; \
                 put `/` between it and the text around it"
            ));
            return None;
        }
    }
    if let Some(name) = inner.and_then(|inner| inner.strip_prefix('+')) {
        return is_valid_name(name, report).then(|| Segment::Segments(name.to_owned()));
    }
    if let Some(operator) = inner.and_then(|inner| inner.chars().next()) {
        if "#./;?&=,!@|".contains(operator) {
            report.problem(format!(
                "`{{{}}}`: of RFC 6570's operators only `+` is supported; write `{{name}}` for \
                 one segment or `{{+name}}` for several",
                inner.unwrap_or_default()
            ));
            return None;
        }
    }
    let Some(name) = inner else {
        report.problem(format!(
            "`{segment}` mixes text and parameters; a parameter must be a whole segment, \
             such as `/users/{{userId}}/` (implement `graph_core::Endpoint` by hand for \
             other paths)"
        ));
        return None;
    };
    is_valid_name(name, report).then(|| Segment::Param(name.to_owned()))
}

/// Whether `name`, from between braces, is a valid parameter name;
/// reports why not.
pub(super) fn is_valid_name(name: &str, report: &mut Report) -> bool {
    if name.is_empty() {
        report.problem("`{}` has no name; name the parameter, such as `{userId}`");
        return false;
    }
    if !is_param_name(name) {
        let suggestion = to_lower_camel(
            &name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect::<String>(),
        );
        let suggestion = if is_param_name(&suggestion) {
            format!("such as `{{{suggestion}}}`")
        } else {
            "such as `{userId}`".to_owned()
        };
        report.problem(format!(
            "`{{{name}}}` is not a valid parameter name; use letters, digits and `_`, \
             not starting with a digit, {suggestion}"
        ));
        return false;
    }
    true
}

/// An ASCII identifier with at least one letter or digit.
fn is_param_name(name: &str) -> bool {
    is_ascii_ident(name) && name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Letters, digits and `_`, not starting with a digit.
pub(super) fn is_ascii_ident(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A segment starting with `$`: one of the system segments, last.
fn system_segment(segment: &str, is_last: bool, report: &mut Report) -> Option<Segment> {
    if QUERY_OPTIONS.contains(&segment.to_ascii_lowercase().as_str()) {
        report.problem(format!(
            "`{segment}` is a query option, not a path segment; an endpoint's path has no query"
        ));
        return None;
    }
    let Some(system) = SystemSegment::from_word(segment) else {
        report.problem(format!(
            "`{segment}` cannot be part of an endpoint path; of the `$` segments, only {} are \
             (as the last segment)",
            listed(SystemSegment::words().map(code), "and")
        ));
        return None;
    };
    if !is_last {
        report.problem(format!("`{segment}` must be the last segment of the path"));
        return None;
    }
    Some(Segment::System(system))
}

/// A segment sent as written: it must be valid in a URL path and mean what
/// it says.
fn literal_segment(segment: &str, report: &mut Report) -> Option<Segment> {
    if segment == "." || segment == ".." {
        report.problem(format!(
            "the path has a `{segment}` segment, which clients and proxies resolve away; remove it"
        ));
        return None;
    }
    if !is_url_text(segment, report) {
        return None;
    }
    if let Some(dots) = encoded_dot_segment(segment) {
        report.problem(format!(
            "the path has a `{segment}` segment, which URL parsers decode to `{dots}` and resolve away; remove it"
        ));
        return None;
    }
    Some(Segment::Literal(segment.to_owned()))
}

/// Whether `segment` is made of RFC 3986's `pchar`s and percent-encoded
/// bytes; reports the first character that is not.
pub(super) fn is_url_text(segment: &str, report: &mut Report) -> bool {
    let bytes = segment.as_bytes();
    for (at, c) in segment.char_indices() {
        if c == '%' {
            let hex = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(at + 1) && hex(at + 2)) {
                report.problem(
                    "`%` must start a percent-encoded byte such as `%20`; write `%25` for `%` itself",
                );
                return false;
            }
        } else if !is_pchar(c) {
            report.problem(format!(
                "{} cannot appear as is in a URL path; percent-encode it as `{}`",
                shown(c),
                percent_encoded(c)
            ));
            return false;
        }
    }
    true
}

/// `.` or `..` when `segment` is one of them written with `%2e` for some
/// dot: WHATWG URL parsers (browsers, the `url` crate under reqwest) decode
/// it first. (Plain `.` and `..` are reported before.)
fn encoded_dot_segment(segment: &str) -> Option<&'static str> {
    let mut rest = segment;
    let mut dots = 0;
    while !rest.is_empty() {
        rest = if let Some(after) = rest.strip_prefix('.') {
            after
        } else if rest.get(..3)?.eq_ignore_ascii_case("%2e") {
            &rest[3..]
        } else {
            return None;
        };
        dots += 1;
    }
    match dots {
        1 => Some("."),
        2 => Some(".."),
        _ => None,
    }
}

/// RFC 3986's `pchar`, but for `%`, which starts a `pct-encoded`.
fn is_pchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)
}

/// `c` as a message names it: spaces and control characters are invisible.
fn shown(c: char) -> String {
    if c == ' ' {
        "a space".to_owned()
    } else if c.is_control() {
        format!("{c:?}")
    } else {
        format!("`{c}`")
    }
}

/// `%E2%82%AC` for `€`: the UTF-8 bytes of `c`, percent-encoded.
fn percent_encoded(c: char) -> String {
    let mut buffer = [0; 4];
    c.encode_utf8(&mut buffer)
        .bytes()
        .map(|byte| format!("%{byte:02X}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    /// The template and the problems reported, in order.
    fn read_text(text: &str) -> (PathTemplate, Vec<String>) {
        let mut cx = Ctxt::new();
        let template = parse(&mut cx, &LitStr::new(text, Span::call_site()));
        (template, cx.into_messages())
    }

    fn literal(text: &str) -> Segment {
        Segment::Literal(text.to_owned())
    }

    fn param(name: &str) -> Segment {
        Segment::Param(name.to_owned())
    }

    #[test]
    fn valid_templates_are_read_into_segments() {
        for (text, segments) in [
            ("/me", vec![literal("me")]),
            (
                "/users/{userId}/photo/$value",
                vec![
                    literal("users"),
                    param("userId"),
                    literal("photo"),
                    Segment::System(SystemSegment::Value),
                ],
            ),
            (
                "/users/$count",
                vec![literal("users"), Segment::System(SystemSegment::Count)],
            ),
            (
                "/groups/{groupId}/members/{_id2}/$ref",
                vec![
                    literal("groups"),
                    param("groupId"),
                    literal("members"),
                    param("_id2"),
                    Segment::System(SystemSegment::Ref),
                ],
            ),
            (
                "/users/microsoft.graph.delta()",
                vec![literal("users"), function("microsoft.graph.delta", &[])],
            ),
            (
                "/drives/{driveId}/root:",
                vec![literal("drives"), param("driveId"), literal("root:")],
            ),
            (
                "/a/%20b/~c/!$&'*+,;=:@",
                vec![
                    literal("a"),
                    literal("%20b"),
                    literal("~c"),
                    literal("!$&'*+,;=:@"),
                ],
            ),
        ] {
            let (template, problems) = read_text(text);
            assert_eq!(problems, Vec::<String>::new(), "{text}");
            assert_eq!(template.segments, segments, "{text}");
            assert!(template.params_known, "{text}");
        }
    }

    #[test]
    fn each_rule_reports_one_problem_that_says_what_to_write() {
        for (text, expected) in [
            ("", "the path is empty; write the path after the service root, such as \"/users/{userId}\""),
            ("/", "the path has no segment; write the path after the service root, such as \"/users/{userId}\""),
            ("users", "the path must start with `/`, relative to the service root: write \"/users\""),
            ("/a//b", "the path has an empty segment (`//`); remove the extra `/`"),
            ("/a/", "the path cannot end with `/`; remove the last `/`"),
            ("/a?$top=1", "the path cannot have a query string; remove `?$top=1` (query options are not part of an endpoint's path)"),
            ("/a#b", "the path cannot have a fragment; remove `#b` (it is never sent to the server)"),
            ("/a/{b", "`{b` is not closed; write `{b}`"),
            ("/a/{b/c}", "`{b` is not closed; write `{b}`"),
            ("/a/{{b}}", "`{` inside a parameter; write parameters as `{name}` (`{{` is not an escape)"),
            ("/a/b}", "`}` without a `{` before it; write parameters as `{name}`"),
            ("/a/{}", "`{}` has no name; name the parameter, such as `{userId}`"),
            ("/a/{b-c}", "`{b-c}` is not a valid parameter name; use letters, digits and `_`, not starting with a digit, such as `{bC}`"),
            ("/a/{1}", "`{1}` is not a valid parameter name; use letters, digits and `_`, not starting with a digit, such as `{userId}`"),
            ("/a/x{b}", "`x{b}` mixes text and parameters; a parameter must be a whole segment, such as `/users/{userId}/` (implement `graph_core::Endpoint` by hand for other paths)"),
            ("/a/$Filter", "`$Filter` is a query option, not a path segment; an endpoint's path has no query"),
            ("/a/$batch", "`$batch` cannot be part of an endpoint path; of the `$` segments, only `$ref`, `$value` and `$count` are (as the last segment)"),
            ("/a/$value/b", "`$value` must be the last segment of the path"),
            ("/a/../b", "the path has a `..` segment, which clients and proxies resolve away; remove it"),
            ("/a/%2e%2E/b", "the path has a `%2e%2E` segment, which URL parsers decode to `..` and resolve away; remove it"),
            ("/a/.%2e", "the path has a `.%2e` segment, which URL parsers decode to `..` and resolve away; remove it"),
            ("/a/%2E", "the path has a `%2E` segment, which URL parsers decode to `.` and resolve away; remove it"),
            ("/a/b c", "a space cannot appear as is in a URL path; percent-encode it as `%20`"),
            ("/a/\u{7f}", "'\\u{7f}' cannot appear as is in a URL path; percent-encode it as `%7F`"),
            ("/a/€", "`€` cannot appear as is in a URL path; percent-encode it as `%E2%82%AC`"),
            ("/a/%zz", "`%` must start a percent-encoded byte such as `%20`; write `%25` for `%` itself"),
            ("/a/%2", "`%` must start a percent-encoded byte such as `%20`; write `%25` for `%` itself"),
        ] {
            let (_, problems) = read_text(text);
            assert_eq!(problems, [expected], "{text}");
        }
    }

    fn function(name: &str, args: &[(&str, &str)]) -> Segment {
        let args = args
            .iter()
            .map(|(name, value)| Argument {
                name: (*name).to_owned(),
                value: match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                    Some(param) => ArgumentValue::Param(param.to_owned()),
                    None => ArgumentValue::Fixed((*value).to_owned()),
                },
            })
            .collect();
        Segment::Function {
            name: name.to_owned(),
            args,
        }
    }

    #[test]
    fn functions_and_multi_segment_parameters_are_read() {
        for (text, segments, kinds) in [
            (
                "/reports/getEmailActivityUserDetail(period={period})",
                vec![
                    literal("reports"),
                    function("getEmailActivityUserDetail", &[("period", "{period}")]),
                ],
                vec![("period", ParamKind::Function)],
            ),
            (
                "/users/delta()",
                vec![literal("users"), function("delta", &[])],
                vec![],
            ),
            (
                "/me/reminderView(StartDateTime={start},EndDateTime='2017-06-11T11:59:00')/x",
                vec![
                    literal("me"),
                    function(
                        "reminderView",
                        &[
                            ("StartDateTime", "{start}"),
                            ("EndDateTime", "'2017-06-11T11:59:00'"),
                        ],
                    ),
                    literal("x"),
                ],
                vec![("start", ParamKind::Function)],
            ),
            (
                "/drives/{driveId}/items('a,)1')",
                vec![
                    literal("drives"),
                    param("driveId"),
                    function("items", &[("", "'a,)1'")]),
                ],
                vec![("driveId", ParamKind::Segment)],
            ),
            (
                "/me/drive/root:/{+path}:/content",
                vec![
                    literal("me"),
                    literal("drive"),
                    literal("root:"),
                    Segment::Segments("path".to_owned()),
                    literal("content"),
                ],
                vec![("path", ParamKind::Segments)],
            ),
            (
                "/sites/{hostname}:/{+serverRelativePath}",
                vec![
                    literal("sites"),
                    param("hostname"),
                    Segment::Segments("serverRelativePath".to_owned()),
                ],
                vec![
                    ("hostname", ParamKind::Segment),
                    ("serverRelativePath", ParamKind::Segments),
                ],
            ),
        ] {
            let (template, problems) = read_text(text);
            assert_eq!(problems, Vec::<String>::new(), "{text}");
            assert_eq!(template.segments, segments, "{text}");
            assert_eq!(template.parameters().collect::<Vec<_>>(), kinds, "{text}");
            assert!(template.params_known, "{text}");
        }
    }

    #[test]
    fn each_function_and_multi_segment_rule_says_what_to_write() {
        for (text, expected) in [
            ("/f(a={a}", "`f(a={a}` is not closed; write `f(a={a})`"),
            ("/f)", "`f)` has a `)` without a `(` before it; write a function call as `name(parameter={parameter})`"),
            ("/f(a='D7)", "the quote in `f(a='D7)` is not closed; write `'D7'` (a `'` inside quoted text is doubled: `'O''Neil'`)"),
            ("/f(a=(1))", "`f(a=(1))` has a `(` inside the parentheses of a function call; write a quoted value for text with parentheses, such as `name='(a)'`"),
            ("/f(a={a})x", "`x` after `f(a={a})`: a function call ends its segment; write `/` before `x`"),
            ("/(a={a})", "`(a={a})` has no function name before `(`; write it such as `delta()`"),
            ("/{f}(a={a})", "`{f}(a={a})`: the function name `{f}` cannot hold a parameter; only the values between the parentheses can, such as `range(address={address})`"),
            ("/f(a={a},)", "`f(a={a},)` has an empty parameter; remove the extra `,`"),
            ("/f({a})", "`{a}` in `f({a})` has no name: function parameters are passed by name; write `a={a}` with the name Graph documents"),
            ("/f(a=1,b)", "`b` in `f(a=1,b)` has no name: function parameters are passed by name; write `name=value`, such as `period={period}`"),
            ("/f(a-b={a})", "`a-b` in `f(a-b={a})` is not a function parameter name; use letters, digits and `_`, such as `period={period}`"),
            ("/f(period='{period}')", "`period='{period}'`: do not quote a parameter; write `period={period}` (its type writes the literal: a `String` is sent as `'D7'`, a `Date` as `2017-09-01`)"),
            ("/f(a=x{a})", "`a=x{a}` mixes text and a parameter; a function parameter is a whole value, such as `a={a}`"),
            ("/f(a={+a})", "`a={+a}`: a multi-segment parameter cannot be a function parameter; write `a={a}`"),
            ("/f(a=)", "`a=` in `f(a=)` has no value; write `a={a}` and declare its type under `parameters`, or a fixed value such as `a='D7'`"),
            ("/f(a={a},a={b})", "`a` is given twice in `f(a={a},a={b})`; pass each function parameter once"),
            ("/f(a=' ')", "a space cannot appear as is in a URL path; percent-encode it as `%20`"),
            ("/root:/x{+path}:/content", "`x{+path}:`: the multi-segment parameter `{+path}` must be a whole segment (optionally followed by `:`), such as `/root:/{+path}:/content`; put `/` between it and the text around it"),
            ("/a/{+path}.txt", "`{+path}.txt`: the multi-segment parameter `{+path}` must be a whole segment (optionally followed by `:`), such as `/root:/{+path}:/content`; put `/` between it and the text around it"),
            ("/a/{+}", "`{}` has no name; name the parameter, such as `{userId}`"),
            ("/a/{;frag}", "`{;frag}`: of RFC 6570's operators only `+` is supported; write `{name}` for one segment or `{+name}` for several"),
            ("/a/{/path}", "RFC 6570's `{/name}` is not supported; write `/{+name}` for a parameter of one or more segments"),
        ] {
            let (_, problems) = read_text(text);
            assert_eq!(problems, [expected], "{text}");
        }
    }

    proptest::proptest! {
        /// Any text made of the characters that matter to the grammar is
        /// read without panicking; what is accepted has no query, fragment
        /// or space, and its parameters are all known.
        #[test]
        fn no_template_panics(chars in proptest::collection::vec(
            proptest::sample::select(vec![
                '/', '{', '}', '(', ')', '\'', '=', ',', '+', ':', 'a', '_', '.', '$', '?', '#', ' ', '%', '1', 'é',
            ]),
            0..24,
        )) {
            let text: String = chars.into_iter().collect();
            let (template, problems) = read_text(&text);
            if problems.is_empty() {
                proptest::prop_assert!(text.starts_with('/') && !text.contains(['?', '#', ' ']), "{text}");
                proptest::prop_assert!(template.params_known, "{text}");
            }
        }
    }

    #[test]
    fn problems_in_different_places_are_all_reported() {
        let (template, problems) = read_text("a//{b}/$count/c?x");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].contains("query string"));
        assert!(problems[1].contains("must start with `/`"));
        assert!(problems[2].contains("empty segment"));
        assert!(problems[3].contains("must be the last segment"));
        // What had no problem is still read, parameters included.
        assert_eq!(template.params().collect::<Vec<_>>(), ["b"]);
        assert!(template.params_known);
    }

    #[test]
    fn parameters_are_unknown_when_a_brace_is_wrong() {
        for text in ["/a/{b}/{c", "/a/{b}/x{c}", "/a/{b}/{c-d}", "/a/{b}}", ""] {
            let (template, problems) = read_text(text);
            assert!(!template.params_known, "{text}");
            assert!(!problems.is_empty(), "{text}");
        }
        // A problem elsewhere leaves them known.
        let (template, _) = read_text("/a/{b}?c");
        assert!(template.params_known);
    }
}
