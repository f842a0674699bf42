//! The crate graph-codegen writes for names and descriptions that CSDL
//! allows and that once broke the generated code
//! (`graph-codegen/tests/fixtures/unusual-names.xml`, checked in as
//! `graph-codegen/unusual` and kept fresh by graph-codegen's
//! `selection_fresh` test). That it compiles, with every area on, is half
//! of the test; here its names map to Graph's on the wire.

use graph_core::{from_json, to_json, Endpoint, JsonValue};
use graph_unusual::endpoints::{self_ as cafe_set, users, users_2};
use graph_unusual::graph::{Cafu00e9, Holder, Status};
use serde_json::json;

const ROOT: &str = "https://graph.microsoft.com/v1.0";

#[test]
fn unicode_hyphenated_and_id_like_properties_keep_their_graph_names() {
    let wire = json!({
        "@odata.type": "#microsoft.graph.café",
        "id": "1",
        "naïve": "n",
        "ID": "upper",
        "Id": "title",
        "request-id": "r",
        "status": "café",
        "holder": {"name": "h", "names": ["a"], "text": {"value": "t"}, "next": {"name": "inner"}},
    });
    let read: Cafu00e9 = from_json(&to_json(&wire).unwrap()).unwrap();
    assert_eq!(read.id.as_deref(), Some("1"));
    assert_eq!(read.nau00efve.as_deref(), Some("n"));
    assert_eq!(read.id_property.as_deref(), Some("upper"));
    assert_eq!(read.id_property_2.as_deref(), Some("title"));
    assert_eq!(read.request_id.as_deref(), Some("r"));
    assert_eq!(read.status, Some(Status::Cafu00e9));
    let holder = read.holder.as_ref().unwrap();
    // `name` is a std `String`, though the module declares a type `String`.
    let name: &std::string::String = holder.name.as_ref().unwrap();
    assert_eq!(name, "h");
    assert_eq!(holder.text.as_ref().unwrap().value.as_deref(), Some("t"));
    assert_eq!(holder.next.as_ref().unwrap().name.as_deref(), Some("inner"));
    assert!(
        read.additional_data.is_empty(),
        "{:?}",
        read.additional_data
    );
    let written: JsonValue = from_json(&to_json(&read).unwrap()).unwrap();
    assert_eq!(written, wire);
}

#[test]
fn enum_members_named_like_the_catch_all_stay_apart_from_it() {
    let read: Holder = from_json(br#"{"name": "x"}"#).unwrap();
    assert_eq!(read.name.as_deref(), Some("x"));
    for (wire, member) in [
        ("other", Status::Other),
        ("otherMember", Status::OtherMember),
        ("Self", Status::Self_),
        ("later", Status::OtherMember2("later".into())),
    ] {
        let read: Status = from_json(format!("\"{wire}\"").as_bytes()).unwrap();
        assert_eq!(read, member);
        assert_eq!(to_json(&read).unwrap(), format!("\"{wire}\"").into_bytes());
    }
}

#[test]
fn paths_with_unicode_keyword_and_reserved_names_are_sent_as_graph_spells_them() {
    // The entity set `self`, whose items are `café`s.
    let request = cafe_set::GetSelfItem::new("a/b")
        .to_request(ROOT, "token")
        .unwrap();
    assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/self/a%2Fb");
    // A contained navigation property named `cafés` (`Users` took the
    // unnumbered names first).
    let request = users_2::ListUsersCafu00e9s2::new("u")
        .to_request(ROOT, "token")
        .unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/users/u/caf%C3%A9s"
    );
}

#[test]
fn keyword_function_parameters_and_actions_named_like_bodies_work() {
    let lookup = users::UsersItemLookup::new(
        "u",
        Some("a".to_owned()),
        Some("b".to_owned()),
        Some("c".to_owned()),
        Some("d".to_owned()),
        Some("e".to_owned()),
    );
    let request = lookup.to_request(ROOT, "token").unwrap();
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/v1.0/Users/u/lookup(self='a',super='b',crate='c',Self='d',type='e')"
    );
    // `send` beside `sendBody`: the first's body struct is `…SendBody`, so
    // the second endpoint is `…SendBody2`.
    let send = users::UsersItemSend::new(
        "u",
        users::UsersItemSendBody {
            note: Some("n".into()),
        },
    );
    let send_body = users::UsersItemSendBody2::new(
        "u",
        users::UsersItemSendBody2Body {
            note: Some("m".into()),
        },
    );
    let sent = send.to_request(ROOT, "token").unwrap();
    assert_eq!(sent.uri(), "https://graph.microsoft.com/v1.0/Users/u/send");
    assert_eq!(sent.body(), br#"{"note":"n"}"#);
    let sent = send_body.to_request(ROOT, "token").unwrap();
    assert_eq!(
        sent.uri(),
        "https://graph.microsoft.com/v1.0/Users/u/sendBody"
    );
}

#[test]
fn colliding_namespaces_each_keep_their_module() {
    let camel = graph_unusual::call_records::Record {
        camel: Some("c".into()),
        ..Default::default()
    };
    let snake = graph_unusual::call_records_2::Record {
        snake: Some("s".into()),
        ..Default::default()
    };
    let thing = graph_unusual::lib_ns::Thing::default();
    let point = graph_unusual::endpoints_ns::Point::default();
    assert_eq!(to_json(&camel).unwrap(), br#"{"camel":"c"}"#);
    assert_eq!(to_json(&snake).unwrap(), br#"{"snake":"s"}"#);
    assert_eq!(to_json(&thing).unwrap(), b"{}");
    assert_eq!(to_json(&point).unwrap(), b"{}");
}
