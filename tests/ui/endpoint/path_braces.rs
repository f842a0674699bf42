use graph_core::graph_endpoint;

graph_endpoint! {
    pub Unclosed {
        method: GET,
        path: "/users/{userId/messages",
    }

    pub UnclosedAtEnd {
        method: GET,
        path: "/users/{userId",
    }

    pub Unopened {
        method: GET,
        path: "/users/userId}",
    }

    pub Nested {
        method: GET,
        path: "/users/{{userId}}",
    }

    pub Empty {
        method: GET,
        path: "/users/{}",
    }

    pub MixedWithText {
        method: GET,
        path: "/drives/{driveId}/items(id='{itemId}')",
    }

    pub TwoInOneSegment {
        method: GET,
        path: "/users/{userId}{suffix}",
    }
}

fn main() {}
