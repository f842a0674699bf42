use graph_core::graph_entity;

#[graph_entity]
pub struct Missing {
    pub name: Option<String>,
}

#[graph_entity("")]
pub struct Empty {
    pub name: Option<String>,
}

#[graph_entity(user)]
pub struct NotAString {
    pub name: Option<String>,
}

#[graph_entity(42)]
pub struct ANumber {
    pub name: Option<String>,
}

#[graph_entity("#microsoft.graph.user")]
pub struct WithHash {
    pub name: Option<String>,
}

#[graph_entity("device configuration")]
pub struct WithSpace {
    pub name: Option<String>,
}

#[graph_entity("microsoft..graph.user")]
pub struct EmptySegment {
    pub name: Option<String>,
}

#[graph_entity("user", create = UserCreate, crate = "not a path")]
pub struct BadOptions {
    pub name: Option<String>,
}

#[graph_entity("user", creat = "NewUser", "again")]
pub struct UnknownOption {
    pub name: Option<String>,
}

fn main() {}
