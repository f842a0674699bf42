//! The types the fuzz targets exercise: DESIGN.md's worked example.

use graph_core::{graph_endpoint, graph_entity, graph_enum, DateTimeOffset};

#[graph_enum("complianceStatus")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComplianceStatus {
    Unknown,
    NotApplicable,
    Compliant,
    Remediated,
    NonCompliant,
    Error,
    Conflict,
    NotAssigned,
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

graph_endpoint! {
    pub CreateUserStatus {
        method: POST,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses",
        body: ManagedDeviceMobileAppConfigurationUserStatusCreate,
        response: ManagedDeviceMobileAppConfigurationUserStatus,
    }

    pub GetMember {
        method: GET,
        path: "/groups/{groupId}/members/{directoryObjectId}",
        response: graph_core::JsonValue,
    }
}
