//! `graph_endpoint!` at run time: the requests endpoints build and the
//! responses they read, with the "Add userStatuses" endpoint of the Graph
//! API reference and its `$ref` form.
//!
//! One file (one test crate) to keep the build small.

use graph_core::http::{self, header, Method, StatusCode};
use graph_core::{graph_endpoint, ApiError, Endpoint, GraphError, Reference, RetryAfter};
use serde::{Deserialize, Serialize};

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature";

/// The request body of the documented sample, as a plain serde type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserStatusCreate {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub user_display_name: String,
    pub devices_count: i32,
    pub status: String,
    pub last_reported_date_time: String,
    pub user_principal_name: String,
}

/// The created object, as Graph returns it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserStatus {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    pub user_display_name: String,
    pub devices_count: i32,
    pub status: String,
    pub last_reported_date_time: String,
    pub user_principal_name: String,
}

graph_endpoint! {
    /// Add userStatuses by posting to the userStatuses collection.
    #[derive(Debug, Clone)]
    pub CreateUserStatus {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        body: UserStatusCreate,
        response: UserStatus,
    }

    /// Add userStatuses by reference.
    pub AddUserStatusReference {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/$ref",
        body: graph_core::Reference,
    }

    pub GetUserStatus {
        method: GET,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/{managedDeviceMobileAppConfigurationUserStatusId}",
        response: UserStatus,
    }

    pub RemoveMember {
        method: DELETE,
        path: "/groups/{groupId}/members/{directoryObjectId}/$ref",
    }

    pub UpdateUserStatus {
        method: PATCH,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/{managedDeviceMobileAppConfigurationUserStatusId}",
        body: serde_json::Value,
    }

    pub UpdateUserStatusReturning {
        method: PATCH,
        path: "/users/{userId}",
        body: serde_json::Value,
        response: serde_json::Value,
    }

    pub ReplaceSetting {
        method: PUT,
        path: "/users/{userId}/settings",
        body: serde_json::Value,
    }

    pub ReplaceSettingReturning {
        method: PUT,
        path: "/users/{userId}/settings",
        body: serde_json::Value,
        response: serde_json::Value,
    }

    pub SendMail {
        method: POST,
        path: "/users/{userId}/sendMail",
        body: serde_json::Value,
        status: 202,
    }

    pub CountUsers {
        method: GET,
        path: "/users/$count",
        response: u64,
    }

    pub Me {
        method: GET,
        path: "/me",
        response: serde_json::Value,
        status: 203,
    }

    pub Unserializable {
        method: POST,
        path: "/users/{userId}/sendMail",
        body: FailsToSerialize,
    }
}

#[derive(Debug)]
pub struct FailsToSerialize;

impl Serialize for FailsToSerialize {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "this body refuses to be serialized",
        ))
    }
}

/// The sample body of the Graph API reference, exactly as documented.
const SAMPLE_BODY: &str = r##"{
  "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
  "userDisplayName": "User Display Name value",
  "devicesCount": 12,
  "status": "String",
  "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00",
  "userPrincipalName": "User Principal Name value"
}"##;

/// The sample `201 Created` response of the Graph API reference.
const SAMPLE_RESPONSE: &str = r##"{
  "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
  "id": "198a34e4-34e4-198a-e434-8a19e4348a19",
  "userDisplayName": "User Display Name value",
  "devicesCount": 12,
  "status": "String",
  "lastReportedDateTime": "2016-12-31T23:57:57.7265241+03:00",
  "userPrincipalName": "User Principal Name value"
}"##;

fn sample_body() -> UserStatusCreate {
    serde_json::from_str(SAMPLE_BODY).unwrap()
}

fn create(id: &str) -> CreateUserStatus {
    CreateUserStatus::new(id, sample_body())
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

/// The segments of a URL path, percent-decoded.
fn decoded_segments(path: &str) -> Vec<String> {
    path.split('/')
        .map(|segment| {
            percent_encoding::percent_decode_str(segment)
                .decode_utf8()
                .unwrap()
                .into_owned()
        })
        .collect()
}

mod request {
    use super::*;

    #[test]
    fn create_user_status_builds_the_documented_request() {
        let endpoint = create("b6a2ff5c-e1d9-4d3b-8c7c-4e5b3a6f0a11");
        let request = endpoint.to_request(ROOT, TOKEN).unwrap();

        assert_eq!(request.method(), Method::POST);
        assert_eq!(
            request.uri().to_string(),
            "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/\
             b6a2ff5c-e1d9-4d3b-8c7c-4e5b3a6f0a11/userStatuses"
        );
        let headers = request.headers();
        let authorization = &headers[header::AUTHORIZATION];
        assert_eq!(authorization, &format!("Bearer {TOKEN}"));
        assert!(authorization.is_sensitive());
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(headers[header::ACCEPT], "application/json");
        // Enum members Graph added later arrive as themselves, not as
        // `unknownFutureValue`: #[graph_enum]'s `other` variant keeps them.
        assert_eq!(headers["prefer"], "include-unknown-enum-members");
        assert_eq!(headers.len(), 4, "{headers:?}");

        // Exactly the JSON of the body value, which is the documented sample.
        assert_eq!(request.body(), &serde_json::to_vec(&endpoint.body).unwrap());
        assert_eq!(json(request.body()), json(SAMPLE_BODY.as_bytes()));
    }

    #[test]
    fn the_example_id_is_used_as_is() {
        let request = create("id").to_request(ROOT, TOKEN).unwrap();
        assert_eq!(
            request.uri(),
            "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/id/userStatuses"
        );
    }

    #[test]
    fn generated_struct_holds_parameters_in_path_order_then_body() {
        let endpoint = create("config-1");
        assert_eq!(
            endpoint.managed_device_mobile_app_configuration_id,
            "config-1"
        );
        assert_eq!(endpoint.body, sample_body());
        assert_eq!(
            endpoint.path().unwrap(),
            "/deviceAppManagement/mobileAppConfigurations/config-1/userStatuses"
        );

        let get = GetUserStatus::new("config-1", String::from("status-2"));
        assert_eq!(get.managed_device_mobile_app_configuration_id, "config-1");
        assert_eq!(
            get.managed_device_mobile_app_configuration_user_status_id,
            "status-2"
        );
        assert!(get.body().is_none());
        assert_eq!(
            get.path().unwrap(),
            "/deviceAppManagement/mobileAppConfigurations/config-1/userStatuses/status-2"
        );

        let remove = RemoveMember::new("g", "m");
        assert_eq!(
            (
                remove.group_id.as_str(),
                remove.directory_object_id.as_str()
            ),
            ("g", "m")
        );
        assert_eq!(remove.path().unwrap(), "/groups/g/members/m/$ref");

        // An endpoint without parameters or body is a unit struct.
        assert_eq!(CountUsers.path().unwrap(), "/users/$count");
        assert_eq!(CountUsers::new().path().unwrap(), "/users/$count");
    }

    #[test]
    fn the_token_never_appears_in_debug_output() {
        let request = create("id").to_request(ROOT, TOKEN).unwrap();
        let debug = format!("{request:?}");
        assert!(!debug.contains(TOKEN), "{debug}");
        assert!(!debug.contains("secret-payload"), "{debug}");
        assert!(debug.contains("Sensitive"), "{debug}");
    }

    #[test]
    fn service_root_with_or_without_trailing_slash() {
        let expected = "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/id/userStatuses";
        for root in [
            ROOT,
            "https://graph.microsoft.com/v1.0/",
            "https://graph.microsoft.com/v1.0//",
        ] {
            let request = create("id").to_request(root, TOKEN).unwrap();
            assert_eq!(request.uri(), expected, "root {root:?}");
        }
        for (root, expected) in [
            (
                "https://graph.microsoft.com/localtest",
                "https://graph.microsoft.com/localtest/deviceAppManagement/mobileAppConfigurations/id/userStatuses",
            ),
            (
                "https://graph.microsoft.com/localtest/",
                "https://graph.microsoft.com/localtest/deviceAppManagement/mobileAppConfigurations/id/userStatuses",
            ),
            (
                "https://graph.microsoft.com",
                "https://graph.microsoft.com/deviceAppManagement/mobileAppConfigurations/id/userStatuses",
            ),
            (
                "http://localhost:8080/beta/",
                "http://localhost:8080/beta/deviceAppManagement/mobileAppConfigurations/id/userStatuses",
            ),
        ] {
            let request = create("id").to_request(root, TOKEN).unwrap();
            assert_eq!(request.uri(), expected, "root {root:?}");
        }
    }

    #[test]
    fn invalid_service_roots_are_errors_that_say_so() {
        for root in [
            "",
            "/",
            "graph.microsoft.com/v1.0",
            "/v1.0",
            "ftp://graph.microsoft.com/v1.0",
            "https://",
            "https:///v1.0",
            "https://graph.microsoft.com/v1.0?api-version=2",
            "https://graph.microsoft.com/v1.0#top",
            "https://graph microsoft.com/v1.0",
            "http://127.0.0.1:99999/v1.0",
            "https://graph.microsoft.com:65536/v1.0",
            "http://user@127.0.0.1:70000/v1.0",
            "http://[::1]:123456/v1.0",
        ] {
            let error = create("id").to_request(root, TOKEN).unwrap_err();
            assert!(
                matches!(error, GraphError::InvalidRequest { .. }),
                "root {root:?}: {error:?}"
            );
            let message = error.to_string();
            assert!(message.contains("service root"), "root {root:?}: {message}");
            assert!(
                message.contains("https://graph.microsoft.com/v1.0`"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_port_above_65535_is_refused_by_name_and_any_port_below_is_taken() {
        let error = create("id")
            .to_request("http://127.0.0.1:99999/v1.0", TOKEN)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("the port `99999`, which is not a number from 1 to 65535"),
            "{error}"
        );
        for root in [
            "http://127.0.0.1:65535/v1.0",
            "http://[::1]:8080/v1.0",
            "http://localhost:1/v1.0",
            "https://graph.microsoft.com:/v1.0",
        ] {
            create("id").to_request(root, TOKEN).unwrap();
        }
    }

    #[test]
    fn port_zero_is_refused_by_name() {
        for root in [
            "http://127.0.0.1:0/v1.0",
            "http://127.0.0.1:00000/v1.0",
            "http://[::1]:0/v1.0",
        ] {
            let error = create("id")
                .to_request(root, TOKEN)
                .unwrap_err()
                .to_string();
            assert!(error.contains("the port 0"), "{error}");
        }
    }

    /// A user name or password in the root would be shown wherever the root
    /// is (errors, `Debug`, URIs, batches), and Graph takes none: it is
    /// refused, and the error shows `***` in its place.
    #[test]
    fn a_root_with_a_user_name_or_password_is_refused_without_showing_it() {
        for root in [
            "https://admin:hunter2@graph.microsoft.com/v1.0",
            "https://hunter2@graph.microsoft.com/v1.0",
            "https://admin:hunter2@graph.microsoft.com",
            "HTTPS://admin:hunter2@graph.microsoft.com:443/v1.0/",
            "http://admin:hunter2@127.0.0.1:0/v1.0",
            "http://admin:hunter2@127.0.0.1:99999/v1.0",
            "https://admin:hunter2@graph.microsoft.com/v1.0?x=1",
            "https://admin:hunter2@graph microsoft.com/v1.0",
            "ftp://admin:hunter2@graph.microsoft.com/v1.0",
            "admin:hunter2@graph.microsoft.com/v1.0",
            // Not valid in a URL, but a password still, to be hidden whole.
            "https://admin:hun/ter2@graph.microsoft.com/v1.0",
            "https://admin:hunter2#@graph.microsoft.com/v1.0",
            "https://admin:hunter2:@graph.microsoft.com/v1.0",
            "https://hunter2:99999@graph.microsoft.com/v1.0",
        ] {
            let error = create("id").to_request(root, TOKEN).unwrap_err();
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains("hun") && !shown.contains("ter2"), "{shown}");
            assert!(shown.contains("***@"), "{shown}");
            let mut batch = graph_core::batch::Batch::new(root);
            let error = batch.add(&create("id")).unwrap_err();
            let shown = format!("{error} {error:?} {batch:?}");
            assert!(!shown.contains("hunter2"), "{shown}");
        }
        let error = create("id")
            .to_request("https://admin:hunter2@graph.microsoft.com/v1.0", TOKEN)
            .unwrap_err()
            .to_string();
        assert!(error.contains("user name or password"), "{error}");
        assert!(
            error.contains("`https://***@graph.microsoft.com/v1.0`"),
            "{error}"
        );
    }

    #[test]
    fn path_parameters_cannot_change_the_path_structure() {
        let ids = [
            "a/../b?x=1#frag %",
            "jo_contoso.com#EXT#@tenant.onmicrosoft.com",
            "...",
            ".. ",
            "%2E%2E",
            "../..",
            "%2e%2E",
            "a%2Fb",
            "?",
            "#",
            "/",
            "\\..\\",
            " leading and trailing ",
            "line\nbreak\r\tand\0nul",
            "ünïcödé/日本語",
            "O'Brien(1)",
            "a;b=c,d&e+f$g",
        ];
        for id in ids {
            let request = create(id).to_request(ROOT, TOKEN).unwrap();
            let uri = request.uri();
            assert_eq!(uri.query(), None, "id {id:?}: {uri}");
            let text = uri.to_string();
            assert!(!text.contains(['#', '?', '\\', ' ']), "id {id:?}: {text}");
            let segments = decoded_segments(uri.path());
            assert_eq!(
                segments,
                [
                    "",
                    "v1.0",
                    "deviceAppManagement",
                    "mobileAppConfigurations",
                    id,
                    "userStatuses"
                ],
                "id {id:?}: {text}"
            );
            // Nothing on the way can resolve a dot segment.
            for raw in uri.path().split('/') {
                assert!(raw != "." && raw != "..", "id {id:?}: {text}");
            }
        }
    }

    #[test]
    fn dot_segments_are_refused_naming_the_parameter() {
        // `%2E%2E` is no defence: WHATWG URL parsers (the `url` crate under
        // reqwest, browsers) resolve it as `..`, so a DELETE would reach the
        // parent resource.
        for id in [".", ".."] {
            let error = create(id).to_request(ROOT, TOKEN).unwrap_err();
            match &error {
                GraphError::InvalidPathParameter { name, .. } => {
                    assert_eq!(*name, "managedDeviceMobileAppConfigurationId")
                }
                other => panic!("id {id:?}: {other:?}"),
            }
            assert!(error.to_string().contains("dot segment"), "{error}");
            let error = GetUserStatus::new("config", id).path().unwrap_err();
            assert!(
                matches!(
                    error,
                    GraphError::InvalidPathParameter {
                        name: "managedDeviceMobileAppConfigurationUserStatusId",
                        ..
                    }
                ),
                "id {id:?}: {error:?}"
            );
        }
        let segment = |id: &str| {
            let request = create(id).to_request(ROOT, TOKEN).unwrap();
            request.uri().path().split('/').nth(4).unwrap().to_owned()
        };
        assert_eq!(segment("..."), "...");
        assert_eq!(segment("a.b"), "a.b");
        assert_eq!(segment("a..b"), "a..b");
        assert_eq!(
            segment("a/../b?x=1#frag %"),
            "a%2F..%2Fb%3Fx%3D1%23frag%20%25"
        );
    }

    #[test]
    fn external_user_upn_reaches_the_server_intact() {
        let upn = "jo_contoso.com#EXT#@tenant.onmicrosoft.com";
        let request = create(upn).to_request(ROOT, TOKEN).unwrap();
        assert_eq!(
            request.uri(),
            "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/\
             jo_contoso.com%23EXT%23%40tenant.onmicrosoft.com/userStatuses"
        );
        assert_eq!(decoded_segments(request.uri().path())[4], upn);
    }

    #[test]
    fn several_parameters_are_each_one_segment() {
        let request = RemoveMember::new("a/b", "c?d")
            .to_request(ROOT, TOKEN)
            .unwrap();
        assert_eq!(
            request.uri(),
            "https://graph.microsoft.com/v1.0/groups/a%2Fb/members/c%3Fd/$ref"
        );
    }

    #[test]
    fn an_empty_parameter_is_an_error_naming_it() {
        let error = create("").to_request(ROOT, TOKEN).unwrap_err();
        match &error {
            GraphError::InvalidPathParameter { name, .. } => {
                assert_eq!(*name, "managedDeviceMobileAppConfigurationId")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            error.to_string(),
            "invalid path parameter `managedDeviceMobileAppConfigurationId`: it is empty"
        );

        let error = GetUserStatus::new("config", "").path().unwrap_err();
        assert!(
            matches!(
                error,
                GraphError::InvalidPathParameter {
                    name: "managedDeviceMobileAppConfigurationUserStatusId",
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn bad_tokens_are_errors_that_never_echo_the_token() {
        for token in [
            format!("{TOKEN}\n"),
            format!("{TOKEN}\r\nX-Injected: yes"),
            format!("{TOKEN}\0"),
            format!("Bearer {TOKEN}"),
            format!("bearer {TOKEN}"),
            String::new(),
            "   ".to_owned(),
            "\t".to_owned(),
            " \t ".to_owned(),
        ] {
            let error = create("id").to_request(ROOT, &token).unwrap_err();
            assert!(
                matches!(error, GraphError::InvalidRequest { .. }),
                "{error:?}"
            );
            let shown = format!("{error} {error:?}");
            assert!(shown.contains("access token"), "{shown}");
            assert!(!shown.contains("secret-payload"), "{shown}");
        }
    }

    #[test]
    fn reference_endpoint_sends_the_odata_id() {
        let target = "https://graph.microsoft.com/v1.0/deviceManagement/userStatuses/42";
        let request = AddUserStatusReference::new("config", Reference::new(target))
            .to_request(ROOT, TOKEN)
            .unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(
            request.uri(),
            "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/config/userStatuses/$ref"
        );
        assert_eq!(request.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(
            std::str::from_utf8(request.body()).unwrap(),
            format!(r#"{{"@odata.id":"{target}"}}"#)
        );
    }

    #[test]
    fn reference_serializes_and_deserializes() {
        let reference = Reference::new("https://graph.microsoft.com/v1.0/users/1");
        assert_eq!(
            reference.odata_id,
            "https://graph.microsoft.com/v1.0/users/1"
        );
        let json = graph_core::to_json(&reference).unwrap();
        assert_eq!(
            json,
            br#"{"@odata.id":"https://graph.microsoft.com/v1.0/users/1"}"#
        );
        assert_eq!(
            graph_core::from_json::<Reference>(&json).unwrap(),
            reference
        );
        let with_context: Reference = graph_core::from_json(
            br#"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$ref", "@odata.id": "x"}"#,
        )
        .unwrap();
        assert_eq!(with_context, Reference::new("x"));
        let error = graph_core::from_json::<Reference>(br#"{"id": "x"}"#).unwrap_err();
        assert!(error.to_string().contains("@odata.id"), "{error}");
    }

    #[test]
    fn requests_without_body_have_no_content_type() {
        for request in [
            GetUserStatus::new("c", "s")
                .to_request(ROOT, TOKEN)
                .unwrap(),
            RemoveMember::new("g", "m").to_request(ROOT, TOKEN).unwrap(),
        ] {
            assert!(request.body().is_empty());
            assert!(request.headers().get(header::CONTENT_TYPE).is_none());
            assert_eq!(request.headers()[header::ACCEPT], "application/json");
            assert!(request.headers()[header::AUTHORIZATION].is_sensitive());
        }
        let delete = RemoveMember::new("g", "m").to_request(ROOT, TOKEN).unwrap();
        assert_eq!(delete.method(), Method::DELETE);
    }

    #[test]
    fn methods_reach_the_request() {
        let body = serde_json::json!({ "displayName": "x" });
        let patch = UpdateUserStatus::new("c", "s", body.clone())
            .to_request(ROOT, TOKEN)
            .unwrap();
        assert_eq!(patch.method(), Method::PATCH);
        assert_eq!(json(patch.body()), body);
        let put = ReplaceSetting::new("u", body.clone())
            .to_request(ROOT, TOKEN)
            .unwrap();
        assert_eq!(put.method(), Method::PUT);
        let get = CountUsers.to_request(ROOT, TOKEN).unwrap();
        assert_eq!(get.method(), Method::GET);
        assert_eq!(get.uri(), "https://graph.microsoft.com/v1.0/users/$count");
    }

    #[test]
    fn a_body_that_cannot_be_serialized_is_an_encode_error() {
        let error = Unserializable::new("u", FailsToSerialize)
            .to_request(ROOT, TOKEN)
            .unwrap_err();
        match &error {
            GraphError::Encode { message } => {
                assert!(message.contains("refuses to be serialized"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn endpoint_constants() {
        fn constants<E: Endpoint>() -> (Method, &'static str, u16) {
            (E::METHOD, E::PATH_TEMPLATE, E::SUCCESS_STATUS)
        }
        assert_eq!(
            constants::<CreateUserStatus>(),
            (
                Method::POST,
                "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
                201
            )
        );
        assert_eq!(
            constants::<AddUserStatusReference>(),
            (
                Method::POST,
                "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/$ref",
                204
            )
        );
        assert_eq!(constants::<GetUserStatus>().0, Method::GET);
        assert_eq!(constants::<GetUserStatus>().2, 200);
        assert_eq!(
            constants::<CountUsers>(),
            (Method::GET, "/users/$count", 200)
        );
        assert_eq!(
            constants::<RemoveMember>(),
            (
                Method::DELETE,
                "/groups/{groupId}/members/{directoryObjectId}/$ref",
                204
            )
        );
        assert_eq!(constants::<UpdateUserStatus>().0, Method::PATCH);
        assert_eq!(constants::<UpdateUserStatus>().2, 204);
        assert_eq!(constants::<UpdateUserStatusReturning>().2, 200);
        assert_eq!(
            constants::<ReplaceSetting>(),
            (Method::PUT, "/users/{userId}/settings", 204)
        );
        assert_eq!(constants::<ReplaceSettingReturning>().2, 200);
        // `status:` overrides the default.
        assert_eq!(
            constants::<SendMail>(),
            (Method::POST, "/users/{userId}/sendMail", 202)
        );
        assert_eq!(constants::<Me>().2, 203);
        assert_eq!(constants::<Unserializable>().2, 204);
    }

    #[test]
    fn expand_path_for_hand_written_endpoints() {
        use graph_core::endpoint::expand_path;
        assert_eq!(expand_path("/users", &[]).unwrap(), "/users");
        assert_eq!(
            expand_path("/a/{x}/b/{y}", &["1", "2 3"]).unwrap(),
            "/a/1/b/2%203"
        );
        for (template, values) in [
            ("/a/{x}", &[][..]),
            ("/a", &["1"][..]),
            ("/a/{x", &["1"][..]),
        ] {
            let error = expand_path(template, values).unwrap_err();
            assert!(
                matches!(error, GraphError::InvalidRequest { .. }),
                "{error:?}"
            );
            assert!(error.to_string().contains(template), "{error}");
        }
    }
}

mod response {
    use super::*;

    fn response(
        status: u16,
        headers: &[(&str, &str)],
        body: impl Into<Vec<u8>>,
    ) -> http::Response<Vec<u8>> {
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(body.into()).unwrap()
    }

    fn graph_error_body(code: &str, message: &str) -> String {
        serde_json::json!({
            "error": {
                "code": code,
                "message": message,
                "innerError": {
                    "request-id": "c7a2e0c4-4f2b-4a3e-9a33-0b1e1f2c3d4e",
                    "client-request-id": "5e0e5c2a-9d8f-4b1a-8c3e-2f1d0a9b8c7d",
                    "date": "2024-05-01T12:34:56"
                }
            }
        })
        .to_string()
    }

    fn api_error(error: GraphError) -> ApiError {
        match error {
            GraphError::Api(error) => *error,
            other => panic!("expected GraphError::Api, got {other:?}"),
        }
    }

    #[test]
    fn created_returns_the_typed_entity() {
        let created = CreateUserStatus::parse_response(response(
            201,
            &[("content-type", "application/json")],
            SAMPLE_RESPONSE,
        ))
        .unwrap();
        assert_eq!(
            created,
            UserStatus {
                odata_type: "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus".into(),
                id: "198a34e4-34e4-198a-e434-8a19e4348a19".into(),
                user_display_name: "User Display Name value".into(),
                devices_count: 12,
                status: "String".into(),
                last_reported_date_time: "2016-12-31T23:57:57.7265241+03:00".into(),
                user_principal_name: "User Principal Name value".into(),
            }
        );
    }

    #[test]
    fn any_2xx_is_success() {
        for status in [200, 201, 202, 203] {
            let created =
                CreateUserStatus::parse_response(response(status, &[], SAMPLE_RESPONSE)).unwrap();
            assert_eq!(created.id, "198a34e4-34e4-198a-e434-8a19e4348a19");
        }
        // Bodies of any `AsRef<[u8]>` type.
        CreateUserStatus::parse_response(
            http::Response::builder()
                .status(201)
                .body(SAMPLE_RESPONSE)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            CountUsers::parse_response(http::Response::builder().status(200).body("42").unwrap())
                .unwrap(),
            42
        );
    }

    #[test]
    fn no_content_response_ignores_the_body() {
        AddUserStatusReference::parse_response(response(204, &[], "")).unwrap();
        AddUserStatusReference::parse_response(response(200, &[], "<not json>")).unwrap();
        RemoveMember::parse_response(response(204, &[], Vec::new())).unwrap();
    }

    #[test]
    fn graph_errors_become_api_errors() {
        let cases = [
            (404, "Request_ResourceNotFound", "Resource 'b6a2ff5c' does not exist or one of its queried reference-property objects are not present."),
            (400, "BadRequest", "Invalid request."),
            (401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
            (403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
            (503, "serviceNotAvailable", "The service is temporarily unavailable."),
        ];
        for (status, code, message) in cases {
            let error = api_error(
                CreateUserStatus::parse_response(response(
                    status,
                    &[("content-type", "application/json")],
                    graph_error_body(code, message),
                ))
                .unwrap_err(),
            );
            assert_eq!(error.status, StatusCode::from_u16(status).unwrap());
            assert_eq!(error.code, code);
            assert_eq!(error.message, message);
            assert_eq!(
                error.request_id.as_deref(),
                Some("c7a2e0c4-4f2b-4a3e-9a33-0b1e1f2c3d4e")
            );
            assert_eq!(
                error.client_request_id.as_deref(),
                Some("5e0e5c2a-9d8f-4b1a-8c3e-2f1d0a9b8c7d")
            );
            assert_eq!(error.date.as_deref(), Some("2024-05-01T12:34:56"));
            assert_eq!(error.retry_after, None);
        }
    }

    #[test]
    fn errors_are_read_for_endpoints_without_response_too() {
        let error = api_error(
            AddUserStatusReference::parse_response(response(
                400,
                &[],
                graph_error_body(
                    "Request_BadRequest",
                    "One or more added object references already exist.",
                ),
            ))
            .unwrap_err(),
        );
        assert_eq!(error.code, "Request_BadRequest");
    }

    #[test]
    fn throttling_keeps_retry_after() {
        let error = api_error(
            CreateUserStatus::parse_response(response(
                429,
                &[("Retry-After", "7")],
                graph_error_body("TooManyRequests", "Too many requests."),
            ))
            .unwrap_err(),
        );
        assert_eq!(error.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            error.retry_after,
            Some(RetryAfter::Delay(std::time::Duration::from_secs(7)))
        );
        assert_eq!(
            error.to_string(),
            "Microsoft Graph returned 429 Too Many Requests: TooManyRequests: Too many requests. \
             (request-id c7a2e0c4-4f2b-4a3e-9a33-0b1e1f2c3d4e); retry after 7 s"
        );

        let error = api_error(
            CreateUserStatus::parse_response(response(
                503,
                &[("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")],
                graph_error_body("serviceNotAvailable", "Try later."),
            ))
            .unwrap_err(),
        );
        assert_eq!(
            error.retry_after,
            Some(RetryAfter::Date(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_445_412_480)
            ))
        );
    }

    #[test]
    fn api_error_display_names_status_code_message_and_request_id() {
        let error = CreateUserStatus::parse_response(response(
            404,
            &[],
            graph_error_body("Request_ResourceNotFound", "Resource 'x' does not exist."),
        ))
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Microsoft Graph returned 404 Not Found: Request_ResourceNotFound: Resource 'x' does not exist. \
             (request-id c7a2e0c4-4f2b-4a3e-9a33-0b1e1f2c3d4e)"
        );
    }

    #[test]
    fn minimal_and_lowercase_inner_error_bodies() {
        let error = api_error(
            GetUserStatus::parse_response(response(
                404,
                &[],
                r#"{"error":{"code":"itemNotFound","message":"Not found"}}"#,
            ))
            .unwrap_err(),
        );
        assert_eq!(
            (error.code.as_str(), error.message.as_str()),
            ("itemNotFound", "Not found")
        );
        assert_eq!(error.request_id, None);

        let error = api_error(
            GetUserStatus::parse_response(response(
                500,
                &[],
                r#"{"error":{"code":"generalException","message":null,"innererror":{"request-id":"r1","date":"2024-01-01T00:00:00"}}}"#,
            ))
            .unwrap_err(),
        );
        assert_eq!(error.code, "generalException");
        assert_eq!(error.message, "");
        assert_eq!(error.request_id.as_deref(), Some("r1"));
        assert_eq!(error.date.as_deref(), Some("2024-01-01T00:00:00"));
    }

    #[test]
    fn error_bodies_of_unexpected_shape_keep_code_and_message() {
        let bodies = [
            // (body, request id expected)
            (
                r#"{"error":{"code":"c","message":"m","innerError":"x"}}"#,
                None,
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":{"request-id":5}}}"#,
                None,
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":{"request-id":"r1"},"innererror":{"request-id":"r2"}}}"#,
                Some("r1"),
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":[1],"innererror":{"request-id":"r2"}}}"#,
                Some("r2"),
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":null,"details":[{"code":1}]}}"#,
                None,
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":{"date":{"utc":true},"request-id":"r3"}}}"#,
                Some("r3"),
            ),
            (
                r#"{"error":{"code":"c","message":"m","innerError":{"date":1},"innererror":{"request-id":"r4"}}}"#,
                Some("r4"),
            ),
        ];
        for (body, request_id) in bodies {
            let error =
                api_error(GetUserStatus::parse_response(response(400, &[], body)).unwrap_err());
            assert_eq!(
                (error.code.as_str(), error.message.as_str()),
                ("c", "m"),
                "{body}"
            );
            assert_eq!(error.request_id.as_deref(), request_id, "{body}");
            assert_eq!(error.date, None, "{body}");
        }
        // A message of another shape is dropped, the code kept.
        let error = api_error(
            GetUserStatus::parse_response(response(
                400,
                &[],
                r#"{"error":{"code":"c","message":{"lang":"en","value":"m"}}}"#,
            ))
            .unwrap_err(),
        );
        assert_eq!((error.code.as_str(), error.message.as_str()), ("c", ""));
        // Without a string code it is not a Graph error body.
        for body in [r#"{"error":{"code":5,"message":"m"}}"#, r#"{"error":"c"}"#] {
            let error = GetUserStatus::parse_response(response(400, &[], body)).unwrap_err();
            assert!(
                matches!(error, GraphError::Status { .. }),
                "{body}: {error:?}"
            );
        }
    }

    #[test]
    fn html_error_page_is_a_status_error_keeping_the_body() {
        let page = "<html><head><title>502 Bad Gateway</title></head>\
                    <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>";
        let error =
            CreateUserStatus::parse_response(response(502, &[("content-type", "text/html")], page))
                .unwrap_err();
        match &error {
            GraphError::Status {
                status,
                body,
                retry_after,
            } => {
                assert_eq!(*status, StatusCode::BAD_GATEWAY);
                assert_eq!(body.as_str(), page);
                assert_eq!(*retry_after, None);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            error.to_string(),
            format!(
                "the server returned 502 Bad Gateway with a body that is not a Graph error: {page}"
            )
        );
    }

    #[test]
    fn status_errors_keep_retry_after_and_report_empty_bodies() {
        let error = GetUserStatus::parse_response(response(503, &[("retry-after", "120")], ""))
            .unwrap_err();
        match &error {
            GraphError::Status { retry_after, .. } => {
                assert_eq!(
                    *retry_after,
                    Some(RetryAfter::Delay(std::time::Duration::from_secs(120)))
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            error.to_string(),
            "the server returned 503 Service Unavailable with an empty body"
        );
        // JSON that is not a Graph error, and a 3xx, are status errors too.
        for (status, body) in [
            (400, r#"{"error":"invalid_grant"}"#),
            (302, ""),
            (500, "[]"),
        ] {
            let error = GetUserStatus::parse_response(response(status, &[], body)).unwrap_err();
            assert!(matches!(error, GraphError::Status { .. }), "{error:?}");
        }
    }

    #[test]
    fn a_huge_error_body_is_shortened() {
        let body = "x".repeat(5 * 1024 * 1024);
        let error =
            CreateUserStatus::parse_response(response(500, &[], body.as_str())).unwrap_err();
        let GraphError::Status { body: kept, .. } = &error else {
            panic!("{error:?}")
        };
        assert!(kept.as_str().len() <= 4200, "{}", kept.as_str().len());
        assert!(kept.as_str().starts_with("xxxx"));
        assert!(
            kept.as_str().ends_with(&format!("({} bytes)", body.len())),
            "{}",
            &kept.as_str()[4000..]
        );
        assert!(error.to_string().len() < 4400);
        assert!(format!("{error:?}").len() < 4400);

        // Multi-byte characters are never cut in half.
        let body = "é".repeat(1024 * 1024);
        let error =
            CreateUserStatus::parse_response(response(500, &[], body.as_str())).unwrap_err();
        let GraphError::Status { body: kept, .. } = &error else {
            panic!("{error:?}")
        };
        assert!(!kept.as_str().contains('\u{FFFD}'));
        assert!(kept.as_str().len() <= 4200);

        // A Graph error with a huge message is shortened too.
        let error = api_error(
            CreateUserStatus::parse_response(response(
                400,
                &[],
                graph_error_body("BadRequest", &"m".repeat(1 << 20)),
            ))
            .unwrap_err(),
        );
        assert!(error.message.len() <= 4200, "{}", error.message.len());
        assert!(error.to_string().len() < 4400);
    }

    #[test]
    fn a_2xx_body_that_does_not_match_names_the_json_path() {
        let body = SAMPLE_RESPONSE.replace(r#""devicesCount": 12"#, r#""devicesCount": "twelve""#);
        let error = CreateUserStatus::parse_response(response(201, &[], body)).unwrap_err();
        match &error {
            GraphError::Decode { path, message } => {
                assert_eq!(path, "devicesCount");
                assert!(message.contains("expected i32"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(error.to_string().contains("devicesCount"), "{error}");

        // No body at all is not a decode error but the answer without
        // content, which the response type cannot hold (see
        // tests/status_handling.rs).
        let error = CreateUserStatus::parse_response(response(201, &[], "")).unwrap_err();
        assert!(
            matches!(error, GraphError::NoContent { status, .. } if status == 201),
            "{error:?}"
        );
    }
}
