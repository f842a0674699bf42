//! Legal inputs the macros used to reject or mishandle:
//! `response: ()` on an endpoint, an `other` variant holding something other
//! than a `String`, and a `rename` that contains `{...}` on a derived type.

use std::borrow::Cow;
use std::sync::Arc;

use graph_core::http::{Method, Response};
use graph_core::{
    from_json, graph_complex, graph_endpoint, graph_entity, graph_enum, to_json, Endpoint,
    GraphError,
};
use serde_json::{json, Value};

graph_endpoint! {
    /// Graph documents `204 No Content` for a delete.
    pub DeleteMessage {
        method: DELETE,
        path: "/users/{userId}/messages/{messageId}",
        response: (),
    }

    /// An action: some services answer 200 with a body, others 204.
    pub WipeDevice {
        method: POST,
        path: "/deviceManagement/managedDevices/{managedDeviceId}/wipe",
        body: Value,
        response: (),
    }
}

macro_rules! endpoint_with_response {
    ($name:ident, $response:ty) => {
        graph_endpoint! {
            pub $name { method: POST, path: "/me/sendMail", body: Value, response: $response }
        }
    };
}
endpoint_with_response!(SendMail, ());

fn answer(status: u16, body: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn unit_response_accepts_an_empty_204() {
    DeleteMessage::parse_response(answer(204, "")).unwrap();
    WipeDevice::parse_response(answer(204, "")).unwrap();
    SendMail::parse_response(answer(202, "")).unwrap();
}

#[test]
fn unit_response_ignores_the_body_of_any_2xx() {
    DeleteMessage::parse_response(answer(200, "")).unwrap();
    WipeDevice::parse_response(answer(
        200,
        r#"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.Null"}"#,
    ))
    .unwrap();
    SendMail::parse_response(answer(200, "not JSON at all")).unwrap();
}

#[test]
fn unit_response_still_reports_errors() {
    let error = DeleteMessage::parse_response(answer(
        404,
        r#"{"error": {"code": "ErrorItemNotFound", "message": "The specified object was not found in the store."}}"#,
    ))
    .unwrap_err();
    match error {
        GraphError::Api(error) => assert_eq!(error.code, "ErrorItemNotFound"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unit_response_is_a_response_without_content() {
    // `response: ()` is `response` left out: the status without content.
    assert_eq!(WipeDevice::SUCCESS_STATUS, 204);
    assert_eq!(SendMail::SUCCESS_STATUS, 204);
    assert_eq!(DeleteMessage::METHOD, Method::DELETE);
}

#[graph_enum("deviceType")]
#[derive(Debug, Clone, PartialEq)]
pub enum CowDeviceType {
    Desktop,
    #[graph(other)]
    Other(Cow<'static, str>),
}

#[graph_enum("deviceType")]
#[derive(Debug, Clone, PartialEq)]
pub enum BoxedDeviceType {
    Desktop,
    #[graph(other)]
    Other(Box<str>),
}

#[graph_enum("deviceType", flags)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SharedDeviceType {
    Desktop,
    #[graph(other)]
    Other(Arc<str>),
}

#[test]
fn other_variant_holds_any_owned_string_type() {
    let known: CowDeviceType = from_json(br#""desktop""#).unwrap();
    assert_eq!(known, CowDeviceType::Desktop);
    let unknown: CowDeviceType = from_json(br#""holoLens""#).unwrap();
    assert_eq!(unknown, CowDeviceType::Other(Cow::Borrowed("holoLens")));
    assert_eq!(to_json(&unknown).unwrap(), br#""holoLens""#);
    assert_eq!(
        CowDeviceType::Other(Cow::Borrowed("surfaceHub")).as_str(),
        "surfaceHub"
    );

    let boxed: BoxedDeviceType = "holoLens".parse().unwrap();
    assert_eq!(boxed, BoxedDeviceType::Other("holoLens".into()));
    assert_eq!(boxed.to_string(), "holoLens");

    let flags: graph_core::Flags<SharedDeviceType> = from_json(br#""desktop,holoLens""#).unwrap();
    assert!(flags.contains(&SharedDeviceType::Desktop));
    assert!(flags.contains(&SharedDeviceType::Other("holoLens".into())));
    assert_eq!(to_json(&flags).unwrap(), br#""desktop,holoLens""#);
}

#[graph_entity("base")]
#[derive(Debug, Default, PartialEq)]
pub struct Base {
    #[graph(rename = "{0}")]
    pub positional: Option<String>,
}

#[graph_entity("derived", base = "Base")]
#[derive(Debug, Default, PartialEq)]
pub struct Derived {
    #[graph(rename = "a{b}c")]
    pub braced: Option<String>,
    #[graph(rename = "}{")]
    pub reversed: Option<String>,
}

#[graph_complex("identity")]
#[derive(Debug, Default, PartialEq)]
pub struct Identity {
    #[graph(rename = "{0}")]
    pub positional: Option<String>,
}

#[graph_complex("userIdentity", base = "Identity")]
#[derive(Debug, Default, PartialEq)]
pub struct UserIdentity {
    #[graph(rename = "{}")]
    pub empty_braces: Option<i32>,
}

#[test]
fn braces_in_renamed_properties_of_derived_types() {
    let body = json!({
        "@odata.type": "#microsoft.graph.derived",
        "{0}": "zero",
        "a{b}c": "abc",
        "}{": "reversed",
    });
    let derived: Derived = from_json(body.to_string().as_bytes()).unwrap();
    assert_eq!(derived.positional.as_deref(), Some("zero"));
    assert_eq!(derived.braced.as_deref(), Some("abc"));
    assert_eq!(derived.reversed.as_deref(), Some("reversed"));
    assert!(derived.additional_data.is_empty());
    let written: Value = serde_json::from_slice(&to_json(&derived).unwrap()).unwrap();
    assert_eq!(written["a{b}c"], "abc");

    let identity: UserIdentity = from_json(br#"{"{0}": "zero", "{}": 1}"#).unwrap();
    assert_eq!(identity.positional.as_deref(), Some("zero"));
    assert_eq!(identity.empty_braces, Some(1));
}
