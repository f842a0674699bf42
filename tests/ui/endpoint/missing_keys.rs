use graph_core::graph_endpoint;

graph_endpoint! {
    pub NoMethod {
        path: "/users/{userId}",
    }

    pub NoPath {
        method: GET,
    }

    pub Empty {}
}

fn main() {}
