use proc_macro2::TokenStream;

/// A macro input that failed its checks, and what to emit for it.
pub enum Rejected<T> {
    /// The input is not the kind of item the macro shapes (no struct with
    /// named fields, no enum, or a generic one): the errors, then the item as
    /// written.
    Shapeless(TokenStream),
    /// The input has the macro's shape but breaks its rules: the errors, and
    /// the model as far as it goes, from which the macro still emits the
    /// item's companion types and trait impls (see `crate::expansion`), so
    /// that code using them reports nothing more and each mistake is
    /// reported once, at its cause.
    Invalid {
        /// Boxed: a model is large, and `Rejected` is what `parse` returns
        /// in its `Err`.
        model: Box<T>,
        /// `compile_error!`s.
        errors: TokenStream,
    },
}

impl<T> Rejected<T> {
    /// What a `parse` returns once its checks have run: `model` when they
    /// found nothing (`errors` is then empty); otherwise the errors with the
    /// model when the input is `shaped` as the macro needs, or with
    /// `as_written(model)`, the tokens to emit for an input it cannot shape.
    pub fn unless_invalid(
        invalid: bool,
        shaped: bool,
        model: T,
        errors: TokenStream,
        as_written: impl FnOnce(T) -> TokenStream,
    ) -> Result<T, Rejected<T>> {
        match (invalid, shaped) {
            (false, _) => Ok(model),
            (true, true) => Err(Rejected::Invalid {
                model: Box::new(model),
                errors,
            }),
            (true, false) => {
                let mut tokens = errors;
                tokens.extend(as_written(model));
                Err(Rejected::Shapeless(tokens))
            }
        }
    }
}

/// Whether `input` has generic parameters or a where clause, which no Graph
/// type has (it is refused): its companion types and impls, which name it
/// without them, are then left out.
pub fn has_generics(input: &syn::DeriveInput) -> bool {
    !input.generics.params.is_empty() || input.generics.where_clause.is_some()
}
