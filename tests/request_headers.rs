//! Request headers some queries need: `ConsistencyLevel: eventual` through
//! `RequestOptions`, and extra headers per request, validated (no CR/LF, no
//! invalid names, `Authorization` replaced only on purpose).

use graph_core::http;
use graph_core::{graph_endpoint, Collection, Endpoint, GraphError, JsonValue, RequestOptions};
use proptest::prelude::*;

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAi.secret-token";

graph_endpoint! {
    pub ListUsers { method: GET, path: "/users", response: Collection<JsonValue> }
    pub CountUsers { method: GET, path: "/users/$count", response: i64 }
}

fn request(options: &RequestOptions) -> http::Request<Vec<u8>> {
    ListUsers::new()
        .to_request_with(ROOT, TOKEN, options)
        .unwrap()
}

fn values<'a>(request: &'a http::Request<Vec<u8>>, name: &str) -> Vec<&'a [u8]> {
    request
        .headers()
        .get_all(name)
        .iter()
        .map(|value| value.as_bytes())
        .collect()
}

// Advanced query capabilities on directory objects:
// https://learn.microsoft.com/en-us/graph/aad-advanced-queries, whose
// example is `GET ../users?$count=true&$search="displayName:wa"` with
// `ConsistencyLevel: eventual`.
#[test]
fn eventual_consistency_is_sent_for_advanced_queries() {
    let options = RequestOptions::new()
        .count(true)
        .search("\"displayName:wa\"")
        .eventual_consistency();
    let request = request(&options);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/users?$search=%22displayName:wa%22&$count=true"
    );
    assert_eq!(values(&request, "consistencylevel"), [b"eventual"]);

    let count = CountUsers::new()
        .to_request_with(ROOT, TOKEN, &RequestOptions::new().eventual_consistency())
        .unwrap();
    assert_eq!(count.headers()["consistencylevel"], "eventual");

    // Only when asked.
    assert!(request_without_options()
        .headers()
        .get("consistencylevel")
        .is_none());
}

fn request_without_options() -> http::Request<Vec<u8>> {
    request(&RequestOptions::new())
}

#[test]
fn next_pages_keep_the_headers_of_the_first() {
    let options = RequestOptions::new()
        .eventual_consistency()
        .header("x-ms-client-tag", "report")
        .unwrap();
    let page = Collection::<JsonValue> {
        next_link: Some("https://graph.microsoft.com/v1.0/users?$skiptoken=X".into()),
        ..Default::default()
    };
    let next = page
        .next_page_request(ROOT, TOKEN, &options)
        .unwrap()
        .unwrap();
    assert_eq!(next.headers()["consistencylevel"], "eventual");
    assert_eq!(next.headers()["x-ms-client-tag"], "report");
}

#[test]
fn extra_headers_are_added_replacing_graph_cores_own_except_prefer() {
    let options = RequestOptions::new()
        .header("If-Match", "W/\"etag\"")
        .unwrap()
        .header("Prefer", "outlook.timezone=\"Pacific Standard Time\"")
        .unwrap()
        .header("Accept", "application/json;odata.metadata=none")
        .unwrap()
        .header("x-ms-tag", "a")
        .unwrap()
        .header("X-MS-Tag", "b")
        .unwrap();
    let request = request(&options);
    assert_eq!(values(&request, "if-match"), [b"W/\"etag\"".as_slice()]);
    assert_eq!(
        values(&request, "prefer"),
        [
            b"include-unknown-enum-members".as_slice(),
            b"outlook.timezone=\"Pacific Standard Time\""
        ]
    );
    assert_eq!(
        values(&request, "accept"),
        [b"application/json;odata.metadata=none".as_slice()]
    );
    assert_eq!(values(&request, "x-ms-tag"), [b"a".as_slice(), b"b"]);
    // The token is untouched.
    assert_eq!(
        request.headers()["authorization"],
        "Bearer eyJ0eXAi.secret-token"
    );
}

fn refused(result: Result<RequestOptions, GraphError>) -> (String, &'static str) {
    match result {
        Err(GraphError::InvalidHeader { name, reason }) => (name.as_str().to_owned(), reason),
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_headers_are_refused_naming_the_header_never_the_value() {
    let secret = "s3cr3t-value";
    for (name, value, why) in [
        ("X-Api-Key", "s3cr3t-value\r\nX-Injected: 1", "line break"),
        ("X-Api-Key", "s3cr3t-value\n", "line break"),
        ("X-Api-Key", "s3cr3t-value\r", "line break"),
        ("X-Api-Key", "s3cr3t-value\0", "control character"),
        ("X Api Key", secret, "not a header name"),
        ("X-Api-Key:", secret, "not a header name"),
        ("", secret, "not a header name"),
        (
            "Authorization",
            "Bearer s3cr3t-value",
            "replace_authorization",
        ),
        (
            "AUTHORIZATION",
            "Bearer s3cr3t-value",
            "replace_authorization",
        ),
        ("Host", secret, "HTTP client"),
        ("Content-Length", "5", "HTTP client"),
        ("Transfer-Encoding", "chunked", "HTTP client"),
    ] {
        let result = RequestOptions::new().header(name, value);
        let message = result.as_ref().map(|_| ()).unwrap_err().to_string();
        let (named, reason) = refused(result);
        assert_eq!(named, name, "{name:?}");
        assert!(reason.contains(why), "{name:?} {value:?}: {reason}");
        assert!(message.contains(&format!("`{name}`")), "{message}");
        assert!(!message.contains(secret), "{message}");
    }
}

#[test]
fn authorization_is_replaced_only_on_purpose() {
    let options = RequestOptions::new()
        .replace_authorization("PoP eyJhbGciOiJSUzI1NiJ9.pop-token")
        .unwrap();
    let request = request(&options);
    assert_eq!(
        values(&request, "authorization"),
        [b"PoP eyJhbGciOiJSUzI1NiJ9.pop-token".as_slice()]
    );
    assert!(request.headers()["authorization"].is_sensitive());
    assert!(!format!("{options:?}").contains("pop-token"));
    assert!(!format!("{request:?}").contains("pop-token"));

    for bad in ["", "  ", "PoP x\r\nHost: evil.example"] {
        let (name, _) = refused(RequestOptions::new().replace_authorization(bad));
        assert_eq!(name, "Authorization");
    }
}

proptest! {
    /// A value is sent exactly as given, or refused when it holds a
    /// character that could end the header line.
    #[test]
    fn header_values_are_sent_exactly_or_refused(value in "[ -~\t\r\n\u{0}\u{7f}é]{0,40}") {
        let result = RequestOptions::new().header("X-Test", &value);
        let unsafe_char = value.chars().any(|c| c.is_control() && c != '\t');
        match result {
            Ok(options) => {
                prop_assert!(!unsafe_char, "{:?} was accepted", value);
                let request = request(&options);
                prop_assert_eq!(request.headers()["x-test"].as_bytes(), value.as_bytes());
            }
            Err(GraphError::InvalidHeader { reason, .. }) => {
                prop_assert!(unsafe_char, "{:?} was refused: {}", value, reason);
            }
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }
}
