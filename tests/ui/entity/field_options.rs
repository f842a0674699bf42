use graph_core::graph_entity;

#[graph_entity("user")]
pub struct User {
    #[graph(skip)]
    pub a: Option<String>,
    #[graph(rename)]
    pub b: Option<String>,
    #[graph(rename = 5)]
    pub c: Option<String>,
    #[graph(required, read_only)]
    pub d: Option<String>,
    #[graph(required)]
    pub e: String,
    #[graph]
    pub f: Option<String>,
    #[graph(read_only, read_only)]
    pub g: Option<String>,
    #[graph(other)]
    pub h: Option<String>,
}

// The struct is still emitted, so code using it reports nothing more.
pub fn uses_the_struct(user: &User) -> Option<&str> {
    user.a.as_deref()
}

fn main() {}
