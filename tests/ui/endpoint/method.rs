use graph_core::graph_endpoint;

graph_endpoint! {
    pub HeadUser {
        method: HEAD,
        path: "/users/{userId}",
    }

    pub GetUser {
        method: get,
        path: "/users/{userId}",
    }

    pub CreateUser {
        method: "POST",
        path: "/users",
    }

    pub ListUsers {
        method: 42,
        path: "/users",
    }
}

fn main() {}
