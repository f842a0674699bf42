//! Every page of a collection, without I/O: a [`Pager`] says which request
//! to send next and reads each answer; [`StoredLink`] keeps a next or delta
//! link across runs of a program.

use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

use http::response::Parts;
use http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::collection::{check_link, follow_link};
use crate::endpoint::check_status;
use crate::{Collection, Endpoint, GraphError, RequestOptions};

/// Builds the first request of a listing with the token of the moment.
type FirstRequest =
    dyn Fn(&str, &str, &RequestOptions) -> Result<Request<Vec<u8>>, GraphError> + Send + Sync;

/// Reads an answer for the endpoint it was made for.
pub(crate) type ParseFn<R> = for<'a> fn(Parts, &'a [u8]) -> Result<R, GraphError>;

/// Hands an answer to `E`'s own [`Endpoint::parse_response`].
pub(crate) fn parse_with<E: Endpoint>(
    parts: Parts,
    body: &[u8],
) -> Result<E::Response, GraphError> {
    E::parse_response(Response::from_parts(parts, body))
}

/// Reads a page (or any JSON answer of a followed link): an error status as
/// [`check_status`] reads it, then the body.
pub(crate) fn parse_json<R: DeserializeOwned>(parts: Parts, body: &[u8]) -> Result<R, GraphError> {
    check_status(parts.status, &parts.headers, body)?;
    crate::from_json(body)
}

/// Pages through a collection endpoint: the request for each page, then the
/// page read from its answer, until the last page.
///
/// It does no I/O, so it drives any HTTP client; the `client` feature's
/// `Client::pages` turns it into a `Stream`. It asks for the token at every
/// request, so a token refreshed in between is used. A page is taken only
/// when its answer reads well: after an error, [`request`](Self::request)
/// gives the same request again, so a retry neither loses nor repeats a
/// page. It never follows a next link to another scheme, host or port, or
/// outside the service root's path (the token would go with it), nor a link
/// it followed before, the first request's URL included (a server looping
/// would never end, and a page read twice would reach the caller twice).
/// Links are compared as URLs, not as text: scheme and host in any case, the
/// default port written or not, and percent-encoded unreserved characters
/// and `$` (`%24top`, as Graph writes its own links) or hex digits in either
/// case are one link. It stops after the page without `@odata.nextLink`,
/// and keeps that page's `@odata.deltaLink` ([`delta_link`](Self::delta_link)).
///
/// ```
/// use graph_core::{graph_endpoint, http, Collection, JsonValue, Pager, RequestOptions};
///
/// graph_endpoint! {
///     pub ListUsers { method: GET, path: "/users", response: Collection<JsonValue> }
/// }
///
/// # fn send(request: http::Request<Vec<u8>>) -> http::Response<&'static str> {
/// #     http::Response::new(if request.uri().query().is_some_and(|q| q.contains("skiptoken")) {
/// #         r#"{"value": [{"id": "2"}], "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users?$deltatoken=D"}"#
/// #     } else {
/// #         r#"{"value": [{"id": "1"}], "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=X"}"#
/// #     })
/// # }
/// # fn main() -> Result<(), graph_core::GraphError> {
/// let mut pager = Pager::new(ListUsers::new(), "https://graph.microsoft.com/v1.0", RequestOptions::new());
/// let mut users = Vec::new();
/// while let Some(request) = pager.request("token") {
///     let page = pager.read(send(request?))?;
///     users.extend(page.value);
/// }
/// assert_eq!(users.len(), 2);
/// let delta = pager.delta_link().unwrap(); // store it; resume with `Pager::resume`
/// assert_eq!(delta.as_str(), "https://graph.microsoft.com/v1.0/users?$deltatoken=D");
/// # Ok(())
/// # }
/// ```
pub struct Pager<T> {
    path_template: &'static str,
    first: Option<Box<FirstRequest>>,
    parse_first: ParseFn<Collection<T>>,
    service_root: String,
    options: RequestOptions,
    state: State,
    /// The links followed so far, the first request's URL included: a
    /// next link back to any of them would read a page a second time.
    followed: HashSet<String>,
    pages: u64,
}

enum State {
    First,
    Next(String),
    /// The last page read offered a link that must not be followed; the
    /// next call to `request` reports it.
    Refused(GraphError),
    Done {
        delta_link: Option<String>,
    },
}

impl<T: DeserializeOwned> Pager<T> {
    /// Pages through `endpoint`, whose first request is built with
    /// [`Endpoint::to_request_with`] and `options`; further pages carry the
    /// same preferences (see [`Collection::next_page_request`]).
    pub fn new<E>(endpoint: E, service_root: impl Into<String>, options: RequestOptions) -> Self
    where
        E: Endpoint<Response = Collection<T>> + Send + Sync + 'static,
    {
        Pager {
            path_template: E::PATH_TEMPLATE,
            first: Some(Box::new(move |root, token, options| {
                endpoint.to_request_with(root, token, options)
            })),
            parse_first: parse_with::<E>,
            service_root: service_root.into(),
            options,
            state: State::First,
            followed: HashSet::new(),
            pages: 0,
        }
    }

    /// Goes on from a stored next or delta link, such as the
    /// [`delta_link`](Self::delta_link) of an earlier listing.
    pub fn resume(
        link: StoredLink<Collection<T>>,
        service_root: impl Into<String>,
        options: RequestOptions,
    ) -> Self {
        Pager {
            path_template: "(stored link)",
            first: None,
            parse_first: parse_json::<Collection<T>>,
            service_root: service_root.into(),
            options,
            state: State::Next(link.url),
            followed: HashSet::new(),
            pages: 0,
        }
    }

    /// The request for the next page, built with `access_token`, or `None`
    /// after the last page. The same request is given again until
    /// [`read`](Self::read) takes a page from an answer.
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] when the next link leads to another
    /// host or outside the service root, or was followed before; the
    /// listing then ends (the next call gives `None`).
    pub fn request(&mut self, access_token: &str) -> Option<Result<Request<Vec<u8>>, GraphError>> {
        match &self.state {
            State::Done { .. } => None,
            State::First => {
                let first = self.first.as_ref()?;
                let request = first(&self.service_root, access_token, &self.options);
                // The first page counts as followed, so that a link back to
                // it is caught before it is read twice.
                if let Ok(request) = &request {
                    self.followed.insert(link_key(&request.uri().to_string()));
                }
                Some(request)
            }
            State::Next(link) => Some(follow_link(
                link,
                &self.service_root,
                access_token,
                &self.options,
            )),
            State::Refused(_) => {
                let State::Refused(error) =
                    std::mem::replace(&mut self.state, State::Done { delta_link: None })
                else {
                    unreachable!("matched above")
                };
                Some(Err(error))
            }
        }
    }

    /// Reads the answer to the last [`request`](Self::request) and moves to
    /// the next page.
    ///
    /// # Errors
    /// As [`Endpoint::parse_response`]; the pager stays on the same page.
    pub fn read<B: AsRef<[u8]>>(
        &mut self,
        response: Response<B>,
    ) -> Result<Collection<T>, GraphError> {
        let (parts, body) = response.into_parts();
        let page = match self.state {
            State::First => (self.parse_first)(parts, body.as_ref())?,
            _ => parse_json::<Collection<T>>(parts, body.as_ref())?,
        };
        self.pages += 1;
        if let State::Next(link) = std::mem::replace(&mut self.state, State::First) {
            self.followed.insert(link_key(&link));
        }
        self.state = match &page.next_link {
            None => State::Done {
                delta_link: page.delta_link.clone(),
            },
            Some(next) if self.followed.contains(&link_key(next)) => {
                State::Refused(GraphError::InvalidRequest {
                    reason: format!(
                    "page {} links back to a page read before (`{}`); the listing would never end",
                    self.pages,
                    crate::Shortened::new(next)
                ),
                })
            }
            Some(next) => match check_link(next, &self.service_root) {
                Ok(()) => State::Next(next.clone()),
                Err(error) => State::Refused(error),
            },
        };
        Ok(page)
    }
}

/// A link as the pager compares it with the links it followed, so that
/// spellings of one URL are one link: the first request's URL as `http`
/// writes it, and the same URL in a server's next link written `HTTPS://`,
/// `GRAPH.microsoft.com`, `:443`, or `?%24top=1` (Graph's own spelling of
/// `$` in its links). The key is the link's origin (scheme and host in
/// lowercase, the port or the scheme's default), and the path and query with every
/// percent-encoded unreserved character (RFC 3986: letters, digits,
/// `-._~`) and `$` decoded and any other percent-encoding in uppercase hex.
/// A user name or password is left out: it does not change the page. A
/// link that does not parse is its own key (it is refused when followed).
fn link_key(link: &str) -> String {
    let Ok(uri) = link.parse::<http::Uri>() else {
        return link.to_owned();
    };
    let Some((scheme, host, port)) = crate::collection::origin(&uri) else {
        return link.to_owned();
    };
    let mut key = format!("{scheme}://{host}");
    if Some(port) != crate::collection::default_port(&scheme) {
        key.push_str(&format!(":{port}"));
    }
    let path_and_query = uri.path_and_query().map_or("", |p| p.as_str()).as_bytes();
    let hex = |at: usize| {
        let digits = path_and_query.get(at..at + 2)?;
        digits
            .iter()
            .all(u8::is_ascii_hexdigit)
            .then(|| u8::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok())?
    };
    let mut rest = Vec::with_capacity(path_and_query.len());
    let mut at = 0;
    while at < path_and_query.len() {
        let escaped = (path_and_query[at] == b'%').then(|| hex(at + 1)).flatten();
        match escaped {
            Some(byte) if byte.is_ascii_alphanumeric() || b"-._~$".contains(&byte) => {
                rest.push(byte);
                at += 3;
            }
            Some(byte) => {
                rest.extend_from_slice(format!("%{byte:02X}").as_bytes());
                at += 3;
            }
            None => {
                rest.push(path_and_query[at]);
                at += 1;
            }
        }
    }
    // Only ASCII was replaced, by ASCII: the text stays what it was.
    key.push_str(&String::from_utf8_lossy(&rest));
    key
}

impl<T> Pager<T> {
    /// Whether the last page was read (or a link refused).
    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done { .. })
    }

    /// The endpoint's path template, or `(stored link)` for a resumed
    /// listing: what logs name the listing by.
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }

    /// How many pages [`read`](Self::read) took.
    pub fn pages_read(&self) -> u64 {
        self.pages
    }

    /// The last page's `@odata.deltaLink`, once the last page is read: keep
    /// it to ask for the changes since this listing later.
    pub fn delta_link(&self) -> Option<StoredLink<Collection<T>>> {
        match &self.state {
            State::Done {
                delta_link: Some(link),
            } => Some(StoredLink::new(link.clone())),
            _ => None,
        }
    }
}

impl<T> fmt::Debug for Pager<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &self.state {
            State::First => "first page",
            State::Next(_) => "next page",
            State::Refused(_) => "refused a link",
            State::Done { .. } => "done",
        };
        f.debug_struct("Pager")
            .field(
                "service_root",
                &crate::endpoint::shown_root(&self.service_root),
            )
            .field("state", &state)
            .field("pages_read", &self.pages)
            .finish_non_exhaustive()
    }
}

/// An `@odata.nextLink` or `@odata.deltaLink` kept beyond the process that
/// received it (in a file or a database), typed with the response it
/// answers, so it turns back into the same request and is read as the same
/// type.
///
/// It is written as the plain URL string (`#[serde(transparent)]`).
/// Following it makes the same checks paging makes: the link must be on the
/// service root's scheme, host and port and under its path, since the token
/// goes with it, and a link read back from storage is input like any other.
///
/// ```
/// use graph_core::{Collection, JsonValue, RequestOptions, StoredLink};
///
/// let page: Collection<JsonValue> = graph_core::from_json(br#"{
///     "value": [],
///     "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta()?$deltatoken=abc"
/// }"#).unwrap();
/// let stored = graph_core::to_json(&page.stored_delta_link().unwrap()).unwrap();
/// assert_eq!(stored, br#""https://graph.microsoft.com/v1.0/users/delta()?$deltatoken=abc""#);
/// // ... later, in another run ...
/// let link: StoredLink<Collection<JsonValue>> = graph_core::from_json(&stored).unwrap();
/// let request = link
///     .to_request("https://graph.microsoft.com/v1.0", "token", &RequestOptions::new())
///     .unwrap();
/// assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/users/delta()?$deltatoken=abc");
/// assert!(link.to_request("https://graph.microsoft.us/v1.0", "token", &RequestOptions::new()).is_err());
/// ```
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredLink<R> {
    url: String,
    #[serde(skip)]
    response: PhantomData<fn() -> R>,
}

impl<R> StoredLink<R> {
    /// A link as received.
    pub fn new(url: impl Into<String>) -> Self {
        StoredLink {
            url: url.into(),
            response: PhantomData,
        }
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The GET request for the link, with `options`' preferences (its query
    /// options are already in the link).
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] when the link is not on the service
    /// root's scheme, host and port, or not under its path (see
    /// [`Collection::next_page_request`]).
    pub fn to_request(
        &self,
        service_root: &str,
        access_token: &str,
        options: &RequestOptions,
    ) -> Result<Request<Vec<u8>>, GraphError> {
        follow_link(&self.url, service_root, access_token, options)
    }

    /// Reads the answer to [`to_request`](Self::to_request) as `R`.
    ///
    /// # Errors
    /// As [`Endpoint::parse_response`].
    pub fn parse_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<R, GraphError>
    where
        R: DeserializeOwned,
    {
        let (parts, body) = response.into_parts();
        parse_json(parts, body.as_ref())
    }
}

impl<T> Collection<T> {
    /// This page's `@odata.nextLink`, to keep.
    pub fn stored_next_link(&self) -> Option<StoredLink<Collection<T>>> {
        self.next_link.clone().map(StoredLink::new)
    }

    /// This page's `@odata.deltaLink`, to keep for the next delta query.
    pub fn stored_delta_link(&self) -> Option<StoredLink<Collection<T>>> {
        self.delta_link.clone().map(StoredLink::new)
    }
}

impl<R> Clone for StoredLink<R> {
    fn clone(&self) -> Self {
        StoredLink::new(self.url.clone())
    }
}

impl<R> PartialEq for StoredLink<R> {
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url
    }
}

impl<R> Eq for StoredLink<R> {}

impl<R> fmt::Debug for StoredLink<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("StoredLink").field(&self.url).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::link_key;

    #[test]
    fn spellings_of_one_link_have_one_key() {
        let key = link_key("https://graph.microsoft.com/v1.0/users?$filter=a%2Cb&$top=1");
        for spelling in [
            "HTTPS://Graph.Microsoft.COM/v1.0/users?$filter=a%2Cb&$top=1",
            "https://graph.microsoft.com:443/v1.0/users?$filter=a%2cb&%24top=1",
            "https://user@graph.microsoft.com/v1.0/%75sers?%24filter=a%2Cb&$%74op=%31",
        ] {
            assert_eq!(link_key(spelling), key, "{spelling}");
        }
    }

    #[test]
    fn different_links_keep_different_keys() {
        let key = link_key("https://graph.microsoft.com/v1.0/users?$skiptoken=A%2FB");
        for other in [
            "https://graph.microsoft.com/v1.0/users?$skiptoken=a%2FB",
            "https://graph.microsoft.com/v1.0/users?$skiptoken=A/B",
            "https://graph.microsoft.com/v1.0/users?$skiptoken=A%252FB",
            "https://graph.microsoft.com:8443/v1.0/users?$skiptoken=A%2FB",
            "http://graph.microsoft.com/v1.0/users?$skiptoken=A%2FB",
            "https://graph.microsoft.com/v1.0/Users?$skiptoken=A%2FB",
        ] {
            assert_ne!(link_key(other), key, "{other}");
        }
        // A stray `%` is kept as written.
        assert_eq!(
            link_key("https://graph.microsoft.com/v1.0/users?$skiptoken=%+1%4"),
            "https://graph.microsoft.com/v1.0/users?$skiptoken=%+1%4"
        );
    }
}
