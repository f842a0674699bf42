//! CSDL's rules for names and the limits of what graph-codegen reads,
//! checked as the metadata is read: every name the generator later turns
//! into Rust comes from a string that passed here, so no metadata text can
//! reach the output as code.
//!
//! The limits keep hostile or broken metadata from exhausting the stack,
//! memory or the Rust compiler; each is far above what Graph's metadata
//! needs (noted beside it).

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The longest SimpleIdentifier CSDL allows, in characters.
pub const MAX_IDENTIFIER_CHARS: usize = 128;

/// How deep XML elements may nest. CSDL needs about 10 (an annotation's
/// record in a collection in a property); Graph's v1.0 nests 8.
pub const MAX_XML_DEPTH: usize = 100;

/// How many bytes a metadata file may hold once inflated: 256 MiB (Graph's
/// v1.0 metadata is about 30 MB).
pub const MAX_METADATA_BYTES: u64 = 256 * 1024 * 1024;

/// How many types a type may derive from, `entity` included. rustc's
/// recursion limit (128) breaks near 140 levels of `base`; Graph's v1.0
/// goes 5 deep.
pub const MAX_INHERITANCE_DEPTH: usize = 32;

/// How many paths (entity sets, singletons and the navigation properties
/// below them, at every depth) one generation may reach: each brings up to
/// eight endpoints and 6 KB of source. Graph's v1.0 with `--all` reaches
/// 2,972 (4,751 at `--depth 4`), its 2021 beta 3,577 (6,378); metadata
/// whose entities contain each other through many properties grows as
/// their number to the power of `--depth` (25 per type: 16,276 paths from
/// 7 KB).
pub const MAX_PATHS: usize = 10_000;

/// The most navigation steps `--depth` may ask for below a root (v1.0 needs
/// 3 by default; a containment chain deeper than this is not one Graph
/// has).
pub const MAX_DEPTH: usize = 16;

/// CSDL's `SimpleIdentifier`: a letter or `_`, then letters, digits,
/// combining marks, connector punctuation and format characters, 128 at
/// most (`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}`).
///
/// ```
/// use graph_codegen::checked::is_simple_identifier;
///
/// assert!(is_simple_identifier("displayName"));
/// assert!(is_simple_identifier("café"));
/// assert!(!is_simple_identifier("1stThing"));
/// assert!(!is_simple_identifier("my-type"));
/// assert!(!is_simple_identifier("x\")] pub a: i32"));
/// ```
pub fn is_simple_identifier(name: &str) -> bool {
    identifier_with(name, false)
}

/// A structural property's name: a SimpleIdentifier that may also hold
/// `-` after its first character, as Graph's own `InnerError` does
/// (`request-id`, `client-request-id`, both JSON members of its error
/// bodies). Such a name is written only as a string literal and, made
/// ASCII, as a field name.
pub fn is_property_name(name: &str) -> bool {
    identifier_with(name, true)
}

fn identifier_with(name: &str, hyphen: bool) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first != '_' && !is_letter(first) {
        return false;
    }
    let mut count = 1;
    for c in chars {
        count += 1;
        let allowed = is_letter(c)
            || (hyphen && c == '-')
            || matches!(
                c.general_category(),
                GeneralCategory::DecimalNumber
                    | GeneralCategory::NonspacingMark
                    | GeneralCategory::SpacingMark
                    | GeneralCategory::ConnectorPunctuation
                    | GeneralCategory::Format
            );
        if !allowed {
            return false;
        }
    }
    count <= MAX_IDENTIFIER_CHARS
}

/// CSDL's `QualifiedName` (and a namespace): SimpleIdentifiers joined by
/// dots (`microsoft.graph.user`).
pub fn is_qualified_name(name: &str) -> bool {
    name.split('.').all(is_simple_identifier)
}

fn is_letter(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::UppercaseLetter
            | GeneralCategory::LowercaseLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::ModifierLetter
            | GeneralCategory::OtherLetter
            | GeneralCategory::LetterNumber
    )
}

/// A name as an error message shows it: quoted, escaped, cut after 60
/// characters, so a hostile name cannot forge lines of the message.
pub fn shown(name: &str) -> String {
    const SHOWN: usize = 60;
    let cut: String = name.chars().take(SHOWN).collect();
    let more = if name.chars().count() > SHOWN {
        "..."
    } else {
        ""
    };
    format!("{cut:?}{more}")
}

/// How deep the elements of an XML document nest, scanning the text
/// without building a tree; `Err` with the line where the nesting passes
/// `limit`. Comments, CDATA sections, processing instructions and quoted
/// attribute values are skipped; anything malformed is left to the XML
/// parser, which runs after this.
pub fn check_xml_depth(text: &str, limit: usize) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let skip_past = |from: usize, end: &[u8]| -> usize {
        match find(&bytes[from..], end) {
            Some(at) => from + at + end.len(),
            None => bytes.len(),
        }
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = skip_past(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_past(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_past(i + 2, b"?>");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_past(i + 2, b">");
        } else if rest.starts_with(b"<!") {
            i = skip_past(i + 2, b">");
        } else {
            // A start tag: find its `>` outside quoted attribute values.
            let mut j = i + 1;
            let mut quote = None;
            while j < bytes.len() {
                match (quote, bytes[j]) {
                    (None, b'"' | b'\'') => quote = Some(bytes[j]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            let self_closing = j > i + 1 && bytes.get(j - 1) == Some(&b'/');
            if !self_closing {
                depth += 1;
                if depth > limit {
                    let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
                    return Err(line);
                }
            }
            i = j + 1;
        }
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_identifiers_follow_csdl() {
        for good in ["a", "_", "displayName", "café", "ÆØÅ", "x_1", "名前"] {
            assert!(is_simple_identifier(good), "{good}");
        }
        // A combining mark and a format character may follow a letter.
        assert!(is_simple_identifier("cafe\u{301}"));
        assert!(is_simple_identifier("a\u{200d}b"));
        for bad in [
            "", "1stThing", "my-type", "a b", "a.b", "a\"b", "a\nb", "\u{301}a", "a$", "a(",
        ] {
            assert!(!is_simple_identifier(bad), "{bad:?}");
        }
        assert!(is_simple_identifier(&"a".repeat(128)));
        assert!(!is_simple_identifier(&"a".repeat(129)));
    }

    #[test]
    fn property_names_may_hold_hyphens_after_their_first_character() {
        assert!(is_property_name("request-id"));
        assert!(!is_property_name("-id"));
        assert!(!is_property_name("a b"));
        assert!(!is_simple_identifier("request-id"));
    }

    #[test]
    fn qualified_names_are_dotted_identifiers() {
        assert!(is_qualified_name("microsoft.graph.user"));
        assert!(is_qualified_name("Edm.String"));
        assert!(!is_qualified_name("microsoft..graph"));
        assert!(!is_qualified_name(".graph"));
        assert!(!is_qualified_name("Collection(graph.user)"));
    }

    #[test]
    fn xml_depth_counts_elements_not_what_looks_like_them() {
        assert_eq!(check_xml_depth("<a><b/><c></c></a>", 2), Ok(()));
        assert_eq!(check_xml_depth("<a><b><c/></b></a>", 2), Ok(()));
        assert_eq!(check_xml_depth("<a>\n<b>\n<c></c></b></a>", 2), Err(3));
        // Quoted `>` and `/>`, comments and CDATA are not tags.
        let text = "<a x='>' y=\"/>\"><!-- <b><b><b> --><![CDATA[<b><b>]]><?pi <b>?></a>";
        assert_eq!(check_xml_depth(text, 1), Ok(()));
        let deep = "<a>".repeat(5000);
        assert_eq!(check_xml_depth(&deep, MAX_XML_DEPTH), Err(1));
    }

    #[test]
    fn shown_names_are_quoted_escaped_and_cut() {
        assert_eq!(shown("a\nb\""), "\"a\\nb\\\"\"");
        assert!(shown(&"x".repeat(500)).ends_with("\"..."));
    }
}
