//! Generates a `#[graph_complex]` struct and its `ODataType` and
//! `ComplexType` (and for a derived complex type, `Derived`) impls; the serde
//! impls come from [`crate::object`].

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::internals::graph_struct::{self, GraphStruct, Kind};
use crate::object::{self, ObjectType, WireField};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    match graph_struct::parse(Kind::Complex, args, item) {
        Ok(complex) => generate(&complex),
        Err(tokens) => tokens,
    }
}

fn generate(complex: &GraphStruct) -> TokenStream {
    let krate = &complex.krate;
    let ident = &complex.item.ident;
    let odata_type = &complex.odata_type;
    let vis = &complex.item.vis;
    let attrs = &complex.item.attrs;
    let fields = complex.properties.iter().map(|property| &property.field);

    let (head, tail, derived, base_is_complex) = match &complex.base {
        Some(base) => {
            let name = quote!(#base).to_string().replace(' ', "");
            let bound = object::respan(
                quote!(where #base: #krate::ComplexType),
                Span::call_site().located_at(base.span()),
            );
            (
                Some(object::base_field(vis, &quote!(#base), &name)),
                None,
                Some(object::derived_impls(complex, base)),
                Some(bound),
            )
        }
        None => (
            None,
            Some(quote! {
                /// Properties and annotations this struct does not declare, kept so that
                /// parsing and serializing again loses nothing.
                pub additional_data: #krate::AdditionalData,
            }),
            None,
            None,
        ),
    };
    let object = ObjectType {
        ident,
        fields: complex
            .properties
            .iter()
            .map(|property| WireField::property(property, &property.field.ty))
            .collect(),
        base: complex.base.as_ref().map(|base| quote!(#base)),
        writes_type: complex.writes_type,
        is_abstract: complex.is_abstract,
    };
    let impls = object::impls(krate, &object);

    quote! {
        #(#attrs)*
        #vis struct #ident {
            #head
            #(#fields,)*
            #tail
        }

        impl #krate::ODataType for #ident {
            const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
        }

        impl #krate::ComplexType for #ident #base_is_complex {}

        #derived
        #impls
    }
}
