//! Generated code keeps working where the user shadows prelude names and
//! primitive types, and with `crate = "..."` pointing at a re-export.
#![allow(dead_code, non_camel_case_types)]

struct Option;
struct Some;
struct None;
struct Result;
struct Ok;
struct String;
struct Box;
struct Vec;
struct Into;
struct u16;
struct u8;
struct str;

mod sdk {
    pub use graph_core;
}

graph_core::graph_endpoint! {
    pub CreateThing {
        method: POST,
        path: "/things/{thingId}/parts",
        body: graph_core::Reference,
        response: graph_core::JsonValue,
    }
}

graph_core::graph_endpoint! {
    crate = "crate::sdk::graph_core";

    pub GetThing {
        method: GET,
        path: "/things/{thingId}",
        response: graph_core::JsonValue,
    }
}

fn main() {
    use graph_core::Endpoint;
    let create = CreateThing::new("a", graph_core::Reference::new("x"));
    let request = create.to_request("https://graph.microsoft.com/v1.0", "t").unwrap();
    assert_eq!(request.body().as_slice(), br#"{"@odata.id":"x"}"#);
    assert_eq!(GetThing::new("b").path().unwrap(), "/things/b");
}
