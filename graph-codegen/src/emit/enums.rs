//! Enum types: `#[graph_enum]` with a catch-all for members added later.

use super::*;

impl Generator<'_> {
    pub(super) fn emit_enum(
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
}
