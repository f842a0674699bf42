//! Reading a `#[graph_polymorphic]` enum: find `@odata.type`, then let the
//! variant it names read the object.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::held::{name_held_member, Held};
use super::{Key, NoExtension, ObjectFields, TypeRule};

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
                let value = map.next_value_seed(super::KeptValue)?;
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
    const ODATA_TYPE: &'static str;

    /// Reads a variant whose `@odata.type` was matched, as the type's own
    /// `Deserialize` does.
    fn read_as<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;

    /// Reads the fallback variant: any `@odata.type` is accepted and kept.
    fn read_fallback<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;

    fn serialize_variant<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// The kept `@odata.type`, or the type's own.
    fn variant_type(&self) -> &str;
}

// The enum reads a value back by its `@odata.type`, so it writes one for
// every variant, even for a type that would not write its own (a complex
// type that is no one's derived type): a matching type it is given needs no
// keeping, as for an entity.
impl<T: ObjectFields> Variant for T {
    const ODATA_TYPE: &'static str = <T as crate::ODataType>::ODATA_TYPE;

    fn read_as<'de, A: MapAccess<'de>>(map: A) -> Result<T, A::Error> {
        let rule = TypeRule {
            writes_type: true,
            ..TypeRule::of::<T>()
        };
        T::read_fields(map, rule, &mut NoExtension)
    }

    fn read_fallback<'de, A: MapAccess<'de>>(map: A) -> Result<T, A::Error> {
        let rule = TypeRule {
            writes_type: true,
            ..TypeRule::keeping_other::<T>()
        };
        T::read_fields(map, rule, &mut NoExtension)
    }

    fn serialize_variant<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let additional_data = self.additional_data();
        if T::WRITES_TYPE || additional_data.contains_key("@odata.type") {
            return super::serialize_object(self, serializer);
        }
        let mut object = super::begin_object(serializer, Some(T::ODATA_TYPE));
        self.write_fields(&mut object);
        super::end_object(object, additional_data, &T::NAMES)
    }

    fn variant_type(&self) -> &str {
        super::odata_type_of(self)
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
    while position < held.len() && !super::str_eq(held[position].0, variant) {
        position += 1;
    }
    if position == held.len() {
        return;
    }
    let odata_type = held[position].1;
    let mut earlier = 0;
    while earlier < position {
        if super::str_eq(held[earlier].1, odata_type) {
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

/// A compile-time error message pieced together from strings known only to
/// the compiler (a `const` `panic!` takes no format arguments but one `&str`).
struct ConstMessage {
    bytes: [u8; 512],
    len: usize,
}

impl ConstMessage {
    const fn new() -> Self {
        ConstMessage {
            bytes: [0; 512],
            len: 0,
        }
    }

    /// Appends `text`, as much of it as fits.
    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    const fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            // Cut in the middle of a character: end before it.
            Err(error) => match core::str::from_utf8(text.split_at(error.valid_up_to()).0) {
                Ok(text) => text,
                Err(_) => "",
            },
        }
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

    #[test]
    fn a_message_too_long_is_cut_before_a_character() {
        let mut message = ConstMessage::new();
        message.push(&"a".repeat(511));
        message.push("é and more");
        assert_eq!(message.as_str(), "a".repeat(511));
    }
}
