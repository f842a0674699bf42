use graph_core::graph_endpoint;

graph_endpoint! {
    /// `rename` takes a string.
    pub RenameWithoutValue {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(rename)]
            comment: Option<String>,
        },
    }

    pub RenameNotAString {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(rename = Comment)]
            comment: Option<String>,
        },
    }

    /// An entity field's other options mean nothing for a parameter.
    pub ReadOnlyParameter {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(read_only)]
            comment: Option<String>,
        },
    }

    pub RenamedTwice {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(rename = "Comment", rename = "comment")]
            comment: Option<String>,
        },
    }

    pub EmptyName {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[graph(rename = "")]
            comment: Option<String>,
        },
    }

    /// Read before rustc applies `cfg_attr`, so it cannot be conditional.
    pub ConditionalRename {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[cfg_attr(feature = "beta", graph(rename = "Comment"))]
            comment: Option<String>,
        },
    }

    /// A rename onto another field's parameter.
    pub RenamedOntoAnother {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            comment: Option<String>,
            #[graph(rename = "comment")]
            note: Option<String>,
        },
    }

    /// serde's attributes are not read here either.
    pub SerdeRename {
        method: POST,
        path: "/me/events/{id}/forward",
        body: {
            #[serde(rename = "Comment")]
            comment: Option<String>,
        },
    }
}

fn main() {}
