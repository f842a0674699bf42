//! Generates the `Serialize`, `Deserialize`, `Polymorphic` and `From` impls
//! of a `#[graph_polymorphic]` enum: reading dispatches on `@odata.type`.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::ext::IdentExt;

use crate::expansion::{self, Bodies};
use crate::internals::attrs;
use crate::internals::polymorphic::{self, PolymorphicEnum, TypeVariant};
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
    fn new(private: &TokenStream, polymorphic: &PolymorphicEnum) -> Dispatch {
        let all = all_variants(polymorphic);
        let declared_types = polymorphic.variants.iter().map(|held| {
            let (cfg, odata_type_of) = (&held.cfg, variant(private, &held.ty, quote!(ODATA_TYPE)));
            quote!(#cfg #odata_type_of)
        });
        let dispatch = polymorphic.variants.iter().map(|held| {
            let cfg = &held.cfg;
            let odata_type_of = variant(private, &held.ty, quote!(ODATA_TYPE));
            let read = variant(private, &held.ty, quote!(read_as));
            let constructor = constructor(held);
            quote! {
                #cfg
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
                let cfg = &fallback.cfg;
                if cfg.is_unconditional() {
                    read
                } else {
                    // Without its fallback, the enum reads as one without.
                    let without = cfg.negated();
                    quote! {
                        #cfg
                        return #read;
                        #without
                        return #unknown;
                    }
                }
            }
            None => unknown,
        };
        let serialize = all.iter().map(|held| {
            let (variant_ident, cfg) = (&held.ident, &held.cfg);
            // The fallback is what an object without a type reads as, and
            // one read so is written back so.
            let method = if polymorphic
                .fallback
                .as_ref()
                .is_some_and(|fallback| std::ptr::eq(fallback, *held))
            {
                quote!(serialize_fallback)
            } else {
                quote!(serialize_variant)
            };
            let call = variant(private, &held.ty, method);
            let value = held_ref(held);
            quote!(#cfg Self::#variant_ident(__value) => #call(#value, __serializer),)
        });
        let odata_type_of = all.iter().map(|held| {
            let (variant_ident, cfg) = (&held.ident, &held.cfg);
            let call = variant(private, &held.ty, quote!(variant_type));
            let value = held_ref(held);
            quote!(#cfg Self::#variant_ident(__value) => #call(#value),)
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
fn all_variants(polymorphic: &PolymorphicEnum) -> Vec<&TypeVariant> {
    polymorphic
        .variants
        .iter()
        .chain(&polymorphic.fallback)
        .collect()
}

fn generate(polymorphic: &PolymorphicEnum, bodies: Bodies) -> TokenStream {
    let krate = &polymorphic.krate;
    let private = quote!(#krate::__private);
    let item = &polymorphic.item;
    // A deprecated enum, variant or held type (the user's `#[allow(deprecated)]`
    // counts) is the user's to be warned about where they use it, not in
    // generated code; an unconditional allow would break `forbid(deprecated)`.
    let allow_deprecated = attrs::allow_deprecated(item);
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
        let (ty, cfg) = (&held.ty, &held.cfg);
        let construct = construct(held, quote!(__value));
        let from = respan(
            quote! {
                #[automatically_derived]
                #allow_deprecated
                impl ::core::convert::From<#ty> for #ident {
                    fn from(__value: #ty) -> Self {
                        #construct
                    }
                }
            },
            at_user(ty),
        );
        quote!(#cfg #from)
    });
    let shared_type_check = match bodies {
        Bodies::Working => shared_type_check(&private, &all, &allow_deprecated),
        Bodies::Fallback => None,
    };

    let serde_impls = expansion::serde_impls(
        &private,
        ident,
        allow_deprecated.clone(),
        serialize,
        quote!(#private::deserialize_polymorphic(__deserializer)),
    );
    quote! {
        #item

        #serde_impls

        #[automatically_derived]
        #allow_deprecated
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
        #allow_deprecated
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
fn shared_type_check(
    private: &TokenStream,
    all: &[&TypeVariant],
    allow_deprecated: &TokenStream,
) -> Option<TokenStream> {
    if all.len() < 2 {
        return None;
    }
    let held = all.iter().map(|held| {
        let name = held.ident.unraw().to_string();
        let (cfg, odata_type_of) = (&held.cfg, variant(private, &held.ty, quote!(ODATA_TYPE)));
        quote!(#cfg (#name, #odata_type_of))
    });
    // The variant's name, not its index, finds it in `__HELD`: a variant
    // removed by `#[cfg]` leaves no gap there.
    let checks = all.iter().skip(1).map(|held| {
        let (name, cfg) = (held.ident.unraw().to_string(), &held.cfg);
        let check = respan(
            quote!(#private::held_once(__HELD, #name);),
            at_user(&held.ty),
        );
        quote!(#cfg #check)
    });
    Some(quote! {
        #allow_deprecated
        const _: () = {
            const __HELD: &[(&::core::primitive::str, &::core::primitive::str)] = &[#(#held),*];
            #(#checks)*
        };
    })
}
