//! Where the client gets its access token, each time it sends.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// Any error, as a token source reports it.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A boxed future, as the client's traits return them.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Gives the client an access token before every send, retries included,
/// so a source that refreshes tokens keeps a long listing going.
///
/// A `String` (or `&'static str`) is a fixed token; [`token_fn`] makes a
/// source from an async closure, which is where a credential library
/// (azure_identity, oauth2) plugs in without graph-core depending on it:
///
/// ```
/// use graph_core::client::{token_fn, BoxError};
///
/// let source = token_fn(|| async {
///     // e.g. credential.get_token(&["https://graph.microsoft.com/.default"]).await
///     Ok::<_, BoxError>(std::env::var("GRAPH_ACCESS_TOKEN")?)
/// });
/// # let _ = source;
/// ```
pub trait TokenSource: Send + Sync {
    /// The token to send now, without the `Bearer ` prefix.
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>>;
}

impl TokenSource for String {
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>> {
        Box::pin(std::future::ready(Ok(self.clone())))
    }
}

impl TokenSource for &'static str {
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>> {
        Box::pin(std::future::ready(Ok((*self).to_owned())))
    }
}

/// A [`TokenSource`] calling an async closure; see [`token_fn`].
pub struct TokenFn<F>(F);

/// A [`TokenSource`] that calls `get` for every token.
pub fn token_fn<F, Fut, E>(get: F) -> TokenFn<F>
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<String, E>> + Send + 'static,
    E: Into<BoxError>,
{
    TokenFn(get)
}

impl<F, Fut, E> TokenSource for TokenFn<F>
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<String, E>> + Send + 'static,
    E: Into<BoxError>,
{
    fn token(&self) -> BoxFuture<'_, Result<String, BoxError>> {
        let token = (self.0)();
        Box::pin(async move { token.await.map_err(Into::into) })
    }
}

impl<F> fmt::Debug for TokenFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenFn")
    }
}
