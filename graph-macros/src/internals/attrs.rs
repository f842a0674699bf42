//! The attributes rustc applies to what a macro generates from a field or
//! variant, and which the macros must therefore account for.
//!
//! rustc strips `#[cfg]`'d-out fields and variants only after an attribute
//! macro has run, so the macro sees them all, and code naming a field that is
//! then removed breaks the build: each generated use carries the condition
//! ([`Cfg`]) the field or variant exists under. For the same reason a
//! `#[graph(...)]` inside `#[cfg_attr]` is never seen ([`hides_graph_attr`]).
//! And generated code naming a deprecated item must not warn
//! ([`allow_deprecated`]).

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::Attribute;

/// When a field or variant exists: every `#[cfg(...)]` on it holds, and for
/// each `#[cfg_attr(pred, cfg(...))]`, `pred` does not hold or the inner
/// `cfg` does. rustc evaluates it, in the user's crate.
#[derive(Clone, Default)]
pub struct Cfg {
    /// cfg predicates, all of which must hold; the tokens keep their spans,
    /// so that rustc reports a problem in one (an unexpected name) once, at
    /// the user's attribute, however many copies are generated.
    conditions: Vec<TokenStream>,
}

impl Cfg {
    /// The condition in `attrs`.
    pub fn of(attrs: &[Attribute]) -> Cfg {
        let mut conditions = Vec::new();
        for attr in attrs {
            let syn::Meta::List(list) = &attr.meta else {
                // `#[cfg]` without a predicate is rustc's to report.
                continue;
            };
            if list.path.is_ident("cfg") {
                conditions.push(list.tokens.clone());
            } else if list.path.is_ident("cfg_attr") {
                if let Some(condition) = cfg_attr_condition(list.tokens.clone()) {
                    conditions.push(condition);
                }
            }
        }
        Cfg { conditions }
    }

    /// Whether the condition always holds (there is none).
    pub fn is_unconditional(&self) -> bool {
        self.conditions.is_empty()
    }

    /// Both conditions.
    pub fn and(&self, other: &Cfg) -> Cfg {
        Cfg {
            conditions: self
                .conditions
                .iter()
                .chain(&other.conditions)
                .cloned()
                .collect(),
        }
    }

    /// `compile_error!(message)` at `span`, where the condition holds.
    pub fn compile_error(&self, span: Span, message: &str) -> TokenStream {
        let error = quote_spanned!(span=> ::core::compile_error! { #message });
        quote!(#self #error)
    }

    /// `#[cfg(...)]` for where this condition does not hold (never, when
    /// there is no condition).
    pub fn negated(&self) -> TokenStream {
        let conditions = &self.conditions;
        quote!(#[cfg(not(all(#(#conditions),*)))])
    }
}

/// `#[cfg(...)]` for the condition, or nothing when there is none.
impl ToTokens for Cfg {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let conditions = &self.conditions;
        match conditions.as_slice() {
            [] => {}
            [one] => tokens.extend(quote!(#[cfg(#one)])),
            _ => tokens.extend(quote!(#[cfg(all(#(#conditions),*))])),
        }
    }
}

/// The condition `cfg_attr(pred, attr, ...)` puts on its item: `pred` false,
/// or every `cfg` among the attributes true; `None` when it holds no `cfg`.
fn cfg_attr_condition(args: TokenStream) -> Option<TokenStream> {
    let (predicate, attrs) = cfg_attr_parts(args)?;
    let inner: Vec<TokenStream> = attrs
        .into_iter()
        .filter_map(|(name, args)| match name.to_string().as_str() {
            "cfg" => Some(args),
            "cfg_attr" => cfg_attr_condition(args),
            _ => None,
        })
        .collect();
    (!inner.is_empty()).then(|| quote!(any(not(#predicate), all(#(#inner),*))))
}

/// `#[allow(deprecated)]` for generated code that names `item`, its fields
/// and its variants, when an attribute on them mentions `deprecated`
/// (deprecates one, or allows using a deprecated type): a deprecated item is
/// then reported once, where the user wrote or used it, and never in the
/// generated code. Nothing otherwise, so that `#![forbid(deprecated)]` (which
/// refuses any `allow`) keeps compiling.
pub fn allow_deprecated(item: &syn::DeriveInput) -> TokenStream {
    let mut attrs: Vec<&Attribute> = item.attrs.iter().collect();
    match &item.data {
        syn::Data::Struct(data) => attrs.extend(data.fields.iter().flat_map(|f| &f.attrs)),
        syn::Data::Enum(data) => {
            for variant in &data.variants {
                attrs.extend(&variant.attrs);
                attrs.extend(variant.fields.iter().flat_map(|f| &f.attrs));
            }
        }
        syn::Data::Union(_) => {}
    }
    allow_deprecated_for(attrs.into_iter())
}

/// [`allow_deprecated`] for code generated from `attrs`.
pub fn allow_deprecated_for<'a>(mut attrs: impl Iterator<Item = &'a Attribute>) -> TokenStream {
    fn mentions(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => ident == "deprecated",
            TokenTree::Group(group) => mentions(group.stream()),
            _ => false,
        })
    }
    if attrs.any(|attr| mentions(attr.meta.to_token_stream())) {
        quote!(#[allow(deprecated)])
    } else {
        TokenStream::new()
    }
}

/// Whether `attr` is a `#[cfg_attr(...)]` holding `#[graph(...)]`, which
/// cannot work: rustc applies it after the macro has run, so the macro never
/// sees it, and rustc then knows no `graph` attribute.
pub fn hides_graph_attr(attr: &Attribute) -> bool {
    hides_attr(attr, "graph")
}

/// Whether `attr` is a `#[cfg_attr(...)]` holding `#[serde(...)]`, which the
/// macros' own serde impls never read (and rustc would then suggest deriving
/// serde's traits, which conflict with them).
pub fn hides_serde_attr(attr: &Attribute) -> bool {
    hides_attr(attr, "serde")
}

/// Whether `attr` is a `#[cfg_attr(...)]` holding, at any depth, an
/// attribute called `name`.
fn hides_attr(attr: &Attribute, name: &str) -> bool {
    fn holds(args: TokenStream, wanted: &str) -> bool {
        cfg_attr_parts(args).is_some_and(|(_, attrs)| {
            attrs
                .into_iter()
                .any(|(name, args)| name == wanted || (name == "cfg_attr" && holds(args, wanted)))
        })
    }
    match &attr.meta {
        syn::Meta::List(list) if list.path.is_ident("cfg_attr") => holds(list.tokens.clone(), name),
        _ => false,
    }
}

/// `cfg_attr(pred, name(args), ...)` split into `pred` and, for each
/// attribute of the form `name(args)`, its name and its arguments; `None`
/// when there is no predicate (rustc's to report).
fn cfg_attr_parts(args: TokenStream) -> Option<(TokenStream, Vec<(Ident, TokenStream)>)> {
    let mut parts = split_commas(args).into_iter();
    let predicate = parts.next()?;
    let attrs = parts
        .filter_map(|part| {
            let mut tokens = part.into_iter();
            match (tokens.next(), tokens.next(), tokens.next()) {
                (Some(TokenTree::Ident(name)), Some(TokenTree::Group(group)), None)
                    if group.delimiter() == Delimiter::Parenthesis =>
                {
                    Some((name, group.stream()))
                }
                _ => None,
            }
        })
        .collect();
    Some((predicate, attrs))
}

/// `tokens` split at top-level commas; a trailing comma adds nothing.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![TokenStream::new()];
    for token in tokens {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => parts.push(TokenStream::new()),
            _ => parts.last_mut().expect("never empty").extend([token]),
        }
    }
    parts.retain(|part| !part.is_empty());
    parts
}

/// Whether `attrs` has a `#[derive(...)]` naming `name`: an impl the macro
/// would generate that the user derives already is left out.
pub fn derives(attrs: &[Attribute], name: &str) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .any(|attr| {
            let mut found = false;
            // A derive list that does not parse is rustc's to report.
            let _ = attr.parse_nested_meta(|meta| {
                found |= meta
                    .path
                    .segments
                    .last()
                    .is_some_and(|segment| segment.ident == name);
                Ok(())
            });
            found
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(attrs: &str) -> Vec<Attribute> {
        let item: syn::DeriveInput = syn::parse_str(&format!("{attrs} struct S;")).unwrap();
        item.attrs
    }

    fn cfg_of(attrs_text: &str) -> String {
        Cfg::of(&attrs(attrs_text)).to_token_stream().to_string()
    }

    fn refused(attrs_text: &str) -> bool {
        attrs(attrs_text).iter().any(hides_graph_attr)
    }

    #[test]
    fn cfg_and_the_cfg_inside_cfg_attr_make_one_condition() {
        assert_eq!(cfg_of("#[derive(Debug)] #[doc = \"x\"]"), "");
        assert_eq!(
            cfg_of("#[cfg(feature = \"beta\")]"),
            "# [cfg (feature = \"beta\")]"
        );
        assert_eq!(
            cfg_of("#[cfg(unix)] #[cfg_attr(test, allow(dead_code))] #[cfg_attr(a, cfg(b), cfg_attr(c, cfg(d)),)]"),
            "# [cfg (all (unix , any (not (a) , all (b , any (not (c) , all (d))))))]"
        );
    }

    #[test]
    fn graph_inside_cfg_attr_is_found() {
        assert!(refused("#[cfg_attr(beta, graph(rename = \"x\"))]"));
        assert!(refused(
            "#[cfg_attr(beta, cfg_attr(test, graph(read_only)))]"
        ));
        assert!(!refused("#[cfg_attr(beta, deprecated, allow(dead_code))]"));
        assert!(!refused("#[graph(read_only)] #[cfg(beta)]"));
    }

    #[test]
    fn negation_covers_what_the_condition_does_not() {
        let cfg = Cfg::of(&attrs("#[cfg(a)] #[cfg(b)]"));
        assert_eq!(cfg.negated().to_string(), "# [cfg (not (all (a , b)))]");
        assert!(!cfg.is_unconditional());
        assert!(Cfg::default().is_unconditional());
    }
}
