//! What the expansion of every attribute macro has in common: the item, its
//! impls in one constant, and, when the input breaks a rule, the errors with
//! a fallback expansion.
//!
//! The fallback keeps one mistake from turning into errors far from it. The
//! item is emitted as it would be (with the fields the macro adds), with its
//! companion types and every trait impl, so that code using them
//! type-checks; impl bodies that would depend on what the mistake left
//! unclear (which members there are, under which names) are
//! [`unreachable`], which type-checks as anything and never runs: the crate
//! does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use crate::internals::attrs;
use crate::internals::Rejected;

/// Whether the model passed its checks, which decides what the generated
/// impls do.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// The model passed: the impls do the work.
    Working,
    /// The model has errors, reported already: the impls are there for
    /// code using them to type-check, and never run.
    Fallback,
}

/// A macro's expansion from what its `parse` returned: `generate`d from the
/// model, or, when the model broke a rule, the errors followed by
/// `generate`'s fallback; for an input the macro cannot shape, the errors
/// and the item as written.
pub fn expand<T>(
    parsed: Result<T, Rejected<T>>,
    generate: impl FnOnce(&T, Bodies) -> TokenStream,
) -> TokenStream {
    match parsed {
        Ok(model) => generate(&model, Bodies::Working),
        Err(Rejected::Invalid { model, errors }) => {
            let fallback = generate(&model, Bodies::Fallback);
            quote!(#errors #fallback)
        }
        Err(Rejected::Shapeless(tokens)) => tokens,
    }
}

/// The body of a fallback impl's function (see the module docs).
pub fn unreachable() -> TokenStream {
    quote!(::core::unreachable!())
}

/// The impls a macro generates for `item`, in one anonymous constant (whose
/// body also runs compile-time checks given as statements among them),
/// allowed to use what the user deprecated (see [`attrs::allow_deprecated`]).
/// An item's own `#[cfg]` needs nothing here: rustc applies it before the
/// macro runs, wherever it is written.
pub fn wrap_impls(item: &syn::DeriveInput, impls: TokenStream) -> TokenStream {
    let allow_deprecated = attrs::allow_deprecated(item);
    quote! {
        #allow_deprecated
        const _: () = {
            #impls
        };
    }
}

/// `Serialize` and `Deserialize` for `ident`: `serialize` with `__serializer`
/// in scope, `deserialize` with `__deserializer`; `attrs` go on both impls.
pub fn serde_impls(
    private: &TokenStream,
    ident: &Ident,
    attrs: TokenStream,
    serialize: TokenStream,
    deserialize: TokenStream,
) -> TokenStream {
    quote! {
        #[automatically_derived]
        #attrs
        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #serialize
            }
        }

        #[automatically_derived]
        #attrs
        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #deserialize
            }
        }
    }
}
