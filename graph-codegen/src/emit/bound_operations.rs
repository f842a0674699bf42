//! Bound actions and functions as endpoints: their URLs, inline bodies,
//! parameters and what they return.

use super::*;

impl Generator<'_> {
    /// The bound actions and functions at a node, named
    /// `{Stem}[Item]{Operation}` (`UsersItemSendMail`, `UsersDelta`).
    pub(super) fn operation_endpoints(
        &mut self,
        node: &Node,
        taken: &mut BTreeSet<String>,
    ) -> Vec<String> {
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
                text::comment_text(&path),
                text::comment_text(&operation.name)
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
    pub(super) fn return_type(&mut self, ty: &TypeRef, pageable: bool) -> String {
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

    /// Whether `ty` is a complex type whose one property is a stream (and
    /// no type derives from it), such as `microsoft.graph.report`: what a
    /// function typed so answers is the stream's content, or a redirect to
    /// it (the reports' `302` to a CSV), never the complex value as JSON.
    pub(super) fn holds_only_a_stream(&self, ty: &str) -> bool {
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
