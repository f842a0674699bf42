//! A mistake in an enumeration is reported once, at its cause: its trait
//! impls are still generated, so the code below, which uses them, reports
//! nothing more.
use graph_core::{graph_entity, graph_enum, Flags, GraphEnum};

#[graph_enum("complianceStatus")]
#[derive(Debug, Clone, PartialEq)]
pub enum ComplianceStatus {
    Unknown,
    #[graph(rename = "unknown")]
    Compliant,
    #[graph(other)]
    Other(String),
}

#[graph_enum("riskLevel", flags)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RiskLevel {
    Low,
    High(u8),
}

#[graph_entity("device")]
pub struct Device {
    pub compliance: Option<ComplianceStatus>,
    pub risk: Option<Flags<RiskLevel>>,
}

pub fn uses(device: &Device) -> String {
    let status: ComplianceStatus = "compliant".parse().unwrap();
    let _ = (status.as_str(), status.to_string(), ComplianceStatus::NAME);
    let _ = (RiskLevel::Low.as_str(), RiskLevel::MEMBERS, RiskLevel::from_wire("low"));
    let _: ComplianceStatus = graph_core::from_json(b"\"unknown\"").unwrap();
    let _ = graph_core::to_json(&RiskLevel::Low).unwrap();
    serde_json::to_string(&(&device.compliance, &device.risk)).unwrap()
}

fn main() {}
