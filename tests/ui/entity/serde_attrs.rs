//! The macros implement `Serialize` and `Deserialize` themselves: serde's
//! attributes would never be read, and serde's derives would conflict with
//! the generated impls (once per generated type). Each is refused with what
//! to write instead, and no hint to add a serde derive.
use graph_core::{graph_complex, graph_entity};
use serde::Deserialize;

#[graph_entity("user")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[derive(Debug, serde::Serialize, Deserialize)]
pub struct User {
    #[serde(rename = "mail")]
    pub email: Option<String>,
    #[serde(default)]
    pub display_name: String,
    #[serde(skip_serializing_if = "Option::is_none", alias = "surName")]
    pub surname: Option<String>,
    #[serde]
    pub given_name: Option<String>,
    #[cfg_attr(all(), serde(rename = "jobTitle"))]
    pub job: Option<String>,
}

#[graph_complex("emailAddress")]
#[derive(Deserialize)]
#[serde(rename = "email")]
#[cfg_attr(all(), serde(deny_unknown_fields))]
pub struct EmailAddress {
    #[serde(flatten)]
    pub address: Option<String>,
}

fn main() {}
