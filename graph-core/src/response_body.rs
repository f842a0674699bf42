//! What a response holds: JSON read into a `Deserialize` type, raw content,
//! or the outcome of a request Graph may answer without content.

use std::fmt;
use std::marker::PhantomData;

use http::header::LOCATION;
use http::response::Parts;
use http::StatusCode;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::content::header_text;
use crate::endpoint::unexpected_redirect;
use crate::fields::{next_field, take_field, unknown_field, Key};
use crate::{AdditionalData, GraphError, RetryAfter};

/// What a successful response is read into.
///
/// Every `Deserialize` type is read from JSON, and an empty body (a
/// `204 No Content`, or a `202 Accepted` without a body) is read as JSON
/// `null`: `Option<T>` is then `None` and `()` is `()`, while a type that
/// cannot be `null` is [`GraphError::NoContent`], never a decode error.
/// [`Content`](crate::Content) and [`Download`](crate::Download) are never
/// read as JSON; [`Returned`] tells content, no content and
/// `202 Accepted` apart.
///
/// [`Endpoint::parse_response`](crate::Endpoint::parse_response) turns error
/// statuses (4xx, 5xx) into [`GraphError`]s before a `ResponseBody` sees
/// them; a redirect (3xx) is passed on, for [`Download`](crate::Download) to
/// read, and is an error for every other type here.
///
/// Implement it for a response in another format:
///
/// ```
/// use graph_core::{http, GraphError, ResponseBody};
///
/// /// A CSV report, kept as text.
/// pub struct Csv(pub String);
///
/// impl ResponseBody for Csv {
///     const ACCEPT: &'static str = "text/csv";
///     fn from_response(parts: &http::response::Parts, body: &[u8]) -> Result<Self, GraphError> {
///         String::from_utf8(body.to_vec()).map(Csv).map_err(|_| GraphError::UnexpectedResponse {
///             status: parts.status,
///             reason: "the report is not UTF-8".into(),
///         })
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a response",
    label = "not a response type",
    note = "a response is any `serde::Deserialize` type (read from JSON), `graph_core::Content` or `graph_core::Download` (raw bytes), `graph_core::Returned<T>`, or a type implementing `graph_core::ResponseBody`"
)]
pub trait ResponseBody: Sized {
    /// The `Accept` header the request sends.
    const ACCEPT: &'static str = "application/json";

    /// Reads a response whose status is 2xx or 3xx.
    ///
    /// # Errors
    /// Whatever does not fit the type, naming what and where.
    fn from_response(parts: &Parts, body: &[u8]) -> Result<Self, GraphError>;
}

impl<T: DeserializeOwned> ResponseBody for T {
    fn from_response(parts: &Parts, body: &[u8]) -> Result<Self, GraphError> {
        if parts.status.is_redirection() {
            return Err(unexpected_redirect(parts, body));
        }
        read_json(parts.status, body)
    }
}

/// `body` as JSON, an empty one as `null`.
fn read_json<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T, GraphError> {
    if !is_empty(body) {
        return crate::from_json(body);
    }
    crate::from_json(b"null").map_err(|_| GraphError::NoContent {
        status,
        expected: std::any::type_name::<T>(),
    })
}

fn is_empty(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// The outcome of a request Graph may answer with content, without it, or
/// by accepting it for later: declare `response: Returned<T>` where Graph
/// does more than one (a PATCH answers `200` with the object or `204`
/// depending on `Prefer: return=...`; an action may start a long-running
/// operation with `202 Accepted`).
///
/// ```
/// use graph_core::{graph_endpoint, http, Endpoint, JsonValue, Returned};
///
/// graph_endpoint! {
///     pub UpdateEvent {
///         method: PATCH,
///         path: "/me/events/{eventId}",
///         body: JsonValue,
///         response: Returned<JsonValue>,
///     }
/// }
///
/// let answer = |status| http::Response::builder().status(status).body(Vec::new()).unwrap();
/// assert_eq!(UpdateEvent::parse_response(answer(204)).unwrap(), Returned::NoContent);
/// let accepted = http::Response::builder()
///     .status(202)
///     .header("location", "https://graph.microsoft.com/v1.0/operations/7")
///     .body(Vec::new())
///     .unwrap();
/// match UpdateEvent::parse_response(accepted).unwrap() {
///     Returned::Accepted(accepted) => {
///         assert_eq!(accepted.location.as_deref(), Some("https://graph.microsoft.com/v1.0/operations/7"))
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Returned<T> {
    /// A 2xx answer with a body (`200 OK`, `201 Created`).
    Content(T),
    /// An answer without a body, other than `202 Accepted` (`204 No Content`).
    NoContent,
    /// `202 Accepted`: the service will finish the request later.
    Accepted(Accepted),
}

impl<T> Returned<T> {
    /// The content, if the answer had any.
    pub fn content(self) -> Option<T> {
        match self {
            Returned::Content(content) => Some(content),
            Returned::NoContent | Returned::Accepted(_) => None,
        }
    }
}

impl<T: DeserializeOwned> ResponseBody for Returned<T> {
    fn from_response(parts: &Parts, body: &[u8]) -> Result<Self, GraphError> {
        if parts.status.is_redirection() {
            return Err(unexpected_redirect(parts, body));
        }
        if parts.status == StatusCode::ACCEPTED {
            return Accepted::read(parts).map(Returned::Accepted);
        }
        if is_empty(body) {
            return Ok(Returned::NoContent);
        }
        crate::from_json(body).map(Returned::Content)
    }
}

/// `202 Accepted`: the request was accepted and will finish later (a
/// long-running operation, such as copying a drive item). Poll `location`
/// (a monitor URL) with your own requests; it may be on another host, so
/// check before sending a token there. The body, if any, is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Accepted {
    /// The `Location` header: where to check on the operation.
    pub location: Option<String>,
    /// The `Retry-After` header: how long to wait before checking.
    pub retry_after: Option<RetryAfter>,
}

impl Accepted {
    fn read(parts: &Parts) -> Result<Self, GraphError> {
        let location = match parts.headers.get(LOCATION) {
            Some(value) => Some(header_text(value, "Location", parts)?),
            None => None,
        };
        Ok(Accepted {
            location,
            retry_after: RetryAfter::from_headers(&parts.headers),
        })
    }
}

/// Declared as `response: Accepted`, an answer other than `202 Accepted`
/// is [`GraphError::UnexpectedResponse`]: use [`Returned`] where Graph
/// may also finish at once.
impl ResponseBody for Accepted {
    fn from_response(parts: &Parts, _body: &[u8]) -> Result<Self, GraphError> {
        if parts.status != StatusCode::ACCEPTED {
            return Err(GraphError::UnexpectedResponse {
                status: parts.status,
                reason: "expected `202 Accepted`; declare the response as \
                         `graph_core::Returned<T>` where the service may also answer at once"
                    .to_owned(),
            });
        }
        Accepted::read(parts)
    }
}

/// OData's wrapped return of a function or action whose result is a
/// primitive or a collection: `{"@odata.context": "...", "value": <value>}`,
/// such as `getSchedule`'s `{"value": [...]}` or `checkMemberGroups`'s
/// `{"value": ["..."]}`.
///
/// Other properties and annotations are kept in `additional_data`, and the
/// value reads back as it was written.
///
/// ```
/// use graph_core::ODataValue;
///
/// let answer: ODataValue<bool> = graph_core::from_json(
///     br#"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean", "value": true}"#,
/// ).unwrap();
/// assert!(answer.value);
/// assert_eq!(answer.context.as_deref(), Some("https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ODataValue<T> {
    /// `@odata.context`: the metadata URL describing the value.
    pub context: Option<String>,
    /// `value`: the returned primitive, object or collection.
    pub value: T,
    /// Other properties and annotations, kept.
    pub additional_data: AdditionalData,
}

impl<T: Serialize> Serialize for ODataValue<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(context) = &self.context {
            map.serialize_entry("@odata.context", context)?;
        }
        map.serialize_entry("value", &self.value)?;
        for (key, value) in self.additional_data.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ODataValue<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ValueVisitor<T> {
            type Value = ODataValue<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object with a `value`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ODataValue<T>, A::Error> {
                let (mut context, mut value) = (None, None);
                let mut additional_data = AdditionalData::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match key.as_str() {
                        "@odata.context" => next_field(&mut map, &mut context, "@odata.context")?,
                        "value" => next_field(&mut map, &mut value, "value")?,
                        _ => unknown_field(&mut map, key, &mut additional_data)?,
                    }
                }
                Ok(ODataValue {
                    context: take_field(context, "@odata.context")?,
                    value: value.ok_or_else(|| de::Error::missing_field("value"))?,
                    additional_data,
                })
            }
        }
        deserializer.deserialize_map(ValueVisitor(PhantomData))
    }
}
