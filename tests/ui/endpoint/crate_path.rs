// `crate = "..."` is where generated code looks for graph-core: a path that
// does not lead there fails where it is written.
mod sdk {}

graph_core::graph_endpoint! {
    crate = "crate::sdk::graph_core";

    pub GetMe {
        method: GET,
        path: "/me",
    }
}

fn main() {}
