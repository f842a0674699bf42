//! Generates the `Serialize`, `Deserialize`, `Polymorphic` and `From` impls
//! of a `#[graph_polymorphic]` enum: reading dispatches on `@odata.type`.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::ext::IdentExt;

use crate::expansion::{self, Bodies};
use crate::internals::polymorphic::{self, Polymorphic, TypeVariant};
use crate::tokens::{at_user, respan};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    expansion::expand(polymorphic::parse(args, item), generate)
}

/// `Self::Variant(value)`, boxing `value` when the variant holds a `Box`.
fn construct(held: &TypeVariant, value: TokenStream) -> TokenStream {
    let variant_ident = &held.ident;
    match &held.boxed {
        Some(boxed) => quote!(Self::#variant_ident(<#boxed>::new(#value))),
        None => quote!(Self::#variant_ident(#value)),
    }
}

/// The function from the held type to the enum.
fn constructor(held: &TypeVariant) -> TokenStream {
    match &held.boxed {
        Some(_) => {
            let construct = construct(held, quote!(__value));
            quote!(|__value| #construct)
        }
        None => {
            let variant_ident = &held.ident;
            quote!(Self::#variant_ident)
        }
    }
}

/// A reference to the held type, from `__value`, a reference to the field.
fn held_ref(held: &TypeVariant) -> TokenStream {
    match &held.boxed {
        Some(_) => quote!(&**__value),
        None => quote!(__value),
    }
}

/// `<ty as Variant>::item`. Every use of a held type goes through `Variant`
/// at the type's span, so a type that is not a Graph struct is reported
/// once, there.
fn variant(private: &TokenStream, ty: &syn::Type, item: TokenStream) -> TokenStream {
    respan(quote!(<#ty as #private::Variant>::#item), at_user(ty))
}

/// The bodies that go through every variant.
struct Dispatch {
    /// `ReadVariant::TYPES`.
    types: TokenStream,
    /// The body of `ReadVariant::read_variant`.
    read_variant: TokenStream,
    /// The body of `Serialize::serialize`.
    serialize: TokenStream,
    /// The body of `Polymorphic::odata_type`.
    odata_type: TokenStream,
}

impl Dispatch {
    fn new(private: &TokenStream, polymorphic: &Polymorphic) -> Dispatch {
        let all = all_variants(polymorphic);
        let declared_types = polymorphic.variants.iter().map(|held| {
            let (cfgs, odata_type_of) =
                (&held.cfgs, variant(private, &held.ty, quote!(ODATA_TYPE)));
            quote!(#(#cfgs)* #odata_type_of)
        });
        let dispatch = polymorphic.variants.iter().map(|held| {
            let cfgs = &held.cfgs;
            let odata_type_of = variant(private, &held.ty, quote!(ODATA_TYPE));
            let read = variant(private, &held.ty, quote!(read_as));
            let constructor = constructor(held);
            quote! {
                #(#cfgs)*
                if #private::is_type(__odata_type, #odata_type_of) {
                    return ::core::result::Result::map(#read(__map), #constructor);
                }
            }
        });
        let unknown = quote! {
            ::core::result::Result::Err(#private::unknown_type::<Self, __A::Error>(__odata_type))
        };
        let otherwise = match &polymorphic.fallback {
            Some(fallback) => {
                let read = variant(private, &fallback.ty, quote!(read_fallback));
                let constructor = constructor(fallback);
                let read = quote!(::core::result::Result::map(#read(__map), #constructor));
                match cfg_predicate(&fallback.cfgs) {
                    // Without its fallback, the enum reads as one without.
                    Some(predicate) => quote! {
                        #[cfg(#predicate)]
                        return #read;
                        #[cfg(not(#predicate))]
                        return #unknown;
                    },
                    None => read,
                }
            }
            None => unknown,
        };
        let serialize = all.iter().map(|held| {
            let (variant_ident, cfgs) = (&held.ident, &held.cfgs);
            let call = variant(private, &held.ty, quote!(serialize_variant));
            let value = held_ref(held);
            quote!(#(#cfgs)* Self::#variant_ident(__value) => #call(#value, __serializer),)
        });
        let odata_type_of = all.iter().map(|held| {
            let (variant_ident, cfgs) = (&held.ident, &held.cfgs);
            let call = variant(private, &held.ty, quote!(variant_type));
            let value = held_ref(held);
            quote!(#(#cfgs)* Self::#variant_ident(__value) => #call(#value),)
        });
        Dispatch {
            types: quote!(&[#(#declared_types),*]),
            read_variant: quote! {
                if let ::core::option::Option::Some(__odata_type) = __odata_type {
                    #(#dispatch)*
                }
                #otherwise
            },
            serialize: quote! {
                match self {
                    #(#serialize)*
                }
            },
            odata_type: quote! {
                match self {
                    #(#odata_type_of)*
                }
            },
        }
    }

    /// For an enum whose macro reported errors (see [`Bodies::Fallback`]):
    /// which variants hold which types is unclear.
    fn fallback() -> Dispatch {
        Dispatch {
            types: quote!(&[]),
            read_variant: expansion::unreachable(),
            serialize: expansion::unreachable(),
            odata_type: expansion::unreachable(),
        }
    }
}

/// The variants, the fallback last.
fn all_variants(polymorphic: &Polymorphic) -> Vec<&TypeVariant> {
    polymorphic
        .variants
        .iter()
        .chain(&polymorphic.fallback)
        .collect()
}

fn generate(polymorphic: &Polymorphic, bodies: Bodies) -> TokenStream {
    let krate = &polymorphic.krate;
    let private = quote!(#krate::__private);
    let item = &polymorphic.item;
    let ident = &item.ident;
    let all = all_variants(polymorphic);
    let Dispatch {
        types,
        read_variant,
        serialize,
        odata_type,
    } = match bodies {
        Bodies::Working => Dispatch::new(&private, polymorphic),
        Bodies::Fallback => Dispatch::fallback(),
    };
    // A type held twice is reported already (which leaves it in the
    // fallback model), and a second `From` for it would be another error.
    let mut seen = Vec::new();
    let from_impls = all.iter().filter(|held| {
        let ty = held.ty.to_token_stream().to_string();
        let first = !seen.contains(&ty);
        seen.push(ty);
        first
    });
    let from_impls = from_impls.map(|held| {
        let (ty, cfgs) = (&held.ty, &held.cfgs);
        let construct = construct(held, quote!(__value));
        let from = respan(
            quote! {
                #[automatically_derived]
                #[allow(deprecated)]
                impl ::core::convert::From<#ty> for #ident {
                    fn from(__value: #ty) -> Self {
                        #construct
                    }
                }
            },
            at_user(ty),
        );
        quote!(#(#cfgs)* #from)
    });
    let shared_type_check = match bodies {
        Bodies::Working => shared_type_check(&private, &all),
        Bodies::Fallback => None,
    };

    // `#[allow(deprecated)]`: a deprecated enum, variant or held type is the
    // user's to be warned about where they use it, not in generated code.
    let serde_impls = expansion::serde_impls(
        &private,
        ident,
        quote!(#[allow(deprecated)]),
        serialize,
        quote!(#private::deserialize_polymorphic(__deserializer)),
    );
    quote! {
        #item

        #serde_impls

        #[automatically_derived]
        #[allow(deprecated)]
        impl #private::ReadVariant for #ident {
            const TYPES: &'static [&'static ::core::primitive::str] = #types;

            fn read_variant<'de, __A: #private::serde::de::MapAccess<'de>>(
                __odata_type: ::core::option::Option<&::core::primitive::str>,
                __map: __A,
            ) -> ::core::result::Result<Self, __A::Error> {
                #read_variant
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::Polymorphic for #ident {
            fn odata_type(&self) -> &::core::primitive::str {
                #odata_type
            }
        }

        #(#from_impls)*

        #shared_type_check
    }
}

/// A compile-time check that no two variants hold types of one Graph name:
/// the macro sees only type paths, and every object of that name would be
/// read as the first, never the second. One constant per enum; a variant
/// that shares its type's name with an earlier one fails it at its own span.
fn shared_type_check(private: &TokenStream, all: &[&TypeVariant]) -> Option<TokenStream> {
    if all.len() < 2 {
        return None;
    }
    let held = all.iter().map(|held| {
        let name = held.ident.unraw().to_string();
        let (cfgs, odata_type_of) = (&held.cfgs, variant(private, &held.ty, quote!(ODATA_TYPE)));
        quote!(#(#cfgs)* (#name, #odata_type_of))
    });
    // The variant's name, not its index, finds it in `__HELD`: a variant
    // removed by `#[cfg]` leaves no gap there.
    let checks = all.iter().skip(1).map(|held| {
        let (name, cfgs) = (held.ident.unraw().to_string(), &held.cfgs);
        let check = respan(
            quote!(#private::held_once(__HELD, #name);),
            at_user(&held.ty),
        );
        quote!(#(#cfgs)* #check)
    });
    Some(quote! {
        #[allow(deprecated)]
        const _: () = {
            const __HELD: &[(&::core::primitive::str, &::core::primitive::str)] = &[#(#held),*];
            #(#checks)*
        };
    })
}

/// The predicate under which every one of `cfgs` holds, or `None` when there
/// are none.
fn cfg_predicate(cfgs: &[syn::Attribute]) -> Option<TokenStream> {
    if cfgs.is_empty() {
        return None;
    }
    // A `#[cfg]` whose arguments do not parse is rustc's to report, on the
    // variant itself.
    let predicates = cfgs
        .iter()
        .filter_map(|cfg| cfg.meta.require_list().ok())
        .map(|list| &list.tokens);
    Some(quote!(all(#(#predicates),*)))
}
