//! The documented "Add userStatuses" request and response, through the
//! generated types and endpoint. The example is vendored in
//! `add_user_status.json` (see `graph-codegen/metadata/SOURCES.md`).

use graph_core::{from_json, http, to_json, Endpoint, JsonValue};
use graph_selection::endpoints::CreateDeviceAppManagementMobileAppConfigurationsUserStatuses as CreateUserStatus;
use graph_selection::graph::{
    ComplianceStatus, ManagedDeviceMobileAppConfigurationUserStatus,
    ManagedDeviceMobileAppConfigurationUserStatusCreate,
};

fn documented() -> JsonValue {
    from_json(include_bytes!("add_user_status.json")).unwrap()
}

#[test]
fn the_documented_request_is_what_the_generated_endpoint_sends() {
    let example = documented();
    let body: ManagedDeviceMobileAppConfigurationUserStatusCreate =
        from_json(to_json(&example["request"]["body"]).unwrap().as_slice()).unwrap();
    assert_eq!(body.status, Some(ComplianceStatus::NotApplicable));
    assert_eq!(body.devices_count, Some(12));
    let request = CreateUserStatus::new("{managedDeviceMobileAppConfigurationId}", body)
        .to_request("https://graph.microsoft.com/v1.0", "token")
        .unwrap();
    assert_eq!(request.method(), http::Method::POST);
    // The template's braces are percent-encoded as a parameter value.
    let uri = request
        .uri()
        .to_string()
        .replace("%7B", "{")
        .replace("%7D", "}");
    assert_eq!(uri, example["request"]["url"].as_str().unwrap());
    let sent: JsonValue = from_json(request.body()).unwrap();
    assert_eq!(sent, example["request"]["body"]);
}

#[test]
fn the_documented_response_reads_and_writes_back_unchanged() {
    let example = documented();
    let response = http::Response::builder()
        .status(201)
        .body(to_json(&example["response"]["body"]).unwrap())
        .unwrap();
    let created: ManagedDeviceMobileAppConfigurationUserStatus =
        CreateUserStatus::parse_response(response).unwrap();
    assert_eq!(
        created.id.as_deref(),
        Some("44960944-0944-4496-4409-964444099644")
    );
    assert_eq!(
        created.user_principal_name.as_deref(),
        Some("User Principal Name value")
    );
    assert!(created.additional_data.is_empty());
    let written: JsonValue = from_json(&to_json(&created).unwrap()).unwrap();
    assert_eq!(written, example["response"]["body"]);
}
