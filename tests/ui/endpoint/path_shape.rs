use graph_core::graph_endpoint;

graph_endpoint! {
    pub NoLeadingSlash {
        method: GET,
        path: "users/{userId}",
    }

    pub EmptySegment {
        method: GET,
        path: "/users//{userId}",
    }

    pub TrailingSlash {
        method: GET,
        path: "/users/{userId}/",
    }

    pub QueryString {
        method: GET,
        path: "/users/{userId}?$select=displayName",
    }

    pub Fragment {
        method: GET,
        path: "/users/{userId}#top",
    }

    pub EmptyPath {
        method: GET,
        path: "",
    }

    pub RootOnly {
        method: GET,
        path: "/",
    }

    pub NotAString {
        method: GET,
        path: users,
    }
}

fn main() {}
