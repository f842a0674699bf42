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
    let idents: Vec<_> = all.iter().map(|variant| &variant.ident).collect();
    let types: Vec<_> = all.iter().map(|variant| &variant.ty).collect();
    // Errors about a held type (not a Graph struct) point at it.
    let span_of = |ty: &syn::Type| Span::call_site().located_at(ty.span());

    let declared_types = polymorphic.variants.iter().map(|variant| {
        let ty = &variant.ty;
        respan(quote!(<#ty as #krate::ODataType>::ODATA_TYPE), span_of(ty))
    });
    let dispatch = polymorphic.variants.iter().map(|variant| {
        let (variant_ident, ty) = (&variant.ident, &variant.ty);
        let read = respan(quote!(#private::read_as::<#ty, __A>(map)), span_of(ty));
        quote! {
            if #private::is_type(odata_type, <#ty as #krate::ODataType>::ODATA_TYPE) {
                return ::core::result::Result::map(#read, Self::#variant_ident);
            }
        }
    });
    let otherwise = match &polymorphic.fallback {
        Some(fallback) => {
            let (variant_ident, ty) = (&fallback.ident, &fallback.ty);
            let read = respan(
                quote!(#private::read_fallback::<#ty, __A>(map)),
                span_of(ty),
            );
            quote!(::core::result::Result::map(#read, Self::#variant_ident))
        }
        None => {
            quote!(::core::result::Result::Err(#private::unknown_type::<Self, __A::Error>(odata_type)))
        }
    };
    let odata_type_of = all.iter().map(|variant| {
        let (variant_ident, ty) = (&variant.ident, &variant.ty);
        let call = respan(quote!(#private::odata_type_of::<#ty>(value)), span_of(ty));
        quote!(Self::#variant_ident(value) => #call,)
    });

    quote! {
        #item

        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(Self::#idents(value) => #private::serde::Serialize::serialize(value, serializer),)*
                }
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_polymorphic(deserializer)
            }
        }

        impl #private::ReadVariant for #ident {
            const TYPES: &'static [&'static ::core::primitive::str] = &[#(#declared_types),*];

            fn read_variant<'de, __A: #private::serde::de::MapAccess<'de>>(
                odata_type: ::core::option::Option<&::core::primitive::str>,
                map: __A,
            ) -> ::core::result::Result<Self, __A::Error> {
                if let ::core::option::Option::Some(odata_type) = odata_type {
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

        #(
            impl ::core::convert::From<#types> for #ident {
                fn from(value: #types) -> Self {
                    Self::#idents(value)
                }
            }
        )*
    }
}
