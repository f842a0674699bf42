//! Built URLs keep their declared shape, as an independent WHATWG URL parser
//! (the `url` crate, which reqwest and browsers follow) reads them: path
//! parameters stay exactly one segment each, whatever they hold, and query
//! option values never end their option or start another.

use graph_core::http::Request;
use graph_core::{graph_endpoint, Endpoint, GraphError, JsonValue, RequestOptions};
use proptest::prelude::*;
use url::Url;

mod url_text;
use url_text::{decode, url_text};

const ROOT: &str = "https://graph.microsoft.com/v1.0";

graph_endpoint! {
    pub DeleteMessage {
        method: DELETE,
        path: "/users/{userId}/messages/{messageId}",
    }

    pub ListUsers { method: GET, path: "/users", response: JsonValue }
}

fn parse(request: &Request<Vec<u8>>) -> Url {
    let text = request.uri().to_string();
    Url::parse(&text).unwrap_or_else(|error| panic!("{text}: {error}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn path_parameters_keep_exactly_the_declared_segments(user in url_text(), message in url_text()) {
        let built = DeleteMessage::new(user.as_str(), message.as_str()).to_request(ROOT, "token");
        let refused = |value: &str| matches!(value, "" | "." | "..");
        if refused(&user) || refused(&message) {
            let name = if refused(&user) { "userId" } else { "messageId" };
            match built {
                Err(GraphError::InvalidPathParameter { name: got, .. }) => prop_assert_eq!(got, name),
                other => prop_assert!(false, "{user:?} {message:?}: {other:?}"),
            }
            return Ok(());
        }
        let request = built.unwrap();
        let url = parse(&request);
        prop_assert_eq!(url.host_str(), Some("graph.microsoft.com"));
        prop_assert_eq!(url.query(), None);
        prop_assert_eq!(url.fragment(), None);
        let segments: Vec<String> = url.path_segments().unwrap().map(decode).collect();
        prop_assert_eq!(segments, ["v1.0", "users", &user, "messages", &message]);
    }

    #[test]
    fn query_values_never_end_their_option(
        select in prop::collection::vec(url_text(), 0..3),
        expand in prop::collection::vec(url_text(), 0..3),
        orderby in prop::collection::vec(url_text(), 0..3),
        filter in prop::option::of(url_text()),
        search in prop::option::of(url_text()),
        top in prop::option::of(any::<u64>()),
        skip in prop::option::of(any::<u64>()),
        count in prop::option::of(any::<bool>()),
    ) {
        let mut options = RequestOptions::new()
            .select(select.clone())
            .expand(expand.clone())
            .orderby(orderby.clone());
        let mut expected = Vec::new();
        for (name, values) in [("$select", &select), ("$expand", &expand), ("$orderby", &orderby)] {
            if !values.is_empty() {
                expected.push((name.to_owned(), values.join(",")));
            }
        }
        if let Some(filter) = &filter {
            options = options.filter(filter.as_str());
            expected.push(("$filter".to_owned(), filter.clone()));
        }
        if let Some(search) = &search {
            options = options.search(search.as_str());
            expected.push(("$search".to_owned(), search.clone()));
        }
        if let Some(top) = top {
            options = options.top(top);
            expected.push(("$top".to_owned(), top.to_string()));
        }
        if let Some(skip) = skip {
            options = options.skip(skip);
            expected.push(("$skip".to_owned(), skip.to_string()));
        }
        if let Some(count) = count {
            options = options.count(count);
            expected.push(("$count".to_owned(), count.to_string()));
        }
        let request = ListUsers::new().to_request_with(ROOT, "token", &options).unwrap();
        let url = parse(&request);
        prop_assert_eq!(url.path(), "/v1.0/users");
        prop_assert_eq!(url.fragment(), None);
        let mut got: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        got.sort();
        expected.sort();
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn the_reviewers_cases() {
    let options = RequestOptions::new().search("who?").top(5);
    let request = ListUsers::new()
        .to_request_with(ROOT, "token", &options)
        .unwrap();
    let pairs: Vec<(String, String)> = parse(&request).query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        [
            ("$search".into(), "who?".into()),
            ("$top".into(), "5".into())
        ]
    );

    let options = RequestOptions::new().select(["id?"]).filter("a eq 1");
    assert_eq!(options.query_string(), "$select=id?&$filter=a%20eq%201");

    // `DELETE /users/u1/messages/..` would otherwise reach `/users/u1/`.
    let error = DeleteMessage::new("u1", "..")
        .to_request(ROOT, "token")
        .unwrap_err();
    assert!(
        matches!(
            error,
            GraphError::InvalidPathParameter {
                name: "messageId",
                ..
            }
        ),
        "{error:?}"
    );
}
