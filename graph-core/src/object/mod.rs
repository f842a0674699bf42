//! Reading and writing the structs `#[graph_entity]` and `#[graph_complex]`
//! generate. Each type implements [`ObjectFields`]; the work is done once,
//! here, in generic code, which keeps the expansion per type small.

mod companion;
pub(crate) mod read;
pub(crate) mod write;

pub use companion::{CreateNameFree, RequestType, RequestTypes, UpdateNameFree};

use serde::de::MapAccess;
use serde::ser::SerializeMap;

use crate::const_text::str_eq;
use crate::{AdditionalData, ODataType};
use read::{ReadExtension, TypeRule};
use write::ObjectWriter;

/// The property names a generated type declares: its own, then its base's.
/// A linked list, so a derived type's constant can point at its base's.
pub struct PropertyNames {
    /// The names the type itself declares.
    pub own: &'static [&'static str],
    /// The names its base declares, if it has a base.
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

    /// The declared name equal to `name`, if the type or one of its bases
    /// declares it.
    pub(crate) fn find(&self, name: &str) -> Option<&'static str> {
        let mut names = self;
        loop {
            if let Some(found) = names.own.iter().find(|own| **own == name) {
                return Some(found);
            }
            names = names.base?;
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
    /// Whether `@odata.type` is written when it was not kept from the input
    /// and the value was not read without one: always for entities, for
    /// complex types when derived or asked for.
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

/// Compiles only for a complex type: the check that a complex type's base is
/// one.
pub const fn is_complex_type<T: crate::ComplexType>() {}

/// The `@odata.type` `value` is written with: a kept one, or its type's.
pub(crate) fn odata_type_of<T: ObjectFields>(value: &T) -> &str {
    match value.additional_data().get("@odata.type") {
        Some(serde_json::Value::String(kept)) => kept,
        _ => T::ODATA_TYPE,
    }
}
