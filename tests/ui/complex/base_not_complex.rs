//! A complex type derives from a complex type, and an entity from an entity.
use graph_core::{graph_complex, graph_entity};

#[graph_entity("directoryObject")]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_complex("identity")]
pub struct Identity {
    pub display_name: Option<String>,
}

pub struct PlainStruct {
    pub name: Option<String>,
}

// A complex type whose base is an entity.
#[graph_complex("userIdentity", base = "DirectoryObject")]
pub struct UserIdentity {
    pub user_principal_name: Option<String>,
}

// A complex type whose base is not a Graph type at all.
#[graph_complex("emailIdentity", base = "PlainStruct")]
pub struct EmailIdentity {
    pub email: Option<String>,
}

// An entity whose base is a complex type.
#[graph_entity("user", base = "Identity")]
pub struct User {
    pub mail: Option<String>,
}

fn main() {}
