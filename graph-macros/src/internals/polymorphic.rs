//! Parsing and checking `#[graph_polymorphic]`: from tokens to a
//! [`PolymorphicEnum`] model.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{DeriveInput, Ident, Type};

use super::attrs::Cfg;
use super::graph_attr::{self, Position};
use super::types::{box_inner, ungroup};
use super::{args, has_generics, Ctxt, Rejected};

/// A checked `#[graph_polymorphic]` enum.
pub struct PolymorphicEnum {
    /// The enum as written, minus `#[graph(...)]` attributes.
    pub item: DeriveInput,
    pub krate: syn::Path,
    /// The variants, each holding one Graph type, in declaration order.
    pub variants: Vec<TypeVariant>,
    /// The `#[graph(other)]` variant: the base type, which reads any other
    /// `@odata.type` and keeps it.
    pub fallback: Option<TypeVariant>,
}

/// A variant and the Graph type (a `#[graph_entity]` or `#[graph_complex]`
/// struct) it holds.
pub struct TypeVariant {
    pub ident: Ident,
    /// The Graph type, without the `Box` it may be held in.
    pub ty: Type,
    /// The field's type as written when it is a `Box<ty>`, which clippy's
    /// `large_enum_variant` asks for.
    pub boxed: Option<Type>,
    /// The variant's condition (`#[cfg]`, or `cfg` inside `#[cfg_attr]`),
    /// repeated on every generated use of the variant.
    pub cfg: Cfg,
}

/// Parses and checks; `Err` carries every error found, with the model or the
/// item as written to emit anyway.
pub fn parse(
    args: TokenStream,
    item: TokenStream,
) -> Result<PolymorphicEnum, Rejected<PolymorphicEnum>> {
    let (mut cx, mut input) = Ctxt::parse_item(
        &item,
        "#[graph_polymorphic] applies to an enum with one variant per Graph type: `User(User)`"
            .to_owned(),
    )
    .map_err(Rejected::Shapeless)?;
    graph_attr::refuse_serde_on_item(&mut cx, &mut input, "graph_polymorphic");
    let macro_args = args::parse(
        &mut cx,
        args,
        "graph_polymorphic",
        &args::Accepted {
            keys: &["crate"],
            words: &[],
            refused: &[],
        },
    );
    if let Some(name) = &macro_args.graph_name {
        cx.error_spanned_by(
            name,
            "#[graph_polymorphic] takes no Graph name: each variant's type says which @odata.type it holds; remove it",
        );
    }
    let krate = macro_args.crate_path(&mut cx);
    cx.refuse_generics(
        &input,
        "a polymorphic Graph value cannot be generic: its variants are fixed Graph types; remove the generic parameters",
    );

    let mut variants: Vec<TypeVariant> = Vec::new();
    let mut fallback: Option<TypeVariant> = None;
    match &mut input.data {
        syn::Data::Enum(data) => {
            if data.variants.is_empty() {
                cx.error_spanned_by(
                    &input.ident,
                    "declare one variant per Graph type this value may be, and the base type as `#[graph(other)] Other(Base)`",
                );
            }
            for variant in &mut data.variants {
                let attr = graph_attr::parse(&mut cx, &variant.attrs, Position::TypeVariant);
                graph_attr::strip(&mut variant.attrs);
                let ty = match &variant.fields {
                    syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                        fields.unnamed[0].ty.clone()
                    }
                    fields => {
                        let ident = &variant.ident;
                        let (span, message) = match fields {
                            syn::Fields::Unit => (
                                ident.to_token_stream(),
                                format!("`{ident}` holds no Graph type: write `{ident}(SomeType)`, where `SomeType` is a #[graph_entity] or #[graph_complex] struct"),
                            ),
                            syn::Fields::Unnamed(unnamed) => (
                                fields.to_token_stream(),
                                format!("`{ident}` holds {} types, and a variant holds one: give each type its own variant", unnamed.unnamed.len()),
                            ),
                            syn::Fields::Named(named) => {
                                let example = match named.named.first() {
                                    Some(field) if named.named.len() == 1 => {
                                        let ty = &field.ty;
                                        format!("`{ident}({})`", quote::quote!(#ty).to_string().replace(' ', ""))
                                    }
                                    _ => format!("`{ident}(SomeType)`"),
                                };
                                (
                                    fields.to_token_stream(),
                                    format!("a variant holds its Graph type unnamed: write {example}"),
                                )
                            }
                        };
                        cx.error_spanned_by(span, message);
                        continue;
                    }
                };
                let (ty, boxed) = match box_inner(&ty) {
                    Some(inner) => (ungroup(inner).clone(), Some(ty)),
                    None => (ungroup(&ty).clone(), None),
                };
                let held = TypeVariant {
                    ident: variant.ident.clone(),
                    ty,
                    boxed,
                    cfg: Cfg::of(&variant.attrs),
                };
                if let (Some(span), Some(first)) = (attr.other, &fallback) {
                    cx.syn_error(syn::Error::new(
                        span,
                        format!("only one variant can be `#[graph(other)]`, and `{}` already is", first.ident),
                    ));
                    continue;
                }
                let same_type = variants.iter().chain(&fallback).find(|earlier| {
                    earlier.ty.to_token_stream().to_string() == held.ty.to_token_stream().to_string()
                });
                if let Some(earlier) = same_type {
                    cx.error_spanned_by(
                        &held.ty,
                        format!(
                            "`{}` already holds this type, so `{}` would never be read; remove one",
                            earlier.ident, held.ident
                        ),
                    );
                }
                match attr.other {
                    Some(_) => fallback = Some(held),
                    None => variants.push(held),
                }
            }
        }
        syn::Data::Struct(data) => cx.error_spanned_by(
            data.struct_token,
            "#[graph_polymorphic] applies to enums with one variant per Graph type; for a Graph type itself use #[graph_entity] or #[graph_complex]",
        ),
        syn::Data::Union(data) => cx.error_spanned_by(
            data.union_token,
            "#[graph_polymorphic] applies to enums, not unions",
        ),
    }

    let shaped = matches!(input.data, syn::Data::Enum(_)) && !has_generics(&input);
    let invalid = cx.has_errors();
    let errors = cx.into_compile_errors();
    let model = PolymorphicEnum {
        item: input,
        krate,
        variants,
        fallback,
    };
    Rejected::unless_invalid(invalid, shaped, model, errors, |model| {
        model.item.into_token_stream()
    })
}
