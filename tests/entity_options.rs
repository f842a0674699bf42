//! Property names, `#[graph(...)]` field options and `#[graph_entity]` arguments.

use graph_core::{from_json, graph_entity, Entity, ODataType};
use serde_json::{json, Value};

#[graph_entity("iosMobileAppConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IosMobileAppConfiguration {
    pub r#type: Option<String>,
    pub sha256_hash: Option<String>,
    #[graph(rename = "iOSVersion")]
    pub ios_version: Option<String>,
    pub scope_tag_ids: Option<Vec<u16>>,
    /// Set by the service; never sent when creating.
    #[graph(read_only)]
    pub created_date_time: Option<String>,
    #[graph(required)]
    pub display_name: Option<String>,
    pub version: i32,
    pub targeted_mobile_apps: Option<Vec<String>>,
}

#[test]
fn snake_case_fields_map_to_graph_names() {
    let config = IosMobileAppConfiguration {
        r#type: Some("t".into()),
        sha256_hash: Some("abc".into()),
        ios_version: Some("17.1".into()),
        display_name: Some("Config".into()),
        version: 2,
        ..Default::default()
    };
    let written = serde_json::to_value(&config).unwrap();
    assert_eq!(
        written,
        json!({
            "@odata.type": "#microsoft.graph.iosMobileAppConfiguration",
            "type": "t",
            "sha256Hash": "abc",
            "iOSVersion": "17.1",
            "displayName": "Config",
            "version": 2
        })
    );
    let parsed: IosMobileAppConfiguration = serde_json::from_value(written).unwrap();
    assert_eq!(parsed, config);
}

#[test]
fn a_name_that_does_not_round_trip_without_rename_is_kept_as_unknown() {
    // `iosVersion` is not the Graph spelling, so it is not the renamed field.
    let parsed: IosMobileAppConfiguration =
        from_json(br#"{"iosVersion": "1", "version": 1}"#).unwrap();
    assert_eq!(parsed.ios_version, None);
    assert_eq!(parsed.additional_data["iosVersion"], "1");
}

#[test]
fn create_type_drops_read_only_and_unwraps_required() {
    let create = IosMobileAppConfigurationCreate {
        r#type: None,
        sha256_hash: None,
        ios_version: None,
        scope_tag_ids: None,
        // `required`: a plain String here, where the entity has Option<String>.
        display_name: "Config".to_string(),
        version: 1,
        targeted_mobile_apps: Some(vec!["app".into()]),
        additional_data: Default::default(),
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({
            "@odata.type": "#microsoft.graph.iosMobileAppConfiguration",
            "displayName": "Config",
            "version": 1,
            "targetedMobileApps": ["app"]
        })
    );
    // The create type reads a required property as required.
    let error = from_json::<IosMobileAppConfigurationCreate>(br#"{"version": 1}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `displayName`"),
        "{error}"
    );
    // A read-only property sent to the create type is not a field there, so it is kept as unknown.
    let parsed: IosMobileAppConfigurationCreate =
        from_json(br#"{"displayName": "x", "version": 1, "createdDateTime": "now"}"#).unwrap();
    assert_eq!(parsed.additional_data["createdDateTime"], "now");
}

#[test]
fn non_option_fields_are_required_and_never_null() {
    let error = from_json::<IosMobileAppConfiguration>(br#"{}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid JSON at `.`: missing field `version` at line 1 column 2"
    );
    let error = from_json::<IosMobileAppConfiguration>(br#"{"version": null}"#).unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with("invalid JSON at `version`: invalid type: null, expected i32"),
        "{text}"
    );
}

#[test]
fn entity_trait() {
    fn create_type_name<E: Entity>() -> &'static str
    where
        E::Create: ODataType,
    {
        <E::Create as ODataType>::ODATA_TYPE
    }
    assert_eq!(
        create_type_name::<IosMobileAppConfiguration>(),
        "#microsoft.graph.iosMobileAppConfiguration"
    );
    let parsed: IosMobileAppConfiguration = from_json(br#"{"id": "x", "version": 0}"#).unwrap();
    assert_eq!(Entity::id(&parsed), Some("x"));
}

mod named {
    use graph_core::{graph_entity, ODataType};

    /// A fully qualified type name and a renamed create type.
    #[graph_entity("microsoft.graph.security.alert", create = "NewAlert")]
    #[derive(Debug, Default)]
    pub struct Alert {
        pub title: Option<String>,
    }

    #[test]
    fn dotted_names_are_fully_qualified_and_create_can_be_renamed() {
        assert_eq!(Alert::ODATA_TYPE, "#microsoft.graph.security.alert");
        assert_eq!(NewAlert::ODATA_TYPE, "#microsoft.graph.security.alert");
        let alert = NewAlert {
            title: Some("x".into()),
            additional_data: Default::default(),
        };
        assert_eq!(
            serde_json::to_string(&alert).unwrap(),
            r##"{"@odata.type":"#microsoft.graph.security.alert","title":"x"}"##
        );
        // Another namespace's type of the same short name is a different type.
        let error = graph_core::from_json::<Alert>(br#"{"@odata.type": "microsoft.graph.alert"}"#)
            .unwrap_err();
        assert!(
            error.to_string().contains("found `microsoft.graph.alert`"),
            "{error}"
        );
    }
}

#[test]
fn nested_values_keep_their_shape() {
    let value: Value = json!({"scopeTagIds": [1, 2, 255], "version": 1});
    let parsed: IosMobileAppConfiguration = serde_json::from_value(value).unwrap();
    assert_eq!(parsed.scope_tag_ids, Some(vec![1, 2, 255]));
    let error =
        from_json::<IosMobileAppConfiguration>(br#"{"scopeTagIds": [1, -2], "version": 1}"#)
            .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid JSON at `scopeTagIds[1]`"),
        "{error}"
    );
}

mod option_spellings {
    use graph_core::{from_json, graph_entity};
    use serde_json::json;

    type Maybe<T> = Option<T>;

    /// `None` is left out whatever the `Option` is called; the user's own
    /// type named `Option` is not mistaken for it.
    #[graph_entity("device")]
    #[derive(Debug, Default, PartialEq)]
    pub struct Device {
        pub display_name: Maybe<String>,
        pub model: std::option::Option<String>,
        pub os_version: Option<String>,
        pub flag: Mine<bool>,
    }

    /// A user type that happens to be called `Option` in its own module.
    mod own {
        #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct Option<T>(pub T);
    }
    use own::Option as Mine;

    mod shadowing {
        #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct Option<T>(pub T);

        #[graph_core::graph_entity("printer")]
        #[derive(Debug, Default, PartialEq)]
        pub struct Printer {
            pub duplex: Option<bool>,
        }
    }

    #[test]
    fn none_is_left_out_through_aliases() {
        let device = Device::default();
        assert_eq!(
            serde_json::to_value(&device).unwrap(),
            json!({"@odata.type": "#microsoft.graph.device", "flag": false})
        );
        let parsed: Device = from_json(br#"{"flag": true, "displayName": null}"#).unwrap();
        assert_eq!(parsed.display_name, None);
        assert_eq!(parsed.flag, Mine(true));
    }

    #[test]
    fn a_user_type_named_option_is_written_as_itself() {
        let printer = shadowing::Printer::default();
        assert_eq!(
            serde_json::to_value(&printer).unwrap(),
            json!({"@odata.type": "#microsoft.graph.printer", "duplex": false})
        );
        let error = from_json::<shadowing::Printer>(b"{}").unwrap_err();
        assert!(
            error.to_string().contains("missing field `duplex`"),
            "{error}"
        );
    }
}
