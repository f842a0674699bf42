//! `graph_core::from_json` works out the JSON path of an error from where
//! serde_json stopped. Property: for any tree of objects, arrays and scalars,
//! compact or pretty-printed, read by a type that expects exactly that tree,
//! the path of an error is where the tree was changed:
//!
//! - a value of any kind (string, number, bool, null, object, array) put in
//!   place of one of another kind, at any position, is reported at that
//!   position;
//! - a member left out of an object, at any depth, is reported at the object.
//!
//! The expected path is written here from the position itself, not from the
//! text, in the notation `from_json` documents: `a.b[2].c`, `[0]` for an
//! element of a top-level array, `.` for the document.

use std::collections::HashSet;
use std::fmt::{self, Write};

use graph_core::{from_json, GraphError};
use proptest::prelude::*;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// One step from a value to a value inside it.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of a position, as documented for `GraphError::Decode`.
fn render(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Index(index) => write!(path, "[{index}]").unwrap(),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Reads exactly the tree `self.0`: a value of another kind, an extra or a
/// missing member or element is an error, as with a derived type.
#[derive(Clone, Copy)]
struct Expect<'a>(&'a Value);

impl<'de> DeserializeSeed<'de> for Expect<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // The calls a typed `Deserialize` makes, so serde_json reports a
        // value of the wrong kind as it would for a real field.
        match self.0 {
            Value::Null => deserializer.deserialize_unit(self),
            Value::Bool(_) => deserializer.deserialize_bool(self),
            Value::Number(_) => deserializer.deserialize_f64(self),
            Value::String(_) => deserializer.deserialize_str(self),
            Value::Array(_) => deserializer.deserialize_seq(self),
            Value::Object(_) => deserializer.deserialize_map(self),
        }
    }
}

impl<'de> Visitor<'de> for Expect<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let items = self.0.as_array().expect("asked for by deserialize_seq");
        for item in items {
            if seq.next_element_seed(Expect(item))?.is_none() {
                return Err(de::Error::invalid_length(items.len(), &self));
            }
        }
        match seq.next_element::<IgnoredAny>()? {
            Some(_) => Err(de::Error::custom("an extra element")),
            None => Ok(()),
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let members = self.0.as_object().expect("asked for by deserialize_map");
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = members
                .get(&key)
                .ok_or_else(|| de::Error::custom(format!("an extra member {key:?}")))?;
            map.next_value_seed(Expect(value))?;
            seen.insert(key);
        }
        match members.keys().find(|key| !seen.contains(*key)) {
            // As serde's derive reports it.
            Some(key) => Err(de::Error::missing_field(Box::leak(
                key.clone().into_boxed_str(),
            ))),
            None => Ok(()),
        }
    }
}

/// Keys that the scanner must read as serde_json does: empty, escaped
/// (`"`, `\`), with brackets, commas and colons, not ASCII.
fn key() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-zA-Z0-9_]{0,5}", "[a-z\"\\\\{}\\[\\],: .é\n]{0,6}",]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-z \"\\[{]{0,6}".prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        (-1e6..1e6f64).prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 48, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map(key(), inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every position in `value`, the document's own first.
fn positions(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Step::Index(i));
                positions(item, at, out);
                at.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                at.push(Step::Key(key.clone()));
                positions(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(value: &'a mut Value, steps: &[Step]) -> &'a mut Value {
    steps.iter().fold(value, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::Index(index) => &mut value[*index],
    })
}

fn kind(value: &Value) -> usize {
    match value {
        Value::String(_) => 0,
        Value::Number(_) => 1,
        Value::Bool(_) => 2,
        Value::Null => 3,
        Value::Object(_) => 4,
        Value::Array(_) => 5,
    }
}

/// A value of kind `kind` (as numbered by [`kind`]), empty or not.
fn of_kind(kind: usize, full: bool) -> Value {
    match (kind, full) {
        (0, _) => Value::from(if full { "a \"bad\" {[" } else { "" }),
        (1, false) => Value::from(7),
        (1, true) => Value::from(-1.5e-3),
        (2, _) => Value::from(full),
        (3, _) => Value::Null,
        (4, false) => Value::Object(Map::new()),
        (4, true) => serde_json::json!({"x": [1, {"y": "z"}]}),
        (5, false) => Value::Array(Vec::new()),
        (5, true) => serde_json::json!([{"x": 1}, [2]]),
        _ => unreachable!(),
    }
}

fn text(value: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value).unwrap()
    } else {
        serde_json::to_string(value).unwrap()
    }
}

/// The decode error of reading `text` as exactly `expected`.
fn decode_error(text: &str, expected: &Value) -> (String, String) {
    EXPECTED.with(|slot| *slot.borrow_mut() = expected.clone());
    match from_json::<Reads>(text.as_bytes()) {
        Err(GraphError::Decode { path, message }) => (path, message),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

thread_local! {
    /// The tree [`Reads`] expects: `from_json` takes a type, not a seed.
    static EXPECTED: std::cell::RefCell<Value> = const { std::cell::RefCell::new(Value::Null) };
}

/// Reads the tree in [`EXPECTED`].
#[derive(Debug)]
struct Reads;

impl<'de> serde::Deserialize<'de> for Reads {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EXPECTED.with(|expected| Expect(&expected.borrow()).deserialize(deserializer))?;
        Ok(Reads)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn a_value_of_the_wrong_kind_is_reported_where_it_is(
        expected in tree(),
        pick in any::<prop::sample::Index>(),
        other_kind in 1..6usize,
        full in any::<bool>(),
        pretty in any::<bool>(),
    ) {
        let mut all = Vec::new();
        positions(&expected, &mut Vec::new(), &mut all);
        let at = &all[pick.index(all.len())];
        let mut sent = expected.clone();
        let slot = get_mut(&mut sent, at);
        // Any kind but the expected one.
        *slot = of_kind((kind(slot) + other_kind) % 6, full);
        let text = text(&sent, pretty);
        let (path, message) = decode_error(&text, &expected);
        prop_assert!(message.starts_with("invalid type"), "{} in {}", message, text);
        prop_assert_eq!(path, render(at), "{} in {}", message, text);
    }

    #[test]
    fn a_missing_member_is_reported_at_its_object(
        expected in tree(),
        pick in any::<prop::sample::Index>(),
        member in any::<prop::sample::Index>(),
        pretty in any::<bool>(),
    ) {
        let mut objects = Vec::new();
        positions(&expected, &mut Vec::new(), &mut objects);
        objects.retain(|at| {
            matches!(get_mut(&mut expected.clone(), at), Value::Object(map) if !map.is_empty())
        });
        prop_assume!(!objects.is_empty());
        let at = &objects[pick.index(objects.len())];
        let mut sent = expected.clone();
        let Value::Object(map) = get_mut(&mut sent, at) else { unreachable!() };
        let key = map.keys().nth(member.index(map.len())).unwrap().clone();
        map.remove(&key);
        let text = text(&sent, pretty);
        let (path, message) = decode_error(&text, &expected);
        prop_assert!(message.starts_with("missing field"), "{} in {}", message, text);
        prop_assert_eq!(path, render(at), "{} in {}", message, text);
    }
}

#[test]
fn the_cases_of_the_issue() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Tags {
        tags: Vec<String>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        id: String,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Response {
        body: Body,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Batch {
        responses: Vec<Response>,
    }
    fn path<T: serde::de::DeserializeOwned + fmt::Debug>(json: &str) -> String {
        match from_json::<T>(json.as_bytes()) {
            Err(GraphError::Decode { path, .. }) => path,
            other => panic!("{json}: {other:?}"),
        }
    }
    assert_eq!(path::<Tags>(r#"{"tags":["a",{"x":1}]}"#), "tags[1]");
    assert_eq!(path::<Tags>(r#"{"tags":["a",["x"]]}"#), "tags[1]");
    assert_eq!(path::<Tags>(r#"{"tags":[{"x":1}]}"#), "tags[0]");
    assert_eq!(path::<Vec<String>>(r#"[{"a":1}]"#), "[0]");
    assert_eq!(path::<Vec<String>>("[\n  \"a\",\n  [1]\n]"), "[1]");
    assert_eq!(
        path::<Batch>(r#"{"responses":[{"body":{"x":1}}]}"#),
        "responses[0].body"
    );
    assert_eq!(path::<Batch>(r#"{"responses":[{}]}"#), "responses[0]");
    assert_eq!(path::<Batch>(r#"{}"#), ".");
}
