//! `#[graph_entity("...", no_request_types)]`: no create or update type, the
//! entity still reads and writes losslessly, and types derived from it (with
//! or without request types of their own) work.

use graph_core::{from_json, graph_entity, Entity, NoRequestType, ODataType};
use serde_json::{json, Value};

#[graph_entity("directoryObject", no_request_types)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("group", base = "DirectoryObject", no_request_types)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub display_name: Option<String>,
}

// A base with request types, a derived type without.
#[graph_entity("outlookItem")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutlookItem {
    pub change_key: Option<String>,
}

#[graph_entity("event", base = "OutlookItem", no_request_types)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub subject: Option<String>,
}

// A type of the name the create type would have: no clash, as there is none.
pub struct GroupCreate;

fn request_types<E: Entity>() -> (&'static str, &'static str) {
    (
        std::any::type_name::<E::Create>(),
        std::any::type_name::<E::Update>(),
    )
}

#[test]
fn the_entity_names_the_stand_in_as_its_request_types() {
    let none = std::any::type_name::<NoRequestType>();
    assert_eq!(request_types::<DirectoryObject>(), (none, none));
    assert_eq!(request_types::<Group>(), (none, none));
    assert_eq!(request_types::<Event>(), (none, none));
    let with = request_types::<OutlookItem>();
    assert!(with.0.ends_with("OutlookItemCreate"), "{with:?}");
    let _ = GroupCreate;
}

#[test]
fn an_entity_without_request_types_reads_and_writes_losslessly() {
    let input = json!({
        "@odata.type": "#microsoft.graph.group",
        "id": "g1",
        "deletedDateTime": "2024-01-01T00:00:00Z",
        "displayName": "Team",
        "unknownProperty": {"kept": [1, 2]},
        "@odata.etag": "W/\"1\""
    });
    let group: Group = from_json(input.to_string().as_bytes()).unwrap();
    assert_eq!(group.id(), Some("g1"));
    assert_eq!(group.display_name.as_deref(), Some("Team"));
    assert_eq!(
        group.deleted_date_time.as_deref(),
        Some("2024-01-01T00:00:00Z")
    );
    assert_eq!(serde_json::to_value(&group).unwrap(), input);
    assert_eq!(Group::ODATA_TYPE, "#microsoft.graph.group");
}

#[test]
fn a_derived_type_without_request_types_under_a_base_with_them_works() {
    let input = json!({
        "@odata.type": "#microsoft.graph.event",
        "id": "e1",
        "changeKey": "ck",
        "subject": "Standup"
    });
    let event: Event = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(event.change_key.as_deref(), Some("ck"));
    assert_eq!(serde_json::to_value(&event).unwrap(), input);
    // The base keeps its own request types.
    let create = OutlookItemCreate {
        change_key: Some("ck".into()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({"@odata.type": "#microsoft.graph.outlookItem", "changeKey": "ck"})
    );
}

#[test]
fn the_stand_in_has_no_values_to_send() {
    // Uninhabited: a `Vec` of it is always empty, and serializes as such.
    let none: Vec<NoRequestType> = Vec::new();
    assert_eq!(serde_json::to_value(&none).unwrap(), Value::Array(vec![]));
}
