//! A mistake in an entity is reported once, at its cause: the struct (with
//! the fields the macro adds), its create and update types and its trait
//! impls are still generated, so the code below, which uses them, reports
//! nothing more. Each struct and enum has one mistake; the polymorphic enum
//! holds two that have one.
use graph_core::{
    graph_complex, graph_entity, graph_polymorphic, Entity, ODataType, Patch, Polymorphic,
};

#[graph_entity("user", creat = "NewUser")]
#[derive(Debug, Clone)]
pub struct User {
    pub display_name: Option<String>,
    #[graph(read_only)]
    pub created: Option<String>,
    #[graph(required)]
    pub mail: Option<String>,
    pub address: Option<EmailAddress>,
}

#[graph_complex("emailAddress")]
#[derive(Debug, Clone)]
pub struct EmailAddress {
    #[graph(read_only)]
    pub address: Option<String>,
}

// Told to remove `id`: the struct gets the macro's, declared once.
#[graph_entity("directoryObject")]
pub struct DirectoryObject {
    pub id: Option<String>,
    pub deleted: Option<String>,
}

#[graph_polymorphic]
pub enum AnyDirectoryObject {
    Group(Group),
    Team(Group),
    #[graph(other)]
    Other(DirectoryObject),
}

#[graph_entity("group", base = "DirectoryObject")]
pub struct Group {
    #[graph(rename = "")]
    pub display_name: Option<String>,
}

pub fn create() -> UserCreate {
    UserCreate {
        display_name: None,
        mail: "a@example.com".to_owned(),
        address: None,
        additional_data: Default::default(),
    }
}

pub fn update() -> UserUpdate {
    UserUpdate {
        display_name: Patch::Clear,
        ..Default::default()
    }
}

pub fn group_update() -> GroupUpdate {
    GroupUpdate {
        display_name: Patch::Set("team".to_owned()),
        ..Default::default()
    }
}

fn is_entity<E: Entity>() -> &'static str {
    E::ODATA_TYPE
}

pub fn uses(user: &User, group: &Group, any: &AnyDirectoryObject) -> Vec<u8> {
    let _ = (user.id.as_deref(), Entity::id(user), &user.additional_data);
    let _ = (group.deleted.as_deref(), Entity::id(group), group.id.as_deref());
    let _ = (is_entity::<User>(), is_entity::<Group>(), any.odata_type());
    let _ = <EmailAddress as ODataType>::ODATA_TYPE;
    let _: AnyDirectoryObject = group_of(DirectoryObject::default_for_test()).into();
    let _: User = graph_core::from_json(b"{}").unwrap();
    let _: GroupCreate = graph_core::from_json(b"{}").unwrap();
    let _: Vec<AnyDirectoryObject> = graph_core::from_json(b"[]").unwrap();
    let value = (user, &user.address, any, create(), update(), group_update());
    graph_core::to_json(&value).unwrap()
}

fn group_of(base: DirectoryObject) -> Group {
    Group {
        base,
        display_name: None,
    }
}

impl DirectoryObject {
    fn default_for_test() -> Self {
        DirectoryObject {
            id: None,
            deleted: None,
            additional_data: Default::default(),
        }
    }
}

fn main() {}
