//! Generic helpers behind the code that `#[graph_entity]` and `#[graph_enum]`
//! generate. Keeping the work here, once, keeps the expansion per type small.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::{AdditionalData, GraphEnum, ODataType};

pub use serde;
pub use serde_json;
pub use std::string::String;

mod held;
mod kept;
mod polymorphic;
use kept::duplicate_property;
pub(crate) use kept::KeptValue;
pub use polymorphic::{deserialize_polymorphic, held_once, unknown_type, ReadVariant, Variant};

/// A JSON object key, borrowed from the input when the deserializer allows.
pub struct Key<'de>(Cow<'de, str>);

impl<'de> Key<'de> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a property name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The property names a generated type declares: its own, then its base's.
/// A linked list, so a derived type's constant can point at its base's.
pub struct PropertyNames {
    pub own: &'static [&'static str],
    pub base: Option<&'static PropertyNames>,
}

impl PropertyNames {
    /// Whether `name` is declared by the type or one of its bases. A `const
    /// fn`, so that a derived type can check at compile time that it does
    /// not declare a property its base already has.
    pub const fn declares(&self, name: &str) -> bool {
        let mut names = self;
        loop {
            let mut i = 0;
            while i < names.own.len() {
                if str_eq(names.own[i], name) {
                    return true;
                }
                i += 1;
            }
            match names.base {
                Some(base) => names = base,
                None => return false,
            }
        }
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// How an object reads the `@odata.type` it is given.
#[derive(Clone, Copy)]
pub struct TypeRule {
    /// The type being read, with the leading `#`.
    expected: &'static str,
    /// Keep another type (in `additional_data`, to be written back) instead
    /// of failing: abstract types and the fallback of a polymorphic read.
    keep_other: bool,
    /// Whether the type writes its own `@odata.type`. One that does not (a
    /// complex type) keeps even a matching type it is given, so that it is
    /// written back.
    writes_type: bool,
    /// Whether the object has given its `@odata.type` already: a second one
    /// is an error, as for any other property.
    seen: bool,
}

impl TypeRule {
    /// The rule `T`'s own `Deserialize` follows.
    pub fn of<T: ObjectFields>() -> TypeRule {
        TypeRule {
            expected: T::ODATA_TYPE,
            keep_other: T::ABSTRACT,
            writes_type: T::WRITES_TYPE,
            seen: false,
        }
    }

    /// Accepts any type, keeping one that is not `T`'s.
    pub fn keeping_other<T: ObjectFields>() -> TypeRule {
        TypeRule {
            expected: T::ODATA_TYPE,
            keep_other: true,
            writes_type: T::WRITES_TYPE,
            seen: false,
        }
    }
}

/// What generated `Serialize` and `Deserialize` impls delegate to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Graph entity or complex type",
    label = "declare it with #[graph_entity(\"typeName\")] or #[graph_complex(\"typeName\")]"
)]
///
/// A derived type embeds its base as the field `base` and composes with it
/// through this trait: it writes the base's properties before its own, and
/// reads by letting the base run the key loop while offering it every key the
/// base does not declare. So a macro that cannot see the base's fields still
/// reads and writes one flat JSON object.
pub trait ObjectFields: ODataType + Sized {
    /// Every property name the type declares, its bases' included.
    const NAMES: PropertyNames;
    /// Whether `@odata.type` is written when it was not kept from the input:
    /// always for entities, for complex types when derived or asked for.
    const WRITES_TYPE: bool;
    /// An abstract type is only ever received as some derived type, so it
    /// keeps whatever `@odata.type` it is given.
    const ABSTRACT: bool;

    /// Writes the properties, the base's first.
    fn write_fields<M: SerializeMap>(&self, object: &mut ObjectWriter<M>);

    /// Reads the object's members: the type's own, then, through
    /// `extension`, those of the derived type being read; the rest is kept.
    ///
    /// The extension is a trait object so that a base's key loop is compiled
    /// once per deserializer, not once per type derived from it: a call
    /// through it per member the base does not declare costs far less.
    fn read_fields<'de, A: MapAccess<'de>>(
        map: A,
        rule: TypeRule,
        extension: &mut dyn ReadExtension<'de, A>,
    ) -> Result<Self, A::Error>;

    /// The kept unknown properties (held by the root of the hierarchy).
    fn additional_data(&self) -> &AdditionalData;
}

/// Reads the members a derived type declares and its base does not; generated
/// code passes a closure. `Ok(false)` means "not mine".
pub trait ReadExtension<'de, A: MapAccess<'de>> {
    fn read(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// The extension of the most derived type: it declares nothing more.
pub struct NoExtension;

impl<'de, A: MapAccess<'de>> ReadExtension<'de, A> for NoExtension {
    #[inline]
    fn read(&mut self, _key: &str, _map: &mut A) -> Result<bool, A::Error> {
        Ok(false)
    }
}

impl<'de, A, F> ReadExtension<'de, A> for F
where
    A: MapAccess<'de>,
    F: FnMut(&str, &mut A) -> Result<bool, A::Error>,
{
    #[inline]
    fn read(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        self(key, map)
    }
}

/// Compiles only for a complex type: the check that a complex type's base is
/// one.
pub const fn is_complex_type<T: crate::ComplexType>() {}

/// `Serialize` for a generated object type.
pub fn serialize_object<T: ObjectFields, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let additional_data = value.additional_data();
    let odata_type = match additional_data.get("@odata.type") {
        Some(serde_json::Value::String(kept)) => Some(kept.as_str()),
        Some(_) => {
            return Err(serde::ser::Error::custom(
                "additional_data holds an `@odata.type` that is not a string",
            ))
        }
        None => T::WRITES_TYPE.then_some(T::ODATA_TYPE),
    };
    let mut object = begin_object(serializer, odata_type);
    value.write_fields(&mut object);
    end_object(object, additional_data, &T::NAMES)
}

/// The `@odata.type` `value` is written with: a kept one, or its type's.
pub fn odata_type_of<T: ObjectFields>(value: &T) -> &str {
    match value.additional_data().get("@odata.type") {
        Some(serde_json::Value::String(kept)) => kept,
        _ => T::ODATA_TYPE,
    }
}

/// `Deserialize` for a generated object type.
pub fn deserialize_object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ObjectFields,
{
    struct ObjectVisitor<T>(PhantomData<T>);
    impl<'de, T: ObjectFields> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a JSON object of type {}", T::ODATA_TYPE)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::read_fields(map, TypeRule::of::<T>(), &mut NoExtension)
        }
    }
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// A member the type itself does not declare: the derived type's, if it
/// takes it, or else kept.
#[inline]
pub fn other_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: Key<'de>,
    extension: &mut dyn ReadExtension<'de, A>,
    additional_data: &mut AdditionalData,
) -> Result<(), A::Error> {
    if extension.read(key.as_str(), map)? {
        Ok(())
    } else {
        unknown_field(map, key, additional_data)
    }
}

/// Whether `found` names `expected` (which has the leading `#`; Graph's own
/// samples sometimes leave it out).
pub fn is_type(found: &str, expected: &str) -> bool {
    found.strip_prefix('#').unwrap_or(found) == expected.strip_prefix('#').unwrap_or(expected)
}

/// Reads an `@odata.type` value and checks it against `rule`: the type being
/// read, or, where the rule allows, another one. What the type would not
/// write itself is kept in `additional_data`, so that it is written back.
pub fn check_odata_type<'de, A: MapAccess<'de>>(
    map: &mut A,
    rule: &mut TypeRule,
    additional_data: &mut AdditionalData,
) -> Result<(), A::Error> {
    if std::mem::replace(&mut rule.seen, true) {
        return Err(de::Error::duplicate_field("@odata.type"));
    }
    struct TypeName(TypeRule);
    impl<'de> DeserializeSeed<'de> for TypeName {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for TypeName {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(
                f,
                "the @odata.type as a string, such as \"{}\"",
                self.0.expected
            )
        }
        fn visit_str<E: de::Error>(self, found: &str) -> Result<Option<String>, E> {
            if is_type(found, self.0.expected) {
                // A type that writes its own needs nothing kept (it is
                // written in its usual form, with `#`).
                Ok((!self.0.writes_type).then(|| found.to_owned()))
            } else if self.0.keep_other {
                Ok(Some(found.to_owned()))
            } else {
                Err(de::Error::custom(format_args!(
                    "expected @odata.type `{}`, found `{}`",
                    self.0.expected,
                    crate::error::Shortened::new(found)
                )))
            }
        }
    }
    if let Some(other) = map.next_value_seed(TypeName(*rule))? {
        additional_data.insert("@odata.type".to_owned(), other.into());
    }
    Ok(())
}

/// Reads the value of a declared property into its slot; a property given
/// twice is an error rather than a silent loss of the first value.
pub fn next_field<'de, A, T>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The value of a declared property once the object has been read: a missing
/// property is `None` for an `Option` field and an error for any other.
pub fn take_field<'de, T, E>(slot: Option<T>, name: &'static str) -> Result<T, E>
where
    T: Deserialize<'de>,
    E: de::Error,
{
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(MissingField {
            name,
            error: PhantomData,
        }),
    }
}

/// Stands in for a property that was not sent: `Option` sees `None`,
/// everything else reports the missing property.
struct MissingField<E> {
    name: &'static str,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> Deserializer<'de> for MissingField<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(de::Error::missing_field(self.name))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Keeps a property the type does not declare.
pub fn unknown_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: Key<'de>,
    additional_data: &mut AdditionalData,
) -> Result<(), A::Error> {
    match additional_data.entry(key.0.into_owned()) {
        serde_json::map::Entry::Vacant(slot) => {
            slot.insert(map.next_value_seed(KeptValue)?);
            Ok(())
        }
        // As for declared properties: a repeated key is an error rather
        // than a silent loss of the first value.
        serde_json::map::Entry::Occupied(slot) => Err(duplicate_property(slot.key())),
    }
}

/// An object being written. The first error is kept and later writes are
/// skipped, so generated code needs no `?` (with its `Try` and `From`
/// resolution) per property: [`end_object`] reports the error.
pub struct ObjectWriter<M: SerializeMap>(Result<M, M::Error>);

/// Starts an object with its `@odata.type`, if any, which Graph wants first.
pub fn begin_object<S: Serializer>(
    serializer: S,
    odata_type: Option<&str>,
) -> ObjectWriter<S::SerializeMap> {
    ObjectWriter(serializer.serialize_map(None).and_then(|mut map| {
        if let Some(odata_type) = odata_type {
            map.serialize_entry("@odata.type", odata_type)?;
        }
        Ok(map)
    }))
}

/// Writes a property.
#[inline]
pub fn entry<M: SerializeMap, T: Serialize + ?Sized>(
    object: &mut ObjectWriter<M>,
    name: &'static str,
    value: &T,
) {
    if let Ok(map) = &mut object.0 {
        if let Err(error) = map.serialize_entry(name, value) {
            object.0 = Err(error);
        }
    }
}

/// A field about to be written. Generated code calls
/// `(&Entry(&self.field)).write_entry(..)`: method resolution picks
/// [`WriteOptionalEntry`] when the field's type is an `Option` (however it is
/// spelled: an alias works too) and [`WriteEntry`] otherwise, so `None` is
/// left out without the macro having to recognise `Option` in the source.
pub struct Entry<'a, T: ?Sized>(pub &'a T);

/// Writing an `Option` field: `None` is left out, as Graph expects.
pub trait WriteOptionalEntry {
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str);
}

impl<T: Serialize> WriteOptionalEntry for Entry<'_, Option<T>> {
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str) {
        if let Some(value) = self.0 {
            entry(object, name, value);
        }
    }
}

/// Writing a field of an update type: `Unchanged` is left out, `Clear` is
/// `null`, `Set` the value.
impl<T: Serialize> WriteOptionalEntry for Entry<'_, crate::Patch<T>> {
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str) {
        if !self.0.is_unchanged() {
            entry(object, name, self.0);
        }
    }
}

/// Writing any other field.
pub trait WriteEntry {
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str);
}

impl<T: Serialize + ?Sized> WriteEntry for &Entry<'_, T> {
    #[inline]
    fn write_entry<M: SerializeMap>(&self, object: &mut ObjectWriter<M>, name: &'static str) {
        entry(object, name, self.0);
    }
}

/// Writes the kept unknown properties and ends the object. A kept key that
/// repeats a declared property would make the JSON ambiguous, so it is an
/// error; a kept `@odata.type` was written first, by [`begin_object`].
pub fn end_object<M: SerializeMap>(
    object: ObjectWriter<M>,
    additional_data: &AdditionalData,
    declared: &PropertyNames,
) -> Result<M::Ok, M::Error> {
    let mut map = object.0?;
    for (key, value) in additional_data.iter() {
        if key == "@odata.type" {
            continue;
        }
        if declared.declares(key) {
            return Err(serde::ser::Error::custom(format_args!(
                "additional_data holds `{key}`, which the type declares; set the field instead"
            )));
        }
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// Holds for `T: CreateNameFree<T, E>` only. `#[graph_entity]` states
/// `UserCreate: CreateNameFree<Self, User>` on the create type it generates:
/// when the user already has a type of that name, the name resolves to the
/// user's type (rustc reports the duplicate, E0428, without saying how to
/// avoid it) and this bound fails with the fix.
#[diagnostic::on_unimplemented(
    message = "another type already has the name #[graph_entity] gives to the create-request type of `{E}`",
    label = "the create type of `{E}` is declared here",
    note = "name the create type otherwise: #[graph_entity(\"...\", create = \"OtherName\")]"
)]
pub trait CreateNameFree<T: ?Sized, E: ?Sized> {}
impl<T: ?Sized, E: ?Sized> CreateNameFree<T, E> for T {}

/// [`CreateNameFree`] for the update-request type.
#[diagnostic::on_unimplemented(
    message = "another type already has the name #[graph_entity] gives to the update-request type of `{E}`",
    label = "the update type of `{E}` is declared here",
    note = "name the update type otherwise: #[graph_entity(\"...\", update = \"OtherName\")]"
)]
pub trait UpdateNameFree<T: ?Sized, E: ?Sized> {}
impl<T: ?Sized, E: ?Sized> UpdateNameFree<T, E> for T {}

/// `Deserialize` for a `#[graph_enum]`.
pub fn deserialize_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: GraphEnum,
{
    struct EnumVisitor<T>(PhantomData<T>);
    impl<'de, T: GraphEnum> Visitor<'de> for EnumVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a {} member as a string", T::NAME)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            T::from_wire(v).ok_or_else(|| de::Error::custom(unknown_member::<T>(v)))
        }
    }
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

/// `FromStr` for a `#[graph_enum]`.
pub fn parse_enum<T: GraphEnum>(text: &str) -> Result<T, crate::GraphError> {
    T::from_wire(text).ok_or_else(|| crate::GraphError::InvalidValue {
        kind: T::NAME,
        value: crate::error::Shortened::new(text),
        reason: expected_members::<T>(),
    })
}

fn unknown_member<T: GraphEnum>(found: &str) -> String {
    format!(
        "unknown {} member `{}`, {}",
        T::NAME,
        crate::error::Shortened::new(found),
        expected_members::<T>()
    )
}

fn expected_members<T: GraphEnum>() -> String {
    let mut text = String::from("expected one of ");
    for (i, member) in T::MEMBERS.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push('`');
        text.push_str(member);
        text.push('`');
    }
    text
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
