use graph_core::graph_entity;

#[graph_entity("user")]
pub enum User {
    Active,
}

#[graph_entity("user")]
pub struct Tuple(String);

#[graph_entity("user")]
pub struct Unit;

#[graph_entity("user")]
pub union Union {
    a: u32,
}

#[graph_entity("user")]
pub struct Generic<T> {
    pub value: Option<T>,
}

#[graph_entity("user")]
pub fn not_a_type() {}

fn main() {}
