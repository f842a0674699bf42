//! `#[serde(...)]` on a polymorphic enum or its variants is refused: the
//! variant is chosen by the `@odata.type` of the type it holds.
use graph_core::{graph_entity, graph_polymorphic};

#[graph_entity("deviceConfiguration", abstract)]
pub struct DeviceConfiguration {
    pub display_name: Option<String>,
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
pub struct Windows10GeneralConfiguration {
    pub password_required: Option<bool>,
}

#[graph_polymorphic]
#[serde(tag = "@odata.type")]
pub enum AnyDeviceConfiguration {
    #[serde(rename = "#microsoft.graph.windows10GeneralConfiguration")]
    Windows10General(Windows10GeneralConfiguration),
    #[serde(other)]
    #[graph(other)]
    Other(DeviceConfiguration),
}

fn main() {}
