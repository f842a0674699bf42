//! Two variants whose types have one Graph name: every object of that name
//! would be read as the first, so the second is refused, at its type.
use graph_core::{graph_complex, graph_entity, graph_polymorphic};

#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
    pub mail: Option<String>,
}

/// A lighter struct for the same Graph type.
#[graph_entity("user")]
pub struct UserSlim {
    pub display_name: Option<String>,
}

#[graph_entity("group")]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_polymorphic]
pub enum Member {
    Full(User),
    Group(Group),
    Slim(UserSlim),
}

// Boxed, or as the fallback, the type is no less the same.
#[graph_polymorphic]
pub enum BoxedMember {
    Full(Box<User>),
    #[graph(other)]
    Other(Box<UserSlim>),
}

#[graph_complex("keyValue")]
pub struct KeyValue {
    pub key: Option<String>,
}

#[graph_complex("keyValue", write_type)]
pub struct TypedKeyValue {
    pub key: Option<String>,
}

#[graph_polymorphic]
pub enum Pair {
    Plain(KeyValue),
    Typed(TypedKeyValue),
}

// A variant compiled out holds nothing.
#[graph_polymorphic]
pub enum Configured {
    Full(User),
    #[cfg(any())]
    Slim(UserSlim),
}

fn main() {}
