use std::fmt::Display;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

/// Collects every problem found in one macro invocation, so the user sees
/// them all in one compile rather than one per fix.
///
/// A `Ctxt` must be consumed, by
/// [`into_compile_errors`](Self::into_compile_errors), on every path out of a
/// macro: errors that never become `compile_error!`s would let an item the
/// macro found wrong compile. Only that method takes it by value, so a
/// consumed `Ctxt` cannot be used again; forgetting to consume one is caught
/// when it is dropped (see the `Drop` impl).
#[must_use = "a Ctxt holds errors: consume it with `into_compile_errors`"]
pub struct Ctxt {
    /// `None` once consumed, which is what `Drop` looks at.
    errors: Option<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: Some(Vec::new()),
        }
    }

    /// The item an attribute macro is applied to, with the context to check
    /// it in; or, when it is no struct, enum or union at all, `Err` with
    /// `message` and the item to emit.
    pub fn parse_item(
        item: &TokenStream,
        message: String,
    ) -> Result<(Ctxt, syn::DeriveInput), TokenStream> {
        let mut cx = Ctxt::new();
        match syn::parse2(item.clone()) {
            Ok(input) => Ok((cx, input)),
            Err(_) => {
                cx.error_spanned_by(item, message);
                Err(followed_by(cx.into_compile_errors(), item))
            }
        }
    }

    /// Reports `message` at the span of `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Reports `message` at `span`.
    pub fn error_at<M: Display>(&mut self, span: Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// Reports an error from `syn`.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.push(error);
    }

    fn push(&mut self, error: syn::Error) {
        // Consuming takes `self`, so a consumed context is unreachable here.
        if let Some(errors) = &mut self.errors {
            errors.push(error);
        }
    }

    /// Whether anything has been reported.
    pub fn has_errors(&self) -> bool {
        self.errors
            .as_ref()
            .is_some_and(|errors| !errors.is_empty())
    }

    /// Reports generic parameters or a where clause: Graph types are fixed.
    pub fn refuse_generics(&mut self, input: &syn::DeriveInput, message: &str) {
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            self.error_spanned_by(&input.generics, message);
        }
    }

    /// All errors as `compile_error!` invocations (empty when there are
    /// none), for a macro that emits what it could generate next to them.
    pub fn into_compile_errors(self) -> TokenStream {
        to_compile_errors(&self.into_errors())
    }

    /// The messages, in the order reported: what tests compare.
    #[cfg(test)]
    pub fn into_messages(self) -> Vec<String> {
        self.into_errors().iter().map(ToString::to_string).collect()
    }

    fn into_errors(mut self) -> Vec<syn::Error> {
        self.errors.take().unwrap_or_default()
    }
}

fn to_compile_errors(errors: &[syn::Error]) -> TokenStream {
    errors.iter().map(syn::Error::to_compile_error).collect()
}

fn followed_by<T: ToTokens>(mut tokens: TokenStream, item: &T) -> TokenStream {
    item.to_tokens(&mut tokens);
    tokens
}

/// A `Ctxt` dropped without being consumed is a bug in this crate, never in
/// the user's input, so it panics (as serde_derive's does) to be found by the
/// tests, which run every macro on many inputs (`never_panics.rs`, the UI
/// and integration tests). How loud depends on what would be lost:
///
/// - Errors were reported: always. Dropping them would compile an item the
///   macro found wrong; the panic at least fails the build, with a message
///   that says whose bug it is.
/// - Nothing was reported: only with debug assertions (tests, and every
///   debug build, since proc macros get them there too). In a release build
///   nothing is lost, and a valid item must not fail to compile over it.
impl Drop for Ctxt {
    fn drop(&mut self) {
        let Some(errors) = &self.errors else {
            return;
        };
        if std::thread::panicking() {
            return;
        }
        if !errors.is_empty() {
            panic!(
                "graph-macros dropped {} error(s) about this input without reporting them; \
                 this is a bug in graph-macros, please report it. The first: {}",
                errors.len(),
                errors[0]
            );
        }
        if cfg!(debug_assertions) {
            panic!("graph-macros bug: a Ctxt was dropped without being checked");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn a_consumed_context_drops_quietly() {
        assert!(Ctxt::new().into_compile_errors().is_empty());

        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote!(x), "wrong");
        let text = cx.into_compile_errors().to_string();
        assert!(text.contains("compile_error") && text.contains("\"wrong\""));
    }

    #[test]
    #[should_panic(expected = "dropped 1 error(s) about this input")]
    fn dropping_reported_errors_panics() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote!(x), "lost");
        drop(cx);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "dropped without being checked")]
    fn dropping_an_unchecked_context_panics_with_debug_assertions() {
        drop(Ctxt::new());
    }

    #[test]
    fn an_item_that_is_no_type_is_emitted_with_its_error() {
        let item = quote!(
            fn f() {}
        );
        let Err(tokens) = Ctxt::parse_item(&item, "not a type".to_owned()) else {
            panic!("a function is no struct, enum or union");
        };
        let text = tokens.to_string();
        assert!(text.contains("\"not a type\""), "{text}");
        assert!(text.ends_with("fn f () { }"), "{text}");
    }
}
