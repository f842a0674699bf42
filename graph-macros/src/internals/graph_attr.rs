//! `#[graph(...)]` helper attributes on fields and variants.

use proc_macro2::Span;
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
}

impl Position {
    fn options(self) -> &'static str {
        match self {
            Position::Field => "`rename = \"...\"`, `read_only` or `required`",
            Position::Variant => "`rename = \"...\"` or `other`",
            Position::TypeVariant => "`other`",
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
/// repeated options, and conditional ones, to `cx`.
pub fn parse(cx: &mut Ctxt, attrs: &[Attribute], position: Position) -> GraphAttr {
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
                ("rename", Position::Field | Position::Variant) => {
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

/// Removes `#[graph(...)]` attributes, which mean nothing to rustc, and
/// `#[cfg_attr]`s holding one (reported by [`parse`]).
pub fn strip(attrs: &mut Vec<Attribute>) {
    attrs.retain(|attr| !is_graph_attr(attr) && !attrs::hides_graph_attr(attr));
}
