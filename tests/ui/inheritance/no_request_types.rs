//! `no_request_types`: a derived type with create and update types under a
//! base without them is reported at `base = "..."` with the fix; naming a
//! request type that the entity says it has not is reported at the name.
use graph_core::graph_entity;

#[graph_entity("directoryObject", no_request_types)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("user", base = "DirectoryObject")]
pub struct User {
    pub display_name: Option<String>,
}

// Fine: neither has request types.
#[graph_entity("group", base = "DirectoryObject", no_request_types)]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_entity("device", create = "NewDevice", update = "DevicePatch", no_request_types)]
pub struct Device {
    pub display_name: Option<String>,
}

fn main() {}
