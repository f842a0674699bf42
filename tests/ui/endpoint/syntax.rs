use graph_core::graph_endpoint;

graph_endpoint! {
    pub GetUser<T> {
        method: GET,
        path: "/users/{userId}",
    }
}

graph_endpoint! {
    pub struct GetGroup {
        method: GET,
        path: "/groups/{groupId}",
    }
}

graph_endpoint! {}

graph_endpoint! {
    crate = "not a path";
    pub GetMe {
        method: GET,
        path: "/me",
    }
}

fn main() {}
