//! Generates a `#[graph_complex]` struct and its `ODataType` and
//! `ComplexType` (and for a derived complex type, `Derived`) impls; the serde
//! impls come from [`crate::object`].

use proc_macro2::TokenStream;
use quote::quote;

use crate::expansion::{self, Bodies};
use crate::internals::graph_struct::{self, GraphStruct, Kind};
use crate::object::{self, BaseType, ObjectType, WireField};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    expansion::expand(graph_struct::parse(Kind::Complex, args, item), generate)
}

fn generate(complex: &GraphStruct, bodies: Bodies) -> TokenStream {
    let krate = &complex.krate;
    let ident = &complex.item.ident;
    let odata_type = &complex.odata_type;
    let vis = &complex.item.vis;
    let attrs = &complex.item.attrs;
    let base = complex
        .base
        .as_ref()
        .map(|base| (BaseType::new(base), BaseType::name(base)));
    let added: &[&str] = match base {
        Some(_) => &["base"],
        None => &["additional_data"],
    };
    let properties = object::declared(&complex.properties, added, bodies);
    let fields = properties.iter().map(|property| &property.field);

    let head = base.as_ref().map(|(base, name)| {
        object::base_field(
            vis,
            base,
            &format!(
                "The properties inherited from [`{name}`], which also read through `Deref` \
                 (`value.additional_data`)."
            ),
        )
    });
    let tail = base.is_none().then(|| {
        quote! {
            /// Properties and annotations this struct does not declare, kept so that
            /// parsing and serializing again loses nothing.
            pub additional_data: #krate::AdditionalData,
        }
    });
    let derived = base.as_ref().map(|(base, name)| {
        let base_ty = &base.ty;
        // One check that the base is a complex type (an entity has
        // `ObjectFields` too), at `base = "..."`.
        let is_complex = base.at(quote!(#krate::__private::is_complex_type::<#base_ty>()));
        let derived = object::derived_impls(complex, &properties, base, name, bodies);
        quote! {
            #derived
            #is_complex;
        }
    });
    let object = ObjectType {
        ident,
        fields: properties
            .iter()
            .map(|property| WireField::property(property, &property.field.ty))
            .collect(),
        base: base.as_ref().map(|(base, _)| base.clone()),
        writes_type: complex.writes_type,
        is_abstract: complex.is_abstract,
    };
    let object_impls = object::impls(krate, &object, bodies);
    let impls = expansion::wrap_impls(
        &complex.item,
        quote! {
            #[automatically_derived]
            impl #krate::ODataType for #ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
            }

            #[automatically_derived]
            impl #krate::ComplexType for #ident {}

            #derived
            #object_impls
        },
    );
    let gated_errors = &complex.gated_errors;

    quote! {
        #(#attrs)*
        #vis struct #ident {
            #head
            #(#fields,)*
            #tail
        }

        #impls
        #gated_errors
    }
}
