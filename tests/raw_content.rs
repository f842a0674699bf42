//! Raw content: bytes with a content type, sent and received as they are
//! and never as JSON (`Content`), and downloads that answer a redirect,
//! which reaches the caller as a location and is never followed
//! (`Download`). Each form is checked against the example of its page in
//! the Microsoft Graph API reference (v1.0).

use graph_core::http::{self, Method};
use graph_core::{graph_endpoint, Content, Download, Endpoint, GraphError, JsonValue};
use proptest::prelude::*;

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAi.token";

graph_endpoint! {
    /// The signed-in user's photo.
    pub GetMyPhoto { method: GET, path: "/me/photo/$value", response: Content }

    /// A user's photo.
    pub GetUserPhoto { method: GET, path: "/users/{userId}/photo/$value", response: Content }

    /// A file's contents, or where to download them.
    pub GetMyItemContent {
        method: GET,
        path: "/me/drive/items/{itemId}/content",
        response: Download,
    }

    /// The same file, in a drive.
    pub GetDriveItemContent {
        method: GET,
        path: "/drives/{driveId}/items/{itemId}/content",
        response: Download,
    }

    /// Replace a file's contents.
    pub PutMyItemContent {
        method: PUT,
        path: "/me/drive/items/{itemId}/content",
        body: Content,
        response: JsonValue,
        status: 201,
    }

    /// A JSON endpoint, for what a redirect is there.
    pub GetMe { method: GET, path: "/me", response: JsonValue }
}

fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.to_vec()).unwrap()
}

/// The first bytes of a JPEG file: not UTF-8, not JSON.
const JPEG: &[u8] = &[
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
];

// Source: https://learn.microsoft.com/en-us/graph/api/profilephoto-get?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/profilephoto-get.md), "Example 1": the response
// "contains the binary data of the requested photo", status 200.
#[test]
fn a_photo_is_read_as_bytes_with_its_content_type() {
    let request = GetMyPhoto::new().to_request(ROOT, TOKEN).unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/photo/$value"
    );
    assert_eq!(request.headers()["accept"], "*/*");

    let photo =
        GetMyPhoto::parse_response(answer(200, &[("content-type", "image/jpeg")], JPEG)).unwrap();
    assert_eq!(photo, Content::new("image/jpeg", JPEG));
    assert!(
        !format!("{photo:?}").contains("255"),
        "Debug leaves the bytes out"
    );

    let request = GetUserPhoto::new("48d31887-5fad-4d73-a9f5-3c356e68a038")
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/users/48d31887-5fad-4d73-a9f5-3c356e68a038/photo/$value"
    );

    // Without a Content-Type, what RFC 9110 lets a recipient assume.
    let photo = GetUserPhoto::parse_response(answer(200, &[], b"{\"not\": \"json\"")).unwrap();
    assert_eq!(photo.content_type, "application/octet-stream");
    assert_eq!(photo.bytes, b"{\"not\": \"json\"");

    // "If no photo exists, the operation returns 404 Not Found." (The page
    // shows no body; this one is illustrative.)
    let missing = answer(
        404,
        &[("content-type", "application/json")],
        br#"{"error": {"code": "ImageNotFound", "message": "The photo wasn't found."}}"#,
    );
    match GetMyPhoto::parse_response(missing) {
        Err(GraphError::Api(error)) => assert_eq!(error.code, "ImageNotFound"),
        other => panic!("{other:?}"),
    }
}

// Source: https://learn.microsoft.com/en-us/graph/api/driveitem-get-content?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/driveitem-get-content.md), "Example": the request
// `GET /me/drive/items/{item-id}/content` answers `302 Found` with
// `Location: https://b0mpua-by3301.files.1drv.com/y23vmagahszhxzlcvhasdhasghasodfi`.
#[test]
fn a_download_redirect_reaches_the_caller_as_a_location() {
    let request = GetMyItemContent::new("01BYE5RZ6QN3ZWBTURF")
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/drive/items/01BYE5RZ6QN3ZWBTURF/content"
    );

    let location = "https://b0mpua-by3301.files.1drv.com/y23vmagahszhxzlcvhasdhasghasodfi";
    let found = answer(302, &[("location", location)], b"");
    assert_eq!(
        GetMyItemContent::parse_response(found).unwrap(),
        Download::Redirect {
            location: location.to_owned()
        }
    );

    // The same page's partial download: `206 Partial Content` with
    // `Content-Type: application/octet-stream` and the bytes.
    let partial = answer(
        206,
        &[
            ("content-range", "bytes 0-1023/2048"),
            ("content-type", "application/octet-stream"),
        ],
        &[7; 1024],
    );
    assert_eq!(
        GetDriveItemContent::parse_response(partial).unwrap(),
        Download::Content(Content::new("application/octet-stream", vec![7; 1024]))
    );
}

#[test]
fn a_redirect_is_an_error_where_no_location_can_be_returned() {
    let location = "https://evil.example/steal";
    // Content cannot hold a location: an error that says what to declare.
    let error =
        GetMyPhoto::parse_response(answer(302, &[("location", location)], b"")).unwrap_err();
    match &error {
        GraphError::UnexpectedResponse { status, reason } => {
            assert_eq!(*status, 302);
            assert!(reason.contains("Download"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // A JSON endpoint reports a redirect as the status it is, as before.
    let error = GetMe::parse_response(answer(302, &[("location", location)], b"")).unwrap_err();
    assert!(
        matches!(error, GraphError::Status { status, .. } if status == 302),
        "{error:?}"
    );
    // A redirect without a location, or with one that is not text.
    let error = GetMyItemContent::parse_response(answer(302, &[], b"")).unwrap_err();
    assert!(
        matches!(&error, GraphError::UnexpectedResponse { reason, .. } if reason.contains("Location")),
        "{error:?}"
    );
    let response = http::Response::builder()
        .status(302)
        .header(
            "location",
            http::HeaderValue::from_bytes(b"https://h\xff/").unwrap(),
        )
        .body(Vec::new())
        .unwrap();
    let error = GetMyItemContent::parse_response(response).unwrap_err();
    assert!(
        matches!(&error, GraphError::UnexpectedResponse { reason, .. } if reason.contains("Location")),
        "{error:?}"
    );
}

// Source: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content?view=graph-rest-1.0
// (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/v1.0/api/driveitem-put-content.md), "Example (updating an
// existing file)".
#[test]
fn put_content_sends_the_bytes_as_they_are() {
    let put = PutMyItemContent::new(
        "0123456789abc",
        Content::new("text/plain", "The contents of the file goes here."),
    );
    let request = put.to_request(ROOT, TOKEN).unwrap();
    assert_eq!(request.method(), Method::PUT);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/drive/items/0123456789abc/content"
    );
    assert_eq!(request.headers()["content-type"], "text/plain");
    assert_eq!(request.body(), b"The contents of the file goes here.");

    let created = PutMyItemContent::parse_response(answer(
        201,
        &[("content-type", "application/json")],
        br#"{"id": "0123456789abc", "name": "FileB.txt", "size": 35, "file": { }}"#,
    ))
    .unwrap();
    assert_eq!(created["name"], "FileB.txt");
    assert_eq!(created["size"], 35);
}

#[test]
fn a_content_type_that_cannot_be_sent_is_refused() {
    for bad in [
        "text",
        "",
        "text/plain\r\nAuthorization: Bearer stolen",
        "text/plain\n",
    ] {
        let put = PutMyItemContent::new("1", Content::new(bad, "x"));
        match put.to_request(ROOT, TOKEN) {
            Err(GraphError::InvalidRequest { reason }) => {
                assert!(reason.contains("content type"), "{reason}");
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

proptest! {
    /// Whatever the bytes, they are sent and read back exactly, never
    /// parsed or re-encoded.
    #[test]
    fn any_bytes_go_and_come_back_unchanged(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let request = PutMyItemContent::new("1", Content::new("application/octet-stream", bytes.clone()))
            .to_request(ROOT, TOKEN)
            .unwrap();
        prop_assert_eq!(request.body(), &bytes);
        let read = GetDriveItemContent::parse_response(answer(200, &[("content-type", "image/png")], &bytes)).unwrap();
        prop_assert_eq!(read, Download::Content(Content::new("image/png", bytes)));
    }
}
