//! Any values for one-segment, multi-segment and function parameters: the
//! request is built or refused with `InvalidPathParameter`, and when built
//! the path has exactly its declared shape and each value reads back, by a
//! parser written here, to exactly what was given.
#![no_main]

use graph_core::{Endpoint, GraphError};
use graph_fuzz::GetWorkbookRange;
use libfuzzer_sys::fuzz_target;

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .expect("every value is UTF-8, so its encoding decodes")
        .into_owned()
}

/// The arguments of `name(a=...,b=...)` after percent-decoding: splits at
/// `,` outside quotes and reads each literal back.
fn arguments(segment: &str) -> Vec<(String, Option<String>)> {
    let decoded = decode(segment);
    let inner = decoded
        .strip_prefix("range(")
        .and_then(|rest| rest.strip_suffix(')'))
        .expect("the function segment keeps its shape");
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
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
    assert!(!quoted, "{segment}");
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .map(|part| {
            let (name, literal) = part.split_once('=').expect("name=value");
            let value = if literal == "null" {
                None
            } else if let Some(text) = literal.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')) {
                assert!(text.split('\'').skip(1).step_by(2).all(str::is_empty), "{literal}");
                Some(text.replace("''", "'"))
            } else {
                Some(literal.to_owned())
            };
            (name.to_owned(), value)
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(6, '\u{1}');
    let mut next = || parts.next().unwrap_or("");
    let (hostname, path, sheet, address) = (next(), next(), next(), next());
    let rows = next().parse::<i64>().ok();
    let note = Some(next()).filter(|note| !note.starts_with('\u{2}')).map(str::to_owned);
    let endpoint = GetWorkbookRange::new(hostname, path, sheet, address, rows, note.clone());
    let request = match endpoint.to_request("https://graph.microsoft.com/v1.0", "token") {
        Ok(request) => request,
        Err(GraphError::InvalidPathParameter { name, .. }) => {
            let refused_segment = |value: &str| matches!(value, "" | "." | "..");
            let refused = match name {
                "hostname" => refused_segment(hostname),
                "worksheetId" => refused_segment(sheet),
                "path" => path.split('/').any(refused_segment),
                other => panic!("refused {other}"),
            };
            assert!(refused, "{name} refused: {text:?}");
            return;
        }
        Err(other) => panic!("{other:?}"),
    };
    let uri = request.uri();
    assert_eq!(uri.query(), None);
    let raw: Vec<&str> = uri.path().split('/').collect();
    let path_segments: Vec<&str> = path.split('/').collect();
    let n = path_segments.len();
    assert_eq!(raw.len(), 4 + n + 4, "{}", uri.path());
    assert_eq!(raw[..3], ["", "v1.0", "sites"]);
    assert_eq!(decode(raw[3].strip_suffix(':').expect("hostname:")), hostname);
    let mut got_path: Vec<String> = raw[4..4 + n].iter().map(|s| decode(s)).collect();
    let last = got_path.pop().expect("at least one segment");
    got_path.push(last.strip_suffix(':').expect("path:").to_owned());
    assert_eq!(got_path, path_segments);
    assert_eq!(raw[4 + n..4 + n + 2], ["workbook", "worksheets"]);
    assert_eq!(decode(raw[6 + n]), sheet);
    assert_eq!(
        arguments(raw[7 + n]),
        [
            ("address".to_owned(), Some(address.to_owned())),
            ("rows".to_owned(), rows.map(|rows| rows.to_string())),
            ("note".to_owned(), note),
        ]
    );
});
