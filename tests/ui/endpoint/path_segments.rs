use graph_core::graph_endpoint;

graph_endpoint! {
    pub QueryOption {
        method: GET,
        path: "/users/$select",
    }

    pub UnknownSystemSegment {
        method: GET,
        path: "/$metadata",
    }

    pub RefNotLast {
        method: GET,
        path: "/groups/{groupId}/members/$ref/{memberId}",
    }

    pub DotSegments {
        method: GET,
        path: "/users/../groups",
    }

    pub Space {
        method: GET,
        path: "/users/{userId}/mail folders",
    }

    pub NonAscii {
        method: GET,
        path: "/users/{userId}/dossiers/élèves",
    }

    pub BadEscape {
        method: GET,
        path: "/users/100%",
    }
}

fn main() {}
