//! The worked example of DESIGN.md ("Add userStatuses"), shared by the
//! integration tests.
#![allow(dead_code)]

use graph_core::{graph_entity, graph_enum, DateTimeOffset};

#[graph_enum("complianceStatus")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComplianceStatus {
    Unknown,
    NotApplicable,
    Compliant,
    Remediated,
    NonCompliant,
    Error,
    Conflict,
    NotAssigned,
    #[graph(other)]
    Other(String),
}

#[graph_entity("managedDeviceMobileAppConfigurationUserStatus")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagedDeviceMobileAppConfigurationUserStatus {
    pub user_display_name: Option<String>,
    pub devices_count: Option<i32>,
    pub status: Option<ComplianceStatus>,
    pub last_reported_date_time: Option<DateTimeOffset>,
    pub user_principal_name: Option<String>,
}

/// The request body from the Graph API reference, as documented.
pub const REQUEST_BODY: &str = r##"{
  "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
  "userDisplayName": "User Display Name value",
  "devicesCount": 12,
  "status": "String",
  "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00",
  "userPrincipalName": "User Principal Name value"
}"##;

/// The documented `201 Created` response body.
pub const RESPONSE_BODY: &str = r##"{
  "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
  "id": "198a34e4-34e4-198a-e434-8a19e4348a19",
  "userDisplayName": "User Display Name value",
  "devicesCount": 12,
  "status": "String",
  "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00",
  "userPrincipalName": "User Principal Name value"
}"##;

/// The create body built from the documented sample values.
pub fn sample_create() -> ManagedDeviceMobileAppConfigurationUserStatusCreate {
    ManagedDeviceMobileAppConfigurationUserStatusCreate {
        user_display_name: Some("User Display Name value".into()),
        devices_count: Some(12),
        status: Some(ComplianceStatus::Other("String".into())),
        last_reported_date_time: Some("2016-12-31T23:57:57.7265241+03:00".parse().unwrap()),
        user_principal_name: Some("User Principal Name value".into()),
        additional_data: Default::default(),
    }
}

/// The top-level keys of a JSON object, in the order written, repeats
/// included (a `serde_json::Map` would sort them and drop repeats).
pub fn keys_in_order(json: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    struct Keys<'a>(&'a mut Vec<String>);
    impl<'de> serde::de::Visitor<'de> for Keys<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<serde::de::IgnoredAny>()?;
                self.0.push(key);
            }
            Ok(())
        }
    }
    serde::Deserializer::deserialize_map(&mut de, Keys(&mut keys)).unwrap();
    keys
}

/// The path and message of the `GraphError::Decode` reading `json` as `T`
/// gives; panics on anything else.
pub fn decode_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    json: &str,
) -> (String, String) {
    match graph_core::from_json::<T>(json.as_bytes()) {
        Err(graph_core::GraphError::Decode { path, message }) => (path, message),
        other => panic!("expected a decode error for {json}, got {other:?}"),
    }
}
