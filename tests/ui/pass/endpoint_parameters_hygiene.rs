//! Function parameters and `{+path}` parameters keep working where the user
//! shadows prelude names, through `crate = "..."`, and under
//! `missing_docs` as an error.
#![deny(missing_docs)]
#![allow(dead_code, non_camel_case_types)]

struct Option;
struct Some;
struct None;
struct Result;
struct Ok;
struct String;
struct Into;
struct str;

mod sdk {
    pub use graph_core;
}

graph_core::graph_endpoint! {
    crate = "crate::sdk::graph_core";

    /// A function with typed parameters after a multi-segment one.
    pub GetRange {
        method: GET,
        path: "/sites/{hostname}:/{+path}:/workbook/worksheets/{worksheetId}/range(address={address},rows={rows},at={at})",
        parameters: {
            address: std::string::String,
            rows: core::option::Option<i64>,
            at: graph_core::DateTimeOffset,
        },
        response: graph_core::JsonValue,
    }
}

fn main() {
    use graph_core::Endpoint;
    let at: graph_core::DateTimeOffset = "2017-09-01T10:00:00+02:00".parse().unwrap();
    let range = GetRange::new("contoso.sharepoint.com", "teams/a b", "Sheet1", "A1:B2", 5, at);
    assert_eq!(
        range.path().unwrap(),
        "/sites/contoso.sharepoint.com:/teams/a%20b:/workbook/worksheets/Sheet1/range(address='A1:B2',rows=5,at=2017-09-01T10:00:00%2B02:00)"
    );
}
