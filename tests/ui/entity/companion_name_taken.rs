//! A type that already has the name of an entity's create or update type:
//! besides rustc's "defined multiple times", the error says how to name the
//! generated type otherwise (`create = "..."`, `update = "..."`).
use graph_core::graph_entity;

pub struct UserCreate;

#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_entity("group")]
pub struct Group {
    pub display_name: Option<String>,
}

pub enum GroupUpdate {}

// Naming the generated types otherwise resolves it.
#[graph_entity("device", create = "NewDevice", update = "DevicePatch")]
pub struct Device {
    pub display_name: Option<String>,
}
pub struct DeviceCreate;
pub struct DeviceUpdate;

fn main() {}
