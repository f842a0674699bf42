//! What a derived entity may not declare itself, and a `base` that is not a type.
use graph_core::graph_entity;

#[graph_entity("directoryObject")]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("user", base = "DirectoryObject")]
pub struct User {
    pub id: Option<String>,
    pub base: Option<String>,
    pub additional_data: graph_core::AdditionalData,
    #[graph(rename = "id")]
    pub user_id: Option<String>,
    pub display_name: Option<String>,
}

#[graph_entity("group", base = "not a type")]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_entity("device", base = "")]
pub struct Device {
    pub display_name: Option<String>,
}

#[graph_entity("contact", base = DirectoryObject)]
pub struct Contact {
    pub display_name: Option<String>,
}

#[graph_entity("application", base = "DirectoryObject", base = "DirectoryObject", abstract, abstract)]
pub struct Application {
    pub app_id: Option<String>,
}

// The structs are still emitted, so code using them reports nothing more.
pub fn uses_them<'a>(user: &'a User, group: &'a Group) -> Option<&'a str> {
    user.display_name.as_deref().or(group.display_name.as_deref())
}

fn main() {}
