//! Metadata written to attack or break the generator: names that would be
//! code are refused naming the element, descriptions never change a token
//! of the output, and broken inheritance, nesting and size are errors
//! within documented limits, never a panic, a hang or a crate that does not
//! compile.

mod common;

use std::str::FromStr;

use graph_codegen::checked::{MAX_INHERITANCE_DEPTH, MAX_XML_DEPTH};
use graph_codegen::{generate, Metadata, Options};
use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;

/// The injection the hostile review found: as a name, it closed the
/// attribute and struct and added a function run before `main`.
const INJECTION: &str = r#"x")] pub a: Option<i32>, } #[used] #[link_section = ".init_array"] static INJECTED: extern "C" fn() = { extern "C" fn f() {} f }; #[graph(rename = "y"#;

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\r', "&#13;")
        .replace('\n', "&#10;")
}

/// A document with one of everything the generator names, `{N}` standing
/// for the name under test in one place at a time.
fn every_place(place: usize, name: &str) -> String {
    let n = |i: usize| {
        if i == place {
            xml_escape(name)
        } else {
            format!("name{i}")
        }
    };
    common::csdl(
        &format!(
            r#"<EntityType Name="{0}" BaseType="graph.entity">
                 <Property Name="{1}" Type="Edm.String" />
                 <NavigationProperty Name="{2}" Type="Collection(graph.{0})" ContainsTarget="true" />
               </EntityType>
               <ComplexType Name="{3}"><Property Name="value" Type="Edm.String" /></ComplexType>
               <EnumType Name="{4}"><Member Name="{5}" Value="0" /></EnumType>
               <Action Name="{6}" IsBound="true">
                 <Parameter Name="bindingParameter" Type="graph.{0}" />
                 <Parameter Name="{7}" Type="Edm.String" />
               </Action>
               <EntityContainer Name="{8}">
                 <EntitySet Name="{9}" EntityType="graph.{0}" />
                 <Singleton Name="{10}" Type="graph.{0}" />
               </EntityContainer>"#,
            n(0),
            n(1),
            n(2),
            n(3),
            n(4),
            n(5),
            n(6),
            n(7),
            n(8),
            n(9),
            n(10),
        ),
        "",
    )
}

const PLACES: [&str; 11] = [
    "EntityType",
    "Property",
    "NavigationProperty",
    "ComplexType",
    "EnumType",
    "Member",
    "Action",
    "Parameter",
    "EntityContainer",
    "EntitySet",
    "Singleton",
];

fn all() -> Options {
    Options {
        whole: true,
        ..Options::default()
    }
}

#[test]
fn a_name_that_is_not_an_identifier_is_refused_naming_its_element() {
    for (place, element) in PLACES.iter().enumerate() {
        // Benign names in every place generate.
        let metadata = Metadata::parse(&every_place(place, "fine")).unwrap();
        generate(&metadata, &all()).unwrap();
        for bad in [INJECTION, "1stThing", "my-type", "", "a b", "a\nb"] {
            if *element == "Property" && bad == "my-type" {
                continue; // a property may hold `-` (Graph's `request-id`)
            }
            let error = Metadata::parse(&every_place(place, bad))
                .unwrap_err()
                .to_string();
            assert!(
                error.starts_with(&format!("<{element} ")) && error.contains(" at line "),
                "{element}: {error}"
            );
            assert!(error.contains("SimpleIdentifier"), "{error}");
            // The message shows the name escaped and cut: it forges no line.
            assert!(!error.contains('\n'), "{error}");
        }
    }
}

#[test]
fn namespaces_aliases_and_type_references_are_checked_too() {
    let schema = |namespace: &str, alias: &str, ty: &str| {
        format!(
            r#"<Schema Namespace="{}" Alias="{}" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                 <ComplexType Name="thing"><Property Name="p" Type="{}" /></ComplexType>
               </Schema>"#,
            xml_escape(namespace),
            xml_escape(alias),
            xml_escape(ty)
        )
    };
    Metadata::parse(&common::csdl("", &schema("other.ns", "o", "Edm.String"))).unwrap();
    for (namespace, alias, ty, expected) in [
        (INJECTION, "o", "Edm.String", "<Schema "),
        ("other..ns", "o", "Edm.String", "not a CSDL namespace"),
        ("other.ns", "o.p", "Edm.String", "SimpleIdentifier"),
        ("other.ns", "o", INJECTION, "not a qualified type name"),
        (
            "other.ns",
            "o",
            "Collection(Collection(Edm.String))",
            "Collection(",
        ),
        ("other.ns", "o", "Edm.String)", "not a qualified type name"),
    ] {
        let error = Metadata::parse(&common::csdl("", &schema(namespace, alias, ty)))
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{expected}: {error}");
    }
}

#[test]
fn a_collection_nested_fifty_thousand_deep_is_an_error_not_a_stack_overflow() {
    let ty = format!(
        "{}Edm.String{}",
        "Collection(".repeat(50_000),
        ")".repeat(50_000)
    );
    let error = Metadata::parse(&common::csdl(
        &format!(r#"<ComplexType Name="deep"><Property Name="p" Type="{ty}" /></ComplexType>"#),
        "",
    ))
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("<Property \"p\"> at line"), "{error}");
}

#[test]
fn elements_nested_past_the_limit_are_an_error_not_a_stack_overflow() {
    let nested = |depth: usize| {
        common::csdl(
            &format!(
                r#"<ComplexType Name="c"><Property Name="p" Type="Edm.String">{}{}</Property></ComplexType>"#,
                "<Annotation Term=\"x\">".repeat(depth),
                "</Annotation>".repeat(depth)
            ),
            "",
        )
    };
    Metadata::parse(&nested(MAX_XML_DEPTH - 10)).unwrap();
    for depth in [MAX_XML_DEPTH, 2_000, 100_000] {
        let error = Metadata::parse(&nested(depth)).unwrap_err().to_string();
        assert!(error.contains("nest deeper than 100 levels"), "{error}");
    }
}

/// `a0` derives from `entity`, `a1` from `a0`, and so on.
fn chain(levels: usize) -> String {
    let mut types = String::from(r#"<EntityType Name="a0" BaseType="graph.entity" />"#);
    for i in 1..levels {
        types.push_str(&format!(
            r#"<EntityType Name="a{i}" BaseType="graph.a{}" />"#,
            i - 1
        ));
    }
    common::csdl(&types, "")
}

#[test]
fn inheritance_deeper_than_the_limit_is_an_error_and_fast() {
    // `entity` and `a0`..: the limit counts every type in the chain.
    let metadata = Metadata::parse(&chain(MAX_INHERITANCE_DEPTH - 1)).unwrap();
    generate(&metadata, &all()).unwrap();
    let started = std::time::Instant::now();
    for levels in [MAX_INHERITANCE_DEPTH, 140, 4_000] {
        let error = Metadata::parse(&chain(levels)).unwrap_err().to_string();
        assert!(
            error.contains("more than 32 levels of base types"),
            "{error}"
        );
    }
    // 4,000 levels took 112 s and 1.1 GB in rustc; now the parse refuses
    // them (a bound on a hang, not a benchmark).
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn missing_cyclic_and_mismatched_bases_are_errors() {
    let cases = [
        (
            r#"<EntityType Name="a" BaseType="graph.missing" />"#,
            "BaseType=`microsoft.graph.missing`, which the metadata does not declare",
        ),
        (
            r#"<EntityType Name="a" BaseType="graph.b" /><EntityType Name="b" BaseType="graph.a" />"#,
            "derives from itself",
        ),
        (
            r#"<EntityType Name="a" BaseType="graph.a" />"#,
            "derives from itself: microsoft.graph.a -> microsoft.graph.a",
        ),
        (
            r#"<ComplexType Name="c" /><EntityType Name="a" BaseType="graph.c" />"#,
            "is an entity type but its BaseType `microsoft.graph.c` is a complex type",
        ),
        (
            r#"<EnumType Name="e" /><ComplexType Name="a" BaseType="graph.e" />"#,
            "has the enum type `microsoft.graph.e` as its BaseType",
        ),
    ];
    for (types, expected) in cases {
        let error = Metadata::parse(&common::csdl(types, ""))
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{expected}: {error}");
        assert!(error.contains("(line "), "{error}");
    }
}

#[test]
fn names_declared_twice_in_one_scope_are_errors() {
    let cases = [
        (
            r#"<ComplexType Name="c"><Property Name="p" Type="Edm.String" /><Property Name="p" Type="Edm.Int32" /></ComplexType>"#,
            "<Property \"p\"> at line",
        ),
        (
            r#"<EntityType Name="e" BaseType="graph.entity"><Property Name="n" Type="Edm.String" /><NavigationProperty Name="n" Type="graph.e" /></EntityType>"#,
            "<NavigationProperty \"n\"> at line",
        ),
        (
            r#"<EnumType Name="e"><Member Name="a" /><Member Name="a" /></EnumType>"#,
            "is the second member of `microsoft.graph.e`",
        ),
        (
            r#"<ComplexType Name="c" /><EnumType Name="c" />"#,
            "declares the type \"c\" of `microsoft.graph` a second time",
        ),
        (
            r#"<EntityContainer Name="s"><EntitySet Name="x" EntityType="graph.entity" /><Singleton Name="x" Type="graph.entity" /></EntityContainer>"#,
            "declares \"x\" a second time",
        ),
    ];
    for (types, expected) in cases {
        let error = Metadata::parse(&common::csdl(types, ""))
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{expected}: {error}");
    }
}

#[test]
fn a_gz_that_inflates_past_the_limit_is_refused_without_reading_it_all() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("graph-codegen-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bomb.xml.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b' '; 4 << 20]).unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let error = graph_codegen::read_metadata_limited(&path, 1 << 20).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("inflates to more than 1048576 bytes"),
        "{error}"
    );
    let (text, _) = graph_codegen::read_metadata_limited(&path, 8 << 20).unwrap();
    assert_eq!(text.len(), 4 << 20);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The tokens of every generated file, as rustc lexes them, with doc
/// comments (which proc-macro2 reads as `#[doc = "..."]`) left out.
fn code_tokens(files: &std::collections::BTreeMap<String, String>) -> Vec<String> {
    fn walk(stream: TokenStream, out: &mut Vec<String>) {
        let mut tokens = stream.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Punct(p) if p.as_char() == '#' => {
                    // `#[doc = ...]` or `#![doc = ...]`.
                    let mut look = tokens.clone();
                    if matches!(look.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                        look.next();
                    }
                    if let Some(TokenTree::Group(group)) = look.next() {
                        let first = group.stream().into_iter().next();
                        if matches!(&first, Some(TokenTree::Ident(i)) if i == "doc") {
                            tokens = look;
                            continue;
                        }
                    }
                    out.push("#".into());
                }
                TokenTree::Group(group) => {
                    out.push(format!("{:?}(", group.delimiter()));
                    walk(group.stream(), out);
                    out.push(")".into());
                }
                other => out.push(other.to_string()),
            }
        }
    }
    let mut out = Vec::new();
    for (path, text) in files {
        out.push(format!("file {path}"));
        let stream = TokenStream::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        walk(stream, &mut out);
    }
    out
}

/// Descriptions on every element that has one.
fn described(description: &str) -> String {
    let d = xml_escape(description);
    common::csdl(
        &format!(
            r#"<EntityType Name="thing" BaseType="graph.entity">
                 <Property Name="p" Type="Edm.String" />
                 <NavigationProperty Name="children" Type="Collection(graph.thing)" ContainsTarget="true" />
                 <Property Name="kind" Type="graph.kind" />
                 <Property Name="detail" Type="graph.detail" />
               </EntityType>
               <ComplexType Name="detail"><Property Name="v" Type="Edm.Int32" /></ComplexType>
               <EnumType Name="kind"><Member Name="a" Value="0" /></EnumType>
               <EntityContainer Name="s"><EntitySet Name="things" EntityType="graph.thing" /></EntityContainer>
               <Annotations Target="graph.thing"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.thing/p"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.thing/children"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.detail"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.detail/v"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.kind"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.kind/a"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>
               <Annotations Target="graph.s/things"><Annotation Term="Org.OData.Core.V1.Description" String="{d}" /></Annotations>"#
        ),
        "",
    )
}

fn tokens_with_description(description: &str, options: &Options) -> Vec<String> {
    let metadata = Metadata::parse(&described(description)).unwrap();
    let files = generate(&metadata, options).unwrap().files;
    for (path, text) in &files {
        assert_comments_rustc_accepts(path, text);
    }
    code_tokens(&files)
}

/// What proc-macro2's lexer lets through but rustc or rustdoc would not:
/// a bare CR (refused in doc comments), bidirectional controls (a
/// deny-by-default lint, even in comments), and code fences in docs, which
/// rustdoc would run as doctests.
fn assert_comments_rustc_accepts(path: &str, text: &str) {
    assert!(!text.contains('\r'), "{path}: a CR");
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    assert!(!text.contains(bidi), "{path}: a direction control");
    for line in text.lines() {
        let doc = line.trim_start();
        let doc = doc
            .strip_prefix("///")
            .or_else(|| doc.strip_prefix("//!"))
            .map(str::trim_start);
        if let Some(doc) = doc {
            assert!(
                !doc.starts_with("```") && !doc.starts_with("~~~"),
                "{path}: a fence: {line}"
            );
        }
    }
}

#[test]
fn hostile_descriptions_change_no_token_of_the_code() {
    let hostile = [
        INJECTION,
        "*/ fn injected() {} /*",
        "a\rbare CR",
        "\u{202e} direction override \u{2066}",
        "~~~\nfn main() { panic!() }\n~~~",
        "```\npanic!()\n```",
        "\\\" \\\\ \\u{0}",
        "line\u{2028}separator\u{85}next line",
    ];
    for options in [
        all(),
        Options {
            trees: vec!["/things".into()],
            ..Options::default()
        },
        Options {
            namespaces: vec!["microsoft.graph".into()],
            plain_serde: true,
            ..Options::default()
        },
    ] {
        let benign = tokens_with_description("A thing.", &options);
        for description in hostile {
            assert_eq!(
                tokens_with_description(description, &options),
                benign,
                "{description:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any description: the code is the same as with none.
    #[test]
    fn any_description_changes_no_token(description in "\\PC*|[\t\n\r\x20-\x7f\u{85}\u{2028}\u{202e}]*") {
        let benign = tokens_with_description("A thing.", &all());
        prop_assert_eq!(tokens_with_description(&description, &all()), benign);
    }

    /// Any name as a property's: refused, or generated into code of the
    /// same shape as a plain name's (with or without a rename), so that the
    /// name is at most an identifier made of it or a literal's content.
    #[test]
    fn any_property_name_is_refused_or_changes_no_shape(name in "\\PC{1,12}|[a-z\"\\\\)\\]}{#!;\n-]{1,12}") {
        let Some(shape) = property_shape(&name) else {
            return Ok(());
        };
        let plain = property_shape("plain").unwrap();
        let renamed = property_shape("Renamed").unwrap();
        prop_assert!(shape == plain || shape == renamed, "{:?}", name);
    }
}

/// The token kinds of the code generated for a complex type with one
/// property named `name` (`ident` and `lit` for any identifier or
/// literal), or `None` if the metadata is refused.
fn property_shape(name: &str) -> Option<Vec<String>> {
    let text = common::csdl(
        &format!(
            r#"<ComplexType Name="thing"><Property Name="{}" Type="Edm.String" /></ComplexType>"#,
            xml_escape(name)
        ),
        "",
    );
    let metadata = Metadata::parse(&text).ok()?;
    let options = Options {
        namespaces: vec!["microsoft.graph".into()],
        ..Options::default()
    };
    let output = generate(&metadata, &options).unwrap();
    let shape = code_tokens(&output.files)
        .into_iter()
        .map(|token| {
            let first = token.chars().next().unwrap_or(' ');
            if first == '"' || first.is_ascii_digit() {
                "lit".to_owned()
            } else if first.is_alphabetic() || first == '_' {
                "ident".to_owned()
            } else {
                token
            }
        })
        .collect();
    Some(shape)
}
