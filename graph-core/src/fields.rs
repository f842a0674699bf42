//! Reading the members of a JSON object whose properties are declared: the
//! key, a declared property's value (given at most once), one that was not
//! sent, and one the type does not declare (kept). Generated object types and
//! [`Collection`](crate::Collection) read their members this way.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::kept::{duplicate_property, KeptValue};
use crate::AdditionalData;

/// A JSON object key, borrowed from the input when the deserializer allows.
pub struct Key<'de>(Cow<'de, str>);

impl<'de> Key<'de> {
    /// The key's text.
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

/// Reads the value of a declared property whose type is written `Option<...>`
/// into its slot, as [`next_field`] does; a `null` read as `None` is also
/// noted in `kept` (the root's `additional_data`) under the property's name,
/// so that it is written back as `null` while the field stays `None`.
///
/// The macro goes by how the type is written, which a user's own type named
/// `Option` shares, so the `null` is seen where the type's `Deserialize` meets
/// it, as `None` (see `NullNoted`); only a `null` costs anything more.
pub fn next_optional_field<'de, A, T>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
    kept: &mut AdditionalData,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    let mut null = false;
    *slot = Some(map.next_value_seed(NullNoted {
        null: &mut null,
        value: PhantomData,
    })?);
    if null {
        kept.insert(name.to_owned(), serde_json::Value::Null);
    }
    Ok(())
}

/// Reads a `T`, noting whether it read a `null` as `None`: the deserializer
/// it is given is wrapped so that `deserialize_option` reports `visit_none`
/// (or `visit_unit`). `Some` reaches the inner type with the deserializer
/// itself, so only `Option`'s own few lines are compiled again.
struct NullNoted<'n, T> {
    null: &'n mut bool,
    value: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for NullNoted<'_, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(NullWatch {
            inner: deserializer,
            null: self.null,
        })
    }
}

/// A deserializer that hands everything to `inner` but `deserialize_option`,
/// whose visitor it wraps in [`NoteNone`].
struct NullWatch<'n, D> {
    inner: D,
    null: &'n mut bool,
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.inner.$method($($arg,)* visitor)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for NullWatch<'_, D> {
    type Error = D::Error;

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_option(NoteNone {
            inner: visitor,
            null: self.null,
        })
    }

    forward! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_i128(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char(); deserialize_str();
        deserialize_string(); deserialize_bytes(); deserialize_byte_buf(); deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq(); deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// The visitor of an `Option` (or of whatever asked for one), noting `None`.
struct NoteNone<'n, V> {
    inner: V,
    null: &'n mut bool,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for NoteNone<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        *self.null = true;
        self.inner.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        *self.null = true;
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(deserializer)
    }
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
///
/// Left to the compiler to inline: with one type in a program it is inlined
/// into that type's `read_fields` (moved, not copied), and with hundreds it
/// stays one function. `#[inline(never)]` made no difference to the machine
/// code of 300 types (`compile_time.py --release --read-fns -n 300`: 1,598
/// against 1,600 kB); see the README's Performance section.
pub(crate) fn unknown_field<'de, A: MapAccess<'de>>(
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
