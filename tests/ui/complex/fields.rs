//! Field-level misuse of #[graph_complex]: entity-only options and reserved names.
use graph_core::graph_complex;

#[graph_complex("emailAddress")]
pub struct EmailAddress {
    #[graph(read_only)]
    pub name: Option<String>,
    #[graph(required)]
    pub address: Option<String>,
    #[graph(read_only, required)]
    pub both: Option<String>,
    pub additional_data: graph_core::AdditionalData,
    #[graph(rename = "@odata.type")]
    pub kind: Option<String>,
    #[graph(rename = "name")]
    pub display_name: Option<String>,
    #[graph(required)]
    pub count: i32,
}

// `id` is an ordinary property of a complex type (e.g. `identity`), and a
// derived complex type can not declare `base` or `additional_data`.
#[graph_complex("identity")]
pub struct Identity {
    pub id: Option<String>,
    pub display_name: Option<String>,
}

#[graph_complex("userIdentity", base = "Identity")]
pub struct UserIdentity {
    pub base: Option<String>,
    pub additional_data: graph_core::AdditionalData,
}

fn main() {}
