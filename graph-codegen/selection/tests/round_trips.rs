//! The generated bindings write back what they read: the shapes issue 19
//! found changed by a round trip, through the generated types.

use graph_core::{from_json, to_json, JsonValue};
use graph_selection::graph::{AnyIdentity, AnyIdentitySet, DriveItem, Group};

/// Reads `$text` as `$ty`, and gives the value and what it writes, as JSON.
/// A macro: this crate names serde only through graph-core.
macro_rules! round_trip {
    ($ty:ty, $text:expr) => {{
        let value: $ty = from_json($text.as_bytes()).unwrap();
        let written: JsonValue = from_json(&to_json(&value).unwrap()).unwrap();
        (value, written)
    }};
}

/// `driveItem.publication.checkedOutBy.application` is an `identity`, a type
/// with derived types, which Graph sends without `@odata.type`: it used to
/// gain one, as did the `identitySet` around it and the item itself.
#[test]
fn a_drive_item_checked_out_by_an_application_gains_no_type() {
    let text = r#"{
        "id": "01BYE5RZ",
        "name": "Report.docx",
        "publication": {
            "level": "checkout",
            "versionId": "1.0",
            "checkedOutBy": {
                "application": {"id": "4a1e", "displayName": "Word"},
                "user": {"id": "efee1b77", "displayName": "Megan Bowen"}
            }
        },
        "createdBy": {"user": {"id": "efee1b77", "displayName": null}}
    }"#;
    let (item, written) = round_trip!(DriveItem, text);
    assert_eq!(written, from_json::<JsonValue>(text.as_bytes()).unwrap());
    let Some(AnyIdentitySet::Other(checked_out_by)) = item
        .publication
        .as_ref()
        .and_then(|publication| publication.checked_out_by.as_ref())
    else {
        panic!("{item:?}")
    };
    assert!(matches!(
        checked_out_by.application,
        Some(AnyIdentity::Other(_))
    ));
}

/// Graph's "Create group" answer sends `null` for what is not set.
#[test]
fn a_group_keeps_its_null_members() {
    let text = r#"{
        "id": "b320ee12-b1cd-4cca-b648-a437be61c5cd",
        "deletedDateTime": null,
        "classification": null,
        "description": "Self help community for library",
        "displayName": "Library Assist",
        "expirationDateTime": null,
        "groupTypes": ["Unified"],
        "mail": "library7423@contoso.com",
        "mailEnabled": true,
        "membershipRule": null
    }"#;
    let (group, written) = round_trip!(Group, text);
    assert_eq!(written, from_json::<JsonValue>(text.as_bytes()).unwrap());
    assert_eq!(group.classification, None);
}
