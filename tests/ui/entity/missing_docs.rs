//! `missing_docs` names each undocumented field once, at the user's field,
//! however many generated types (create, update) repeat it.
#![deny(missing_docs)]

use graph_core::{graph_complex, graph_entity};

/// A documented entity.
#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
    /// Documented.
    pub given_name: Option<String>,
    #[graph(required)]
    pub mail: Option<String>,
}

/// A documented derived entity.
#[graph_entity("manager", base = "User")]
pub struct Manager {
    pub reports: Option<i32>,
}

/// A documented complex type.
#[graph_complex("address")]
pub struct Address {
    pub city: Option<String>,
}

#[graph_entity("undocumented")]
pub struct Undocumented {
    /// Documented.
    pub name: Option<String>,
}

fn main() {}
