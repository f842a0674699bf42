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

pub mod checked;
pub mod csdl;
mod emit;
pub mod names;
pub mod operations;
pub mod select;
pub mod text;

pub use csdl::{CsdlError, Metadata};
pub use emit::{generate, Options, Output, Report, DEFAULT_DERIVES};
pub use select::SelectError;
pub use text::{comment_text, toml_string, unsafe_in_comment};

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
/// Returns the text and the sha256 of the uncompressed bytes. A file (or
/// what a `.gz` inflates to) over [`checked::MAX_METADATA_BYTES`] is an
/// error that says so, read no further than that.
pub fn read_metadata(path: &std::path::Path) -> std::io::Result<(String, String)> {
    read_metadata_limited(path, checked::MAX_METADATA_BYTES)
}

/// [`read_metadata`] with another limit than
/// [`checked::MAX_METADATA_BYTES`], in bytes.
pub fn read_metadata_limited(
    path: &std::path::Path,
    limit: u64,
) -> std::io::Result<(String, String)> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    let gz = path.extension().is_some_and(|e| e == "gz");
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)))
    } else {
        Box::new(file)
    };
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let what = if gz { "inflates to" } else { "holds" };
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{} {what} more than {limit} bytes, the most graph-codegen reads",
                path.display()
            ),
        ));
    }
    let hash = sha256_hex(&bytes);
    let text = String::from_utf8(bytes).map_err(|error| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is not UTF-8: {error}", path.display()),
        )
    })?;
    Ok((text, hash))
}

/// `Cargo.toml` for a generated crate named `name`, depending on graph-core
/// as `graph_core_dependency` (`{ path = "../graph-core" }`,
/// `"=0.1.0"`) under its package name, `msgraph-typed`, and
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
         [dependencies]\nmsgraph-typed = {graph_core_dependency}\n",
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
