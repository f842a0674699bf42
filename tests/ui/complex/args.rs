//! Misuse of #[graph_complex]'s arguments and of the item it is given.
use graph_core::graph_complex;

#[graph_complex]
pub struct NoName {
    pub address: Option<String>,
}

// `create` and `update` are entity options: a complex type has neither.
#[graph_complex("emailAddress", create = "EmailAddressCreate", update = "EmailAddressUpdate")]
pub struct EntityOptions {
    pub address: Option<String>,
}

#[graph_complex("emailAddress", write_type, write_type, abstrakt)]
pub struct Words {
    pub address: Option<String>,
}

#[graph_complex("physicalAddress", base = "not a type")]
pub struct BadBase {
    pub street: Option<String>,
}

#[graph_complex("physicalAddress", base = "")]
pub struct EmptyBase {
    pub street: Option<String>,
}

#[graph_complex("#microsoft.graph.emailAddress", crate = "not a path")]
pub struct HashAndCrate {
    pub address: Option<String>,
}

#[graph_complex("emailAddress")]
pub enum NotAStruct {
    Address,
}

#[graph_complex("emailAddress")]
pub struct Tuple(String);

#[graph_complex("emailAddress")]
pub struct Generic<T> {
    pub address: Option<T>,
}

// The structs are still emitted, so code using them reports nothing more.
pub fn uses_them<'a>(value: &'a NoName, other: &'a Words) -> Option<&'a str> {
    other.address.as_deref().or(value.address.as_deref())
}

fn main() {}
