//! "Add userStatuses" from the Microsoft Graph API reference, end to end.
//!
//! Declares the entity, the enum and the endpoint, prints the HTTP request it
//! would send (token redacted), then parses the documented `201 Created`
//! response and prints the typed result:
//!
//! ```sh
//! cargo run --example add_user_status
//! ```
//!
//! To send the request for real, build with the `send` feature (it adds the
//! `ureq` HTTP client) and set a token and a configuration id:
//!
//! (`GRAPH_SERVICE_ROOT` overrides the service root, `https://graph.microsoft.com/v1.0`.)
//!
//! ```sh
//! GRAPH_ACCESS_TOKEN=eyJ0... GRAPH_CONFIGURATION_ID=b6a2ff5c-... \
//!     cargo run --example add_user_status --features send
//! ```

use graph_core::http::{self, Request};
use graph_core::{graph_endpoint, graph_entity, graph_enum, DateTimeOffset, Endpoint, GraphError};

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

graph_endpoint! {
    /// Add userStatuses by posting to the userStatuses collection.
    pub CreateUserStatus {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        body: ManagedDeviceMobileAppConfigurationUserStatusCreate,
        response: ManagedDeviceMobileAppConfigurationUserStatus,
    }
}

const SERVICE_ROOT: &str = "https://graph.microsoft.com/v1.0";

/// The documented `201 Created` response body.
const DOCUMENTED_RESPONSE: &str = r##"{
  "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
  "id": "198a34e4-34e4-198a-e434-8a19e4348a19",
  "userDisplayName": "User Display Name value",
  "devicesCount": 12,
  "status": "String",
  "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00",
  "userPrincipalName": "User Principal Name value"
}"##;

fn main() -> Result<(), GraphError> {
    let token = std::env::var("GRAPH_ACCESS_TOKEN").ok();
    let service_root =
        std::env::var("GRAPH_SERVICE_ROOT").unwrap_or_else(|_| SERVICE_ROOT.to_owned());
    let configuration_id = std::env::var("GRAPH_CONFIGURATION_ID").ok();

    let body = ManagedDeviceMobileAppConfigurationUserStatusCreate {
        user_display_name: Some("User Display Name value".into()),
        devices_count: Some(12),
        // The documented sample sends a value the enum does not know.
        status: Some(ComplianceStatus::Other("String".into())),
        last_reported_date_time: Some("2016-12-31T23:57:57.7265241+03:00".parse()?),
        user_principal_name: Some("User Principal Name value".into()),
        additional_data: Default::default(),
    };
    let endpoint = CreateUserStatus::new(
        configuration_id
            .as_deref()
            .unwrap_or("b6a2ff5c-1c1a-4b52-bd66-9d7f3ef2cc56"),
        body,
    );
    let request = endpoint.to_request(&service_root, token.as_deref().unwrap_or("{token}"))?;
    println!("The request:\n");
    print_request(&request);

    println!("\nThe documented 201 Created response, parsed:\n");
    let response = http::Response::builder()
        .status(201)
        .header("content-type", "application/json")
        .body(DOCUMENTED_RESPONSE)
        .expect("a valid response");
    let created = CreateUserStatus::parse_response(response)?;
    println!("{created:#?}");

    match (token, configuration_id) {
        (Some(_), Some(_)) => send(request),
        _ => println!(
            "\nSet GRAPH_ACCESS_TOKEN and GRAPH_CONFIGURATION_ID (and build with \
             `--features send`) to send the request to Microsoft Graph."
        ),
    }
    Ok(())
}

fn print_request(request: &Request<Vec<u8>>) {
    println!(
        "{} {} {:?}",
        request.method(),
        request.uri(),
        request.version()
    );
    for (name, value) in request.headers() {
        // The Authorization header is marked sensitive: never print it.
        let value = if value.is_sensitive() {
            "<redacted>"
        } else {
            value.to_str().unwrap_or("<binary>")
        };
        println!("{name}: {value}");
    }
    println!();
    println!("{}", String::from_utf8_lossy(request.body()));
}

#[cfg(feature = "send")]
fn send(request: Request<Vec<u8>>) {
    // Graph's error statuses carry a body worth reading, so they are not
    // ureq errors here: parse_response turns them into GraphError::Api.
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    println!("\nSending it to Microsoft Graph...");
    let response = match agent.run(request) {
        Ok(response) => response,
        Err(error) => return println!("could not send the request: {error}"),
    };
    let (parts, mut body) = response.into_parts();
    let bytes = match body.read_to_vec() {
        Ok(bytes) => bytes,
        Err(error) => return println!("could not read the response: {error}"),
    };
    match CreateUserStatus::parse_response(http::Response::from_parts(parts, bytes)) {
        Ok(created) => println!("Created:\n{created:#?}"),
        Err(error) => println!("Graph said no: {error}"),
    }
}

#[cfg(not(feature = "send"))]
fn send(_request: Request<Vec<u8>>) {
    println!(
        "\nThis build cannot send requests: run it with `--features send` \
         (adds the ureq HTTP client)."
    );
}
