//! `graph_endpoint!` code generation, from the checked model in
//! `internals::endpoint`.
//!
//! Each endpoint expands to a struct, `new`, and an `Endpoint` impl whose
//! methods are one-line calls into graph-core: with thousands of endpoints in
//! a crate, the size of each expansion is what compile time is made of.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::internals::attrs::{self, Cfg};
use crate::internals::endpoint::{self, Endpoint};
use crate::internals::Ctxt;

mod path_values;

pub fn expand(input: TokenStream) -> TokenStream {
    let mut cx = Ctxt::new();
    let invocation = endpoint::parse(&mut cx, input);
    let krate = match &invocation.krate {
        Some(path) => quote!(#path),
        None => quote!(::graph_core),
    };
    let endpoints = invocation
        .endpoints
        .iter()
        .map(|endpoint| generate(endpoint, &krate));
    let errors = cx.into_compile_errors();
    quote! {
        #(#endpoints)*
        #errors
    }
}

fn generate(endpoint: &Endpoint, krate: &TokenStream) -> TokenStream {
    let Endpoint {
        attrs,
        vis,
        ident,
        method,
        path,
        params,
        body,
        inline_body,
        response,
        status,
    } = endpoint;
    let string = quote!(#krate::__private::String);
    // `#[cfg]` on an endpoint gates its impls too, not just the struct (the
    // macro emits the attribute, so rustc has not applied it yet). The impls
    // name the struct and its fields, deprecated with it: that warns no one.
    let cfg = Cfg::of(attrs);
    let allow_deprecated = attrs::allow_deprecated_for(attrs.iter());

    let fields: Vec<_> = params.iter().map(|param| &param.field).collect();
    let field_docs = params.iter().map(path_values::field_doc);
    // Path parameters are strings; function parameters have their type.
    let field_types: Vec<_> = params
        .iter()
        .map(|param| match &param.ty {
            Some(ty) => quote!(#ty),
            None => string.clone(),
        })
        .collect();
    let body_doc = if inline_body.is_some() {
        " The action's parameters, sent as JSON."
    } else {
        " The request body."
    };
    let body_field = body.as_ref().map(|ty| {
        quote! {
            #[doc = #body_doc]
            pub body: #ty,
        }
    });
    let body_struct = inline_body
        .as_ref()
        .map(|inline| crate::endpoint_body::generate(inline, ident, attrs, vis, krate));
    let declaration = if fields.is_empty() && body.is_none() {
        quote!(#(#attrs)* #vis struct #ident;)
    } else {
        quote! {
            #(#attrs)*
            #vis struct #ident {
                #(#[doc = #field_docs] pub #fields: #field_types,)*
                #body_field
            }
        }
    };

    let new_doc = match (fields.is_empty(), body.is_some()) {
        (true, false) => " The endpoint (it has no path parameters and no body).",
        (true, true) => " The endpoint with its request body.",
        (false, false) => " The endpoint with its path parameters, in path order.",
        (false, true) => {
            " The endpoint with its path parameters, in path order, and its request body."
        }
    };
    // Clippy's limit is 7 arguments; only say so where it applies.
    let allow_many = (fields.len() + usize::from(body.is_some()) > 7)
        .then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let body_arg = body.as_ref().map(|ty| quote!(body: #ty));
    let body_init = body.as_ref().map(|_| quote!(body));
    let construct = if fields.is_empty() && body.is_none() {
        quote!(#ident)
    } else {
        quote!(#ident { #(#fields: ::core::convert::Into::into(#fields),)* #body_init })
    };

    let path_fn = path_values::path_fn(params, krate);
    let method = syn::Ident::new(method.as_str(), proc_macro2::Span::call_site());
    // Trait-bound errors (a body that is not `Serialize`, a response that is
    // not `Deserialize`) point at the user's type.
    let body_type = match body {
        Some(ty) => quote_spanned!(proc_macro2::Span::call_site().located_at(ty.span())=> #ty),
        None => quote!(()),
    };
    let body_fn = match body {
        Some(_) => quote!(::core::option::Option::Some(&self.body)),
        None => quote!(::core::option::Option::None),
    };
    // A declared response is read by its `ResponseBody` impl, the trait's
    // default; without one, any 2xx body is ignored.
    let (response_type, decode) = match response {
        Some(ty) => (
            quote_spanned!(proc_macro2::Span::call_site().located_at(ty.span())=> #ty),
            None,
        ),
        None => (
            quote!(()),
            Some(quote! {
                fn decode_response(
                    __parts: &#krate::http::response::Parts,
                    __body: &[::core::primitive::u8],
                ) -> ::core::result::Result<(), #krate::GraphError> {
                    #krate::__private::no_response(__parts, __body)
                }
            }),
        ),
    };

    quote! {
        #body_struct

        #declaration

        #cfg
        #allow_deprecated
        impl #ident {
            #[doc = #new_doc]
            #allow_many
            pub fn new(
                #(#fields: impl ::core::convert::Into<#field_types>,)*
                #body_arg
            ) -> Self {
                #construct
            }
        }

        #cfg
        #allow_deprecated
        #[automatically_derived]
        impl #krate::Endpoint for #ident {
            const METHOD: #krate::http::Method = #krate::http::Method::#method;
            const PATH_TEMPLATE: &'static ::core::primitive::str = #path;
            const SUCCESS_STATUS: ::core::primitive::u16 = #status;
            type Body = #body_type;
            type Response = #response_type;

            fn path(&self) -> ::core::result::Result<#string, #krate::GraphError> {
                #path_fn
            }

            fn body(&self) -> ::core::option::Option<&Self::Body> {
                #body_fn
            }

            #decode
        }
    }
}
