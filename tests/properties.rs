//! Property tests on input from outside: JSON payloads and date-times. (Path
//! parameters and query options: `url_shape.rs`; the macros' own property
//! tests are in graph-macros.)

mod common;

use common::*;
use graph_core::{
    from_json, graph_endpoint, graph_entity, graph_polymorphic, to_json, AdditionalData,
    DateTimeOffset, Endpoint,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

const DECLARED: &[&str] = &[
    "@odata.type",
    "id",
    "userDisplayName",
    "devicesCount",
    "status",
    "lastReportedDateTime",
    "userPrincipalName",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Properties the type does not declare: any key, including annotations.
fn extra_properties() -> impl Strategy<Value = Map<String, Value>> {
    let key = prop_oneof![
        any::<String>(),
        "@odata\\.[a-z]{1,8}",
        "[a-z]{1,8}@odata\\.[a-z]{1,8}",
    ]
    .prop_filter("not a declared property", |key| {
        !DECLARED.contains(&key.as_str())
    });
    proptest::collection::btree_map(key, json_value(), 0..8)
        .prop_map(|map| map.into_iter().collect())
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Valid RFC 3339 date-times with an offset, in all the spellings allowed.
fn date_time_text() -> impl Strategy<Value = String> {
    (0u32..=9999, 1u32..=12)
        .prop_flat_map(|(year, month)| (Just(year), Just(month), 1..=days_in(year, month)))
        .prop_flat_map(|(year, month, day)| {
            (
                Just(format!("{year:04}-{month:02}-{day:02}")),
                prop_oneof![Just('T'), Just('t')],
                (0u32..24, 0u32..60, 0u32..60),
                proptest::option::of("[0-9]{1,9}"),
                prop_oneof![
                    Just("Z".to_string()),
                    Just("z".to_string()),
                    (prop_oneof![Just('+'), Just('-')], 0u32..24, 0u32..60)
                        .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
                ],
            )
        })
        .prop_map(|(date, t, (h, m, s), fraction, offset)| {
            let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
            format!("{date}{t}{h:02}:{m:02}:{s:02}{fraction}{offset}")
        })
}

fn compliance_status() -> impl Strategy<Value = ComplianceStatus> {
    use graph_core::GraphEnum;
    let known = proptest::sample::select(ComplianceStatus::MEMBERS)
        .prop_map(|name| ComplianceStatus::from_wire(name).unwrap());
    // An `Other` holding a known name reads back as that member, so `Other`
    // values are names the enum does not know.
    let other = any::<String>()
        .prop_filter("unknown member", |s| {
            !ComplianceStatus::MEMBERS.contains(&s.as_str())
        })
        .prop_map(ComplianceStatus::Other);
    prop_oneof![known, other]
}

prop_compose! {
    fn user_status()(
        id in proptest::option::of(any::<String>()),
        user_display_name in proptest::option::of(any::<String>()),
        devices_count in proptest::option::of(any::<i32>()),
        status in proptest::option::of(compliance_status()),
        date in proptest::option::of(date_time_text()),
        user_principal_name in proptest::option::of(any::<String>()),
        extra in extra_properties(),
    ) -> ManagedDeviceMobileAppConfigurationUserStatus {
        ManagedDeviceMobileAppConfigurationUserStatus {
            id,
            user_display_name,
            devices_count,
            status,
            last_reported_date_time: date.map(|d| d.parse().unwrap()),
            user_principal_name,
            additional_data: AdditionalData::from(extra),
        }
    }
}

graph_endpoint! {
    pub GetMember {
        method: GET,
        path: "/groups/{groupId}/members/{directoryObjectId}",
        response: graph_core::JsonValue,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn entities_round_trip(status in user_status()) {
        let json = to_json(&status).unwrap();
        let parsed: ManagedDeviceMobileAppConfigurationUserStatus = from_json(&json).unwrap();
        prop_assert_eq!(parsed, status);
    }

    #[test]
    fn create_types_round_trip(status in user_status()) {
        let create = ManagedDeviceMobileAppConfigurationUserStatusCreate {
            user_display_name: status.user_display_name,
            devices_count: status.devices_count,
            status: status.status,
            last_reported_date_time: status.last_reported_date_time,
            user_principal_name: status.user_principal_name,
            additional_data: status.additional_data,
        };
        let json = to_json(&create).unwrap();
        prop_assert!(json.starts_with(br#"{"@odata.type":"#), "{}", String::from_utf8_lossy(&json));
        let parsed: ManagedDeviceMobileAppConfigurationUserStatusCreate = from_json(&json).unwrap();
        prop_assert_eq!(parsed, create);
    }

    /// A received payload with any extra properties serializes back to the
    /// same JSON value.
    #[test]
    fn received_extra_properties_survive(
        extra in extra_properties(),
        count in any::<i32>(),
        name in any::<String>(),
    ) {
        let mut received = extra.clone();
        received.insert("devicesCount".into(), count.into());
        received.insert("userDisplayName".into(), name.into());
        let received = Value::Object(received);
        let bytes = serde_json::to_vec(&received).unwrap();
        let parsed: ManagedDeviceMobileAppConfigurationUserStatus = from_json(&bytes).unwrap();
        prop_assert_eq!(parsed.additional_data.len(), extra.len());
        // Nothing added either: read without `@odata.type`, written without.
        let written: Value = serde_json::from_slice(&to_json(&parsed).unwrap()).unwrap();
        prop_assert_eq!(written, received);
    }

    #[test]
    fn valid_date_times_round_trip_byte_for_byte(text in date_time_text()) {
        let parsed: DateTimeOffset = text.parse().unwrap();
        prop_assert_eq!(parsed.to_string(), text.clone());
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(&json, &format!("\"{text}\""));
        prop_assert_eq!(serde_json::from_str::<DateTimeOffset>(&json).unwrap(), parsed);
    }

    #[test]
    fn invalid_date_times_are_errors(text in date_time_text(), corruption in 0usize..10, junk in ".{1,4}") {
        let (date, rest) = text.split_at(10);
        let (year, month) = (&date[..4], &date[5..7]);
        let time_and_offset = &rest[1..];
        let bad = match corruption {
            0 => format!("{year}-13{}", &text[7..]),
            1 => format!("{year}-00{}", &text[7..]),
            2 => format!(
                "{year}-{month}-{:02}{rest}",
                days_in(year.parse().unwrap(), month.parse().unwrap()) + 1
            ),
            3 => format!("{date}T24{}", &time_and_offset[2..]),
            4 => format!("{date}T{}:60{}", &time_and_offset[..2], &time_and_offset[5..]),
            5 => format!("{date}T{}", &time_and_offset[..8]),
            6 => format!("{date}T{}.1234567890Z", &time_and_offset[..8]),
            7 => format!("{date}T{}+24:00", &time_and_offset[..8]),
            8 => format!("{date}T{}-05:60", &time_and_offset[..8]),
            _ => format!("{text}{junk}"),
        };
        prop_assert!(bad.parse::<DateTimeOffset>().is_err(), "accepted {}", bad);
        prop_assert!(serde_json::from_value::<DateTimeOffset>(bad.into()).is_err());
    }

    /// The token never shows in `Debug` of the request, nor in any error
    /// about it (tokens are long enough not to occur by chance).
    #[test]
    fn the_token_never_appears_in_debug_or_errors(
        token in "[A-Za-z0-9._~+/-]{24,80}",
        junk in prop_oneof![Just("\n"), Just("\r"), Just("\u{0}"), Just("\u{7f}")],
        at in any::<prop::sample::Index>(),
    ) {
        let endpoint = GetMember::new("g", "m");
        let request = endpoint.to_request("https://graph.microsoft.com/v1.0", &token).unwrap();
        let debug = format!("{request:?}");
        prop_assert!(!debug.contains(&token), "{}", debug);

        let mut bad = token.clone();
        bad.insert_str(at.index(token.len()), junk);
        let error = endpoint
            .to_request("https://graph.microsoft.com/v1.0", &bad)
            .unwrap_err();
        for text in [format!("{error}"), format!("{error:?}")] {
            prop_assert!(!text.contains(&token[..12]), "{}", text);
            prop_assert!(!text.contains(&token[token.len() - 12..]), "{}", text);
        }
    }
}

// A small hierarchy for polymorphic reads: `@odata.type` may come anywhere.

#[graph_entity("deviceConfiguration", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeviceConfiguration {
    pub display_name: Option<String>,
    pub version: Option<i32>,
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Windows10GeneralConfiguration {
    pub password_required: Option<bool>,
    pub password_minimum_length: Option<i32>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyDeviceConfiguration {
    Windows10General(Windows10GeneralConfiguration),
    #[graph(other)]
    Other(DeviceConfiguration),
}

const DEVICE_CONFIGURATION_PROPERTIES: &[&str] = &[
    "@odata.type",
    "id",
    "displayName",
    "version",
    "passwordRequired",
    "passwordMinimumLength",
];

/// The members of a device configuration, declared and not, in any order.
fn device_configuration_members() -> impl Strategy<Value = Vec<(String, Value)>> {
    let odata_type = prop_oneof![
        Just(None),
        Just(Some("#microsoft.graph.windows10GeneralConfiguration")),
        Just(Some("microsoft.graph.windows10GeneralConfiguration")),
        Just(Some("#microsoft.graph.deviceConfiguration")),
        Just(Some("#microsoft.graph.iosGeneralDeviceConfiguration")),
    ];
    let extra = proptest::collection::btree_map(
        prop_oneof!["@odata\\.[a-z]{1,8}", "[a-z]{1,8}"].prop_filter("undeclared", |key| {
            !DEVICE_CONFIGURATION_PROPERTIES.contains(&key.as_str())
        }),
        json_value(),
        0..4,
    );
    (
        odata_type,
        proptest::option::of(any::<String>()),
        proptest::option::of(any::<String>()),
        proptest::option::of(any::<i32>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<i32>()),
        extra,
    )
        .prop_flat_map(|(odata_type, id, name, version, required, length, extra)| {
            let mut members: Vec<(String, Value)> = Vec::new();
            let mut push = |key: &str, value: Option<Value>| {
                if let Some(value) = value {
                    members.push((key.to_owned(), value));
                }
            };
            push("@odata.type", odata_type.map(Value::from));
            push("id", id.map(Value::from));
            push("displayName", name.map(Value::from));
            push("version", version.map(Value::from));
            // Only the derived type declares these; for the others they are
            // kept as unknown properties, so they survive either way.
            push("passwordRequired", required.map(Value::from));
            push("passwordMinimumLength", length.map(Value::from));
            members.extend(extra);
            Just(members).prop_shuffle()
        })
}

fn object_text(members: &[(String, Value)]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|(key, value)| format!("{}:{value}", Value::from(key.as_str())))
        .collect();
    format!("{{{}}}", members.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Wherever `@odata.type` comes (first, after annotations, after
    /// properties, or not at all), the polymorphic read gives the value that
    /// reading the same members with the type first gives, and writing it
    /// back loses nothing.
    #[test]
    fn polymorphic_reads_do_not_depend_on_member_order(members in device_configuration_members()) {
        let shuffled: AnyDeviceConfiguration = from_json(object_text(&members).as_bytes()).unwrap();
        let mut type_first = members.clone();
        type_first.sort_by_key(|(key, _)| key != "@odata.type");
        let canonical: AnyDeviceConfiguration = from_json(object_text(&type_first).as_bytes()).unwrap();
        prop_assert_eq!(&shuffled, &canonical);

        let odata_type = members.iter().find(|(key, _)| key == "@odata.type").map(|(_, value)| value.as_str().unwrap().to_owned());
        let is_windows = odata_type.as_deref().is_some_and(|t| t.ends_with("windows10GeneralConfiguration"));
        prop_assert_eq!(matches!(shuffled, AnyDeviceConfiguration::Windows10General(_)), is_windows);

        let written: Value = serde_json::from_slice(&to_json(&shuffled).unwrap()).unwrap();
        let mut expected: Map<String, Value> = members.iter().cloned().collect();
        // A declared type is written in its usual form, with `#`; the
        // fallback writes the type it was read with, or none if it was read
        // without one.
        match odata_type.as_deref() {
            Some(_) if is_windows => {
                expected.insert("@odata.type".into(), "#microsoft.graph.windows10GeneralConfiguration".into());
            }
            _ => {}
        }
        prop_assert_eq!(written, Value::Object(expected));
    }
}
