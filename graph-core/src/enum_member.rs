//! Reading the members of a `#[graph_enum]`: from JSON and with `FromStr`,
//! an unknown member's error listing the known ones.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

use crate::error::Shortened;
use crate::{GraphEnum, GraphError};

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
pub fn parse_enum<T: GraphEnum>(text: &str) -> Result<T, GraphError> {
    T::from_wire(text).ok_or_else(|| GraphError::InvalidValue {
        kind: T::NAME,
        value: Shortened::new(text),
        reason: expected_members::<T>(),
    })
}

fn unknown_member<T: GraphEnum>(found: &str) -> String {
    format!(
        "unknown {} member `{}`, {}",
        T::NAME,
        Shortened::new(found),
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
