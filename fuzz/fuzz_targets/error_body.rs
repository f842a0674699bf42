//! Any status, Retry-After and body as a response: a typed result or a
//! GraphError, whose message never echoes more than a few KB.
#![no_main]

use graph_core::http::Response;
use graph_core::Endpoint;
use graph_fuzz::CreateUserStatus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(3));
    let status = 100 + u16::from_le_bytes([head.first().copied().unwrap_or(0), head.get(1).copied().unwrap_or(0)]) % 500;
    let mut builder = Response::builder().status(status);
    if let Some(&seconds) = head.get(2) {
        builder = builder.header("retry-after", seconds.to_string());
    }
    let response = builder.body(body).expect("a valid status");
    if let Err(error) = CreateUserStatus::parse_response(response) {
        let text = error.to_string();
        assert!(text.len() < 16 * 1024, "{} bytes", text.len());
        let _ = format!("{error:?}");
    }
});
