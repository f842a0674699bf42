//! Request headers beyond the ones every request carries: `ConsistencyLevel`,
//! `Prefer: return=...`, and headers of your own, each checked when added.

use http::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION};

use crate::error::Shortened;
use crate::{GraphError, RequestOptions};

pub(crate) const PREFER: HeaderName = HeaderName::from_static("prefer");
const CONSISTENCY_LEVEL: HeaderName = HeaderName::from_static("consistencylevel");

/// What [`RequestOptions`] adds to the headers of a request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Headers {
    eventual_consistency: bool,
    prefer_return: Option<PreferReturn>,
    /// In the order added.
    extra: Vec<(HeaderName, HeaderValue)>,
    /// Sent instead of `Bearer <token>`, marked sensitive.
    authorization: Option<HeaderValue>,
}

/// What a PATCH, PUT or POST should answer with, sent as
/// `Prefer: return=minimal` or `Prefer: return=representation`
/// ([`RequestOptions::prefer_return`]).
///
/// Where Graph supports the preference (Outlook, Planner and other
/// services), `Minimal` answers `204 No Content` and `Representation` the
/// changed object; services that do not support it ignore it. Declare the
/// response as [`Returned<T>`](crate::Returned) or `Option<T>` where a 204
/// may come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PreferReturn {
    /// `return=minimal`: no body.
    Minimal,
    /// `return=representation`: the resource as changed.
    Representation,
}

impl PreferReturn {
    fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            PreferReturn::Minimal => "return=minimal",
            PreferReturn::Representation => "return=representation",
        })
    }
}

/// Headers the HTTP client owns: wrong values would change how the message
/// is framed or routed.
const CLIENT_HEADERS: [&str; 8] = [
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "te",
    "trailer",
    "upgrade",
    "keep-alive",
];

impl RequestOptions {
    /// Sends `ConsistencyLevel: eventual`.
    ///
    /// Graph's directory objects (users, groups, applications, service
    /// principals, devices, ...) answer these queries only with it:
    /// [`count`](Self::count) and `/$count` segments, [`search`](Self::search),
    /// and advanced [`filter`](Self::filter)s (`ne`, `not`, `endsWith`, a
    /// filter combined with [`orderby`](Self::orderby), filters on some
    /// properties); without it they fail with `400 Request_UnsupportedQuery`.
    /// Results may then lag recent changes by a little.
    ///
    /// ```
    /// use graph_core::{graph_endpoint, Endpoint, JsonValue, RequestOptions};
    ///
    /// graph_endpoint! {
    ///     pub ListUsers { method: GET, path: "/users", response: JsonValue }
    /// }
    ///
    /// let options = RequestOptions::new()
    ///     .filter("endsWith(mail,'@contoso.com')")
    ///     .count(true)
    ///     .eventual_consistency();
    /// let request = ListUsers::new()
    ///     .to_request_with("https://graph.microsoft.com/v1.0", "token", &options)
    ///     .unwrap();
    /// assert_eq!(request.headers()["consistencylevel"], "eventual");
    /// ```
    pub fn eventual_consistency(mut self) -> Self {
        self.headers.eventual_consistency = true;
        self
    }

    /// Sends `Prefer: return=minimal` or `Prefer: return=representation`,
    /// next to the other preferences: see [`PreferReturn`].
    pub fn prefer_return(mut self, prefer: PreferReturn) -> Self {
        self.headers.prefer_return = Some(prefer);
        self
    }

    /// Adds the header `name: value` to the request, such as
    /// `Prefer: outlook.timezone="Pacific Standard Time"` or
    /// `If-Match: W/"etag"`.
    ///
    /// A `Prefer` header is sent next to the preferences graph-core sends;
    /// a header graph-core sets itself (`Accept`, `Content-Type`,
    /// `ConsistencyLevel`) is replaced by the first one added with its name;
    /// further ones with one name are all sent. The value shows in `Debug`
    /// output; send a secret with [`sensitive_header`](Self::sensitive_header).
    ///
    /// # Errors
    /// [`GraphError::InvalidHeader`] naming the header when `name` is not a
    /// header name, when `value` holds a line break or another control
    /// character (which could end the header and start another), when the
    /// header is `Authorization` (the token's header; replace it only with
    /// [`replace_authorization`](Self::replace_authorization)), or one the
    /// HTTP client sets (`Host`, `Content-Length`, `Transfer-Encoding`,
    /// `Connection`, `TE`, `Trailer`, `Upgrade`, `Keep-Alive`). The error
    /// never contains the value.
    ///
    /// ```
    /// use graph_core::{GraphError, RequestOptions};
    ///
    /// let options = RequestOptions::new()
    ///     .header("Prefer", "outlook.timezone=\"Pacific Standard Time\"")?;
    /// let refused = RequestOptions::new().header("Authorization", "Bearer other");
    /// assert!(matches!(refused, Err(GraphError::InvalidHeader { .. })));
    /// # Ok::<(), GraphError>(())
    /// ```
    pub fn header(self, name: &str, value: &str) -> Result<Self, GraphError> {
        self.push_header(name, value, false)
    }

    /// [`header`](Self::header) for a secret such as an API key or a
    /// subscription key: the value is marked sensitive, so the `Debug`
    /// output of the options and of the request never prints it.
    ///
    /// ```
    /// use graph_core::{graph_endpoint, Endpoint, GraphError, JsonValue, RequestOptions};
    ///
    /// graph_endpoint! {
    ///     pub ListUsers { method: GET, path: "/users", response: JsonValue }
    /// }
    ///
    /// let options = RequestOptions::new().sensitive_header("Ocp-Apim-Subscription-Key", "k-123")?;
    /// let request = ListUsers::new().to_request_with("https://graph.microsoft.com/v1.0", "token", &options)?;
    /// assert_eq!(request.headers()["ocp-apim-subscription-key"], "k-123");
    /// assert!(!format!("{request:?}{options:?}").contains("k-123"));
    /// # Ok::<(), GraphError>(())
    /// ```
    ///
    /// # Errors
    /// As [`header`](Self::header).
    pub fn sensitive_header(self, name: &str, value: &str) -> Result<Self, GraphError> {
        self.push_header(name, value, true)
    }

    fn push_header(mut self, name: &str, value: &str, sensitive: bool) -> Result<Self, GraphError> {
        let invalid = |reason: &'static str| GraphError::InvalidHeader {
            name: Shortened::new(name),
            reason,
        };
        let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            invalid("it is not a header name (letters, digits and `!#$%&'*+-.^_`|~` only)")
        })?;
        if header == AUTHORIZATION {
            return Err(invalid(
                "it would replace the access token; use `RequestOptions::replace_authorization` \
                 if that is what you mean",
            ));
        }
        if CLIENT_HEADERS.contains(&header.as_str()) {
            return Err(invalid(
                "the HTTP client sets it; a value set here could change how the request is framed or routed",
            ));
        }
        let mut value = header_value(value).map_err(invalid)?;
        value.set_sensitive(sensitive);
        self.headers.extra.push((header, value));
        Ok(self)
    }

    /// Sends `value` as the whole `Authorization` header instead of
    /// `Bearer <access token>`, for schemes other than a bearer token (a
    /// proof-of-possession token, say). The access token given to
    /// [`to_request_with`](crate::Endpoint::to_request_with) is then not
    /// used. The value is marked sensitive, so `Debug` never prints it.
    ///
    /// # Errors
    /// [`GraphError::InvalidHeader`] when `value` is empty or holds a line
    /// break or another control character; the error never contains it.
    pub fn replace_authorization(mut self, value: &str) -> Result<Self, GraphError> {
        let invalid = |reason: &'static str| GraphError::InvalidHeader {
            name: Shortened::new("Authorization"),
            reason,
        };
        if value.trim().is_empty() {
            return Err(invalid("the value is empty"));
        }
        let mut value = header_value(value).map_err(invalid)?;
        value.set_sensitive(true);
        self.headers.authorization = Some(value);
        Ok(self)
    }

    /// Writes the headers these options add, and the `Authorization`
    /// header: the replacement, or `bearer()` (only called without one).
    pub(crate) fn write_headers(
        &self,
        headers: &mut HeaderMap,
        bearer: impl FnOnce() -> Result<HeaderValue, GraphError>,
    ) -> Result<(), GraphError> {
        let own = &self.headers;
        let authorization = match &own.authorization {
            Some(value) => value.clone(),
            None => bearer()?,
        };
        headers.insert(AUTHORIZATION, authorization);
        if self.include_unknown_enum_members {
            headers.append(
                PREFER,
                HeaderValue::from_static("include-unknown-enum-members"),
            );
        }
        if let Some(prefer) = own.prefer_return {
            headers.append(PREFER, prefer.header_value());
        }
        if own.eventual_consistency {
            headers.insert(CONSISTENCY_LEVEL, HeaderValue::from_static("eventual"));
        }
        let mut replaced: Vec<&HeaderName> = Vec::new();
        for (name, value) in &own.extra {
            if *name == PREFER || replaced.contains(&name) {
                headers.append(name, value.clone());
            } else {
                headers.insert(name, value.clone());
                replaced.push(name);
            }
        }
        Ok(())
    }
}

/// A header value: any text without control characters other than tab
/// (UTF-8 is sent as its bytes, which HTTP allows as `obs-text`).
fn header_value(value: &str) -> Result<HeaderValue, &'static str> {
    if value.contains(['\r', '\n']) {
        return Err(
            "its value contains a line break, which would end the header and start another",
        );
    }
    HeaderValue::from_bytes(value.as_bytes())
        .map_err(|_| "its value contains a control character, which cannot be sent in a header")
}
