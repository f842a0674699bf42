//! Any path parameters and token: the request is built or refused, and when
//! built each parameter is exactly one path segment that decodes back to it,
//! with no query or fragment.
#![no_main]

use graph_core::Endpoint;
use graph_fuzz::GetMember;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\u{1}');
    let (group, member, token) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or("token"),
    );
    let Ok(request) = GetMember::new(group, member).to_request("https://graph.microsoft.com/v1.0", token) else {
        return;
    };
    let uri = request.uri();
    assert_eq!(uri.query(), None);
    let segments: Vec<String> = uri
        .path()
        .split('/')
        .map(|s| percent_encoding::percent_decode_str(s).decode_utf8().unwrap().into_owned())
        .collect();
    assert_eq!(segments, ["", "v1.0", "groups", group, "members", member]);
    // The token never shows in Debug output: the request prints exactly as
    // the same request with another token does. (Looking for the token's
    // text is no oracle: it can also be part of the URL.)
    if let Ok(other) = GetMember::new(group, member).to_request("https://graph.microsoft.com/v1.0", "another-token") {
        assert_eq!(format!("{request:?}"), format!("{other:?}"));
    }
});
