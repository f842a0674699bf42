//! Text that tries to change a URL's shape, and the request lines of
//! endpoints, shared by the URL tests.
#![allow(dead_code)]

use graph_core::Endpoint;
use proptest::prelude::*;

/// Strings made mostly of the characters that mean something in a URL or in
/// an OData literal.
pub fn url_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '.', '/', '\\', '?', '#', '%', '&', '=', '+', ';', ':', '@', '$', ',', '\'', '(', ')', ' ',
        '\t', '\n', '\0', '[', ']', '{', '}', '|', '^', '`', '"', '<', '>', '~', '-', '_', 'a',
        'Z', '0', 'é', '日', '\u{feff}',
    ]);
    let chars = prop_oneof![4 => special, 1 => any::<char>()];
    prop_oneof![
        1 => prop::sample::select(vec!["", ".", "..", "...", "%2e%2E", ".%2e", "..\\", "./", "''", "')", "null"])
            .prop_map(str::to_owned),
        8 => prop::collection::vec(chars, 0..10).prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// The percent-decoded text of a URL part (`%` escapes of UTF-8).
pub fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

/// `GET https://...`, as Graph's documentation writes a request.
pub fn request_line<E: Endpoint>(endpoint: &E) -> String {
    let request = endpoint
        .to_request("https://graph.microsoft.com/v1.0", "token")
        .unwrap();
    format!("{} {}", request.method(), request.uri())
}

/// A `200 OK` answer with `body`.
pub fn ok(body: &str) -> graph_core::http::Response<&str> {
    graph_core::http::Response::builder()
        .status(200)
        .body(body)
        .unwrap()
}

/// The `name=literal` arguments of the call `f(...)`, each literal as
/// written, split at `,` outside quotes (OData's way); `None` when `segment`
/// is not such a call or a quote is left open.
pub fn arguments(segment: &str) -> Option<Vec<(String, String)>> {
    let inner = segment.strip_prefix("f(")?.strip_suffix(')')?;
    let (mut parts, mut quoted, mut start) = (Vec::new(), false, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    if quoted {
        return None;
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .map(|part| {
            let (name, literal) = part.split_once('=')?;
            Some((name.to_owned(), literal.to_owned()))
        })
        .collect()
}
