use graph_core::graph_endpoint;

graph_endpoint! {
    pub Misspelled {
        method: GET,
        path: "/users/{userId}",
        responce: String,
    }

    pub Unknown {
        method: GET,
        path: "/users",
        query: "$select=id",
        type: User,
    }

    pub Duplicate {
        method: GET,
        path: "/users/{userId}",
        method: POST,
        path: "/users",
    }

    pub MissingComma {
        method: GET
        path: "/me",
    }

    pub MissingColon {
        method GET,
        path: "/me",
    }
}

fn main() {}
