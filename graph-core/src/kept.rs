//! Unknown values, kept to be written back: read as `serde_json::Value`
//! reads them, except that a repeated key is an error at any depth.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The error for a key given twice in one object.
pub(crate) fn duplicate_property<E: de::Error>(key: &str) -> E {
    de::Error::custom(format_args!(
        "duplicate property `{}`",
        crate::error::Shortened::new(key)
    ))
}

/// Reads a value to keep, as `serde_json::Value`'s own `Deserialize` does,
/// except that a key repeated in an object, at any depth, is an error (named
/// when the key is read, so the error's position is the repeated member's):
/// a kept value is written back, and must not silently lose what it held.
pub(crate) struct KeptValue;

impl<'de> DeserializeSeed<'de> for KeptValue {
    type Value = serde_json::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeptValue {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    #[inline]
    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Bool(value))
    }

    #[inline]
    fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Number(value.into()))
    }

    #[inline]
    fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Number(value.into()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Self::Value, E> {
        serde_json::Value::deserialize(de::value::I128Deserializer::new(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Self::Value, E> {
        serde_json::Value::deserialize(de::value::U128Deserializer::new(value))
    }

    #[inline]
    fn visit_f64<E>(self, value: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(value).map_or(serde_json::Value::Null, Into::into))
    }

    #[inline]
    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(value.to_owned()))
    }

    #[inline]
    fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(value))
    }

    #[inline]
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.deserialize(deserializer)
    }

    #[inline]
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(KeptValue)? {
            items.push(item);
        }
        Ok(serde_json::Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.is_empty() && key == NUMBER_TOKEN && arbitrary_precision() {
                return arbitrary_precision_number(map);
            }
            match object.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(map.next_value_seed(KeptValue)?);
                }
                serde_json::map::Entry::Occupied(slot) => {
                    return Err(duplicate_property(slot.key()))
                }
            }
        }
        Ok(serde_json::Value::Object(object))
    }
}

/// How serde_json hands over a number when some crate in the build turns on
/// its `arbitrary_precision` feature: as a one-member map with this key and
/// the number's text. `serde_json::Value` reads it back as a number, and so
/// must a kept value, or the number would be written back as an object.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json was built with `arbitrary_precision` (by whichever
/// crate asked for it): only then is [`NUMBER_TOKEN`] a number rather than a
/// key like any other. Such a build keeps a number's text as written.
#[cold]
fn arbitrary_precision() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| {
        serde_json::from_str::<serde_json::Number>("1e1")
            .is_ok_and(|number| number.to_string() == "1e1")
    })
}

#[cold]
fn arbitrary_precision_number<'de, A: MapAccess<'de>>(
    mut map: A,
) -> Result<serde_json::Value, A::Error> {
    let text: String = map.next_value()?;
    let number = serde_json::from_str::<serde_json::Number>(&text).map_err(de::Error::custom)?;
    Ok(serde_json::Value::Number(number))
}
