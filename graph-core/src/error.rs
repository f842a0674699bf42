use std::fmt;

/// Everything that can go wrong at run time.
///
/// Each variant names the field, path or value concerned, never the access
/// token, and never echoes more than a few KB of a response body.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// JSON did not match the expected type. `path` is where, in the
    /// notation `value[3].lastReportedDateTime` (`.` for the document itself).
    #[error("invalid JSON at `{path}`: {message}")]
    Decode {
        /// Where in the document the problem is.
        path: String,
        /// What was wrong there and what was expected.
        message: String,
    },
    /// A value could not be written as JSON.
    #[error("cannot encode JSON: {message}")]
    Encode {
        /// What could not be written.
        message: String,
    },
    /// Text that should hold a value of some Graph type does not.
    #[error("invalid {kind} `{value}`: {reason}")]
    InvalidValue {
        /// The Graph type expected, such as `DateTimeOffset` or `complianceStatus`.
        kind: &'static str,
        /// The text received (shortened when long).
        value: Shortened,
        /// Why it is not valid.
        reason: String,
    },
    /// Microsoft Graph answered with a non-2xx status and a Graph error body
    /// (`{"error": {"code": ..., "message": ..., "innerError": {...}}}`).
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The server answered with a non-2xx status and a body that is not a
    /// Graph error, such as a proxy's HTML error page.
    #[error("{}", StatusDisplay { status: *status, body })]
    Status {
        /// The HTTP status.
        status: http::StatusCode,
        /// The `Retry-After` header, when present and readable.
        retry_after: Option<RetryAfter>,
        /// The body as text, cut after 4 KB (`Shortened::BODY_LIMIT` bytes).
        body: Shortened,
    },
    /// A path parameter cannot be put in a URL.
    #[error("invalid path parameter `{name}`: {reason}")]
    InvalidPathParameter {
        /// The parameter's name as written in the path template, such as
        /// `managedDeviceMobileAppConfigurationId`.
        name: &'static str,
        /// Why it cannot be used.
        reason: &'static str,
    },
    /// A header given through [`RequestOptions`](crate::RequestOptions)
    /// cannot be sent. The error names the header, never its value.
    #[error("invalid request header `{name}`: {reason}")]
    InvalidHeader {
        /// The header's name as given (shortened when long).
        name: Shortened,
        /// Why it cannot be sent, and what to do instead.
        reason: &'static str,
    },
    /// A 2xx answer without a body, where the response type needs one: a
    /// PATCH, PUT or POST that Graph answered `204 No Content` (as it may
    /// under `Prefer: return=minimal`, or by default for some services).
    /// Declare the response as `Option<T>` (`None` then) or
    /// [`Returned<T>`](crate::Returned) to accept that answer.
    #[error(
        "the service answered {status} without a body, where a `{expected}` was expected; \
         declare the response as `Option<...>` or `graph_core::Returned<...>` to accept that, \
         or ask for the body with `RequestOptions::prefer_return(PreferReturn::Representation)`"
    )]
    NoContent {
        /// The status, usually `204 No Content`.
        status: http::StatusCode,
        /// The Rust type the response was to be read into.
        expected: &'static str,
    },
    /// A response the endpoint's response type cannot hold, other than an
    /// error status: a redirect where content was expected, a redirect
    /// without `Location`, another status where `202 Accepted` was expected.
    #[error("unexpected response {status}: {reason}")]
    UnexpectedResponse {
        /// The HTTP status.
        status: http::StatusCode,
        /// What was received and what was expected.
        reason: String,
    },
    /// A `$batch` answer holds no answer to one of its requests.
    #[error("the $batch answer has no answer to request `{id}`")]
    BatchAnswerMissing {
        /// The request's id in the batch.
        id: String,
    },
    /// A `$batch` request was throttled or unavailable, was sent again in a
    /// new `$batch`, and that `$batch` gave no usable answer to it: it was
    /// refused, throttled until the retry policy gave up, or the connection
    /// failed, or its answer named this request nowhere. Whether the request
    /// ran the second time is not known when `source` is a transport error
    /// or the answer could not be matched; its earlier answer (which asked
    /// for it to be sent again) is no longer given. See
    /// [`BatchResponse::mark_resend_failed`](crate::batch::BatchResponse::mark_resend_failed)
    /// and [`BatchResponse::merge`](crate::batch::BatchResponse::merge).
    #[error(
        "request `{id}` of the $batch was sent again, and that $batch gave no usable answer \
         to it: {source}"
    )]
    BatchResendFailed {
        /// The request's id in the batch.
        id: String,
        /// Why: the failure of the `$batch` that resent it (with the
        /// `client` feature, a `graph_core::client::Error`), or, when that
        /// `$batch` was answered without an answer to this request, a
        /// [`GraphError::Decode`] listing the answers that name no request
        /// (one may be its own) or [`GraphError::BatchAnswerMissing`] when
        /// there is none.
        #[source]
        source: std::sync::Arc<dyn std::error::Error + Send + Sync>,
    },
    /// The request cannot be built: a service root that is not an absolute
    /// `http(s)` URL, or an access token that cannot be sent in a header.
    /// The reason never contains the access token.
    #[error("cannot build the request: {reason}")]
    InvalidRequest {
        /// What is wrong and what is expected instead.
        reason: String,
    },
}

/// A Microsoft Graph error response: a non-2xx status with a body such as
///
/// ```json
/// {"error": {"code": "Request_ResourceNotFound", "message": "Resource '42' does not exist.",
///            "innerError": {"request-id": "...", "client-request-id": "...", "date": "2024-05-01T12:00:00"}}}
/// ```
///
/// It is what [`GraphError::Api`] holds. `message` is cut after a few KB.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status, such as `404 Not Found`.
    pub status: http::StatusCode,
    /// Graph's error code (`error.code`), such as `Request_ResourceNotFound`.
    pub code: String,
    /// The human-readable message (`error.message`); empty when absent.
    pub message: String,
    /// `innerError.request-id`: quote it when asking Microsoft for support.
    pub request_id: Option<String>,
    /// `innerError.client-request-id`: the `client-request-id` the request
    /// sent, or one Graph made up.
    pub client_request_id: Option<String>,
    /// `innerError.date` as sent. Graph writes it without a UTC offset
    /// (`2024-05-01T12:00:00`), so it is kept as text rather than parsed into
    /// a `DateTimeOffset`.
    pub date: Option<String>,
    /// The `Retry-After` header, sent with `429 Too Many Requests` and
    /// `503 Service Unavailable`.
    pub retry_after: Option<RetryAfter>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Microsoft Graph returned {}: {}", self.status, self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request-id {request_id})")?;
        }
        if let Some(retry_after) = &self.retry_after {
            write!(f, "; retry after {retry_after}")?;
        }
        Ok(())
    }
}

/// The value of a `Retry-After` response header, in either of its HTTP forms
/// (RFC 9110, section 10.2.3).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use graph_core::RetryAfter;
///
/// // Graph has sent decimal seconds, which HTTP does not define but means plainly.
/// assert_eq!(RetryAfter::parse("0.249"), Some(RetryAfter::Delay(Duration::from_millis(249))));
/// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
/// assert_eq!(date, RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(1_445_412_480)));
/// let now = UNIX_EPOCH + Duration::from_secs(1_445_412_470);
/// assert_eq!(date.delay_from(now), Some(Duration::from_secs(10)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryAfter {
    /// A number of seconds to wait (`Retry-After: 7`), which is what Graph
    /// sends; decimals (`0.249`) are kept to the nanosecond.
    Delay(std::time::Duration),
    /// A point in time (`Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`), read
    /// from any of HTTP's three date formats.
    Date(std::time::SystemTime),
    /// A value that is neither, kept as text (cut after 256 bytes) so an
    /// error can show it; a retry policy falls back to its own back-off.
    Unreadable(String),
}

impl RetryAfter {
    /// Reads a header value; `None` when it is empty.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Some(delay) = delay_seconds(text) {
            return Some(RetryAfter::Delay(delay));
        }
        Some(match httpdate::parse_http_date(text) {
            Ok(date) => RetryAfter::Date(date),
            Err(_) => RetryAfter::Unreadable(Shortened::new(text).into_string()),
        })
    }

    /// The `Retry-After` header of a response, if it has a readable one.
    pub fn from_headers(headers: &http::HeaderMap) -> Option<Self> {
        Self::parse(headers.get(http::header::RETRY_AFTER)?.to_str().ok()?)
    }

    /// How long to wait from `now`: the delay, or the time until the date
    /// (zero once it has passed); `None` for an unreadable value.
    pub fn delay_from(&self, now: std::time::SystemTime) -> Option<std::time::Duration> {
        match self {
            RetryAfter::Delay(delay) => Some(*delay),
            RetryAfter::Date(date) => Some(date.duration_since(now).unwrap_or_default()),
            RetryAfter::Unreadable(_) => None,
        }
    }
}

/// `digits` or `digits.digits`: HTTP's delay-seconds, and the decimals Graph
/// has sent. Digits past nanoseconds are dropped; a count of seconds that
/// does not fit in `u64` is not a delay.
fn delay_seconds(text: &str) -> Option<std::time::Duration> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || fraction.is_some_and(|fraction| !all_digits(fraction)) {
        return None;
    }
    let seconds: u64 = whole.parse().ok()?;
    let nanos = fraction.map_or(0, |fraction| {
        let digits = &fraction.as_bytes()[..fraction.len().min(9)];
        let value = digits
            .iter()
            .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'));
        value * 10u32.pow(9 - digits.len() as u32)
    });
    Some(std::time::Duration::new(seconds, nanos))
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryAfter::Delay(delay) => {
                write!(f, "{}", delay.as_secs())?;
                let nanos = format!("{:09}", delay.subsec_nanos());
                let nanos = nanos.trim_end_matches('0');
                if !nanos.is_empty() {
                    write!(f, ".{nanos}")?;
                }
                f.write_str(" s")
            }
            RetryAfter::Date(date) => f.write_str(&httpdate::fmt_http_date(*date)),
            RetryAfter::Unreadable(text) => f.write_str(text),
        }
    }
}

/// The Display text of [`GraphError::Status`].
struct StatusDisplay<'a> {
    status: http::StatusCode,
    body: &'a Shortened,
}

impl fmt::Display for StatusDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the server returned {}", self.status)?;
        if self.body.as_str().is_empty() {
            f.write_str(" with an empty body")
        } else {
            write!(f, " with a body that is not a Graph error: {}", self.body)
        }
    }
}

/// Text kept for an error message, cut after a few hundred bytes so that an
/// error never echoes a whole payload.
#[derive(Clone, PartialEq, Eq)]
pub struct Shortened(String);

impl Shortened {
    const LIMIT: usize = 256;

    /// Keeps `text`, cut at a character boundary after 256 bytes.
    pub fn new(text: &str) -> Self {
        if text.len() <= Self::LIMIT {
            return Shortened(text.to_owned());
        }
        let mut end = Self::LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Shortened(format!("{}… ({} bytes)", &text[..end], text.len()))
    }

    /// A JSON key for the path of an error, cut as [`Shortened::new`] cuts
    /// a value: a path never echoes a huge key whole.
    pub(crate) fn key(key: String) -> String {
        if key.len() <= Self::LIMIT {
            key
        } else {
            Self::new(&key).0
        }
    }

    /// Keeps a response body, cut at a character boundary after
    /// [`Self::BODY_LIMIT`] bytes; bytes that are not UTF-8 are replaced.
    /// Only the kept prefix is ever decoded, so a huge body costs nothing.
    pub(crate) fn body(bytes: &[u8]) -> Self {
        if bytes.len() <= Self::BODY_LIMIT {
            return Shortened(String::from_utf8_lossy(bytes).into_owned());
        }
        let prefix = &bytes[..Self::BODY_LIMIT];
        // Drop a character cut in half by the limit rather than showing U+FFFD.
        let prefix = match std::str::from_utf8(prefix) {
            Err(error) if error.error_len().is_none() => &prefix[..error.valid_up_to()],
            _ => prefix,
        };
        Shortened(format!(
            "{}… ({} bytes)",
            String::from_utf8_lossy(prefix),
            bytes.len()
        ))
    }

    /// An error message about a payload, with the middle of an overlong one
    /// cut out: serde's messages quote the offending value in full (a 50 MB
    /// string, say), while what was expected comes at the end.
    pub(crate) fn message(text: String) -> String {
        const KEEP: usize = 512;
        if text.len() <= 2 * KEEP {
            return text;
        }
        let mut head = KEEP;
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let mut tail = text.len() - KEEP;
        while !text.is_char_boundary(tail) {
            tail += 1;
        }
        format!(
            "{}… ({} bytes left out) …{}",
            &text[..head],
            tail - head,
            &text[tail..]
        )
    }

    /// How much of a response body [`GraphError::Status`] keeps.
    pub const BODY_LIMIT: usize = 4096;

    /// The kept text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Shortened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Shortened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
