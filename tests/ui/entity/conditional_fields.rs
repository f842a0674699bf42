//! Fields and members under `#[cfg]` are checked where they exist together;
//! a `#[graph(...)]` option cannot be conditional.
use graph_core::{graph_entity, graph_enum};

#[graph_entity("device")]
pub struct Device {
    #[cfg(all())]
    pub model: Option<String>,
    /// Both exist whenever `Device` compiles: the collision is reported.
    #[cfg(not(any()))]
    #[graph(rename = "model")]
    pub model_name: Option<String>,
    /// Never exists alongside `model`: no error.
    #[cfg(any())]
    #[graph(rename = "model")]
    pub old_model: Option<String>,
    #[cfg_attr(all(), graph(rename = "serial"))]
    pub serial_number: Option<String>,
}

#[graph_enum("deviceKind")]
pub enum DeviceKind {
    Phone,
    #[cfg(all())]
    #[graph(rename = "phone")]
    Mobile,
    #[cfg_attr(any(), cfg_attr(all(), graph(rename = "pad")))]
    Tablet,
}

fn main() {}
