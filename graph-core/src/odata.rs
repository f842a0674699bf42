use std::ops::{Deref, DerefMut};

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A type with an `@odata.type`, such as `#microsoft.graph.user`.
///
/// Implemented by `#[graph_entity]` for the entity and its create-request type.
pub trait ODataType {
    /// The `@odata.type` as written on the wire, with the leading `#`.
    const ODATA_TYPE: &'static str;
}

/// A Graph entity type: it has an `id` (inherited from `entity`) and a
/// create-request type.
///
/// Implemented by `#[graph_entity]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Graph entity type",
    label = "not declared with #[graph_entity]",
    note = "an entity's base type is an entity too: declare it with #[graph_entity(\"typeName\")]"
)]
pub trait Entity: ODataType {
    /// The body of a request that creates this entity: no `id` and no
    /// read-only properties; [`NoRequestType`](crate::NoRequestType) for an
    /// entity declared `no_request_types`.
    type Create: ODataType + Serialize;

    /// The body of a PATCH request that updates this entity: every writable
    /// property as a [`Patch`](crate::Patch);
    /// [`NoRequestType`](crate::NoRequestType) for an entity declared
    /// `no_request_types`.
    type Update: ODataType + Serialize;

    /// The server-assigned `id`, if known.
    fn id(&self) -> Option<&str>;
}

/// A Graph complex type: a structured value with no `id` of its own, such as
/// `emailAddress`.
///
/// Implemented by `#[graph_complex]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Graph complex type",
    label = "not declared with #[graph_complex]",
    note = "a complex type's base type is a complex type too: declare it with #[graph_complex(\"typeName\")]"
)]
pub trait ComplexType: ODataType {}

/// A Graph type derived from another one: `user` from `directoryObject`.
///
/// `#[graph_entity("user", base = "DirectoryObject")]` embeds the base as the
/// field `base` and implements this trait and `Deref`/`DerefMut` to it, so
/// the base's properties read through: `user.deleted_date_time`, `user.id`.
///
/// `Deref` also means that `&user` coerces to `&DirectoryObject` where a
/// function asks for one; that reference is the base's part only, so
/// serializing it writes a `directoryObject` without the user's properties.
/// Pass the derived value itself (or a `#[graph_polymorphic]` enum) to code
/// that writes it.
///
/// ```
/// use graph_core::{graph_entity, Derived};
///
/// #[graph_entity("directoryObject")]
/// #[derive(Debug, Default)]
/// pub struct DirectoryObject {
///     pub deleted_date_time: Option<graph_core::DateTimeOffset>,
/// }
///
/// #[graph_entity("user", base = "DirectoryObject")]
/// #[derive(Debug, Default)]
/// pub struct User {
///     pub display_name: Option<String>,
/// }
///
/// let user: User = graph_core::from_json(br##"{
///     "@odata.type": "#microsoft.graph.user",
///     "id": "87d349ed",
///     "displayName": "Megan Bowen"
/// }"##).unwrap();
/// assert_eq!(user.id.as_deref(), Some("87d349ed"));
/// assert_eq!(user.base().id, user.id);
/// ```
pub trait Derived: ODataType {
    /// The type this one derives from.
    type Base;

    /// The base type's part of this value.
    fn base(&self) -> &Self::Base;

    /// The base type's part of this value, to change.
    fn base_mut(&mut self) -> &mut Self::Base;
}

/// A value that is one of several Graph types, told apart by `@odata.type`;
/// implemented by `#[graph_polymorphic]`.
pub trait Polymorphic {
    /// The value's `@odata.type`: the one it was read with when the value
    /// keeps it (a fallback holding a type no variant declares, or a complex
    /// type that does not write its own), else its variant type's.
    fn odata_type(&self) -> &str;
}

/// A Graph enumeration, implemented by `#[graph_enum]`.
pub trait GraphEnum: Sized {
    /// The Graph name of the enumeration, such as `complianceStatus`.
    const NAME: &'static str;
    /// The wire names of the members the Rust type knows, in declaration order.
    const MEMBERS: &'static [&'static str];

    /// The member with this wire name; for an enum with an `other` variant,
    /// any other name gives that variant, so this never fails.
    fn from_wire(name: &str) -> Option<Self>;

    /// The wire name of this member.
    fn as_str(&self) -> &str;
}

/// Properties and instance annotations (`@odata.etag`, ...) that a type does
/// not declare, kept so that parsing and serializing again loses nothing.
///
/// It dereferences to a JSON object map.
///
/// ```
/// let mut extra = graph_core::AdditionalData::new();
/// extra.insert("@odata.etag".into(), "W/\"1\"".into());
/// assert_eq!(extra.get("@odata.etag").and_then(|v| v.as_str()), Some("W/\"1\""));
/// ```
///
/// Read on its own, like the `additional_data` of a generated type, it
/// refuses a key repeated at any depth rather than keep only the last value.
///
/// In a generated type it also keeps what makes a round trip exact:
///
/// - A declared `Option` property received as `null` reads as `None` and is
///   kept here as `null` under its name, so that it is written back as
///   `null`, in its place. Setting the field to a value writes the value
///   instead; removing the entry drops the `null`; inserting one asks for a
///   `null` where the field is `None`. Any other value under a declared name
///   is an error when the value is written.
/// - Whether the value was read without an `@odata.type`: it is then written
///   without one, as read. This is not a member of the map, and equality
///   does not compare it (two values that differ only there are equal, and
///   read back equal); a value built in code writes the `@odata.type` Graph
///   needs (see the README's "Complex types, base types and polymorphic
///   reads").
#[derive(Clone, Default)]
pub struct AdditionalData {
    map: Map<String, Value>,
    /// The `@odata.type` of the type this value was read as, when it was
    /// read without one: only that type writes it without one.
    read_untyped: Option<&'static str>,
}

impl fmt::Debug for AdditionalData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AdditionalData").field(&self.map).finish()
    }
}

impl PartialEq for AdditionalData {
    fn eq(&self, other: &Self) -> bool {
        self.map == other.map
    }
}

impl Eq for AdditionalData {}

impl Serialize for AdditionalData {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.map.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AdditionalData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = AdditionalData;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AdditionalData, A::Error> {
                match crate::kept::KeptValue.visit_map(map)? {
                    Value::Object(map) => Ok(AdditionalData::from(map)),
                    // Only a number, under serde_json's `arbitrary_precision`.
                    _ => Err(de::Error::invalid_type(
                        de::Unexpected::Other("a number"),
                        &self,
                    )),
                }
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

impl AdditionalData {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The map itself.
    pub fn into_inner(self) -> Map<String, Value> {
        self.map
    }

    /// Records that the value was read as `odata_type` without an
    /// `@odata.type`.
    pub(crate) fn set_read_untyped(&mut self, odata_type: &'static str) {
        self.read_untyped = Some(odata_type);
    }

    /// Whether the value was read as `odata_type` without an `@odata.type`,
    /// and so is written without one as that type.
    pub(crate) fn read_untyped_as(&self, odata_type: &str) -> bool {
        self.read_untyped == Some(odata_type)
    }
}

impl From<Map<String, Value>> for AdditionalData {
    fn from(map: Map<String, Value>) -> Self {
        AdditionalData {
            map,
            read_untyped: None,
        }
    }
}

impl Deref for AdditionalData {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Self::Target {
        &self.map
    }
}

impl DerefMut for AdditionalData {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.map
    }
}
