//! A user's own `UrlLiteral` can write anything. Whatever it writes, the
//! request is either refused (naming the parameter) or its URL keeps its
//! shape: the same segments, the same function arguments, and the value
//! reads back, by a parser written here, as exactly what was written.

use graph_core::{graph_endpoint, Endpoint, GraphError, UrlLiteral};
use proptest::prelude::*;
use url::Url;

mod url_text;
use url_text::{arguments, decode, url_text};

/// Writes its text as is: the most hostile `UrlLiteral` there is.
#[derive(Debug, Clone)]
pub struct Raw(pub String);

impl UrlLiteral for Raw {
    fn write_url_literal(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

graph_endpoint! {
    pub Hostile {
        method: GET,
        path: "/me/drive/root:/{+path}:/f(a={a},b={b})/next",
        parameters: { a: Raw, b: String },
    }
}

/// Literal-looking text: quotes, prefixes and the characters that end
/// things in a URL or a parameter list.
fn literal_text() -> impl Strategy<Value = String> {
    prop_oneof![
        url_text(),
        (
            "[a-z.]{0,3}",
            prop::collection::vec(
                prop::sample::select(vec!['\'', 'x', ',', ')', '=', '/']),
                0..8
            ),
        )
            .prop_map(|(prefix, chars)| format!("{prefix}'{}'", String::from_iter(chars))),
        "[-+.:_a-zA-Z0-9]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_user_literal_never_changes_the_shape_of_the_url(
        written in literal_text(),
        b in url_text(),
    ) {
        let built = Hostile::new("Documents/a.xlsx", Raw(written.clone()), b.clone())
            .to_request("https://graph.microsoft.com/v1.0", "token");
        let request = match built {
            Err(GraphError::InvalidPathParameter { name: "a", .. }) => return Ok(()),
            other => other.unwrap(),
        };
        let text = request.uri().to_string();
        let url = Url::parse(&text).unwrap();
        prop_assert_eq!(url.host_str(), Some("graph.microsoft.com"));
        prop_assert_eq!(url.query(), None);
        prop_assert_eq!(url.fragment(), None);
        let segments: Vec<&str> = url.path_segments().unwrap().collect();
        prop_assert_eq!(
            &segments[..5],
            ["v1.0", "me", "drive", "root:", "Documents"],
            "{}", text
        );
        prop_assert_eq!(segments[5], "a.xlsx:");
        prop_assert_eq!(segments.len(), 8, "{}", text);
        prop_assert_eq!(segments[7], "next");
        let args = arguments(&decode(segments[6]));
        prop_assert!(args.is_some(), "{}", text);
        let args = args.unwrap();
        prop_assert_eq!(args.len(), 2, "{}", text);
        prop_assert_eq!((args[0].0.as_str(), args[0].1.as_str()), ("a", written.as_str()));
        prop_assert_eq!(args[1].0.as_str(), "b");
        prop_assert_eq!(&args[1].1, &format!("'{}'", b.replace('\'', "''")));
    }
}
