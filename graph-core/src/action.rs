//! What `graph_endpoint!` generates calls into for actions' parameter bodies
//! and for endpoints declared without a response.

use http::response::Parts;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::endpoint::unexpected_redirect;
use crate::object::write::{begin_object, entry, ObjectWriter};
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

/// A parameter of a body written inline, about to be written. Generated
/// code calls `(&Parameter(&self.field)).write_parameter(..)`: method
/// resolution picks [`WriteOptionalParameter`] for an `Option` (or
/// [`Patch`](crate::Patch)), so `None` is left out, and [`WriteParameter`]
/// otherwise. Unlike the entities' `Entry`, the fallback applies to every
/// type and checks `Serialize` in its `where` clause, so a type that is not
/// one is reported in `ActionParameter`'s words, not as a method whose
/// bounds are not met.
pub struct Parameter<'a, T: ?Sized>(pub &'a T);

/// A value that can be an action's parameter: any `Serialize` type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as an action parameter: it must implement `serde::Serialize`",
    label = "not `serde::Serialize`",
    note = "derive `serde::Serialize` for it, declare it with `#[graph_complex]` or `#[graph_entity]`, or use `graph_core::JsonValue`"
)]
pub trait ActionParameter: Serialize {}

impl<T: Serialize + ?Sized> ActionParameter for T {}

/// Writing an `Option` or `Patch` parameter: `None` and unchanged are left out.
pub trait WriteOptionalParameter {
    /// Writes the parameter as `name`, unless it is left out.
    fn write_parameter<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str);
}

impl<T: Serialize> WriteOptionalParameter for Parameter<'_, Option<T>> {
    #[inline]
    fn write_parameter<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str) {
        if let Some(value) = self.0 {
            entry(object, name, value);
        }
    }
}

impl<T: Serialize> WriteOptionalParameter for Parameter<'_, crate::Patch<T>> {
    #[inline]
    fn write_parameter<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str) {
        if !self.0.is_unchanged() {
            entry(object, name, self.0);
        }
    }
}

/// Writing any other parameter.
pub trait WriteParameter {
    /// The parameter's type.
    type Value: ?Sized;
    /// Writes the parameter as `name`.
    fn write_parameter<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        Self::Value: ActionParameter;
}

impl<T: ?Sized> WriteParameter for &Parameter<'_, T> {
    type Value = T;
    #[inline]
    fn write_parameter<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        T: ActionParameter,
    {
        entry(object, name, self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Patch;

    // Written as generated code writes it: the `&` is what lets method
    // resolution pick the `Option` and `Patch` impls first.
    #[allow(clippy::needless_borrow)]
    #[test]
    fn absent_parameters_are_left_out_and_others_written() {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut object = begin_parameters(&mut serializer);
        (&Parameter(&Some(false))).write_parameter(&mut object, "saveToSentItems");
        (&Parameter(&None::<bool>)).write_parameter(&mut object, "none");
        (&Parameter(&Patch::<i32>::Unchanged)).write_parameter(&mut object, "unchanged");
        (&Parameter(&Patch::<i32>::Clear)).write_parameter(&mut object, "cleared");
        (&Parameter(&vec!["a"])).write_parameter(&mut object, "schedules");
        (&Parameter("text")).write_parameter(&mut object, "unsized");
        end_parameters(object).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"saveToSentItems":false,"cleared":null,"schedules":["a"],"unsized":"text"}"#
        );
    }
}
