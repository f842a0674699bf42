//! Collections and paging: `{"@odata.nextLink": ..., "value": [...]}`.

use std::fmt;
use std::marker::PhantomData;

use http::{Method, Request, Response, Uri};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::endpoint::{build_request, check_service_root};
use crate::error::Shortened;
use crate::fields::{next_field, take_field, unknown_field, Key};
use crate::{AdditionalData, GraphError, RequestOptions};

/// One page of a Graph collection, as a GET on a collection returns it.
///
/// Declare the endpoint with `response: Collection<User>`; follow
/// [`next_link`](Self::next_link) with [`next_page_request`](Self::next_page_request)
/// and read each further page with [`parse_page`](Self::parse_page):
///
/// ```
/// use graph_core::{graph_endpoint, http, Collection, Endpoint, JsonValue, RequestOptions};
///
/// graph_endpoint! {
///     pub ListUsers { method: GET, path: "/users", response: Collection<JsonValue> }
/// }
///
/// # fn send(_: http::Request<Vec<u8>>, page: &str) -> http::Response<String> {
/// #     http::Response::new(page.to_string())
/// # }
/// # fn main() -> Result<(), graph_core::GraphError> {
/// let root = "https://graph.microsoft.com/v1.0";
/// let options = RequestOptions::new().select(["id"]);
/// let first = ListUsers::new().to_request_with(root, "token", &options)?;
/// let mut page = ListUsers::parse_response(send(first, r#"{
///     "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=X",
///     "value": [{"id": "1"}]
/// }"#))?;
/// let mut users = Vec::new();
/// loop {
///     users.append(&mut page.value);
///     let Some(next) = page.next_page_request(root, "token", &options) else { break };
///     page = Collection::parse_page(send(next?, r#"{"value": [{"id": "2"}]}"#))?;
/// }
/// assert_eq!(users.len(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Collection<T> {
    /// `@odata.context`: the metadata URL describing the collection.
    pub context: Option<String>,
    /// `@odata.count`: the total number of items, when `$count=true` asked for it.
    pub count: Option<i64>,
    /// `@odata.nextLink`: the URL of the next page, if there is one.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`: the URL for changes since this (last) page of a delta query.
    pub delta_link: Option<String>,
    /// The items of this page.
    pub value: Vec<T>,
    /// Other properties and annotations of the page, kept.
    pub additional_data: AdditionalData,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection {
            context: None,
            count: None,
            next_link: None,
            delta_link: None,
            value: Vec::new(),
            additional_data: AdditionalData::new(),
        }
    }
}

impl<T> Collection<T> {
    /// The GET request for the next page, or `None` on the last page.
    ///
    /// Pass the options the first page was built with: the next page then
    /// carries the same request preferences (such as
    /// [`include_unknown_enum_members`](RequestOptions::include_unknown_enum_members)),
    /// so one listing never mixes two ways of reading its items. Their query
    /// options (`$select`, `$filter`, ...) are not added again: the next link
    /// already holds them. A first page built with
    /// [`to_request`](crate::Endpoint::to_request) was built with
    /// `RequestOptions::new()`.
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] when the next link is not an absolute
    /// URL on the service root's scheme and host (following it would send the
    /// access token to another server), or its path is not under the service
    /// root's path or holds a `.` or `..` segment, in any spelling (it could
    /// reach another resource).
    pub fn next_page_request(
        &self,
        service_root: &str,
        access_token: &str,
        options: &RequestOptions,
    ) -> Option<Result<Request<Vec<u8>>, GraphError>> {
        let link = self.next_link.as_deref()?;
        Some(follow_link(link, service_root, access_token, options))
    }

    /// Reads the response to a [`next_page_request`](Self::next_page_request),
    /// as [`Endpoint::parse_response`](crate::Endpoint::parse_response) reads
    /// the first page.
    pub fn parse_page<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, GraphError>
    where
        T: DeserializeOwned,
    {
        let (parts, body) = response.into_parts();
        crate::paging::parse_json(parts, body.as_ref())
    }
}

/// A GET of `link` with the token, if `link` is on the service root's host.
pub(crate) fn follow_link(
    link: &str,
    service_root: &str,
    access_token: &str,
    options: &RequestOptions,
) -> Result<Request<Vec<u8>>, GraphError> {
    check_link(link, service_root)?;
    build_request(
        Method::GET,
        link,
        access_token,
        None,
        "application/json",
        options,
    )
}

/// Where a URL leads, as URLs compare: its scheme and host in lowercase and
/// its port, the scheme's default when it names none; `None` without a
/// scheme, a host, or a port (a scheme other than `http` or `https`
/// naming none).
pub(crate) fn origin(uri: &Uri) -> Option<(String, String, u16)> {
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let port = uri.port_u16().or(default_port(&scheme))?;
    Some((scheme, uri.host()?.to_ascii_lowercase(), port))
}

/// The port a URL of `scheme` (in lowercase) names when it names none.
pub(crate) fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    }
}

/// `Ok` if `link` may be followed with the token: on the service root's
/// scheme, host and port, and under its path.
pub(crate) fn check_link(link: &str, service_root: &str) -> Result<(), GraphError> {
    let root: Uri = check_service_root(service_root)?
        .parse()
        .map_err(|_| invalid_link(link, "the service root is not a valid URL"))?;
    let target: Uri = link
        .parse()
        .map_err(|_| invalid_link(link, "it is not a valid URL"))?;
    if origin(&target).is_none() || origin(&target) != origin(&root) {
        return Err(invalid_link(
            link,
            "it is not on the service root's scheme and host, and following it would send the access token there",
        ));
    }
    if let Some(why) = leaves_root_path(target.path(), root.path()) {
        return Err(invalid_link(link, why));
    }
    Ok(())
}

/// Why a next link's path could reach something outside the service root's
/// path, if it could: it does not start with that path, or it holds a dot
/// segment, which URL parsers that follow the WHATWG URL standard (the `url`
/// crate under reqwest, browsers) resolve even when written `%2e%2E` or
/// after a `\`.
fn leaves_root_path(path: &str, root_path: &str) -> Option<&'static str> {
    let root_path = root_path.trim_end_matches('/');
    let under_root = path
        .strip_prefix(root_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if !under_root {
        return Some("its path is not under the service root's path");
    }
    let is_dot = |segment: &str| {
        let decoded = percent_encoding::percent_decode_str(segment).collect::<Vec<u8>>();
        decoded == b"." || decoded == b".."
    };
    if path.split(['/', '\\']).any(is_dot) {
        return Some(
            "its path has a `.` or `..` segment, which would be resolved to another resource",
        );
    }
    None
}

fn invalid_link(link: &str, why: &str) -> GraphError {
    GraphError::InvalidRequest {
        reason: format!(
            "cannot follow the next link `{}`: {why}",
            Shortened::new(link)
        ),
    }
}

impl<T: Serialize> Serialize for Collection<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let annotations = [
            ("@odata.context", &self.context),
            ("@odata.nextLink", &self.next_link),
            ("@odata.deltaLink", &self.delta_link),
        ];
        if let Some(context) = &self.context {
            map.serialize_entry(annotations[0].0, context)?;
        }
        if let Some(count) = self.count {
            map.serialize_entry("@odata.count", &count)?;
        }
        for (name, value) in &annotations[1..] {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        map.serialize_entry("value", &self.value)?;
        for (key, value) in self.additional_data.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Collection<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
            type Value = Collection<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a collection page: a JSON object with a `value` array")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Collection<T>, A::Error> {
                let (mut context, mut count, mut next_link, mut delta_link, mut value) =
                    (None, None, None, None, None);
                let mut additional_data = AdditionalData::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "@odata.context" => next_field(&mut map, &mut context, "@odata.context")?,
                        "@odata.count" => next_field(&mut map, &mut count, "@odata.count")?,
                        "@odata.nextLink" => {
                            next_field(&mut map, &mut next_link, "@odata.nextLink")?
                        }
                        "@odata.deltaLink" => {
                            next_field(&mut map, &mut delta_link, "@odata.deltaLink")?
                        }
                        "value" => next_field(&mut map, &mut value, "value")?,
                        _ => unknown_field(&mut map, key, &mut additional_data)?,
                    }
                }
                Ok(Collection {
                    context: take_field(context, "@odata.context")?,
                    count: take_field(count, "@odata.count")?,
                    next_link: take_field(next_link, "@odata.nextLink")?,
                    delta_link: take_field(delta_link, "@odata.deltaLink")?,
                    value: value.ok_or_else(|| de::Error::missing_field("value"))?,
                    additional_data,
                })
            }
        }
        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}
