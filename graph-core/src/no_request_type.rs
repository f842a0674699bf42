//! The stand-in request type of an entity that declares none.

use serde::{Serialize, Serializer};

use crate::ODataType;

/// [`Entity::Create`](crate::Entity::Create) and
/// [`Entity::Update`](crate::Entity::Update) of an entity declared with
/// `#[graph_entity("...", no_request_types)]`: this entity declared no
/// create or update type.
///
/// It has no values, so no request can carry one; code generic over
/// [`Entity`](crate::Entity) still compiles, and a body of this type is a
/// type error at the place that would send it.
///
/// ```
/// use graph_core::{graph_entity, Entity, NoRequestType};
///
/// #[graph_entity("auditEvent", no_request_types)]
/// #[derive(Debug, Default)]
/// pub struct AuditEvent {
///     pub activity: Option<String>,
/// }
///
/// fn create_type_is<E: Entity<Create = NoRequestType, Update = NoRequestType>>() {}
/// create_type_is::<AuditEvent>();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoRequestType {}

impl ODataType for NoRequestType {
    // Never written: there is no value to write it for.
    const ODATA_TYPE: &'static str = "";
}

impl Serialize for NoRequestType {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}
