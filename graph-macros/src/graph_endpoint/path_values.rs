//! The body of `Endpoint::path` and the docs of the parameter fields, for
//! each kind of parameter.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::internals::endpoint::{Param, ParamKind};

pub fn field_doc(param: &Param) -> String {
    let name = &param.name;
    match param.kind {
        ParamKind::Segment => format!(" The `{{{name}}}` path parameter."),
        ParamKind::Segments => {
            format!(" The `{{+{name}}}` path parameter: one or more segments separated by `/`.")
        }
        ParamKind::Function => format!(" The `{name}` function parameter."),
    }
}

/// `expand_path` when every parameter is one segment (most endpoints),
/// `path_template::expand` otherwise.
pub fn path_fn(params: &[Param], krate: &TokenStream) -> TokenStream {
    if params.iter().all(|param| param.kind == ParamKind::Segment) {
        let fields = params.iter().map(|param| &param.field);
        return quote!(#krate::endpoint::expand_path(Self::PATH_TEMPLATE, &[#(&self.#fields),*]));
    }
    let value = quote!(#krate::path_template::PathValue);
    let values = params.iter().map(|param| {
        let field = &param.field;
        match (&param.kind, &param.ty) {
            (ParamKind::Segment, _) => quote!(#value::Segment(&self.#field)),
            (ParamKind::Segments, _) => quote!(#value::Segments(&self.#field)),
            // A type without `UrlLiteral` is reported at the type as written.
            (ParamKind::Function, ty) => {
                let span = ty.as_ref().map_or_else(Span::call_site, |ty| {
                    Span::call_site().located_at(ty.span())
                });
                // The field too: a span joined from the path to the type
                // would underline both.
                let mut field = field.clone();
                field.set_span(span);
                quote_spanned!(span=> #value::Literal(&self.#field))
            }
        }
    });
    quote!(#krate::path_template::expand(Self::PATH_TEMPLATE, &[#(#values),*]))
}
