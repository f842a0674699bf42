//! Endpoints: turn a typed request into an [`http::Request`] and read the
//! [`http::Response`] back.
//!
//! [`graph_endpoint!`](crate::graph_endpoint) implements [`Endpoint`]; the
//! work is done here, once, by functions that are not generic over the
//! endpoint, so each declared endpoint expands to a few lines.

use http::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE};
use http::response::Parts;
use http::{Method, Request, Response, StatusCode, Uri};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{ApiError, RetryAfter, Shortened};
use crate::{GraphError, RequestBody, RequestOptions, ResponseBody};

/// A Microsoft Graph endpoint: a method, a path with parameters, an optional
/// body ([`RequestBody`]: JSON, or raw [`Content`](crate::Content)) and the
/// type of a successful response ([`ResponseBody`]).
///
/// Declare endpoints with [`graph_endpoint!`](crate::graph_endpoint), then
/// send [`to_request`](Self::to_request) with any HTTP client and give the
/// answer to [`parse_response`](Self::parse_response):
///
/// ```
/// use graph_core::{graph_endpoint, http, Endpoint, GraphError, Reference};
///
/// graph_endpoint! {
///     /// Adds a member to a group.
///     pub AddGroupMember {
///         method: POST,
///         path: "/groups/{groupId}/members/$ref",
///         body: Reference,
///     }
/// }
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let add = AddGroupMember::new(
///     "02bd9fd6",
///     Reference::new("https://graph.microsoft.com/v1.0/directoryObjects/42"),
/// );
/// let request = add.to_request("https://graph.microsoft.com/v1.0", "eyJ0eXAi")?;
/// assert_eq!(request.method(), http::Method::POST);
/// assert_eq!(
///     request.uri(),
///     "https://graph.microsoft.com/v1.0/groups/02bd9fd6/members/$ref"
/// );
/// assert_eq!(AddGroupMember::SUCCESS_STATUS, 204);
///
/// // ... send `request` with your HTTP client, then:
/// let response = http::Response::builder().status(204).body(Vec::new())?;
/// AddGroupMember::parse_response(response)?;
///
/// let response = http::Response::builder().status(404).body(
///     r#"{"error": {"code": "Request_ResourceNotFound", "message": "Resource '02bd9fd6' does not exist."}}"#,
/// )?;
/// match AddGroupMember::parse_response(response) {
///     Err(GraphError::Api(error)) => assert_eq!(error.code, "Request_ResourceNotFound"),
///     other => panic!("{other:?}"),
/// }
/// # Ok(())
/// # }
/// ```
///
/// Implementing it by hand takes the constants, the two types, `path` and
/// `body`; the response is read by [`ResponseBody`] unless you override
/// [`decode_response`](Self::decode_response):
///
/// ```
/// use graph_core::{endpoint::expand_path, http, Endpoint, GraphError, JsonValue};
///
/// pub struct GetUser { pub user_id: String }
///
/// impl Endpoint for GetUser {
///     const METHOD: http::Method = http::Method::GET;
///     const PATH_TEMPLATE: &'static str = "/users/{userId}";
///     const SUCCESS_STATUS: u16 = 200;
///     type Body = ();
///     type Response = JsonValue;
///
///     fn path(&self) -> Result<String, GraphError> {
///         expand_path(Self::PATH_TEMPLATE, &[&self.user_id])
///     }
///     fn body(&self) -> Option<&()> {
///         None
///     }
/// }
///
/// let user = GetUser { user_id: "48d31887".into() }
///     .to_request("https://graph.microsoft.com/v1.0", "token")
///     .unwrap();
/// assert_eq!(user.uri(), "https://graph.microsoft.com/v1.0/users/48d31887");
/// ```
pub trait Endpoint {
    /// The HTTP method.
    const METHOD: Method;
    /// The path template as written in the declaration, relative to the
    /// service root: `/groups/{groupId}/members/$ref`.
    const PATH_TEMPLATE: &'static str;
    /// The status Graph documents for success, such as `201` for a create.
    /// [`parse_response`](Self::parse_response) accepts any 2xx status.
    const SUCCESS_STATUS: u16;

    /// The request body: any `Serialize` type (sent as JSON),
    /// [`Content`](crate::Content) (bytes as they are), or another
    /// [`RequestBody`]; `()` for an endpoint without one.
    type Body: RequestBody;
    /// What a successful response holds: any `Deserialize` type (read from
    /// JSON), [`Content`](crate::Content), [`Download`](crate::Download),
    /// [`Returned<T>`](crate::Returned), or another [`ResponseBody`]; `()`
    /// for no content.
    type Response: ResponseBody;

    /// The path with every parameter filled in and percent-encoded (see
    /// [`expand_path`] and [`path_template::expand`](crate::path_template::expand)).
    fn path(&self) -> Result<String, GraphError>;

    /// The request body, if the endpoint has one.
    fn body(&self) -> Option<&Self::Body>;

    /// Reads a response whose status is 2xx or 3xx (error statuses never
    /// reach it): by default, [`ResponseBody::from_response`].
    ///
    /// # Errors
    /// Whatever [`Self::Response`] reports.
    fn decode_response(parts: &Parts, body: &[u8]) -> Result<Self::Response, GraphError> {
        Self::Response::from_response(parts, body)
    }

    /// Builds the HTTP request against `service_root`, such as
    /// `https://graph.microsoft.com/v1.0` (a trailing `/` is ignored).
    ///
    /// The request carries `Authorization: Bearer <access_token>`, marked
    /// sensitive so that `Debug` never prints it, `Accept` as the response
    /// type asks ([`ResponseBody::ACCEPT`]: `application/json`, `*/*` for raw
    /// content), and with a body, its bytes and `Content-Type`
    /// ([`RequestBody`]: `application/json` for JSON).
    ///
    /// # Errors
    /// [`GraphError::InvalidPathParameter`] for an empty path parameter,
    /// [`GraphError::Encode`] when the body cannot be written as JSON, and
    /// [`GraphError::InvalidRequest`] when `service_root` is not an absolute
    /// `http(s)` URL requests can be sent to (a port above 65535 or of 0
    /// included), or holds a user name or password (which the error shows
    /// as `***`), or the token cannot be
    /// sent in a header (it is empty or only whitespace, starts with
    /// `Bearer `, or contains a line break). No error contains
    /// the token.
    ///
    /// It also sends `Prefer: include-unknown-enum-members`, so Graph
    /// returns enum members added after the enumeration was first published
    /// (which `#[graph_enum]`'s `other` variant keeps) instead of the
    /// placeholder `unknownFutureValue`; [`to_request_with`](Self::to_request_with)
    /// can turn that off.
    fn to_request(
        &self,
        service_root: &str,
        access_token: &str,
    ) -> Result<Request<Vec<u8>>, GraphError> {
        self.to_request_with(service_root, access_token, &RequestOptions::new())
    }

    /// [`to_request`](Self::to_request) with query options (`$select`,
    /// `$filter`, ...) and request preferences.
    ///
    /// ```
    /// use graph_core::{graph_endpoint, Endpoint, JsonValue, RequestOptions};
    ///
    /// graph_endpoint! {
    ///     pub ListUsers { method: GET, path: "/users", response: JsonValue }
    /// }
    ///
    /// let options = RequestOptions::new()
    ///     .select(["id", "displayName"])
    ///     .filter("startswith(displayName,'Jo Ann')")
    ///     .top(5);
    /// let request = ListUsers::new()
    ///     .to_request_with("https://graph.microsoft.com/v1.0", "token", &options)
    ///     .unwrap();
    /// assert_eq!(
    ///     request.uri().query(),
    ///     Some("$select=id,displayName&$filter=startswith(displayName,'Jo%20Ann')&$top=5")
    /// );
    /// ```
    fn to_request_with(
        &self,
        service_root: &str,
        access_token: &str,
        options: &RequestOptions,
    ) -> Result<Request<Vec<u8>>, GraphError> {
        let mut url = check_service_root(service_root)?.to_owned();
        let path = self.path()?;
        if !path.starts_with('/') {
            return Err(GraphError::InvalidRequest {
                reason: format!(
                    "the endpoint path `{}` does not start with `/`",
                    Shortened::new(&path)
                ),
            });
        }
        url.push_str(&path);
        options.push_query(&mut url);
        let body = match self.body() {
            Some(body) => Some((body.content_type()?, body.to_bytes()?)),
            None => None,
        };
        let accept = <Self::Response as ResponseBody>::ACCEPT;
        build_request(Self::METHOD, &url, access_token, body, accept, options)
    }

    /// Reads the response to a request built by
    /// [`to_request`](Self::to_request).
    ///
    /// # Errors
    /// For a status other than 2xx or 3xx, [`GraphError::Api`] when the body
    /// is a Graph error and [`GraphError::Status`] otherwise; for a 2xx or
    /// 3xx status, what [`decode_response`](Self::decode_response) reports,
    /// such as [`GraphError::Decode`] (naming the JSON path) when the body
    /// does not match [`Self::Response`], [`GraphError::NoContent`] for an
    /// empty body where the response type needs one, and
    /// [`GraphError::Status`] for a redirect that only
    /// [`Download`](crate::Download) reads. A redirect is never followed.
    fn parse_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self::Response, GraphError> {
        let (parts, body) = response.into_parts();
        let body = body.as_ref();
        if !parts.status.is_redirection() {
            check_status(parts.status, &parts.headers, body)?;
        }
        Self::decode_response(&parts, body)
    }
}

/// Everything but the unreserved characters `A-Z a-z 0-9 - . _ ~`: what is
/// left can never end a segment or start a query or fragment.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Fills the `{name}` parameters of a path template with `values`, in
/// order, each percent-encoded as exactly one path segment.
///
/// Every byte except `A-Z a-z 0-9 - . _ ~` is encoded, so a value such as
/// `a/../b?x=1#frag` cannot add segments, a query or a fragment.
///
/// A value that is exactly `.` or `..` is refused: no encoding of it is
/// safe, because URL parsers that follow the WHATWG URL standard (browsers,
/// and the `url` crate under reqwest) resolve `%2E%2E` as `..`, so
/// `/users/u1/messages/..` would reach `/users/u1/` instead. Longer runs of
/// dots (`...`) and values that merely contain dots (`a..b`) are ordinary
/// segments and are sent as they are.
///
/// [`graph_endpoint!`](crate::graph_endpoint) checks the template at compile
/// time and calls this from [`Endpoint::path`]; call it yourself when you
/// implement [`Endpoint`] by hand.
///
/// ```
/// let path = graph_core::endpoint::expand_path(
///     "/users/{userId}/memberOf",
///     &["jo_contoso.com#EXT#@tenant.onmicrosoft.com"],
/// )
/// .unwrap();
/// assert_eq!(path, "/users/jo_contoso.com%23EXT%23%40tenant.onmicrosoft.com/memberOf");
/// ```
///
/// # Errors
/// [`GraphError::InvalidPathParameter`] naming the parameter when a value is
/// empty, `.` or `..`; [`GraphError::InvalidRequest`] when the template has an unclosed
/// `{` or its number of parameters differs from the number of values.
pub fn expand_path(template: &'static str, values: &[&str]) -> Result<String, GraphError> {
    let value_bytes: usize = values.iter().map(|value| value.len()).sum();
    let mut path = String::with_capacity(template.len() + value_bytes);
    let mut values_left = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(GraphError::InvalidRequest {
                reason: format!("the path template `{template}` has a `{{` without `}}`"),
            });
        };
        let name = &after[..close];
        let Some(value) = values_left.next() else {
            return Err(parameter_count(template, values.len()));
        };
        push_segment(&mut path, name, value)?;
        rest = &after[close + 1..];
    }
    path.push_str(rest);
    if values_left.next().is_some() {
        return Err(parameter_count(template, values.len()));
    }
    Ok(path)
}

fn parameter_count(template: &str, values: usize) -> GraphError {
    GraphError::InvalidRequest {
        reason: format!(
            "the path template `{template}` has {} parameters, but {values} values were given",
            template.matches('{').count()
        ),
    }
}

/// Appends `value` as exactly one segment (see [`expand_path`]); also the
/// parts of a `{+name}` value (`path_template`).
pub(crate) fn push_segment(
    path: &mut String,
    name: &'static str,
    value: &str,
) -> Result<(), GraphError> {
    let reason = match value {
        "" => "it is empty",
        // Encoding does not help: WHATWG URL parsers read `%2E` as `.`.
        "." | ".." => {
            "it is a dot segment (`.` or `..`), which URL parsers resolve to \
             another resource; no Graph id is `.` or `..`"
        }
        _ => {
            path.extend(utf8_percent_encode(value, SEGMENT));
            return Ok(());
        }
    };
    Err(GraphError::InvalidPathParameter { name, reason })
}

/// The request behind [`Endpoint::to_request_with`] and
/// [`Collection::next_page_request`](crate::Collection::next_page_request):
/// `url` is complete and checked by the caller; `body` comes with its
/// content type.
pub(crate) fn build_request(
    method: Method,
    url: &str,
    access_token: &str,
    body: Option<(HeaderValue, Vec<u8>)>,
    accept: &'static str,
    options: &RequestOptions,
) -> Result<Request<Vec<u8>>, GraphError> {
    let uri = Uri::try_from(url).map_err(|error| GraphError::InvalidRequest {
        reason: format!("`{}` is not a valid URL: {error}", Shortened::new(url)),
    })?;
    let (content_type, body) = match body {
        Some((content_type, body)) => (Some(content_type), body),
        None => (None, Vec::new()),
    };
    let mut request = Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.insert(ACCEPT, HeaderValue::from_static(accept));
    if let Some(content_type) = content_type {
        headers.insert(CONTENT_TYPE, content_type);
    }
    options.write_headers(headers, || bearer(access_token))?;
    Ok(request)
}

/// `service_root` without its trailing `/`, if it is an absolute http(s) URL
/// that a path can be appended to and requests can be sent to: no port 0
/// (nothing can be connected to it), and no user name or password, nor any
/// other `@` (one would be sent nowhere and shown everywhere the root is:
/// `Debug`, URIs, batches). Errors show the root with everything that may
/// be a user name or password replaced by `***` ([`shown_root`]).
pub(crate) fn check_service_root(service_root: &str) -> Result<&str, GraphError> {
    let invalid = |problem: &str| GraphError::InvalidRequest {
        reason: format!(
            "the service root `{}` {problem}; expected an absolute http(s) URL such as \
             `https://graph.microsoft.com/v1.0`",
            Shortened::new(&shown_root(service_root))
        ),
    };
    let root = service_root.trim_end_matches('/');
    // Any `@`, not only one `http::Uri` reads as ending a user name or
    // password: a password written with a `/` in it is a password still,
    // and no other check may echo part of it.
    if root.contains('@') {
        return Err(invalid(
            "holds a user name or password (shown here as `***`), or another `@`; Graph \
             takes none in the URL, and the root is shown in logs and errors, so give the \
             root without it",
        ));
    }
    if root.contains(['?', '#']) {
        return Err(invalid("has a query or fragment"));
    }
    let uri = Uri::try_from(root).map_err(|_| invalid("is not a valid URL"))?;
    match uri.scheme_str() {
        Some(scheme)
            if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") => {}
        Some(_) => return Err(invalid("is not an http or https URL")),
        None => return Err(invalid("is not an absolute URL")),
    }
    let Some(authority) = uri
        .authority()
        .filter(|authority| !authority.host().is_empty())
    else {
        return Err(invalid("has no host"));
    };
    // `http::Uri` takes any digits as a port, while URL parsers (the `url`
    // crate under reqwest) refuse one above 65535 when the request is sent,
    // and nothing can be connected to port 0.
    let host_and_port = authority.as_str();
    let after_host = match host_and_port.rfind(']') {
        Some(end) => &host_and_port[end + 1..],
        None => host_and_port
            .find(':')
            .map_or("", |at| &host_and_port[at..]),
    };
    if let Some(port) = after_host.strip_prefix(':') {
        match port.parse::<u16>() {
            _ if port.is_empty() => {}
            Ok(0) => {
                return Err(invalid(
                    "has the port 0, which no connection can be made to; give the server's port, \
                     or none for the scheme's default",
                ))
            }
            Ok(_) => {}
            Err(_) => {
                return Err(invalid(&format!(
                    "has the port `{}`, which is not a number from 1 to 65535",
                    Shortened::new(port)
                )))
            }
        }
    }
    Ok(root)
}

/// `root` as errors and `Debug` may show it: whatever may be a user name
/// or password replaced by `***`, whether or not the rest is a valid URL.
/// That is everything from the start of the authority (after `scheme://`,
/// or the start of the text without one) to the last `@`: a password
/// written with a `/` or `#` in it is hidden whole.
pub(crate) fn shown_root(root: &str) -> std::borrow::Cow<'_, str> {
    let start = root.find("://").map_or(0, |at| at + 3);
    match root[start..].rfind('@') {
        Some(at) => format!("{}***{}", &root[..start], &root[start + at..]).into(),
        None => root.into(),
    }
}

/// The `Authorization` header value, marked sensitive. Errors never contain
/// the token.
fn bearer(access_token: &str) -> Result<HeaderValue, GraphError> {
    let invalid = |reason: &str| GraphError::InvalidRequest {
        reason: reason.to_owned(),
    };
    if access_token.trim().is_empty() {
        return Err(invalid(if access_token.is_empty() {
            "the access token is empty"
        } else {
            "the access token is only whitespace"
        }));
    }
    let prefix = access_token.get(..7).unwrap_or_default();
    if prefix.eq_ignore_ascii_case("bearer ") {
        return Err(invalid(
            "the access token starts with `Bearer `; pass the token alone, the header adds the prefix",
        ));
    }
    let mut value = HeaderValue::try_from(format!("Bearer {access_token}")).map_err(|_| {
        invalid(
            "the access token cannot be sent in an HTTP header: it contains a line break \
             or another control character",
        )
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// `Ok` for a 2xx status; otherwise the error the body describes.
pub(crate) fn check_status(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), GraphError> {
    if status.is_success() {
        return Ok(());
    }
    let retry_after = RetryAfter::from_headers(headers);
    let parsed = serde_json::from_slice::<serde_json::Value>(body).ok();
    Err(match parsed.as_ref().and_then(ErrorBody::read) {
        Some(error) => {
            let keep = |text: &str| Shortened::body(text.as_bytes()).into_string();
            let inner = |name: &str| {
                error
                    .inner
                    .iter()
                    .flatten()
                    .find_map(|inner| inner.get(name)?.as_str())
            };
            GraphError::Api(Box::new(ApiError {
                status,
                code: keep(error.code),
                message: keep(error.message.unwrap_or_default()),
                request_id: inner("request-id").map(keep),
                client_request_id: inner("client-request-id").map(keep),
                date: inner("date").map(keep),
                retry_after,
            }))
        }
        None => GraphError::Status {
            status,
            retry_after,
            body: Shortened::body(body),
        },
    })
}

/// The parts of a Graph error body
/// `{"error": {"code": ..., "message": ..., "innerError": {...}}}` that are
/// there, read leniently: services differ in everything but `code`, so a
/// `message` or inner error of another shape is skipped, never a reason to
/// drop the rest.
struct ErrorBody<'a> {
    code: &'a str,
    message: Option<&'a str>,
    /// `innerError` and `innererror`, where each is an object.
    inner: [Option<&'a serde_json::Map<String, serde_json::Value>>; 2],
}

impl<'a> ErrorBody<'a> {
    fn read(body: &'a serde_json::Value) -> Option<Self> {
        let error = body.get("error")?.as_object()?;
        // Graph writes `innerError`; some services and older docs
        // `innererror`. A field is taken from the first that has it.
        let inner = ["innerError", "innererror"].map(|name| error.get(name)?.as_object());
        Some(ErrorBody {
            code: error.get("code")?.as_str()?,
            message: error.get("message").and_then(serde_json::Value::as_str),
            inner,
        })
    }
}

/// A redirect where the response type reads no redirects: the error a
/// non-2xx status is, as before redirects reached response types.
pub(crate) fn unexpected_redirect(parts: &Parts, body: &[u8]) -> GraphError {
    GraphError::Status {
        status: parts.status,
        retry_after: RetryAfter::from_headers(&parts.headers),
        body: Shortened::body(body),
    }
}
