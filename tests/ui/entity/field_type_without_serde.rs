use graph_core::graph_entity;

pub struct NotSerde;

// Written but not read back: a field needs both.
#[derive(serde::Serialize)]
pub struct SerializeOnly;

#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
    pub manager: Option<NotSerde>,
    pub photo: NotSerde,
    pub sent_only: SerializeOnly,
}

fn main() {}
