//! The struct `graph_endpoint!` generates for an action's parameters written
//! inline, `body: { message: Message, save_to_sent_items: Option<bool> }`,
//! and its `Serialize` impl, which writes through graph-core's helpers like
//! the entity types do (`None` left out, no `@odata.type`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Ident, Visibility};

use crate::internals::attrs::Cfg;
use crate::internals::endpoint::InlineBody;
use crate::tokens::{at_user, respan};

/// The struct and its impl. `endpoint_attrs` are the endpoint's: its
/// `#[derive]`s and `#[cfg]`s apply to the body too, since the endpoint
/// holds it (a derived `Debug` or `Clone` on the endpoint needs it on the
/// body).
pub fn generate(
    body: &InlineBody,
    endpoint: &Ident,
    endpoint_attrs: &[Attribute],
    vis: &Visibility,
    krate: &TokenStream,
) -> TokenStream {
    let private = quote!(#krate::__private);
    let ident = &body.ident;
    let derives = endpoint_attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"));
    let cfg = Cfg::of(endpoint_attrs);
    let doc = format!(
        " The parameters of [`{endpoint}`], sent as its JSON body (`None` parameters are left out)."
    );
    let fields = body.fields.iter().map(|field| {
        let (attrs, ident, ty) = (&field.attrs, &field.ident, &field.ty);
        let doc = format!(" The `{}` parameter.", field.wire_name);
        let has_doc = attrs.iter().any(|attr| attr.path().is_ident("doc"));
        let doc = (!has_doc).then(|| quote!(#[doc = #doc]));
        quote!(#doc #(#attrs)* pub #ident: #ty,)
    });
    let writes = body.fields.iter().map(|field| {
        let (ident, wire_name) = (&field.ident, &field.wire_name);
        let field_cfg = Cfg::of(&field.attrs);
        // At the field's type: a type that is not `Serialize` is reported
        // there, not at the whole invocation.
        let write = respan(
            quote!((&#private::Entry(&self.#ident)).write_entry(&mut __object, #wire_name);),
            at_user(&field.ty),
        );
        quote!(#field_cfg #write)
    });
    let allow_deprecated = crate::internals::attrs::allow_deprecated_for(
        body.fields.iter().flat_map(|field| &field.attrs),
    );
    quote! {
        #[doc = #doc]
        #(#derives)*
        #cfg
        // A parameter Graph spells with capitals (`StartDateTime`) is a field
        // spelled so; rustc checks field names at the struct, where a user
        // cannot write the `allow`.
        #[allow(non_snake_case)]
        #vis struct #ident {
            #(#fields)*
        }

        #cfg
        #allow_deprecated
        #[automatically_derived]
        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                use #private::{WriteEntry as _, WriteOptionalEntry as _};
                let mut __object = #private::begin_parameters(__serializer);
                #(#writes)*
                #private::end_parameters(__object)
            }
        }
    }
}
