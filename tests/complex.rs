//! Complex types: structured values with no `id` and no create type, nested
//! in entities and collections; `@odata.type` optional on the wire and
//! written only when asked for.

use graph_core::{graph_complex, graph_entity, ComplexType};
use serde_json::json;

#[graph_complex("emailAddress")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmailAddress {
    pub name: Option<String>,
    pub address: Option<String>,
}

/// `identity` has a property named `id`; in a complex type it is an ordinary
/// property.
#[graph_complex("identity")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Identity {
    pub id: Option<String>,
    pub display_name: Option<String>,
}

/// A complex type written with its `@odata.type`, as some Graph APIs want.
#[graph_complex("microsoft.graph.security.fileHash", write_type)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FileHash {
    pub hash_value: String,
    pub algorithm: Option<String>,
}

#[graph_entity("contact")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub display_name: Option<String>,
    pub email_addresses: Option<Vec<EmailAddress>>,
    #[graph(read_only)]
    pub created_by: Option<Identity>,
}

/// `GET /me/contacts/{id}` (shortened from the Graph reference).
const CONTACT: &str = r##"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('1')/contacts/$entity",
    "@odata.etag": "W/\"EQAAABYAAACv7At+2dQ0TJwe7VeWLiXmAAAAHM6Q\"",
    "id": "AAMkAGI2THk0AAA=",
    "displayName": "Pavel Bansky",
    "emailAddresses": [
        {"address": "pavelb@a830edad9050849NDA1.onmicrosoft.com", "name": "Pavel Bansky"},
        {"@odata.type": "#microsoft.graph.emailAddress", "address": "pavel@contoso.com"},
        {"address": "p@example.com", "name": "P", "isPrimary": true}
    ],
    "createdBy": {"id": "0c1c", "displayName": "Megan", "@odata.type": "microsoft.graph.identity"}
}"##;

#[test]
fn complex_values_nest_in_entities_and_collections() {
    let contact: Contact = graph_core::from_json(CONTACT.as_bytes()).unwrap();
    let addresses = contact.email_addresses.as_deref().unwrap();
    assert_eq!(addresses.len(), 3);
    assert_eq!(addresses[0].name.as_deref(), Some("Pavel Bansky"));
    assert_eq!(addresses[1].address.as_deref(), Some("pavel@contoso.com"));
    // Unknown properties of a complex value are kept in its own map.
    assert_eq!(
        addresses[2].additional_data.get("isPrimary"),
        Some(&json!(true))
    );
    let created_by = contact.created_by.as_ref().unwrap();
    assert_eq!(created_by.id.as_deref(), Some("0c1c"));
}

#[test]
fn complex_values_write_odata_type_only_when_asked_or_received() {
    let contact: Contact = graph_core::from_json(CONTACT.as_bytes()).unwrap();
    let written: serde_json::Value =
        serde_json::from_slice(&graph_core::to_json(&contact).unwrap()).unwrap();
    // Nothing lost and nothing added: a complex value that received an
    // `@odata.type` keeps it (as received, `#` or not) and writes it back,
    // and the contact, received without one, is written without one.
    let expected: serde_json::Value = serde_json::from_str(CONTACT).unwrap();
    assert_eq!(written, expected);
    let addresses = contact.email_addresses.as_deref().unwrap();
    assert_eq!(
        addresses[1].additional_data.get("@odata.type"),
        Some(&json!("#microsoft.graph.emailAddress"))
    );
    assert!(addresses[0].additional_data.is_empty());

    let address = EmailAddress {
        address: Some("a@b.c".into()),
        ..Default::default()
    };
    assert_eq!(
        graph_core::to_json(&address).unwrap(),
        br#"{"address":"a@b.c"}"#
    );
    let hash = FileHash {
        hash_value: "e3b0".into(),
        ..Default::default()
    };
    assert_eq!(
        graph_core::to_json(&hash).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.security.fileHash","hashValue":"e3b0"}"##
    );
}

#[test]
fn complex_values_are_sent_whole_inside_an_entitys_create_type() {
    fn is_complex<T: ComplexType>() -> &'static str {
        T::ODATA_TYPE
    }
    assert_eq!(
        is_complex::<EmailAddress>(),
        "#microsoft.graph.emailAddress"
    );
    assert_eq!(
        is_complex::<FileHash>(),
        "#microsoft.graph.security.fileHash"
    );
    let create = ContactCreate {
        display_name: Some("Pavel".into()),
        email_addresses: Some(vec![EmailAddress {
            name: Some("Pavel".into()),
            address: Some("pavel@contoso.com".into()),
            additional_data: Default::default(),
        }]),
        additional_data: Default::default(),
    };
    assert_eq!(
        graph_core::to_json(&create).unwrap(),
        br##"{"@odata.type":"#microsoft.graph.contact","displayName":"Pavel","emailAddresses":[{"name":"Pavel","address":"pavel@contoso.com"}]}"##
    );
}

#[test]
fn bad_complex_values_name_their_path() {
    let error = graph_core::from_json::<Contact>(
        br##"{"emailAddresses": [{"address": "a"}, {"@odata.type": "#microsoft.graph.physicalAddress"}]}"##,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("emailAddresses[1]"), "{error}");
    assert!(error.contains("expected @odata.type `#microsoft.graph.emailAddress`, found `#microsoft.graph.physicalAddress`"), "{error}");

    let error = graph_core::from_json::<FileHash>(br#"{"algorithm": "sha256"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("missing field `hashValue`"), "{error}");
    let error = graph_core::from_json::<Contact>(br#"{"createdBy": {"id": 5}}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("createdBy.id"), "{error}");
    let error = graph_core::from_json::<Contact>(br#"{"emailAddresses": ["a@b.c"]}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("emailAddresses[0]"), "{error}");
    assert!(
        error.contains("a JSON object of type #microsoft.graph.emailAddress"),
        "{error}"
    );
}
