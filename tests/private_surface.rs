//! `graph_core::__private` stays a short list of the names generated code
//! reaches: re-exports only (the implementation lives in graph-core's
//! internal modules), and none that graph-macros does not generate.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn private_module() -> String {
    std::fs::read_to_string(root().join("graph-core/src/__private.rs"))
        .expect("graph-core/src/__private.rs")
}

/// `source` without its comments.
fn code(source: &str) -> String {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module's code as `;`-ended statements.
fn statements(source: &str) -> Vec<String> {
    code(source)
        .split(';')
        .map(|statement| statement.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|statement| !statement.is_empty())
        .collect()
}

/// The names a `pub use` statement brings in: the last segment, each name of
/// a `{...}` list, or the name after `as`.
fn imported(statement: &str) -> Vec<String> {
    let path = statement.trim_start_matches("pub use ");
    let list = match (path.find('{'), path.rfind('}')) {
        (Some(open), Some(close)) if open < close => &path[open + 1..close],
        _ => path.rsplit("::").next().unwrap_or(path),
    };
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| item.rsplit(' ').next().unwrap_or(item).to_owned())
        .collect()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `code` holds `name` as a whole identifier. Generated code names a
/// re-export in many spellings (`#private::take_field`, `{WriteEntry as _}`,
/// `quote!(CreateNameFree)` put after `__private::` later), so any use counts.
fn names(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        !before.is_some_and(is_ident_char) && !after.is_some_and(is_ident_char)
    })
}

#[test]
fn the_private_module_only_re_exports() {
    let source = private_module();
    let code: Vec<String> = statements(&source)
        .into_iter()
        .filter(|statement| !statement.starts_with("pub use "))
        .collect();
    assert!(
        code.is_empty(),
        "graph-core/src/__private.rs holds more than `pub use` lines; move the \
         implementation to an internal module and re-export what generated code \
         names: {code:#?}"
    );
}

#[test]
fn every_private_name_is_named_by_generated_code() {
    let mut files = Vec::new();
    rust_files(&root().join("graph-macros/src"), &mut files);
    // Comments left out: a name only a comment mentions is unused.
    let macros: String = files
        .iter()
        .map(|file| code(&std::fs::read_to_string(file).unwrap()))
        .collect::<Vec<_>>()
        .join("\n");
    let exported: Vec<String> = statements(&private_module())
        .iter()
        .filter(|statement| statement.starts_with("pub use "))
        .flat_map(|statement| imported(statement))
        .collect();
    assert!(exported.len() > 10, "too few names found: {exported:?}");
    let unused: Vec<&String> = exported
        .iter()
        .filter(|name| !names(&macros, name))
        .collect();
    assert!(
        unused.is_empty(),
        "graph_core::__private re-exports names no generated code uses; drop them \
         (or make them `pub(crate)`): {unused:?}"
    );
}
