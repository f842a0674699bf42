//! What a request sends: JSON for `Serialize` types, bytes as they are for
//! [`Content`](crate::Content).

use http::HeaderValue;
use serde::Serialize;

use crate::GraphError;

/// A request body: its bytes and their `Content-Type`.
///
/// Every `Serialize` type is a JSON body (`application/json`), so
/// `body: User` and the bodies `graph_endpoint!` generates need nothing
/// more; [`Content`](crate::Content) sends bytes as they are, with their own
/// content type, never as JSON. Implement it for a body in another format:
///
/// ```
/// use graph_core::{http::HeaderValue, GraphError, RequestBody};
///
/// /// A MIME message, which `sendMail` accepts base64-encoded as `text/plain`.
/// pub struct Mime(pub String);
///
/// impl RequestBody for Mime {
///     fn content_type(&self) -> Result<HeaderValue, GraphError> {
///         Ok(HeaderValue::from_static("text/plain"))
///     }
///     fn to_bytes(&self) -> Result<Vec<u8>, GraphError> {
///         Ok(self.0.as_bytes().to_vec())
///     }
/// }
/// ```
///
/// A type cannot be both: `Serialize` types are JSON bodies already.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a request body",
    label = "not a request body",
    note = "a body is any `serde::Serialize` type (sent as JSON), `graph_core::Content` (bytes with a content type), or a type implementing `graph_core::RequestBody`"
)]
pub trait RequestBody {
    /// The `Content-Type` header value of what [`to_bytes`](Self::to_bytes) writes.
    ///
    /// # Errors
    /// [`GraphError::InvalidRequest`] when the content type cannot be sent.
    fn content_type(&self) -> Result<HeaderValue, GraphError>;

    /// The bytes sent as the body.
    ///
    /// # Errors
    /// [`GraphError::Encode`] when the value cannot be written.
    fn to_bytes(&self) -> Result<Vec<u8>, GraphError>;
}

impl<T: Serialize + ?Sized> RequestBody for T {
    fn content_type(&self) -> Result<HeaderValue, GraphError> {
        Ok(HeaderValue::from_static("application/json"))
    }

    fn to_bytes(&self) -> Result<Vec<u8>, GraphError> {
        crate::to_json(self)
    }
}
