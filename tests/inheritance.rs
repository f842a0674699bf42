//! Base types beyond `entity`: `message` derives from `outlookItem`, which
//! derives from `entity`; `user` from `directoryObject`. Derived types embed
//! their base, read and write one flat JSON object, and read through to the
//! base's properties.

mod common;

use common::keys_in_order;
use graph_core::{
    graph_complex, graph_entity, graph_enum, graph_polymorphic, DateTimeOffset, Derived, Entity,
    ODataType, Patch,
};
use serde_json::{json, Value};

#[graph_entity("outlookItem", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutlookItem {
    #[graph(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    #[graph(read_only)]
    pub last_modified_date_time: Option<DateTimeOffset>,
    pub change_key: Option<String>,
    pub categories: Option<Vec<String>>,
}

#[graph_complex("emailAddress")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailAddress {
    pub name: Option<String>,
    pub address: Option<String>,
}

#[graph_complex("recipient")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recipient {
    pub email_address: Option<EmailAddress>,
}

#[graph_enum("bodyType")]
#[derive(Debug, Clone, PartialEq)]
pub enum BodyType {
    Text,
    Html,
    #[graph(other)]
    Other(String),
}

#[graph_complex("itemBody")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemBody {
    pub content_type: Option<BodyType>,
    pub content: Option<String>,
}

#[graph_entity("message", base = "OutlookItem")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message {
    pub subject: Option<String>,
    pub body: Option<ItemBody>,
    pub from: Option<Recipient>,
    pub to_recipients: Option<Vec<Recipient>>,
    #[graph(read_only)]
    pub is_read: Option<bool>,
}

/// `GET /me/messages/{id}`, as in the Graph reference (shortened).
const MESSAGE: &str = r#"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('cd209b0b')/messages/$entity",
    "@odata.etag": "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/u+y\"",
    "id": "AAMkAGUAAAwAAA=",
    "createdDateTime": "2019-02-08T21:04:14Z",
    "lastModifiedDateTime": "2019-02-08T21:04:18Z",
    "changeKey": "CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/u+y",
    "categories": [],
    "receivedDateTime": "2019-02-08T21:04:15Z",
    "subject": "Meet for lunch?",
    "body": {
        "contentType": "html",
        "content": "<html><body>The new cafeteria is open.</body></html>"
    },
    "from": {"emailAddress": {"name": "Megan Bowen", "address": "MeganB@contoso.com"}},
    "toRecipients": [
        {"emailAddress": {"name": "Adele Vance", "address": "AdeleV@contoso.com"}}
    ],
    "isRead": false,
    "flag": {"flagStatus": "notFlagged"}
}"#;

#[test]
fn a_derived_entity_reads_its_bases_properties_from_one_flat_object() {
    let message: Message = graph_core::from_json(MESSAGE.as_bytes()).unwrap();
    // Two levels up: `id` from `entity`, through `outlookItem`.
    assert_eq!(message.id.as_deref(), Some("AAMkAGUAAAwAAA="));
    assert_eq!(message.id(), Some("AAMkAGUAAAwAAA="));
    assert_eq!(
        message.created_date_time.as_ref().map(|d| d.as_str()),
        Some("2019-02-08T21:04:14Z")
    );
    assert_eq!(message.base().categories, Some(vec![]));
    assert_eq!(message.subject.as_deref(), Some("Meet for lunch?"));
    assert_eq!(
        message.body.as_ref().and_then(|b| b.content_type.clone()),
        Some(BodyType::Html)
    );
    let from = message.from.as_ref().and_then(|r| r.email_address.as_ref());
    assert_eq!(
        from.and_then(|e| e.address.as_deref()),
        Some("MeganB@contoso.com")
    );
    // What no level declares is kept once, by the root (in key order).
    let kept: Vec<&str> = message.additional_data.keys().map(String::as_str).collect();
    assert_eq!(
        kept,
        ["@odata.context", "@odata.etag", "flag", "receivedDateTime"]
    );
}

#[test]
fn a_derived_entity_writes_one_flat_object_with_its_own_type_first() {
    // Read without `@odata.type`, it is written without one; with one, as
    // a value built in code is, its type comes first.
    let untyped: Message = graph_core::from_json(MESSAGE.as_bytes()).unwrap();
    let written = String::from_utf8(graph_core::to_json(&untyped).unwrap()).unwrap();
    assert!(
        written.starts_with(r##"{"id":"AAMkAGUAAAwAAA=","createdDateTime""##),
        "{written}"
    );
    // Nothing lost, nothing added: the same members.
    let expected: Value = serde_json::from_str(MESSAGE).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), expected);
    let typed = MESSAGE.replacen('{', r##"{"@odata.type": "#microsoft.graph.message","##, 1);
    let message: Message = graph_core::from_json(typed.as_bytes()).unwrap();
    assert_eq!(message, untyped);
    let written = String::from_utf8(graph_core::to_json(&message).unwrap()).unwrap();
    assert!(
        written.starts_with(r##"{"@odata.type":"#microsoft.graph.message","id":"AAMkAGUAAAwAAA=","createdDateTime""##),
        "{written}"
    );
    // Base properties first (root first), then the type's own, then kept.
    let keys = keys_in_order(&written);
    assert_eq!(
        keys,
        [
            "@odata.type",
            "id",
            "createdDateTime",
            "lastModifiedDateTime",
            "changeKey",
            "categories",
            "subject",
            "body",
            "from",
            "toRecipients",
            "isRead",
            "@odata.context",
            "@odata.etag",
            "flag",
            "receivedDateTime",
        ]
    );
}

#[test]
fn base_properties_read_and_write_through_deref() {
    let mut message = Message {
        subject: Some("Hello".into()),
        ..Default::default()
    };
    message.change_key = Some("abc".into());
    message.base_mut().categories = Some(vec!["Red".into()]);
    message
        .additional_data
        .insert("importance".into(), json!("high"));
    assert_eq!(
        graph_core::to_json(&message).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.message","changeKey":"abc","categories":["Red"],"subject":"Hello","importance":"high"}"##
    );
    assert_eq!(Message::ODATA_TYPE, "#microsoft.graph.message");
    assert_eq!(OutlookItem::ODATA_TYPE, "#microsoft.graph.outlookItem");
}

#[test]
fn create_and_update_types_embed_the_bases_create_and_update_types() {
    let create = MessageCreate {
        base: OutlookItemCreate {
            categories: Some(vec!["Blue".into()]),
            ..Default::default()
        },
        subject: Some("Lunch".into()),
        to_recipients: Some(vec![Recipient {
            email_address: Some(EmailAddress {
                address: Some("AdeleV@contoso.com".into()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    // Read-only properties (createdDateTime, isRead) are in neither.
    assert_eq!(
        graph_core::to_json(&create).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.message","categories":["Blue"],"subject":"Lunch","toRecipients":[{"emailAddress":{"address":"AdeleV@contoso.com"}}]}"##
    );
    let update = MessageUpdate {
        base: OutlookItemUpdate {
            categories: Patch::Clear,
            ..Default::default()
        },
        subject: Patch::Set("Lunch at noon".into()),
        ..Default::default()
    };
    assert_eq!(
        graph_core::to_json(&update).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.message","categories":null,"subject":"Lunch at noon"}"##
    );
    let read: MessageUpdate =
        graph_core::from_json(br#"{"changeKey": null, "subject": "x", "other": 1}"#).unwrap();
    assert_eq!(read.change_key, Patch::Clear);
    assert_eq!(read.categories, Patch::Unchanged);
    assert_eq!(read.subject, Patch::Set("x".into()));
    assert_eq!(read.additional_data.get("other"), Some(&json!(1)));
}

#[test]
fn derived_types_implement_their_bases_traits() {
    fn id_of<E: Entity>(entity: &E) -> Option<&str> {
        entity.id()
    }
    fn base_of<D: Derived>(derived: &D) -> &D::Base {
        derived.base()
    }
    let message: Message = graph_core::from_json(MESSAGE.as_bytes()).unwrap();
    assert_eq!(id_of(&message), Some("AAMkAGUAAAwAAA="));
    let item: &OutlookItem = base_of(&message);
    assert_eq!(
        item.change_key.as_deref(),
        Some("CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAW/u+y")
    );
    // `AsRef`-style use through `Deref`.
    let item: &OutlookItem = &message;
    assert_eq!(id_of(item), Some("AAMkAGUAAAwAAA="));
}

#[test]
fn bad_input_in_a_base_property_names_its_path() {
    let error = graph_core::from_json::<Message>(
        br#"{"subject": "x", "createdDateTime": "2019-02-30T00:00:00Z"}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("createdDateTime"), "{error}");
    let error =
        graph_core::from_json::<Message>(br#"{"subject": "x", "subject": "y"}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `subject`"),
        "{error}"
    );
    let error = graph_core::from_json::<Message>(br#"{"id": "1", "id": "2"}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `id`"),
        "{error}"
    );
    let error = graph_core::from_json::<Message>(br##"{"@odata.type": "#microsoft.graph.event"}"##)
        .unwrap_err();
    assert!(
        error.to_string().contains(
            "expected @odata.type `#microsoft.graph.message`, found `#microsoft.graph.event`"
        ),
        "{error}"
    );
}

#[test]
fn kept_data_cannot_repeat_a_property_of_any_level() {
    for key in ["subject", "changeKey", "id"] {
        let mut message = Message::default();
        message.additional_data.insert(key.into(), json!("x"));
        let error = graph_core::to_json(&message).unwrap_err();
        assert!(
            error.to_string().contains(&format!("holds `{key}`")),
            "{error}"
        );
    }
}

// `directoryObject` is concrete: `GET /groups/{id}/members` returns users,
// groups and other directory objects, each with its own `@odata.type`.

#[graph_entity("directoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DirectoryObject {
    pub deleted_date_time: Option<DateTimeOffset>,
}

#[graph_entity("user", base = "DirectoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    pub business_phones: Option<Vec<String>>,
    pub display_name: Option<String>,
    pub mail: Option<String>,
    pub user_principal_name: Option<String>,
}

#[graph_entity("group", base = "DirectoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub display_name: Option<String>,
    pub mail_enabled: Option<bool>,
    pub security_enabled: Option<bool>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyDirectoryObject {
    User(User),
    Group(Group),
    #[graph(other)]
    Other(DirectoryObject),
}

const MEMBERS: &str = r##"{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
  "value": [
    {
      "@odata.type": "#microsoft.graph.user",
      "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
      "businessPhones": ["+1 425 555 0109"],
      "displayName": "Adele Vance",
      "mail": "AdeleV@contoso.com",
      "userPrincipalName": "AdeleV@contoso.com",
      "deletedDateTime": null
    },
    {
      "@odata.type": "#microsoft.graph.group",
      "id": "02bd9fd6-8f93-4758-87c3-1fb73740a315",
      "deletedDateTime": null,
      "displayName": "HR Taskforce",
      "mailEnabled": true,
      "securityEnabled": false
    },
    {
      "@odata.type": "#microsoft.graph.servicePrincipal",
      "id": "1f1fc2f6-a7e4-4c46-b6e5-4c9fe1e0d6a7",
      "appId": "00000003-0000-0000-c000-000000000000",
      "displayName": "Microsoft Graph"
    }
  ]
}"##;

#[test]
fn a_concrete_base_reads_its_derived_types_through_a_polymorphic_enum() {
    let members: graph_core::Collection<AnyDirectoryObject> =
        graph_core::from_json(MEMBERS.as_bytes()).unwrap();
    let [AnyDirectoryObject::User(user), AnyDirectoryObject::Group(group), AnyDirectoryObject::Other(other)] =
        &members.value[..]
    else {
        panic!("{:?}", members.value)
    };
    assert_eq!(user.id(), Some("87d349ed-44d7-43e1-9a83-5f2406dee5bd"));
    assert_eq!(user.deleted_date_time, None);
    assert_eq!(user.display_name.as_deref(), Some("Adele Vance"));
    assert_eq!(group.mail_enabled, Some(true));
    assert_eq!(other.id(), Some("1f1fc2f6-a7e4-4c46-b6e5-4c9fe1e0d6a7"));
    assert_eq!(
        other.additional_data.get("@odata.type"),
        Some(&json!("#microsoft.graph.servicePrincipal"))
    );
    assert_eq!(
        other.additional_data.get("displayName"),
        Some(&json!("Microsoft Graph"))
    );

    // A concrete base read on its own is strict, as any entity is: a
    // derived type's payload names another type.
    let user_json = serde_json::to_vec(&members.value[0]).unwrap();
    let error = graph_core::from_json::<DirectoryObject>(&user_json).unwrap_err();
    assert!(
        error.to_string().contains("expected @odata.type `#microsoft.graph.directoryObject`, found `#microsoft.graph.user`"),
        "{error}"
    );
    // ... and reads its own type.
    let plain: DirectoryObject = graph_core::from_json(
        br##"{"@odata.type": "#microsoft.graph.directoryObject", "id": "x"}"##,
    )
    .unwrap();
    assert_eq!(plain.id(), Some("x"));
    assert!(plain.additional_data.is_empty());
}
