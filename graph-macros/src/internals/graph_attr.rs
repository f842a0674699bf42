//! `#[graph(...)]` helper attributes on fields and variants.

use proc_macro2::Span;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Attribute, LitStr};

use super::{attrs, Ctxt};

/// Options a `#[graph(...)]` attribute may carry, and where each is allowed.
#[derive(Clone, Copy, PartialEq)]
pub enum Position {
    Field,
    /// A `#[graph_enum]` member.
    Variant,
    /// A `#[graph_polymorphic]` variant.
    TypeVariant,
    /// A parameter of an action's inline body (`graph_endpoint!`).
    Parameter,
}

impl Position {
    fn options(self) -> &'static str {
        match self {
            Position::Field => "`rename = \"...\"`, `read_only` or `required`",
            Position::Variant => "`rename = \"...\"` or `other`",
            Position::TypeVariant => "`other`",
            Position::Parameter => "`rename = \"...\"`",
        }
    }
}

/// What `#[graph(...)]` said about one field or variant. Each `Some` holds the
/// span of the option, for errors about it.
#[derive(Default)]
pub struct GraphAttr {
    pub rename: Option<LitStr>,
    pub read_only: Option<Span>,
    pub required: Option<Span>,
    pub other: Option<Span>,
}

pub fn is_graph_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("graph")
}

/// Reads every `#[graph(...)]` in `attrs`, reporting unknown, misplaced and
/// repeated options, conditional ones, and any `#[serde(...)]` (see
/// [`refuse_serde`]), to `cx`.
pub fn parse(cx: &mut Ctxt, attrs: &[Attribute], position: Position) -> GraphAttr {
    refuse_serde(cx, attrs, Site::Member(position));
    let mut parsed = GraphAttr::default();
    for attr in attrs.iter().filter(|attr| attrs::hides_graph_attr(attr)) {
        cx.error_spanned_by(
            attr,
            "#[graph(...)] cannot be conditional: the macro reads it before rustc applies #[cfg_attr]; to vary an option, declare the field or variant twice, under opposite #[cfg(...)], each with its own #[graph(...)]",
        );
    }
    for attr in attrs.iter().filter(|attr| is_graph_attr(attr)) {
        if let syn::Meta::Path(_) | syn::Meta::NameValue(_) = attr.meta {
            cx.error_spanned_by(
                attr,
                format!(
                    "expected options in parentheses: #[graph(...)] with {}",
                    position.options()
                ),
            );
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            let name = meta.path.get_ident().map(|ident| ident.to_string());
            let span = meta.path.get_ident().map(|ident| ident.span());
            let (Some(name), Some(span)) = (name, span) else {
                return Err(meta.error(format!(
                    "unknown #[graph] option; expected {}",
                    position.options()
                )));
            };
            let flag = |slot: &mut Option<Span>, cx: &mut Ctxt| {
                if slot.replace(span).is_some() {
                    cx.error_spanned_by(&meta.path, format!("`{name}` is given twice"));
                }
            };
            match (name.as_str(), position) {
                ("rename", Position::Field | Position::Variant | Position::Parameter) => {
                    let value = meta.value().and_then(|value| value.parse::<LitStr>());
                    let value = value.map_err(|error| {
                        syn::Error::new(
                            error.span(),
                            "expected a string: #[graph(rename = \"graphName\")]",
                        )
                    })?;
                    if parsed.rename.replace(value).is_some() {
                        cx.error_spanned_by(&meta.path, "`rename` is given twice");
                    }
                }
                ("rename", Position::TypeVariant) => {
                    return Err(meta.error(
                        "a variant is chosen by the @odata.type of the type it holds, so it has no name to rename; remove `rename`",
                    ))
                }
                ("read_only", Position::Field) => flag(&mut parsed.read_only, cx),
                ("required", Position::Field) => flag(&mut parsed.required, cx),
                ("other", Position::Variant | Position::TypeVariant) => flag(&mut parsed.other, cx),
                _ => {
                    return Err(meta.error(format!(
                        "unknown #[graph] option `{name}`; expected {}",
                        position.options()
                    )))
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    parsed
}

/// The Graph name a field or inline parameter is sent as: its `rename`,
/// or else the default for `rust_name`. An empty `rename` is reported with
/// `empty` (which says what to write) and gives `None`.
pub fn wire_name(
    cx: &mut Ctxt,
    rename: Option<&LitStr>,
    rust_name: &str,
    empty: &str,
) -> Option<String> {
    match rename {
        Some(lit) if lit.value().is_empty() => {
            cx.error_spanned_by(lit, empty);
            None
        }
        Some(lit) => Some(lit.value()),
        None => Some(super::property_name(rust_name)),
    }
}

/// Removes `#[graph(...)]` attributes, which mean nothing to rustc, and
/// `#[cfg_attr]`s holding one, and `#[serde(...)]` ones, all reported by
/// [`parse`]: left in, a serde attribute would get rustc's hint to derive
/// serde's traits, which conflict with the macro's impls.
pub fn strip(attrs: &mut Vec<Attribute>) {
    attrs.retain(|attr| {
        !is_graph_attr(attr) && !attrs::hides_graph_attr(attr) && !is_serde_attr(attr)
    });
}

/// `#[serde(...)]`, or a `#[cfg_attr(...)]` holding one.
fn is_serde_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("serde") || attrs::hides_serde_attr(attr)
}

/// Where a `#[serde(...)]` attribute was written.
#[derive(Clone, Copy)]
enum Site<'a> {
    Member(Position),
    /// On the struct or enum given to the macro of this name.
    Item(&'a str),
}

/// The graph macros implement `Serialize` and `Deserialize` themselves, so
/// serde's derives would conflict with them (once per generated type) and
/// serde's attributes are never read. Reports a user `#[derive(Serialize)]`
/// or `#[derive(Deserialize)]` on the item and every `#[serde(...)]` on it,
/// and removes them all (see [`strip`]): the item is emitted with the
/// macro's impls even so, as if the user had done what the errors say.
pub fn refuse_serde_on_item(cx: &mut Ctxt, input: &mut syn::DeriveInput, macro_name: &str) {
    let companions = if macro_name == "graph_entity" {
        " (for the create and update types too)"
    } else {
        ""
    };
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
    {
        // A derive list that does not parse is rustc's to report.
        let _ = attr.parse_nested_meta(|meta| {
            let name = meta.path.segments.last().map(|segment| segment.ident.to_string());
            if let Some(name @ ("Serialize" | "Deserialize")) = name.as_deref() {
                cx.error_spanned_by(
                    &meta.path,
                    format!("#[{macro_name}] implements `Serialize` and `Deserialize` itself, in Graph's JSON form{companions}; remove `{name}` from this derive"),
                );
            }
            Ok(())
        });
    }
    refuse_serde(cx, &input.attrs, Site::Item(macro_name));
    input.attrs.retain(|attr| !is_serde_attr(attr));
    remove_serde_derives(&mut input.attrs);
}

/// `Serialize` and `Deserialize` out of every `#[derive(...)]` in `attrs`,
/// and a derive left empty out of `attrs`.
fn remove_serde_derives(attrs: &mut Vec<Attribute>) {
    type Paths = Punctuated<syn::Path, syn::Token![,]>;
    let is_serde = |path: &syn::Path| {
        path.segments
            .last()
            .is_some_and(|segment| segment.ident == "Serialize" || segment.ident == "Deserialize")
    };
    attrs.retain_mut(|attr| {
        if !attr.path().is_ident("derive") {
            return true;
        }
        // A derive list that does not parse is rustc's to report.
        let (Ok(paths), syn::Meta::List(list)) = (
            attr.parse_args_with(Paths::parse_terminated),
            &mut attr.meta,
        ) else {
            return true;
        };
        if !paths.iter().any(is_serde) {
            return true;
        }
        let kept: Paths = paths.into_iter().filter(|path| !is_serde(path)).collect();
        list.tokens = kept.to_token_stream();
        !kept.is_empty()
    });
}

/// Reports each option of every `#[serde(...)]` in `attrs`, with the
/// `#[graph(...)]` way to say it where there is one.
fn refuse_serde(cx: &mut Ctxt, attrs: &[Attribute], site: Site) {
    for attr in attrs.iter().filter(|attr| attrs::hides_serde_attr(attr)) {
        cx.error_spanned_by(
            attr,
            format!(
                "`#[cfg_attr(..., serde(...))]` is not read, whatever the condition: the graph macros implement `Serialize` and `Deserialize` themselves; {}",
                serde_advice("", None, site)
            ),
        );
    }
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let mut options = Vec::new();
        let parsed = attr.parse_nested_meta(|meta| {
            let name = meta.path.get_ident().map(ToString::to_string);
            let value = if meta.input.peek(syn::Token![=]) {
                let value = meta.value()?;
                if value.peek(LitStr) {
                    Some(value.parse::<LitStr>()?.value())
                } else {
                    value.parse::<proc_macro2::TokenTree>()?;
                    None
                }
            } else {
                if meta.input.peek(syn::token::Paren) {
                    meta.input.parse::<proc_macro2::TokenTree>()?;
                }
                None
            };
            // Anything but `option`, `option = value` or `option(...)` is
            // reported as a whole below.
            let Some(written) = &name else {
                return Err(meta.error("not a serde option"));
            };
            let shape = if value.is_some() { " = ..." } else { "" };
            options.push((
                meta.path.clone(),
                format!("#[serde({written}{shape})]"),
                serde_advice(written, value.as_deref(), site),
            ));
            Ok(())
        });
        if parsed.is_err() || options.is_empty() {
            options = vec![(
                attr.path().clone(),
                "#[serde(...)]".to_owned(),
                serde_advice("", None, site),
            )];
        }
        for (path, written, advice) in options {
            cx.error_spanned_by(
                path,
                format!("`{written}` is not read: the graph macros implement `Serialize` and `Deserialize` themselves; {advice}"),
            );
        }
    }
}

/// What to write instead of `#[serde(option = value)]` at `site`.
fn serde_advice(option: &str, value: Option<&str>, site: Site) -> String {
    let value = value.unwrap_or("...");
    match (option, site) {
        ("rename", Site::Member(Position::Field | Position::Variant)) => {
            format!("write `#[graph(rename = {value:?})]`")
        }
        ("rename", Site::Member(Position::TypeVariant)) => {
            "a variant is chosen by the @odata.type of the type it holds; remove it".to_owned()
        }
        ("rename", Site::Item("graph_polymorphic")) => {
            "each variant's type says which @odata.type it holds; remove it".to_owned()
        }
        ("rename", Site::Item(macro_name)) => {
            format!("the Graph name is the macro's argument: write `#[{macro_name}({value:?})]`")
        }
        ("rename_all", Site::Item("graph_enum")) => "a variant's Graph name is its own with the first letter lowered (`IOS` is `iOS`); give one a different name with `#[graph(rename = \"...\")]`".to_owned(),
        ("rename_all", _) => "a `snake_case` field is `lowerCamel`-cased and any other field is kept as written; give one a different name with `#[graph(rename = \"...\")]`".to_owned(),
        ("default", Site::Member(Position::Field)) => "an `Option` field is `None` when the property is missing; remove it, and make the field an `Option` if Graph may leave the property out".to_owned(),
        ("default", _) => "an `Option` field is `None` when the property is missing; remove it".to_owned(),
        ("skip_serializing_if", Site::Member(Position::Field)) => {
            "a `None` field is left out already; remove it".to_owned()
        }
        ("other", Site::Member(Position::Variant | Position::TypeVariant)) => {
            "the catch-all variant is marked `#[graph(other)]`".to_owned()
        }
        ("tag", Site::Item("graph_polymorphic")) => {
            "the macro chooses the variant by `@odata.type` already; remove it".to_owned()
        }
        ("deny_unknown_fields", _) => "properties the type does not declare are kept in `additional_data`, as Graph adds properties over time; remove it".to_owned(),
        (_, Site::Member(position)) => {
            format!("remove it; options go in `#[graph(...)]`: {}", position.options())
        }
        (_, Site::Item(_)) => "remove it".to_owned(),
    }
}
