//! The words of the `graph_endpoint!` syntax, each kind in one list: the
//! keys of an endpoint, the HTTP methods, and the `$` segments a path may or
//! may not contain. Messages name the words from these lists, so a word
//! added here is accepted and suggested everywhere at once.

use std::fmt::Display;

/// Declares a fieldless enum of words together with the one list of them.
macro_rules! keywords {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $($(#[$variant_attr:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum $name {
            $($(#[$variant_attr])* $variant,)+
        }

        impl $name {
            /// Every word, in the order messages list them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The word as written.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The word written exactly `text`.
            pub fn from_word(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|word| word.as_str() == text)
            }

            /// Every word as written, in the order messages list them.
            pub fn words() -> impl Iterator<Item = &'static str> {
                $name::ALL.iter().map(|word| word.as_str())
            }
        }
    };
}

keywords! {
    /// A key inside an endpoint's braces: `method: GET`.
    pub enum Key {
        /// The HTTP method, required.
        Method = "method",
        /// The path template, required.
        Path = "path",
        /// The types of the function parameters in the path.
        Parameters = "parameters",
        /// The type of the request body, sent as JSON.
        Body = "body",
        /// The type of the response body, read from JSON.
        Response = "response",
        /// The status of success, when not the one Graph documents.
        Status = "status",
    }
}

keywords! {
    /// An HTTP method an endpoint may use, named as the `http::Method`
    /// constant.
    pub enum Method {
        Get = "GET", Post = "POST", Patch = "PATCH", Put = "PUT", Delete = "DELETE",
    }
}

impl Method {
    /// Whether a request with this method may carry a body.
    pub fn has_body(self) -> bool {
        matches!(self, Method::Post | Method::Patch | Method::Put)
    }

    /// The status Graph documents for success when `status` is not given.
    pub fn default_status(self, has_response: bool) -> u16 {
        match (self, has_response) {
            (Method::Get, _) => 200,
            (Method::Post, true) => 201,
            (Method::Patch | Method::Put, true) => 200,
            (Method::Post | Method::Patch | Method::Put, false) | (Method::Delete, _) => 204,
        }
    }
}

keywords! {
    /// A `$` segment a path may end with, kept as written: it addresses
    /// something about the resource before it rather than a resource.
    pub enum SystemSegment {
        /// The link to an object, not the object.
        Ref = "$ref",
        /// A media entity's or property's raw value.
        Value = "$value",
        /// The number of items of a collection.
        Count = "$count",
    }
}

/// OData query options, which belong in a query string, not in a path.
/// Compared in lower case, as servers read them.
pub const QUERY_OPTIONS: [&str; 11] = [
    "$select",
    "$expand",
    "$filter",
    "$orderby",
    "$top",
    "$skip",
    "$search",
    "$format",
    "$skiptoken",
    "$deltatoken",
    "$levels",
];

/// `a, b or c`: the words in order as a sentence lists them, with
/// `conjunction` (`or`, `and`) before the last.
pub fn listed<W: Display>(words: impl IntoIterator<Item = W>, conjunction: &str) -> String {
    let words: Vec<String> = words.into_iter().map(|word| word.to_string()).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

/// A word as messages quote code: in backticks.
pub fn code(word: &str) -> String {
    format!("`{word}`")
}

/// The word a misspelling most likely meant, if any is close.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= candidate.len() / 3 + 1)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_words() {
        assert_eq!(closest("responce", Key::words()), Some("response"));
        assert_eq!(closest("bdy", Key::words()), Some("body"));
        assert_eq!(closest("query", Key::words()), None);
        assert_eq!(closest("DELET", Method::words()), Some("DELETE"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn each_word_reads_back_as_itself() {
        for key in Key::ALL {
            assert_eq!(Key::from_word(key.as_str()), Some(*key));
        }
        for method in Method::ALL {
            assert_eq!(Method::from_word(method.as_str()), Some(*method));
        }
        for segment in SystemSegment::ALL {
            assert_eq!(SystemSegment::from_word(segment.as_str()), Some(*segment));
        }
        assert_eq!(Method::from_word("get"), None);
        assert_eq!(SystemSegment::from_word("$batch"), None);
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(
            listed(Key::words().map(code), "or"),
            "`method`, `path`, `parameters`, `body`, `response` or `status`"
        );
        assert_eq!(
            listed(SystemSegment::words().map(code), "and"),
            "`$ref`, `$value` and `$count`"
        );
        assert_eq!(listed(["GET"], "or"), "GET");
        assert_eq!(listed(Vec::<&str>::new(), "or"), "");
    }
}
