//! What `graph_endpoint!` generates calls into for actions' parameter bodies
//! (their parameters are written as entities' fields are, by
//! [`Entry`](crate::object::write::Entry)) and for endpoints declared without
//! a response.

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
    object.map?.end()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::write::{Entry, WriteEntry as _, WriteOptionalEntry as _};
    use crate::Patch;

    // Written as generated code writes it (the entities' field writers): the
    // `&` is what lets method resolution pick the `Option` and `Patch` impls
    // first.
    #[allow(clippy::needless_borrow)]
    #[test]
    fn absent_parameters_are_left_out_and_others_written() {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut object = begin_parameters(&mut serializer);
        (&Entry(&Some(false))).write_entry(&mut object, "saveToSentItems");
        (&Entry(&None::<bool>)).write_entry(&mut object, "none");
        (&Entry(&Patch::<i32>::Unchanged)).write_entry(&mut object, "unchanged");
        (&Entry(&Patch::<i32>::Clear)).write_entry(&mut object, "cleared");
        (&Entry(&vec!["a"])).write_entry(&mut object, "schedules");
        (&Entry("text")).write_entry(&mut object, "unsized");
        end_parameters(object).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"saveToSentItems":false,"cleared":null,"schedules":["a"],"unsized":"text"}"#
        );
    }
}
