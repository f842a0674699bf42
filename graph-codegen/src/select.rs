//! What to generate: the endpoints along the selected paths, and the closure
//! of the types they and the selected types need.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::csdl::{Metadata, Restrictions, StructKind};

/// The root of every entity type; types deriving from it directly are
/// `#[graph_entity]`s without `base`, and it is never polymorphic.
pub const ENTITY: &str = "microsoft.graph.entity";

/// A path that does not exist in the metadata, or another selection that
/// selects nothing.
#[derive(Debug)]
pub struct SelectError(pub String);

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SelectError {}

/// How a node of the URL space holds its entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// An entity set or a contained collection: list, create; get, update
    /// and delete by key.
    Collection,
    /// A singleton or a contained single entity: get, update.
    Single,
    /// A collection of references (non-contained navigation property):
    /// list, add and remove references.
    ReferenceCollection,
    /// A single reference: get, set and remove it.
    Reference,
}

/// One path of the URL space.
#[derive(Debug, Clone)]
pub struct Node {
    /// `/users/{userId}/photos`, parameters included.
    pub path: String,
    /// The literal segments: `["users", "photos"]`.
    pub segments: Vec<String>,
    /// The entity type at this path.
    pub ty: String,
    pub kind: NodeKind,
    pub restrictions: Restrictions,
    /// The entity set or singleton this path starts from.
    pub root: String,
    pub description: Option<String>,
    /// Parameter names already used on the path.
    params: Vec<String>,
    /// Types already on the path (stops containment cycles).
    types_on_path: Vec<String>,
}

impl Node {
    /// The path of one item of a collection: `/users/{userId}`, and the
    /// parameter's name.
    pub fn item_path(&self) -> (String, String) {
        let local = self.ty.rsplit('.').next().unwrap_or(&self.ty);
        let stem = format!(
            "{}Id",
            crate::names::default_member_name(&crate::names::ascii(local))
        );
        let mut param = stem.clone();
        let mut n = 2;
        let snake = |name: &str| heck::ToSnakeCase::to_snake_case(name);
        while self.params.iter().any(|p| snake(p) == snake(&param)) {
            param = format!("{stem}{n}");
            n += 1;
        }
        (format!("{}/{{{param}}}", self.path), param)
    }

    /// Where the navigation properties of this node's entity continue.
    fn continuation(&self) -> (String, Vec<String>) {
        match self.kind {
            NodeKind::Collection => {
                let (path, param) = self.item_path();
                let mut params = self.params.clone();
                params.push(param);
                (path, params)
            }
            _ => (self.path.clone(), self.params.clone()),
        }
    }
}

/// Every navigation property of a type, its bases' included, by name.
fn navigation<'a>(
    metadata: &'a Metadata,
    ty: &str,
) -> Vec<(&'a str, &'a crate::csdl::NavigationProperty)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for ancestor in metadata.ancestors(ty) {
        for nav in &ancestor.navigation {
            if seen.insert(nav.name.as_str()) {
                out.push((ancestor.qualified.as_str(), nav));
            }
        }
    }
    out
}

fn root_node(metadata: &Metadata, name: &str) -> Option<Node> {
    let (item, kind) = match metadata.entity_sets.iter().find(|set| set.name == name) {
        Some(set) => (set, NodeKind::Collection),
        None => (
            metadata.singletons.iter().find(|s| s.name == name)?,
            NodeKind::Single,
        ),
    };
    Some(Node {
        path: format!("/{name}"),
        segments: vec![name.to_owned()],
        ty: item.ty.clone(),
        kind,
        restrictions: metadata
            .restrictions
            .get(&item.target)
            .copied()
            .unwrap_or_default(),
        root: name.to_owned(),
        description: item.description.clone(),
        params: Vec::new(),
        types_on_path: vec![item.ty.clone()],
    })
}

fn child_node(metadata: &Metadata, parent: &Node, name: &str) -> Option<Node> {
    if matches!(
        parent.kind,
        NodeKind::Reference | NodeKind::ReferenceCollection
    ) {
        return None;
    }
    let (owner, nav) = navigation(metadata, &parent.ty)
        .into_iter()
        .find(|(_, nav)| nav.name == name)?;
    let (base_path, params) = parent.continuation();
    let kind = match (nav.contains_target, nav.ty.collection) {
        (true, true) => NodeKind::Collection,
        (true, false) => NodeKind::Single,
        (false, true) => NodeKind::ReferenceCollection,
        (false, false) => NodeKind::Reference,
    };
    let mut segments = parent.segments.clone();
    segments.push(name.to_owned());
    let mut types_on_path = parent.types_on_path.clone();
    types_on_path.push(nav.ty.name.clone());
    Some(Node {
        path: format!("{base_path}/{name}"),
        segments,
        ty: nav.ty.name.clone(),
        kind,
        restrictions: metadata
            .restrictions
            .get(&format!("{owner}/{name}"))
            .copied()
            .unwrap_or_default(),
        root: parent.root.clone(),
        description: nav.description.clone(),
        params,
        types_on_path,
    })
}

/// `{userId}`: a key segment, which a path to select may leave out.
fn is_parameter(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

/// Resolves `/deviceAppManagement/mobileAppConfigurations` (parameter
/// segments such as `{id}` may be written or left out).
pub fn resolve_path(metadata: &Metadata, path: &str) -> Result<Node, SelectError> {
    let mut segments = path
        .split('/')
        .filter(|s| !s.is_empty() && !is_parameter(s));
    let first = segments
        .next()
        .ok_or_else(|| SelectError(format!("`{path}` names no entity set or singleton")))?;
    let mut node = root_node(metadata, first).ok_or_else(|| {
        SelectError(format!(
            "`{path}`: `{first}` is not an entity set or singleton of the metadata"
        ))
    })?;
    for segment in segments {
        node = child_node(metadata, &node, segment).ok_or_else(|| {
            SelectError(format!(
                "`{path}`: `{}` has no navigation property `{segment}` (at `{}`)",
                node.ty, node.path
            ))
        })?;
    }
    Ok(node)
}

/// The node and every node contained below it, to `depth` navigation steps
/// (a type already on the path is not entered again).
pub fn subtree(metadata: &Metadata, node: Node, depth: usize, out: &mut Vec<Node>) {
    subtree_within(metadata, node, depth, out, usize::MAX);
}

/// [`subtree`], stopping once `out` holds `limit` nodes; `false` if it
/// stopped there, with more paths left.
pub fn subtree_within(
    metadata: &Metadata,
    node: Node,
    depth: usize,
    out: &mut Vec<Node>,
    limit: usize,
) -> bool {
    if out.len() >= limit {
        return false;
    }
    let children: Vec<Node> = if depth == 0 {
        Vec::new()
    } else {
        navigation(metadata, &node.ty)
            .into_iter()
            .filter_map(|(_, nav)| child_node(metadata, &node, &nav.name))
            .filter(|child| {
                let cycle = node.types_on_path.contains(&child.ty);
                !(cycle && matches!(child.kind, NodeKind::Collection | NodeKind::Single))
            })
            .collect()
    };
    let contained = |child: &Node| matches!(child.kind, NodeKind::Collection | NodeKind::Single);
    out.push(node);
    for child in children {
        if out.len() >= limit {
            return false;
        }
        if contained(&child) {
            if !subtree_within(metadata, child, depth - 1, out, limit) {
                return false;
            }
        } else {
            out.push(child);
        }
    }
    true
}

/// For every type, the types derived from it at any depth, sorted; `entity`
/// has none (it is never read polymorphically).
pub fn descendants(metadata: &Metadata) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ty in metadata.structs.values() {
        for ancestor in metadata.ancestors(&ty.qualified).iter().skip(1) {
            if ancestor.qualified != ENTITY {
                map.entry(ancestor.qualified.clone())
                    .or_default()
                    .push(ty.qualified.clone());
            }
        }
    }
    map
}

/// The types `seeds` need: their bases, the types of their structural
/// properties, and the types derived from the seeds and the property types,
/// since a value of a type can be any type derived from it. A base reached
/// only as a base does not bring its other derived types.
pub fn closure(metadata: &Metadata, seeds: &BTreeSet<String>) -> BTreeSet<String> {
    let mut derived: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for ty in metadata.structs.values() {
        if let Some(base) = ty.base.as_deref() {
            derived.entry(base).or_default().push(&ty.qualified);
        }
    }
    // (type, whether its derived types come along)
    let mut done: BTreeMap<String, bool> = BTreeMap::new();
    let mut work: Vec<(String, bool)> = seeds.iter().map(|s| (s.clone(), true)).collect();
    while let Some((name, with_derived)) = work.pop() {
        match done.get(&name) {
            Some(true) => continue,
            Some(false) if !with_derived => continue,
            _ => {}
        }
        let first_visit = !done.contains_key(&name);
        done.insert(name.clone(), with_derived);
        if let Some(ty) = metadata.structs.get(&name) {
            if first_visit {
                work.extend(ty.base.iter().map(|base| (base.clone(), false)));
                for property in &ty.properties {
                    work.push((property.ty.name.clone(), true));
                }
            }
            if with_derived && name != ENTITY {
                for child in derived.get(name.as_str()).into_iter().flatten() {
                    work.push(((*child).to_owned(), true));
                }
            }
        }
    }
    done.into_keys()
        .filter(|name| metadata.structs.contains_key(name) || metadata.enums.contains_key(name))
        .collect()
}

/// Whether every type is an entity type (for endpoints) or not.
pub fn is_entity(metadata: &Metadata, ty: &str) -> bool {
    metadata
        .structs
        .get(ty)
        .is_some_and(|t| t.kind == StructKind::Entity)
}
