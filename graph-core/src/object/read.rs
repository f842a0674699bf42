//! Reading a generated object: the `@odata.type` rule, the members a derived
//! type adds to its base's key loop, and `Deserialize` itself.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::ObjectFields;
use crate::fields::{unknown_field, Key};
use crate::AdditionalData;

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

    /// The rule for a type that is written with its `@odata.type` even where
    /// it would not write its own (a variant of a `#[graph_polymorphic]`
    /// enum), so a matching type needs no keeping.
    pub(crate) fn writing_type(self) -> TypeRule {
        TypeRule {
            writes_type: true,
            ..self
        }
    }

    /// The members kept once the object is read, with a note that it came
    /// without an `@odata.type` if it did: it is then written without one.
    #[inline]
    pub fn finish(&self, mut additional_data: AdditionalData) -> AdditionalData {
        if !self.seen {
            additional_data.set_read_untyped(self.expected);
        }
        additional_data
    }
}

/// Reads the members a derived type declares and its base does not; generated
/// code passes a closure. `Ok(false)` means "not mine".
pub trait ReadExtension<'de, A: MapAccess<'de>> {
    /// Reads the value of `key` if the derived type declares it. `kept` is
    /// the root's `additional_data`, where an `Option` property received as
    /// `null` is noted (see `__private::next_optional_field`).
    fn read(&mut self, key: &str, map: &mut A, kept: &mut AdditionalData)
        -> Result<bool, A::Error>;
}

/// The extension of the most derived type: it declares nothing more.
pub(crate) struct NoExtension;

impl<'de, A: MapAccess<'de>> ReadExtension<'de, A> for NoExtension {
    #[inline]
    fn read(&mut self, _: &str, _: &mut A, _: &mut AdditionalData) -> Result<bool, A::Error> {
        Ok(false)
    }
}

impl<'de, A, F> ReadExtension<'de, A> for F
where
    A: MapAccess<'de>,
    F: FnMut(&str, &mut A, &mut AdditionalData) -> Result<bool, A::Error>,
{
    #[inline]
    fn read(
        &mut self,
        key: &str,
        map: &mut A,
        kept: &mut AdditionalData,
    ) -> Result<bool, A::Error> {
        self(key, map, kept)
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
    if extension.read(key.as_str(), map, additional_data)? {
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
