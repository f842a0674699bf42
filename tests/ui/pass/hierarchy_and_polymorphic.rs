//! A realistic use of base types: an entity hierarchy three levels below
//! `entity` (deviceConfiguration -> windows10GeneralConfiguration ->
//! windows10CustomConfiguration; the last link is made up for the test),
//! derived complex types, and #[graph_polymorphic] values read from a
//! collection response.
use graph_core::{
    graph_complex, graph_endpoint, graph_entity, graph_enum, graph_polymorphic, Collection,
    DateTimeOffset, Derived, Entity, ODataType, Patch, Polymorphic,
};

#[graph_enum("deviceComplianceActionType")]
#[derive(Debug, Clone, PartialEq)]
pub enum ActionType {
    NoAction,
    Notification,
    Block,
    #[graph(other)]
    Other(String),
}

#[graph_complex("omaSetting", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OmaSetting {
    pub display_name: Option<String>,
    pub oma_uri: Option<String>,
}

#[graph_complex("omaSettingInteger", base = "OmaSetting")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OmaSettingInteger {
    pub value: Option<i32>,
}

#[graph_complex("omaSettingString", base = "OmaSetting")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OmaSettingString {
    pub value: Option<String>,
}

/// A polymorphic complex value without a fallback: an unknown type is an error.
#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyOmaSetting {
    Integer(OmaSettingInteger),
    String(OmaSettingString),
}

#[graph_complex("keyValue", write_type)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyValue {
    pub key: Option<String>,
    pub value: Option<String>,
}

#[graph_entity("deviceConfiguration", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeviceConfiguration {
    #[graph(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    #[graph(required)]
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub version: Option<i32>,
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Windows10GeneralConfiguration {
    pub password_required: Option<bool>,
    pub action: Option<ActionType>,
}

#[graph_entity("windows10CustomConfiguration", base = "Windows10GeneralConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Windows10CustomConfiguration {
    pub oma_settings: Option<Vec<AnyOmaSetting>>,
    pub tags: Option<Vec<KeyValue>>,
}

#[graph_entity("iosGeneralDeviceConfiguration", base = "DeviceConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IosGeneralDeviceConfiguration {
    pub passcode_required: Option<bool>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyDeviceConfiguration {
    // The most derived type first is not required: dispatch is by exact type.
    Windows10(Windows10GeneralConfiguration),
    Windows10Custom(Windows10CustomConfiguration),
    Ios(IosGeneralDeviceConfiguration),
    #[graph(other)]
    Other(DeviceConfiguration),
}

graph_endpoint! {
    /// List deviceConfigurations.
    pub ListDeviceConfigurations {
        method: GET,
        path: "/deviceManagement/deviceConfigurations",
        response: Collection<AnyDeviceConfiguration>,
    }

    /// Create a windows10CustomConfiguration.
    pub CreateWindows10CustomConfiguration {
        method: POST,
        path: "/deviceManagement/deviceConfigurations",
        body: Windows10CustomConfigurationCreate,
        response: AnyDeviceConfiguration,
    }

    /// Update a windows10CustomConfiguration.
    pub UpdateWindows10CustomConfiguration {
        method: PATCH,
        path: "/deviceManagement/deviceConfigurations/{deviceConfigurationId}",
        body: Windows10CustomConfigurationUpdate,
    }
}

const PAGE: &str = r##"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceConfigurations",
    "value": [
        {
            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
            "id": "a1",
            "displayName": "Custom",
            "version": 7,
            "passwordRequired": true,
            "action": "block",
            "omaSettings": [
                {"@odata.type": "#microsoft.graph.omaSettingInteger", "displayName": "n", "omaUri": "./a", "value": 3},
                {"@odata.type": "microsoft.graph.omaSettingString", "displayName": "s", "omaUri": "./b", "value": "x"}
            ],
            "tags": [{"@odata.type": "#microsoft.graph.keyValue", "key": "k", "value": "v"}]
        },
        {"@odata.type": "#microsoft.graph.iosGeneralDeviceConfiguration", "id": "b2", "passcodeRequired": false},
        {"@odata.type": "#microsoft.graph.androidGeneralDeviceConfiguration", "id": "c3", "displayName": "Android", "cameraBlocked": true}
    ]
}"##;

fn main() {
    let page: Collection<AnyDeviceConfiguration> = graph_core::from_json(PAGE.as_bytes()).unwrap();
    assert_eq!(page.value.len(), 3);

    let AnyDeviceConfiguration::Windows10Custom(custom) = &page.value[0] else {
        panic!("{:?}", page.value[0]);
    };
    // Three levels: `id` from `entity`, `display_name` from
    // `deviceConfiguration`, `password_required` from the middle type.
    assert_eq!(custom.id(), Some("a1"));
    assert_eq!(custom.id.as_deref(), Some("a1"));
    assert_eq!(custom.display_name.as_deref(), Some("Custom"));
    assert_eq!(custom.password_required, Some(true));
    assert_eq!(custom.action, Some(ActionType::Block));
    assert_eq!(custom.base().base().version, Some(7));
    let settings = custom.oma_settings.as_ref().unwrap();
    match &settings[0] {
        AnyOmaSetting::Integer(setting) => {
            assert_eq!(setting.value, Some(3));
            assert_eq!(setting.oma_uri.as_deref(), Some("./a"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&settings[1], AnyOmaSetting::String(s) if s.value.as_deref() == Some("x")));

    // The fallback keeps the type it was read with, and what it does not declare.
    let AnyDeviceConfiguration::Other(android) = &page.value[2] else {
        panic!("{:?}", page.value[2]);
    };
    assert_eq!(page.value[2].odata_type(), "#microsoft.graph.androidGeneralDeviceConfiguration");
    assert!(android.additional_data.contains_key("cameraBlocked"));
    let written = String::from_utf8(graph_core::to_json(&page.value[2]).unwrap()).unwrap();
    assert!(written.contains("androidGeneralDeviceConfiguration"), "{written}");

    // An unknown type where there is no fallback is an error.
    let unknown = br##"{"@odata.type": "#microsoft.graph.omaSettingBoolean", "value": true}"##;
    assert!(graph_core::from_json::<AnyOmaSetting>(unknown).is_err());

    // Create and update types compose through the hierarchy too.
    let mut create = Windows10CustomConfigurationCreate::default();
    create.base.base.display_name = "Custom".to_owned();
    create.oma_settings = Some(vec![AnyOmaSetting::from(OmaSettingInteger {
        value: Some(1),
        ..Default::default()
    })]);
    let body = String::from_utf8(graph_core::to_json(&create).unwrap()).unwrap();
    assert!(
        body.starts_with(r##"{"@odata.type":"#microsoft.graph.windows10CustomConfiguration","displayName":"Custom""##),
        "{body}"
    );
    let _ = CreateWindows10CustomConfiguration::new(create);

    let mut update = Windows10CustomConfigurationUpdate::default();
    update.base.base.description = Patch::Clear;
    update.tags = Patch::Set(vec![KeyValue::default()]);
    let _ = UpdateWindows10CustomConfiguration::new("a1".to_owned(), update);
    let _ = ListDeviceConfigurations::new();

    assert_eq!(
        <Windows10CustomConfiguration as ODataType>::ODATA_TYPE,
        "#microsoft.graph.windows10CustomConfiguration"
    );
    fn is_entity<T: Entity>() {}
    is_entity::<Windows10CustomConfiguration>();
    fn is_complex<T: graph_core::ComplexType + Derived>() {}
    is_complex::<OmaSettingString>();
}
