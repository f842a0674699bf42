use graph_core::graph_enum;

#[graph_enum("complianceStatus")]
pub struct ComplianceStatus {
    pub value: String,
}

#[graph_enum]
pub union Union {
    a: u32,
}

#[graph_enum]
pub enum Generic<T> {
    Known,
    #[graph(other)]
    Other(T),
}

#[graph_enum(complianceStatus)]
pub enum NotAString {
    Unknown,
}

fn main() {}
