//! Parsing and checking shared by the macros: the models they generate from.

mod case;
mod ctxt;
pub mod endpoint;

pub use case::{to_lower_camel, to_snake};
pub use ctxt::Ctxt;
