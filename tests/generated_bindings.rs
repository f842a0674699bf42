//! Bindings as a generator writes them: fields and members gated by `#[cfg]`
//! (v1.0 and beta differ by a feature), and field types passed through
//! `macro_rules!` fragments.
//!
//! Under `deny(warnings)`: the generated code must add no warning of its own.
#![deny(warnings)]
// `cfg(all())` is the condition that always holds, on purpose.
#![allow(clippy::non_minimal_cfg)]

use graph_core::{
    from_json, graph_complex, graph_endpoint, graph_entity, graph_enum, Endpoint, GraphEnum, Patch,
};
use serde_json::{json, Value};

/// `send` is a feature of this package that `cargo test` leaves off; the
/// assertions follow it, so the tests hold with `--all-features` too.
const SEND: bool = cfg!(feature = "send");

#[graph_entity("device")]
#[derive(Debug, Clone, PartialEq)] // no `Default`: the update's is generated
pub struct Device {
    #[cfg(any())]
    pub removed: Option<String>,
    #[cfg(all())]
    pub kept: Option<String>,
    #[cfg(feature = "send")]
    pub featured: Option<String>,
    #[cfg(any())]
    #[graph(required)]
    pub removed_required: Option<String>,
    #[cfg(all())]
    #[graph(required)]
    pub kept_required: Option<String>,
    #[cfg(any())]
    #[graph(read_only)]
    pub removed_read_only: Option<String>,
    #[cfg_attr(all(), cfg(any()))]
    pub removed_by_cfg_attr: Option<i32>,
    #[cfg_attr(any(), cfg(any()))]
    pub kept_by_cfg_attr: Option<i32>,
    /// One property, typed differently in two versions of the bindings: the
    /// same name twice, never both at once.
    #[cfg(any())]
    pub model: Option<i64>,
    #[cfg(not(any()))]
    pub model: Option<String>,
    /// Maps to `kept` as well, but never exists, so it is no conflict.
    #[cfg(any())]
    #[graph(rename = "kept")]
    pub kept_again: Option<String>,
}

/// Every key of a `Device`, gated fields included.
fn device_json() -> Value {
    json!({
        "@odata.type": "#microsoft.graph.device",
        "removed": "r",
        "kept": "k",
        "featured": "f",
        "removedRequired": "rr",
        "keptRequired": "kr",
        "removedReadOnly": "ro",
        "removedByCfgAttr": 1,
        "keptByCfgAttr": 2,
        "model": "m"
    })
}

const REMOVED: [&str; 4] = [
    "removed",
    "removedRequired",
    "removedReadOnly",
    "removedByCfgAttr",
];

fn kept_as_unknown(data: &graph_core::AdditionalData) -> Vec<&str> {
    let mut keys: Vec<&str> = data.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

fn expected_unknown() -> Vec<&'static str> {
    let mut keys = REMOVED.to_vec();
    if !SEND {
        keys.push("featured");
    }
    keys.sort_unstable();
    keys
}

#[test]
fn a_removed_field_is_read_as_unknown_and_a_kept_one_as_declared() {
    let device: Device = from_json(device_json().to_string().as_bytes()).unwrap();
    assert_eq!(device.kept.as_deref(), Some("k"));
    assert_eq!(device.kept_required.as_deref(), Some("kr"));
    assert_eq!(device.kept_by_cfg_attr, Some(2));
    assert_eq!(device.model.as_deref(), Some("m"));
    #[cfg(feature = "send")]
    assert_eq!(device.featured.as_deref(), Some("f"));
    assert_eq!(kept_as_unknown(&device.additional_data), expected_unknown());
    // Nothing is lost either way.
    assert_eq!(serde_json::to_value(&device).unwrap(), device_json());
}

#[test]
fn create_and_update_types_leave_removed_fields_out() {
    let create = DeviceCreate {
        kept: Some("k".into()),
        #[cfg(feature = "send")]
        featured: None,
        kept_required: "kr".into(),
        kept_by_cfg_attr: None,
        model: None,
        additional_data: Default::default(),
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({"@odata.type": "#microsoft.graph.device", "kept": "k", "keptRequired": "kr"})
    );
    let create: DeviceCreate = from_json(device_json().to_string().as_bytes()).unwrap();
    assert_eq!(create.kept_required, "kr");
    assert_eq!(kept_as_unknown(&create.additional_data), expected_unknown());

    let update = DeviceUpdate {
        kept: Patch::Set("k".into()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"@odata.type": "#microsoft.graph.device", "kept": "k"})
    );
    let update: DeviceUpdate = from_json(device_json().to_string().as_bytes()).unwrap();
    assert_eq!(update.model, Patch::Set("m".into()));
    assert_eq!(kept_as_unknown(&update.additional_data), expected_unknown());
}

#[graph_entity("tablet", base = "Device")]
#[derive(Debug, Clone, PartialEq)]
pub struct Tablet {
    /// Redeclares the base's `kept`, which is an error, but never exists.
    #[cfg(any())]
    pub kept: Option<String>,
    #[cfg(all())]
    pub pen: Option<bool>,
}

#[test]
fn a_derived_type_checks_only_the_fields_it_has() {
    let tablet: Tablet =
        from_json(br##"{"@odata.type": "#microsoft.graph.tablet", "kept": "k", "pen": true}"##)
            .unwrap();
    assert_eq!(tablet.kept.as_deref(), Some("k"));
    assert_eq!(tablet.pen, Some(true));
    let update = TabletUpdate {
        pen: Patch::Clear,
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"@odata.type": "#microsoft.graph.tablet", "pen": null})
    );
}

#[graph_complex("place")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    pub name: Option<String>,
}

/// A derived type whose every own field is removed.
#[graph_complex("room", base = "Place")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Room {
    #[cfg(any())]
    pub capacity: Option<i32>,
}

#[test]
fn a_derived_complex_type_without_its_fields_reads_them_as_unknown() {
    let room: Room =
        from_json(br##"{"@odata.type": "#microsoft.graph.room", "name": "A", "capacity": 3}"##)
            .unwrap();
    assert_eq!(room.name.as_deref(), Some("A"));
    assert_eq!(room.additional_data["capacity"], 3);
}

#[graph_enum("deviceKind")]
#[derive(Debug, Clone, PartialEq)]
pub enum DeviceKind {
    #[cfg(any())]
    Removed,
    #[cfg(all())]
    Kept,
    #[cfg(feature = "send")]
    Featured,
    #[cfg_attr(all(), cfg(any()))]
    RemovedByCfgAttr,
    /// Maps to `kept` as well, but never exists.
    #[cfg(any())]
    #[graph(rename = "kept")]
    KeptAgain,
    #[graph(other)]
    Other(String),
}

#[test]
fn a_removed_member_reads_as_unknown() {
    let mut members = vec!["kept"];
    if SEND {
        members.push("featured");
    }
    assert_eq!(DeviceKind::MEMBERS, members);
    assert_eq!(DeviceKind::from_wire("kept"), Some(DeviceKind::Kept));
    for removed in ["removed", "removedByCfgAttr"] {
        assert_eq!(
            DeviceKind::from_wire(removed),
            Some(DeviceKind::Other(removed.into()))
        );
    }
    assert_eq!(
        DeviceKind::from_wire("featured").unwrap().as_str(),
        "featured"
    );
    #[cfg(feature = "send")]
    assert_eq!(
        DeviceKind::from_wire("featured"),
        Some(DeviceKind::Featured)
    );
    assert_eq!(DeviceKind::Kept.as_str(), "kept");
}

#[graph_enum("strictKind")]
#[derive(Debug, Clone, PartialEq)]
pub enum StrictKind {
    Known,
    #[cfg(any())]
    #[graph(other)]
    Other(String),
}

#[graph_enum("openKind")]
#[derive(Debug, Clone, PartialEq)]
pub enum OpenKind {
    Known,
    #[cfg(all())]
    #[graph(other)]
    Other(String),
}

#[test]
fn a_removed_other_variant_makes_unknown_members_errors() {
    assert_eq!(StrictKind::from_wire("known"), Some(StrictKind::Known));
    assert_eq!(StrictKind::from_wire("newer"), None);
    assert!("newer".parse::<StrictKind>().is_err());
    assert_eq!(
        OpenKind::from_wire("newer"),
        Some(OpenKind::Other("newer".into()))
    );
    assert_eq!(OpenKind::Other("newer".into()).as_str(), "newer");
}

// Endpoints inside one `graph_endpoint!` are the macro's to gate: rustc
// never sees them as items before it runs.
graph_endpoint! {
    #[cfg_attr(all(), cfg(any()))]
    pub GetRemoved {
        method: GET,
        path: "/removed",
        response: DoesNotExist,
    }
    #[cfg_attr(any(), cfg(any()))]
    pub GetKept {
        method: GET,
        path: "/kept",
        response: Device,
    }
}

#[test]
fn cfg_inside_cfg_attr_gates_an_endpoint() {
    // The removed endpoint names a type that does not exist; the kept one is whole.
    assert_eq!(GetKept::PATH_TEMPLATE, "/kept");
    assert_eq!(GetKept::new().path().unwrap(), "/kept");
}

/// How binding generators pass a field's type: as a `$t:ty` fragment, which
/// reaches the macro wrapped in an invisible group.
macro_rules! printer {
    ($($field:ident: $t:ty),*) => {
        #[graph_entity("printer")]
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Printer {
            #[graph(required)]
            pub display_name: Option<String>,
            $(pub $field: $t,)*
        }
    };
}

macro_rules! scanner {
    ($t:ty) => {
        #[graph_entity("scanner")]
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Scanner {
            #[graph(required)]
            pub display_name: $t,
            pub location: $t,
            pub full_path: std::option::Option<$t>,
        }
    };
}

printer!(location: Option<String>, model: core::option::Option<i32>);
scanner!(Option<String>);

#[test]
fn an_option_passed_as_ty_is_still_an_option() {
    // The type annotations are the test: they compile only if the
    // fragment's `Option` was recognised.
    let update = PrinterUpdate {
        location: Patch::<String>::Set("hall".into()),
        model: Patch::<i32>::Clear,
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"@odata.type": "#microsoft.graph.printer", "location": "hall", "model": null})
    );

    let create = ScannerCreate {
        display_name: String::from("Scanner"),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({"@odata.type": "#microsoft.graph.scanner", "displayName": "Scanner"})
    );
    let update = ScannerUpdate {
        display_name: Patch::<String>::Set("S".into()),
        location: Patch::<String>::Clear,
        full_path: Patch::<Option<String>>::Set(None),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({
            "@odata.type": "#microsoft.graph.scanner",
            "displayName": "S",
            "location": null,
            "fullPath": null
        })
    );
}
