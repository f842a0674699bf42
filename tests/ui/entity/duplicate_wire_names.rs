use graph_core::graph_entity;

#[graph_entity("user")]
pub struct User {
    pub display_name: Option<String>,
    #[graph(rename = "displayName")]
    pub name: Option<String>,
    #[graph(rename = "")]
    pub nothing: Option<String>,
}

fn main() {}
