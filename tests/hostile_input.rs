//! Payloads built to hurt: deep nesting, huge strings, huge objects. Each
//! gives a result or an error, never a stack overflow, an abort or an error
//! message that echoes megabytes.

mod common;

use common::*;
use graph_core::{from_json, GraphError};

type Status = ManagedDeviceMobileAppConfigurationUserStatus;

fn nested(depth: usize, open: char, close: char, inner: &str) -> String {
    let mut text = String::with_capacity(depth * 2 + inner.len());
    text.extend(std::iter::repeat_n(open, depth));
    text.push_str(inner);
    text.extend(std::iter::repeat_n(close, depth));
    text
}

#[test]
fn deep_nesting_in_an_unknown_property_is_an_error_not_a_stack_overflow() {
    for deep in [
        nested(10_000, '[', ']', ""),
        format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
    ] {
        let body = format!(r#"{{"id": "1", "unknown": {deep}}}"#);
        match from_json::<Status>(body.as_bytes()) {
            Err(GraphError::Decode { message, .. }) => {
                assert!(message.contains("recursion limit exceeded"), "{message}")
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }
}

#[test]
fn nesting_within_the_limit_is_kept() {
    let body = format!(r#"{{"unknown": {}}}"#, nested(100, '[', ']', "1"));
    let parsed: Status = from_json(body.as_bytes()).unwrap();
    let written = serde_json::to_string(&parsed).unwrap();
    assert!(written.contains(&nested(100, '[', ']', "1")));
}

#[test]
fn a_50_mb_string_is_kept_but_never_echoed_in_an_error() {
    let huge = "x".repeat(50 * 1024 * 1024);
    let body = format!(r#"{{"userDisplayName": "{huge}"}}"#);
    let parsed: Status = from_json(body.as_bytes()).unwrap();
    assert_eq!(
        parsed.user_display_name.as_ref().map(String::len),
        Some(huge.len())
    );

    let body = format!(r#"{{"devicesCount": "{huge}"}}"#);
    let error = from_json::<Status>(body.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.len() < 4096, "{} bytes", error.len());
    assert!(error.contains("devicesCount"), "{error}");
    assert!(error.contains("expected i32"), "{error}");

    let body = format!(r#"{{"status": 1, "lastReportedDateTime": "{huge}"}}"#);
    let error = from_json::<Status>(body.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.len() < 4096, "{} bytes", error.len());
}

#[test]
fn a_100_000_key_object_is_kept() {
    let mut body = String::from("{");
    for i in 0..100_000 {
        body.push_str(&format!(r#""property{i}": {i},"#));
    }
    body.push_str(r#""id": "last"}"#);
    let parsed: Status = from_json(body.as_bytes()).unwrap();
    assert_eq!(parsed.additional_data.len(), 100_000);
    assert_eq!(parsed.additional_data["property99999"], 99_999);
    assert_eq!(parsed.id.as_deref(), Some("last"));
}

#[test]
fn errors_about_unknown_enum_members_are_short() {
    let huge = "y".repeat(1024 * 1024);
    // With an `other` variant any member parses, so use a closed enum.
    #[graph_core::graph_enum]
    #[derive(Debug)]
    enum Closed {
        Only,
    }
    let error = huge.parse::<Closed>().unwrap_err().to_string();
    assert!(error.len() < 1024, "{} bytes", error.len());
    let error = from_json::<Closed>(format!("\"{huge}\"").as_bytes())
        .unwrap_err()
        .to_string();
    assert!(error.len() < 4096, "{} bytes", error.len());
}
