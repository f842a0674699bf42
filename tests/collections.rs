//! Collections, paging, query options and request preferences.

mod common;

use common::*;
use graph_core::http::{self, Method};
use graph_core::{graph_endpoint, Collection, Endpoint, GraphError, RequestOptions};
use serde_json::{json, Value};

graph_endpoint! {
    pub ListUserStatuses {
        method: GET,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        response: Collection<ManagedDeviceMobileAppConfigurationUserStatus>,
    }
}

const ROOT: &str = "https://graph.microsoft.com/v1.0";

fn page(next_link: Option<&str>, ids: &[&str]) -> String {
    let mut page = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceAppManagement/mobileAppConfigurations('1')/userStatuses",
        "@odata.count": 3,
        "value": ids.iter().map(|id| json!({
            "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
            "id": id,
            "status": "compliant",
            "devicesCount": 1
        })).collect::<Vec<_>>()
    });
    if let Some(link) = next_link {
        page["@odata.nextLink"] = link.into();
    }
    page.to_string()
}

fn ok(body: String) -> http::Response<String> {
    http::Response::builder().status(200).body(body).unwrap()
}

#[test]
fn pages_are_followed_until_the_last() {
    let next = "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileAppConfigurations/1/userStatuses?$skiptoken=RFNwdC0xMDA%3d&$top=2";
    let first = ListUserStatuses::parse_response(ok(page(Some(next), &["a", "b"]))).unwrap();
    assert_eq!(first.count, Some(3));
    assert_eq!(first.value.len(), 2);
    assert_eq!(first.value[0].status, Some(ComplianceStatus::Compliant));

    let request = first
        .next_page_request(ROOT, "token", &RequestOptions::new())
        .unwrap()
        .unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(request.uri().to_string(), next);
    assert!(request.headers()["authorization"].is_sensitive());
    assert!(request.body().is_empty());

    let second: Collection<ManagedDeviceMobileAppConfigurationUserStatus> =
        Collection::parse_page(ok(page(None, &["c"]))).unwrap();
    assert_eq!(second.value[0].id.as_deref(), Some("c"));
    assert!(second
        .next_page_request(ROOT, "token", &RequestOptions::new())
        .is_none());
}

#[test]
fn a_next_page_carries_the_preferences_of_the_first() {
    let next = "https://graph.microsoft.com/v1.0/users?$skiptoken=x";
    let page = Collection::<Value> {
        next_link: Some(next.into()),
        ..Default::default()
    };
    let prefer = |request: &http::Request<Vec<u8>>| {
        request
            .headers()
            .get("prefer")
            .map(|value| value.to_str().unwrap().to_owned())
    };
    for include in [false, true] {
        let options = RequestOptions::new()
            .include_unknown_enum_members(include)
            .select(["id"])
            .top(2);
        let first = ListUserStatuses::new("1")
            .to_request_with(ROOT, "token", &options)
            .unwrap();
        let second = page
            .next_page_request(ROOT, "token", &options)
            .unwrap()
            .unwrap();
        assert_eq!(prefer(&second), prefer(&first), "include: {include}");
        assert_eq!(
            prefer(&second).is_some(),
            include,
            "include: {include}: {second:?}"
        );
        // The next link already holds the query options; none is added twice.
        assert_eq!(second.uri().to_string(), next);
    }
}

/// The request for the next page of a page whose next link is `link`.
fn follow(link: &str) -> Option<Result<http::Request<Vec<u8>>, GraphError>> {
    let page = Collection::<Value> {
        next_link: Some(link.into()),
        ..Default::default()
    };
    page.next_page_request(ROOT, "token", &RequestOptions::new())
}

fn assert_refused(link: &str) {
    match follow(link) {
        Some(Err(GraphError::InvalidRequest { reason })) => {
            assert!(
                reason.contains("cannot follow the next link"),
                "{link}: {reason}"
            );
            assert!(!reason.contains("token\""), "{reason}");
        }
        other => panic!("{link}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_next_link_to_another_host_is_refused() {
    for link in [
        "https://graph.evil.example/v1.0/users?$skiptoken=x",
        "http://graph.microsoft.com/v1.0/users?$skiptoken=x",
        "https://graph.microsoft.com:8443/v1.0/users",
        "https://graph.microsoft.com.evil.example/v1.0/users",
        "https://graph.microsoft.com@evil.example/v1.0/users",
        "/v1.0/users?$skiptoken=x",
        "not a url",
    ] {
        assert_refused(link);
    }
    // The same host in other case, with the default port spelled out, is fine.
    let request = follow("https://GRAPH.microsoft.com:443/v1.0/users?$skiptoken=x");
    assert!(matches!(request, Some(Ok(_))), "{request:?}");
}

#[test]
fn a_next_link_that_leaves_the_service_roots_path_is_refused() {
    for link in [
        // `url` (under reqwest) resolves these to `/beta/me`.
        "https://graph.microsoft.com/v1.0/users/%2e%2e/%2e%2e/beta/me",
        "https://graph.microsoft.com/v1.0/users/../../beta/me",
        "https://graph.microsoft.com/v1.0/users/.%2E/x",
        "https://graph.microsoft.com/v1.0/users/./x",
        "https://graph.microsoft.com/beta/users?$skiptoken=x",
        "https://graph.microsoft.com/v1.00/users",
        "https://graph.microsoft.com/",
    ] {
        assert_refused(link);
    }
    // Dots inside a segment are no dot segment.
    for link in [
        "https://graph.microsoft.com/v1.0/users/a..b/x?$skiptoken=..",
        "https://graph.microsoft.com/v1.0/users/.../x",
        "https://graph.microsoft.com/v1.0",
    ] {
        let request = follow(link);
        assert!(matches!(request, Some(Ok(_))), "{link}: {request:?}");
    }
}

#[test]
fn pages_keep_every_annotation() {
    let received = json!({
        "@odata.context": "ctx",
        "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs",
        "value": [{"id": "1", "extra": [1, 2]}]
    });
    let page: Collection<ManagedDeviceMobileAppConfigurationUserStatus> =
        serde_json::from_value(received.clone()).unwrap();
    assert_eq!(
        page.delta_link.as_deref(),
        Some("https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc")
    );
    assert_eq!(page.additional_data.len(), 1);
    // Items read without `@odata.type` are written without it.
    assert_eq!(serde_json::to_value(&page).unwrap(), received);
}

#[test]
fn a_page_without_value_or_with_a_bad_item_names_the_path() {
    let error =
        ListUserStatuses::parse_response(ok(r#"{"@odata.context": "x"}"#.into())).unwrap_err();
    assert!(
        error.to_string().contains("missing field `value`"),
        "{error}"
    );
    let error = ListUserStatuses::parse_response(ok(
        r#"{"value": [{"id": "1"}, {"id": "2", "devicesCount": "many"}]}"#.into(),
    ))
    .unwrap_err();
    match error {
        GraphError::Decode { path, .. } => assert_eq!(path, "value[1].devicesCount"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_pages_are_api_errors() {
    let response = http::Response::builder()
        .status(429)
        .header("retry-after", "3")
        .body(r#"{"error": {"code": "TooManyRequests", "message": "slow down"}}"#)
        .unwrap();
    match Collection::<Value>::parse_page(response) {
        Err(GraphError::Api(error)) => assert_eq!(error.code, "TooManyRequests"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn query_options_are_encoded_into_the_url() {
    let options = RequestOptions::new()
        .select(["id", "status"])
        .filter("userDisplayName eq 'R&D #1 + 50%'")
        .expand(["assignments($select=id)"])
        .orderby(["userDisplayName desc", "id"])
        .top(10)
        .skip(20)
        .count(true)
        .search("\"userDisplayName:Jo Ann\"");
    let request = ListUserStatuses::new("1")
        .to_request_with(ROOT, "token", &options)
        .unwrap();
    let uri = request.uri();
    assert_eq!(
        uri.path(),
        "/v1.0/deviceAppManagement/mobileAppConfigurations/1/userStatuses"
    );
    let query = uri.query().unwrap();
    assert_eq!(
        query,
        "$select=id,status&$expand=assignments($select=id)&$orderby=userDisplayName%20desc,id\
         &$filter=userDisplayName%20eq%20'R%26D%20%231%20%2B%2050%25'\
         &$search=%22userDisplayName:Jo%20Ann%22&$top=10&$skip=20&$count=true"
    );
    // Each option decodes back to exactly what was given.
    let decoded: Vec<(String, String)> = query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            let value = percent_encoding::percent_decode_str(value)
                .decode_utf8()
                .unwrap();
            (name.to_owned(), value.into_owned())
        })
        .collect();
    assert!(decoded.contains(&("$filter".into(), "userDisplayName eq 'R&D #1 + 50%'".into())));
    assert!(decoded.contains(&("$search".into(), "\"userDisplayName:Jo Ann\"".into())));
    assert_eq!(uri.to_string().matches('#').count(), 0);
}

#[test]
fn the_unknown_enum_members_preference_can_be_turned_off() {
    let endpoint = ListUserStatuses::new("1");
    let request = endpoint.to_request(ROOT, "token").unwrap();
    assert_eq!(request.headers()["prefer"], "include-unknown-enum-members");
    assert_eq!(request.uri().query(), None);
    let options = RequestOptions::new().include_unknown_enum_members(false);
    let request = endpoint.to_request_with(ROOT, "token", &options).unwrap();
    assert!(request.headers().get("prefer").is_none());
    assert_eq!(request.uri().query(), None);
}
