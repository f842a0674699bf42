//! Parsing and checking shared by the macros: the models they generate from.

mod args;
pub mod attrs;
mod case;
mod ctxt;
pub mod endpoint;
pub mod enumeration;
mod graph_attr;
pub mod graph_struct;
pub mod polymorphic;
mod rejected;
mod types;

pub use case::{member_name, property_name, to_lower_camel, to_snake};
pub use ctxt::Ctxt;
pub use rejected::{has_generics, Rejected};
