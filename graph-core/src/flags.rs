//! Flags enumerations: a value is a set of members, `"a,b"` on the wire.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::{GraphEnum, GraphError};

/// A Graph enumeration declared `IsFlags`: implemented by
/// `#[graph_enum(flags)]`, so that only such enums go in [`Flags`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a flags enumeration, so it cannot be used in `Flags<...>`",
    note = "declare it with `#[graph_enum(\"name\", flags)]` if Graph's metadata marks it `IsFlags=\"true\"`"
)]
pub trait FlagsEnum: GraphEnum {}

/// A value of a flags enumeration: any number of members, written as their
/// wire names joined by `,` (`"email,push"`; `""` for none).
///
/// Members keep the order they arrived in. With an `other` variant, members
/// the enum does not know are kept too; without one they are errors.
///
/// ```
/// use graph_core::{graph_enum, Flags};
///
/// #[graph_enum("notificationChannels", flags)]
/// #[derive(Debug, Clone, PartialEq)]
/// pub enum NotificationChannel {
///     Email,
///     Push,
///     #[graph(other)]
///     Other(String),
/// }
///
/// let channels: Flags<NotificationChannel> = graph_core::from_json(br#""email,push,sms""#).unwrap();
/// assert!(channels.contains(&NotificationChannel::Push));
/// assert!(channels.contains(&NotificationChannel::Other("sms".into())));
/// assert_eq!(channels.to_string(), "email,push,sms");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flags<E>(Vec<E>);

impl<E> Default for Flags<E> {
    fn default() -> Self {
        Flags(Vec::new())
    }
}

impl<E: FlagsEnum + PartialEq> Flags<E> {
    /// No members.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `member` is set.
    pub fn contains(&self, member: &E) -> bool {
        self.0.contains(member)
    }

    /// Sets `member`; returns whether it was not set before.
    pub fn insert(&mut self, member: E) -> bool {
        if self.contains(&member) {
            return false;
        }
        self.0.push(member);
        true
    }

    /// Clears `member`; returns whether it was set.
    pub fn remove(&mut self, member: &E) -> bool {
        let before = self.0.len();
        self.0.retain(|m| m != member);
        self.0.len() != before
    }
}

impl<E> Flags<E> {
    /// The members, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, E> {
        self.0.iter()
    }

    /// How many members are set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no member is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<E: FlagsEnum + PartialEq> FromIterator<E> for Flags<E> {
    fn from_iter<I: IntoIterator<Item = E>>(members: I) -> Self {
        let mut flags = Flags::new();
        for member in members {
            flags.insert(member);
        }
        flags
    }
}

impl<E> IntoIterator for Flags<E> {
    type Item = E;
    type IntoIter = std::vec::IntoIter<E>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, E> IntoIterator for &'a Flags<E> {
    type Item = &'a E;
    type IntoIter = std::slice::Iter<'a, E>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<E: FlagsEnum> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, member) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(member.as_str())?;
        }
        Ok(())
    }
}

/// Reads `"a,b"`; spaces around members are allowed, empty members are not.
fn parse<E: FlagsEnum>(text: &str) -> Result<Vec<E>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|name| {
            let name = name.trim();
            if name.is_empty() {
                return Err(format!(
                    "empty member in {} `{}`",
                    E::NAME,
                    crate::Shortened::new(text)
                ));
            }
            E::from_wire(name).ok_or_else(|| {
                format!(
                    "unknown {} member `{}`, expected members of `{}` joined by `,`",
                    E::NAME,
                    crate::Shortened::new(name),
                    E::MEMBERS.join("`, `")
                )
            })
        })
        .collect()
}

impl<E: FlagsEnum> FromStr for Flags<E> {
    type Err = GraphError;
    fn from_str(text: &str) -> Result<Self, GraphError> {
        parse(text)
            .map(Flags)
            .map_err(|reason| GraphError::InvalidValue {
                kind: E::NAME,
                value: crate::Shortened::new(text),
                reason,
            })
    }
}

impl<E: FlagsEnum> Serialize for Flags<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, E: FlagsEnum> Deserialize<'de> for Flags<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FlagsVisitor<E>(PhantomData<E>);
        impl<'de, E: FlagsEnum> Visitor<'de> for FlagsVisitor<E> {
            type Value = Flags<E>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "{} members joined by `,` in a string", E::NAME)
            }
            fn visit_str<Er: de::Error>(self, text: &str) -> Result<Flags<E>, Er> {
                parse(text).map(Flags).map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_str(FlagsVisitor(PhantomData))
    }
}
