//! Reading a member that a polymorphic read held until it knew the type.
//!
//! The input is past the member by then, so serde_json's error position
//! cannot say where in it a problem is. [`Held`] reads the kept value as
//! `serde_json::Value` itself does and, on an error, says where in the value
//! it is (`.settings[2].size`), for `crate::json::held_member_error`.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::Shortened;

/// A held value being read.
pub(crate) struct Held(pub(crate) Value);

/// An error inside a held value, and where: a path relative to the value,
/// each step written as it is appended to a JSON path (`.key`, `[2]`).
#[derive(Debug)]
pub(crate) struct HeldError {
    pub(crate) path: String,
    pub(crate) message: String,
}

impl HeldError {
    /// The error one step up: `step` is where this one is in its parent.
    fn inside(mut self, step: fmt::Arguments) -> Self {
        self.path = format!("{step}{}", self.path);
        self
    }
}

impl de::Error for HeldError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        let message = message.to_string();
        // A polymorphic value inside a held one names its own held member.
        match crate::json::held_member(&message) {
            Some((path, inner)) => HeldError {
                path: if path.starts_with('[') {
                    path
                } else {
                    format!(".{path}")
                },
                message: inner.to_owned(),
            },
            None => HeldError {
                path: String::new(),
                message,
            },
        }
    }
}

/// The message, after the path when there is one, in the form that
/// [`de::Error::custom`] reads back: a polymorphic read holding this value
/// hands the error on that way.
impl fmt::Display for HeldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            let path = self.path.strip_prefix('.').unwrap_or(&self.path);
            f.write_str(&crate::json::held_member_error(path, &self.message))
        }
    }
}

impl std::error::Error for HeldError {}

/// An error met while the held member `replaying` was read: the input is
/// past the member by then, so the error's position names the object, and
/// its message where in the object (see `crate::json::held_member_error`).
pub(crate) fn name_held_member<E: de::Error>(error: E, replaying: Option<String>) -> E {
    let Some(key) = replaying else {
        return error;
    };
    let key = Shortened::key(key);
    let message = error.to_string();
    // Where in the member, if the error says (see `Held`).
    let message = match crate::json::held_member(&message) {
        Some((within, inner)) if within.starts_with('[') => {
            crate::json::held_member_error(&format!("{key}{within}"), inner)
        }
        Some((within, inner)) => crate::json::held_member_error(&format!("{key}.{within}"), inner),
        None => crate::json::held_member_error(&key, message),
    };
    de::Error::custom(message)
}

/// An error of `serde_json::Value`'s own deserializer, which [`Held`] hands
/// scalars (and enums) to.
fn from_value(error: serde_json::Error) -> HeldError {
    de::Error::custom(error)
}

/// The key of a held object's member, read by serde_json's own key
/// deserializer (which also reads keys as numbers and booleans for maps that
/// have such keys): it is not public, so the key is offered through a
/// one-member map.
fn read_key<'de, K: DeserializeSeed<'de>>(key: String, seed: K) -> Result<K::Value, HeldError> {
    struct FirstKey<K>(K);
    impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for FirstKey<K> {
        type Value = K::Value;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a property name")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<K::Value, A::Error> {
            match map.next_key_seed(self.0)? {
                Some(key) => Ok(key),
                None => Err(de::Error::custom("a property name is missing")),
            }
        }
    }
    let mut map = Map::new();
    map.insert(key, Value::Null);
    map.deserialize_any(FirstKey(seed)).map_err(from_value)
}

struct HeldSeq {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for HeldSeq {
    type Error = HeldError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, HeldError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Held(item))
            .map(Some)
            .map_err(|error| error.inside(format_args!("[{index}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct HeldMap {
    members: serde_json::map::IntoIter,
    /// The member whose key was just read, until its value is.
    value: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for HeldMap {
    type Error = HeldError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, HeldError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        match read_key(key.clone(), seed) {
            Ok(read) => {
                self.value = Some((key, value));
                Ok(Some(read))
            }
            Err(error) => Err(error.inside(format_args!(".{}", Shortened::key(key)))),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, HeldError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        seed.deserialize(Held(value))
            .map_err(|error| error.inside(format_args!(".{}", Shortened::key(key))))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// As `serde_json::Value` reads an array: all of it must be read.
fn visit_array<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, HeldError> {
    let len = items.len();
    let mut seq = HeldSeq {
        items: items.into_iter(),
        index: 0,
    };
    let read = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(read)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

/// As `serde_json::Value` reads an object: all of it must be read.
fn visit_object<'de, V: Visitor<'de>>(
    members: Map<String, Value>,
    visitor: V,
) -> Result<V::Value, HeldError> {
    let len = members.len();
    let mut map = HeldMap {
        members: members.into_iter(),
        value: None,
    };
    let read = visitor.visit_map(&mut map)?;
    if map.members.len() == 0 {
        Ok(read)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

/// Methods that read no array or object (or, for enums, that hardly occur
/// in Graph payloads): `serde_json::Value` reads them, and an error is at the
/// value itself.
macro_rules! as_value {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
                self.0.$method(visitor).map_err(from_value)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for Held {
    type Error = HeldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(members) => visit_object(members, visitor),
            scalar => scalar.deserialize_any(visitor).map_err(from_value),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            other => other.deserialize_seq(visitor).map_err(from_value),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
        match self.0 {
            Value::Object(members) => visit_object(members, visitor),
            other => other.deserialize_map(visitor).map_err(from_value),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(members) => visit_object(members, visitor),
            other => other
                .deserialize_struct(name, fields, visitor)
                .map_err(from_value),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        self.0
            .deserialize_unit_struct(name, visitor)
            .map_err(from_value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, HeldError> {
        self.0
            .deserialize_enum(name, variants, visitor)
            .map_err(from_value)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeldError> {
        visitor.visit_unit()
    }

    as_value! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    }
}
