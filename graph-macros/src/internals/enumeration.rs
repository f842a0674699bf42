//! Parsing and checking `#[graph_enum]`: from tokens to an [`Enumeration`] model.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Ident};

use super::attrs::Cfg;
use super::graph_attr::{self, Position};
use super::{args, has_generics, Ctxt, Rejected};

/// A checked `#[graph_enum]` enum.
pub struct Enumeration {
    /// The enum as written, minus `#[graph(...)]` attributes.
    pub item: DeriveInput,
    /// The Graph name, such as `complianceStatus`.
    pub graph_name: String,
    pub krate: syn::Path,
    /// The members, in declaration order.
    pub members: Vec<Member>,
    /// The `#[graph(other)]` variant, which keeps unknown members.
    pub other: Option<OtherVariant>,
    /// `#[graph_enum(flags)]`: values are sets of members, `"a,b"` on the
    /// wire (through `graph_core::Flags`).
    pub flags: bool,
    /// Checks that depend on which gated variants exist: `compile_error!`s
    /// under the `#[cfg]` where they apply.
    pub gated_errors: TokenStream,
}

/// The `#[graph(other)]` variant: `Other(String)`, or another type built
/// `From<String>` that reads back `AsRef<str>`.
pub struct OtherVariant {
    pub ident: Ident,
    /// The type it holds; errors about its traits point here.
    pub ty: syn::Type,
    /// When it exists: without it, an unknown member is an error.
    pub cfg: Cfg,
}

pub struct Member {
    pub ident: Ident,
    pub wire_name: String,
    /// When the variant exists; every generated use of it carries this.
    pub cfg: Cfg,
}

/// Parses and checks; `Err` carries every error found, with the model or the
/// item as written to emit anyway.
pub fn parse(args: TokenStream, item: TokenStream) -> Result<Enumeration, Rejected<Enumeration>> {
    let (mut cx, mut input) = Ctxt::parse_item(
        &item,
        "#[graph_enum] applies to an enum whose variants are the Graph enumeration's members"
            .to_owned(),
    )
    .map_err(Rejected::Shapeless)?;
    graph_attr::refuse_serde_on_item(&mut cx, &mut input, "graph_enum");
    let macro_args = args::parse(
        &mut cx,
        args,
        "graph_enum",
        &args::Accepted {
            keys: &["crate"],
            words: &["flags"],
            refused: &[],
        },
    );
    let flags = !macro_args.words.is_empty();
    let krate = macro_args.crate_path(&mut cx);
    let graph_name = match &macro_args.graph_name {
        Some(lit) => {
            let text = lit.value();
            super::graph_struct::check_graph_name(&mut cx, lit, &text);
            text
        }
        None => super::member_name(&input.ident.to_string()),
    };

    cx.refuse_generics(
        &input,
        "a Graph enumeration cannot be generic: remove the generic parameters",
    );
    let mut members: Vec<Member> = Vec::new();
    let mut other: Option<OtherVariant> = None;
    let mut gated_errors = TokenStream::new();
    match &mut input.data {
        syn::Data::Enum(data) => {
            for variant in &mut data.variants {
                let attr = graph_attr::parse(&mut cx, &variant.attrs, Position::Variant);
                graph_attr::strip(&mut variant.attrs);
                let cfg = Cfg::of(&variant.attrs);
                if let Some(other_span) = attr.other {
                    if let Some(rename) = &attr.rename {
                        cx.error_spanned_by(rename, "the `other` variant holds whatever unknown name arrives, so it has no name of its own; remove `rename`");
                    }
                    let held = match &variant.fields {
                        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                            Some(unnamed.unnamed[0].ty.clone())
                        }
                        _ => {
                            cx.error_spanned_by(
                                &variant.ident,
                                format!("the `other` variant keeps the unknown member's name: write `#[graph(other)] {}(String)`", variant.ident),
                            );
                            None
                        }
                    };
                    if let Some(first) = &other {
                        cx.syn_error(syn::Error::new(
                            other_span,
                            format!(
                                "only one variant can be `#[graph(other)]`, and `{}` already is",
                                first.ident
                            ),
                        ));
                    } else if let Some(ty) = held {
                        other = Some(OtherVariant {
                            ident: variant.ident.clone(),
                            ty,
                            cfg,
                        });
                    }
                    continue;
                }
                if !matches!(variant.fields, syn::Fields::Unit) {
                    cx.error_spanned_by(
                        &variant.fields,
                        format!("Graph enumeration members carry no data: write `{}` without fields, or mark the catch-all variant `#[graph(other)] Other(String)`", variant.ident),
                    );
                }
                let wire_name = match &attr.rename {
                    Some(lit) => {
                        let value = lit.value();
                        if value.is_empty() {
                            cx.error_spanned_by(
                                lit,
                                "the member name is empty: write the name as Graph spells it",
                            );
                        }
                        value
                    }
                    None => super::member_name(&variant.ident.to_string()),
                };
                if flags && wire_name.contains(',') {
                    cx.error_spanned_by(
                        &variant.ident,
                        format!("a flags member cannot contain `,`, which separates members on the wire: `{wire_name}`"),
                    );
                }
                // Variants under a `#[cfg]` may never exist together: their
                // collision is an error only where both do.
                for earlier in members.iter().filter(|m| m.wire_name == wire_name) {
                    let message = format!(
                        "`{}` and `{}` both map to the member `{wire_name}`; give one a different #[graph(rename = \"...\")]",
                        earlier.ident, variant.ident
                    );
                    let both = earlier.cfg.and(&cfg);
                    if both.is_unconditional() {
                        cx.error_spanned_by(&variant.ident, message);
                        break;
                    }
                    gated_errors.extend(both.compile_error(variant.ident.span(), &message));
                }
                members.push(Member {
                    ident: variant.ident.clone(),
                    wire_name,
                    cfg,
                });
            }
        }
        syn::Data::Struct(data) => cx.error_spanned_by(
            data.struct_token,
            "#[graph_enum] applies to enums; for a Graph entity use #[graph_entity(\"typeName\")]",
        ),
        syn::Data::Union(data) => cx.error_spanned_by(
            data.union_token,
            "#[graph_enum] applies to enums, not unions",
        ),
    }

    let shaped = matches!(input.data, syn::Data::Enum(_)) && !has_generics(&input);
    let invalid = cx.has_errors();
    let errors = cx.into_compile_errors();
    let model = Enumeration {
        item: input,
        graph_name,
        krate,
        members,
        other,
        flags,
        gated_errors,
    };
    Rejected::unless_invalid(invalid, shaped, model, errors, |model| {
        let (item, gated_errors) = (model.item, model.gated_errors);
        quote!(#item #gated_errors)
    })
}
