//! Every feature of the whole-schema output compiles alone: checked here
//! for all of them, without compiling, by reading the generated source
//! independently of how the generator chose the gates. For each feature
//! (and for none), every item it enables may name only types it also
//! enables. `.ci/run` compiles a sample of the features alone, and
//! `benches/compile/codegen_v1.py --features-alone all` all of them.

mod vendored;

use std::collections::{BTreeMap, BTreeSet};

use graph_codegen::{generate, Options, Output};
use vendored::vendored;

/// The features an item is compiled under: `None` when it has no `#[cfg]`.
type Gate = Option<BTreeSet<String>>;

fn enabled(gate: &Gate, feature: &str) -> bool {
    match gate {
        None => true,
        Some(features) => features.contains(feature),
    }
}

/// `(module, ident)`: a type the output defines.
type TypeName = (String, String);

/// A use of types by an item, a field, a variant or an endpoint.
#[derive(Debug)]
struct Use {
    /// Every gate on the way to it (item, field; module, endpoint).
    gates: Vec<Gate>,
    /// Where it is, for the message.
    place: String,
    names: Vec<TypeName>,
}

#[derive(Default, Debug)]
struct Gates {
    /// What each type is compiled under.
    defined: BTreeMap<TypeName, Vec<Gate>>,
    uses: Vec<Use>,
}

/// `feature = "x"` inside a `#[cfg(...)]` (one or several lines).
fn read_cfg(text: &str) -> BTreeSet<String> {
    text.split("feature = \"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

/// The types named in `text` (a field's type, a variant's payload, an
/// endpoint's body or response), seen from `module`: `crate::m::X` and bare
/// `X`; `graph_core::...` and std names resolve to nothing of the output's.
fn type_names(text: &str, module: &str) -> Vec<TypeName> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(tail.len());
        let path = &tail[..end];
        rest = &tail[end..];
        let segments: Vec<&str> = path.split("::").collect();
        match segments.as_slice() {
            ["crate", m, ident] => names.push(((*m).to_owned(), (*ident).to_owned())),
            [ident] if ident.starts_with(|c: char| c.is_ascii_uppercase()) => {
                names.push((module.to_owned(), (*ident).to_owned()))
            }
            _ => {}
        }
    }
    names
}

/// Reads one generated file. `module` is the module its bare names resolve
/// in (`graph`, or `""` for endpoints, which name everything by path);
/// `file_gate` is the gate on the file's `mod` declaration.
fn read_file(gates: &mut Gates, file: &str, text: &str, module: &str, file_gate: Gate) {
    let mut pending: Option<BTreeSet<String>> = None;
    // An attribute written over several lines, until its `)]`.
    let mut open_attribute: Option<String> = None;
    // The item being read (a struct, an enum, an endpoint), with its gate.
    let mut item: Option<(String, Gate)> = None;
    let mut item_attribute = String::new();
    let mut body_depth = 0usize;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") || trimmed.is_empty() {
            continue;
        }
        let attribute = match open_attribute.as_mut() {
            Some(open) => {
                open.push_str(trimmed);
                if trimmed != ")]" && trimmed != "))]" {
                    continue;
                }
                open_attribute.take()
            }
            None if trimmed.starts_with("#[") && !trimmed.ends_with(']') => {
                open_attribute = Some(trimmed.to_owned());
                continue;
            }
            None if trimmed.starts_with("#[") => Some(trimmed.to_owned()),
            None => None,
        };
        if let Some(attribute) = attribute {
            if attribute.starts_with("#[cfg(") {
                pending = Some(read_cfg(&attribute));
            } else if attribute.starts_with("#[graph_entity(")
                || attribute.starts_with("#[graph_complex(")
            {
                item_attribute = attribute;
            }
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        // Type modules: items at indent 0.
        if indent == 0 {
            let declared = trimmed
                .strip_prefix("pub struct ")
                .or_else(|| trimmed.strip_prefix("pub enum "));
            if let Some(declared) = declared {
                let ident = declared.trim_end_matches(" {").to_owned();
                let gate = pending.take();
                let mut defined = vec![ident.clone()];
                if item_attribute.starts_with("#[graph_entity(")
                    && !item_attribute.contains("no_request_types")
                {
                    for (key, suffix) in [("create", "Create"), ("update", "Update")] {
                        let named = item_attribute
                            .split(&format!("{key} = \""))
                            .nth(1)
                            .map(|rest| rest[..rest.find('"').unwrap()].to_owned());
                        defined.push(named.unwrap_or_else(|| format!("{ident}{suffix}")));
                    }
                }
                for name in defined {
                    gates
                        .defined
                        .entry((module.to_owned(), name))
                        .or_default()
                        .push(gate.clone());
                }
                if let Some(base) = item_attribute.split("base = \"").nth(1) {
                    let base = &base[..base.find('"').unwrap()];
                    gates.uses.push(Use {
                        gates: vec![gate.clone()],
                        place: format!("{file}: base of {ident}"),
                        names: type_names(base, module),
                    });
                }
                item_attribute.clear();
                item = Some((ident, gate));
            } else if trimmed == "}" {
                item = None;
            } else {
                pending = None;
            }
            continue;
        }
        // Endpoint files: `graph_endpoint! {` blocks of endpoints at
        // indent 4, their keys at 8 (and deeper inside `{ ... }`).
        if module.is_empty() {
            if indent == 4 && trimmed.starts_with("pub ") && trimmed.ends_with(" {") {
                let name = trimmed["pub ".len()..trimmed.len() - 2].to_owned();
                item = Some((name, pending.take()));
                body_depth = 0;
                continue;
            }
            let Some((name, gate)) = &item else { continue };
            if trimmed.ends_with('{') {
                body_depth += 1;
            }
            if trimmed.starts_with('}') && body_depth > 0 {
                body_depth -= 1;
            }
            let Some((key, ty)) = trimmed.split_once(": ") else {
                continue;
            };
            if key == "method" || key == "path" || ty == "{" {
                continue;
            }
            let field_gate = pending.take();
            gates.uses.push(Use {
                gates: vec![file_gate.clone(), gate.clone(), field_gate],
                place: format!("{file}: {name}.{key}"),
                names: type_names(ty, "graph"),
            });
            continue;
        }
        // Fields and variants of a type.
        let Some((ident, gate)) = &item else { continue };
        let field_gate = pending.take();
        let ty = if let Some((_, ty)) = trimmed.split_once(": ") {
            ty
        } else if let Some(open) = trimmed.find('(') {
            // A variant `Name(Box<Type>)`; unit variants name no type.
            &trimmed[open..]
        } else {
            continue;
        };
        gates.uses.push(Use {
            gates: vec![gate.clone(), field_gate],
            place: format!("{file}: {ident}: {trimmed}"),
            names: type_names(ty, module),
        });
    }
}

fn read_output(output: &Output) -> Gates {
    let mut gates = Gates::default();
    let index = &output.files["endpoints.rs"];
    for (path, text) in &output.files {
        if path == "lib.rs" {
            continue;
        }
        if let Some(area) = path.strip_prefix("endpoints/") {
            let area = area.trim_end_matches(".rs");
            let declaration = format!("#[cfg(feature = \"{area}\")]\npub mod ");
            assert!(
                index.contains(&declaration),
                "{path} is gated by its feature"
            );
            let gate = Some(BTreeSet::from([area.to_owned()]));
            read_file(&mut gates, path, text, "", gate);
        } else if path == "endpoints.rs" {
            read_file(&mut gates, path, text, "", None);
        } else {
            let module = path.trim_end_matches(".rs");
            read_file(&mut gates, path, text, module, None);
        }
    }
    gates
}

/// What `feature` enables that names a type it does not enable
/// (`feature` `""`: no feature at all).
fn missing(gates: &Gates, feature: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for used in &gates.uses {
        if !used.gates.iter().all(|gate| enabled(gate, feature)) {
            continue;
        }
        for name in &used.names {
            let Some(definitions) = gates.defined.get(name) else {
                continue; // graph_core's, std's
            };
            if !definitions.iter().any(|gate| enabled(gate, feature)) {
                problems.push(format!("{} needs {}::{}", used.place, name.0, name.1));
            }
        }
    }
    problems
}

/// What `--all` writes for a vendored file: the default depth, every
/// bound operation.
fn whole(file: &'static str) -> Output {
    let source = vendored(file);
    let options = Options {
        whole: true,
        source_name: file.into(),
        source_sha256: source.sha256.clone(),
        ..Options::default()
    };
    generate(&source.metadata, &options).unwrap()
}

/// Each feature of `output`, and none, with what it lacks.
fn problems(output: &Output) -> Vec<String> {
    let gates = read_output(output);
    // The reading found the output's shape: types, and what they use.
    assert!(gates.defined.len() > 3_000, "{}", gates.defined.len());
    assert!(gates.uses.len() > 20_000, "{}", gates.uses.len());
    let features = output
        .features
        .keys()
        .map(String::as_str)
        .filter(|f| *f != "full")
        .chain([""]);
    let mut problems = Vec::new();
    for feature in features {
        for problem in missing(&gates, feature) {
            problems.push(format!("feature {feature:?}: {problem}"));
        }
    }
    problems
}

fn assert_none(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems, first: {:#?}",
        problems.len(),
        &problems[..problems.len().min(20)]
    );
}

#[test]
fn every_feature_of_v1_enables_what_its_items_name() {
    let output = whole("v1.0-Prod.csdl.gz");
    // 72 entity sets and singletons, and `other-types`.
    assert_eq!(output.features.len(), 73 + 1);
    assert_none(&problems(&output));
}

#[test]
fn every_feature_of_clean_v1_and_beta_enables_what_its_items_name() {
    for file in [
        "v1.0-cleanMetadata.xml.gz",
        "beta-2021-06-08-cleanMetadata.xml.gz",
    ] {
        assert_none(&problems(&whole(file)));
    }
}

/// The reading above catches a type gated wrongly: one moved out of a
/// feature that needs it.
#[test]
fn a_type_missing_from_a_feature_is_found() {
    let mut output = whole("v1.0-Prod.csdl.gz");
    let graph = output.files.get_mut("graph.rs").unwrap();
    let gated = "#[cfg(feature = \"subscribed_skus\")]\n#[graph_complex(\"licenseUnitsDetail\")]";
    assert!(graph.contains(gated), "the case this test moves is there");
    *graph = graph.replace(
        gated,
        "#[cfg(feature = \"teams\")]\n#[graph_complex(\"licenseUnitsDetail\")]",
    );
    let gates = read_output(&output);
    let problems = missing(&gates, "subscribed_skus");
    assert!(!problems.is_empty());
    assert!(
        problems
            .iter()
            .all(|p| p.ends_with("needs graph::LicenseUnitsDetail")),
        "{problems:#?}"
    );
    assert!(missing(&gates, "teams").is_empty());
}
