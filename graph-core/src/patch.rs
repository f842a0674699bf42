//! One property of a PATCH request: leave it, clear it, or set it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A property in an update (PATCH) request body, as `#[graph_entity]`'s
/// `{Struct}Update` type holds it. Graph reads an omitted property as "leave
/// it", `null` as "clear it" and a value as "set it"; `Patch` says which, so
/// a PATCH sends exactly what the caller changed.
///
/// ```
/// use graph_core::{graph_entity, Patch};
///
/// #[graph_entity("user")]
/// #[derive(Debug)]
/// pub struct User {
///     pub display_name: Option<String>,
///     pub job_title: Option<String>,
///     pub office_location: Option<String>,
/// }
///
/// let update = UserUpdate {
///     display_name: Patch::Set("Adele Vance".into()),
///     job_title: Patch::Clear,
///     ..Default::default()
/// };
/// assert_eq!(
///     graph_core::to_json(&update).unwrap(),
///     br##"{"@odata.type":"#microsoft.graph.user","displayName":"Adele Vance","jobTitle":null}"##,
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Patch<T> {
    /// Not sent: the property keeps its value.
    #[default]
    Unchanged,
    /// Sent as `null`: the property is cleared.
    Clear,
    /// Sent as the value.
    Set(T),
}

impl<T> Patch<T> {
    /// Whether the property is sent at all.
    pub fn is_unchanged(&self) -> bool {
        matches!(self, Patch::Unchanged)
    }

    /// The value to set, if any.
    pub fn as_set(&self) -> Option<&T> {
        match self {
            Patch::Set(value) => Some(value),
            _ => None,
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Set(value)
    }
}

impl<T> From<Option<T>> for Patch<T> {
    /// `Some` sets, `None` clears.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => Patch::Set(value),
            None => Patch::Clear,
        }
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    /// `Set` as the value, `Clear` (and `Unchanged`, which an update type
    /// leaves out before it gets here) as `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Set(value) => value.serialize(serializer),
            Patch::Clear | Patch::Unchanged => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// `null` is `Clear`, a value is `Set`; a property that is not there at
    /// all is `Unchanged` (the update type's job).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}
