use graph_core::graph_endpoint;

graph_endpoint! {
    pub Hyphenated {
        method: GET,
        path: "/users/{user-id}",
    }

    pub StartsWithDigit {
        method: GET,
        path: "/users/{1stUser}",
    }

    pub Underscore {
        method: GET,
        path: "/users/{_}",
    }

    pub Twice {
        method: GET,
        path: "/groups/{id}/members/{id}",
    }

    pub SameField {
        method: GET,
        path: "/users/{userId}/manager/{user_id}",
    }

    pub BodyParameter {
        method: POST,
        path: "/bodies/{body}/parts",
        body: graph_core::Reference,
    }

    pub SelfParameter {
        method: GET,
        path: "/users/{self}",
    }
}

fn main() {}
