//! What `graph_endpoint!` generates calls into for actions' parameter bodies
//! and for endpoints declared without a response.

use http::response::Parts;
use serde::ser::{SerializeMap, Serializer};

use crate::endpoint::unexpected_redirect;
use crate::object::write::{begin_object, ObjectWriter};
use crate::GraphError;

/// Starts the JSON object of an action's parameters: unlike an entity, it
/// has no `@odata.type` (Graph reads parameters by name).
pub fn begin_parameters<S: Serializer>(serializer: S) -> ObjectWriter<S::SerializeMap> {
    begin_object(serializer, None)
}

/// Ends the parameters' object, with the first error a parameter had.
pub fn end_parameters<M: SerializeMap>(object: ObjectWriter<M>) -> Result<M::Ok, M::Error> {
    object.0?.end()
}

/// The response of an endpoint declared without one: any 2xx answer, its
/// body ignored; a redirect is an error, as it was before responses could
/// read redirects.
pub fn no_response(parts: &Parts, body: &[u8]) -> Result<(), GraphError> {
    if parts.status.is_redirection() {
        return Err(unexpected_redirect(parts, body));
    }
    Ok(())
}
