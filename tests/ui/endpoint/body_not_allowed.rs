use graph_core::{graph_endpoint, Reference};

graph_endpoint! {
    pub GetWithBody {
        method: GET,
        path: "/users/{userId}",
        body: Reference,
    }

    pub DeleteWithBody {
        method: DELETE,
        path: "/groups/{groupId}/members/{memberId}/$ref",
        body: Reference,
    }
}

fn main() {}
