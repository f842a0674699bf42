//! Endpoints along the containment paths: list, create, get, update,
//! delete, `$ref` and raw content, written as `graph_endpoint!` items.

use super::*;

impl Generator<'_> {
    /// The endpoint files: `endpoints.rs`, and in whole-schema mode one file
    /// per area under `endpoints/`.
    pub(super) fn endpoints(&mut self) -> Vec<(String, String)> {
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
                        text::comment_text(&root)
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
    pub(super) fn node_endpoints(
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

    /// `POST` to a collection node, where it may be inserted into: the
    /// entity's create type (`types.0`), or for an abstract type with
    /// derived types, the polymorphic enum (`types.1`), which is also the
    /// response. Adds the entity to `sent` when its create type is sent.
    pub(super) fn create_endpoint(
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
    pub(super) fn stream_endpoints(
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
}

/// One endpoint of a path, before it is named and written.
pub(super) struct Operation {
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
            text::comment_text(&path),
            text::comment_text(&doc)
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
