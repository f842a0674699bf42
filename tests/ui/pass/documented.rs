//! Under `#![deny(missing_docs)]`, fully documented items compile: the
//! generated types, fields and methods bring their own docs.
#![deny(missing_docs)]

use graph_core::{graph_complex, graph_endpoint, graph_entity, graph_enum};

/// A user.
#[graph_entity("user")]
pub struct User {
    /// The name.
    #[graph(required)]
    pub display_name: Option<String>,
    /// Set by the service.
    #[graph(read_only)]
    pub created: Option<String>,
}

/// A manager.
#[graph_entity("manager", base = "User")]
pub struct Manager {
    /// How many report to them.
    pub reports: Option<i32>,
}

/// An address.
#[graph_complex("address")]
pub struct Address {
    /// The city.
    pub city: Option<String>,
}

/// A street address.
#[graph_complex("streetAddress", base = "Address")]
pub struct StreetAddress {
    /// The street.
    pub street: Option<String>,
}

/// A kind.
#[graph_enum("kind", flags)]
pub enum Kind {
    /// One.
    One,
    /// Anything newer.
    #[graph(other)]
    Other(String),
}

graph_endpoint! {
    /// Reads a manager.
    pub GetManager {
        method: GET,
        path: "/managers/{managerId}",
        response: Manager,
    }
    /// Creates a user.
    pub CreateUser {
        method: POST,
        path: "/users",
        body: UserCreate,
        response: User,
    }
    /// Lists users.
    pub ListUsers {
        method: GET,
        path: "/users",
        response: graph_core::Collection<User>,
    }
}

fn main() {}
