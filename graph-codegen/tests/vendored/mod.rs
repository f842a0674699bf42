//! The metadata files vendored in `metadata/`, read once per test binary.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use graph_codegen::Metadata;

/// A vendored file, read and parsed.
#[allow(dead_code)] // each test binary reads its own part of it
pub struct Vendored {
    /// Its name in `metadata/` (`v1.0-Prod.csdl.gz`).
    pub file: &'static str,
    pub metadata: Metadata,
    /// The uncompressed text.
    pub text: String,
    /// The sha256 of `text`, in hex.
    pub sha256: String,
}

/// `metadata/{file}`, read and parsed on first use.
pub fn vendored(file: &'static str) -> &'static Vendored {
    static READ: OnceLock<Mutex<BTreeMap<&'static str, &'static Vendored>>> = OnceLock::new();
    let mut read = READ.get_or_init(Default::default).lock().unwrap();
    read.entry(file).or_insert_with(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("metadata")
            .join(file);
        let (text, sha256) = graph_codegen::read_metadata(&path).expect("the vendored metadata");
        let metadata = Metadata::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        Box::leak(Box::new(Vendored {
            file,
            metadata,
            text,
            sha256,
        }))
    })
}
