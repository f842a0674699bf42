//! The example, written exactly as a user would.
use graph_core::{graph_entity, graph_enum, DateTimeOffset};

#[graph_enum("complianceStatus")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComplianceStatus {
    Unknown, NotApplicable, Compliant, Remediated, NonCompliant, Error, Conflict, NotAssigned,
    #[graph(other)]
    Other(String),
}

#[graph_entity("managedDeviceMobileAppConfigurationUserStatus")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagedDeviceMobileAppConfigurationUserStatus {
    pub user_display_name: Option<String>,
    pub devices_count: Option<i32>,
    pub status: Option<ComplianceStatus>,
    pub last_reported_date_time: Option<DateTimeOffset>,
    pub user_principal_name: Option<String>,
}

fn main() {
    let create = ManagedDeviceMobileAppConfigurationUserStatusCreate::default();
    let _: &graph_core::AdditionalData = &create.additional_data;
    let status = ManagedDeviceMobileAppConfigurationUserStatus::default();
    let _: Option<String> = status.id.clone();
    let _ = status.clone() == status;
}
