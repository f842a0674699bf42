//! Parsing and checking `#[graph_entity]`: from tokens to an [`Entity`] model.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::{DeriveInput, Field, Ident, LitStr, Type};

use super::graph_attr::{self, Position};
use super::{args, Ctxt};

/// A checked `#[graph_entity]` struct.
pub struct Entity {
    /// The struct as written, minus `#[graph(...)]` attributes.
    pub item: DeriveInput,
    /// `#microsoft.graph.typeName`.
    pub odata_type: String,
    /// The create-request type's name.
    pub create_ident: Ident,
    /// The update-request (PATCH) type's name.
    pub update_ident: Ident,
    /// Where generated code finds graph-core.
    pub krate: syn::Path,
    pub properties: Vec<Property>,
}

/// One declared field and the Graph property it carries.
pub struct Property {
    /// The field as written, minus `#[graph(...)]` attributes.
    pub field: Field,
    pub wire_name: String,
    pub read_only: bool,
    /// `#[graph(required)]`: in the create type, `Option<T>` becomes `T`.
    pub required: bool,
    /// `T` when the field's type is `Option<T>`.
    pub option_inner: Option<Type>,
}

impl Property {
    pub fn ident(&self) -> &Ident {
        self.field.ident.as_ref().expect("named fields only")
    }
}

/// Parses and checks; `Err` carries the item to emit anyway (so the rest of
/// the crate still type-checks) together with every error found.
pub fn parse(args: TokenStream, item: TokenStream) -> Result<Entity, TokenStream> {
    let mut cx = Ctxt::new();
    let mut input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(_) => {
            cx.error_spanned_by(
                &item,
                "#[graph_entity] applies to a struct with named fields, one per Graph property",
            );
            return Err(cx.into_errors_with_item(&item));
        }
    };
    let macro_args = args::parse(
        &mut cx,
        args,
        "graph_entity",
        &["create", "update", "crate"],
        &[],
    );
    let odata_type = odata_type(&mut cx, &macro_args);
    let krate = macro_args.crate_path(&mut cx);
    let mut type_name = |key: &str, suffix: &str| match macro_args.option(key) {
        Some(lit) => lit.parse::<Ident>().unwrap_or_else(|_| {
            cx.error_spanned_by(
                lit,
                format!("expected a type name: {key} = \"User{suffix}\""),
            );
            derived_ident(&input.ident, suffix)
        }),
        None => derived_ident(&input.ident, suffix),
    };
    let create_ident = type_name("create", "Create");
    let update_ident = type_name("update", "Update");

    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            "a Graph entity cannot be generic: its properties have fixed Graph types; remove the generic parameters",
        );
    }
    let properties = match &mut input.data {
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(fields),
            ..
        }) => fields
            .named
            .iter_mut()
            .map(|field| property(&mut cx, field))
            .collect(),
        syn::Data::Struct(data) => {
            let what = match data.fields {
                syn::Fields::Unit => "a unit struct",
                _ => "a tuple struct",
            };
            cx.error_spanned_by(
                &input.ident,
                format!("#[graph_entity] needs named fields, one per Graph property, but this is {what}: write `struct {} {{ pub display_name: Option<String>, ... }}`", input.ident),
            );
            Vec::new()
        }
        syn::Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                "#[graph_entity] applies to structs; for a Graph enumeration use #[graph_enum]",
            );
            strip_variant_attrs(data);
            Vec::new()
        }
        syn::Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "#[graph_entity] applies to structs with named fields, not unions",
            );
            Vec::new()
        }
    };
    check_wire_names(&mut cx, &properties);

    if cx.has_errors() {
        return Err(cx.into_errors_with_item(&input));
    }
    Ok(Entity {
        item: input,
        odata_type: odata_type.unwrap_or_default(),
        create_ident,
        update_ident,
        krate,
        properties,
    })
}

/// `UserCreate` for `User`; `r#match` becomes `matchCreate`, since the raw
/// prefix cannot stay in front.
fn derived_ident(entity: &Ident, suffix: &str) -> Ident {
    Ident::new(&format!("{}{suffix}", entity.unraw()), entity.span())
}

fn strip_variant_attrs(data: &mut syn::DataEnum) {
    for variant in &mut data.variants {
        graph_attr::strip(&mut variant.attrs);
    }
}

/// `"typeName"` -> `#microsoft.graph.typeName`; a dotted name is taken as
/// fully qualified.
fn odata_type(cx: &mut Ctxt, args: &args::MacroArgs) -> Option<String> {
    let Some(name) = &args.graph_name else {
        if args.incomplete {
            return None;
        }
        cx.syn_error(syn::Error::new(
            Span::call_site(),
            "missing Graph type name: write #[graph_entity(\"typeName\")], e.g. #[graph_entity(\"user\")]",
        ));
        return None;
    };
    let text = name.value();
    check_graph_name(cx, name, &text)?;
    Some(if text.contains('.') {
        format!("#{text}")
    } else {
        format!("#microsoft.graph.{text}")
    })
}

/// Checks a Graph type name: identifiers, optionally dotted.
pub fn check_graph_name(cx: &mut Ctxt, lit: &LitStr, text: &str) -> Option<()> {
    let problem = if text.is_empty() {
        Some("the Graph type name is empty: write its name, e.g. \"user\"".to_owned())
    } else if let Some(rest) = text.strip_prefix('#') {
        Some(format!("write the Graph type name without `#`: \"{rest}\""))
    } else if !text.split('.').all(is_graph_identifier) {
        Some(format!(
            "`{text}` is not a Graph type name: expected an identifier such as \"user\", or a qualified name such as \"microsoft.graph.security.alert\""
        ))
    } else {
        None
    };
    match problem {
        Some(message) => {
            cx.error_spanned_by(lit, message);
            None
        }
        None => Some(()),
    }
}

fn is_graph_identifier(segment: &str) -> bool {
    let mut chars = segment.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn property(cx: &mut Ctxt, field: &mut Field) -> Property {
    let attr = graph_attr::parse(cx, &field.attrs, Position::Field);
    graph_attr::strip(&mut field.attrs);
    let ident = field.ident.clone().expect("named fields only");
    let rust_name = ident.to_string();
    match rust_name.as_str() {
        "id" => cx.error_spanned_by(
            &ident,
            "`id` is inherited from `entity` and added by #[graph_entity] as `pub id: Option<String>`; remove this field",
        ),
        "additional_data" => cx.error_spanned_by(
            &ident,
            "`additional_data` is added by #[graph_entity] to keep properties the struct does not declare; remove this field",
        ),
        _ => {}
    }
    let wire_name = match &attr.rename {
        Some(lit) => {
            let value = lit.value();
            if value.is_empty() {
                cx.error_spanned_by(lit, "the Graph property name is empty: write the name as Graph spells it, e.g. rename = \"iOSVersion\"");
            }
            value
        }
        None => super::to_lower_camel(&rust_name),
    };
    let option_inner = option_inner(&field.ty);
    if let (Some(required), Some(_)) = (attr.required, attr.read_only) {
        cx.syn_error(syn::Error::new(
            required,
            "a field cannot be both `required` and `read_only`: read-only fields are left out of the create type; remove one",
        ));
    } else if let (Some(required), None) = (attr.required, &option_inner) {
        cx.syn_error(syn::Error::new(
            required,
            "`required` makes an `Option<T>` field a plain `T` in the create type, but this field is not an `Option`: it is required already; remove `required`",
        ));
    }
    Property {
        field: field.clone(),
        wire_name,
        read_only: attr.read_only.is_some(),
        required: attr.required.is_some(),
        option_inner,
    }
}

/// `T` in `Option<T>` (also written `std::option::Option<T>` or
/// `core::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segments = &path.path.segments;
    let last = segments.last()?;
    let prefix_ok = match segments.len() {
        1 => true,
        3 => {
            let first = &segments[0].ident;
            (first == "std" || first == "core") && segments[1].ident == "option"
        }
        _ => false,
    };
    if last.ident != "Option" || !prefix_ok {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner.clone()),
        _ => None,
    }
}

fn check_wire_names(cx: &mut Ctxt, properties: &[Property]) {
    for (i, property) in properties.iter().enumerate() {
        let wire = property.wire_name.as_str();
        if (wire == "id" && property.ident() != "id") || wire == "@odata.type" {
            cx.error_spanned_by(
                property.ident(),
                format!("Graph property `{wire}` is written by #[graph_entity] itself; remove this field or rename it"),
            );
            continue;
        }
        if let Some(earlier) = properties[..i].iter().find(|p| p.wire_name == wire) {
            cx.error_spanned_by(
                property.ident(),
                format!(
                    "`{}` and `{}` both map to the Graph property `{wire}`; give one a different #[graph(rename = \"...\")]",
                    earlier.ident(),
                    property.ident()
                ),
            );
        }
    }
}
