//! Round trips write back what they read, no more and no less: a value read
//! without `@odata.type` is written without it, at any depth and whatever
//! variant of a `#[graph_polymorphic]` enum holds it, and a declared property
//! received as `null` is written back as `null`, in its place. A value built
//! in code still writes what Graph needs: an entity and a derived type their
//! `@odata.type`, and a `None` nothing.

use graph_core::{
    from_json, graph_complex, graph_entity, graph_polymorphic, to_json, AdditionalData, Patch,
    Polymorphic,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

#[graph_complex("identity")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Identity {
    pub id: Option<String>,
    pub display_name: Option<String>,
}

#[graph_complex("userIdentity", base = "Identity")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UserIdentity {
    pub ip_address: Option<String>,
    pub user_principal_name: Option<String>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyIdentity {
    User(UserIdentity),
    #[graph(other)]
    Other(Identity),
}

#[graph_complex("identitySet")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdentitySet {
    pub application: Option<AnyIdentity>,
    pub user: Option<AnyIdentity>,
}

#[graph_complex("publicationFacet")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PublicationFacet {
    pub level: Option<String>,
    pub checked_out_by: Option<IdentitySet>,
}

#[graph_entity("directoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<String>,
}

#[graph_entity("group", base = "DirectoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub classification: Option<String>,
    pub display_name: Option<String>,
    pub mail_enabled: Option<bool>,
    pub publication: Option<PublicationFacet>,
    pub created_by: Option<AnyIdentity>,
}

#[graph_entity("driveItem")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DriveItem {
    pub name: Option<String>,
    pub publication: Option<PublicationFacet>,
    pub size: Option<i64>,
}

fn round_trip<T>(text: &str) -> (T, Value)
where
    T: serde::Serialize + for<'de> serde::Deserialize<'de>,
{
    let value: T = from_json(text.as_bytes()).unwrap();
    let written = to_json(&value).unwrap();
    (value, serde_json::from_slice(&written).unwrap())
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

// ---- @odata.type: written back only where it was read ----

/// v1.0's `driveItem.publication.checkedOutBy.application` is an `identity`,
/// which Graph sends without `@odata.type`; the enum reads it as its base,
/// and writes it back as it came.
#[test]
fn a_nested_base_read_without_odata_type_is_written_without_it() {
    let text = r#"{"id":"01","name":"a.docx","publication":{"level":"checkout","checkedOutBy":{"application":{"id":"1","displayName":"Word"},"user":{"displayName":"Megan"}}}}"#;
    let (item, written) = round_trip::<DriveItem>(text);
    assert_eq!(written, parsed(text));
    let application = item
        .publication
        .unwrap()
        .checked_out_by
        .unwrap()
        .application;
    let Some(AnyIdentity::Other(identity)) = &application else {
        panic!("{application:?}")
    };
    assert_eq!(identity.display_name.as_deref(), Some("Word"));
    // Reading it back gives the same value: the enum reads an absent type as
    // its base.
    assert_eq!(
        application.unwrap().odata_type(),
        "#microsoft.graph.identity"
    );
}

#[test]
fn an_entity_read_without_odata_type_is_written_without_it() {
    let text = r#"{"id":"1","name":"a.docx","size":3}"#;
    let (_, written) = round_trip::<DriveItem>(text);
    assert_eq!(written, parsed(text));
    // A derived one as well, read on its own.
    let text = r#"{"id":"1","displayName":"Sales","deletedDateTime":"2020-01-01"}"#;
    let (group, written) = round_trip::<Group>(text);
    assert_eq!(written, parsed(text));
    assert_eq!(group.display_name.as_deref(), Some("Sales"));
}

#[test]
fn a_value_read_with_odata_type_is_written_with_it() {
    for text in [
        r##"{"@odata.type":"#microsoft.graph.driveItem","id":"1","name":"a.docx"}"##,
        r##"{"@odata.type":"#microsoft.graph.group","id":"1","displayName":"Sales"}"##,
        r##"{"@odata.type":"#microsoft.graph.identity","displayName":"Word"}"##,
        r##"{"@odata.type":"#microsoft.graph.userIdentity","displayName":"Megan","ipAddress":"::1"}"##,
    ] {
        if text.contains("driveItem") {
            assert_eq!(round_trip::<DriveItem>(text).1, parsed(text));
        } else if text.contains("group") {
            assert_eq!(round_trip::<Group>(text).1, parsed(text));
        } else {
            assert_eq!(round_trip::<AnyIdentity>(text).1, parsed(text), "{text}");
        }
    }
}

/// A value built in code has no `@odata.type` to write back, so it writes
/// what Graph needs to tell what it is.
#[test]
fn a_value_built_in_code_writes_its_type_where_graph_needs_it() {
    let group = Group {
        display_name: Some("Sales".into()),
        ..Default::default()
    };
    assert_eq!(
        to_json(&group).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.group","displayName":"Sales"}"##
    );
    let user = AnyIdentity::User(UserIdentity {
        ip_address: Some("::1".into()),
        ..Default::default()
    });
    let written = to_json(&user).unwrap();
    assert_eq!(
        written,
        br##"{"@odata.type":"#microsoft.graph.userIdentity","ipAddress":"::1"}"##
    );
    assert_eq!(from_json::<AnyIdentity>(&written).unwrap(), user);
    // A base complex type built in code writes no type of its own.
    let identity = Identity {
        display_name: Some("Word".into()),
        ..Default::default()
    };
    assert_eq!(to_json(&identity).unwrap(), br#"{"displayName":"Word"}"#);
}

/// What decides is the type the value was read as: a base read without a
/// type, built into a derived value, does not make that value typeless, and
/// a derived value read on its own (where the property's type tells Graph
/// what it is) still names its type once it is one variant among others.
#[test]
fn reading_without_a_type_counts_for_the_type_read_only() {
    let base: Identity = from_json(br#"{"displayName":"Megan"}"#).unwrap();
    let user = AnyIdentity::User(UserIdentity {
        base,
        ip_address: Some("::1".into()),
        ..Default::default()
    });
    let written = to_json(&user).unwrap();
    assert_eq!(
        written,
        br##"{"@odata.type":"#microsoft.graph.userIdentity","displayName":"Megan","ipAddress":"::1"}"##
    );
    assert_eq!(from_json::<AnyIdentity>(&written).unwrap(), user);

    let alone: UserIdentity = from_json(br#"{"displayName":"Megan","ipAddress":"::1"}"#).unwrap();
    assert_eq!(
        to_json(&alone).unwrap(),
        br#"{"displayName":"Megan","ipAddress":"::1"}"#
    );
    let variant = AnyIdentity::from(alone);
    let written = to_json(&variant).unwrap();
    assert_eq!(
        written,
        br##"{"@odata.type":"#microsoft.graph.userIdentity","displayName":"Megan","ipAddress":"::1"}"##
    );
    assert_eq!(from_json::<AnyIdentity>(&written).unwrap(), variant);

    let group: Group = from_json(br#"{"id":"1"}"#).unwrap();
    let directory_object: DirectoryObject = group.base.clone();
    assert_eq!(
        to_json(&directory_object).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.directoryObject","id":"1"}"##
    );
}

/// Whether a value was read with a type decides how it is written, not what
/// it is: values that differ only there compare equal, as before.
#[test]
fn equality_does_not_depend_on_how_the_type_was_read() {
    let typed: AnyIdentity =
        from_json(br##"{"@odata.type":"#microsoft.graph.identity","displayName":"W"}"##).unwrap();
    let untyped: AnyIdentity = from_json(br#"{"displayName":"W"}"#).unwrap();
    assert_eq!(typed, untyped);
    assert_ne!(to_json(&typed).unwrap(), to_json(&untyped).unwrap());
}

#[test]
fn create_types_follow_the_same_rule() {
    let create: GroupCreate = from_json(br#"{"displayName":"Sales"}"#).unwrap();
    assert_eq!(to_json(&create).unwrap(), br#"{"displayName":"Sales"}"#);
    let built = GroupCreate {
        display_name: Some("Sales".into()),
        ..Default::default()
    };
    assert_eq!(
        to_json(&built).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.group","displayName":"Sales"}"##
    );
}

// ---- explicit nulls ----

/// Graph's documented "Create group" response, shortened.
const GROUP: &str = r##"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups/$entity","id":"b320ee12","deletedDateTime":null,"classification":null,"displayName":"Library Assist","mailEnabled":false,"createdBy":null}"##;

#[test]
fn a_declared_property_received_as_null_is_written_back_as_null() {
    let (group, written) = round_trip::<Group>(GROUP);
    assert_eq!(written, parsed(GROUP));
    assert_eq!(group.classification, None);
    assert_eq!(group.deleted_date_time, None);
    // In place: declared properties in their order, the base's first, then
    // what is kept.
    assert_eq!(
        String::from_utf8(to_json(&group).unwrap()).unwrap(),
        r##"{"id":"b320ee12","deletedDateTime":null,"classification":null,"displayName":"Library Assist","mailEnabled":false,"createdBy":null,"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups/$entity"}"##
    );
}

/// The null is recorded in `additional_data` under the property's name, which
/// is how it can be seen, dropped, or asked for in a value built in code.
#[test]
fn the_null_is_kept_in_additional_data_under_the_property_name() {
    let group: Group = from_json(GROUP.as_bytes()).unwrap();
    assert_eq!(
        group.additional_data.get("classification"),
        Some(&Value::Null)
    );
    assert_eq!(group.additional_data.get("createdBy"), Some(&Value::Null));
    assert_eq!(group.additional_data.get("displayName"), None);

    let mut dropped = group.clone();
    dropped.additional_data.remove("classification");
    let written: Value = serde_json::from_slice(&to_json(&dropped).unwrap()).unwrap();
    assert!(written.get("classification").is_none(), "{written}");

    let mut built = DriveItem {
        name: Some("a".into()),
        ..Default::default()
    };
    built.additional_data.insert("size".into(), Value::Null);
    assert_eq!(
        to_json(&built).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.driveItem","name":"a","size":null}"##
    );
}

#[test]
fn a_value_set_after_reading_null_is_written_instead_of_the_null() {
    let mut group: Group = from_json(GROUP.as_bytes()).unwrap();
    group.classification = Some("Low".into());
    group.deleted_date_time = Some("2020-01-01".into());
    let written: Value = serde_json::from_slice(&to_json(&group).unwrap()).unwrap();
    let mut expected = parsed(GROUP);
    expected["classification"] = json!("Low");
    expected["deletedDateTime"] = json!("2020-01-01");
    assert_eq!(written, expected);
    // Once: the value, not the value and the null.
    let text = String::from_utf8(to_json(&group).unwrap()).unwrap();
    assert_eq!(text.matches("\"classification\"").count(), 1, "{text}");
    // And a value read back from that is the value, with nothing kept.
    let again: Group = from_json(text.as_bytes()).unwrap();
    assert_eq!(again.classification.as_deref(), Some("Low"));
}

#[test]
fn nulls_are_kept_at_any_depth_and_in_any_variant() {
    for text in [
        r#"{"id":"1","publication":{"level":null,"checkedOutBy":{"application":null,"user":{"id":null,"displayName":"M"}}}}"#,
        r##"{"id":"1","createdBy":{"@odata.type":"#microsoft.graph.userIdentity","displayName":null,"ipAddress":null}}"##,
        // Before the type, held until the variant is known.
        r##"{"id":"1","createdBy":{"ipAddress":null,"displayName":null,"@odata.type":"#microsoft.graph.userIdentity"}}"##,
        r#"{"id":"1","createdBy":{"displayName":null}}"#,
    ] {
        assert_eq!(round_trip::<Group>(text).1, parsed(text), "{text}");
    }
}

#[test]
fn a_kept_value_other_than_null_under_a_declared_name_is_still_an_error() {
    let mut group = Group::default();
    group
        .additional_data
        .insert("classification".into(), json!("Low"));
    let error = to_json(&group).unwrap_err().to_string();
    assert!(error.contains("holds `classification`"), "{error}");
}

/// An update's `Patch` tells the three apart itself: `null` is `Clear`, sent
/// as `null`; nothing is kept for it.
#[test]
fn update_types_keep_their_own_semantics() {
    let update: GroupUpdate = from_json(br#"{"classification":null}"#).unwrap();
    assert_eq!(update.classification, Patch::Clear);
    assert!(update.additional_data.is_empty());
    assert_eq!(to_json(&update).unwrap(), br#"{"classification":null}"#);
    // A create type keeps its nulls as the entity does.
    let create: GroupCreate = from_json(br#"{"classification":null}"#).unwrap();
    assert_eq!(to_json(&create).unwrap(), br#"{"classification":null}"#);
}

#[test]
fn an_object_without_nulls_keeps_nothing_more() {
    let group: Group = from_json(br#"{"id":"1","displayName":"a"}"#).unwrap();
    assert_eq!(group.additional_data, AdditionalData::new());
}

// ---- properties ----

/// Every member of a group is absent, `null` or a value, in any order, with
/// and without `@odata.type`, nested values included.
fn group_members() -> impl Strategy<Value = Vec<(String, Value)>> {
    fn member(value: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
        prop_oneof![Just(None), Just(Some(Value::Null)), value.prop_map(Some)].boxed()
    }
    let text = || "[a-z]{0,3}".prop_map(Value::from).boxed();
    let identity = (
        proptest::option::of(prop_oneof![
            Just("#microsoft.graph.identity"),
            Just("#microsoft.graph.userIdentity"),
            Just("#microsoft.graph.applicationIdentity"),
        ]),
        member(text()),
        member(text()),
        member(text()),
    )
        .prop_map(|(odata_type, id, name, ip)| {
            let mut object = Map::new();
            if let Some(odata_type) = odata_type {
                object.insert("@odata.type".into(), odata_type.into());
            }
            for (key, value) in [("id", id), ("displayName", name), ("ipAddress", ip)] {
                if let Some(value) = value {
                    object.insert(key.into(), value);
                }
            }
            Value::Object(object)
        })
        .boxed();
    (
        proptest::bool::ANY,
        member(text()),
        member(text()),
        member(any::<bool>().prop_map(Value::from).boxed()),
        member(identity.clone()),
        member(identity),
        member(text()),
    )
        .prop_flat_map(|(typed, id, name, mail, created_by, application, extra)| {
            let mut members = Vec::new();
            if typed {
                members.push(("@odata.type".to_owned(), json!("#microsoft.graph.group")));
            }
            let publication = application
                .map(|application| json!({"checkedOutBy": {"application": application}}));
            for (key, value) in [
                ("id", id),
                ("displayName", name),
                ("mailEnabled", mail),
                ("createdBy", created_by),
                ("publication", publication),
                ("unknownProperty", extra),
            ] {
                if let Some(value) = value {
                    members.push((key.to_owned(), value));
                }
            }
            Just(members).prop_shuffle()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn groups_write_back_what_they_read(members in group_members()) {
        let object: Map<String, Value> = members.iter().cloned().collect();
        let text: Vec<String> = members
            .iter()
            .map(|(key, value)| format!("{}:{value}", Value::from(key.as_str())))
            .collect();
        let text = format!("{{{}}}", text.join(","));
        let (group, written) = round_trip::<Group>(&text);
        prop_assert_eq!(&written, &Value::Object(object));
        // And once more: what was written reads back to the same value.
        let again: Group = from_json(&to_json(&group).unwrap()).unwrap();
        prop_assert_eq!(again, group);
    }
}
