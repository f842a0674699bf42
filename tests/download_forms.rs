//! The two halves of issue 10 together: a function with a parameter in the
//! URL and a `{+path}` address, each declared with `response: Download`,
//! read from the answers Graph's documentation shows for them (a `302` whose
//! location reaches the caller, never followed; or the bytes themselves).

use graph_core::http::{self, Method};
use graph_core::{graph_endpoint, Content, Date, Download, Endpoint, GraphError, RequestOptions};

const ROOT: &str = "https://graph.microsoft.com/v1.0";
const TOKEN: &str = "eyJ0eXAi.token";

graph_endpoint! {
    /// <https://learn.microsoft.com/graph/api/reportroot-getemailactivityuserdetail>
    pub GetEmailActivityUserDetail {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(period={period})",
        parameters: { period: String },
        response: Download,
    }

    /// The same report, by date.
    pub GetEmailActivityUserDetailByDate {
        method: GET,
        path: "/reports/getEmailActivityUserDetail(date={date})",
        parameters: { date: Date },
        response: Download,
    }

    /// <https://learn.microsoft.com/graph/api/driveitem-get-content>, by path.
    pub GetItemContentByPath {
        method: GET,
        path: "/me/drive/root:/{+path}:/content",
        response: Download,
    }
}

fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.to_vec()).unwrap()
}

// Source: microsoft-graph-docs-contrib,
// api-reference/v1.0/api/reportroot-getemailactivityuserdetail.md, "Example"
// (CSV): `GET https://graph.microsoft.com/v1.0/reports/getEmailActivityUserDetail(period='D7')`
// answers `HTTP/1.1 302 Found`, `Content-Type: text/plain`,
// `Location: https://reports.office.com/data/download/JDFKdf2_eJXKS034dbc7e0t__XDe`;
// "Preauthenticated download URLs ... do not require an Authorization header".
#[test]
fn a_report_function_answers_a_redirect_read_as_its_location() {
    let request = GetEmailActivityUserDetail::new("D7")
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/reports/getEmailActivityUserDetail(period='D7')"
    );
    assert_eq!(request.headers()["accept"], "*/*");

    let location = "https://reports.office.com/data/download/JDFKdf2_eJXKS034dbc7e0t__XDe";
    let found = answer(
        302,
        &[("content-type", "text/plain"), ("location", location)],
        b"",
    );
    assert_eq!(
        GetEmailActivityUserDetail::parse_response(found).unwrap(),
        Download::Redirect {
            location: location.to_owned()
        }
    );

    // The overload by date, with a date literal (unquoted).
    let date: Date = "2017-09-01".parse().unwrap();
    let request = GetEmailActivityUserDetailByDate::new(date)
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/reports/getEmailActivityUserDetail(date=2017-09-01)"
    );
    // With `$format=application/json` the report can also answer at once:
    // the bytes are kept as they are, not read as JSON.
    let body = br#"{"value":[{"userPrincipalName":"a@contoso.com"}]}"#;
    let ok = answer(200, &[("content-type", "application/json")], body);
    assert_eq!(
        GetEmailActivityUserDetailByDate::parse_response(ok).unwrap(),
        Download::Content(Content::new("application/json", body.as_slice()))
    );
}

// The page documents `If-None-Match`: "a 304 Not Modified response code is
// returned" when the eTag matches. That answer has no location; the error
// must say what it is, not call it a broken redirect.
#[test]
fn a_not_modified_report_is_reported_as_such() {
    let options = RequestOptions::new()
        .header("If-None-Match", "\"etag-1\"")
        .unwrap();
    let request = GetEmailActivityUserDetail::new("D30")
        .to_request_with(ROOT, TOKEN, &options)
        .unwrap();
    assert_eq!(request.headers()["if-none-match"], "\"etag-1\"");

    let error = GetEmailActivityUserDetail::parse_response(answer(304, &[], b"")).unwrap_err();
    match error {
        GraphError::UnexpectedResponse { status, reason } => {
            assert_eq!(status, 304);
            assert!(reason.contains("If-None-Match"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

// Source: microsoft-graph-docs-contrib, api-reference/v1.0/api/driveitem-get-content.md:
// `GET /me/drive/root:/{item-path}:/content` is one of the documented
// requests; the example answers `HTTP/1.1 302 Found` with
// `Location: https://b0mpua-by3301.files.1drv.com/y23vmagahszhxzlcvhasdhasghasodfi`.
#[test]
fn content_by_path_answers_a_redirect_or_the_bytes() {
    let request = GetItemContentByPath::new("Documents/Q3 report #2.docx")
        .to_request(ROOT, TOKEN)
        .unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/me/drive/root:/Documents/Q3%20report%20%232.docx:/content"
    );
    assert_eq!(request.headers()["accept"], "*/*");

    let location = "https://b0mpua-by3301.files.1drv.com/y23vmagahszhxzlcvhasdhasghasodfi";
    let found = answer(302, &[("location", location)], b"");
    assert_eq!(
        GetItemContentByPath::parse_response(found).unwrap(),
        Download::Redirect {
            location: location.to_owned()
        }
    );

    // A 200 with the bytes (what the location answers, and what some
    // clouds answer directly): kept as received, never read as JSON.
    let docx = b"PK\x03\x04\x14\x00\x06\x00";
    let content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let ok = answer(200, &[("content-type", content_type)], docx);
    assert_eq!(
        GetItemContentByPath::parse_response(ok).unwrap(),
        Download::Content(Content::new(content_type, docx.as_slice()))
    );
}
