//! The redeclared-property check quotes the Graph name as written, braces
//! and all (it once pasted the name into a format string).
use graph_core::graph_entity;

#[graph_entity("base")]
pub struct Base {
    #[graph(rename = "{0}")]
    pub positional: Option<String>,
}

#[graph_entity("derived", base = "Base")]
pub struct Derived {
    #[graph(rename = "{0}")]
    pub again: Option<String>,
    #[graph(rename = "a{b}c")]
    pub braced: Option<String>,
}

fn main() {}
