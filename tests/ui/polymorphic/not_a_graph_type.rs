//! Each variant of a #[graph_polymorphic] enum holds a #[graph_entity] or
//! #[graph_complex] struct.
use graph_core::{graph_entity, graph_enum, graph_polymorphic};

#[graph_entity("deviceConfiguration")]
pub struct DeviceConfiguration {
    pub display_name: Option<String>,
}

#[graph_enum("deviceType")]
pub enum DeviceType {
    Windows,
    Ios,
}

pub struct PlainStruct {
    pub display_name: Option<String>,
}

#[graph_polymorphic]
pub enum AnyConfig {
    Plain(PlainStruct),
    Text(String),
    Kind(DeviceType),
    #[graph(other)]
    Other(DeviceConfiguration),
}

#[graph_polymorphic]
pub enum PlainFallback {
    Config(DeviceConfiguration),
    #[graph(other)]
    Other(PlainStruct),
}

// The same type, written two ways: the macro compares the tokens, so the
// compiler finds this one.
pub type Config = DeviceConfiguration;

#[graph_polymorphic]
pub enum SameTypeTwice {
    Config(crate::DeviceConfiguration),
    Alias(Config),
}

fn main() {}
