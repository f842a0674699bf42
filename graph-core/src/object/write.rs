//! Writing a generated object: `@odata.type` first, then the declared
//! properties (`None` and unchanged ones left out), then the kept ones.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{ObjectFields, PropertyNames};
use crate::AdditionalData;

/// `Serialize` for a generated object type.
pub fn serialize_object<T: ObjectFields, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let odata_type = type_to_write(value, T::WRITES_TYPE)?;
    write_object(value, serializer, odata_type)
}

/// The `@odata.type` `value` writes: the one it kept; none if it was read
/// without one; else its own when `writes_own` (for a plain object, its
/// type's rule; for a polymorphic enum's fallback, always).
pub(crate) fn type_to_write<T: ObjectFields, E: serde::ser::Error>(
    value: &T,
    writes_own: bool,
) -> Result<Option<&str>, E> {
    let additional_data = value.additional_data();
    Ok(match kept_type(additional_data)? {
        Some(kept) => Some(kept),
        None if additional_data.read_untyped_as(T::ODATA_TYPE) => None,
        None => writes_own.then_some(T::ODATA_TYPE),
    })
}

/// The `@odata.type` kept in `additional_data`, which is written back as it
/// was read.
pub(crate) fn kept_type<E: serde::ser::Error>(
    additional_data: &AdditionalData,
) -> Result<Option<&str>, E> {
    match additional_data.get("@odata.type") {
        Some(serde_json::Value::String(kept)) => Ok(Some(kept)),
        Some(_) => Err(E::custom(
            "additional_data holds an `@odata.type` that is not a string",
        )),
        None => Ok(None),
    }
}

/// Writes `value` as an object: `odata_type`, the declared properties (a
/// `None` noted as read `null` as `null`), then the kept ones.
pub(crate) fn write_object<T: ObjectFields, S: Serializer>(
    value: &T,
    serializer: S,
    odata_type: Option<&str>,
) -> Result<S::Ok, S::Error> {
    let additional_data = value.additional_data();
    let mut object = begin_object(serializer, odata_type);
    if !additional_data.is_empty() {
        object.nulls = declared_nulls(additional_data, &T::NAMES);
    }
    value.write_fields(&mut object);
    end_object(object, additional_data, &T::NAMES)
}

/// The declared properties that `additional_data` notes as read `null`.
/// Allocates only when there are some.
fn declared_nulls(additional_data: &AdditionalData, declared: &PropertyNames) -> Vec<&'static str> {
    additional_data
        .iter()
        .filter(|(_, value)| value.is_null())
        .filter_map(|(key, _)| declared.find(key))
        .collect()
}

/// An object being written. The first error is kept and later writes are
/// skipped, so generated code needs no `?` (with its `Try` and `From`
/// resolution) per property: `end_object` reports the error.
pub struct ObjectWriter<M: SerializeMap> {
    pub(crate) map: Result<M, M::Error>,
    /// The declared properties to write as `null` when their field is
    /// `None`: they were read so. Empty (no allocation) nearly always.
    nulls: Vec<&'static str>,
}

/// Starts an object with its `@odata.type`, if any, which Graph wants first.
pub(crate) fn begin_object<S: Serializer>(
    serializer: S,
    odata_type: Option<&str>,
) -> ObjectWriter<S::SerializeMap> {
    ObjectWriter {
        map: serializer.serialize_map(None).and_then(|mut map| {
            if let Some(odata_type) = odata_type {
                map.serialize_entry("@odata.type", odata_type)?;
            }
            Ok(map)
        }),
        nulls: Vec::new(),
    }
}

/// Writes a property.
#[inline]
pub(crate) fn entry<M: SerializeMap, T: Serialize + ?Sized>(
    object: &mut ObjectWriter<M>,
    name: &'static str,
    value: &T,
) {
    if let Ok(map) = &mut object.map {
        if let Err(error) = map.serialize_entry(name, value) {
            object.map = Err(error);
        }
    }
}

/// Writes `null` for a property whose field is `None` if it was read as
/// `null`.
#[inline]
fn absent_entry<M: SerializeMap>(object: &mut ObjectWriter<M>, name: &'static str) {
    if !object.nulls.is_empty() && object.nulls.contains(&name) {
        entry(object, name, &());
    }
}

/// A field about to be written. Generated code calls
/// `(&Entry(&self.field)).write_entry(..)`: method resolution picks
/// [`WriteOptionalEntry`] when the field's type is an `Option` (however it is
/// spelled: an alias works too) and [`WriteEntry`] otherwise, so `None` is
/// left out without the macro having to recognise `Option` in the source.
///
/// The impls apply whatever the field's type is and check `SerializeProperty`
/// in their methods' `where` clauses: a type that is not one is then reported
/// in its words at the field's type, not as a method whose
/// bounds are not met. The bounds change nothing once the code compiles: the
/// same impl is picked and inlined.
pub struct Entry<'a, T: ?Sized>(pub &'a T);

/// A type a generated object's field or an action's parameter can have, as
/// far as writing it goes. Reading has no such trait: there rustc's own
/// error already names `serde::Deserialize` at the field's type, and checking
/// a trait of ours instead would change how fields are read, which cost 7% of
/// a page's read time when tried (commit 5f7c585).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as a property of a Graph type or an action parameter: it must implement `serde::Serialize`",
    label = "not `serde::Serialize`",
    note = "derive `serde::Serialize` (a property of an entity or complex type needs `serde::Deserialize` too), declare the type with `#[graph_complex]`, `#[graph_entity]` or `#[graph_enum]`, or use `graph_core::JsonValue`"
)]
pub trait SerializeProperty: Serialize {}

impl<T: Serialize + ?Sized> SerializeProperty for T {}

/// Writing an `Option` field: `None` is left out, as Graph expects.
pub trait WriteOptionalEntry {
    /// The type of the value inside the `Option` (or `Patch`).
    type Value;
    /// Writes the field as the property `name`, unless it is left out.
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        Self::Value: SerializeProperty;
}

impl<T> WriteOptionalEntry for Entry<'_, Option<T>> {
    type Value = T;
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        T: SerializeProperty,
    {
        match self.0 {
            Some(value) => entry(object, name, value),
            None => absent_entry(object, name),
        }
    }
}

/// Writing a field of an update type: `Unchanged` is left out, `Clear` is
/// `null`, `Set` the value.
impl<T> WriteOptionalEntry for Entry<'_, crate::Patch<T>> {
    type Value = T;
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        T: SerializeProperty,
    {
        if !self.0.is_unchanged() {
            entry(object, name, self.0);
        }
    }
}

/// Writing any other field.
pub trait WriteEntry {
    /// The field's type.
    type Value: ?Sized;
    /// Writes the field as the property `name`.
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        Self::Value: SerializeProperty;
}

impl<T: ?Sized> WriteEntry for &Entry<'_, T> {
    type Value = T;
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str)
    where
        T: SerializeProperty,
    {
        entry(object, name, self.0);
    }
}

/// Writes the kept unknown properties and ends the object. A kept `null`
/// under a declared name was written in the property's place (or the field's
/// value was); any other kept value that repeats a declared property would
/// make the JSON ambiguous, so it is an error. A kept `@odata.type` was
/// written first, by [`begin_object`].
pub(crate) fn end_object<M: SerializeMap>(
    object: ObjectWriter<M>,
    additional_data: &AdditionalData,
    declared: &PropertyNames,
) -> Result<M::Ok, M::Error> {
    let mut map = object.map?;
    for (key, value) in additional_data.iter() {
        if key == "@odata.type" {
            continue;
        }
        if declared.declares(key) {
            if value.is_null() {
                continue;
            }
            return Err(serde::ser::Error::custom(format_args!(
                "additional_data holds `{key}`, which the type declares; set the field instead"
            )));
        }
        map.serialize_entry(key, value)?;
    }
    map.end()
}
#[cfg(test)]
mod tests {
    use super::*;

    // Written as generated code writes it: the `&` is what lets method
    // resolution pick the `Option` impl first.
    #[allow(clippy::needless_borrow)]
    fn write(additional: &[(&str, i32)]) -> Result<String, serde_json::Error> {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut object = begin_object(&mut serializer, Some("#microsoft.graph.user"));
        (&Entry(&Some(1))).write_entry(&mut object, "status");
        (&Entry(&None::<i32>)).write_entry(&mut object, "userId");
        let mut data = AdditionalData::new();
        for (key, value) in additional {
            data.insert((*key).to_owned(), (*value).into());
        }
        end_object(object, &data, &NAMES)?;
        Ok(String::from_utf8(out).unwrap())
    }

    const NAMES: PropertyNames = PropertyNames {
        own: &["status"],
        base: Some(&PropertyNames {
            own: &["userId", ""],
            base: None,
        }),
    };

    #[test]
    fn kept_keys_are_written_after_the_declared_ones() {
        assert_eq!(
            write(&[("@odata.etag", 1), ("sTatus", 2), ("userid", 3), ("x", 4)]).unwrap(),
            r##"{"@odata.type":"#microsoft.graph.user","status":1,"@odata.etag":1,"sTatus":2,"userid":3,"x":4}"##
        );
    }

    #[test]
    fn kept_keys_that_repeat_a_declared_name_are_errors() {
        for key in ["status", "userId", ""] {
            let error = write(&[("a", 1), (key, 2)]).unwrap_err();
            assert!(
                error.to_string().contains(&format!("holds `{key}`")),
                "{error}"
            );
        }
    }

    #[test]
    fn the_first_error_ends_the_object() {
        struct Failing;
        impl Serialize for Failing {
            fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("cannot write this"))
            }
        }
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut object = begin_object(&mut serializer, Some("#microsoft.graph.user"));
        entry(&mut object, "a", &1);
        entry(&mut object, "b", &Failing);
        entry(&mut object, "c", &3);
        let error = end_object(object, &AdditionalData::new(), &NAMES).unwrap_err();
        assert_eq!(error.to_string(), "cannot write this");
        assert_eq!(
            out,
            br##"{"@odata.type":"#microsoft.graph.user","a":1,"b":"##
        );
    }
}
