//! The one way each kind of outside text reaches the generated source:
//! names as checked ASCII identifiers (see [`crate::names`]), everything
//! else through one function per context here, so that no metadata text is
//! ever read by rustc as code.
//!
//! - [`string_literal`]: a Rust string literal (`rename = "..."`, paths,
//!   Graph type names);
//! - [`doc_lines`]: `///` and `//!` lines of prose (descriptions);
//! - [`comment_text`]: names, paths and the command quoted in generated
//!   docs and comments;
//! - [`toml_string`]: a string in the generated `Cargo.toml`.

use std::fmt::Write as _;

/// `text` as a Rust string literal, quotes included: `\` and `"` escaped,
/// control, format (bidirectional overrides, zero-width characters) and
/// line-separator characters written as `\u{..}`; other Unicode kept as it
/// is, so a Graph name reads as Graph spells it.
///
/// ```
/// use graph_codegen::text::string_literal;
///
/// assert_eq!(string_literal("user"), "\"user\"");
/// assert_eq!(string_literal("x\")] pub a: i32"), "\"x\\\")] pub a: i32\"");
/// assert_eq!(string_literal("café\u{202e}"), "\"café\\u{202e}\"");
/// ```
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_invisible(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A URL path template (`/users/{userId}/cafés`) as the string literal
/// `graph_endpoint!` takes: characters outside ASCII percent-encoded as
/// UTF-8 (`/users/{userId}/caf%C3%A9s`), since the macro takes RFC 3986
/// path characters only. The rest of a path is built from checked names.
pub fn path_literal(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii() {
            encoded.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                let _ = write!(encoded, "%{byte:02X}");
            }
        }
    }
    string_literal(&encoded)
}

/// Characters that must not stand for themselves in source: controls,
/// format characters (rustc denies the bidirectional ones even in
/// comments), line and paragraph separators.
fn is_invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.is_control()
        || matches!(
            c.general_category(),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::Unassigned
                | GeneralCategory::PrivateUse
                | GeneralCategory::Surrogate
        )
}

/// Whether `c` may not stand in a one-line comment of the output (the
/// header's `//` lines, which `Cargo.toml` repeats as `#` lines): a line
/// break or another control character (a tab aside) would end the comment
/// or break TOML's, and an invisible direction or line-separator character
/// trips rustc's deny-by-default `text_direction_codepoint_in_comment` or
/// disguises the line.
pub fn unsafe_in_comment(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
                | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` as it may stand in a one-line comment of the output: each
/// character [`unsafe_in_comment`] refuses written as `\u{XXXX}`.
pub fn comment_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_in_comment(c) {
            out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as a TOML basic string, quotes included: `"`, `\` and every
/// control character escaped.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || unsafe_in_comment(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Graph's prose as the lines of a doc comment, without the `///`: split at
/// every line break (`\n`, `\r\n` and a bare `\r`, which rustc refuses in a
/// doc comment), each line trimmed and escaped so rustdoc reads it as prose
/// (no links, HTML, code spans or code blocks it would check or run: fences
/// of backticks or tildes lose their meaning), invisible characters
/// written `\u{XXXX}`. Leading and trailing blank lines are dropped; inner
/// ones kept (paragraphs).
pub fn doc_lines(text: &str) -> Vec<String> {
    let lines: Vec<String> = text
        .split("\r\n")
        .flat_map(|part| part.split(['\n', '\r']))
        .map(|line| escape_markdown(&comment_text(line.trim())))
        .collect();
    let start = lines.iter().position(|l| !l.is_empty());
    let end = lines.iter().rposition(|l| !l.is_empty());
    match (start, end) {
        (Some(start), Some(end)) => lines[start..=end].to_vec(),
        _ => Vec::new(),
    }
}

/// Markdown's active characters escaped; `http(s)://` URLs become
/// autolinks, so rustdoc's `bare_urls` lint stays quiet.
fn escape_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let url_start = ["https://", "http://"]
            .iter()
            .filter_map(|scheme| rest.find(scheme))
            .min();
        let (text, url) = match url_start {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        for c in text.chars() {
            match c {
                '[' | ']' | '<' | '>' | '`' | '*' | '_' | '\\' | '#' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        match url {
            Some(url) => {
                let end = url
                    .find(|c: char| {
                        c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | '(' | '`')
                    })
                    .unwrap_or(url.len());
                let link = url[..end].trim_end_matches(['.', ',', ';', ':']);
                let _ = write!(out, "<{link}>");
                rest = &url[link.len()..];
            }
            None => rest = "",
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_what_would_end_or_hide_them() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(string_literal("a\nb\r\t"), r#""a\nb\r\t""#);
        assert_eq!(
            string_literal("\u{202e}\u{2028}\0"),
            r#""\u{202e}\u{2028}\u{0}""#
        );
        assert_eq!(string_literal("名前"), "\"名前\"");
    }

    #[test]
    fn paths_are_percent_encoded_outside_ascii() {
        assert_eq!(
            path_literal("/users/{userId}/cafés"),
            "\"/users/{userId}/caf%C3%A9s\""
        );
    }

    #[test]
    fn doc_lines_split_every_line_break_and_escape_fences() {
        assert_eq!(doc_lines("a\rb\r\nc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(
            doc_lines("~~~\ncode\n~~~"),
            ["\\~\\~\\~", "code", "\\~\\~\\~"]
        );
        assert_eq!(doc_lines("```rust"), ["\\`\\`\\`rust"]);
        assert_eq!(doc_lines("x\u{202e}y"), ["x\\\\u{202e}y"]);
        assert_eq!(doc_lines("\n\n a \n\n b \n\n"), ["a", "", "b"]);
        assert_eq!(
            doc_lines("see https://learn.microsoft.com/x."),
            ["see <https://learn.microsoft.com/x>."]
        );
    }

    #[test]
    fn visible_text_cannot_end_the_comment_that_quotes_it() {
        assert_eq!(comment_text("a\nfn main() {}"), "a\\u{000a}fn main() {}");
    }
}
