//! Misuse of #[graph_polymorphic] that the macro itself reports.
use graph_core::{graph_entity, graph_polymorphic};

#[graph_entity("deviceConfiguration")]
pub struct DeviceConfiguration {
    pub display_name: Option<String>,
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
pub struct Windows10GeneralConfiguration {
    pub password_required: Option<bool>,
}

#[graph_entity("iosGeneralDeviceConfiguration", base = "DeviceConfiguration")]
pub struct IosGeneralDeviceConfiguration {
    pub passcode_required: Option<bool>,
}

#[graph_polymorphic]
pub struct NotAnEnum {
    pub config: DeviceConfiguration,
}

#[graph_polymorphic]
pub union NotAnEnumEither {
    a: u32,
}

#[graph_polymorphic]
pub enum Generic<T> {
    Windows10(Windows10GeneralConfiguration),
    Extra(T),
}

#[graph_polymorphic]
pub enum Shapes {
    Unit,
    Two(Windows10GeneralConfiguration, IosGeneralDeviceConfiguration),
    Named { config: IosGeneralDeviceConfiguration },
    Windows10(Windows10GeneralConfiguration),
    Windows(Windows10GeneralConfiguration),
    #[graph(other)]
    Other(DeviceConfiguration),
    #[graph(other)]
    Unknown(DeviceConfiguration),
}

#[graph_polymorphic("deviceConfiguration")]
pub enum WithName {
    Windows10(Windows10GeneralConfiguration),
}

#[graph_polymorphic(crate = "not a path", abstract)]
pub enum WithOptions {
    Windows10(Windows10GeneralConfiguration),
}

#[graph_polymorphic]
pub enum VariantOptions {
    #[graph(rename = "windows10")]
    Windows10(Windows10GeneralConfiguration),
    #[graph(read_only)]
    Ios(IosGeneralDeviceConfiguration),
    #[graph(other, other)]
    Other(DeviceConfiguration),
}

#[graph_polymorphic]
pub enum Empty {}

// The enums are still emitted, so code using them reports nothing more.
pub fn uses_them(value: Shapes) -> Option<Windows10GeneralConfiguration> {
    match value {
        Shapes::Windows10(config) => Some(config),
        _ => None,
    }
}

fn main() {}
