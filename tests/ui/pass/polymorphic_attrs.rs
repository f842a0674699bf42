//! Attributes that generated bindings put on a #[graph_polymorphic] enum and
//! its variants: `#[deprecated]` (Graph deprecates types), `#[cfg]` (one
//! feature per workload) and boxed variants (clippy's `large_enum_variant`)
//! compile without a warning.
#![deny(warnings)]

use graph_core::{graph_complex, graph_entity, graph_polymorphic, Polymorphic};

#[graph_entity("directoryObject", abstract)]
#[derive(Debug, Default)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("user", base = "DirectoryObject")]
#[derive(Debug, Default)]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_entity("group", base = "DirectoryObject")]
#[derive(Debug, Default)]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_complex("keyValue")]
#[derive(Debug, Default)]
pub struct KeyValue {
    pub key: Option<String>,
}

#[graph_polymorphic]
#[derive(Debug)]
#[deprecated(note = "use `Member`")]
pub enum OldMember {
    User(User),
    #[graph(other)]
    Other(DirectoryObject),
}

#[graph_polymorphic]
#[derive(Debug)]
pub enum Member {
    User(Box<User>),
    #[deprecated(note = "groups are read as `Other`")]
    Group(Group),
    #[cfg(any())]
    Device(Device),
    #[deprecated]
    #[graph(other)]
    Other(Box<DirectoryObject>),
}

#[graph_polymorphic]
#[derive(Debug)]
pub enum Setting {
    #[cfg(all())]
    KeyValue(KeyValue),
    #[cfg(any())]
    #[graph(other)]
    Other(NotCompiled),
}

fn main() {
    let member: Member = graph_core::from_json(br##"{"@odata.type":"#microsoft.graph.user"}"##).unwrap();
    assert_eq!(member.odata_type(), "#microsoft.graph.user");
    let setting = Setting::from(KeyValue::default());
    assert_eq!(
        graph_core::to_json(&setting).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.keyValue"}"##
    );
    #[allow(deprecated)]
    let old = OldMember::from(User::default());
    assert_eq!(old.odata_type(), "#microsoft.graph.user");
}
