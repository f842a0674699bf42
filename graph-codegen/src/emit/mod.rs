//! From a [`Metadata`] and a selection to Rust source: one file per
//! namespace, one for the endpoints, a `lib.rs`, all written in the layout
//! rustfmt gives them (checked by the tests), so the output is
//! deterministic without running rustfmt.
//!
//! This module selects (paths, types, features, names) and writes the
//! crate's files; what each item looks like is written by its own module:
//! [`types`] (structs), [`polymorphic`] (`Any{Type}` enums), [`enums`],
//! [`endpoints`] (containment paths and raw content), [`bound_operations`]
//! (actions and functions), all through [`layout`] (rustfmt's layout) and
//! [`crate::text`] (every outside text).

mod bound_operations;
mod endpoints;
mod enums;
mod layout;
mod polymorphic;
mod types;

use layout::{cfg_attribute, push_attribute, push_doc, push_field};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::checked;
use crate::csdl::{self, Metadata, StructKind, StructType, TypeRef};
use crate::names::{self, FieldName};
use crate::operations::{self, Attached};
use crate::select::{self, Node, NodeKind, SelectError, ENTITY};
use crate::text::{self, string_literal};

/// What to generate. The default selects nothing, at the CLI's default
/// [`depth`](Options::depth) (3).
#[derive(Debug, Clone)]
pub struct Options {
    /// Paths whose own endpoints are generated (`/users`,
    /// `/deviceAppManagement/mobileAppConfigurations`).
    pub paths: Vec<String>,
    /// Paths generated with everything contained below them.
    pub trees: Vec<String>,
    /// Qualified type names to generate (`microsoft.graph.user`).
    pub types: Vec<String>,
    /// Namespaces whose every type is generated.
    pub namespaces: Vec<String>,
    /// Everything: every type, and every entity set and singleton as a tree,
    /// each one a cargo feature.
    pub whole: bool,
    /// How many navigation steps a tree (and, with [`Options::whole`],
    /// each entity set and singleton) goes below its path: 3 by default.
    pub depth: usize,
    /// The metadata's file name, for the header.
    pub source_name: String,
    /// The metadata's sha256, in hex, for the header.
    pub source_sha256: String,
    /// The command that regenerates the output, for the header.
    pub command: String,
    /// Leave the endpoints out.
    pub no_endpoints: bool,
    /// Leave the bound actions and functions out.
    pub no_operations: bool,
    /// Generate only the bound actions and functions of these names
    /// (`sendMail`, `delta`) at the selected paths.
    pub operations: Vec<String>,
    /// Generate every bound action and function at the selected paths.
    /// Without it (or [`Options::operations`]), a path or tree selection has
    /// none: they are opt-in, since each brings its parameter and return
    /// types (the ten paths of the README's measurement: 83 operations, 60
    /// more struct types, a fifth of the build). [`Options::whole`] has
    /// them all unless [`Options::operations`] names some.
    pub all_operations: bool,
    /// The derives of struct types (and, minus `Default`, of polymorphic
    /// enums); `None` for [`DEFAULT_DERIVES`]. Each costs build time three
    /// times over for an entity, which the macros give a create and an
    /// update type with the same derives.
    pub derives: Option<Vec<String>>,
    /// Write plain `#[derive(Serialize, Deserialize)]` types instead of the
    /// macros (no endpoints, no create/update types, unknown properties
    /// dropped): the baseline of the compile-time measurement.
    pub plain_serde: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paths: Vec::new(),
            trees: Vec::new(),
            types: Vec::new(),
            namespaces: Vec::new(),
            whole: false,
            depth: 3,
            source_name: String::new(),
            source_sha256: String::new(),
            command: String::new(),
            no_endpoints: false,
            no_operations: false,
            operations: Vec::new(),
            all_operations: false,
            derives: None,
            plain_serde: false,
        }
    }
}

/// The generated files and what they hold.
#[derive(Debug, Default)]
pub struct Output {
    /// Source files by path under `src/`: `lib.rs`, `graph.rs`, ...
    pub files: BTreeMap<String, String>,
    /// Cargo features (whole-schema mode): name -> features it enables.
    pub features: BTreeMap<String, Vec<String>>,
    pub report: Report,
}

/// Counts, and what the metadata holds that the bindings leave out.
#[derive(Debug, Default)]
pub struct Report {
    /// The paths of the URL space the selection reaches (entity sets,
    /// navigation properties, at every depth).
    pub paths: usize,
    pub structs: usize,
    pub enums: usize,
    pub polymorphic: usize,
    pub endpoints: usize,
    /// How many of the endpoints are bound actions and functions.
    pub operation_endpoints: usize,
    /// Indices into [`Metadata::operations`] of the operations generated at
    /// one path or more.
    pub operations_generated: BTreeSet<usize>,
    /// Operations that apply at a selected path but that `graph_endpoint!`
    /// cannot declare, with the reason (a function parameter with no URL
    /// literal: a complex type or a collection), by index into
    /// [`Metadata::operations`].
    pub operations_skipped: BTreeMap<usize, String>,
    pub boxed_fields: usize,
    /// `type/property`: properties a type redeclares from a base, left out
    /// since the base declares them (graph-macros rejects a redeclaration).
    pub redeclared: Vec<String>,
    /// `type/property`: `Edm.Stream` properties, which are not JSON and so
    /// not fields; an entity's are endpoints of their own
    /// (`GET`/`PUT {item}/content`) wherever an item path is generated.
    pub streams: Vec<String>,
    /// Type names the metadata references but does not define, read as
    /// `JsonValue`.
    pub unknown_types: BTreeSet<String>,
}

/// Generates bindings for `options`' selection of `metadata`.
pub fn generate(metadata: &Metadata, options: &Options) -> Result<Output, SelectError> {
    Generator::new(metadata, options)?.run()
}

struct Generator<'a> {
    metadata: &'a Metadata,
    options: &'a Options,
    nodes: Vec<Node>,
    /// Selected struct and enum types.
    selected: BTreeSet<String>,
    /// Whole-schema mode: the features each type is generated under.
    gates: BTreeMap<String, BTreeSet<String>>,
    /// Selected descendants of each selected struct that has some.
    polymorphic: BTreeMap<String, Vec<String>>,
    /// Rust names: qualified type -> identifier in its module.
    idents: BTreeMap<String, String>,
    /// Entities whose create/update types need another name.
    companions: BTreeMap<String, (String, String)>,
    /// Entities whose create or update type a generated endpoint sends, and
    /// their bases (whose request types those embed); the rest are declared
    /// `no_request_types`, which spares the build a third of its work.
    /// `None` when no endpoints are generated: every entity keeps its
    /// request types then, for endpoints the user writes.
    sends_requests: Option<BTreeSet<String>>,
    /// Qualified type -> its polymorphic enum's identifier.
    any_idents: BTreeMap<String, String>,
    /// Namespace -> its module's identifier.
    modules: BTreeMap<String, String>,
    /// Entity set or singleton -> its cargo feature (whole-schema mode).
    features: BTreeMap<String, String>,
    /// Modules that declare a type named like a prelude type (`String`,
    /// `Option`, `Vec`, `Box`), where those are written by full path.
    shadowing: BTreeSet<String>,
    /// `owner/property` fields that must be boxed.
    boxed: BTreeSet<String>,
    /// The bound operations generated at each node, by node path.
    attached: BTreeMap<String, Vec<Attached>>,
    report: Report,
}

const EDM: &[(&str, &str)] = &[
    ("Edm.String", "String"),
    ("Edm.Boolean", "bool"),
    ("Edm.Int16", "i16"),
    ("Edm.Int32", "i32"),
    ("Edm.Int64", "i64"),
    ("Edm.Byte", "u8"),
    ("Edm.SByte", "i8"),
    // `Double` reads and writes OData's `"NaN"`, `"INF"` and `"-INF"`,
    // which an `f32` cannot; every `Edm.Single` is exactly an `f64`.
    ("Edm.Single", "graph_core::Double"),
    ("Edm.Double", "graph_core::Double"),
    ("Edm.Decimal", "graph_core::Decimal"),
    ("Edm.DateTimeOffset", "graph_core::DateTimeOffset"),
    ("Edm.Date", "graph_core::Date"),
    ("Edm.TimeOfDay", "graph_core::TimeOfDay"),
    ("Edm.Duration", "graph_core::Duration"),
    ("Edm.Guid", "graph_core::Guid"),
    ("Edm.Binary", "graph_core::Binary"),
    ("Edm.Untyped", "graph_core::JsonValue"),
    // graph.Json is an open complex type that stands for any JSON.
    ("microsoft.graph.Json", "graph_core::JsonValue"),
];

impl<'a> Generator<'a> {
    fn new(metadata: &'a Metadata, options: &'a Options) -> Result<Self, SelectError> {
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        for path in &options.paths {
            let node = select::resolve_path(metadata, path)?;
            nodes.insert(node.path.clone(), node);
        }
        let mut tree_roots: Vec<Node> = Vec::new();
        for path in &options.trees {
            tree_roots.push(select::resolve_path(metadata, path)?);
        }
        if options.whole {
            for item in metadata.entity_sets.iter().chain(&metadata.singletons) {
                tree_roots.push(select::resolve_path(metadata, &item.name)?);
            }
        }
        for derive in options.derives.iter().flatten() {
            let path = derive.strip_prefix("::").unwrap_or(derive);
            let is_path = path.split("::").all(|segment| {
                let mut chars = segment.chars();
                chars
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            if !is_path {
                return Err(SelectError(format!(
                    "the derive {} is not a path to a derive macro (`Debug`, `serde::Serialize`)",
                    checked::shown(derive)
                )));
            }
        }
        if options.depth > checked::MAX_DEPTH {
            return Err(SelectError(format!(
                "--depth {} is more than the {} navigation steps graph-codegen goes below a root",
                options.depth,
                checked::MAX_DEPTH
            )));
        }
        for root in tree_roots {
            let mut out = Vec::new();
            let limit = checked::MAX_PATHS.saturating_sub(nodes.len());
            let name = root.path.clone();
            if !select::subtree_within(metadata, root, options.depth, &mut out, limit) {
                return Err(SelectError(format!(
                    "the paths below {} (at --depth {}) bring the selection past {} paths, \
                     the most graph-codegen generates: select fewer trees or a smaller --depth",
                    checked::shown(&name),
                    options.depth,
                    checked::MAX_PATHS
                )));
            }
            for node in out {
                nodes.insert(node.path.clone(), node);
            }
        }
        let paths = nodes.len();
        let nodes: Vec<Node> = nodes
            .into_values()
            .filter(|node| select::is_entity(metadata, &node.ty))
            .collect();

        operations::check_wanted(metadata, &options.operations).map_err(SelectError)?;
        let wanted = !options.operations.is_empty() || options.all_operations || options.whole;
        let mut attached =
            if options.no_endpoints || options.no_operations || options.plain_serde || !wanted {
                BTreeMap::new()
            } else {
                operations::attach(metadata, &nodes, &options.operations)
            };
        let mut skipped = BTreeMap::new();
        for list in attached.values_mut() {
            list.retain(|a| {
                let reason = operations::unsupported(metadata, &metadata.operations[a.operation]);
                if let Some(reason) = &reason {
                    skipped.insert(a.operation, reason.clone());
                }
                reason.is_none()
            });
        }
        attached.retain(|_, list| !list.is_empty());
        // The types a node's operations need, besides the node's own.
        let node_types = |node: &Node| -> BTreeSet<String> {
            let mut types = BTreeSet::from([node.ty.clone()]);
            for a in attached.get(&node.path).into_iter().flatten() {
                let operation = &metadata.operations[a.operation];
                types.extend(operation.parameters.iter().map(|p| p.ty.name.clone()));
                types.extend(operation.returns.iter().map(|r| r.ty.name.clone()));
            }
            types
        };

        let mut seeds: BTreeSet<String> = nodes.iter().flat_map(node_types).collect();
        for ty in &options.types {
            if !metadata.structs.contains_key(ty) && !metadata.enums.contains_key(ty) {
                return Err(SelectError(format!(
                    "`{ty}` is not a type of the metadata (write the qualified name, e.g. `microsoft.graph.user`)"
                )));
            }
            seeds.insert(ty.clone());
        }
        for namespace in &options.namespaces {
            if !metadata.namespaces.contains(namespace) {
                return Err(SelectError(format!(
                    "`{namespace}` is not a namespace of the metadata; it has {}",
                    metadata.namespaces.join(", ")
                )));
            }
        }
        let in_namespaces =
            |namespace: &str| options.whole || options.namespaces.iter().any(|n| n == namespace);
        for ty in metadata.structs.values() {
            if in_namespaces(&ty.namespace) {
                seeds.insert(ty.qualified.clone());
            }
        }
        for ty in metadata.enums.values() {
            if in_namespaces(&ty.namespace) {
                seeds.insert(ty.qualified.clone());
            }
        }
        if seeds.is_empty() {
            return Err(SelectError(
                "nothing selected: give --path, --tree, --type, --namespace or --all".into(),
            ));
        }
        let selected = select::closure(metadata, &seeds);

        let features = names::feature_names(
            metadata
                .entity_sets
                .iter()
                .chain(&metadata.singletons)
                .map(|item| item.name.as_str()),
        );
        let feature_name = |root: &str| features[root].clone();
        let mut gates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        if options.whole {
            let mut by_area: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for node in &nodes {
                by_area
                    .entry(feature_name(&node.root))
                    .or_default()
                    .extend(node_types(node));
            }
            for (area, area_seeds) in by_area {
                for ty in select::closure(metadata, &area_seeds) {
                    gates.entry(ty).or_default().insert(area.clone());
                }
            }
            // `other-types` is the area of the types no endpoint needs, with
            // what they need in turn, so that it too builds alone.
            let unreached: BTreeSet<String> = selected
                .iter()
                .filter(|ty| !gates.contains_key(*ty))
                .cloned()
                .collect();
            for ty in select::closure(metadata, &unreached) {
                gates.entry(ty).or_default().insert(OTHER_TYPES.to_owned());
            }
        }

        let descendants = select::descendants(metadata);
        let polymorphic = selected
            .iter()
            .filter_map(|ty| {
                let chosen: Vec<String> = descendants
                    .get(ty)?
                    .iter()
                    .filter(|d| selected.contains(*d))
                    .cloned()
                    .collect();
                (!chosen.is_empty()).then(|| (ty.clone(), chosen))
            })
            .collect();

        let mut generator = Generator {
            metadata,
            options,
            nodes,
            selected,
            gates,
            polymorphic,
            idents: BTreeMap::new(),
            companions: BTreeMap::new(),
            sends_requests: None,
            any_idents: BTreeMap::new(),
            modules: names::module_names(metadata.namespaces.iter().map(String::as_str)),
            features,
            shadowing: BTreeSet::new(),
            boxed: BTreeSet::new(),
            attached,
            report: Report {
                paths,
                operations_skipped: skipped,
                ..Report::default()
            },
        };
        generator.name_types();
        generator.find_boxed_fields();
        Ok(generator)
    }

    /// Names every type of every namespace (selected or not, so that a
    /// name does not depend on the selection), then the names the macros
    /// and the generator add: `{Entity}Create`, `{Entity}Update`, `Any{Type}`.
    fn name_types(&mut self) {
        let mut by_namespace: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for ty in self.metadata.structs.values() {
            by_namespace
                .entry(&ty.namespace)
                .or_default()
                .push(&ty.name);
        }
        for ty in self.metadata.enums.values() {
            by_namespace
                .entry(&ty.namespace)
                .or_default()
                .push(&ty.name);
        }
        for (namespace, local_names) in by_namespace {
            let names = names::type_names(&local_names);
            // The types' own names, then each name the macros and the
            // generator add, as it is chosen (in the order of the Graph
            // names), so that none meets another.
            let mut used: BTreeSet<String> = names
                .values()
                .map(|ident| names::unraw(ident).to_owned())
                .collect();
            let mut pick = |plain: String, fallback: &str| {
                let mut chosen = plain.clone();
                if used.contains(&chosen) {
                    chosen = format!("{plain}{fallback}");
                }
                let mut n = 2;
                while used.contains(&chosen) {
                    chosen = format!("{plain}{fallback}{n}");
                    n += 1;
                }
                used.insert(chosen.clone());
                chosen
            };
            for (local, ident) in &names {
                let qualified = format!("{namespace}.{local}");
                if self
                    .metadata
                    .structs
                    .get(&qualified)
                    .is_some_and(|t| t.kind == StructKind::Entity)
                {
                    let create = pick(format!("{}Create", names::unraw(ident)), "Body");
                    let update = pick(format!("{}Update", names::unraw(ident)), "Body");
                    self.companions.insert(qualified.clone(), (create, update));
                }
                if qualified != ENTITY {
                    let any = pick(format!("Any{}", names::unraw(ident)), "Polymorphic");
                    self.any_idents.insert(qualified.clone(), any);
                }
                if PRELUDE.contains(&names::unraw(ident)) {
                    self.shadowing.insert(namespace.to_owned());
                }
                self.idents.insert(qualified, ident.clone());
            }
        }
    }

    /// Fields that hold a struct by value on a cycle of by-value holds
    /// (`a.b: Option<B>`, `b.a: Option<A>`), found as the strongly connected
    /// components of that graph; collections and polymorphic enums (whose
    /// variants are boxed) already hold through a pointer.
    fn find_boxed_fields(&mut self) {
        let mut edges: BTreeMap<&str, Vec<(&str, Option<&str>)>> = BTreeMap::new();
        for ty in self.selected_structs() {
            let mut out = Vec::new();
            if let Some(base) = ty.base.as_deref() {
                out.push((base, None));
            }
            for property in &ty.properties {
                let target = property.ty.name.as_str();
                if !property.ty.collection
                    && self.metadata.structs.contains_key(target)
                    && !self.polymorphic.contains_key(target)
                {
                    out.push((target, Some(property.name.as_str())));
                }
            }
            for nav in &ty.navigation {
                let target = nav.ty.name.as_str();
                if !nav.ty.collection
                    && self.selected.contains(target)
                    && !self.polymorphic.contains_key(target)
                {
                    out.push((target, Some(nav.name.as_str())));
                }
            }
            edges.insert(&ty.qualified, out);
        }
        let component = strongly_connected(&edges);
        for (owner, targets) in &edges {
            for (target, property) in targets {
                if let Some(property) = property {
                    if component.get(owner) == component.get(target) {
                        self.boxed.insert(format!("{owner}/{property}"));
                    }
                }
            }
        }
        self.report.boxed_fields = self.boxed.len();
    }

    fn selected_structs(&self) -> impl Iterator<Item = &'a StructType> + '_ {
        self.selected
            .iter()
            .filter_map(|name| self.metadata.structs.get(name))
    }

    fn run(mut self) -> Result<Output, SelectError> {
        let mut output = Output::default();
        // First, as the types depend on which request types they send.
        let endpoints = self.endpoints();
        let mut modules: BTreeMap<String, String> = BTreeMap::new();
        for namespace in &self.metadata.namespaces {
            let body = self.module(namespace);
            if !body.is_empty() {
                modules.insert(self.modules[namespace].clone(), body);
            }
        }
        let header = self.header();
        let mut lib = header.clone();
        let and_endpoints = if endpoints.is_empty() {
            ""
        } else {
            ", and `endpoints`"
        };
        let _ = writeln!(
            lib,
            "//! Microsoft Graph bindings generated from `{}` by graph-codegen:\n\
             //! one module per namespace{and_endpoints}.",
            crate::comment_text(&self.options.source_name)
        );
        if self.options.whole {
            lib.push_str(
                "//!\n//! Each entity set and singleton is a cargo feature (`full` enables them all),\n\
                 //! and `other-types` enables the types no endpoint needs.\n",
            );
        }
        lib.push_str(LIB_ATTRIBUTES);
        lib.push('\n');
        let mut declared: Vec<&str> = modules.keys().map(String::as_str).collect();
        if !endpoints.is_empty() {
            declared.push("endpoints");
        }
        // rustfmt's order.
        declared.sort_by_key(|m| names::unraw(m).to_owned());
        for module in declared {
            let _ = writeln!(lib, "pub mod {module};");
        }
        output.files.insert("lib.rs".into(), lib);
        for (module, body) in modules {
            let file = format!("{header}{body}");
            output
                .files
                .insert(format!("{}.rs", names::unraw(&module)), file);
        }
        for (path, body) in endpoints {
            output.files.insert(path, format!("{header}{body}"));
        }
        if self.options.whole {
            let areas: BTreeSet<String> = self
                .nodes
                .iter()
                .map(|n| self.features[&n.root].clone())
                .collect();
            for area in &areas {
                output.features.insert(area.clone(), Vec::new());
            }
            output.features.insert(OTHER_TYPES.into(), Vec::new());
            let mut full: Vec<String> = areas.into_iter().collect();
            full.push(OTHER_TYPES.into());
            output.features.insert("full".into(), full);
        }
        self.report.structs = self.selected_structs().count();
        self.report.enums = self
            .selected
            .iter()
            .filter(|n| self.metadata.enums.contains_key(*n))
            .count();
        self.report.polymorphic = self.polymorphic.len();
        output.report = self.report;
        Ok(output)
    }

    /// The derives of a struct, or (without `Default`) of a polymorphic enum.
    fn derives(&self, with_default: bool) -> String {
        let chosen: Vec<&str> = match &self.options.derives {
            Some(derives) => derives.iter().map(String::as_str).collect(),
            None => DEFAULT_DERIVES.to_vec(),
        };
        chosen
            .into_iter()
            .filter(|d| with_default || *d != "Default")
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn header(&self) -> String {
        format!(
            "// @generated by graph-codegen from `{}` (sha256 {}).\n\
             // Do not edit; regenerate with:\n\
             // {}\n\n",
            crate::comment_text(&self.options.source_name),
            self.options.source_sha256,
            crate::comment_text(&self.options.command)
        )
    }

    /// `#[cfg(...)]` for a type in whole-schema mode, or nothing.
    fn gate(&self, qualified: &str, indent: &str) -> String {
        match self.gates.get(qualified) {
            Some(features) if self.options.whole => cfg_attribute(features, indent),
            _ => String::new(),
        }
    }

    fn module(&mut self, namespace: &str) -> String {
        let mut items = String::new();
        let mut uses = BTreeSet::new();
        let in_namespace: Vec<String> = self
            .selected
            .iter()
            .filter(|name| {
                self.metadata
                    .structs
                    .get(*name)
                    .map(|t| t.namespace.as_str())
                    .or_else(|| self.metadata.enums.get(*name).map(|t| t.namespace.as_str()))
                    == Some(namespace)
            })
            .cloned()
            .collect();
        // Items in the order of their Rust names, so that the output does
        // not depend on the metadata's order.
        let mut ordered: Vec<(String, String)> = in_namespace
            .into_iter()
            .map(|q| (names::unraw(&self.idents[&q]).to_owned(), q))
            .collect();
        ordered.sort();
        for (_, qualified) in ordered {
            if EDM.iter().any(|(name, _)| *name == qualified) {
                continue;
            }
            if let Some(ty) = self.metadata.structs.get(&qualified) {
                items.push('\n');
                self.emit_struct(ty, &mut items, &mut uses);
                if self.polymorphic.contains_key(&qualified) {
                    items.push('\n');
                    self.emit_polymorphic(ty, &mut items, &mut uses);
                }
            } else if let Some(ty) = self.metadata.enums.get(&qualified) {
                items.push('\n');
                self.emit_enum(ty, &mut items, &mut uses);
            }
        }
        if items.is_empty() {
            return String::new();
        }
        let uses: Vec<&str> = uses.into_iter().collect();
        let uses = match uses.as_slice() {
            [one] => (*one).to_owned(),
            many => format!("{{{}}}", many.join(", ")),
        };
        // With features, a module may have none of its items enabled.
        let allow = if self.options.whole {
            "#[allow(unused_imports)]\n"
        } else {
            ""
        };
        // The plain flavour names serde by absolute path and imports nothing.
        let imports = if self.options.plain_serde {
            String::new()
        } else {
            format!("\n{allow}use graph_core::{uses};\n")
        };
        let mut module = format!(
            "//! The `{}` namespace.\n{imports}",
            text::comment_text(namespace)
        );
        module.push_str(&items);
        module
    }
}

/// The derives of generated structs unless [`Options::derives`] says
/// otherwise.
pub const DEFAULT_DERIVES: &[&str] = &["Debug", "Clone", "PartialEq", "Default"];

const OTHER_TYPES: &str = "other-types";

/// The prelude types generated code names; a module that declares a type
/// of one of these names writes them by full path.
const PRELUDE: &[&str] = &["String", "Option", "Vec", "Box"];

/// Lints the generated code may raise because of what the metadata says:
/// Graph's descriptions are prose, not Rust docs.
const LIB_ATTRIBUTES: &str = "\
// Graph's descriptions are prose written for its documentation site.
#![allow(clippy::doc_lazy_continuation, clippy::doc_overindented_list_items)]
#![allow(clippy::too_long_first_doc_paragraph)]
";

/// The name `#[graph_entity]` takes: local in `microsoft.graph`, qualified
/// elsewhere.
fn graph_type_name(qualified: &str) -> &str {
    match qualified.strip_prefix("microsoft.graph.") {
        Some(local) if !local.contains('.') => local,
        _ => qualified,
    }
}

/// Tarjan's algorithm, iteratively: each node's component index.
fn strongly_connected<'n>(
    edges: &BTreeMap<&'n str, Vec<(&'n str, Option<&'n str>)>>,
) -> BTreeMap<&'n str, usize> {
    struct State<'n> {
        index: BTreeMap<&'n str, usize>,
        low: BTreeMap<&'n str, usize>,
        on_stack: BTreeSet<&'n str>,
        stack: Vec<&'n str>,
        component: BTreeMap<&'n str, usize>,
        next: usize,
        components: usize,
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on_stack: BTreeSet::new(),
        stack: Vec::new(),
        component: BTreeMap::new(),
        next: 0,
        components: 0,
    };
    let targets = |node: &'n str| -> Vec<&'n str> {
        edges
            .get(node)
            .map(|out| {
                out.iter()
                    .map(|(t, _)| *t)
                    .filter(|t| edges.contains_key(t))
                    .collect()
            })
            .unwrap_or_default()
    };
    for &start in edges.keys() {
        if state.index.contains_key(start) {
            continue;
        }
        // (node, its targets, next target to visit)
        let mut call: Vec<(&'n str, Vec<&'n str>, usize)> = vec![(start, targets(start), 0)];
        state.index.insert(start, state.next);
        state.low.insert(start, state.next);
        state.next += 1;
        state.stack.push(start);
        state.on_stack.insert(start);
        while let Some((node, outs, i)) = call.last_mut() {
            let node = *node;
            if let Some(&target) = outs.get(*i) {
                *i += 1;
                if !state.index.contains_key(target) {
                    state.index.insert(target, state.next);
                    state.low.insert(target, state.next);
                    state.next += 1;
                    state.stack.push(target);
                    state.on_stack.insert(target);
                    call.push((target, targets(target), 0));
                } else if state.on_stack.contains(target) {
                    let low = state.low[node].min(state.index[target]);
                    state.low.insert(node, low);
                }
                continue;
            }
            call.pop();
            if let Some((parent, _, _)) = call.last() {
                let low = state.low[*parent].min(state.low[node]);
                state.low.insert(parent, low);
            }
            if state.low[node] == state.index[node] {
                while let Some(member) = state.stack.pop() {
                    state.on_stack.remove(member);
                    state.component.insert(member, state.components);
                    if member == node {
                        break;
                    }
                }
                state.components += 1;
            }
        }
    }
    state.component
}
