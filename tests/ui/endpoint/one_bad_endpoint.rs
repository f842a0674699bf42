// One endpoint's mistakes are reported without hiding the others: the good
// endpoints are generated, and so is a bad one whose mistakes do not change
// its struct, so its uses elsewhere type-check and only the real mistakes
// are reported.
use graph_core::{graph_endpoint, Endpoint, Reference};

graph_endpoint! {
    pub GetUser {
        method: GET,
        path: "/users/{userId}",
    }

    pub Unclosed {
        method: GET,
        path: "/users/{userId",
    }

    pub WithQuery {
        method: GET,
        path: "/users/{userId}?$select=id",
        response: graph_core::JsonValue,
    }

    pub GetWithBody {
        method: GET,
        path: "/users/{userId}/manager/$ref",
        body: Reference,
    }

    pub BadStatus {
        method: DELET,
        path: "/users/{userId}",
        status: 2040,
    }

    pub BadMethod {
        method: 405,
        path: "/users/{userId}",
    }
}

fn main() {
    let _ = GetUser::new("1").to_request("https://graph.microsoft.com/v1.0", "token");
    let _: Result<graph_core::JsonValue, _> = WithQuery::parse_response(graph_core::http::Response::new(""));
    let _ = GetWithBody::new("1", Reference::new("https://graph.microsoft.com/v1.0/users/2"));
    let _ = BadStatus::new("1").path();
    let _ = BadMethod::new("1").path();
}
