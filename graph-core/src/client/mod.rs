//! An async client (feature `client`): sends endpoints with reqwest,
//! applying the [retry policy](crate::retry), paging and batching.
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use graph_core::client::Client;
//! use graph_core::{graph_endpoint, Collection, JsonValue, RequestOptions};
//!
//! graph_endpoint! {
//!     pub ListUsers { method: GET, path: "/users", response: Collection<JsonValue> }
//! }
//!
//! # async fn run() -> Result<(), graph_core::client::Error> {
//! let client = Client::new("https://graph.microsoft.com/v1.0", "eyJ0...".to_string())?;
//! let mut pages = std::pin::pin!(client.pages(ListUsers::new(), RequestOptions::new().top(100)));
//! while let Some(page) = pages.try_next().await? {
//!     for user in page.value {
//!         println!("{}", user["displayName"]);
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod token;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use futures_util::Stream;
use http::{Request, Response, StatusCode};
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::batch::{Batch, BatchResponse};
use crate::retry::{Attempt, Decision, Outcome, RetryPolicy};
use crate::{Collection, Endpoint, GraphError, Pager, RequestOptions};

pub use token::{token_fn, BoxError, BoxFuture, TokenFn, TokenSource};

/// reqwest's client builder, for [`Client::with_reqwest`], so callers need
/// no reqwest dependency of their own.
pub use reqwest::ClientBuilder as ReqwestClientBuilder;

/// What can go wrong sending a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built, or the answer is an error or does
    /// not read (after any retries: a 429 that stayed a 429 is here, with
    /// its `Retry-After`).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// No complete answer arrived (after any retries): the connection
    /// failed, was reset, or the client could not be built.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The token source failed.
    #[error("cannot get an access token: {0}")]
    Token(#[source] BoxError),
    /// No complete answer arrived within the client's
    /// [attempt timeout](ClientBuilder::attempt_timeout) (after any
    /// retries; like a lost connection, it is retried only for idempotent
    /// methods, since the request may have run).
    #[error("no complete answer to {method} {path} within the attempt timeout of {limit:?}")]
    Timeout {
        /// The request's method.
        method: http::Method,
        /// The request's path, without its query (shortened when long).
        path: crate::Shortened,
        /// The attempt timeout.
        limit: Duration,
    },
    /// The answer's body is larger than the client's
    /// [body-size cap](ClientBuilder::max_body_size); it was not read
    /// further (nor retried: it would be as large again).
    #[error(
        "the answer to {method} {path} is larger than the body-size cap of {limit} bytes{}; \
         raise it with `Client::builder(..).max_body_size(..)` if such answers are expected",
        declared.map(|length| format!(" (Content-Length {length})")).unwrap_or_default()
    )]
    BodyTooLarge {
        /// The request's method.
        method: http::Method,
        /// The request's path, without its query (shortened when long).
        path: crate::Shortened,
        /// The cap, in bytes.
        limit: usize,
        /// The length the answer declared, if it declared one.
        declared: Option<u64>,
    },
}

/// How long the client waits for a TCP (and TLS) connection to be set up,
/// unless [`ClientBuilder::connect_timeout`] says otherwise: 10 s. A
/// connection that could not be made sent nothing, so it is retried even
/// for a `POST`.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one attempt may take, from sending the request to the last
/// byte of its answer, unless [`ClientBuilder::attempt_timeout`] says
/// otherwise: 100 s (the default timeout of .NET's `HttpClient`, under
/// Microsoft's own Graph SDK). The [`RetryPolicy`]'s time limit bounds the
/// retries as a whole; this bounds each one, so a server that never
/// answers cannot keep a send pending for ever.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(100);

/// The largest answer body the client reads, unless
/// [`ClientBuilder::max_body_size`] says otherwise: 128 MiB. Bodies are
/// held in memory whole, so this bounds what one answer can take; Graph's
/// JSON pages are far smaller, but raw content (`$value` of a large mail
/// attachment, up to 150 MB) may need more.
pub const DEFAULT_MAX_BODY_SIZE: usize = 128 * 1024 * 1024;

/// How much of an error answer's body (a 4xx or 5xx) the client reads: 64
/// KiB, enough for Graph's error JSON, whatever the body-size cap. The rest
/// is never read, and errors show only the first 4 KB of it anyway
/// ([`Shortened::BODY_LIMIT`](crate::Shortened::BODY_LIMIT)).
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Waits between retries. The client uses tokio's timer; tests and
/// simulations give their own (see [`Client::with_sleeper`]).
pub trait Sleeper: Send + Sync {
    /// A future that completes after `wait`.
    fn sleep(&self, wait: Duration) -> BoxFuture<'static, ()>;
}

struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, wait: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(wait))
    }
}

/// An async Microsoft Graph client: every request goes through the
/// [`RetryPolicy`], and redirects are never followed (a 302 to a download
/// URL on another host reaches the endpoint's `parse_response`, and the
/// token never leaves for that host). Cloning is cheap and shares the
/// connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    http: reqwest::Client,
    service_root: String,
    tokens: Arc<dyn TokenSource>,
    policy: RetryPolicy,
    sleeper: Arc<dyn Sleeper>,
    attempt_timeout: Duration,
    max_body_size: usize,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("service_root", &self.inner.service_root)
            .field("policy", &self.inner.policy)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .field("max_body_size", &self.inner.max_body_size)
            .finish_non_exhaustive()
    }
}

/// Settings for a [`Client`]: its timeouts, body-size cap, retry policy
/// and reqwest's own settings. Made by [`Client::builder`].
///
/// ```
/// use std::time::Duration;
/// use graph_core::client::{Client, DEFAULT_ATTEMPT_TIMEOUT};
///
/// let client = Client::builder("https://graph.microsoft.com/v1.0", "eyJ0...".to_string())
///     .connect_timeout(Duration::from_secs(5))
///     .attempt_timeout(Duration::from_secs(30))
///     .max_body_size(16 * 1024 * 1024)
///     .build()
///     .unwrap();
/// assert_eq!(client.attempt_timeout(), Duration::from_secs(30));
/// assert_eq!(client.max_body_size(), 16 * 1024 * 1024);
/// # assert!(DEFAULT_ATTEMPT_TIMEOUT > Duration::from_secs(30));
/// ```
pub struct ClientBuilder {
    service_root: String,
    tokens: Arc<dyn TokenSource>,
    reqwest: reqwest::ClientBuilder,
    connect_timeout: Duration,
    attempt_timeout: Duration,
    max_body_size: usize,
    policy: RetryPolicy,
    sleeper: Arc<dyn Sleeper>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("service_root", &self.service_root)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("max_body_size", &self.max_body_size)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// How long to wait for a connection to be set up; default
    /// [`DEFAULT_CONNECT_TIMEOUT`]. It replaces any connect timeout set on
    /// the [`reqwest`](Self::reqwest) builder.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, from sending to the last byte of the
    /// answer; default [`DEFAULT_ATTEMPT_TIMEOUT`]. An attempt that takes
    /// longer is abandoned and counts as a lost connection (retried only
    /// for idempotent methods); the last one is [`Error::Timeout`].
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// The largest answer body to read, in bytes; default
    /// [`DEFAULT_MAX_BODY_SIZE`]. A larger one is [`Error::BodyTooLarge`],
    /// found from its `Content-Length` before reading when it declares one.
    /// Error answers are read up to [`ERROR_BODY_LIMIT`] only.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// reqwest's settings (proxies, TLS roots, ...). Whatever `builder` says
    /// about redirects, the client follows none, and its connect timeout
    /// is [`connect_timeout`](Self::connect_timeout)'s.
    pub fn reqwest(mut self, builder: reqwest::ClientBuilder) -> Self {
        self.reqwest = builder;
        self
    }

    /// The retry policy; default [`RetryPolicy::default`].
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// What waits between retries; default tokio's timer.
    pub fn sleeper(mut self, sleeper: impl Sleeper + 'static) -> Self {
        self.sleeper = Arc::new(sleeper);
        self
    }

    /// The client.
    ///
    /// # Errors
    /// As [`Client::new`].
    pub fn build(self) -> Result<Client, Error> {
        check_root(&self.service_root)?;
        let http = self
            .reqwest
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(Error::Transport)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                service_root: self.service_root,
                tokens: self.tokens,
                policy: self.policy,
                sleeper: self.sleeper,
                attempt_timeout: self.attempt_timeout,
                max_body_size: self.max_body_size,
            }),
        })
    }
}

impl Client {
    /// A client for `service_root` (such as `https://graph.microsoft.com/v1.0`)
    /// with the default [`RetryPolicy`], [`DEFAULT_CONNECT_TIMEOUT`],
    /// [`DEFAULT_ATTEMPT_TIMEOUT`] and [`DEFAULT_MAX_BODY_SIZE`]; see
    /// [`builder`](Self::builder) to change them.
    ///
    /// # Errors
    /// [`Error::Graph`] with [`GraphError::InvalidRequest`] naming the root
    /// when `service_root` is not an absolute http(s) URL requests can be
    /// sent to (`http://127.0.0.1:99999/v1.0`, whose port is out of range,
    /// and `http://127.0.0.1:0/v1.0` are refused here rather than at every
    /// send), or holds a user name or password (which the error does not
    /// show); [`Error::Transport`]
    /// when the TLS stack cannot be set up.
    pub fn new(
        service_root: impl Into<String>,
        tokens: impl TokenSource + 'static,
    ) -> Result<Self, Error> {
        Self::builder(service_root, tokens).build()
    }

    /// The settings of a client for `service_root`, all at their defaults,
    /// to change before [`ClientBuilder::build`].
    pub fn builder(
        service_root: impl Into<String>,
        tokens: impl TokenSource + 'static,
    ) -> ClientBuilder {
        ClientBuilder {
            service_root: service_root.into(),
            tokens: Arc::new(tokens),
            reqwest: reqwest::Client::builder(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            policy: RetryPolicy::default(),
            sleeper: Arc::new(TokioSleeper),
        }
    }

    /// [`new`](Self::new) with reqwest settings of your own (proxies, TLS
    /// roots): `Client::builder(..).reqwest(builder).build()`. Whatever
    /// `builder` says about redirects, the client follows none; its connect
    /// timeout is [`DEFAULT_CONNECT_TIMEOUT`] (set another with
    /// [`ClientBuilder::connect_timeout`]).
    ///
    /// # Errors
    /// As [`new`](Self::new); [`Error::Transport`] when reqwest cannot build
    /// the client.
    pub fn with_reqwest(
        service_root: impl Into<String>,
        tokens: impl TokenSource + 'static,
        builder: reqwest::ClientBuilder,
    ) -> Result<Self, Error> {
        Self::builder(service_root, tokens).reqwest(builder).build()
    }

    fn with(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        change(&mut inner);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The same client with another retry policy.
    pub fn with_retry_policy(self, policy: RetryPolicy) -> Self {
        self.with(|inner| inner.policy = policy)
    }

    /// The same client waiting between retries with `sleeper` instead of
    /// tokio's timer.
    pub fn with_sleeper(self, sleeper: impl Sleeper + 'static) -> Self {
        self.with(|inner| inner.sleeper = Arc::new(sleeper))
    }

    /// The same client with another [attempt timeout](ClientBuilder::attempt_timeout).
    pub fn with_attempt_timeout(self, timeout: Duration) -> Self {
        self.with(|inner| inner.attempt_timeout = timeout)
    }

    /// The same client with another [body-size cap](ClientBuilder::max_body_size).
    pub fn with_max_body_size(self, bytes: usize) -> Self {
        self.with(|inner| inner.max_body_size = bytes)
    }

    /// How long one attempt may take.
    pub fn attempt_timeout(&self) -> Duration {
        self.inner.attempt_timeout
    }

    /// The largest answer body the client reads, in bytes.
    pub fn max_body_size(&self) -> usize {
        self.inner.max_body_size
    }

    /// The service root requests are built against.
    pub fn service_root(&self) -> &str {
        &self.inner.service_root
    }

    /// Sends `endpoint`'s request (built with `RequestOptions::new()`) and
    /// reads the answer with its own `parse_response`, retrying as the
    /// policy says.
    ///
    /// # Errors
    /// See [`Error`].
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.send_with(endpoint, &RequestOptions::new()).await
    }

    /// [`send`](Self::send) with query options and preferences.
    ///
    /// # Errors
    /// See [`Error`].
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error> {
        let root = &self.inner.service_root;
        let response = self
            .execute(E::PATH_TEMPLATE, |token| {
                endpoint.to_request_with(root, token, options)
            })
            .await?;
        Ok(E::parse_response(response)?)
    }

    /// Every page of a collection endpoint, as a `Stream`: one request per
    /// page, each retried as the policy says, ending after the last page
    /// (whose `delta_link` is the one to keep) or after the first error.
    /// Next links to another host are refused, never followed (see
    /// [`Pager`]).
    pub fn pages<E, T>(
        &self,
        endpoint: E,
        options: RequestOptions,
    ) -> impl Stream<Item = Result<Collection<T>, Error>> + Send + 'static
    where
        E: Endpoint<Response = Collection<T>> + Send + Sync + 'static,
        T: DeserializeOwned + Send + 'static,
    {
        let pager = Pager::new(endpoint, self.inner.service_root.clone(), options);
        self.pages_from(pager)
    }

    /// [`pages`](Self::pages) for a pager made elsewhere, such as one
    /// resumed from a stored delta link ([`Pager::resume`]).
    pub fn pages_from<T>(
        &self,
        pager: Pager<T>,
    ) -> impl Stream<Item = Result<Collection<T>, Error>> + Send + 'static
    where
        T: DeserializeOwned + Send + 'static,
    {
        let client = self.clone();
        futures_util::stream::unfold(Some(pager), move |pager| {
            let client = client.clone();
            async move {
                let mut pager = pager?;
                match client.next_page(&mut pager).await {
                    Ok(Some(page)) => Some((Ok(page), Some(pager))),
                    Ok(None) => None,
                    Err(error) => Some((Err(error), None)),
                }
            }
        })
    }

    /// The next page of `pager`, or `None` after the last; for callers who
    /// want the pager afterwards (its [`delta_link`](Pager::delta_link)).
    ///
    /// # Errors
    /// See [`Error`]; the pager then stays on the same page.
    pub async fn next_page<T: DeserializeOwned>(
        &self,
        pager: &mut Pager<T>,
    ) -> Result<Option<Collection<T>>, Error> {
        if pager.is_done() {
            return Ok(None);
        }
        // A refused next link fails in `build`, before anything is sent.
        let template = pager.path_template();
        let response = self
            .execute(template, |token| pager_request(pager, token))
            .await?;
        Ok(Some(pager.read(response)?))
    }

    /// Sends `batch` as `POST /$batch`, then sends again only its throttled
    /// items (and those that failed waiting on them), after the longest
    /// `Retry-After` among them, as long as the policy allows; answers to
    /// the resent items replace the earlier ones ([`BatchResponse::merge`]).
    /// Each `$batch` answer is read by the batch sent
    /// ([`Batch::parse_response`]), so an answer to an id it did not send is
    /// taken for no item and listed by [`BatchResponse::unattributed`].
    ///
    /// Once the first `$batch` is answered, nothing answered is lost: when
    /// a resend fails (the `$batch` is refused, throttled until the policy
    /// gives up, or its connection fails), the answers so far are returned,
    /// and each resent item's [`BatchResponse::get`] is
    /// [`GraphError::BatchResendFailed`] holding that failure; so is a
    /// resent item that the resend's answer names nowhere (it may have run:
    /// its earlier answer, a `429`, is never given again). So every item
    /// has either its answer or the error of its last attempt, and a `POST`
    /// answered `201 Created` before the failure is still there to read
    /// (sending the batch again would create it twice).
    ///
    /// ```no_run
    /// # use graph_core::{batch::Batch, client::Client, graph_endpoint, GraphError, JsonValue};
    /// # graph_endpoint! { pub CreateGroup { method: POST, path: "/groups", body: JsonValue, response: JsonValue } }
    /// # async fn run(client: Client, mut batch: Batch) -> Result<(), graph_core::client::Error> {
    /// let group = batch.add(&CreateGroup::new(serde_json::json!({"displayName": "Library"})))?;
    /// let answers = client.batch(&batch).await?;
    /// match answers.get(&group) {
    ///     Ok(created) => println!("created {}", created["id"]),
    ///     Err(GraphError::BatchResendFailed { source, .. }) => {
    ///         println!("throttled, then its resend failed ({source}): it may have run")
    ///     }
    ///     Err(other) => println!("not created: {other}"),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// See [`Error`]: only when the first `$batch` request gets no usable
    /// answer (nothing of the batch is known then); each item's own error
    /// is read with [`BatchResponse::get`].
    pub async fn batch(&self, batch: &Batch) -> Result<BatchResponse, Error> {
        let started = Instant::now();
        let mut answers = self.send_batch(batch).await?;
        let mut pending = batch.to_retry(&answers);
        let mut number = 1;
        while let Some(retry) = pending.take() {
            let server_delay = answers.retry_after(&retry, SystemTime::now());
            let decision =
                self.inner
                    .policy
                    .schedule(number, server_delay, started.elapsed(), random());
            let Decision::Retry(wait) = decision else {
                break;
            };
            self.inner.sleeper.sleep(wait).await;
            let newer = match self.send_batch(&retry).await {
                Ok(newer) => newer,
                Err(error) => {
                    // Keep what was answered; the resent items carry the
                    // failure of their last attempt.
                    answers.mark_resend_failed(&retry, error);
                    break;
                }
            };
            pending = retry.to_retry(&newer);
            answers.merge(&retry, newer);
            number += 1;
        }
        Ok(answers)
    }

    async fn send_batch(&self, batch: &Batch) -> Result<BatchResponse, Error> {
        let response = self
            .execute("/$batch", |token| batch.to_request(token))
            .await?;
        Ok(batch.parse_response(response)?)
    }

    async fn token(&self) -> Result<String, Error> {
        self.inner.tokens.token().await.map_err(Error::Token)
    }

    /// Sends the request `build` makes with a fresh token until the policy
    /// stops, and gives the last answer.
    async fn execute(
        &self,
        path_template: &'static str,
        mut build: impl FnMut(&str) -> Result<Request<Vec<u8>>, GraphError>,
    ) -> Result<Response<Vec<u8>>, Error> {
        let started = Instant::now();
        // Time the sleeper was asked to wait, and the time it took: a
        // sleeper that does not really sleep still counts as having waited.
        let (mut waited, mut slept) = (Duration::ZERO, Duration::ZERO);
        let mut number = 0;
        loop {
            number += 1;
            let token = self.token().await?;
            let request = build(&token)?;
            let method = request.method().clone();
            let span = tracing::debug_span!(
                "graph.request",
                method = %method,
                path = path_template,
                attempt = number,
                status = tracing::field::Empty,
                request_id = tracing::field::Empty,
            );
            let path = request.uri().path().to_owned();
            let result = self.send_once(request).instrument(span.clone()).await;
            if let Ok(response) = &result {
                span.record("status", response.status().as_u16());
                if let Some(id) = response
                    .headers()
                    .get("request-id")
                    .and_then(|id| id.to_str().ok())
                {
                    span.record("request_id", id);
                }
            }
            let outcome = match &result {
                Ok(response) => Some(Outcome::Response {
                    status: response.status(),
                    headers: response.headers(),
                }),
                Err(Failure::Transport(error)) => Some(Outcome::TransportError {
                    request_sent: !error.is_connect(),
                }),
                // It may have run.
                Err(Failure::Timeout) => Some(Outcome::TransportError { request_sent: true }),
                // The answer would be as large again: a retry cannot help.
                Err(Failure::TooLarge { .. }) => None,
            };
            let Some(outcome) = outcome else {
                return result.map_err(|failure| self.failure(failure, method, &path));
            };
            let elapsed = started.elapsed().saturating_sub(slept) + waited;
            let decision = self.inner.policy.decide(&Attempt {
                number,
                method: &method,
                outcome,
                elapsed,
                now: SystemTime::now(),
                random: random(),
            });
            span.in_scope(|| tracing::debug!(?decision, "retry decision"));
            match decision {
                Decision::Retry(wait) => {
                    let before = Instant::now();
                    self.inner.sleeper.sleep(wait).await;
                    slept += before.elapsed();
                    waited += wait;
                }
                Decision::Stop(_) => {
                    return result.map_err(|failure| self.failure(failure, method, &path))
                }
            }
        }
    }

    /// The error for a failed attempt of `method` on `path`.
    fn failure(&self, failure: Failure, method: http::Method, path: &str) -> Error {
        let path = crate::Shortened::new(path);
        match failure {
            Failure::Transport(error) => Error::Transport(error),
            Failure::Timeout => Error::Timeout {
                method,
                path,
                limit: self.inner.attempt_timeout,
            },
            Failure::TooLarge { declared } => Error::BodyTooLarge {
                method,
                path,
                limit: self.inner.max_body_size,
                declared,
            },
        }
    }

    /// One send, the whole body read (a connection lost mid-body is a
    /// transport error like any other), within the attempt timeout.
    async fn send_once(&self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, Failure> {
        let request = reqwest::Request::try_from(request).map_err(Failure::Transport)?;
        tokio::time::timeout(self.inner.attempt_timeout, self.read_answer(request))
            .await
            .unwrap_or(Err(Failure::Timeout))
    }

    /// Sends `request` and reads its body once, into one buffer: up to the
    /// body-size cap, or for an error status up to [`ERROR_BODY_LIMIT`] (the
    /// rest is left unread).
    async fn read_answer(&self, request: reqwest::Request) -> Result<Response<Vec<u8>>, Failure> {
        let mut response = self
            .inner
            .http
            .execute(request)
            .await
            .map_err(Failure::Transport)?;
        let status: StatusCode = response.status();
        let is_error = status.is_client_error() || status.is_server_error();
        let limit = if is_error {
            ERROR_BODY_LIMIT
        } else {
            self.inner.max_body_size
        };
        let declared = response.content_length();
        if !is_error && declared.is_some_and(|length| length > limit as u64) {
            return Err(Failure::TooLarge { declared });
        }
        let mut body = Vec::with_capacity(declared.map_or(0, |length| {
            usize::try_from(length).unwrap_or(usize::MAX).min(limit)
        }));
        while let Some(chunk) = response.chunk().await.map_err(Failure::Transport)? {
            let room = limit - body.len();
            if chunk.len() > room {
                if !is_error {
                    return Err(Failure::TooLarge { declared });
                }
                body.extend_from_slice(&chunk[..room]);
                break;
            }
            body.extend_from_slice(&chunk);
        }
        let mut answer = Response::new(body);
        *answer.status_mut() = status;
        *answer.version_mut() = response.version();
        *answer.headers_mut() = std::mem::take(response.headers_mut());
        Ok(answer)
    }
}

/// Why an attempt got no answer.
enum Failure {
    Transport(reqwest::Error),
    /// The attempt timeout passed.
    Timeout,
    /// The body is larger than the cap.
    TooLarge {
        declared: Option<u64>,
    },
}

/// Refuses a service root no request could be sent to: one
/// [`Endpoint::to_request`] refuses, or one reqwest's URL parser refuses
/// (it would fail every send, each failure retried as if it might have
/// been sent).
fn check_root(service_root: &str) -> Result<(), Error> {
    let root = crate::endpoint::check_service_root(service_root)?;
    reqwest::Url::parse(root).map_err(|error| {
        Error::Graph(GraphError::InvalidRequest {
            reason: format!(
                "the service root `{}` is not a URL requests can be sent to ({error}); \
                 expected an absolute http(s) URL such as `https://graph.microsoft.com/v1.0`",
                crate::Shortened::new(&crate::endpoint::shown_root(service_root))
            ),
        })
    })?;
    Ok(())
}

/// The pager's request again, for a retry with a fresh token.
fn pager_request<T: DeserializeOwned>(
    pager: &mut Pager<T>,
    token: &str,
) -> Result<Request<Vec<u8>>, GraphError> {
    pager.request(token).unwrap_or_else(|| {
        Err(GraphError::InvalidRequest {
            reason: "the listing ended while a page was being retried".to_owned(),
        })
    })
}

/// A number in `[0, 1)` for the back-off's jitter: std's per-process
/// random hash keys, so no random-number crate is needed for something this
/// small.
fn random() -> f64 {
    use std::hash::BuildHasher;
    let bits = std::collections::hash_map::RandomState::new().hash_one(Instant::now());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}
