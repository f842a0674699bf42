//! When to send a request again: a retry policy that does no I/O, so any
//! HTTP client, blocking or async, can apply it.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, Method, StatusCode};

use crate::RetryAfter;

/// When and how long to wait before sending a request again.
///
/// The policy is a pure function of what happened ([`RetryPolicy::decide`]):
/// the caller sends, tells the policy the outcome, sleeps as told, and sends
/// again. The defaults, against those of Kiota's `RetryHandler` (the
/// middleware of Microsoft's own Graph SDKs):
///
/// | | this policy | Kiota |
/// |---|---|---|
/// | statuses retried | 429, 503, 504 (504 only for idempotent methods) | 429, 503, 504, any method |
/// | `Retry-After: 7` | 7 s | 7 s |
/// | `Retry-After: 0.249` (Graph has sent it) | 249 ms | not read: 3 s |
/// | `Retry-After: <HTTP-date>` | until that time, any of HTTP's three date formats | RFC 1123 only, and only the seconds field of the difference |
/// | without `Retry-After` | 3 s × 2ⁿ⁻¹ for the n-th retry, plus up to half again at random | 3 s × 2ⁿ⁻¹, no jitter |
/// | longest wait ([`max_delay`](Self::max_delay)) | 180 s; a `Retry-After` asking for longer ends the retries | 180 s; a longer `Retry-After` is cut to 180 s, so the retry is throttled again |
/// | retries ([`max_retries`](Self::max_retries)) | 5 (6 sends) | 3 |
/// | total time ([`max_elapsed`](Self::max_elapsed)) | 10 minutes, waits included | unlimited |
/// | transport errors | retried when the request was not sent, or its method is idempotent | not retried |
/// | any other 4xx or 5xx | never retried | never retried |
///
/// Why 504 and transport errors only for idempotent methods: a 429 or 503
/// from Graph means the request was not run, but after a gateway timeout or
/// a connection lost mid-answer, a `POST` may have created its item already,
/// and sending it again would create a second one.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use graph_core::http::{HeaderMap, Method, StatusCode};
/// use graph_core::retry::{Attempt, Decision, Outcome, RetryPolicy};
///
/// let policy = RetryPolicy::default();
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", "0.249".parse().unwrap());
/// let attempt = Attempt {
///     number: 1,
///     method: &Method::GET,
///     outcome: Outcome::Response { status: StatusCode::TOO_MANY_REQUESTS, headers: &headers },
///     elapsed: Duration::from_millis(80),
///     now: SystemTime::now(),
///     random: 0.5,
/// };
/// assert_eq!(policy.decide(&attempt), Decision::Retry(Duration::from_millis(249)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    max_retries: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_secs(3),
            max_delay: Duration::from_secs(180),
            max_elapsed: Duration::from_secs(600),
        }
    }
}

/// What happened to one send of a request.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// The server answered: its status and headers (the body is not needed).
    Response {
        /// The status of the answer.
        status: StatusCode,
        /// Its headers, where `Retry-After` is read.
        headers: &'a HeaderMap,
    },
    /// No complete answer arrived: the connection failed, was reset, or
    /// timed out.
    TransportError {
        /// Whether the request may have reached the server: `false` only when
        /// the connection could not be made at all.
        request_sent: bool,
    },
}

/// One send of a request and what came of it, as [`RetryPolicy::decide`]
/// reads it.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    /// Which send this was: 1 for the first, 2 for the first retry.
    pub number: u32,
    /// The request's method, which decides whether a request that may have
    /// been run can be sent again.
    pub method: &'a Method,
    /// What came of it.
    pub outcome: Outcome<'a>,
    /// The time since the first send started, waits included.
    pub elapsed: Duration,
    /// The current time, against which a `Retry-After` date is read.
    pub now: SystemTime,
    /// A random number in `[0, 1)` spreading the back-off of clients that
    /// were throttled together; pass a fixed one to test.
    pub random: f64,
}

/// What to do after an [`Attempt`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send the request again.
    Retry(Duration),
    /// Keep this outcome: the answer is final or the retries are used up.
    Stop(StopReason),
}

/// Why a [`Decision`] is to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// The answer is not one to retry: a success, another 4xx, another 5xx,
    /// or one that may have been run and whose method is not idempotent.
    Final,
    /// [`RetryPolicy::max_retries`] retries were made already.
    RetriesUsedUp,
    /// The server asked for a longer wait than [`RetryPolicy::max_delay`].
    WaitTooLong,
    /// Waiting would pass [`RetryPolicy::max_elapsed`].
    OutOfTime,
}

impl RetryPolicy {
    /// The default policy (see the table above).
    pub fn new() -> Self {
        Self::default()
    }

    /// No retries at all: every outcome is final.
    pub fn never() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// How many times a request is sent again after the first send (5).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The first back-off wait when the server sends no `Retry-After` (3 s);
    /// each further retry doubles it.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest single wait (180 s). A back-off is cut to it; a
    /// `Retry-After` asking for longer stops the retries instead, since
    /// sending earlier than Graph asked only prolongs the throttling.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest time from the first send to the start of the last retry,
    /// waits included (10 minutes).
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// Whether to send the request again after `attempt`, and after how long.
    pub fn decide(&self, attempt: &Attempt<'_>) -> Decision {
        let server_delay = match attempt.outcome {
            Outcome::Response { status, headers } => {
                if !retryable(status, attempt.method) {
                    return Decision::Stop(StopReason::Final);
                }
                RetryAfter::from_headers(headers).and_then(|after| after.delay_from(attempt.now))
            }
            Outcome::TransportError { request_sent } => {
                if request_sent && !attempt.method.is_idempotent() {
                    return Decision::Stop(StopReason::Final);
                }
                None
            }
        };
        self.schedule(
            attempt.number,
            server_delay,
            attempt.elapsed,
            attempt.random,
        )
    }

    /// The wait before sending again something already found retryable,
    /// such as the throttled requests of a `$batch` answered 200 as a whole:
    /// `number` sends were made, the server asked for `server_delay` (the
    /// longest of their `Retry-After`s) or nothing, `elapsed` went by since
    /// the first send.
    pub fn schedule(
        &self,
        number: u32,
        server_delay: Option<Duration>,
        elapsed: Duration,
        random: f64,
    ) -> Decision {
        if number > self.max_retries {
            return Decision::Stop(StopReason::RetriesUsedUp);
        }
        let wait = match server_delay {
            Some(delay) if delay > self.max_delay => {
                return Decision::Stop(StopReason::WaitTooLong)
            }
            Some(delay) => delay,
            None => self.backoff(number, random),
        };
        if elapsed.saturating_add(wait) > self.max_elapsed {
            return Decision::Stop(StopReason::OutOfTime);
        }
        Decision::Retry(wait)
    }

    /// `base_delay × 2ⁿ⁻¹ × (1 + random / 2)` after the n-th send, at most
    /// `max_delay`.
    fn backoff(&self, number: u32, random: f64) -> Duration {
        let doublings = number.saturating_sub(1).min(30);
        let exponential = self
            .base_delay
            .saturating_mul(1 << doublings)
            .min(self.max_delay);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        exponential
            .saturating_add(exponential.mul_f64(random / 2.0))
            .min(self.max_delay)
    }
}

/// 429 and 503 say Graph did not run the request; 504 says a gateway gave
/// up waiting, so the request may have been run.
pub(crate) fn retryable(status: StatusCode, method: &Method) -> bool {
    match status {
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => true,
        StatusCode::GATEWAY_TIMEOUT => method.is_idempotent(),
        _ => false,
    }
}
