//! Span utilities every generator uses: where rustc points its errors about
//! generated code.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use syn::spanned::Spanned;

/// `tokens` with every span set to `span`.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut respanned = Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                tree = respanned.into();
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// A span at `node`, with call-site hygiene: errors point at what the user
/// wrote, and generated locals stay visible when the item comes from a
/// `macro_rules!` expansion.
pub fn at_user(node: &impl Spanned) -> Span {
    Span::call_site().located_at(node.span())
}
