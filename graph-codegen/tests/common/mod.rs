//! The CSDL document the hand-written cases are written in, and the code
//! generated from it.

use graph_codegen::{generate, Metadata, Options, Output};

/// A document whose `microsoft.graph` schema (alias `graph`) holds the
/// abstract `entity` and `types`, followed by `other_schemas` (whole
/// `<Schema>` elements).
pub fn csdl(types: &str, other_schemas: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      {types}
    </Schema>
    {other_schemas}
  </edmx:DataServices>
</edmx:Edmx>"#
    )
}

/// The output for the document [`csdl`] builds from `types` and
/// `other_schemas`, under `options`.
#[allow(dead_code)] // not every test file generates code
pub fn generated(types: &str, other_schemas: &str, options: &Options) -> Output {
    let metadata = Metadata::parse(&csdl(types, other_schemas)).unwrap();
    generate(&metadata, options).unwrap()
}

/// The declaration of endpoint `name` in `endpoints.rs`, from its doc line
/// to its closing brace.
#[allow(dead_code)] // not every test file reads endpoints
pub fn endpoint<'a>(output: &'a Output, name: &str) -> &'a str {
    let file = &output.files["endpoints.rs"];
    let start = file
        .find(&format!("    pub {name} {{\n"))
        .unwrap_or_else(|| panic!("no endpoint {name} in\n{file}"));
    let start = file[..start].rfind("    /// ").unwrap();
    let end = start + file[start..].find("\n    }\n").unwrap() + "\n    }\n".len();
    &file[start..end]
}
