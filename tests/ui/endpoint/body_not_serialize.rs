use graph_core::graph_endpoint;

pub struct NotSerialize {
    pub display_name: String,
}

pub struct NotDeserialize;

graph_endpoint! {
    pub CreateUser {
        method: POST,
        path: "/users",
        body: NotSerialize,
        response: NotDeserialize,
    }
}

fn main() {}
