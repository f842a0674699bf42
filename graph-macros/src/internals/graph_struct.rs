//! Parsing and checking `#[graph_entity]` and `#[graph_complex]`: from tokens
//! to a [`GraphStruct`] model.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;
use syn::{DeriveInput, Field, Ident, LitStr, Type};

use super::attrs::Cfg;
use super::graph_attr::{self, Position};
use super::{args, Ctxt, Rejected};

/// Which macro a struct is given to.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    /// `#[graph_entity]`: has an `id` (from `entity`), create and update types.
    Entity,
    /// `#[graph_complex]`: a structured value, none of those.
    Complex,
}

impl Kind {
    fn macro_name(self) -> &'static str {
        match self {
            Kind::Entity => "graph_entity",
            Kind::Complex => "graph_complex",
        }
    }
}

/// A checked `#[graph_entity]` or `#[graph_complex]` struct.
pub struct GraphStruct {
    /// The struct as written, minus `#[graph(...)]` attributes.
    pub item: DeriveInput,
    /// `#microsoft.graph.typeName`.
    pub odata_type: String,
    /// `base = "DirectoryObject"`: the type this one derives from, embedded
    /// as the field `base`; `None` for a type that derives from `entity`
    /// (or, for a complex type, from nothing).
    pub base: Option<Type>,
    /// `abstract`: only ever received as a derived type.
    pub is_abstract: bool,
    /// Whether `@odata.type` is written: always for entities; for complex
    /// types when derived (so the service can tell which) or `write_type`.
    pub writes_type: bool,
    /// The create-request type's name (entities).
    pub create_ident: Ident,
    /// The update-request (PATCH) type's name (entities).
    pub update_ident: Ident,
    /// `no_request_types` not given: the entity has create and update types.
    pub request_types: bool,
    /// Where generated code finds graph-core.
    pub krate: syn::Path,
    pub properties: Vec<Property>,
    /// Checks that depend on which gated fields exist: `compile_error!`s
    /// under the `#[cfg]` where they apply.
    pub gated_errors: TokenStream,
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
    /// When the field exists; every generated use of it carries this.
    pub cfg: Cfg,
}

impl Property {
    pub fn ident(&self) -> &Ident {
        self.field.ident.as_ref().expect("named fields only")
    }
}

/// Parses and checks; `Err` carries every error found, with the model or the
/// item as written to emit anyway (so the rest of the crate still
/// type-checks).
pub fn parse(
    kind: Kind,
    args: TokenStream,
    item: TokenStream,
) -> Result<GraphStruct, Rejected<GraphStruct>> {
    let macro_name = kind.macro_name();
    let (mut cx, mut input) = Ctxt::parse_item(
        &item,
        format!("#[{macro_name}] applies to a struct with named fields, one per Graph property"),
    )
    .map_err(Rejected::Shapeless)?;
    graph_attr::refuse_serde_on_item(&mut cx, &mut input, macro_name);
    let accepted = match kind {
        Kind::Entity => args::Accepted {
            keys: &["base", "create", "update", "crate"],
            words: &["abstract", "no_request_types"],
            refused: &[],
        },
        Kind::Complex => args::Accepted {
            keys: &["base", "crate"],
            words: &["abstract", "write_type"],
            refused: &[
                ("create", "names an entity's create-request type, and a complex type has none (it is sent whole, inside its entity)"),
                ("update", "names an entity's update-request type, and a complex type has none (it is sent whole, inside its entity)"),
            ],
        },
    };
    let macro_args = args::parse(&mut cx, args, macro_name, &accepted);
    let odata_type = odata_type(&mut cx, &macro_args, macro_name);
    let base_example = match kind {
        Kind::Entity => "DirectoryObject",
        Kind::Complex => "Identity",
    };
    let base = macro_args.option("base").and_then(|lit| {
        let message = if lit.value().trim().is_empty() {
            format!("the base type's name is empty: write the Rust name of the struct this one derives from, e.g. base = \"{base_example}\"")
        } else {
            format!("expected the base type's Rust name, e.g. base = \"{base_example}\"")
        };
        lit.parse::<Type>()
            .map_err(|_| cx.error_spanned_by(lit, message))
            .ok()
    });
    let has_word = |word: &str| macro_args.words.iter().any(|ident| ident == word);
    let is_abstract = has_word("abstract");
    let writes_type = kind == Kind::Entity || base.is_some() || has_word("write_type");
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
    let request_types = !has_word("no_request_types");
    if !request_types {
        for (key, _) in macro_args
            .options
            .iter()
            .filter(|(key, _)| key == "create" || key == "update")
        {
            cx.error_spanned_by(
                key,
                format!("`{key}` names the {key}-request type, and `no_request_types` says there is none; remove one of them"),
            );
        }
    }

    cx.refuse_generics(
        &input,
        "a Graph type cannot be generic: its properties have fixed Graph types; remove the generic parameters",
    );
    let properties = match &mut input.data {
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(fields),
            ..
        }) => fields
            .named
            .iter_mut()
            .map(|field| property(&mut cx, kind, base.is_some(), field))
            .collect(),
        syn::Data::Struct(data) => {
            let what = match data.fields {
                syn::Fields::Unit => "a unit struct",
                _ => "a tuple struct",
            };
            cx.error_spanned_by(
                &input.ident,
                format!("#[{macro_name}] needs named fields, one per Graph property, but this is {what}: write `struct {} {{ pub display_name: Option<String>, ... }}`", input.ident),
            );
            Vec::new()
        }
        syn::Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                format!("#[{macro_name}] applies to structs; for a Graph enumeration use #[graph_enum], and for a value that may be one of several Graph types, #[graph_polymorphic]"),
            );
            strip_variant_attrs(data);
            Vec::new()
        }
        syn::Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                format!("#[{macro_name}] applies to structs with named fields, not unions"),
            );
            Vec::new()
        }
    };
    let gated_errors = check_wire_names(&mut cx, kind, &properties);
    // Fields the struct gets from the macro need named ones to go with, and
    // its impls name the type without parameters.
    let shaped = matches!(
        &input.data,
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(_),
            ..
        })
    ) && !super::has_generics(&input);

    let invalid = cx.has_errors();
    let errors = cx.into_compile_errors();
    let model = GraphStruct {
        item: input,
        odata_type: odata_type.unwrap_or_default(),
        base,
        is_abstract,
        writes_type,
        create_ident,
        update_ident,
        request_types,
        krate,
        properties,
        gated_errors,
    };
    Rejected::unless_invalid(invalid, shaped, model, errors, |model| {
        let (item, gated_errors) = (model.item, model.gated_errors);
        quote!(#item #gated_errors)
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
fn odata_type(cx: &mut Ctxt, args: &args::MacroArgs, macro_name: &str) -> Option<String> {
    let Some(name) = &args.graph_name else {
        if args.incomplete {
            return None;
        }
        let example = if macro_name == "graph_complex" {
            "emailAddress"
        } else {
            "user"
        };
        cx.syn_error(syn::Error::new(
            Span::call_site(),
            format!("missing Graph type name: write #[{macro_name}(\"typeName\")], e.g. #[{macro_name}(\"{example}\")]"),
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

/// CSDL's SimpleIdentifier, near enough for a message: a letter or `_`,
/// then letters, digits, `_`, or (outside ASCII) marks and format
/// characters, which std cannot tell apart from other symbols (`café`,
/// `cafe\u{301}` are Graph names; `my-type`, `1st` are not).
fn is_graph_identifier(segment: &str) -> bool {
    let mut chars = segment.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| {
            c.is_alphanumeric()
                || c == '_'
                || !(c.is_ascii() || c.is_whitespace() || c.is_control())
        })
}

fn property(cx: &mut Ctxt, kind: Kind, derived: bool, field: &mut Field) -> Property {
    let attr = graph_attr::parse(cx, &field.attrs, Position::Field);
    graph_attr::strip(&mut field.attrs);
    let cfg = Cfg::of(&field.attrs);
    let ident = field.ident.clone().expect("named fields only");
    let rust_name = ident.to_string();
    let macro_name = kind.macro_name();
    match rust_name.as_str() {
        "id" if kind == Kind::Entity && derived => cx.error_spanned_by(
            &ident,
            "`id` is inherited from `entity` through the base type, and reads through it (`value.id`); remove this field",
        ),
        "id" if kind == Kind::Entity => cx.error_spanned_by(
            &ident,
            "`id` is inherited from `entity` and added by #[graph_entity] as `pub id: Option<String>`; remove this field",
        ),
        "additional_data" if derived => cx.error_spanned_by(
            &ident,
            "`additional_data` is kept by the base type, and reads through (`value.additional_data`); remove this field",
        ),
        "additional_data" => cx.error_spanned_by(
            &ident,
            format!("`additional_data` is added by #[{macro_name}] to keep properties the struct does not declare; remove this field"),
        ),
        "base" if derived => cx.error_spanned_by(
            &ident,
            "`base` is the field that holds the base type's properties; name this field differently and keep its Graph name with #[graph(rename = \"base\")]",
        ),
        _ => {}
    }
    // `read_only` and `required` shape an entity's create type; a complex
    // type has none, so its fields get that one error and no checks of how
    // the two combine.
    let complex_options =
        kind == Kind::Complex && (attr.read_only.is_some() || attr.required.is_some());
    if complex_options {
        for (option, span) in [("read_only", attr.read_only), ("required", attr.required)] {
            if let Some(span) = span {
                cx.syn_error(syn::Error::new(
                    span,
                    format!("`{option}` shapes an entity's create type, and a complex type has none (it is sent whole, inside its entity); remove `{option}`"),
                ));
            }
        }
    }
    let wire_name = graph_attr::wire_name(
        cx,
        attr.rename.as_ref(),
        &rust_name,
        "the Graph property name is empty: write the name as Graph spells it, e.g. rename = \"iOSVersion\"",
    )
    .unwrap_or_default();
    let option_inner = super::types::option_inner(&field.ty).cloned();
    if complex_options {
        // Reported above.
    } else if let (Some(required), Some(_)) = (attr.required, attr.read_only) {
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
        cfg,
    }
}

/// Reports fields whose Graph names collide. Fields under a `#[cfg]` may
/// never exist together (one property typed one way in v1.0 bindings and
/// another in beta ones), so a collision involving one is a `compile_error!`
/// gated on both existing, returned for the expansion.
fn check_wire_names(cx: &mut Ctxt, kind: Kind, properties: &[Property]) -> TokenStream {
    let mut gated_errors = TokenStream::new();
    for (i, property) in properties.iter().enumerate() {
        let wire = property.wire_name.as_str();
        let entity_id = kind == Kind::Entity && wire == "id" && property.ident() != "id";
        if entity_id || wire == "@odata.type" {
            let fix = if property.ident() == wire {
                "remove this field"
            } else {
                "remove this field, or give it another #[graph(rename = \"...\")]"
            };
            cx.error_spanned_by(
                property.ident(),
                format!(
                    "Graph property `{wire}` is handled by #[{}] itself; {fix}",
                    kind.macro_name()
                ),
            );
            continue;
        }
        for earlier in properties[..i].iter().filter(|p| p.wire_name == wire) {
            let message = format!(
                "`{}` and `{}` both map to the Graph property `{wire}`; give one a different #[graph(rename = \"...\")]",
                earlier.ident(),
                property.ident()
            );
            let both = earlier.cfg.and(&property.cfg);
            if both.is_unconditional() {
                cx.error_spanned_by(property.ident(), message);
                break;
            }
            gated_errors.extend(both.compile_error(property.ident().span(), &message));
        }
    }
    gated_errors
}
