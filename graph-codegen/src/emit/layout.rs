//! Attributes, fields and docs written in the layout rustfmt gives them, so
//! the output needs no formatter.

use super::*;

pub(super) fn cfg_attribute(features: &BTreeSet<String>, indent: &str) -> String {
    let items: Vec<String> = features
        .iter()
        .map(|f| format!("feature = {}", string_literal(f)))
        .collect();
    if items.len() == 1 {
        return format!("{indent}#[cfg({})]\n", items[0]);
    }
    let joined = items.join(", ");
    let width = indent.len() + joined.len() + "#[cfg(any())]".len();
    if joined.len() <= ATTR_FN_LIKE_WIDTH && width <= 100 {
        return format!("{indent}#[cfg(any({joined}))]\n");
    }
    let mut out = format!("{indent}#[cfg(any(\n");
    for (i, item) in items.iter().enumerate() {
        let comma = if i + 1 < items.len() { "," } else { "" };
        let _ = writeln!(out, "{indent}    {item}{comma}");
    }
    let _ = writeln!(out, "{indent}))]");
    out
}

/// `#[name(a, b)]`, broken over lines as rustfmt breaks function-like
/// attributes whose arguments are wider than `attr_fn_like_width` (70).
pub(super) fn push_attribute(out: &mut String, indent: &str, name: &str, args: &[String]) {
    let joined = args.join(", ");
    let width = indent.len() + name.len() + joined.len() + "#[()]".len();
    // A single argument has nothing to break at.
    if args.len() == 1 || (joined.len() <= ATTR_FN_LIKE_WIDTH && width <= 100) {
        let _ = writeln!(out, "{indent}#[{name}({joined})]");
        return;
    }
    let _ = writeln!(out, "{indent}#[{name}(");
    for (i, arg) in args.iter().enumerate() {
        let comma = if i + 1 < args.len() { "," } else { "" };
        let _ = writeln!(out, "{indent}    {arg}{comma}");
    }
    let _ = writeln!(out, "{indent})]");
}

/// rustfmt's default `attr_fn_like_width`.
pub(super) const ATTR_FN_LIKE_WIDTH: usize = 70;

pub(super) fn push_field(out: &mut String, ident: &str, ty: &str) {
    let one_line = format!("    pub {ident}: {ty},");
    if one_line.len() <= 100 {
        out.push_str(&one_line);
        out.push('\n');
    } else {
        let _ = writeln!(out, "    pub {ident}:\n        {ty},");
    }
}

/// Graph's description as `///` lines (see [`text::doc_lines`]).
pub(super) fn push_doc(out: &mut String, indent: &str, text: Option<&str>) {
    let Some(text) = text else { return };
    for line in text::doc_lines(text) {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
    }
}
