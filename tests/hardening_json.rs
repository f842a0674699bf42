//! Issue #13, points 3 and 4: error paths of members held by a polymorphic
//! read, keys shortened in error paths.

use std::collections::HashMap;

use graph_core::{
    from_json, graph_complex, graph_entity, graph_polymorphic, Collection, GraphError,
};

#[graph_complex("dimensions")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dimensions {
    pub width: Option<i32>,
    pub height: Option<i32>,
}

#[graph_complex("label")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Label {
    pub text: String,
}

#[graph_entity("thing", abstract)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Thing {
    pub name: Option<String>,
    pub size: Option<Dimensions>,
    pub labels: Option<Vec<Label>>,
    pub parts: Option<Vec<AnyThing>>,
}

#[graph_entity("special", base = "Thing")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Special {
    pub rank: Option<i32>,
}

#[graph_polymorphic]
#[derive(Debug, Clone, PartialEq)]
pub enum AnyThing {
    Special(Special),
    #[graph(other)]
    Other(Thing),
}

const SPECIAL: &str = "\"@odata.type\": \"#microsoft.graph.special\"";

fn decode_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> (String, String) {
    match from_json::<T>(json.as_bytes()) {
        Err(GraphError::Decode { path, message }) => (path, message),
        other => panic!("expected a decode error for {json}, got {other:?}"),
    }
}

// Point 3: a member held until `@odata.type` is read is reported at its
// own path, not at `@odata.type` (the input is past the member by then).

#[test]
fn a_member_held_before_the_type_is_reported_at_its_path() {
    let cases = [
        (
            format!(r#"{{"value": [{{"rank": "x", {SPECIAL}}}]}}"#),
            "value[0].rank",
        ),
        // Pretty-printed, nested, after a good item.
        (
            format!(
                "{{\n  \"value\": [\n    {{{SPECIAL}}},\n    {{\n      \"@odata.etag\": \"1\",\n      \"size\": 5,\n      {SPECIAL},\n      \"name\": \"n\"\n    }}\n  ]\n}}"
            ),
            "value[1].size",
        ),
        // No `@odata.type` at all: the whole object was held, and the
        // fallback reads it.
        (r#"{"value": [{}, {"name": 7}]}"#.to_owned(), "value[1].name"),
        // A key repeated among the held members.
        (
            format!(r#"{{"value": [{{"x": 1, "x": 2, {SPECIAL}}}]}}"#),
            "value[0].x",
        ),
        (
            format!(r#"{{"value": [{{"rank": 1, {SPECIAL}, "rank": 2}}]}}"#),
            "value[0].rank",
        ),
        // Inside a held member: a value, a missing field, an element.
        (
            format!(r#"{{"value": [{{"size": {{"height": 1, "width": "x"}}, {SPECIAL}}}]}}"#),
            "value[0].size.width",
        ),
        (
            format!(r#"{{"value": [{{"labels": [{{"text": "a"}}, {{}}], {SPECIAL}}}]}}"#),
            "value[0].labels[1]",
        ),
        (
            format!(r#"{{"value": [{{"labels": [{{"text": "a"}}, 7], {SPECIAL}}}]}}"#),
            "value[0].labels[1]",
        ),
        (
            r#"{"value": [{"labels": [{"text": "a"}, {"text": false}]}]}"#.to_owned(),
            "value[0].labels[1].text",
        ),
        // A polymorphic value inside a held member, holding a member itself.
        (
            format!(r#"{{"value": [{{"parts": [{{}}, {{"labels": [{{"text": 1}}], {SPECIAL}}}], {SPECIAL}}}]}}"#),
            "value[0].parts[1].labels[0].text",
        ),
        (
            r#"{"value": [{"parts": [{"parts": [{"name": 1}]}]}]}"#.to_owned(),
            "value[0].parts[0].parts[0].name",
        ),
    ];
    for (json, expected) in cases {
        let (path, message) = decode_error::<Collection<AnyThing>>(&json);
        assert_eq!(path, expected, "{json}: {message}");
        assert!(!message.contains("@odata.type"), "{json}: {message}");
    }
}

#[test]
fn a_member_held_at_the_top_level_is_reported_at_its_key() {
    let (path, _) = decode_error::<AnyThing>(&format!(r#"{{"rank": "x", {SPECIAL}}}"#));
    assert_eq!(path, "rank");
    let (path, _) = decode_error::<AnyThing>(r#"{"name": 7}"#);
    assert_eq!(path, "name");
    // Any key, escaped in the text and with the backticks that delimit it
    // in the message.
    let (path, _) =
        decode_error::<AnyThing>(&format!(r#"{{"a`\"b``": 1, "a`\"b``": 2, {SPECIAL}}}"#));
    assert_eq!(path, "a`\"b``");
}

#[test]
fn without_from_json_the_message_still_names_the_held_member() {
    let error = serde_json::from_str::<AnyThing>(&format!(r#"{{"rank": "x", {SPECIAL}}}"#))
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("`rank` (read ahead of @odata.type): invalid type"),
        "{error}"
    );
}

// Point 4: a path never echoes a huge key whole.

#[test]
fn a_huge_key_is_shortened_in_the_path() {
    let huge = "k".repeat(5 * 1024 * 1024);
    let inputs = [
        // Key of the bad value itself, and of an object above it.
        (format!(r#"{{"{huge}": "x"}}"#), false),
        (format!(r#"{{"{huge}": {{"a": [1, "x"]}}}}"#), true),
    ];
    for (json, nested) in inputs {
        let error = if nested {
            from_json::<HashMap<String, HashMap<String, Vec<u8>>>>(json.as_bytes()).unwrap_err()
        } else {
            from_json::<HashMap<String, u8>>(json.as_bytes()).unwrap_err()
        };
        let GraphError::Decode { path, .. } = &error else {
            panic!("{error:?}")
        };
        assert!(path.starts_with(&"k".repeat(256)), "{path:.300}");
        assert!(
            path.contains(&format!("({} bytes)", huge.len())),
            "{path:.400}"
        );
        if nested {
            assert!(path.ends_with(".a[1]"), "{path:.400}");
        }
        assert!(
            error.to_string().len() < 2048,
            "{} bytes",
            error.to_string().len()
        );
    }
}

#[test]
fn a_huge_held_or_repeated_key_is_shortened_everywhere() {
    let huge = "k".repeat(5 * 1024 * 1024);
    for json in [
        // Repeated in a kept value, and among held members.
        format!(r#"{{"id": "1", "{huge}": 1, "{huge}": 2}}"#),
        format!(r#"{{"{huge}": 1, "{huge}": 2, {SPECIAL}}}"#),
    ] {
        let error = from_json::<AnyThing>(json.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.len() < 2048, "{} bytes: {error:.300}", error.len());
        assert!(
            error.contains(&format!("({} bytes)", huge.len())),
            "{error:.600}"
        );
        // Read without `from_json`, the held member's message is short too.
        let error = serde_json::from_str::<AnyThing>(&json)
            .unwrap_err()
            .to_string();
        assert!(error.len() < 2048, "{} bytes: {error:.300}", error.len());
    }
}
