//! Default wire names are the inverse of how a user transcribes Graph's
//! names: a field spelled as Graph spells it keeps that spelling, and an
//! enum variant lowers only its first letter, so `IOS` is `iOS` and `MacOS`
//! is `macOS`. Wrong names used to fail silently: the value
//! landed in `additional_data` or `Other`.

use graph_core::{from_json, graph_complex, graph_entity, graph_enum, to_json, GraphEnum, Patch};
use serde_json::{json, Value};

/// `devicePlatformType`, as Graph's metadata lists it.
#[graph_enum("devicePlatformType")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DevicePlatformType {
    Android,
    AndroidForWork,
    IOS,
    MacOS,
    WindowsPhone81,
    Windows81AndLater,
    Windows10AndLater,
    AndroidWorkProfile,
    Unknown,
}

#[graph_entity("managedDevice")]
#[derive(Debug, Clone, PartialEq, Default)]
#[allow(non_snake_case)]
pub struct ManagedDevice {
    pub device_name: Option<String>,
    /// Graph's spelling, which `lowerCamel` of any snake_case name misses.
    pub azureADDeviceId: Option<String>,
    pub azureADRegistered: Option<bool>,
    pub platform: Option<DevicePlatformType>,
}

#[graph_complex("deviceInfo")]
#[derive(Debug, Clone, PartialEq, Default)]
#[allow(non_snake_case)]
pub struct DeviceInfo {
    pub iOSVersion: Option<String>,
    pub sha256_hash: Option<String>,
}

fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::from_slice(&to_json(value).unwrap()).unwrap()
}

#[test]
fn variants_lower_only_their_first_letter() {
    assert_eq!(DevicePlatformType::IOS.as_str(), "iOS");
    assert_eq!(DevicePlatformType::MacOS.as_str(), "macOS");
    assert_eq!(
        DevicePlatformType::AndroidForWork.as_str(),
        "androidForWork"
    );
    assert_eq!(
        DevicePlatformType::Windows81AndLater.as_str(),
        "windows81AndLater"
    );
    assert_eq!(
        DevicePlatformType::MEMBERS,
        [
            "android",
            "androidForWork",
            "iOS",
            "macOS",
            "windowsPhone81",
            "windows81AndLater",
            "windows10AndLater",
            "androidWorkProfile",
            "unknown",
        ]
    );
    for member in DevicePlatformType::MEMBERS {
        let read: DevicePlatformType = from_json(format!("\"{member}\"").as_bytes()).unwrap();
        assert_eq!(read.as_str(), *member);
    }
}

#[test]
fn graph_spelled_fields_and_members_read_and_write() {
    let body = json!({
        "id": "0b2e8a9c",
        "deviceName": "Adele's iPhone",
        "azureADDeviceId": "6f2f9a5e-98e0-4b43-a33a-9b3c4e1d3f5a",
        "azureADRegistered": true,
        "platform": "iOS",
    });
    let device: ManagedDevice = from_json(body.to_string().as_bytes()).unwrap();
    assert_eq!(
        device.azureADDeviceId.as_deref(),
        Some("6f2f9a5e-98e0-4b43-a33a-9b3c4e1d3f5a")
    );
    assert_eq!(device.azureADRegistered, Some(true));
    assert_eq!(device.platform, Some(DevicePlatformType::IOS));
    assert!(
        device.additional_data.is_empty(),
        "{:?}",
        device.additional_data
    );

    // Written back as read (without an `@odata.type`, as it came).
    assert_eq!(json_of(&device), body);

    let mac: ManagedDevice = from_json(br#"{"platform": "macOS"}"#).unwrap();
    assert_eq!(mac.platform, Some(DevicePlatformType::MacOS));
}

#[test]
fn create_and_update_types_use_the_same_names() {
    let create = ManagedDeviceCreate {
        azureADDeviceId: Some("6f2f9a5e".into()),
        platform: Some(DevicePlatformType::MacOS),
        ..Default::default()
    };
    assert_eq!(
        json_of(&create),
        json!({
            "@odata.type": "#microsoft.graph.managedDevice",
            "azureADDeviceId": "6f2f9a5e",
            "platform": "macOS",
        })
    );
    let update = ManagedDeviceUpdate {
        azureADDeviceId: Patch::Clear,
        platform: Patch::Set(DevicePlatformType::IOS),
        ..Default::default()
    };
    assert_eq!(
        json_of(&update),
        json!({
            "@odata.type": "#microsoft.graph.managedDevice",
            "azureADDeviceId": null,
            "platform": "iOS",
        })
    );
}

#[test]
fn complex_fields_keep_graph_spelling_next_to_snake_case_ones() {
    let info: DeviceInfo =
        from_json(br#"{"iOSVersion": "17.4", "sha256Hash": "9f86d081"}"#).unwrap();
    assert_eq!(info.iOSVersion.as_deref(), Some("17.4"));
    assert_eq!(info.sha256_hash.as_deref(), Some("9f86d081"));
    assert!(
        info.additional_data.is_empty(),
        "{:?}",
        info.additional_data
    );
    assert_eq!(
        json_of(&info),
        json!({"iOSVersion": "17.4", "sha256Hash": "9f86d081"})
    );
}
