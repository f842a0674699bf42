//! Generates the `Serialize`, `Deserialize`, `Polymorphic` and `From` impls
//! of a `#[graph_polymorphic]` enum: reading dispatches on `@odata.type`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::internals::polymorphic::{self, Polymorphic};
use crate::object::respan;

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match polymorphic::parse(args, item) {
        Ok(polymorphic) => generate(&polymorphic),
        Err(tokens) => tokens,
    }
}

fn generate(polymorphic: &Polymorphic) -> TokenStream {
    let krate = &polymorphic.krate;
    let private = quote!(#krate::__private);
    let item = &polymorphic.item;
    let ident = &item.ident;
    let all: Vec<_> = polymorphic
        .variants
        .iter()
        .chain(&polymorphic.fallback)
        .collect();
    // Errors about a held type (not a Graph struct) point at it.
    let span_of = |ty: &syn::Type| Span::call_site().located_at(ty.span());

    // Every use of a held type goes through `Variant` at the type's span, so
    // a type that is not a Graph struct is reported once, there.
    let variant = |ty: &syn::Type, item: TokenStream| {
        respan(quote!(<#ty as #private::Variant>::#item), span_of(ty))
    };
    let declared_types = polymorphic
        .variants
        .iter()
        .map(|held| variant(&held.ty, quote!(ODATA_TYPE)));
    let dispatch = polymorphic.variants.iter().map(|held| {
        let variant_ident = &held.ident;
        let odata_type_of = variant(&held.ty, quote!(ODATA_TYPE));
        let read = variant(&held.ty, quote!(read_as));
        quote! {
            if #private::is_type(__odata_type, #odata_type_of) {
                return ::core::result::Result::map(#read(__map), Self::#variant_ident);
            }
        }
    });
    let otherwise = match &polymorphic.fallback {
        Some(fallback) => {
            let variant_ident = &fallback.ident;
            let read = variant(&fallback.ty, quote!(read_fallback));
            quote!(::core::result::Result::map(#read(__map), Self::#variant_ident))
        }
        None => {
            quote!(::core::result::Result::Err(#private::unknown_type::<Self, __A::Error>(__odata_type)))
        }
    };
    let serialize = all.iter().map(|held| {
        let (variant_ident, call) = (&held.ident, variant(&held.ty, quote!(serialize_variant)));
        quote!(Self::#variant_ident(__value) => #call(__value, __serializer),)
    });
    let odata_type_of = all.iter().map(|held| {
        let (variant_ident, call) = (&held.ident, variant(&held.ty, quote!(variant_type)));
        quote!(Self::#variant_ident(__value) => #call(__value),)
    });
    let from_impls = all.iter().map(|held| {
        let (variant_ident, ty) = (&held.ident, &held.ty);
        respan(
            quote! {
                impl ::core::convert::From<#ty> for #ident {
                    fn from(__value: #ty) -> Self {
                        Self::#variant_ident(__value)
                    }
                }
            },
            span_of(ty),
        )
    });

    quote! {
        #item

        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(#serialize)*
                }
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_polymorphic(__deserializer)
            }
        }

        impl #private::ReadVariant for #ident {
            const TYPES: &'static [&'static ::core::primitive::str] = &[#(#declared_types),*];

            fn read_variant<'de, __A: #private::serde::de::MapAccess<'de>>(
                __odata_type: ::core::option::Option<&::core::primitive::str>,
                __map: __A,
            ) -> ::core::result::Result<Self, __A::Error> {
                if let ::core::option::Option::Some(__odata_type) = __odata_type {
                    #(#dispatch)*
                }
                #otherwise
            }
        }

        impl #krate::Polymorphic for #ident {
            fn odata_type(&self) -> &::core::primitive::str {
                match self {
                    #(#odata_type_of)*
                }
            }
        }

        #(#from_impls)*
    }
}
