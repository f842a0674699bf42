use std::fmt::{self, Write};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{GraphError, Shortened};

/// Parses JSON into `T`, naming the JSON path of the first problem.
///
/// Prefer this over `serde_json::from_slice` for payloads from the network:
/// the error says where the payload went wrong (`lastReportedDateTime`,
/// `value[3].status`), not only the line and column.
///
/// ```
/// let err = graph_core::from_json::<Vec<i32>>(br#"[1, "2"]"#).unwrap_err();
/// assert!(err.to_string().contains("[1]"), "{err}");
/// ```
pub fn from_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, GraphError> {
    // The path is worked out from the error's position, after the fact:
    // tracking it while parsing (serde_path_to_error) made every parse
    // 1.6-1.75x slower and instantiated every response type's Deserialize a
    // second time, for its wrapping deserializer.
    serde_json::from_slice(json).map_err(|error| decode_error(json, &error))
}

/// Writes `value` as compact JSON.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, GraphError> {
    serde_json::to_vec(value).map_err(|error| GraphError::Encode {
        message: error.to_string(),
    })
}

fn decode_error(json: &[u8], error: &serde_json::Error) -> GraphError {
    let message = error.to_string();
    // A member that a polymorphic read held until it knew `@odata.type` is
    // read when the input is past it: the error's position only says which
    // object it is in (so it is left out of the message), and the message
    // where in that object.
    let held = held_member(&message).map(|(within, inner)| {
        let inner = inner.strip_suffix(&position_suffix(error)).unwrap_or(inner);
        (within, inner.to_owned())
    });
    let (within, message) = match held {
        Some((within, inner)) => (Some(within), inner),
        None => (None, message),
    };
    // serde reports a missing field once the object's members are read: it
    // belongs to the object, not to the member read last.
    let target = if within.is_some() || message.starts_with("missing field") {
        Target::Object
    } else {
        Target::Value
    };
    let mut path = match position(json, error.line(), error.column()) {
        Some(offset) => path_at(&json[..offset], target),
        None => ".".to_owned(),
    };
    if let Some(within) = within {
        if path == "." {
            path.clear();
        } else if !within.starts_with('[') {
            path.push('.');
        }
        path.push_str(&within);
        if path.is_empty() {
            path.push('.');
        }
    }
    GraphError::Decode {
        path,
        message: Shortened::message(message),
    }
}

/// How serde_json ends the text of an error that has a position.
fn position_suffix(error: &serde_json::Error) -> String {
    format!(" at line {} column {}", error.line(), error.column())
}

/// What the phrase after a held member's key says: see [`held_member_error`].
const HELD: &str = " (read ahead of @odata.type): ";

/// The error of a member that a polymorphic read held until it knew the
/// type: `` `path` (read ahead of @odata.type): inner``, where `path` is
/// where the error is from the object being read (`settings.size`), with
/// its keys shortened already. A backtick in it is doubled so that
/// [`held_member`] finds where it ends.
pub(crate) fn held_member_error(path: &str, inner: impl fmt::Display) -> String {
    format!("`{}`{HELD}{inner}", path.replace('`', "``"))
}

/// The path and the inner error of a message made by [`held_member_error`].
pub(crate) fn held_member(message: &str) -> Option<(String, &str)> {
    let mut rest = message.strip_prefix('`')?;
    let mut path = String::new();
    loop {
        let tick = rest.find('`')?;
        path.push_str(&rest[..tick]);
        rest = &rest[tick + 1..];
        match rest.strip_prefix('`') {
            Some(after) => {
                path.push('`');
                rest = after;
            }
            None => break,
        }
    }
    Some((path, rest.strip_prefix(HELD)?))
}

/// The byte offset of serde_json's (line, column): the column counts the
/// bytes of that line read so far.
fn position(json: &[u8], line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut start = 0;
    for _ in 1..line {
        start += json[start..].iter().position(|&b| b == b'\n')? + 1;
    }
    Some((start + column).min(json.len()))
}

/// What an error position points at.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    /// The value being read there, or about to be.
    Value,
    /// The object being read there, or, just after an object, that object.
    Object,
}

enum Frame {
    /// An object, and the key of the member being read (shortened).
    Object(Option<String>),
    /// An array, and the index of the element being read or, between
    /// elements, about to be: serde_json reports an object or array where
    /// another kind was expected before reading its `{` or `[`.
    Array(usize),
}

/// Where in the document the end of `read` is: `value[3].status`, `[0]`,
/// `.` for the document itself. Only containers, keys and element
/// boundaries are followed; the text was already read by serde_json, so it
/// is well formed up to the error.
fn path_at(read: &[u8], target: Target) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    // Whether the last thing read closed an object or array.
    let mut closed = false;
    let mut i = 0;
    while i < read.len() {
        let byte = read[i];
        if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            closed = matches!(byte, b'}' | b']');
        }
        match byte {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
                // Back in the parent, after one of its values.
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(read, i);
                if expecting_key {
                    if let Some(Frame::Object(slot)) = stack.last_mut() {
                        *slot = Some(key(&read[i..end]));
                    }
                    expecting_key = false;
                }
                i = end;
                continue;
            }
            // Whitespace, `:`, or a number or literal (its other bytes are
            // skipped the same way).
            _ => {}
        }
        i += 1;
    }
    if target == Target::Object && !closed {
        // Inside the object: its path is that of its frame, without the
        // member being read.
        if let Some(object) = stack.iter().rposition(|f| matches!(f, Frame::Object(_))) {
            stack.truncate(object + 1);
            stack[object] = Frame::Object(None);
        }
    }
    render(&stack)
}

/// A key as serde_json read it, unescaped and shortened like values quoted
/// in errors, so that a huge key is not echoed whole in the path. A key cut
/// off by the error is shown as far as it was read.
fn key(raw: &[u8]) -> String {
    let key = serde_json::from_slice::<String>(raw)
        .unwrap_or_else(|_| String::from_utf8_lossy(raw.get(1..).unwrap_or_default()).into_owned());
    Shortened::key(key)
}

/// The index just past the string starting at `start` (or the end of `read`).
fn string_end(read: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < read.len() {
        match read[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    read.len()
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        size: Option<u8>,
        tags: Option<Vec<BTreeMap<String, bool>>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        value: Vec<Item>,
    }

    fn path_of(json: &str) -> String {
        match from_json::<Page>(json.as_bytes()) {
            Err(GraphError::Decode { path, .. }) => path,
            other => panic!("expected a decode error for {json}, got {other:?}"),
        }
    }

    #[test]
    fn paths_are_found_from_the_error_position() {
        let cases = [
            (r#"{"value": [{"id": "a", "size": 300}]}"#, "value[0].size"),
            (
                r#"{"value":[{"id":"a"},{"id":"b","size":"x"}]}"#,
                "value[1].size",
            ),
            (
                r#"{"value":[{"id":"a"},{"id":"b","tags":[{"x":true},{"y":1}]}]}"#,
                "value[1].tags[1].y",
            ),
            (
                "{\n  \"value\": [\n    {\"id\": \"a\"},\n    {\"size\": 1}\n  ]\n}",
                "value[1]",
            ),
            (r#"{"value":[{"id":"a","size":1},{"size":2}]}"#, "value[1]"),
            (r#"{"value": [{"id": 7}]}"#, "value[0].id"),
            (r#"{"value": [{"id": "a", "id": "b"}]}"#, "value[0].id"),
            (
                r#"{"value": [{"id": "a", "tags": [{"a\"b": 1}]}]}"#,
                "value[0].tags[0].a\"b",
            ),
            (r#"{"value": [1.5e3, "x"]}"#, "value[0]"),
            (r#"{}"#, "."),
            (r#"[]"#, "."),
            (r#"{"value": []} trailing"#, "."),
            (r#"{"value": [{"id": "a"}"#, "value[0]"),
        ];
        for (json, expected) in cases {
            assert_eq!(path_of(json), expected, "{json}");
        }
    }

    #[test]
    fn keys_in_the_path_are_shortened_like_values() {
        let key = "é".repeat(3000);
        let json = format!(r#"{{"a": {{"{key}": [true, "x"]}}}}"#);
        let error = from_json::<BTreeMap<String, BTreeMap<String, Vec<bool>>>>(json.as_bytes())
            .unwrap_err();
        match error {
            GraphError::Decode { path, .. } => {
                assert_eq!(path, format!("a.{}… (6000 bytes)[1]", "é".repeat(128)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_and_literals_are_one_element_each() {
        let error = from_json::<Vec<u8>>(b"[1, 22, true, null, 333]").unwrap_err();
        match error {
            GraphError::Decode { path, .. } => assert_eq!(path, "[2]"),
            other => panic!("{other:?}"),
        }
    }
}
