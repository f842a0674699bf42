//! JSON batching: up to 20 requests in one `POST /$batch`, each answer read
//! back as its own endpoint's response.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use http::header::{AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, HeaderName, HeaderValue, Method, Response, StatusCode};
use serde::{Deserialize, Serialize};

use crate::error::Shortened;
use crate::paging::{parse_with, ParseFn};
use crate::retry::retryable;
use crate::{Endpoint, GraphError, JsonValue, RequestOptions, RetryAfter};

/// The most requests Graph takes in one `$batch`.
pub const MAX_BATCH_REQUESTS: usize = 20;

/// Stands in for the token while an item is built: items carry no
/// `Authorization` header, the `$batch` request does.
const ITEM_TOKEN: &str = "batch-item";

/// Up to [`MAX_BATCH_REQUESTS`] requests sent together as one
/// `POST {service_root}/$batch`.
///
/// [`add`](Self::add) takes any [`Endpoint`] and returns a typed
/// [`BatchHandle`]; once the batch is sent, [`BatchResponse::get`] reads that
/// item's answer as the endpoint's own response type, or its
/// [`GraphError`] (status, Graph's error body, the item's own
/// `Retry-After`), wherever Graph put it among the answers.
///
/// Design: a 21st request is refused with an error rather than split into a
/// second batch, since Graph only honours `dependsOn` inside one batch and a
/// split could separate an item from what it depends on; send the full
/// batch and start another. Items are built with the endpoint's own
/// [`Endpoint::to_request_with`]: the URL relative to the service root, its
/// headers but `Authorization`, a JSON body inline, and any other body
/// base64-encoded with its `Content-Type`.
///
/// ```
/// use graph_core::batch::{Batch, BatchResponse};
/// use graph_core::{graph_endpoint, http, Collection, JsonValue, RequestOptions};
///
/// graph_endpoint! {
///     pub GetUser { method: GET, path: "/users/{userId}", response: JsonValue }
///     pub ListGroups { method: GET, path: "/groups", response: Collection<JsonValue> }
/// }
///
/// let mut batch = Batch::new("https://graph.microsoft.com/v1.0");
/// let user = batch.add(&GetUser::new("87d349ed")).unwrap();
/// let groups = batch.add_with(&ListGroups::new(), &RequestOptions::new().top(5), &[user.id()]).unwrap();
/// let request = batch.to_request("token").unwrap();
/// assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/$batch");
///
/// let answer = http::Response::new(r#"{"responses": [
///     {"id": "2", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"value": []}},
///     {"id": "1", "status": 404, "body": {"error": {"code": "Request_ResourceNotFound", "message": "No user"}}}
/// ]}"#);
/// let answers = batch.parse_response(answer).unwrap();
/// assert!(answers.get(&groups).unwrap().value.is_empty());
/// assert!(answers.get(&user).is_err());
/// ```
#[derive(Clone)]
pub struct Batch {
    service_root: String,
    items: Vec<Item>,
    next_id: u32,
}

/// One request of a batch, as Graph reads it.
#[derive(Clone, Serialize)]
struct Item {
    id: String,
    method: String,
    url: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    headers: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<JsonValue>,
    #[serde(rename = "dependsOn", skip_serializing_if = "Vec::is_empty")]
    depends_on: Vec<String>,
}

/// A request in a [`Batch`]: its id, and how to read its answer as `R`.
pub struct BatchHandle<R> {
    id: String,
    parse: ParseFn<R>,
}

impl<R> BatchHandle<R> {
    /// The request's id in the batch, as `dependsOn` names it.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl<R> Clone for BatchHandle<R> {
    fn clone(&self) -> Self {
        BatchHandle {
            id: self.id.clone(),
            parse: self.parse,
        }
    }
}

impl<R> fmt::Debug for BatchHandle<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BatchHandle").field(&self.id).finish()
    }
}

impl Batch {
    /// An empty batch against `service_root`, such as
    /// `https://graph.microsoft.com/v1.0`.
    pub fn new(service_root: impl Into<String>) -> Self {
        Batch {
            service_root: service_root.into(),
            items: Vec::new(),
            next_id: 1,
        }
    }

    /// Adds `endpoint`'s request, built with `RequestOptions::new()`.
    ///
    /// # Errors
    /// As [`add_with`](Self::add_with).
    pub fn add<E: Endpoint>(
        &mut self,
        endpoint: &E,
    ) -> Result<BatchHandle<E::Response>, GraphError> {
        self.add_with(endpoint, &RequestOptions::new(), &[])
    }

    /// Adds `endpoint`'s request built with `options`, to be run only after
    /// the requests `depends_on` names (by [`BatchHandle::id`]) succeeded;
    /// Graph answers it `424 Failed Dependency` otherwise.
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] when the batch already holds
    /// [`MAX_BATCH_REQUESTS`] requests, `depends_on` names a request not in
    /// this batch, or a header cannot be written as text; and any error of
    /// [`Endpoint::to_request_with`].
    pub fn add_with<E: Endpoint>(
        &mut self,
        endpoint: &E,
        options: &RequestOptions,
        depends_on: &[&str],
    ) -> Result<BatchHandle<E::Response>, GraphError> {
        if self.items.len() >= MAX_BATCH_REQUESTS {
            return Err(invalid(format!(
                "a $batch holds at most {MAX_BATCH_REQUESTS} requests; send this one and start \
                 another (requests that depend on each other must share a batch)"
            )));
        }
        if let Some(unknown) = depends_on
            .iter()
            .find(|id| !self.items.iter().any(|item| item.id == **id))
        {
            return Err(invalid(format!(
                "`dependsOn` names `{}`, which is not a request of this batch",
                Shortened::new(unknown)
            )));
        }
        let request = endpoint.to_request_with(&self.service_root, ITEM_TOKEN, options)?;
        let id = self.next_id.to_string();
        let mut item = item(&self.service_root, request)?;
        item.id = id.clone();
        item.depends_on = depends_on.iter().map(|id| (*id).to_owned()).collect();
        self.items.push(item);
        self.next_id += 1;
        Ok(BatchHandle {
            id,
            parse: parse_with::<E>,
        })
    }

    /// How many requests the batch holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the batch holds no request.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The ids of the requests, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|item| item.id.as_str())
    }

    /// The `POST {service_root}/$batch` request.
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] for an empty batch, and the errors of
    /// [`Endpoint::to_request_with`].
    pub fn to_request(&self, access_token: &str) -> Result<http::Request<Vec<u8>>, GraphError> {
        self.to_request_with(access_token, &RequestOptions::new())
    }

    /// [`to_request`](Self::to_request) with the `$batch` request's own
    /// preferences.
    ///
    /// # Errors
    /// As [`to_request`](Self::to_request).
    pub fn to_request_with(
        &self,
        access_token: &str,
        options: &RequestOptions,
    ) -> Result<http::Request<Vec<u8>>, GraphError> {
        if self.items.is_empty() {
            return Err(invalid("a $batch needs at least one request".to_owned()));
        }
        let post = BatchPost {
            body: BatchBody {
                requests: self.items.clone(),
            },
        };
        post.to_request_with(&self.service_root, access_token, options)
    }

    /// Reads the answer to this batch's [`to_request`](Self::to_request) as
    /// [`BatchResponse::parse`] does, knowing which requests were sent: an
    /// answer whose `id` names none of them (`"01"` for request `1`, or a
    /// request of another batch) is not taken for any request; it is listed
    /// by [`BatchResponse::unattributed`], with the status it carried.
    /// Prefer it to [`BatchResponse::parse`], which cannot tell such an
    /// answer apart and keeps it where no handle reads it.
    ///
    /// ```
    /// use graph_core::batch::Batch;
    /// use graph_core::{graph_endpoint, http, JsonValue};
    ///
    /// graph_endpoint! {
    ///     pub CreateGroup { method: POST, path: "/groups", body: JsonValue, response: JsonValue }
    /// }
    ///
    /// let mut batch = Batch::new("https://graph.microsoft.com/v1.0");
    /// let group = batch.add(&CreateGroup::new(serde_json::json!({"displayName": "x"}))).unwrap();
    /// let answers = batch.parse_response(http::Response::new(
    ///     r#"{"responses": [{"id": "01", "status": 201, "body": {"id": "g1"}}]}"#,
    /// )).unwrap();
    /// assert!(answers.get(&group).is_err());
    /// let unattributed = answers.unattributed();
    /// assert!(unattributed[0].to_string().contains("`01`, which is not a request of this $batch"));
    /// ```
    ///
    /// # Errors
    /// As [`BatchResponse::parse`].
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<BatchResponse, GraphError> {
        BatchResponse::read(response, Some(self))
    }

    /// The batch to send again after `answers`: the requests Graph throttled
    /// or found unavailable (429, 503, and 504 for idempotent methods), and
    /// those it refused with `424 Failed Dependency` because a request they
    /// depend on is sent again; `None` when there is none. Each keeps its
    /// id, so the handles stay valid; a `dependsOn` on a request that
    /// already succeeded is dropped. Wait
    /// [`BatchResponse::retry_after`] first, send it, read its answer with
    /// its own [`parse_response`](Self::parse_response), then
    /// [`merge`](BatchResponse::merge) the new answers into the old.
    pub fn to_retry(&self, answers: &BatchResponse) -> Option<Batch> {
        let mut again: HashSet<&str> = HashSet::new();
        for item in &self.items {
            let Some(Entry::Answer(answer)) = answers.answers.get(&item.id) else {
                continue;
            };
            let retry = match answer.status.as_u16() {
                424 => item.depends_on.iter().any(|id| again.contains(id.as_str())),
                // `method` came from an `http::Method`, so it parses.
                _ => item
                    .method
                    .parse::<Method>()
                    .is_ok_and(|method| retryable(answer.status, &method)),
            };
            if retry {
                again.insert(&item.id);
            }
        }
        if again.is_empty() {
            return None;
        }
        let items = self
            .items
            .iter()
            .filter(|item| again.contains(item.id.as_str()))
            .map(|item| Item {
                depends_on: item
                    .depends_on
                    .iter()
                    .filter(|id| again.contains(id.as_str()))
                    .cloned()
                    .collect(),
                ..item.clone()
            })
            .collect();
        Some(Batch {
            service_root: self.service_root.clone(),
            items,
            next_id: self.next_id,
        })
    }
}

impl fmt::Debug for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let requests: Vec<String> = self
            .items
            .iter()
            .map(|item| format!("{} {} {}", item.id, item.method, item.url))
            .collect();
        f.debug_struct("Batch")
            .field(
                "service_root",
                &crate::endpoint::shown_root(&self.service_root),
            )
            .field("requests", &requests)
            .finish()
    }
}

fn invalid(reason: String) -> GraphError {
    GraphError::InvalidRequest { reason }
}

/// An item from the request an endpoint built (its id is set by the caller).
fn item(service_root: &str, request: http::Request<Vec<u8>>) -> Result<Item, GraphError> {
    let (parts, body) = request.into_parts();
    let url = relative_url(service_root, &parts.uri).ok_or_else(|| {
        invalid(format!(
            "the request URL `{}` is not under the service root, so it cannot be batched",
            Shortened::new(&parts.uri.to_string())
        ))
    })?;
    let mut headers = BTreeMap::new();
    for (name, value) in &parts.headers {
        if name == AUTHORIZATION {
            continue;
        }
        let value = value.to_str().map_err(|_| {
            invalid(format!(
                "the header `{name}` is not text, which a $batch item cannot carry"
            ))
        })?;
        headers
            .entry(name.as_str().to_owned())
            .and_modify(|joined: &mut String| {
                joined.push_str(", ");
                joined.push_str(value);
            })
            .or_insert_with(|| value.to_owned());
    }
    let content_type = parts.headers.get(CONTENT_TYPE);
    let body = if body.is_empty() && content_type.is_none() {
        None
    } else if content_type.is_some_and(is_json) {
        Some(
            serde_json::from_slice(&body).map_err(|error| GraphError::Encode {
                message: format!("the body declared as JSON is not JSON: {error}"),
            })?,
        )
    } else {
        Some(JsonValue::String(
            base64::engine::general_purpose::STANDARD.encode(&body),
        ))
    };
    Ok(Item {
        id: String::new(),
        method: parts.method.as_str().to_owned(),
        url,
        headers,
        body,
        depends_on: Vec::new(),
    })
}

/// `uri`'s path and query after the service root's path, if `uri` is on
/// the root's scheme and authority (compared without regard to case, as
/// URLs compare them: `http::Uri` writes the scheme in lowercase) and under
/// its path (compared exactly).
fn relative_url(service_root: &str, uri: &http::Uri) -> Option<String> {
    let root: http::Uri = crate::endpoint::check_service_root(service_root)
        .ok()?
        .parse()
        .ok()?;
    let origin = crate::collection::origin(uri);
    if origin.is_none() || origin != crate::collection::origin(&root) {
        return None;
    }
    let target = uri.path_and_query()?.as_str();
    let relative = target.strip_prefix(root.path().trim_end_matches('/'))?;
    relative.starts_with('/').then(|| relative.to_owned())
}

/// `application/json`, or any `+json` type, with or without parameters.
fn is_json(content_type: &HeaderValue) -> bool {
    let Ok(text) = content_type.to_str() else {
        return false;
    };
    let essence = text.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
        || essence
            .rsplit_once('+')
            .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json"))
}

/// The `$batch` request, sent through [`Endpoint`] like any other.
struct BatchPost {
    body: BatchBody,
}

#[derive(Serialize)]
struct BatchBody {
    requests: Vec<Item>,
}

impl Endpoint for BatchPost {
    const METHOD: Method = Method::POST;
    const PATH_TEMPLATE: &'static str = "/$batch";
    const SUCCESS_STATUS: u16 = 200;
    type Body = BatchBody;
    type Response = AnswersBody;

    fn path(&self) -> Result<String, GraphError> {
        Ok(Self::PATH_TEMPLATE.to_owned())
    }

    fn body(&self) -> Option<&Self::Body> {
        Some(&self.body)
    }
}

/// The answers to a [`Batch`], in whatever order Graph sent them.
///
/// Each answer is read on its own: one that does not read (a `status` that
/// is not an HTTP status, such as `70000` or the string `"200"`, headers
/// that are not text, a second answer to the same id) fails only its own
/// request, with a [`GraphError::Decode`] naming the answer and the field,
/// and every other answer stays readable. An answer without a usable `id`,
/// or (read by [`Batch::parse_response`]) with an `id` no request of the
/// batch has, belongs to no request: it is taken for none, its request is
/// [missing](Self::missing), and [`unattributed`](Self::unattributed) says
/// why. After a resend, [`merge`](Self::merge) never lets a resent request
/// fall back on its stale answer.
///
/// ```
/// use graph_core::batch::{Batch, BatchResponse};
/// use graph_core::{graph_endpoint, http, GraphError, JsonValue};
///
/// graph_endpoint! {
///     pub GetUser { method: GET, path: "/users/{userId}", response: JsonValue }
/// }
///
/// let mut batch = Batch::new("https://graph.microsoft.com/v1.0");
/// let good = batch.add(&GetUser::new("u1")).unwrap();
/// let bad = batch.add(&GetUser::new("u2")).unwrap();
/// let answers = batch.parse_response(http::Response::new(r#"{"responses": [
///     {"id": "1", "status": 200, "body": {"id": "u1"}},
///     {"id": "2", "status": 70000, "body": {"id": "u2"}}
/// ]}"#)).unwrap();
/// assert_eq!(answers.get(&good).unwrap()["id"], "u1");
/// let Err(GraphError::Decode { path, .. }) = answers.get(&bad) else { panic!() };
/// assert_eq!(path, "responses[1].status");
/// ```
#[derive(Debug, Clone, Default)]
pub struct BatchResponse {
    answers: HashMap<String, Entry>,
    /// Answers that name no request: where, and why.
    unattributed: Vec<(String, String)>,
}

/// What is known of one request's answer.
#[derive(Debug, Clone)]
enum Entry {
    Answer(Answer),
    /// An answer that does not read: where (`responses[3].status`), and why.
    Unreadable {
        path: String,
        message: String,
    },
    /// The request was sent again and that `$batch` failed.
    ResendFailed(Arc<dyn std::error::Error + Send + Sync>),
}

#[derive(Debug, Clone)]
struct Answer {
    /// Where it was in the `$batch` answer.
    index: usize,
    status: StatusCode,
    headers: HashMap<String, String>,
    body: Option<JsonValue>,
}

#[derive(Deserialize)]
struct AnswersBody {
    responses: Vec<JsonValue>,
}

impl BatchResponse {
    /// Reads the answer to [`Batch::to_request`].
    ///
    /// # Errors
    /// [`GraphError::Api`] or [`GraphError::Status`] when the `$batch` itself
    /// failed; [`GraphError::Decode`] when the body is not a batch answer
    /// (`{"responses": [...]}`). An answer in it that does not read fails
    /// only its own request (see [`get`](Self::get)).
    ///
    /// It cannot know which requests the batch holds, so an answer to an id
    /// no request has is kept under that id, where no handle reads it;
    /// [`Batch::parse_response`] lists it as [unattributed](Self::unattributed).
    pub fn parse<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, GraphError> {
        Self::read(response, None)
    }

    /// Reads a `$batch` answer; with `batch`, an answer to an id none of
    /// its requests has is unattributed.
    fn read<B: AsRef<[u8]>>(
        response: Response<B>,
        batch: Option<&Batch>,
    ) -> Result<Self, GraphError> {
        let body = BatchPost::parse_response(response)?;
        let mut read = BatchResponse::default();
        // Ids answered more than once: none of their answers is taken.
        let mut twice: HashSet<String> = HashSet::new();
        for (index, answer) in body.responses.into_iter().enumerate() {
            let JsonValue::Object(mut answer) = answer else {
                read.unattributed.push((
                    format!("responses[{index}]"),
                    format!("an answer that is {}, not an object", kind(&answer)),
                ));
                continue;
            };
            let id = match answer.remove("id") {
                Some(JsonValue::String(id)) => id,
                other => {
                    let problem = match other {
                        None => "an answer without `id`, so it names no request".to_owned(),
                        Some(value) => format!(
                            "an `id` that is {}, not a string, so it names no request",
                            kind(&value)
                        ),
                    };
                    read.unattributed.push((
                        format!("responses[{index}].id"),
                        format!("{problem}{}", answered(&answer)),
                    ));
                    continue;
                }
            };
            if batch.is_some_and(|batch| !batch.ids().any(|sent| sent == id)) {
                read.unattributed.push((
                    format!("responses[{index}].id"),
                    format!(
                        "an answer to `{}`, which is not a request of this $batch{}",
                        Shortened::new(&id),
                        answered(&answer)
                    ),
                ));
                continue;
            }
            if twice.contains(&id) {
                continue;
            }
            let entry = read_answer(index, &id, answer);
            match read.answers.get_mut(&id) {
                None => {
                    read.answers.insert(id, entry);
                }
                Some(earlier) => {
                    let said = |entry: &Entry| match entry {
                        Entry::Answer(answer) => format!(
                            "responses[{}] answered {}",
                            answer.index,
                            answer.status.as_u16()
                        ),
                        Entry::Unreadable { path, .. } => format!("{path} does not read"),
                        Entry::ResendFailed(_) => "an earlier $batch failed".to_owned(),
                    };
                    let message = format!(
                        "Graph answered request `{}` more than once ({}; {}); none is taken",
                        Shortened::new(&id),
                        said(earlier),
                        said(&entry)
                    );
                    *earlier = Entry::Unreadable {
                        path: format!("responses[{index}].id"),
                        message,
                    };
                    twice.insert(id);
                }
            }
        }
        Ok(read)
    }

    /// The answer to `handle`'s request, read by its endpoint's own
    /// [`Endpoint::parse_response`].
    ///
    /// # Errors
    /// The endpoint's errors for that answer (a 404 is
    /// [`GraphError::Api`] with Graph's error, a 429 carries its
    /// `Retry-After`); [`GraphError::Decode`] naming the answer and field
    /// when that answer does not read (or Graph answered the request
    /// twice); [`GraphError::BatchAnswerMissing`] when Graph sent no answer
    /// to it; and [`GraphError::BatchResendFailed`] when it was sent again
    /// and that `$batch` failed ([`mark_resend_failed`](Self::mark_resend_failed))
    /// or its answer held none for it ([`merge`](Self::merge)): whether it
    /// ran the second time may not be known.
    pub fn get<R>(&self, handle: &BatchHandle<R>) -> Result<R, GraphError> {
        let answer = match self.entry(handle.id())? {
            Entry::Answer(answer) => answer,
            Entry::Unreadable { path, message } => {
                return Err(GraphError::Decode {
                    path: path.clone(),
                    message: message.clone(),
                })
            }
            Entry::ResendFailed(source) => {
                return Err(GraphError::BatchResendFailed {
                    id: handle.id().to_owned(),
                    source: Arc::clone(source),
                })
            }
        };
        let mut response = Response::new(());
        *response.status_mut() = answer.status;
        *response.headers_mut() = headers(&answer.headers);
        let body = body_bytes(answer.body.as_ref(), response.headers());
        let (parts, ()) = response.into_parts();
        (handle.parse)(parts, &body)
    }

    /// The status of `handle`'s answer, if Graph sent one that reads (and
    /// it was not sent again in a `$batch` that failed).
    pub fn status<R>(&self, handle: &BatchHandle<R>) -> Option<StatusCode> {
        match self.answers.get(handle.id())? {
            Entry::Answer(answer) => Some(answer.status),
            _ => None,
        }
    }

    /// The ids of `batch`'s requests that have no answer here, not even one
    /// that does not read.
    pub fn missing<'a>(&self, batch: &'a Batch) -> Vec<&'a str> {
        batch
            .ids()
            .filter(|id| !self.answers.contains_key(*id))
            .collect()
    }

    /// The answers that name no request (no `id`, one that is not a
    /// string, an answer that is not an object, or, read by
    /// [`Batch::parse_response`], an `id` that no request of the batch has),
    /// each as a [`GraphError::Decode`] naming where it was
    /// (`responses[2].id`) and the status it carried; after a
    /// [`merge`](Self::merge), those of the resends' answers too.
    pub fn unattributed(&self) -> Vec<GraphError> {
        self.unattributed
            .iter()
            .map(|(path, message)| GraphError::Decode {
                path: path.clone(),
                message: message.clone(),
            })
            .collect()
    }

    /// How many requests have an answer here (one that reads or not).
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Whether no request has an answer.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The longest wait the answers to `retry`'s requests ask for in their
    /// own `Retry-After` headers, from `now`.
    pub fn retry_after(&self, retry: &Batch, now: SystemTime) -> Option<Duration> {
        retry
            .ids()
            .filter_map(|id| match self.answers.get(id)? {
                Entry::Answer(answer) => Some(answer),
                _ => None,
            })
            .filter_map(|answer| {
                let value = answer
                    .headers
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))?
                    .1;
                RetryAfter::parse(value)?.delay_from(now)
            })
            .max()
    }

    /// Takes the answers to `resent` (a [`Batch::to_retry`] of the batch
    /// these answers belong to), read by its
    /// [`parse_response`](Batch::parse_response), in place of the earlier
    /// ones to the same requests.
    ///
    /// A resent request that `newer` has no answer to never keeps its
    /// earlier answer, which asked for the resend and is stale (a `429` read
    /// as "not done" would have a caller create a group twice): its
    /// [`get`](Self::get) is [`GraphError::BatchResendFailed`], since
    /// whether it ran the second time is not known. Its source is a
    /// [`GraphError::Decode`] when `newer` holds answers that name no
    /// request (one of them may be its own; they are listed by
    /// [`unattributed`](Self::unattributed) with the others), and
    /// [`GraphError::BatchAnswerMissing`] otherwise. An answer in `newer` to
    /// a request that was not resent replaces nothing: it is unattributed.
    ///
    /// ```
    /// use graph_core::batch::Batch;
    /// use graph_core::{graph_endpoint, http, GraphError, JsonValue};
    ///
    /// graph_endpoint! {
    ///     pub CreateGroup { method: POST, path: "/groups", body: JsonValue, response: JsonValue }
    /// }
    ///
    /// let mut batch = Batch::new("https://graph.microsoft.com/v1.0");
    /// let group = batch.add(&CreateGroup::new(serde_json::json!({"displayName": "x"}))).unwrap();
    /// let mut answers = batch.parse_response(http::Response::new(
    ///     r#"{"responses": [{"id": "1", "status": 429, "body": {"error": {"code": "TooManyRequests"}}}]}"#,
    /// )).unwrap();
    /// let retry = batch.to_retry(&answers).unwrap();
    /// // The resend's answer forgot its `id`: the create may have run.
    /// let newer = retry.parse_response(http::Response::new(
    ///     r#"{"responses": [{"status": 201, "body": {"id": "g1"}}]}"#,
    /// )).unwrap();
    /// answers.merge(&retry, newer);
    /// assert_eq!(answers.status(&group), None);
    /// assert!(matches!(answers.get(&group), Err(GraphError::BatchResendFailed { .. })));
    /// assert_eq!(answers.unattributed().len(), 1);
    /// ```
    pub fn merge(&mut self, resent: &Batch, mut newer: BatchResponse) {
        let sent = || {
            resent
                .ids()
                .map(|id| format!("`{}`", Shortened::new(id)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let in_resend = format!(" (in the answer to the $batch that resent {})", sent());
        // Answers to requests that were not resent (`newer` read by
        // `BatchResponse::parse`, which cannot know): they replace nothing.
        let mut strays: Vec<(String, String)> = Vec::new();
        newer.answers.retain(|id, entry| {
            if resent.ids().any(|sent| sent == id) {
                return true;
            }
            let (path, said) = match entry {
                Entry::Answer(answer) => (
                    format!("responses[{}].id", answer.index),
                    format!(" (it answered {})", answer.status.as_u16()),
                ),
                Entry::Unreadable { path, .. } => (path.clone(), String::new()),
                Entry::ResendFailed(_) => ("responses".to_owned(), String::new()),
            };
            strays.push((
                path,
                format!(
                    "an answer to `{}`, which was not sent again in this $batch{said}",
                    Shortened::new(id)
                ),
            ));
            false
        });
        let mut unattributed: Vec<(String, String)> = newer.unattributed;
        unattributed.extend(strays);
        for id in resent.ids() {
            let entry = match newer.answers.remove(id) {
                Some(entry) => entry,
                None => Entry::ResendFailed(Arc::new(unanswered(id, &unattributed))),
            };
            self.answers.insert(id.to_owned(), entry);
        }
        self.unattributed.extend(
            unattributed
                .into_iter()
                .map(|(path, message)| (path, format!("{message}{in_resend}"))),
        );
    }

    /// Records that `resent` (a [`Batch::to_retry`] of the batch these
    /// answers belong to) was sent and got no usable answer: `error` says
    /// why. [`get`](Self::get) then gives
    /// [`GraphError::BatchResendFailed`] for each of its requests, in place
    /// of the earlier answer that asked for the resend, while every other
    /// request keeps its answer, so a request that was answered (a `201
    /// Created`, say) is never lost to a later failure and never needs
    /// sending again. The client's `Client::batch` does this itself.
    pub fn mark_resend_failed(
        &mut self,
        resent: &Batch,
        error: impl std::error::Error + Send + Sync + 'static,
    ) {
        let error: Arc<dyn std::error::Error + Send + Sync> = Arc::new(error);
        for id in resent.ids() {
            self.answers
                .insert(id.to_owned(), Entry::ResendFailed(Arc::clone(&error)));
        }
    }

    fn entry(&self, id: &str) -> Result<&Entry, GraphError> {
        self.answers
            .get(id)
            .ok_or_else(|| GraphError::BatchAnswerMissing { id: id.to_owned() })
    }
}

/// Why a resent request `id` has no new answer: the resend's answer named
/// it nowhere, and `unattributed` are its answers that name no request it
/// sent (`(path, why)`), one of which may be the request's own.
fn unanswered(id: &str, unattributed: &[(String, String)]) -> GraphError {
    let Some((first, _)) = unattributed.first() else {
        return GraphError::BatchAnswerMissing { id: id.to_owned() };
    };
    let listed: Vec<String> = unattributed
        .iter()
        .map(|(path, message)| format!("{path}: {message}"))
        .collect();
    GraphError::Decode {
        path: first.clone(),
        message: format!(
            "the answer to the $batch that resent request `{}` names it nowhere, and holds {} \
             answer(s) it cannot be matched with ({}); one of them may be its own, so whether \
             it ran is not known",
            Shortened::new(id),
            unattributed.len(),
            Shortened::new(&listed.join("; "))
        ),
    }
}

/// Reads one answer (its `id` taken out already): the answer, or why it
/// does not read, naming the field.
fn read_answer(index: usize, id: &str, mut answer: serde_json::Map<String, JsonValue>) -> Entry {
    let unreadable = |field: &str, problem: String| Entry::Unreadable {
        path: format!("responses[{index}].{field}"),
        message: format!(
            "the answer to request `{}` has {problem}",
            Shortened::new(id)
        ),
    };
    let status = match answer.remove("status") {
        None => return unreadable("status", "no `status`".to_owned()),
        Some(JsonValue::Number(number)) => {
            // `from_u16` takes exactly the three-digit codes, 100 to 999.
            let status = number
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .and_then(|n| StatusCode::from_u16(n).ok());
            match status {
                Some(status) => status,
                None => {
                    return unreadable(
                        "status",
                        format!(
                            "the status {}, which is not an HTTP status (100 to 999)",
                            Shortened::new(&number.to_string())
                        ),
                    )
                }
            }
        }
        Some(other) => {
            return unreadable(
                "status",
                format!("a `status` that is {}, not a number", kind(&other)),
            )
        }
    };
    let headers = match answer.remove("headers") {
        None | Some(JsonValue::Null) => HashMap::new(),
        Some(JsonValue::Object(headers)) => {
            let mut read = HashMap::with_capacity(headers.len());
            for (name, value) in headers {
                let value = match value {
                    JsonValue::String(text) => text,
                    // Written as text, as a header carries it.
                    JsonValue::Number(number) => number.to_string(),
                    JsonValue::Bool(flag) => flag.to_string(),
                    other => {
                        return unreadable(
                            &format!("headers.{}", Shortened::new(&name)),
                            format!("a header that is {}, not text", kind(&other)),
                        )
                    }
                };
                read.insert(name, value);
            }
            read
        }
        Some(other) => {
            return unreadable(
                "headers",
                format!("`headers` that are {}, not an object", kind(&other)),
            )
        }
    };
    Entry::Answer(Answer {
        index,
        status,
        headers,
        body: answer.remove("body"),
    })
}

/// What an answer that names no request said, for its error: ` (it
/// answered 201)`, or nothing when its status does not read.
fn answered(answer: &serde_json::Map<String, JsonValue>) -> String {
    match answer.get("status").and_then(JsonValue::as_u64) {
        Some(status) => format!(" (it answered {})", Shortened::new(&status.to_string())),
        None => String::new(),
    }
}

/// A JSON value's kind, with a short text: `the string "200"`.
fn kind(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => "null".to_owned(),
        JsonValue::Bool(flag) => format!("the boolean {flag}"),
        JsonValue::Number(number) => format!("the number {number}"),
        JsonValue::String(text) => format!("the string {:?}", Shortened::new(text).as_str()),
        JsonValue::Array(_) => "an array".to_owned(),
        JsonValue::Object(_) => "an object".to_owned(),
    }
}

/// An answer's headers; a name or value HTTP cannot carry is left out.
fn headers(answer: &HashMap<String, String>) -> HeaderMap {
    let mut headers = HeaderMap::with_capacity(answer.len());
    for (name, value) in answer {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            headers.append(name, value);
        }
    }
    headers
}

/// The body as the endpoint would have received it: JSON as written, and a
/// non-JSON body, which Graph sends base64-encoded in a string, decoded (a
/// string that is not base64 is taken as text).
fn body_bytes(body: Option<&JsonValue>, headers: &HeaderMap) -> Vec<u8> {
    let json = headers.get(CONTENT_TYPE).is_none_or(is_json);
    match body {
        None | Some(JsonValue::Null) => Vec::new(),
        Some(JsonValue::String(text)) if !json => base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap_or_else(|_| text.clone().into_bytes()),
        Some(value) => serde_json::to_vec(value).unwrap_or_default(),
    }
}
