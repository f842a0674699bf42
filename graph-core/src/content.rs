//! Raw content: a file's or a photo's bytes, never read or written as JSON.

use http::header::{CONTENT_TYPE, LOCATION};
use http::response::Parts;
use http::{HeaderValue, StatusCode};

use crate::error::Shortened;
use crate::{GraphError, RequestBody, ResponseBody};

/// Bytes with their content type: the body of `PUT .../content` and what
/// `GET .../photo/$value` answers. Never read or written as JSON.
///
/// As a request body, the bytes are sent as they are with
/// `Content-Type: <content_type>`. As a response, the bytes are kept as
/// received, and `content_type` is the response's `Content-Type`
/// (`application/octet-stream` when there is none, as RFC 9110 lets a
/// recipient assume). A redirect is an error here: declare
/// [`Download`] for endpoints that may answer one.
///
/// ```
/// use graph_core::{graph_endpoint, http, Content, Endpoint};
///
/// graph_endpoint! {
///     /// Upload or replace the contents of a small file.
///     pub PutContent {
///         method: PUT,
///         path: "/drives/{driveId}/items/{itemId}/content",
///         body: Content,
///         response: graph_core::JsonValue,
///     }
///     /// A user's photo.
///     pub GetPhoto { method: GET, path: "/users/{userId}/photo/$value", response: Content }
/// }
///
/// # fn main() -> Result<(), graph_core::GraphError> {
/// let put = PutContent::new("b!x", "01AB", Content::new("text/plain", "Hello"));
/// let request = put.to_request("https://graph.microsoft.com/v1.0", "token")?;
/// assert_eq!(request.headers()["content-type"], "text/plain");
/// assert_eq!(request.body(), b"Hello");
///
/// let response = http::Response::builder()
///     .header("content-type", "image/jpeg")
///     .body(vec![0xff, 0xd8, 0xff])
///     .unwrap();
/// let photo = GetPhoto::parse_response(response)?;
/// assert_eq!((photo.content_type.as_str(), photo.bytes.len()), ("image/jpeg", 3));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Content {
    /// The media type, such as `image/jpeg` or `text/plain; charset=utf-8`.
    pub content_type: String,
    /// The bytes, as sent or received.
    pub bytes: Vec<u8>,
}

impl Content {
    /// `bytes` of type `content_type`. The content type is checked when a
    /// request is built.
    pub fn new(content_type: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Content {
            content_type: content_type.into(),
            bytes: bytes.into(),
        }
    }

    fn read(parts: &Parts, body: &[u8]) -> Result<Self, GraphError> {
        let content_type = match parts.headers.get(CONTENT_TYPE) {
            None => "application/octet-stream".to_owned(),
            Some(value) => header_text(value, "Content-Type", parts)?,
        };
        Ok(Content::new(content_type, body))
    }
}

/// The bytes are not printed: they may be a whole file.
impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Content")
            .field("content_type", &self.content_type)
            .field("bytes", &format_args!("[{} bytes]", self.bytes.len()))
            .finish()
    }
}

impl RequestBody for Content {
    fn content_type(&self) -> Result<HeaderValue, GraphError> {
        check_media_type(&self.content_type)
    }

    fn to_bytes(&self) -> Result<Vec<u8>, GraphError> {
        Ok(self.bytes.clone())
    }
}

impl ResponseBody for Content {
    const ACCEPT: &'static str = "*/*";

    fn from_response(parts: &Parts, body: &[u8]) -> Result<Self, GraphError> {
        if parts.status == StatusCode::NOT_MODIFIED {
            return Err(not_modified(parts));
        }
        if parts.status.is_redirection() {
            return Err(GraphError::UnexpectedResponse {
                status: parts.status,
                reason: "a redirect where content was expected; declare the response as \
                         `graph_core::Download` to receive its location"
                    .to_owned(),
            });
        }
        Content::read(parts, body)
    }
}

/// What a download answers: the content itself, or a redirect to where it
/// can be fetched, such as `GET /drives/{drive-id}/items/{item-id}/content`,
/// which answers `302 Found` with a pre-authenticated URL on another host.
///
/// The redirect is never followed: its location reaches you as received.
/// Fetch it **without** the `Authorization` header (the URL carries its own
/// short-lived credentials, and the token must not go to another host); a
/// `to_request` of graph-core never sends a token anywhere but the service
/// root you give it.
///
/// ```
/// use graph_core::{graph_endpoint, http, Download, Endpoint};
///
/// graph_endpoint! {
///     pub GetItemContent {
///         method: GET,
///         path: "/drives/{driveId}/items/{itemId}/content",
///         response: Download,
///     }
/// }
///
/// let response = http::Response::builder()
///     .status(302)
///     .header("location", "https://b0mpua-by3301.files.1drv.com/y23vmag")
///     .body(Vec::new())
///     .unwrap();
/// match GetItemContent::parse_response(response).unwrap() {
///     Download::Redirect { location } => {
///         assert_eq!(location, "https://b0mpua-by3301.files.1drv.com/y23vmag")
///     }
///     Download::Content(content) => panic!("{content:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Download {
    /// A 2xx answer with the bytes.
    Content(Content),
    /// A 3xx answer: the `Location` to fetch, as received (not followed).
    Redirect {
        /// The `Location` header, usually an absolute URL on another host.
        location: String,
    },
}

impl ResponseBody for Download {
    const ACCEPT: &'static str = "*/*";

    fn from_response(parts: &Parts, body: &[u8]) -> Result<Self, GraphError> {
        if !parts.status.is_redirection() {
            return Content::read(parts, body).map(Download::Content);
        }
        if parts.status == StatusCode::NOT_MODIFIED {
            return Err(not_modified(parts));
        }
        match parts.headers.get(LOCATION) {
            Some(location) => Ok(Download::Redirect {
                location: header_text(location, "Location", parts)?,
            }),
            None => Err(GraphError::UnexpectedResponse {
                status: parts.status,
                reason: "a redirect without a `Location` header".to_owned(),
            }),
        }
    }
}

/// `304 Not Modified` is a 3xx without a location: the answer to a
/// conditional request (Graph's reports and files document `If-None-Match`),
/// not a broken redirect.
fn not_modified(parts: &Parts) -> GraphError {
    GraphError::UnexpectedResponse {
        status: parts.status,
        reason: "the content has not changed since the version named in `If-None-Match` \
                 (or `If-Modified-Since`); there is nothing to download"
            .to_owned(),
    }
}

/// A header's value as text; a value that is not visible ASCII is refused
/// rather than guessed at.
pub(crate) fn header_text(
    value: &HeaderValue,
    name: &str,
    parts: &Parts,
) -> Result<String, GraphError> {
    value
        .to_str()
        .map(str::to_owned)
        .map_err(|_| GraphError::UnexpectedResponse {
            status: parts.status,
            reason: format!("its `{name}` header is not visible ASCII text"),
        })
}

/// `type/subtype` with optional `; parameters`, as a header value.
fn check_media_type(content_type: &str) -> Result<HeaderValue, GraphError> {
    let invalid = |why: &str| GraphError::InvalidRequest {
        reason: format!(
            "the content type `{}` {why}; expected a media type such as `text/plain` or \
             `image/jpeg`",
            Shortened::new(content_type)
        ),
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let is_token = |text: &str| {
        !text.is_empty()
            && text
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte))
    };
    match essence.split_once('/') {
        Some((kind, subtype)) if is_token(kind) && is_token(subtype) => {}
        _ => return Err(invalid("is not `type/subtype`")),
    }
    HeaderValue::from_str(content_type).map_err(|_| {
        invalid("cannot be sent in a header (a line break or another control character)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_modified_is_named_for_what_it_is() {
        let (parts, ()) = http::Response::builder()
            .status(304)
            .body(())
            .unwrap()
            .into_parts();
        for error in [
            Content::from_response(&parts, b"").unwrap_err(),
            Download::from_response(&parts, b"").unwrap_err(),
        ] {
            assert!(error.to_string().contains("If-None-Match"), "{error}");
        }
    }

    #[test]
    fn media_types() {
        for ok in [
            "text/plain",
            "image/jpeg",
            "text/plain; charset=utf-8",
            "application/vnd.ms-excel",
        ] {
            assert!(check_media_type(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "text",
            "/plain",
            "text/",
            "text/plain\r\nX-Evil: 1",
            "te xt/plain",
            "téxt/plain",
        ] {
            assert!(check_media_type(bad).is_err(), "{bad:?}");
        }
    }
}
