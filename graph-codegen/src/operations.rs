//! Bound actions and functions: which apply at which path of the
//! selection, and which `graph_endpoint!` cannot express.

use std::collections::{BTreeMap, BTreeSet};

use crate::csdl::{BoundOperation, Metadata, TypeRef};
use crate::select::{Node, NodeKind};

/// One operation at one place: `/users/{userId}/sendMail`.
#[derive(Debug, Clone)]
pub struct Attached {
    /// Index into [`Metadata::operations`].
    pub operation: usize,
    /// Bound to one entity of a collection node (the path is its item path)
    /// rather than to the node itself.
    pub on_item: bool,
}

/// The Edm types a function parameter can have: those with a
/// `graph_core::UrlLiteral` (enums have one too).
const URL_LITERAL_EDM: &[&str] = &[
    "Edm.String",
    "Edm.Boolean",
    "Edm.Int16",
    "Edm.Int32",
    "Edm.Int64",
    "Edm.Byte",
    "Edm.SByte",
    "Edm.Single",
    "Edm.Double",
    "Edm.Decimal",
    "Edm.DateTimeOffset",
    "Edm.Date",
    "Edm.TimeOfDay",
    "Edm.Duration",
    "Edm.Guid",
    "Edm.Binary",
];

/// Why `graph_endpoint!` cannot declare the operation, if it cannot.
pub fn unsupported(metadata: &Metadata, operation: &BoundOperation) -> Option<String> {
    if operation.action {
        if let Some(p) = operation
            .parameters
            .iter()
            .find(|p| p.ty.name == "Edm.Stream")
        {
            return Some(format!(
                "the parameter `{}` is a stream, which a JSON body cannot hold",
                p.name
            ));
        }
        return None;
    }
    for parameter in &operation.parameters {
        // The URL names a function's parameters, and graph_endpoint! takes
        // ASCII names there only (a CSDL name may hold any letter).
        if !parameter.name.is_ascii() {
            return Some(format!(
                "the parameter {} has a name outside ASCII, which a function's URL \
                 in graph_endpoint! cannot hold",
                crate::checked::shown(&parameter.name)
            ));
        }
        let literal = !parameter.ty.collection
            && (URL_LITERAL_EDM.contains(&parameter.ty.name.as_str())
                || metadata.enums.contains_key(&parameter.ty.name));
        if !literal {
            let what = if parameter.ty.collection {
                "a collection"
            } else if metadata.structs.contains_key(&parameter.ty.name) {
                "a complex or entity type"
            } else {
                "a type"
            };
            return Some(format!(
                "the parameter `{}` is {what} (`{}`) with no URL literal",
                parameter.name,
                type_text(&parameter.ty)
            ));
        }
    }
    None
}

/// Refuses a name in `wanted` (`--operation`) that no bound action or
/// function of the metadata has, suggesting the names closest to it: a
/// misspelt name would otherwise select nothing, silently.
pub fn check_wanted(metadata: &Metadata, wanted: &[String]) -> Result<(), String> {
    let known: BTreeSet<&str> = metadata
        .operations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    for name in wanted {
        if known.contains(name.as_str()) {
            continue;
        }
        let mut close: Vec<(usize, &str)> = known
            .iter()
            .map(|k| (edit_distance(&name.to_lowercase(), &k.to_lowercase()), *k))
            .filter(|(d, _)| *d <= 2.max(name.chars().count() / 4))
            .collect();
        close.sort();
        let suggestion = match &close[..] {
            [] => String::new(),
            close => format!(
                "; did you mean {}?",
                close
                    .iter()
                    .take(3)
                    .map(|(_, k)| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(format!(
            "--operation `{name}` is not the name of a bound action or function of the metadata{suggestion}"
        ));
    }
    Ok(())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

fn type_text(ty: &TypeRef) -> String {
    if ty.collection {
        format!("Collection({})", ty.name)
    } else {
        ty.name.clone()
    }
}

/// The operations that apply at each node, by node path: those bound to the
/// node's entity type or one of its bases (or to a collection of it, at a
/// collection node). Where a derived type rebinds an action's name, or a
/// function's name with the same parameters, the nearest binding wins. References are left out: their
/// operations are reached through the entity's own path. `wanted` filters
/// by operation name (all when empty).
pub fn attach(
    metadata: &Metadata,
    nodes: &[Node],
    wanted: &[String],
) -> BTreeMap<String, Vec<Attached>> {
    // (binding type, collection) -> operation indices
    let mut by_binding: BTreeMap<(&str, bool), Vec<usize>> = BTreeMap::new();
    for (index, operation) in metadata.operations.iter().enumerate() {
        if wanted.is_empty() || wanted.contains(&operation.name) {
            by_binding
                .entry((&operation.binding.name, operation.binding.collection))
                .or_default()
                .push(index);
        }
    }
    let mut out = BTreeMap::new();
    for node in nodes {
        let places: &[(bool, bool)] = match node.kind {
            // (binding is a collection, on the item)
            NodeKind::Collection => &[(true, false), (false, true)],
            NodeKind::Single => &[(false, false)],
            NodeKind::Reference | NodeKind::ReferenceCollection => continue,
        };
        let mut attached = Vec::new();
        for &(collection, on_item) in places {
            // (namespace, name, action, parameter names) -> nearest binding.
            // OData binds an action by its name and binding type alone (a
            // derived type's action replaces its base's whatever their
            // parameters), and a function by its parameter names too
            // (overloads live side by side).
            let mut chosen: BTreeMap<(&str, &str, bool, Vec<&str>), usize> = BTreeMap::new();
            // Farthest base first, so that nearer bindings replace them.
            for ancestor in metadata.ancestors(&node.ty).iter().rev() {
                for &index in by_binding
                    .get(&(ancestor.qualified.as_str(), collection))
                    .into_iter()
                    .flatten()
                {
                    let operation = &metadata.operations[index];
                    let parameters = if operation.action {
                        Vec::new()
                    } else {
                        operation
                            .parameters
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect()
                    };
                    chosen.insert(
                        (
                            &operation.namespace,
                            &operation.name,
                            operation.action,
                            parameters,
                        ),
                        index,
                    );
                }
            }
            attached.extend(
                chosen
                    .into_values()
                    .map(|operation| Attached { operation, on_item }),
            );
        }
        if !attached.is_empty() {
            out.insert(node.path.clone(), attached);
        }
    }
    out
}
