use graph_core::graph_endpoint;

graph_endpoint! {
    pub TooLow {
        method: POST,
        path: "/users/{userId}/sendMail",
        status: 42,
    }

    pub TooHigh {
        method: POST,
        path: "/users/{userId}/sendMail",
        status: 1000,
    }

    pub AnErrorStatus {
        method: GET,
        path: "/users/{userId}",
        status: 404,
    }

    pub Quoted {
        method: POST,
        path: "/users/{userId}/sendMail",
        status: "202",
    }
}

fn main() {}
