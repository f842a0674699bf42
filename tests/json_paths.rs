//! `graph_core::from_json` works out the JSON path of an error from where
//! serde_json stopped. Property: for any tree of objects and arrays with one
//! bad leaf, compact or pretty-printed, the path is exactly where the leaf is.

use std::fmt;

use graph_core::{from_json, GraphError};
use proptest::prelude::*;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Accepts any tree whose leaves are all strings; a number leaf is an error
/// at that leaf.
struct StringsOnly;

impl<'de> Deserialize<'de> for StringsOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TreeVisitor;
        impl<'de> Visitor<'de> for TreeVisitor {
            type Value = StringsOnly;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("strings, arrays and objects")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<StringsOnly, E> {
                Ok(StringsOnly)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StringsOnly, A::Error> {
                while seq.next_element::<StringsOnly>()?.is_some() {}
                Ok(StringsOnly)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StringsOnly, A::Error> {
                while map.next_entry::<String, StringsOnly>()?.is_some() {}
                Ok(StringsOnly)
            }
        }
        deserializer.deserialize_any(TreeVisitor)
    }
}

/// A tree of strings, arrays and objects (keys are identifiers, so the
/// dotted path notation is unambiguous).
fn tree() -> impl Strategy<Value = Value> {
    let leaf = "[a-z ]{0,6}".prop_map(Value::from);
    leaf.prop_recursive(5, 40, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z][a-zA-Z0-9_]{0,5}", inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every leaf and container position in `value`, with its path as
/// `from_json` writes it.
fn positions(value: &Value, path: String, out: &mut Vec<String>) {
    out.push(path.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                positions(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                positions(item, child, out);
            }
        }
        _ => {}
    }
}

/// `value` with the element at `path` replaced by the number 7.
fn replace_at(value: &mut Value, path: &str, at: &str) -> bool {
    if path == at {
        *value = Value::from(7);
        return true;
    }
    match value {
        Value::Array(items) => items
            .iter_mut()
            .enumerate()
            .any(|(i, item)| replace_at(item, &format!("{path}[{i}]"), at)),
        Value::Object(map) => map.iter_mut().any(|(key, item)| {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            replace_at(item, &child, at)
        }),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_path_is_where_the_bad_value_is(
        mut value in tree(),
        pick in any::<prop::sample::Index>(),
        pretty in any::<bool>(),
    ) {
        let mut all = Vec::new();
        positions(&value, String::new(), &mut all);
        let at = all[pick.index(all.len())].clone();
        prop_assert!(replace_at(&mut value, "", &at));
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        match from_json::<StringsOnly>(text.as_bytes()) {
            Err(GraphError::Decode { path, message }) => {
                let expected = if at.is_empty() { ".".to_string() } else { at };
                prop_assert_eq!(path, expected, "{} in {}", message, text);
            }
            Err(other) => prop_assert!(false, "{other:?}"),
            Ok(_) => prop_assert!(false, "accepted {}", text),
        }
    }
}
