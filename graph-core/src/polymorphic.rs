//! Reading a `#[graph_polymorphic]` enum: find `@odata.type`, then let the
//! variant it names read the object.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::const_text::{str_eq, ConstMessage};
use crate::fields::Key;
use crate::held::{name_held_member, Held};
use crate::kept::KeptValue;
use crate::object::read::{NoExtension, TypeRule};
use crate::object::write::{kept_type, type_to_write, write_object};
use crate::object::{odata_type_of, ObjectFields};

/// Generated for a `#[graph_polymorphic]` enum.
pub trait ReadVariant: Sized {
    /// The `@odata.type` of each variant, for error messages.
    const TYPES: &'static [&'static str];

    /// Reads the object as the variant `odata_type` names: the fallback, or
    /// an error, for a type no variant holds or when there is none.
    fn read_variant<'de, A: MapAccess<'de>>(
        odata_type: Option<&str>,
        map: A,
    ) -> Result<Self, A::Error>;
}

/// `Deserialize` for a `#[graph_polymorphic]` enum.
///
/// Graph writes `@odata.type` before the properties, after at most a few other
/// annotations (`@odata.context`, `@odata.etag`): those are held until the
/// type is known and then handed to the variant ahead of the rest of the
/// object, which the variant reads straight from the input. Only an object
/// whose type comes late, or never, is held whole.
pub fn deserialize_polymorphic<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ReadVariant,
{
    struct PolymorphicVisitor<T>(PhantomData<T>);
    impl<'de, T: ReadVariant> Visitor<'de> for PolymorphicVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object with an @odata.type")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut held = Vec::new();
            // The held member being replayed, if any, when the variant fails.
            let mut replaying = None;
            while let Some(key) = map.next_key::<Key<'de>>()? {
                if key.as_str() == "@odata.type" {
                    let odata_type: String = map.next_value()?;
                    held.push(("@odata.type".to_owned(), Value::String(odata_type.clone())));
                    let replay = Replay::new(held, Some(map), &mut replaying);
                    return T::read_variant(Some(&odata_type), replay)
                        .map_err(|error| name_held_member(error, replaying));
                }
                let value = map.next_value_seed(KeptValue)?;
                held.push((key.as_str().to_owned(), value));
            }
            T::read_variant(None, Replay::new(held, None::<A>, &mut replaying))
                .map_err(|error| name_held_member(error, replaying))
        }
    }
    deserializer.deserialize_map(PolymorphicVisitor(PhantomData))
}

/// What a `#[graph_polymorphic]` enum needs of the type a variant holds.
/// Generated code uses only this trait, at the held type's span, so a type
/// that is not a Graph struct is one error there, not one per use.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Graph entity or complex type, so no @odata.type selects it",
    label = "a variant holds a #[graph_entity] or #[graph_complex] struct"
)]
pub trait Variant: Sized {
    /// The type's `@odata.type`, which selects this variant.
    const ODATA_TYPE: &'static str;

    /// Reads a variant whose `@odata.type` was matched, as the type's own
    /// `Deserialize` does.
    fn read_as<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;

    /// Reads the fallback variant: any `@odata.type` is accepted and kept.
    fn read_fallback<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;

    /// Writes the variant with its `@odata.type`, even for a type that
    /// would not write its own: the enum reads it back by that type.
    fn serialize_variant<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Writes the fallback variant: as [`serialize_variant`](Self::serialize_variant),
    /// except that a value read without `@odata.type` (which the enum reads
    /// as its fallback) is written without one.
    fn serialize_fallback<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// The kept `@odata.type`, or the type's own.
    fn variant_type(&self) -> &str;
}

// The enum reads a value back by its `@odata.type`, so it writes one for
// every variant, even for a type that would not write its own (a complex
// type that is no one's derived type): a matching type it is given needs no
// keeping, as for an entity. The one exception is the fallback read without
// a type: an absent type reads back as the fallback, so it is written back
// absent.
impl<T: ObjectFields> Variant for T {
    const ODATA_TYPE: &'static str = <T as crate::ODataType>::ODATA_TYPE;

    fn read_as<'de, A: MapAccess<'de>>(map: A) -> Result<T, A::Error> {
        T::read_fields(map, TypeRule::of::<T>().writing_type(), &mut NoExtension)
    }

    fn read_fallback<'de, A: MapAccess<'de>>(map: A) -> Result<T, A::Error> {
        let rule = TypeRule::keeping_other::<T>().writing_type();
        T::read_fields(map, rule, &mut NoExtension)
    }

    fn serialize_variant<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A declared variant is only ever read with its type; one read on
        // its own without a type is written with it here all the same, or
        // it would read back as the fallback.
        let odata_type = kept_type(self.additional_data())?.unwrap_or(T::ODATA_TYPE);
        write_object(self, serializer, Some(odata_type))
    }

    fn serialize_fallback<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_object(self, serializer, type_to_write(self, true)?)
    }

    fn variant_type(&self) -> &str {
        odata_type_of(self)
    }
}

/// The error for a type no variant holds, in an enum without a fallback.
pub fn unknown_type<T: ReadVariant, E: de::Error>(odata_type: Option<&str>) -> E {
    let mut known = String::new();
    for (i, name) in T::TYPES.iter().enumerate() {
        if i > 0 {
            known.push_str(", ");
        }
        known.push('`');
        known.push_str(name);
        known.push('`');
    }
    match odata_type {
        Some(found) => de::Error::custom(format_args!(
            "unknown @odata.type `{}`, expected one of {known}",
            crate::error::Shortened::new(found)
        )),
        None => de::Error::custom(format_args!("missing @odata.type, expected one of {known}")),
    }
}

/// The members read while looking for `@odata.type`, then the rest of the
/// object from the input.
struct Replay<'r, A> {
    held: std::vec::IntoIter<(String, Value)>,
    /// The held member whose key was just returned, until its value is.
    value: Option<Value>,
    /// The key of the held member last returned, until the rest of the
    /// object is read: an error of the variant's meanwhile is about it.
    replaying: &'r mut Option<String>,
    /// The held members are done: keys and values come from `rest`.
    streaming: bool,
    /// The rest of the input object; `None` when all of it was held.
    rest: Option<A>,
}

impl<'r, A> Replay<'r, A> {
    fn new(held: Vec<(String, Value)>, rest: Option<A>, replaying: &'r mut Option<String>) -> Self {
        Replay {
            held: held.into_iter(),
            value: None,
            replaying,
            streaming: false,
            rest,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if !self.streaming {
            if let Some((key, value)) = self.held.next() {
                let read = seed.deserialize(StrDeserializer::<A::Error>::new(&key));
                *self.replaying = Some(key);
                self.value = Some(value);
                return read.map(Some);
            }
            self.streaming = true;
            *self.replaying = None;
        }
        match &mut self.rest {
            Some(rest) => rest.next_key_seed(seed),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match (self.streaming, self.value.take(), &mut self.rest) {
            (false, Some(value), _) => seed.deserialize(Held(value)).map_err(de::Error::custom),
            (true, _, Some(rest)) => rest.next_value_seed(seed),
            _ => Err(de::Error::custom("a value was asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        match &self.rest {
            Some(rest) => rest.size_hint().map(|rest| rest + self.held.len()),
            None => Some(self.held.len()),
        }
    }
}

/// Compile-time check of a `#[graph_polymorphic]` enum, one call per variant
/// after the first: `held` lists each variant's name and Graph type, and
/// `variant` must be the first to hold its type, for an object of that type
/// is read as the first and never as a later one.
#[track_caller]
pub const fn held_once(held: &[(&str, &str)], variant: &str) {
    let mut position = 0;
    while position < held.len() && !str_eq(held[position].0, variant) {
        position += 1;
    }
    if position == held.len() {
        return;
    }
    let odata_type = held[position].1;
    let mut earlier = 0;
    while earlier < position {
        if str_eq(held[earlier].1, odata_type) {
            let mut message = ConstMessage::new();
            message.push("`");
            message.push(variant);
            message.push("` holds the same Graph type as `");
            message.push(held[earlier].0);
            message.push("`, `");
            message.push(odata_type);
            message.push("`, and every object of that type is read as `");
            message.push(held[earlier].0);
            message.push("`, never as `");
            message.push(variant);
            message.push("`; keep one variant per Graph type");
            panic!("{}", message.as_str());
        }
        earlier += 1;
    }
}

#[cfg(test)]
mod held_once_tests {
    use super::*;

    #[test]
    #[should_panic(
        expected = "`Slim` holds the same Graph type as `Full`, `#microsoft.graph.user`, and every object of that type is read as `Full`, never as `Slim`"
    )]
    fn a_later_variant_of_the_same_type_is_refused_naming_both() {
        let held = [
            ("Full", "#microsoft.graph.user"),
            ("Group", "#microsoft.graph.group"),
            ("Slim", "#microsoft.graph.user"),
        ];
        for variant in ["Full", "Group", "Removed"] {
            held_once(&held, variant);
        }
        held_once(&held, "Slim");
    }
}
