//! The grammar of a function-call segment of a path template:
//!
//! ```text
//! function = fname "(" [ argument *( "," argument ) ] ")"
//! fname    = 1*( pchar / pct-encoded )    ; not "(", ")", "{", "}"
//! argument = aname "=" ( "{" name "}" / fixed )
//!          / fixed                        ; alone: a key, `items('a1')`
//! aname    = ( ALPHA / "_" ) *( ALPHA / DIGIT / "_" )
//! fixed    = 1*( pchar / pct-encoded )    ; an OData literal written out, quotes paired
//! ```
//!
//! `getEmailActivityUserDetail(period={period})`, `delta()`,
//! `getOffice365ActiveUserCounts(period='D7')`. A `{name}` argument is a
//! function parameter, typed under `parameters: { ... }`: its value is
//! written as an OData literal at run time (`graph_core::UrlLiteral`), so
//! the template never quotes it.

use super::path::{is_ascii_ident, is_url_text, is_valid_name, Report, Segment};

/// One `name=value` between a function's parentheses.
#[derive(Debug, PartialEq, Eq)]
pub struct Argument {
    pub name: String,
    pub value: ArgumentValue,
}

/// The value of an [`Argument`].
#[derive(Debug, PartialEq, Eq)]
pub enum ArgumentValue {
    /// `{name}`: a function parameter, filled in at run time.
    Param(String),
    /// Sent as written, such as `'D7'`.
    Fixed(String),
}

/// Reads a segment with parentheses, reporting every problem; `braces_ok`
/// says whether the path's braces pair up (if not, `{...}` arguments are
/// not read: that problem is reported already).
pub fn segment(segment: &str, braces_ok: bool, report: &mut Report) -> Option<Segment> {
    let Some(open) = segment.find('(') else {
        report.problem(format!(
            "`{segment}` has a `)` without a `(` before it; write a function call as \
             `name(parameter={{parameter}})`"
        ));
        return None;
    };
    let name = &segment[..open];
    let mut valid = check_name(segment, name, report);
    let close = match closing_parenthesis(segment, open, report)? {
        close if close + 1 < segment.len() => {
            let after = &segment[close + 1..];
            report.problem(format!(
                "`{after}` after `{}`: a function call ends its segment; write `/` before `{after}`",
                &segment[..=close]
            ));
            return None;
        }
        close => close,
    };
    let inside = &segment[open + 1..close];
    let mut args: Vec<Argument> = Vec::new();
    if !inside.is_empty() {
        let texts = split_unquoted(inside, ',');
        let alone = texts.len() == 1;
        for text in texts {
            let Some(arg) = argument(segment, text, alone, braces_ok, report) else {
                valid = false;
                continue;
            };
            if args.iter().any(|other| other.name == arg.name) {
                report.problem(format!(
                    "`{}` is given twice in `{segment}`; pass each function parameter once",
                    arg.name
                ));
                valid = false;
            }
            args.push(arg);
        }
    }
    valid.then(|| Segment::Function {
        name: name.to_owned(),
        args,
    })
}

fn check_name(segment: &str, name: &str, report: &mut Report) -> bool {
    if name.is_empty() {
        report.problem(format!(
            "`{segment}` has no function name before `(`; write it such as `delta()`"
        ));
        return false;
    }
    if name.contains(['{', '}']) {
        report.problem(format!(
            "`{segment}`: the function name `{name}` cannot hold a parameter; only the values \
             between the parentheses can, such as `range(address={{address}})`"
        ));
        return false;
    }
    is_url_text(name, report)
}

/// The index of the `)` closing the `(` at `open`, if every quote and
/// parenthesis pairs up; reports the first that does not.
fn closing_parenthesis(segment: &str, open: usize, report: &mut Report) -> Option<usize> {
    let mut quote_at: Option<usize> = None;
    for (at, c) in segment.char_indices().skip_while(|(at, _)| *at <= open) {
        match (c, quote_at) {
            ('\'', Some(_)) => quote_at = None,
            ('\'', None) => quote_at = Some(at),
            (')', None) => return Some(at),
            ('(', None) => {
                report.problem(format!(
                    "`{segment}` has a `(` inside the parentheses of a function call; \
                     write a quoted value for text with parentheses, such as `name='(a)'`"
                ));
                return None;
            }
            _ => {}
        }
    }
    report.problem(match quote_at {
        Some(at) => {
            let unclosed = &segment[at..segment.len() - usize::from(segment.ends_with(')'))];
            format!(
                "the quote in `{segment}` is not closed; write `{unclosed}'` \
                 (a `'` inside quoted text is doubled: `'O''Neil'`)"
            )
        }
        None => format!("`{segment}` is not closed; write `{segment})`"),
    });
    None
}

/// `text` split at each `separator` outside single quotes.
fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if c == '\'' {
            quoted = !quoted;
        } else if c == separator && !quoted {
            parts.push(&text[start..at]);
            start = at + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// One `name=value`, with what to write instead when it is not one.
fn argument(
    segment: &str,
    text: &str,
    alone: bool,
    braces_ok: bool,
    report: &mut Report,
) -> Option<Argument> {
    if text.is_empty() {
        report.problem(format!(
            "`{segment}` has an empty parameter; remove the extra `,`"
        ));
        return None;
    }
    let Some((name, value)) = text.split_once('=') else {
        // A key predicate, `items('a1')`: one fixed value, sent as written.
        if alone && !text.contains(['{', '}']) {
            return is_url_text(text, report).then(|| Argument {
                name: String::new(),
                value: ArgumentValue::Fixed(text.to_owned()),
            });
        }
        let hint = match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(param) => format!("write `{param}={{{param}}}` with the name Graph documents"),
            None => "write `name=value`, such as `period={period}`".to_owned(),
        };
        report.problem(format!(
            "`{text}` in `{segment}` has no name: function parameters are passed by name; {hint}"
        ));
        return None;
    };
    if !is_ascii_ident(name) {
        report.problem(format!(
            "`{name}` in `{segment}` is not a function parameter name; use letters, digits and \
             `_`, such as `period={{period}}`"
        ));
        return None;
    }
    let param = |text: &str| {
        text.strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .map(str::to_owned)
    };
    if let Some(quoted) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        if let Some(param) = param(quoted) {
            report.problem(format!(
                "`{text}`: do not quote a parameter; write `{name}={{{param}}}` \
                 (its type writes the literal: a `String` is sent as `'D7'`, a `Date` as `2017-09-01`)"
            ));
            return None;
        }
    }
    if value.contains(['{', '}']) {
        if !braces_ok {
            return None;
        }
        let Some(param) = param(value) else {
            report.problem(format!(
                "`{text}` mixes text and a parameter; a function parameter is a whole value, \
                 such as `{name}={{{name}}}`"
            ));
            return None;
        };
        if let Some(several) = param.strip_prefix('+') {
            report.problem(format!(
                "`{text}`: a multi-segment parameter cannot be a function parameter; \
                 write `{name}={{{several}}}`"
            ));
            return None;
        }
        if !is_valid_name(&param, report) {
            return None;
        }
        return Some(Argument {
            name: name.to_owned(),
            value: ArgumentValue::Param(param),
        });
    }
    if value.is_empty() {
        report.problem(format!(
            "`{text}` in `{segment}` has no value; write `{name}={{{name}}}` and declare its \
             type under `parameters`, or a fixed value such as `{name}='D7'`"
        ));
        return None;
    }
    if !is_url_text(value, report) {
        return None;
    }
    Some(Argument {
        name: name.to_owned(),
        value: ArgumentValue::Fixed(value.to_owned()),
    })
}
