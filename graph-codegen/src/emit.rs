//! From a [`Metadata`] and a selection to Rust source: one file per
//! namespace, one for the endpoints, a `lib.rs`, all written in the layout
//! rustfmt gives them (checked by the tests), so the output is
//! deterministic without running rustfmt.

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
                    "the paths below `{}` (at --depth {}) bring the selection past {} paths, \
                     the most graph-codegen generates: select fewer trees or a smaller --depth",
                    crate::text::visible(&name),
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
            text::visible(namespace)
        );
        module.push_str(&items);
        module
    }

    /// The path of a type's Rust name as seen from `from` (a namespace, or
    /// `""` for the endpoints module).
    fn type_path(&self, qualified: &str, from: &str, polymorphic: bool) -> String {
        let (namespace, ident) = match self.metadata.structs.get(qualified) {
            Some(ty) => {
                let ident = if polymorphic && self.polymorphic.contains_key(qualified) {
                    self.any_idents[qualified].clone()
                } else {
                    self.idents[qualified].clone()
                };
                (ty.namespace.as_str(), ident)
            }
            None => {
                let ty = &self.metadata.enums[qualified];
                (ty.namespace.as_str(), self.idents[qualified].clone())
            }
        };
        if namespace == from {
            ident
        } else {
            format!("crate::{}::{ident}", self.modules[namespace])
        }
    }

    /// How the module of namespace `from` writes the prelude type `name`
    /// (`String`, `Option`, `Vec`, `Box`): by its name, or by its full path
    /// where one of the module's types takes that name.
    fn prelude(&self, from: &str, name: &str) -> String {
        if !self.shadowing.contains(from) {
            return name.to_owned();
        }
        match name {
            "String" => "::std::string::String",
            "Option" => "::std::option::Option",
            "Vec" => "::std::vec::Vec",
            "Box" => "::std::boxed::Box",
            other => other,
        }
        .to_owned()
    }

    /// The Rust type of a property's value (inside its `Option`).
    fn value_type(&mut self, owner: &str, property: &str, ty: &TypeRef, from: &str) -> String {
        let inner = if let Some((_, rust)) = EDM.iter().find(|(name, _)| *name == ty.name) {
            self.prelude(from, rust)
        } else if let Some(enumeration) = self.metadata.enums.get(&ty.name) {
            let path = self.type_path(&ty.name, from, false);
            if enumeration.flags && self.options.plain_serde {
                self.prelude(from, "String")
            } else if enumeration.flags {
                format!("graph_core::Flags<{path}>")
            } else {
                path
            }
        } else if self.metadata.structs.contains_key(&ty.name) {
            let path = self.type_path(&ty.name, from, true);
            if !ty.collection && self.boxed.contains(&format!("{owner}/{property}")) {
                format!("{}<{path}>", self.prelude(from, "Box"))
            } else {
                path
            }
        } else {
            self.report.unknown_types.insert(ty.name.clone());
            "graph_core::JsonValue".to_owned()
        };
        if ty.collection {
            format!("{}<{inner}>", self.prelude(from, "Vec"))
        } else {
            inner
        }
    }

    fn emit_struct(
        &mut self,
        ty: &StructType,
        out: &mut String,
        uses: &mut BTreeSet<&'static str>,
    ) {
        let namespace = ty.namespace.as_str();
        let ancestors = self.metadata.ancestors(&ty.qualified);
        let inherited: BTreeSet<&str> = ancestors
            .iter()
            .skip(1)
            .flat_map(|a| {
                a.properties
                    .iter()
                    .map(|p| p.name.as_str())
                    .chain(a.navigation.iter().map(|n| n.name.as_str()))
            })
            .collect();
        let base = ty.base.as_deref().filter(|base| *base != ENTITY);
        let entity = ty.kind == StructKind::Entity;
        let mut fields: Vec<FieldSpec> = Vec::new();
        for property in &ty.properties {
            if entity && property.name == "id" {
                continue; // `#[graph_entity]` adds it
            }
            if inherited.contains(property.name.as_str()) {
                self.report
                    .redeclared
                    .push(format!("{}/{}", ty.qualified, property.name));
                continue;
            }
            if property.ty.name == "Edm.Stream" {
                self.report
                    .streams
                    .push(format!("{}/{}", ty.qualified, property.name));
                continue;
            }
            fields.push(FieldSpec {
                graph_name: property.name.clone(),
                ty: property.ty.clone(),
                description: property.description.clone(),
                read_only: entity && property.computed,
                gate_target: None,
            });
        }
        for nav in &ty.navigation {
            if !self.selected.contains(&nav.ty.name) || inherited.contains(nav.name.as_str()) {
                continue;
            }
            let description = nav.description.clone().or_else(|| {
                Some("A navigation property: present when the request expands it.".into())
            });
            fields.push(FieldSpec {
                graph_name: nav.name.clone(),
                ty: nav.ty.clone(),
                description,
                read_only: false,
                gate_target: Some(nav.ty.name.clone()),
            });
        }
        let graph_names: Vec<&str> = fields.iter().map(|f| f.graph_name.as_str()).collect();
        let field_names = names::entity_field_names(&graph_names, base.is_some(), entity);

        push_doc(out, "", ty.description.as_deref());
        out.push_str(&self.gate(&ty.qualified, ""));
        let macro_name = if entity {
            "graph_entity"
        } else {
            "graph_complex"
        };
        uses.insert(macro_name);
        let mut args = vec![string_literal(graph_type_name(&ty.qualified))];
        if let Some(base) = base {
            args.push(format!(
                "base = {}",
                string_literal(&self.type_path(base, namespace, false))
            ));
        }
        let requests = self.companions.get(&ty.qualified).filter(|_| {
            self.sends_requests
                .as_ref()
                .is_none_or(|sent| sent.contains(&ty.qualified))
        });
        if entity && requests.is_none() {
            args.push("no_request_types".into());
        }
        if let Some((create, update)) = requests {
            let ident = names::unraw(&self.idents[&ty.qualified]);
            if *create != format!("{ident}Create") {
                args.push(format!("create = {}", string_literal(create)));
            }
            if *update != format!("{ident}Update") {
                args.push(format!("update = {}", string_literal(update)));
            }
        }
        if ty.is_abstract {
            args.push("abstract".into());
        }
        if self.options.plain_serde {
            uses.remove(macro_name);
            out.push_str(PLAIN_DERIVE_STRUCT);
            let _ = writeln!(out, "pub struct {} {{", self.idents[&ty.qualified]);
            match base {
                Some(base) => {
                    let path = self.type_path(base, namespace, false);
                    let _ = writeln!(out, "    #[serde(flatten)]\n    pub base: {path},");
                }
                None => {
                    out.push_str(PLAIN_ODATA_TYPE);
                    if entity {
                        out.push_str(PLAIN_ID);
                    }
                }
            }
            self.push_fields(out, ty, fields, &field_names, |field, _| {
                let options = vec![
                    format!("rename = {}", string_literal(&field.graph_name)),
                    "skip_serializing_if = \"Option::is_none\"".to_owned(),
                ];
                Some(("serde", options))
            });
            out.push_str("}\n");
            return;
        }
        push_attribute(out, "", macro_name, &args);
        let _ = writeln!(out, "#[derive({})]", self.derives(true));
        let ident = &self.idents[&ty.qualified];
        if fields.is_empty() {
            let _ = writeln!(out, "pub struct {ident} {{}}");
            return;
        }
        let _ = writeln!(out, "pub struct {ident} {{");
        self.push_fields(out, ty, fields, &field_names, |field, name| {
            let mut options = Vec::new();
            if let Some(rename) = &name.rename {
                options.push(format!("rename = {}", string_literal(rename)));
            }
            if field.read_only {
                options.push("read_only".to_owned());
            }
            (!options.is_empty()).then_some(("graph", options))
        });
        out.push_str("}\n");
    }

    /// The fields of struct `owner`, each with its doc, its gate, the
    /// attribute `attribute` gives it, if any, and its `Option` type: the
    /// same in the macro and the plain serde flavours but for the attribute.
    fn push_fields(
        &mut self,
        out: &mut String,
        owner: &StructType,
        fields: Vec<FieldSpec>,
        field_names: &BTreeMap<String, FieldName>,
        attribute: impl Fn(&FieldSpec, &FieldName) -> Option<(&'static str, Vec<String>)>,
    ) {
        for field in fields {
            let name = &field_names[&field.graph_name];
            push_doc(out, "    ", field.description.as_deref());
            if let Some(target) = &field.gate_target {
                out.push_str(&self.gate(target, "    "));
            }
            if let Some((attribute, options)) = attribute(&field, name) {
                push_attribute(out, "    ", attribute, &options);
            }
            let value = self.value_type(
                &owner.qualified,
                &field.graph_name,
                &field.ty,
                &owner.namespace,
            );
            let option = self.prelude(&owner.namespace, "Option");
            push_field(out, &name.ident, &format!("{option}<{value}>"));
        }
    }

    fn emit_polymorphic(
        &mut self,
        ty: &StructType,
        out: &mut String,
        uses: &mut BTreeSet<&'static str>,
    ) {
        uses.insert("graph_polymorphic");
        let namespace = ty.namespace.as_str();
        let ident = names::unraw(&self.idents[&ty.qualified]).to_owned();
        let any = self.any_idents[&ty.qualified].clone();
        let _ = writeln!(
            out,
            "/// A `{}` or any type derived from it, read as the type its `@odata.type`\n\
             /// names; any other type is read as `Other`.",
            text::visible(&ty.name)
        );
        out.push_str(&self.gate(&ty.qualified, ""));
        let plain = self.options.plain_serde;
        if plain {
            uses.remove("graph_polymorphic");
            out.push_str(
                "#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]\n\
                 #[serde(tag = \"@odata.type\")]\n",
            );
        } else {
            let _ = writeln!(
                out,
                "#[graph_polymorphic]\n#[derive({})]",
                self.derives(false)
            );
        }
        let _ = writeln!(out, "pub enum {any} {{");
        let derived = self.polymorphic[&ty.qualified].clone();
        let mut used = BTreeSet::new();
        used.insert("Other".to_owned());
        let mut variants = Vec::new();
        for qualified in &derived {
            let derived_ty = &self.metadata.structs[qualified];
            let mut variant = names::unraw(&self.idents[qualified]).to_owned();
            if derived_ty.namespace != ty.namespace || used.contains(&variant) {
                variant = format!(
                    "{}{variant}",
                    names::upper_first(&heck::ToUpperCamelCase::to_upper_camel_case(
                        names::module_name(&derived_ty.namespace).as_str()
                    ))
                );
            }
            while !used.insert(variant.clone()) {
                variant.push('_');
            }
            variants.push((variant, qualified.clone()));
        }
        variants.sort();
        let boxed = self.prelude(namespace, "Box");
        for (variant, qualified) in variants {
            out.push_str(&self.gate(&qualified, "    "));
            let path = self.type_path(&qualified, namespace, false);
            if plain {
                let _ = writeln!(
                    out,
                    "    #[serde(rename = {})]",
                    string_literal(&format!("#{qualified}"))
                );
            }
            let line = format!("    {variant}({boxed}<{path}>),");
            if line.len() <= 100 {
                let _ = writeln!(out, "{line}");
            } else {
                let _ = writeln!(out, "    {variant}(\n        {boxed}<{path}>,\n    ),");
            }
        }
        if plain {
            let _ = writeln!(
                out,
                "    #[serde(rename = {})]\n    Other({boxed}<{ident}>),\n}}",
                string_literal(&format!("#{}", ty.qualified))
            );
        } else {
            let _ = writeln!(out, "    #[graph(other)]\n    Other({boxed}<{ident}>),\n}}");
        }
    }

    fn emit_enum(
        &mut self,
        ty: &crate::csdl::EnumType,
        out: &mut String,
        uses: &mut BTreeSet<&'static str>,
    ) {
        uses.insert("graph_enum");
        let members: Vec<&str> = ty.members.iter().map(|m| m.name.as_str()).collect();
        let (variant_names, uncamel) = names::variant_names(&members);
        push_doc(out, "", ty.description.as_deref());
        out.push_str(&self.gate(&ty.qualified, ""));
        let mut args = vec![string_literal(graph_type_name(&ty.qualified))];
        if ty.flags {
            args.push("flags".into());
        }
        let plain = self.options.plain_serde;
        if plain {
            uses.remove("graph_enum");
        } else {
            push_attribute(out, "", "graph_enum", &args);
        }
        if uncamel {
            // Members that differ only by underscores keep them.
            out.push_str("#[allow(non_camel_case_types)]\n");
        }
        if plain {
            out.push_str(
                "#[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]\n",
            );
        } else {
            out.push_str("#[derive(Debug, Clone, PartialEq, Eq, Hash)]\n");
        }
        let _ = writeln!(out, "pub enum {} {{", self.idents[&ty.qualified]);
        let mut taken = BTreeSet::new();
        for member in &ty.members {
            let FieldName { ident, rename } = &variant_names[&member.name];
            taken.insert(ident.clone());
            push_doc(out, "    ", member.description.as_deref());
            if plain {
                let rename = format!("rename = {}", string_literal(&member.name));
                push_attribute(out, "    ", "serde", &[rename]);
            } else if let Some(rename) = rename {
                let rename = format!("rename = {}", string_literal(rename));
                push_attribute(out, "    ", "graph", &[rename]);
            }
            let _ = writeln!(out, "    {ident},");
        }
        // The catch-all variant, named apart from every member.
        let mut other = "Other".to_owned();
        let mut n = 1;
        while taken.contains(&other) {
            other = match n {
                1 => "OtherMember".to_owned(),
                n => format!("OtherMember{n}"),
            };
            n += 1;
        }
        let string = self.prelude(&ty.namespace, "String");
        if plain {
            let _ = writeln!(out, "    #[serde(other)]\n    {other},\n}}");
            return;
        }
        let _ = writeln!(
            out,
            "    /// A member these bindings do not know (added to Graph later).\n    \
             #[graph(other)]\n    {other}({string}),\n}}"
        );
    }

    /// The endpoint files: `endpoints.rs`, and in whole-schema mode one file
    /// per area under `endpoints/`.
    fn endpoints(&mut self) -> Vec<(String, String)> {
        let mut by_root: BTreeMap<String, Vec<Node>> = BTreeMap::new();
        for node in &self.nodes {
            by_root
                .entry(node.root.clone())
                .or_default()
                .push(node.clone());
        }
        if by_root.is_empty() || self.options.no_endpoints || self.options.plain_serde {
            return Vec::new();
        }
        let mut taken = BTreeSet::new();
        let mut sent = BTreeSet::new();
        let mut files = Vec::new();
        let mut index = String::from("//! Endpoints along the metadata's containment paths.\n");
        let mut all = String::new();
        let mut count = 0;
        for (root, nodes) in by_root {
            let mut body = String::new();
            for node in &nodes {
                for endpoint in self.node_endpoints(node, &mut taken, &mut sent) {
                    body.push_str(&endpoint);
                    count += 1;
                }
                for endpoint in self.operation_endpoints(node, &mut taken) {
                    body.push_str(&endpoint);
                    count += 1;
                    self.report.operation_endpoints += 1;
                }
            }
            if body.is_empty() {
                continue;
            }
            let invocation = format!(
                "graph_core::graph_endpoint! {{\n{}}}\n",
                body.trim_start_matches('\n')
            );
            if self.options.whole {
                let feature = self.features[&root].clone();
                let module = names::escape(&feature);
                let _ = write!(
                    index,
                    "\n#[cfg(feature = {})]\npub mod {module};\n",
                    string_literal(&feature)
                );
                files.push((
                    format!("endpoints/{}.rs", names::unraw(&module)),
                    format!(
                        "//! Endpoints under `/{}`.\n\n{invocation}",
                        text::visible(&root)
                    ),
                ));
            } else {
                let _ = write!(all, "\n{invocation}");
            }
        }
        self.report.endpoints = count;
        // `entity` is no `base = "..."`, so nothing embeds its request types.
        let bases: Vec<String> = sent
            .iter()
            .flat_map(|ty| self.metadata.ancestors(ty).into_iter().skip(1))
            .map(|ty| ty.qualified.clone())
            .filter(|base| base != ENTITY)
            .collect();
        sent.extend(bases);
        self.sends_requests = Some(sent);
        index.push_str(&all);
        files.push(("endpoints.rs".into(), index));
        files
    }

    /// The endpoints at `node`; adds the entity to `sent` when one of them
    /// sends its create or update type.
    fn node_endpoints(
        &self,
        node: &Node,
        taken: &mut BTreeSet<String>,
        sent: &mut BTreeSet<String>,
    ) -> Vec<String> {
        let ty = node.ty.as_str();
        let any = self.type_path(ty, "", true);
        let module = &self.modules[&self.metadata.structs[ty].namespace];
        let (create, update) = &self.companions[ty];
        let create = format!("crate::{module}::{create}");
        let update = format!("crate::{module}::{update}");
        let list = format!("graph_core::Collection<{any}>");
        // Graph answers an update with the item (`200`, a drive item's
        // `move`) or with nothing (`204`), as the service and `Prefer` say.
        let updated = format!("graph_core::Returned<{any}>");
        let reference = "graph_core::Reference".to_owned();
        let path = node.path.clone();
        let reference_path = format!("{path}/$ref");
        let r = node.restrictions;
        let op = |verb,
                  suffix,
                  method,
                  path: &str,
                  body: Option<&String>,
                  response: Option<&String>,
                  doc| {
            Operation {
                verb,
                suffix: String::from(suffix),
                method,
                path: path.to_owned(),
                body: body.cloned(),
                response: response.cloned(),
                doc: String::from(doc),
            }
        };
        let mut operations = Vec::new();
        match node.kind {
            NodeKind::Collection => {
                let (item, _) = node.item_path();
                operations.push(op(
                    "List",
                    "",
                    "GET",
                    &path,
                    None,
                    Some(&list),
                    "lists the collection.",
                ));
                operations.extend(self.create_endpoint(
                    node,
                    (&create, &any),
                    "creates an item.",
                    sent,
                ));
                operations.push(op(
                    "Get",
                    "Item",
                    "GET",
                    &item,
                    None,
                    Some(&any),
                    "reads one item.",
                ));
                if !r.not_updatable {
                    sent.insert(ty.to_owned());
                    operations.push(op(
                        "Update",
                        "Item",
                        "PATCH",
                        &item,
                        Some(&update),
                        Some(&updated),
                        "updates the properties it sets.",
                    ));
                }
                if !r.not_deletable {
                    operations.push(op(
                        "Delete",
                        "Item",
                        "DELETE",
                        &item,
                        None,
                        None,
                        "deletes one item.",
                    ));
                }
            }
            NodeKind::Single => {
                operations.push(op("Get", "", "GET", &path, None, Some(&any), "reads it."));
                if !r.not_updatable {
                    sent.insert(ty.to_owned());
                    operations.push(op(
                        "Update",
                        "",
                        "PATCH",
                        &path,
                        Some(&update),
                        Some(&updated),
                        "updates the properties it sets.",
                    ));
                }
            }
            NodeKind::ReferenceCollection => {
                let (item, _) = node.item_path();
                operations.push(op(
                    "List",
                    "",
                    "GET",
                    &path,
                    None,
                    Some(&list),
                    "lists the referenced items.",
                ));
                // A new item posted to the collection is created (where its
                // entity set lives) and referenced from here at once, the
                // documented `POST /deviceAppManagement/mobileApps/{id}/categories`.
                operations.extend(self.create_endpoint(
                    node,
                    (&create, &any),
                    "creates an item and adds a reference to it.",
                    sent,
                ));
                if !r.not_insertable {
                    operations.push(op(
                        "Add",
                        "Ref",
                        "POST",
                        &reference_path,
                        Some(&reference),
                        None,
                        "adds a reference.",
                    ));
                }
                if !r.not_deletable {
                    let item_reference = format!("{item}/$ref");
                    operations.push(op(
                        "Remove",
                        "Ref",
                        "DELETE",
                        &item_reference,
                        None,
                        None,
                        "removes a reference.",
                    ));
                }
            }
            NodeKind::Reference => {
                operations.push(op(
                    "Get",
                    "",
                    "GET",
                    &path,
                    None,
                    Some(&any),
                    "reads the referenced item.",
                ));
                if !r.not_updatable {
                    operations.push(op(
                        "Set",
                        "Ref",
                        "PUT",
                        &reference_path,
                        Some(&reference),
                        None,
                        "sets the reference.",
                    ));
                }
                if !r.not_deletable {
                    operations.push(op(
                        "Remove",
                        "Ref",
                        "DELETE",
                        &reference_path,
                        None,
                        None,
                        "removes the reference.",
                    ));
                }
            }
        }
        match node.kind {
            NodeKind::Collection => {
                let (item, _) = node.item_path();
                operations.extend(self.stream_endpoints(ty, &item, "Item", &any, r));
            }
            NodeKind::Single => operations.extend(self.stream_endpoints(ty, &path, "", &any, r)),
            // A referenced item's streams are its own path's.
            NodeKind::ReferenceCollection | NodeKind::Reference => {}
        }
        let stem: String = node
            .segments
            .iter()
            .map(|s| names::camel_variant(s))
            .collect();
        let gate = self.gate(ty, "    ");
        operations
            .into_iter()
            .map(|operation| operation.write(&stem, &gate, taken))
            .collect()
    }
}

impl Generator<'_> {
    /// `POST` to a collection node, where it may be inserted into: the
    /// entity's create type (`types.0`), or for an abstract type with
    /// derived types, the polymorphic enum (`types.1`), which is also the
    /// response. Adds the entity to `sent` when its create type is sent.
    fn create_endpoint(
        &self,
        node: &Node,
        types: (&String, &String),
        doc: &str,
        sent: &mut BTreeSet<String>,
    ) -> Option<Operation> {
        let (create, any) = types;
        let ty = node.ty.as_str();
        let abstract_ = self.metadata.structs[ty].is_abstract;
        if node.restrictions.not_insertable || (abstract_ && !self.polymorphic.contains_key(ty)) {
            return None;
        }
        if !abstract_ {
            sent.insert(ty.to_owned());
        }
        Some(Operation {
            verb: "Create",
            suffix: String::new(),
            method: "POST",
            path: node.path.clone(),
            body: Some(if abstract_ { any } else { create }.clone()),
            response: Some(any.clone()),
            doc: doc.to_owned(),
        })
    }

    /// The raw content of an item of type `ty` at `path`: its `Edm.Stream`
    /// properties (`{path}/content`) and, for a media entity (or an item
    /// whose derived types may be one), `{path}/$value`. Each is read as a
    /// `Download` (bytes, or the redirect Graph answers for a file) and,
    /// where the item may be updated and the stream is not computed,
    /// replaced by a PUT of `Content`, answered with the item or nothing
    /// (`Returned`).
    fn stream_endpoints(
        &self,
        ty: &str,
        path: &str,
        item: &str,
        any: &str,
        restrictions: csdl::Restrictions,
    ) -> Vec<Operation> {
        let ancestors = self.metadata.ancestors(ty);
        // (name, read only)
        let mut streams: Vec<(String, bool)> = ancestors
            .iter()
            .rev()
            .flat_map(|t| &t.properties)
            .filter(|p| p.ty.name == "Edm.Stream" && !p.ty.collection)
            .map(|p| (p.name.clone(), p.computed))
            .collect();
        // A media entity's content; if only some derived types are media
        // entities (a message's `fileAttachment`s), it can be read (not
        // replaced) for items of those types.
        let mut media_only_for = Vec::new();
        if ancestors.iter().any(|t| t.has_stream) {
            streams.push(("$value".to_owned(), false));
        } else {
            media_only_for = self
                .polymorphic
                .get(ty)
                .into_iter()
                .flatten()
                .filter(|d| self.metadata.ancestors(d).iter().any(|t| t.has_stream))
                .map(|d| format!("`{}`", graph_type_name(d)))
                .collect();
            if !media_only_for.is_empty() {
                streams.push(("$value".to_owned(), true));
            }
        }
        let mut operations = Vec::new();
        for (name, read_only) in streams {
            let stream_path = format!("{path}/{name}");
            let suffix = format!(
                "{item}{}",
                names::camel_variant(name.trim_start_matches('$'))
            );
            let what = if name == "$value" && !media_only_for.is_empty() {
                format!("its content, if it is a {}", media_only_for.join(" or a "))
            } else if name == "$value" {
                "its content".to_owned()
            } else {
                format!("its `{name}` stream")
            };
            operations.push(Operation {
                verb: "Get",
                suffix: suffix.clone(),
                method: "GET",
                path: stream_path.clone(),
                body: None,
                response: Some("graph_core::Download".to_owned()),
                doc: format!("downloads {what}."),
            });
            if !restrictions.not_updatable && !read_only {
                operations.push(Operation {
                    verb: "Upload",
                    suffix,
                    method: "PUT",
                    path: stream_path,
                    body: Some("graph_core::Content".to_owned()),
                    response: Some(format!("graph_core::Returned<{any}>")),
                    doc: format!("replaces {what}."),
                });
            }
        }
        operations
    }

    /// The bound actions and functions at a node, named
    /// `{Stem}[Item]{Operation}` (`UsersItemSendMail`, `UsersDelta`).
    fn operation_endpoints(&mut self, node: &Node, taken: &mut BTreeSet<String>) -> Vec<String> {
        let Some(attached) = self.attached.get(&node.path).cloned() else {
            return Vec::new();
        };
        let metadata = self.metadata;
        let stem: String = node
            .segments
            .iter()
            .map(|s| names::camel_variant(s))
            .collect();
        let gate = self.gate(&node.ty, "    ");
        let mut out = Vec::new();
        for a in &attached {
            let operation = &metadata.operations[a.operation];
            let overloaded = attached
                .iter()
                .filter(|other| {
                    let o = &metadata.operations[other.operation];
                    other.on_item == a.on_item
                        && o.name == operation.name
                        && o.namespace == operation.namespace
                })
                .count()
                > 1;
            let parameter_names: Vec<&str> = operation
                .parameters
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            let (base, item) = if a.on_item {
                (node.item_path().0, "Item")
            } else {
                (node.path.clone(), "")
            };
            let mut name = format!(
                "{stem}{item}{}",
                names::operation_name(
                    &operation.namespace,
                    &operation.name,
                    &parameter_names,
                    overloaded
                )
            );
            // An action's inline body is the struct `{name}Body`, which
            // must not meet another endpoint (`send` beside `sendBody`).
            let plain = name.clone();
            let mut n = 2;
            let with_body = operation.action && !operation.parameters.is_empty();
            while taken.contains(&name) || (with_body && taken.contains(&format!("{name}Body"))) {
                name = format!("{plain}{n}");
                n += 1;
            }
            taken.insert(name.clone());
            if with_body {
                taken.insert(format!("{name}Body"));
            }
            // Operations of other namespaces are addressed by qualified name.
            let segment = if operation.namespace == "microsoft.graph" {
                operation.name.clone()
            } else {
                format!("{}.{}", operation.namespace, operation.name)
            };
            let (method, kind) = if operation.action {
                ("POST", "action")
            } else {
                ("GET", "function")
            };
            let mut fields = Vec::new();
            let path = if operation.action {
                format!("{base}/{segment}")
            } else {
                let mut used: BTreeSet<String> = base
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}'))
                    .map(|(param, _)| {
                        heck::ToSnakeCase::to_snake_case(param.trim_start_matches('+'))
                    })
                    .collect();
                let mut arguments = Vec::new();
                for parameter in &operation.parameters {
                    // An ASCII name whose field is neither taken nor a
                    // keyword no field can be (`self`, `Self`, `crate`).
                    let mut placeholder = names::ascii(&parameter.name);
                    while names::cannot_be_raw(&heck::ToSnakeCase::to_snake_case(
                        placeholder.as_str(),
                    )) || !used.insert(heck::ToSnakeCase::to_snake_case(placeholder.as_str()))
                    {
                        placeholder.push_str("Value");
                    }
                    let field =
                        names::escape(&heck::ToSnakeCase::to_snake_case(placeholder.as_str()));
                    arguments.push(format!("{}={{{placeholder}}}", parameter.name));
                    let value = self.value_type("", &parameter.name, &parameter.ty, "");
                    let ty = if parameter.nullable {
                        format!("Option<{value}>")
                    } else {
                        value
                    };
                    fields.push((field, ty));
                }
                format!("{base}/{segment}({})", arguments.join(","))
            };
            if operation.action {
                let field_names = names::body_field_names(&parameter_names);
                for parameter in &operation.parameters {
                    let value = self.value_type("", &parameter.name, &parameter.ty, "");
                    let ty = if parameter.nullable {
                        format!("Option<{value}>")
                    } else {
                        value
                    };
                    // Sent as the metadata spells it (`Comment`).
                    let names::FieldName { ident, rename } = &field_names[&parameter.name];
                    let field = match rename {
                        Some(rename) => {
                            format!(
                                "#[graph(rename = {})]\n            {ident}",
                                string_literal(rename)
                            )
                        }
                        None => ident.clone(),
                    };
                    fields.push((field, ty));
                }
            }
            let response = operation.returns.as_ref().map(|returns| {
                self.return_type(
                    &returns.ty,
                    operation.composable || operation.name == "delta",
                )
            });
            let mut text = format!(
                "\n    /// `{method} {}`: the `{}` {kind}.\n{gate}    pub {name} {{\n",
                text::visible(&path),
                text::visible(&operation.name)
            );
            let _ = writeln!(text, "        method: {method},");
            let _ = writeln!(text, "        path: {},", text::path_literal(&path));
            if !fields.is_empty() {
                let key = if operation.action {
                    "body"
                } else {
                    "parameters"
                };
                let _ = writeln!(text, "        {key}: {{");
                for (field, ty) in fields {
                    let _ = writeln!(text, "            {field}: {ty},");
                }
                text.push_str("        },\n");
            }
            if let Some(response) = response {
                let _ = writeln!(text, "        response: {response},");
            }
            text.push_str("    }\n");
            self.report.operations_generated.insert(a.operation);
            out.push(text);
        }
        out
    }

    /// What an operation returns: `Download` for a stream; a `Collection`
    /// for a collection of entities or a pageable (composable, `delta`)
    /// result, `ODataValue<Vec<_>>` for other collections; primitives and
    /// enums wrapped in `ODataValue` as OData sends them; entities and
    /// complex values as they are.
    fn return_type(&mut self, ty: &TypeRef, pageable: bool) -> String {
        if ty.name == "Edm.Stream" || (!ty.collection && self.holds_only_a_stream(&ty.name)) {
            return "graph_core::Download".into();
        }
        let single = TypeRef {
            name: ty.name.clone(),
            collection: false,
        };
        let item = self.value_type("", "", &single, "");
        let entity = select::is_entity(self.metadata, &ty.name);
        let structured =
            self.metadata.structs.contains_key(&ty.name) || item == "graph_core::JsonValue";
        match (ty.collection, entity || pageable) {
            (true, true) => format!("graph_core::Collection<{item}>"),
            (true, false) => format!("graph_core::ODataValue<Vec<{item}>>"),
            (false, _) if structured => item,
            (false, _) => format!("graph_core::ODataValue<{item}>"),
        }
    }
}

impl Generator<'_> {
    /// Whether `ty` is a complex type whose one property is a stream (and
    /// no type derives from it), such as `microsoft.graph.report`: what a
    /// function typed so answers is the stream's content, or a redirect to
    /// it (the reports' `302` to a CSV), never the complex value as JSON.
    fn holds_only_a_stream(&self, ty: &str) -> bool {
        let Some(complex) = self.metadata.structs.get(ty) else {
            return false;
        };
        complex.kind == csdl::StructKind::Complex
            && complex.base.is_none()
            && !self
                .metadata
                .structs
                .values()
                .any(|t| t.base.as_deref() == Some(ty))
            && matches!(&complex.properties[..], [only] if only.ty.name == "Edm.Stream" && !only.ty.collection)
    }
}

/// One endpoint of a path, before it is named and written.
struct Operation {
    verb: &'static str,
    suffix: String,
    method: &'static str,
    path: String,
    body: Option<String>,
    response: Option<String>,
    doc: String,
}

impl Operation {
    /// `{verb}{stem}{suffix}` (`GetUsersItem`), numbered if a path with
    /// the same literal segments took it first.
    fn write(self, stem: &str, gate: &str, taken: &mut BTreeSet<String>) -> String {
        let Operation {
            verb,
            suffix,
            method,
            path,
            body,
            response,
            doc,
        } = self;
        let mut name = format!("{verb}{stem}{suffix}");
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{verb}{stem}{suffix}{n}");
            n += 1;
        }
        taken.insert(name.clone());
        let mut text = format!(
            "\n    /// `{method} {}`: {}\n{gate}    pub {name} {{\n",
            text::visible(&path),
            text::visible(&doc)
        );
        let _ = writeln!(text, "        method: {method},");
        let _ = writeln!(text, "        path: {},", text::path_literal(&path));
        if let Some(body) = body {
            let _ = writeln!(text, "        body: {body},");
        }
        if let Some(response) = response {
            let _ = writeln!(text, "        response: {response},");
        }
        text.push_str("    }\n");
        text
    }
}

/// The derives of generated structs unless [`Options::derives`] says
/// otherwise.
pub const DEFAULT_DERIVES: &[&str] = &["Debug", "Clone", "PartialEq", "Default"];

/// One field of a struct to write.
struct FieldSpec {
    graph_name: String,
    ty: TypeRef,
    description: Option<String>,
    read_only: bool,
    /// The type whose features gate the field (navigation properties).
    gate_target: Option<String>,
}

const OTHER_TYPES: &str = "other-types";

/// The prelude types generated code names; a module that declares a type
/// of one of these names writes them by full path.
const PRELUDE: &[&str] = &["String", "Option", "Vec", "Box"];

/// The plain flavour's derives, by absolute path: a type of the module may
/// be named `Serialize`.
const PLAIN_DERIVE_STRUCT: &str =
    "#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]\n";

/// The plain flavour's `@odata.type`, on types without a base.
const PLAIN_ODATA_TYPE: &str =
    "    #[serde(rename = \"@odata.type\", skip_serializing_if = \"Option::is_none\")]
    pub odata_type: Option<String>,
";

const PLAIN_ID: &str = "    #[serde(skip_serializing_if = \"Option::is_none\")]
    pub id: Option<String>,
";

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

fn cfg_attribute(features: &BTreeSet<String>, indent: &str) -> String {
    let items: Vec<String> = features
        .iter()
        .map(|f| format!("feature = {}", string_literal(f)))
        .collect();
    if items.len() == 1 {
        return format!("{indent}#[cfg({})]\n", items[0]);
    }
    let joined = items.join(", ");
    let width = indent.len() + joined.len() + "#[cfg(any())]".len();
    if joined.len() <= ATTR_FN_LIKE_WIDTH && width <= 100 {
        return format!("{indent}#[cfg(any({joined}))]\n");
    }
    let mut out = format!("{indent}#[cfg(any(\n");
    for (i, item) in items.iter().enumerate() {
        let comma = if i + 1 < items.len() { "," } else { "" };
        let _ = writeln!(out, "{indent}    {item}{comma}");
    }
    let _ = writeln!(out, "{indent}))]");
    out
}

/// `#[name(a, b)]`, broken over lines as rustfmt breaks function-like
/// attributes whose arguments are wider than `attr_fn_like_width` (70).
fn push_attribute(out: &mut String, indent: &str, name: &str, args: &[String]) {
    let joined = args.join(", ");
    let width = indent.len() + name.len() + joined.len() + "#[()]".len();
    // A single argument has nothing to break at.
    if args.len() == 1 || (joined.len() <= ATTR_FN_LIKE_WIDTH && width <= 100) {
        let _ = writeln!(out, "{indent}#[{name}({joined})]");
        return;
    }
    let _ = writeln!(out, "{indent}#[{name}(");
    for (i, arg) in args.iter().enumerate() {
        let comma = if i + 1 < args.len() { "," } else { "" };
        let _ = writeln!(out, "{indent}    {arg}{comma}");
    }
    let _ = writeln!(out, "{indent})]");
}

/// rustfmt's default `attr_fn_like_width`.
const ATTR_FN_LIKE_WIDTH: usize = 70;

fn push_field(out: &mut String, ident: &str, ty: &str) {
    let one_line = format!("    pub {ident}: {ty},");
    if one_line.len() <= 100 {
        out.push_str(&one_line);
        out.push('\n');
    } else {
        let _ = writeln!(out, "    pub {ident}:\n        {ty},");
    }
}

/// Graph's description as `///` lines (see [`text::doc_lines`]).
fn push_doc(out: &mut String, indent: &str, text: Option<&str>) {
    let Some(text) = text else { return };
    for line in text::doc_lines(text) {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
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
