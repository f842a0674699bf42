use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// Collects every problem found in one item, so the user sees them all in one
/// compile rather than one per fix.
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Reports `message` at the span of `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Reports an error from `syn`.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The errors followed by `item`: an attribute macro that finds problems
    /// still emits the item, so the rest of the crate keeps type-checking.
    pub fn into_errors_with_item<T: ToTokens>(self, item: &T) -> TokenStream {
        let mut tokens = self.into_compile_errors();
        item.to_tokens(&mut tokens);
        tokens
    }

    /// The item an attribute macro is applied to, or, when it is no struct,
    /// enum or union at all, `Err` with `message` and the item to emit.
    pub fn parse_item(
        &mut self,
        item: &TokenStream,
        message: String,
    ) -> Result<syn::DeriveInput, TokenStream> {
        syn::parse2(item.clone()).map_err(|_| {
            let mut cx = std::mem::take(self);
            cx.error_spanned_by(item, message);
            cx.into_errors_with_item(item)
        })
    }

    /// Reports generic parameters or a where clause: Graph types are fixed.
    pub fn refuse_generics(&mut self, input: &syn::DeriveInput, message: &str) {
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            self.error_spanned_by(&input.generics, message);
        }
    }

    /// All errors as `compile_error!` invocations (empty when there are none).
    pub fn into_compile_errors(self) -> TokenStream {
        self.errors
            .iter()
            .map(syn::Error::to_compile_error)
            .collect()
    }
}
