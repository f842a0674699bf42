//! `#[serde(...)]` on a Graph enumeration or its members is refused with the
//! `#[graph(...)]` way to say it.
use graph_core::graph_enum;

#[graph_enum]
#[serde(rename = "complianceStatus", rename_all = "camelCase")]
#[derive(serde::Serialize)]
pub enum ComplianceStatus {
    Unknown,
    #[serde(rename = "notApplicable")]
    NA,
    #[serde(other)]
    #[graph(other)]
    Other(String),
}

fn main() {}
