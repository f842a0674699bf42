use graph_core::graph_entity;

#[graph_entity("user")]
pub struct User {
    pub id: Option<String>,
    pub display_name: Option<String>,
    pub additional_data: graph_core::AdditionalData,
}

#[graph_entity("group")]
pub struct Group {
    #[graph(rename = "id")]
    pub group_id: Option<String>,
    #[graph(rename = "@odata.type")]
    pub kind: Option<String>,
}

fn main() {}
