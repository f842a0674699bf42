//! The base of an entity must be a #[graph_entity] struct that exists.
use graph_core::{graph_entity, graph_enum};

pub struct PlainStruct {
    pub deleted_date_time: Option<String>,
}

#[graph_enum("userType")]
pub enum UserType {
    Member,
    Guest,
}

#[graph_entity("user", base = "PlainStruct")]
pub struct User {
    pub display_name: Option<String>,
    pub mail: Option<String>,
}

#[graph_entity("guest", base = "UserType")]
pub struct Guest {
    pub display_name: Option<String>,
}

#[graph_entity("group", base = "String")]
pub struct Group {
    pub display_name: Option<String>,
}

// A typo in the base's name.
#[graph_entity("device", base = "DirectoryObjekt")]
pub struct Device {
    pub display_name: Option<String>,
}

fn main() {}
