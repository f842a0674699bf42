//! Generates Rust bindings that use graph-core's macros from Microsoft
//! Graph's CSDL metadata (`$metadata`).
//!
//! ```no_run
//! use graph_codegen::{generate, Metadata, Options};
//!
//! let text = std::fs::read_to_string("v1.0-Prod.csdl")?;
//! let metadata = Metadata::parse(&text)?;
//! let options = Options {
//!     paths: vec!["/users".into()],
//!     source_name: "v1.0-Prod.csdl".into(),
//!     source_sha256: graph_codegen::sha256_hex(text.as_bytes()),
//!     ..Options::default()
//! };
//! let output = generate(&metadata, &options)?;
//! for (path, source) in &output.files {
//!     println!("src/{path}: {} bytes", source.len());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The command-line front end is `cargo run -p graph-codegen -- --help`.

pub mod csdl;
mod emit;
pub mod names;
pub mod operations;
pub mod select;

pub use csdl::{CsdlError, Metadata};
pub use emit::{generate, Options, Output, Report, DEFAULT_DERIVES};
pub use select::SelectError;

use std::io::Read;

/// The sha256 of `bytes`, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads a metadata file, gunzipping it when its name ends in `.gz`.
/// Returns the text and the sha256 of the uncompressed bytes.
pub fn read_metadata(path: &std::path::Path) -> std::io::Result<(String, String)> {
    let raw = std::fs::read(path)?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        out
    } else {
        raw
    };
    let hash = sha256_hex(&bytes);
    let text = String::from_utf8(bytes).map_err(|error| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is not UTF-8: {error}", path.display()),
        )
    })?;
    Ok((text, hash))
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

/// `Cargo.toml` for a generated crate named `name`, depending on graph-core
/// as `graph_core_dependency` (`{ path = "../graph-core" }`, `"0.1"`), and
/// on serde for `--plain-serde` output.
pub fn cargo_toml(
    name: &str,
    graph_core_dependency: &str,
    output: &Output,
    header: &str,
    plain_serde: bool,
) -> String {
    let mut toml = String::new();
    for line in header.lines() {
        toml.push_str(&comment_text(&line.replacen("//", "#", 1)));
        toml.push('\n');
    }
    toml.push_str(&format!(
        "[package]\nname = {}\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [lib]\n# Graph's descriptions are prose, not examples.\ndoctest = false\n\n\
         [dependencies]\ngraph-core = {graph_core_dependency}\n",
        toml_string(name)
    ));
    if plain_serde {
        toml.push_str("serde = { version = \"1\", features = [\"derive\"] }\n");
    }
    if !output.features.is_empty() {
        toml.push_str("\n[features]\n");
        for (feature, enables) in &output.features {
            let list: Vec<String> = enables.iter().map(|f| format!("\"{f}\"")).collect();
            toml.push_str(&format!("{feature} = [{}]\n", list.join(", ")));
        }
    }
    toml
}
