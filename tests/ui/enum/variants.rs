use graph_core::graph_enum;

#[graph_enum("complianceStatus")]
pub enum ComplianceStatus {
    Unknown,
    Compliant(bool),
    Error { code: i32 },
    #[graph(rename = "unknown")]
    Unknown2,
    #[graph(read_only)]
    Conflict,
    #[graph(other)]
    Other(String),
    #[graph(other)]
    Unrecognized(String),
}

#[graph_enum]
pub enum OtherShape {
    Known,
    #[graph(other, rename = "other")]
    Other,
}

// The enum is still emitted, so code using it reports nothing more.
pub fn uses_the_enum() -> ComplianceStatus {
    ComplianceStatus::Unknown
}

fn main() {}
