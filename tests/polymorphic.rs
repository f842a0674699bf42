//! Polymorphic reads: `GET /deviceManagement/deviceConfigurations` returns
//! items of many types derived from the abstract `deviceConfiguration`, and
//! `androidCustomConfiguration.omaSettings` holds values of the abstract
//! complex type `omaSetting`. A `#[graph_polymorphic]` enum dispatches on
//! `@odata.type`; its fallback keeps types it does not declare.

use graph_core::{
    graph_complex, graph_endpoint, graph_entity, graph_enum, graph_polymorphic, Binary, Collection,
    DateTimeOffset, Endpoint, ODataType, Polymorphic,
};
use serde_json::{json, Value};

#[graph_entity("deviceConfiguration", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeviceConfiguration {
    #[graph(read_only)]
    pub last_modified_date_time: Option<DateTimeOffset>,
    #[graph(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    pub description: Option<String>,
    #[graph(required)]
    pub display_name: Option<String>,
    #[graph(read_only)]
    pub version: Option<i32>,
}

#[graph_enum("defenderScanType")]
#[derive(Debug, Clone, PartialEq)]
pub enum DefenderScanType {
    UserDefined,
    Disabled,
    Quick,
    Full,
    #[graph(other)]
    Other(String),
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Windows10GeneralConfiguration {
    pub enterprise_cloud_print_discovery_end_point: Option<String>,
    pub password_block_simple: Option<bool>,
    pub password_minimum_length: Option<i32>,
    pub defender_scan_type: Option<DefenderScanType>,
}

#[graph_entity("androidCustomConfiguration", base = "DeviceConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AndroidCustomConfiguration {
    pub oma_settings: Option<Vec<AnyOmaSetting>>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyDeviceConfiguration {
    Windows10General(Windows10GeneralConfiguration),
    AndroidCustom(AndroidCustomConfiguration),
    #[graph(other)]
    Other(DeviceConfiguration),
}

#[graph_complex("omaSetting", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OmaSetting {
    pub display_name: Option<String>,
    pub description: Option<String>,
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

#[graph_complex("omaSettingBase64", base = "OmaSetting")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OmaSettingBase64 {
    pub file_name: Option<String>,
    pub value: Option<Binary>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyOmaSetting {
    Integer(OmaSettingInteger),
    String(OmaSettingString),
    Base64(OmaSettingBase64),
    #[graph(other)]
    Other(OmaSetting),
}

graph_endpoint! {
    pub ListDeviceConfigurations {
        method: GET,
        path: "/deviceManagement/deviceConfigurations",
        response: Collection<AnyDeviceConfiguration>,
    }

    pub CreateDeviceConfiguration {
        method: POST,
        path: "/deviceManagement/deviceConfigurations",
        body: Windows10GeneralConfigurationCreate,
        response: AnyDeviceConfiguration,
    }
}

/// A page as `GET /deviceManagement/deviceConfigurations` returns it (items
/// shortened from the Graph reference samples): two declared derived types,
/// one the enum does not declare (macOS), the omaSettings values with the
/// `@odata.type` written without `#`, as the reference does.
const PAGE: &str = r##"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceConfigurations",
  "value": [
    {
      "@odata.type": "#microsoft.graph.windows10GeneralConfiguration",
      "id": "a06f1ff5-1ff5-a06f-f51f-6fa0f51f6fa0",
      "lastModifiedDateTime": "2017-01-01T00:00:35.1329464-08:00",
      "createdDateTime": "2017-01-01T00:02:43.5775965-08:00",
      "description": "Description value",
      "displayName": "Display Name value",
      "version": 7,
      "enterpriseCloudPrintDiscoveryEndPoint": "Enterprise Cloud Print Discovery End Point value",
      "passwordBlockSimple": true,
      "passwordMinimumLength": 7,
      "defenderScanType": "disabled",
      "edgeCookiePolicy": "allow"
    },
    {
      "@odata.type": "#microsoft.graph.androidCustomConfiguration",
      "id": "d0f3b5c6-b5c6-d0f3-c6b5-f3d0c6b5f3d0",
      "displayName": "Display Name value",
      "version": 7,
      "omaSettings": [
        {
          "@odata.type": "microsoft.graph.omaSettingInteger",
          "displayName": "Display Name value",
          "description": "Description value",
          "omaUri": "Oma Uri value",
          "value": 5
        },
        {
          "@odata.type": "microsoft.graph.omaSettingBase64",
          "displayName": "Certificate",
          "omaUri": "./Vendor/MSFT/Cert",
          "fileName": "cert.cer",
          "value": "ZXhhbXBsZQ=="
        },
        {
          "@odata.type": "microsoft.graph.omaSettingDateTime",
          "displayName": "Newer setting type",
          "omaUri": "./Vendor/MSFT/When",
          "value": "2017-01-01T00:00:00Z"
        }
      ]
    },
    {
      "@odata.type": "#microsoft.graph.macOSGeneralDeviceConfiguration",
      "id": "5a4f5d5e-5d5e-5a4f-5e5d-4f5a5e5d4f5a",
      "displayName": "Display Name value",
      "version": 7,
      "passwordBlockSimple": true,
      "compliantAppListType": "appsInListCompliant"
    }
  ]
}"##;

fn page() -> Collection<AnyDeviceConfiguration> {
    graph_core::from_json(PAGE.as_bytes()).unwrap()
}

#[test]
fn each_item_is_read_as_the_type_its_odata_type_names() {
    let page = page();
    let [first, second, third] = &page.value[..] else {
        panic!("{:?}", page.value)
    };
    let AnyDeviceConfiguration::Windows10General(windows) = first else {
        panic!("{first:?}")
    };
    assert_eq!(
        windows.id.as_deref(),
        Some("a06f1ff5-1ff5-a06f-f51f-6fa0f51f6fa0")
    );
    assert_eq!(windows.version, Some(7));
    assert_eq!(windows.password_minimum_length, Some(7));
    assert_eq!(windows.defender_scan_type, Some(DefenderScanType::Disabled));
    // A property this struct does not declare is kept, as anywhere else.
    assert_eq!(
        windows.additional_data.get("edgeCookiePolicy"),
        Some(&json!("allow"))
    );

    let AnyDeviceConfiguration::AndroidCustom(android) = second else {
        panic!("{second:?}")
    };
    let settings = android.oma_settings.as_deref().unwrap();
    assert_eq!(
        settings[0],
        AnyOmaSetting::Integer(OmaSettingInteger {
            base: OmaSetting {
                display_name: Some("Display Name value".into()),
                description: Some("Description value".into()),
                oma_uri: Some("Oma Uri value".into()),
                additional_data: Default::default(),
            },
            value: Some(5),
        })
    );
    let AnyOmaSetting::Base64(certificate) = &settings[1] else {
        panic!("{:?}", settings[1])
    };
    assert_eq!(
        certificate.value.as_ref().map(|v| v.as_slice()),
        Some(&b"example"[..])
    );
    assert_eq!(certificate.oma_uri.as_deref(), Some("./Vendor/MSFT/Cert"));

    // Types the enums do not declare fall back to the base, which keeps every
    // property and the type it was read with.
    let AnyOmaSetting::Other(newer) = &settings[2] else {
        panic!("{:?}", settings[2])
    };
    assert_eq!(newer.oma_uri.as_deref(), Some("./Vendor/MSFT/When"));
    assert_eq!(
        newer.additional_data.get("value"),
        Some(&json!("2017-01-01T00:00:00Z"))
    );
    assert_eq!(
        settings[2].odata_type(),
        "microsoft.graph.omaSettingDateTime"
    );

    let AnyDeviceConfiguration::Other(mac) = third else {
        panic!("{third:?}")
    };
    assert_eq!(mac.display_name.as_deref(), Some("Display Name value"));
    assert_eq!(
        mac.additional_data.get("compliantAppListType"),
        Some(&json!("appsInListCompliant"))
    );
    assert_eq!(
        third.odata_type(),
        "#microsoft.graph.macOSGeneralDeviceConfiguration"
    );
    assert_eq!(
        first.odata_type(),
        "#microsoft.graph.windows10GeneralConfiguration"
    );
}

#[test]
fn a_page_of_mixed_types_writes_back_what_it_read() {
    let written = graph_core::to_json(&page()).unwrap();
    let written: Value = serde_json::from_slice(&written).unwrap();
    // Declared types write their type in the usual form, with `#`; the
    // fallback writes back exactly the type it was given.
    let expected = PAGE
        .replace(
            r#""microsoft.graph.omaSettingInteger""#,
            r##""#microsoft.graph.omaSettingInteger""##,
        )
        .replace(
            r#""microsoft.graph.omaSettingBase64""#,
            r##""#microsoft.graph.omaSettingBase64""##,
        );
    assert!(expected.contains(r#""microsoft.graph.omaSettingDateTime""#));
    assert_eq!(written, serde_json::from_str::<Value>(&expected).unwrap());
}

#[test]
fn a_fallback_writes_the_type_it_was_read_with_first() {
    let page = page();
    let written = String::from_utf8(graph_core::to_json(&page.value[2]).unwrap()).unwrap();
    assert!(
        written.starts_with(
            r##"{"@odata.type":"#microsoft.graph.macOSGeneralDeviceConfiguration","id":"5a4f5d5e"##
        ),
        "{written}"
    );
}

#[test]
fn odata_type_may_follow_other_annotations_or_properties() {
    // Annotations first, as Graph writes them with $expand or etags.
    let item: AnyDeviceConfiguration = graph_core::from_json(
        br##"{"@odata.etag": "W/\"1\"", "@odata.id": "x", "@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "passwordMinimumLength": 4}"##,
    )
    .unwrap();
    let AnyDeviceConfiguration::Windows10General(windows) = &item else {
        panic!("{item:?}")
    };
    assert_eq!(windows.password_minimum_length, Some(4));
    assert_eq!(
        windows.additional_data.get("@odata.etag"),
        Some(&json!("W/\"1\""))
    );
    assert_eq!(windows.additional_data.get("@odata.id"), Some(&json!("x")));

    // Properties before the type (not how Graph writes, but valid JSON).
    let item: AnyDeviceConfiguration = graph_core::from_json(
        br##"{"displayName": "late", "passwordMinimumLength": 4, "@odata.type": "microsoft.graph.windows10GeneralConfiguration", "version": 2}"##,
    )
    .unwrap();
    let AnyDeviceConfiguration::Windows10General(windows) = &item else {
        panic!("{item:?}")
    };
    assert_eq!(windows.display_name.as_deref(), Some("late"));
    assert_eq!(windows.password_minimum_length, Some(4));
    assert_eq!(windows.version, Some(2));
    // A matching type is not kept: the struct writes its own.
    assert!(!windows.additional_data.contains_key("@odata.type"));
}

#[test]
fn an_object_without_odata_type_is_read_as_the_fallback() {
    let item: AnyDeviceConfiguration =
        graph_core::from_json(br#"{"id": "1", "displayName": "untyped", "x": [1]}"#).unwrap();
    let AnyDeviceConfiguration::Other(base) = &item else {
        panic!("{item:?}")
    };
    assert_eq!(base.display_name.as_deref(), Some("untyped"));
    assert_eq!(base.additional_data.get("x"), Some(&json!([1])));
    assert_eq!(item.odata_type(), "#microsoft.graph.deviceConfiguration");
}

#[test]
fn errors_inside_a_variant_name_the_json_path() {
    let bad = PAGE.replace(
        r#""passwordMinimumLength": 7"#,
        r#""passwordMinimumLength": "seven""#,
    );
    let error = graph_core::from_json::<Collection<AnyDeviceConfiguration>>(bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.contains("value[0].passwordMinimumLength"), "{error}");

    let bad = PAGE.replace(r#""value": 5"#, r#""value": "five""#);
    let error = graph_core::from_json::<Collection<AnyDeviceConfiguration>>(bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.contains("value[1].omaSettings[0].value"), "{error}");

    let error = graph_core::from_json::<AnyDeviceConfiguration>(br#"{"@odata.type": 5}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("@odata.type"), "{error}");
    let error = graph_core::from_json::<AnyDeviceConfiguration>(br#"[]"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("expected a JSON object with an @odata.type"),
        "{error}"
    );
}

#[graph_polymorphic]
#[derive(Debug)]
pub enum KnownOmaSetting {
    Integer(OmaSettingInteger),
    String(OmaSettingString),
}

#[test]
fn without_a_fallback_an_unknown_or_missing_type_is_an_error_listing_the_known_ones() {
    let error = graph_core::from_json::<Vec<KnownOmaSetting>>(
        br##"[{"@odata.type": "#microsoft.graph.omaSettingString", "value": "a"}, {"@odata.type": "#microsoft.graph.omaSettingFloatingPoint", "value": 1.5}]"##,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("[1]"), "{error}");
    assert!(
        error.contains("unknown @odata.type `#microsoft.graph.omaSettingFloatingPoint`, expected one of `#microsoft.graph.omaSettingInteger`, `#microsoft.graph.omaSettingString`"),
        "{error}"
    );
    let error = graph_core::from_json::<KnownOmaSetting>(br#"{"value": 1}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("missing @odata.type, expected one of"),
        "{error}"
    );
}

#[test]
fn an_abstract_type_read_directly_keeps_the_type_it_was_given() {
    let item = r##"{"@odata.type":"#microsoft.graph.iosGeneralDeviceConfiguration","id":"1","displayName":"iOS","passcodeRequired":true}"##;
    let base: DeviceConfiguration = graph_core::from_json(item.as_bytes()).unwrap();
    assert_eq!(base.display_name.as_deref(), Some("iOS"));
    assert_eq!(
        base.additional_data.get("@odata.type"),
        Some(&json!("#microsoft.graph.iosGeneralDeviceConfiguration"))
    );
    assert_eq!(graph_core::to_json(&base).unwrap(), item.as_bytes());
    // A concrete derived type is strict: the enum is what reads any type.
    let error = graph_core::from_json::<Windows10GeneralConfiguration>(item.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.contains("expected @odata.type `#microsoft.graph.windows10GeneralConfiguration`, found `#microsoft.graph.iosGeneralDeviceConfiguration`"), "{error}");
}

#[test]
fn derived_complex_types_write_their_type_and_base_complex_types_do_not() {
    let setting = OmaSettingString {
        base: OmaSetting {
            oma_uri: Some("./Vendor/MSFT/Name".into()),
            ..Default::default()
        },
        value: Some("x".into()),
    };
    assert_eq!(
        graph_core::to_json(&AnyOmaSetting::from(setting)).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.omaSettingString","omaUri":"./Vendor/MSFT/Name","value":"x"}"##
    );
    assert_eq!(graph_core::to_json(&OmaSetting::default()).unwrap(), b"{}");
    assert_eq!(OmaSetting::ODATA_TYPE, "#microsoft.graph.omaSetting");
}

#[test]
fn endpoints_return_and_accept_polymorphic_values() {
    let response = graph_core::http::Response::builder()
        .status(200)
        .body(PAGE)
        .unwrap();
    let page = ListDeviceConfigurations::parse_response(response).unwrap();
    assert_eq!(page.value.len(), 3);

    let create = CreateDeviceConfiguration::new(Windows10GeneralConfigurationCreate {
        base: DeviceConfigurationCreate {
            display_name: "Baseline".into(),
            description: None,
            additional_data: Default::default(),
        },
        password_minimum_length: Some(8),
        ..Default::default()
    });
    let request = create
        .to_request("https://graph.microsoft.com/v1.0", "token")
        .unwrap();
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.windows10GeneralConfiguration","displayName":"Baseline","passwordMinimumLength":8}"##
    );
    let created = graph_core::http::Response::builder()
        .status(201)
        .body(r##"{"@odata.type":"#microsoft.graph.windows10GeneralConfiguration","id":"new","displayName":"Baseline","passwordMinimumLength":8}"##)
        .unwrap();
    let created = CreateDeviceConfiguration::parse_response(created).unwrap();
    assert!(
        matches!(created, AnyDeviceConfiguration::Windows10General(ref w) if w.id.as_deref() == Some("new"))
    );
}

#[test]
fn a_second_odata_type_is_an_error_whichever_type_reads_it() {
    for json in [
        r##"{"@odata.type": "#microsoft.graph.windows10GeneralConfiguration", "@odata.type": "#microsoft.graph.windows10GeneralConfiguration"}"##,
        r##"{"@odata.type": "#microsoft.graph.deviceConfiguration", "@odata.type": "#microsoft.graph.macOSGeneralDeviceConfiguration"}"##,
        r##"{"@odata.type": "#microsoft.graph.macOSGeneralDeviceConfiguration", "@odata.type": "#microsoft.graph.deviceConfiguration"}"##,
    ] {
        let error = graph_core::from_json::<AnyDeviceConfiguration>(json.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("duplicate field `@odata.type`"),
            "{json}: {error}"
        );
        let error = graph_core::from_json::<DeviceConfiguration>(json.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("duplicate field `@odata.type`"),
            "{json}: {error}"
        );
    }
}

#[test]
fn a_complex_fallback_writes_its_own_type_as_a_declared_variant_does() {
    // The abstract base names itself (without `#`). On its own it would keep
    // that name, since it writes no type; through the enum, which always
    // writes one, it is its own type, written in the usual form.
    let setting: AnyOmaSetting =
        graph_core::from_json(br#"{"@odata.type":"microsoft.graph.omaSetting","omaUri":"u"}"#)
            .unwrap();
    let AnyOmaSetting::Other(base) = &setting else {
        panic!("{setting:?}")
    };
    assert!(base.additional_data.is_empty(), "{base:?}");
    assert_eq!(setting.odata_type(), "#microsoft.graph.omaSetting");
    let written = br##"{"@odata.type":"#microsoft.graph.omaSetting","omaUri":"u"}"##;
    assert_eq!(graph_core::to_json(&setting).unwrap(), written);
    // Without a type, it is read as the fallback all the same, and written
    // back as it came, without one: that reads back as the fallback too.
    let untyped: AnyOmaSetting = graph_core::from_json(br#"{"omaUri":"u"}"#).unwrap();
    assert_eq!(untyped, setting);
    assert_eq!(graph_core::to_json(&untyped).unwrap(), br#"{"omaUri":"u"}"#);
    // Built in code, it names its type, as a declared variant does.
    let built = AnyOmaSetting::Other(OmaSetting {
        oma_uri: Some("u".into()),
        ..Default::default()
    });
    assert_eq!(graph_core::to_json(&built).unwrap(), written);
}

#[test]
fn errors_in_members_read_before_the_type_name_the_member() {
    for json in [
        r##"{"value":[{"passwordMinimumLength":"x","@odata.type":"#microsoft.graph.windows10GeneralConfiguration"}]}"##,
        r##"{"value":[{"id":"1","version":"x"}]}"##,
    ] {
        let error = graph_core::from_json::<Collection<AnyDeviceConfiguration>>(json.as_bytes())
            .unwrap_err()
            .to_string();
        // The input is past a held member by the time it is read; the path
        // is the member's all the same.
        let member = if json.contains("version") {
            "`value[0].version`"
        } else {
            "`value[0].passwordMinimumLength`"
        };
        assert!(error.contains(member), "{error}");
    }
}
