use graph_core::graph_entity;

pub struct NotSerde;

#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
    pub manager: Option<NotSerde>,
    pub photo: NotSerde,
}

fn main() {}
