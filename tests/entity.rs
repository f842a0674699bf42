//! `#[graph_entity]` and `#[graph_enum]` on the worked example of DESIGN.md.

mod common;

use common::*;
use graph_core::{from_json, Entity, ODataType};
use serde_json::{json, Value};

#[test]
fn create_type_serializes_to_the_documented_request_body() {
    let written = serde_json::to_string(&sample_create()).unwrap();
    let documented: Value = serde_json::from_str(REQUEST_BODY).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), documented);
    assert_eq!(keys_in_order(&written), keys_in_order(REQUEST_BODY));
    assert_eq!(keys_in_order(&written)[0], "@odata.type");
    assert!(!written.contains("\"id\""), "{written}");
}

#[test]
fn odata_type_constants() {
    assert_eq!(
        ManagedDeviceMobileAppConfigurationUserStatus::ODATA_TYPE,
        "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"
    );
    assert_eq!(
        ManagedDeviceMobileAppConfigurationUserStatusCreate::ODATA_TYPE,
        ManagedDeviceMobileAppConfigurationUserStatus::ODATA_TYPE
    );
}

#[test]
fn documented_response_parses_and_round_trips() {
    let status: ManagedDeviceMobileAppConfigurationUserStatus =
        from_json(RESPONSE_BODY.as_bytes()).unwrap();
    assert_eq!(status.id(), Some("198a34e4-34e4-198a-e434-8a19e4348a19"));
    assert_eq!(status.devices_count, Some(12));
    assert_eq!(
        status.status,
        Some(ComplianceStatus::Other("String".into()))
    );
    let date = status.last_reported_date_time.as_ref().unwrap();
    assert_eq!(date.to_string(), "2016-12-31T23:57:57.7265241+03:00");
    assert!(status.additional_data.is_empty());

    let written = serde_json::to_string(&status).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&written).unwrap(),
        serde_json::from_str::<Value>(RESPONSE_BODY).unwrap()
    );
    assert_eq!(
        keys_in_order(&written)[..2],
        ["@odata.type".to_string(), "id".to_string()]
    );
}

#[test]
fn create_type_parses_the_documented_request_body() {
    let create: ManagedDeviceMobileAppConfigurationUserStatusCreate =
        from_json(REQUEST_BODY.as_bytes()).unwrap();
    assert_eq!(create, sample_create());
}

#[test]
fn unknown_properties_and_annotations_survive() {
    let received = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceAppManagement/mobileAppConfigurations('1')/userStatuses/$entity",
        "@odata.etag": "W/\"JzEtVXNlclN0YXR1cyAgQEBAQEBAQEBAQEBAQEBAQEBIGA==\"",
        "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
        "id": "1",
        "userDisplayName": "Jo",
        "userDisplayName@odata.type": "#String",
        "newProperty": {"nested": [1, 2.5, {"deep": [null, true, "x"]}], "empty": {}},
        "listProperty": [[], [[]], {"a": -1}],
        "largeNumber": 18446744073709551615u64
    });
    let parsed: ManagedDeviceMobileAppConfigurationUserStatus =
        serde_json::from_value(received.clone()).unwrap();
    assert_eq!(parsed.user_display_name.as_deref(), Some("Jo"));
    assert_eq!(parsed.additional_data.len(), 6);
    assert_eq!(
        parsed.additional_data["newProperty"]["nested"][2]["deep"][2],
        "x"
    );
    assert_eq!(serde_json::to_value(&parsed).unwrap(), received);
}

#[test]
fn odata_type_is_accepted_with_or_without_hash_and_may_be_absent() {
    for body in [
        r#"{"@odata.type": "microsoft.graph.managedDeviceMobileAppConfigurationUserStatus", "id": "1"}"#,
        r##"{"@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus", "id": "1"}"##,
        r#"{"id": "1"}"#,
    ] {
        let parsed: ManagedDeviceMobileAppConfigurationUserStatus =
            from_json(body.as_bytes()).unwrap();
        assert_eq!(parsed.id.as_deref(), Some("1"), "{body}");
    }
}

#[test]
fn null_or_absent_gives_none() {
    let parsed: ManagedDeviceMobileAppConfigurationUserStatus =
        from_json(br#"{"userDisplayName": null, "status": null}"#).unwrap();
    assert_eq!(parsed.user_display_name, None);
    assert_eq!(parsed.status, None);
    // The nulls are noted, to be written back (see tests/round_trips.rs).
    assert_eq!(
        parsed.additional_data.keys().collect::<Vec<_>>(),
        ["status", "userDisplayName"]
    );
    let absent: ManagedDeviceMobileAppConfigurationUserStatus = from_json(b"{}").unwrap();
    assert_eq!(absent, Default::default());
}

type Status = ManagedDeviceMobileAppConfigurationUserStatus;

#[test]
fn a_different_odata_type_names_both_types() {
    let (path, message) =
        decode_error::<Status>(r##"{"@odata.type": "#microsoft.graph.user", "id": "1"}"##);
    assert_eq!(path, "@odata.type");
    assert!(message.contains("#microsoft.graph.user"), "{message}");
    assert!(
        message.contains("#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"),
        "{message}"
    );
}

#[test]
fn out_of_range_and_mistyped_numbers_name_the_property() {
    for bad in ["2147483648", "\"12\"", "1.5", "true"] {
        let (path, message) = decode_error::<Status>(&format!(r#"{{"devicesCount": {bad}}}"#));
        assert_eq!(path, "devicesCount", "{bad}");
        assert!(message.contains("i32"), "{bad}: {message}");
    }
}

#[test]
fn invalid_dates_name_the_property() {
    for bad in [
        "2016-02-30T00:00:00Z",
        "2016-12-31T23:57:57",
        "2016-12-31T23:57:57.1234567890+03:00",
    ] {
        let (path, message) =
            decode_error::<Status>(&format!(r#"{{"lastReportedDateTime": "{bad}"}}"#));
        assert_eq!(path, "lastReportedDateTime", "{bad}");
        assert!(message.contains(bad), "{bad}: {message}");
    }
}

#[test]
fn a_non_object_body_says_what_was_expected() {
    for bad in ["[]", "\"text\"", "12", "null"] {
        let (path, message) = decode_error::<Status>(bad);
        assert_eq!(path, ".", "{bad}");
        assert!(
            message.contains("JSON object of type #microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"),
            "{bad}: {message}"
        );
    }
}

#[test]
fn duplicate_properties_are_an_error_not_a_silent_loss() {
    let (_, message) = decode_error::<Status>(r#"{"devicesCount": 1, "devicesCount": 2}"#);
    assert!(
        message.contains("duplicate field `devicesCount`"),
        "{message}"
    );
}

#[test]
fn additional_data_cannot_shadow_a_declared_property() {
    let mut status = Status::default();
    status
        .additional_data
        .insert("devicesCount".into(), json!(3));
    let error = serde_json::to_string(&status).unwrap_err();
    assert!(error.to_string().contains("devicesCount"), "{error}");
}

#[test]
fn enum_members_map_to_lower_camel_names() {
    use std::str::FromStr;
    assert_eq!(ComplianceStatus::NotApplicable.as_str(), "notApplicable");
    assert_eq!(ComplianceStatus::NonCompliant.to_string(), "nonCompliant");
    assert_eq!(
        ComplianceStatus::from_str("notAssigned").unwrap(),
        ComplianceStatus::NotAssigned
    );
    assert_eq!(
        serde_json::from_str::<ComplianceStatus>("\"error\"").unwrap(),
        ComplianceStatus::Error
    );
    assert_eq!(
        serde_json::to_string(&ComplianceStatus::Remediated).unwrap(),
        "\"remediated\""
    );
    // An unknown member is kept and written back unchanged.
    let newer: ComplianceStatus = serde_json::from_str("\"inGracePeriod\"").unwrap();
    assert_eq!(newer, ComplianceStatus::Other("inGracePeriod".into()));
    assert_eq!(serde_json::to_string(&newer).unwrap(), "\"inGracePeriod\"");
    assert_eq!(
        <ComplianceStatus as graph_core::GraphEnum>::MEMBERS,
        [
            "unknown",
            "notApplicable",
            "compliant",
            "remediated",
            "nonCompliant",
            "error",
            "conflict",
            "notAssigned"
        ]
    );
}

mod closed_enum {
    use graph_core::{graph_enum, GraphError};

    /// Without an `other` variant, unknown members are errors.
    #[graph_enum]
    #[derive(Debug, PartialEq)]
    pub enum RunState {
        Running,
        #[graph(rename = "succeeded")]
        Done,
    }

    #[test]
    fn unknown_members_are_errors_that_list_the_known_ones() {
        assert_eq!("succeeded".parse::<RunState>().unwrap(), RunState::Done);
        match "paused".parse::<RunState>() {
            Err(GraphError::InvalidValue {
                kind,
                value,
                reason,
            }) => {
                assert_eq!(kind, "runState");
                assert_eq!(value.as_str(), "paused");
                assert_eq!(reason, "expected one of `running`, `succeeded`");
            }
            other => panic!("{other:?}"),
        }
        let error = graph_core::from_json::<RunState>(b"\"paused\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid JSON at `.`: unknown runState member `paused`, expected one of `running`, `succeeded` at line 1 column 8"
        );
        assert!(serde_json::from_str::<RunState>("3").is_err());
    }
}

#[test]
fn duplicate_unknown_properties_are_an_error_too() {
    let (_, message) = decode_error::<Status>(r#"{"extra": 1, "extra": 2}"#);
    assert!(message.contains("duplicate property `extra`"), "{message}");
}

#[test]
fn a_non_string_odata_type_says_what_was_expected() {
    let (path, message) = decode_error::<Status>(r#"{"@odata.type": 7}"#);
    assert_eq!(path, "@odata.type");
    assert!(
        message.contains("expected the @odata.type as a string"),
        "{message}"
    );
}

/// `Other` holding a known member's name is written as that name, so it reads
/// back as the member itself; `from_wire` gives the normal form.
#[test]
fn other_holding_a_known_name_normalises_on_the_way_back() {
    use graph_core::GraphEnum;
    let odd = ComplianceStatus::Other("compliant".into());
    let json = serde_json::to_string(&odd).unwrap();
    assert_eq!(json, "\"compliant\"");
    assert_eq!(
        serde_json::from_str::<ComplianceStatus>(&json).unwrap(),
        ComplianceStatus::Compliant
    );
    assert_eq!(
        ComplianceStatus::from_wire("compliant"),
        Some(ComplianceStatus::Compliant)
    );
}

mod empty_enum {
    /// An enumeration with no members at all still expands.
    #[graph_core::graph_enum]
    #[derive(Debug)]
    pub enum Never {}

    #[test]
    fn every_value_is_unknown() {
        assert!("anything".parse::<Never>().is_err());
    }
}

mod flags {
    use graph_core::{from_json, graph_entity, graph_enum, Flags, GraphError};

    /// A flags enumeration without `other`: unknown members are errors.
    #[graph_enum("deviceThreatProtectionLevels", flags)]
    #[derive(Debug, Clone, PartialEq)]
    pub enum Level {
        Low,
        Medium,
        High,
    }

    #[graph_entity("threatPolicy")]
    #[derive(Debug, Default, PartialEq)]
    pub struct ThreatPolicy {
        pub levels: Option<Flags<Level>>,
    }

    #[test]
    fn flags_are_comma_separated_members() {
        let policy: ThreatPolicy = from_json(br#"{"levels": "low,high"}"#).unwrap();
        let levels = policy.levels.as_ref().unwrap();
        assert_eq!(
            levels.iter().collect::<Vec<_>>(),
            [&Level::Low, &Level::High]
        );
        assert_eq!(serde_json::to_value(&policy).unwrap()["levels"], "low,high");
        let none: ThreatPolicy = from_json(br#"{"levels": ""}"#).unwrap();
        assert!(none.levels.unwrap().is_empty());
        let built: Flags<Level> = [Level::Medium, Level::Medium, Level::Low]
            .into_iter()
            .collect();
        assert_eq!(built.to_string(), "medium,low");
    }

    #[test]
    fn unknown_or_empty_members_are_errors_naming_the_property() {
        for (bad, expected) in [
            (
                "low,critical",
                "unknown deviceThreatProtectionLevels member `critical`",
            ),
            ("low,,high", "empty member"),
        ] {
            match from_json::<ThreatPolicy>(format!(r#"{{"levels": "{bad}"}}"#).as_bytes()) {
                Err(GraphError::Decode { path, message }) => {
                    assert_eq!(path, "levels");
                    assert!(message.contains(expected), "{message}");
                }
                other => panic!("{other:?}"),
            }
        }
        assert!("low,critical".parse::<Flags<Level>>().is_err());
    }
}
