//! DESIGN.md's worked example end to end: the `#[graph_entity]` types behind
//! the "Add userStatuses" endpoint, from request bytes to typed response.

mod common;

use common::*;
use graph_core::http::{self, Method};
use graph_core::{graph_endpoint, Endpoint, GraphError, Reference};
use serde_json::Value;

graph_endpoint! {
    /// Add userStatuses by posting to the userStatuses collection.
    pub CreateUserStatus {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        body: ManagedDeviceMobileAppConfigurationUserStatusCreate,
        response: ManagedDeviceMobileAppConfigurationUserStatus,
    }

    pub AddUserStatusReference {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/$ref",
        body: graph_core::Reference,
    }
}

#[test]
fn the_request_carries_exactly_the_documented_body() {
    let endpoint = CreateUserStatus::new("b6a2ff5c-0000", sample_create());
    let request = endpoint
        .to_request("https://graph.microsoft.com/v1.0", "token")
        .unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/b6a2ff5c-0000/userStatuses"
    );
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent, serde_json::from_str::<Value>(REQUEST_BODY).unwrap());
    let text = std::str::from_utf8(request.body()).unwrap();
    assert!(
        text.starts_with(
            r##"{"@odata.type":"#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus","##
        ),
        "{text}"
    );
}

#[test]
fn the_documented_201_parses_into_the_entity() {
    let response = http::Response::builder()
        .status(201)
        .header("content-type", "application/json")
        .body(RESPONSE_BODY)
        .unwrap();
    let created = CreateUserStatus::parse_response(response).unwrap();
    assert_eq!(
        created.id.as_deref(),
        Some("198a34e4-34e4-198a-e434-8a19e4348a19")
    );
    assert_eq!(
        created.status,
        Some(ComplianceStatus::Other("String".into()))
    );
    assert_eq!(
        created.last_reported_date_time.unwrap().as_str(),
        "2016-12-31T23:57:57.7265241+03:00"
    );
}

#[test]
fn a_201_that_does_not_match_names_the_property() {
    let response = http::Response::builder()
        .status(201)
        .body(r#"{"id": "1", "lastReportedDateTime": "2016-12-31"}"#)
        .unwrap();
    match CreateUserStatus::parse_response(response) {
        Err(GraphError::Decode { path, message }) => {
            assert_eq!(path, "lastReportedDateTime");
            assert!(message.contains("2016-12-31"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_ref_form_posts_an_odata_id_and_expects_no_content() {
    let target = "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/1/userStatuses/2";
    let endpoint = AddUserStatusReference::new("1", Reference::new(target));
    let request = endpoint
        .to_request("https://graph.microsoft.com/v1.0/", "token")
        .unwrap();
    assert_eq!(
        request.uri().path(),
        "/v1.0/deviceAppManagement/mobileAppConfigurations/1/userStatuses/$ref"
    );
    assert_eq!(
        serde_json::from_slice::<Value>(request.body()).unwrap(),
        serde_json::json!({ "@odata.id": target })
    );
    assert_eq!(AddUserStatusReference::SUCCESS_STATUS, 204);
    let response = http::Response::builder().status(204).body("").unwrap();
    AddUserStatusReference::parse_response(response).unwrap();
}
