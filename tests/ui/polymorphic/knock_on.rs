//! A mistake in a polymorphic enum is reported once, at its cause: its trait
//! impls are still generated, so the code below, which uses them, reports
//! nothing more.
use graph_core::{graph_entity, graph_polymorphic, Polymorphic};

#[graph_entity("directoryObject")]
pub struct DirectoryObject {
    pub deleted: Option<String>,
}

#[graph_entity("user", base = "DirectoryObject")]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_polymorphic]
pub enum AnyDirectoryObject {
    User(User),
    Member(User),
    #[graph(other)]
    Other(DirectoryObject),
}

pub fn uses(user: User) -> AnyDirectoryObject {
    let any = AnyDirectoryObject::from(user);
    let _ = (any.odata_type(), graph_core::to_json(&any).unwrap());
    let _: Vec<AnyDirectoryObject> = graph_core::from_json(b"[]").unwrap();
    any
}

fn main() {}
