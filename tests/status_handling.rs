//! Answers without content and answers for later: a PATCH, PUT or POST
//! declared with a response but answered `204 No Content` (as Graph does
//! under `Prefer: return=minimal`, or by default for some services), and
//! `202 Accepted` with a `Location` (long-running operations).

use graph_core::http::{self, StatusCode};
use graph_core::{
    graph_endpoint, Accepted, Endpoint, GraphError, JsonValue, PreferReturn, RequestOptions,
    RetryAfter, Returned,
};
use serde::Deserialize;

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAi.token";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: String,
    pub subject: String,
}

graph_endpoint! {
    /// Either answer, told apart.
    pub UpdateEvent {
        method: PATCH,
        path: "/me/events/{eventId}",
        body: JsonValue,
        response: Returned<Event>,
    }

    /// `None` for no content.
    pub UpdateEventOption {
        method: PATCH,
        path: "/me/events/{eventId}",
        body: JsonValue,
        response: Option<Event>,
    }

    /// Strict: content is required.
    pub UpdateEventStrict {
        method: PATCH,
        path: "/me/events/{eventId}",
        body: JsonValue,
        response: Event,
    }

    /// PUT and POST alike.
    pub PutEvent {
        method: PUT,
        path: "/me/events/{eventId}",
        body: JsonValue,
        response: Returned<Event>,
    }

    /// Copy a drive item: `202 Accepted` with a monitor URL.
    pub CopyItem {
        method: POST,
        path: "/me/drive/items/{itemId}/copy",
        body: { name: Option<String> },
        response: Accepted,
        status: 202,
    }

    /// An action without a response accepts 202 as any 2xx.
    pub SendMail {
        method: POST,
        path: "/me/sendMail",
        body: JsonValue,
        status: 202,
    }
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<String> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.to_owned()).unwrap()
}

const EVENT: &str = r#"{"id": "AAMkAGI1", "subject": "Lunch"}"#;

fn event() -> Event {
    Event {
        id: "AAMkAGI1".into(),
        subject: "Lunch".into(),
    }
}

#[test]
fn returned_tells_content_no_content_and_accepted_apart() {
    assert_eq!(
        UpdateEvent::parse_response(answer(200, &[], EVENT)).unwrap(),
        Returned::Content(event())
    );
    assert_eq!(
        UpdateEvent::parse_response(answer(204, &[], "")).unwrap(),
        Returned::NoContent
    );
    assert_eq!(
        PutEvent::parse_response(answer(201, &[], EVENT)).unwrap(),
        Returned::Content(event())
    );
    assert_eq!(
        PutEvent::parse_response(answer(204, &[], "")).unwrap(),
        Returned::NoContent
    );
    let accepted = UpdateEvent::parse_response(answer(
        202,
        &[
            ("location", "https://graph.microsoft.com/v1.0/monitor/42"),
            ("retry-after", "5"),
        ],
        "",
    ))
    .unwrap();
    match accepted {
        Returned::Accepted(accepted) => {
            assert_eq!(
                accepted.location.as_deref(),
                Some("https://graph.microsoft.com/v1.0/monitor/42")
            );
            assert_eq!(
                accepted.retry_after,
                Some(RetryAfter::Delay(std::time::Duration::from_secs(5)))
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        UpdateEvent::parse_response(answer(200, &[], EVENT))
            .unwrap()
            .content(),
        Some(event())
    );
}

#[test]
fn option_is_none_for_no_content() {
    assert_eq!(
        UpdateEventOption::parse_response(answer(204, &[], "")).unwrap(),
        None
    );
    assert_eq!(
        UpdateEventOption::parse_response(answer(200, &[], EVENT)).unwrap(),
        Some(event())
    );
}

#[test]
fn no_content_where_content_is_required_is_not_a_decode_error() {
    let error = UpdateEventStrict::parse_response(answer(204, &[], "")).unwrap_err();
    match &error {
        GraphError::NoContent { status, expected } => {
            assert_eq!(*status, StatusCode::NO_CONTENT);
            assert!(expected.ends_with("Event"), "{expected}");
        }
        other => panic!("{other:?}"),
    }
    let message = error.to_string();
    for hint in ["Option<", "Returned<", "PreferReturn::Representation"] {
        assert!(message.contains(hint), "{message}");
    }
    // A body that does not match is still a decode error, naming the path.
    let error = UpdateEventStrict::parse_response(answer(200, &[], r#"{"id": 1}"#)).unwrap_err();
    assert!(
        matches!(&error, GraphError::Decode { path, .. } if path == "id"),
        "{error:?}"
    );
}

#[test]
fn the_preference_is_asked_for_through_request_options() {
    for (prefer, sent) in [
        (PreferReturn::Minimal, "return=minimal"),
        (PreferReturn::Representation, "return=representation"),
    ] {
        let options = RequestOptions::new().prefer_return(prefer);
        let request = UpdateEvent::new("AAMkAGI1", serde_json::json!({"subject": "Lunch"}))
            .to_request_with(ROOT, TOKEN, &options)
            .unwrap();
        let preferences: Vec<_> = request.headers().get_all("prefer").iter().collect();
        assert_eq!(
            preferences,
            ["include-unknown-enum-members", sent],
            "{prefer:?}"
        );
    }
    let request = UpdateEvent::new("1", JsonValue::Null)
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(
        request.headers().get_all("prefer").iter().count(),
        1,
        "no return preference unless asked"
    );
}

// `POST /drives/{driveId}/items/{itemId}/copy` answers `202 Accepted` with
// the monitor URL in `Location`
// (https://learn.microsoft.com/en-us/graph/api/driveitem-copy?view=graph-rest-1.0).
#[test]
fn accepted_carries_the_location_of_a_long_running_operation() {
    let request = CopyItem::new(
        "01BYE5RZ",
        CopyItemBody {
            name: Some("copy.txt".into()),
        },
    )
    .to_request(ROOT, TOKEN)
    .unwrap();
    assert_eq!(request.body(), br#"{"name":"copy.txt"}"#);

    let location =
        "https://contoso.sharepoint.com/_api/v2.0/monitor/4A3407B5-88FC-4504-8B21-0AABD3412717";
    let accepted = CopyItem::parse_response(answer(202, &[("location", location)], "")).unwrap();
    assert_eq!(accepted.location.as_deref(), Some(location));
    assert_eq!(accepted.retry_after, None);

    // Declared `Accepted`, a service that finishes at once is reported, not
    // read as an operation without a location.
    let error = CopyItem::parse_response(answer(200, &[], EVENT)).unwrap_err();
    assert!(
        matches!(&error, GraphError::UnexpectedResponse { reason, .. } if reason.contains("Returned")),
        "{error:?}"
    );
}

#[test]
fn endpoints_without_a_response_accept_202_and_ignore_bodies() {
    SendMail::parse_response(answer(202, &[], "")).unwrap();
    SendMail::parse_response(answer(200, &[], "anything, not JSON")).unwrap();
    let error = SendMail::parse_response(answer(302, &[("location", "https://x.example/")], ""))
        .unwrap_err();
    assert!(
        matches!(error, GraphError::Status { status, .. } if status == 302),
        "{error:?}"
    );
}

mod properties {
    use super::*;
    use graph_core::{Content, Download, ODataValue};
    use proptest::prelude::*;

    graph_endpoint! {
        pub AnyDownload { method: GET, path: "/d", response: Download }
        pub AnyContent { method: GET, path: "/c", response: Content }
        pub AnyValue { method: POST, path: "/v", response: ODataValue<Vec<i32>> }
    }

    fn response(status: u16, location: &[u8], body: &[u8]) -> Option<http::Response<Vec<u8>>> {
        let location = http::HeaderValue::from_bytes(location).ok()?;
        http::Response::builder()
            .status(status)
            .header("location", location)
            .body(body.to_vec())
            .ok()
    }

    proptest! {
        /// Any status, `Location` and body from a server gives a value or a
        /// `GraphError`, never a panic; a redirect is only ever a location,
        /// exactly as sent, and only for `Download`.
        #[test]
        fn responses_from_outside_never_panic(
            status in 100u16..600,
            location in proptest::collection::vec(any::<u8>(), 0..40),
            body in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let Some(answer) = response(status, &location, &body) else { return Ok(()) };
            let _ = UpdateEvent::parse_response(answer.clone());
            let _ = UpdateEventOption::parse_response(answer.clone());
            let _ = UpdateEventStrict::parse_response(answer.clone());
            let _ = CopyItem::parse_response(answer.clone());
            let _ = SendMail::parse_response(answer.clone());
            let _ = AnyContent::parse_response(answer.clone());
            let _ = AnyValue::parse_response(answer.clone());
            match AnyDownload::parse_response(answer) {
                Ok(Download::Redirect { location: read }) => {
                    prop_assert!((300..400).contains(&status));
                    prop_assert_eq!(read.as_bytes(), &location[..]);
                }
                Ok(Download::Content(content)) => {
                    prop_assert!((200..300).contains(&status));
                    prop_assert_eq!(content.bytes, body);
                }
                Err(_) => prop_assert!(!(200..300).contains(&status)),
            }
        }
    }
}
