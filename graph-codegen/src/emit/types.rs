//! Struct types: `#[graph_entity]` and `#[graph_complex]` (or plain serde)
//! structs, their fields and the Rust types of their values.

use super::*;

impl Generator<'_> {
    /// The path of a type's Rust name as seen from `from` (a namespace, or
    /// `""` for the endpoints module).
    pub(super) fn type_path(&self, qualified: &str, from: &str, polymorphic: bool) -> String {
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
    pub(super) fn prelude(&self, from: &str, name: &str) -> String {
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
    pub(super) fn value_type(
        &mut self,
        owner: &str,
        property: &str,
        ty: &TypeRef,
        from: &str,
    ) -> String {
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

    pub(super) fn emit_struct(
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
    pub(super) fn push_fields(
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
}

/// One field of a struct to write.
pub(super) struct FieldSpec {
    graph_name: String,
    ty: TypeRef,
    description: Option<String>,
    read_only: bool,
    /// The type whose features gate the field (navigation properties).
    gate_target: Option<String>,
}

/// The plain flavour's derives, by absolute path: a type of the module may
/// be named `Serialize`.
pub(super) const PLAIN_DERIVE_STRUCT: &str =
    "#[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]\n";

/// The plain flavour's `@odata.type`, on types without a base.
pub(super) const PLAIN_ODATA_TYPE: &str =
    "    #[serde(rename = \"@odata.type\", skip_serializing_if = \"Option::is_none\")]
    pub odata_type: Option<String>,
";

pub(super) const PLAIN_ID: &str = "    #[serde(skip_serializing_if = \"Option::is_none\")]
    pub id: Option<String>,
";
