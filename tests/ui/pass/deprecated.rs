//! Graph's metadata deprecates types, properties and members, so generated
//! bindings carry `#[deprecated]`. The macros' own code must then add no
//! warning: `-D warnings` stays usable. Uses the user writes still warn (see
//! `main`, which opts out where it uses deprecated items on purpose).
#![deny(warnings)]

use graph_core::{graph_complex, graph_endpoint, graph_entity, graph_enum, Patch};

#[deprecated = "use `Kind`"]
#[graph_enum("oldKind")]
#[derive(Debug, Clone, PartialEq)]
pub enum OldKind {
    A,
    #[graph(other)]
    Other(String),
}

#[graph_enum("kind", flags)]
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Current,
    #[deprecated]
    Retired,
    #[deprecated]
    #[graph(other)]
    Other(String),
}

#[graph_complex("oldAddress")]
#[deprecated(note = "use `Address`")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OldAddress {
    #[deprecated]
    pub street: Option<String>,
}

#[graph_complex("address")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Address {
    pub city: Option<String>,
    #[deprecated]
    pub zip: Option<String>,
}

#[deprecated]
#[graph_complex("streetAddress", base = "Address")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StreetAddress {
    #[deprecated]
    pub street: Option<String>,
}

#[deprecated]
#[graph_entity("oldItem", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OldItem {
    #[deprecated]
    pub name: Option<String>,
    #[deprecated]
    #[graph(required)]
    pub code: Option<String>,
    #[deprecated]
    #[graph(read_only)]
    pub created: Option<String>,
    #[deprecated]
    pub kind: Option<Kind>,
    /// A property whose type is deprecated: the user allows it on the field.
    #[allow(deprecated)]
    pub old_address: Option<OldAddress>,
    pub address: Option<Address>,
}

#[graph_entity("item", base = "OldItem")]
#[allow(deprecated)] // the base is deprecated
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    #[deprecated]
    pub size: Option<i64>,
    pub count: Option<i64>,
}

graph_endpoint! {
    #[deprecated]
    pub GetOldItem {
        method: GET,
        path: "/items/{itemId}",
        response: Item,
    }
    #[deprecated]
    pub DeleteOldItem {
        method: DELETE,
        path: "/items/{itemId}",
    }
    pub CreateItem {
        method: POST,
        path: "/items",
        body: ItemCreate,
        response: Item,
    }
}

#[allow(deprecated)]
fn use_deprecated_items() {
    let _ = OldKind::A.as_str();
    let _ = Kind::Retired.as_str();
    let _ = GetOldItem::new("1");
    let _ = DeleteOldItem::new("1");
    let _ = StreetAddress::default().street;
    let _ = OldItemUpdate {
        name: Patch::Set("n".into()),
        ..Default::default()
    };
}

fn main() {
    use_deprecated_items();
    let _ = Kind::Current.as_str();
    let _ = CreateItem::new(ItemCreate::default());
    let _ = Address::default().city;
}
