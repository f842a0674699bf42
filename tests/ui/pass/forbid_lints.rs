//! A crate that forbids `deprecated`, `missing_docs` and all warnings
//! compiles: where nothing is deprecated, the generated code allows no lint
//! (`forbid` refuses any `allow`), and it documents what it adds.
#![forbid(deprecated, missing_docs, warnings)]

use graph_core::{graph_complex, graph_endpoint, graph_entity, graph_enum, graph_polymorphic};

/// A user.
#[graph_entity("user")]
pub struct User {
    /// The name.
    #[graph(required)]
    pub name: Option<String>,
}

/// A base.
#[graph_complex("base")]
pub struct Base {
    /// A property.
    pub x: Option<String>,
}

/// A derived complex type.
#[graph_complex("derived", base = "Base")]
pub struct Derived {
    /// A property.
    pub name: Option<String>,
}

/// Any derived complex type.
#[graph_polymorphic]
pub enum AnyBase {
    /// The derived one.
    Derived(Derived),
    /// Any other.
    #[graph(other)]
    Other(Base),
}

/// A kind.
#[graph_enum]
pub enum Kind {
    /// The one.
    One,
}

graph_endpoint! {
    /// Reads a user.
    pub GetUser {
        method: GET,
        path: "/users/{userId}",
        response: User,
    }
}

fn main() {}
