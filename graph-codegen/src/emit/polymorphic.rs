//! `Any{Type}` enums: `#[graph_polymorphic]` over a type and the selected
//! types derived from it.

use super::*;

impl Generator<'_> {
    pub(super) fn emit_polymorphic(
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
            text::comment_text(&ty.name)
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
}
