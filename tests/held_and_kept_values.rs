//! Error paths of members held by a polymorphic read, keys shortened in
//! error paths, and repeated keys at every depth of a kept value.

mod common;

use std::collections::HashMap;
use std::fmt::Write;

use common::decode_error;
use graph_core::{
    from_json, graph_complex, graph_entity, graph_polymorphic, AdditionalData, Collection,
    GraphError, JsonValue,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

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

// Point 5: a repeated key in a kept value is an error, at every depth and
// wherever unknown properties are kept, at the repeated member's path.

#[graph_entity("holder")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Holder {
    pub name: Option<String>,
    pub size: Option<Dimensions>,
}

/// The path and message of reading `json` as every type that keeps unknown
/// properties at that place: an entity, a complex type, a collection page,
/// a polymorphic read holding it before `@odata.type` and one reading it
/// after.
fn repeated_key_errors(kept: &str) -> Vec<(&'static str, String, String)> {
    vec![
        (
            "entity",
            format!(r#"{{"id": "1", "foo": {kept}}}"#),
            "foo".to_owned(),
        ),
        (
            "complex",
            format!(r#"{{"size": {{"width": 1, "foo": {kept}}}}}"#),
            "size.foo".to_owned(),
        ),
        (
            "page",
            format!(r#"{{"value": [], "foo": {kept}}}"#),
            "foo".to_owned(),
        ),
        (
            "held",
            format!(r#"{{"value": [{{"foo": {kept}, {SPECIAL}}}]}}"#),
            "value[0].foo".to_owned(),
        ),
        (
            "streamed",
            format!(r#"{{"value": [{{{SPECIAL}, "foo": {kept}}}]}}"#),
            "value[0].foo".to_owned(),
        ),
    ]
    .into_iter()
    .map(|(place, json, prefix)| {
        let (path, message) = match place {
            "entity" | "complex" => decode_error::<Holder>(&json),
            "page" => decode_error::<Collection<Holder>>(&json),
            _ => decode_error::<Collection<AnyThing>>(&json),
        };
        let relative = path
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{place}: {path} is not under {prefix}: {json}"))
            .to_owned();
        (place, relative, message)
    })
    .collect()
}

#[test]
fn a_key_repeated_in_a_kept_value_is_an_error_at_its_path() {
    let cases = [
        (r#"{"a": 1, "a": 2}"#, ".a", "`a`"),
        (r#"[{"b": 1}, {"a": {"c": 1, "c": {}}}]"#, "[1].a.c", "`c`"),
        (
            r#"{"a": [[{"x": null, "y": 1, "x": null}]]}"#,
            ".a[0][0].x",
            "`x`",
        ),
    ];
    for (kept, relative, key) in cases {
        for (place, path, message) in repeated_key_errors(kept) {
            assert_eq!(path, relative, "{place}: {kept}");
            assert!(
                message.starts_with(&format!("duplicate property {key}")),
                "{place}: {message}"
            );
        }
    }
}

#[test]
fn a_repeated_kept_key_stays_an_error_even_in_an_all_held_object() {
    let (path, message) =
        decode_error::<AnyThing>(r#"{"name": "n", "foo": {"a": {"b": 1, "b": 2}}}"#);
    assert_eq!(path, "foo.a.b");
    assert!(message.starts_with("duplicate property `b`"), "{message}");
}

#[test]
fn kept_values_are_kept_exactly() {
    // The same value as serde_json's own reading, numbers included, and
    // the key serde_json's `arbitrary_precision` uses for numbers (which
    // this build does not turn on) kept as any key.
    let kept = r#"{"a": [1, -2, 1.5, 18446744073709551615, 1e300, true, null, "s", {}, []], "b": {"c": {"d": "e"}}, "n": {"$serde_json::private::Number": "x"}}"#;
    let json = format!(r#"{{"id": "1", "foo": {kept}, "@odata.etag": "1"}}"#);
    let holder: Holder = from_json(json.as_bytes()).unwrap();
    let expected: Value = serde_json::from_str(kept).unwrap();
    assert_eq!(holder.additional_data["foo"], expected);
    let thing: AnyThing = from_json(json.as_bytes()).unwrap();
    let AnyThing::Other(thing) = thing else {
        panic!("{thing:?}")
    };
    assert_eq!(thing.additional_data["foo"], expected);
}

#[test]
fn a_json_value_of_your_own_follows_serde_json() {
    // As README says: the rule holds in what graph-core keeps, not in a
    // `JsonValue` the caller asked for, which is serde_json's own reading.
    let value: JsonValue = from_json(br#"{"a": {"b": 1, "b": 2}}"#).unwrap();
    assert_eq!(value, serde_json::json!({"a": {"b": 2}}));
}

/// A tree of objects and arrays with any keys and scalar leaves.
fn tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        "[a-z]{0,3}".prop_map(Value::from),
        any::<i16>().prop_map(Value::from),
        Just(Value::Null),
    ];
    leaf.prop_recursive(5, 40, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z\"\\\\.\\[ ]{0,3}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every non-empty object in `value`, in the order of the text, with its
/// path relative to `value` (in the notation of `GraphError::Decode`, after
/// the kept key) and its first key.
fn objects(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                objects(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            if let Some(first) = map.keys().next() {
                out.push((path.to_owned(), first.clone()));
            }
            for (key, item) in map {
                objects(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

/// `value` as JSON text, with the first member of its `repeat`-th non-empty
/// object (counting as [`objects`] does) written a second time at its end.
fn write_repeating(value: &Value, repeat: usize, seen: &mut usize, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_repeating(item, repeat, seen, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let this = (!map.is_empty()).then(|| {
                *seen += 1;
                *seen - 1
            });
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write!(out, "{}:", Value::from(key.as_str())).unwrap();
                write_repeating(item, repeat, seen, out);
            }
            if this == Some(repeat) {
                let (key, item) = map.iter().next().unwrap();
                write!(out, ",{}:{item}", Value::from(key.as_str())).unwrap();
            }
            out.push('}');
        }
        scalar => write!(out, "{scalar}").unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_repeated_key_at_any_depth_of_a_kept_value_is_an_error(
        kept in tree(),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut all = Vec::new();
        objects(&kept, "", &mut all);
        prop_assume!(!all.is_empty());
        let repeat = pick.index(all.len());
        let mut text = String::new();
        write_repeating(&kept, repeat, &mut 0, &mut text);
        let (at, key) = &all[repeat];
        for (place, path, message) in repeated_key_errors(&text) {
            prop_assert_eq!(&path, &format!("{at}.{key}"), "{}: {}", place, text);
            prop_assert!(message.starts_with("duplicate property"), "{}: {}", place, message);
        }
    }
}

#[test]
fn additional_data_read_on_its_own_refuses_repeated_keys_too() {
    let (path, message) = decode_error::<AdditionalData>(r#"{"foo":{"a":1,"a":2}}"#);
    assert_eq!(path, "foo.a");
    assert!(message.contains("duplicate property `a`"), "{message}");
    let (path, _) = decode_error::<AdditionalData>(r#"{"x":1,"x":1}"#);
    assert_eq!(path, "x");
    let kept: AdditionalData = from_json(br#"{"foo":{"a":1,"b":[{"a":2}]}}"#).unwrap();
    assert_eq!(kept["foo"]["b"][0]["a"], 2);
    let (_, message) = decode_error::<AdditionalData>("[1]");
    assert!(message.contains("expected a JSON object"), "{message}");
}
