//! Procedural macros for [`graph-core`](https://docs.rs/graph-core); use them
//! through `graph_core`, which re-exports them and provides everything the
//! generated code needs.
//!
//! Each macro parses its input into a model (`internals`), checks it while
//! collecting every problem with its span (`internals::Ctxt`), and only then
//! generates code (one file per macro). After a problem, the macro still
//! generates what the item's shape allows (`expansion`), so that each mistake
//! is reported once, at its cause.

mod endpoint_body;
mod expansion;
mod graph_complex;
mod graph_endpoint;
mod graph_entity;
mod graph_enum;
mod graph_polymorphic;
mod internals;
mod object;
mod tokens;

use proc_macro::TokenStream;

/// Turns a struct with named fields into a Microsoft Graph entity type.
///
/// See `graph_core::graph_entity` for the full documentation.
#[proc_macro_attribute]
pub fn graph_entity(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_entity::expand(args.into(), item.into()).into()
}

/// Turns a struct with named fields into a Microsoft Graph complex type.
///
/// See `graph_core::graph_complex` for the full documentation.
#[proc_macro_attribute]
pub fn graph_complex(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_complex::expand(args.into(), item.into()).into()
}

/// Turns an enum with one variant per Graph type into a value read by its
/// `@odata.type`.
///
/// See `graph_core::graph_polymorphic` for the full documentation.
#[proc_macro_attribute]
pub fn graph_polymorphic(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_polymorphic::expand(args.into(), item.into()).into()
}

/// Turns a fieldless enum into a Microsoft Graph enumeration.
///
/// See `graph_core::graph_enum` for the full documentation.
#[proc_macro_attribute]
pub fn graph_enum(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_enum::expand(args.into(), item.into()).into()
}

/// Declares Microsoft Graph endpoints whose paths are checked at compile time.
///
/// See `graph_core::graph_endpoint` for the full documentation.
#[proc_macro]
pub fn graph_endpoint(input: TokenStream) -> TokenStream {
    graph_endpoint::expand(input.into()).into()
}

#[cfg(test)]
mod generated_code;
#[cfg(test)]
mod never_panics;
