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

/// A small hierarchy for polymorphic reads: an abstract entity base, two
/// levels of derived types, and an abstract complex base inside them.
pub mod hierarchy {
    use graph_core::{graph_complex, graph_entity, graph_polymorphic, DateTimeOffset};

    #[graph_entity("deviceConfiguration", abstract)]
    #[derive(Debug, Clone, PartialEq)]
    pub struct DeviceConfiguration {
        pub display_name: Option<String>,
        pub version: Option<i32>,
        pub created_date_time: Option<DateTimeOffset>,
    }

    #[graph_entity("androidCustomConfiguration", base = "DeviceConfiguration")]
    #[derive(Debug, Clone, PartialEq)]
    pub struct AndroidCustomConfiguration {
        pub oma_settings: Option<Vec<AnyOmaSetting>>,
    }

    #[graph_entity("androidWorkProfileCustomConfiguration", base = "AndroidCustomConfiguration")]
    #[derive(Debug, Clone, PartialEq)]
    pub struct AndroidWorkProfileCustomConfiguration {
        pub work_profile_only: Option<bool>,
    }

    #[graph_polymorphic]
    #[derive(Debug, Clone, PartialEq)]
    pub enum AnyDeviceConfiguration {
        AndroidCustom(AndroidCustomConfiguration),
        AndroidWorkProfile(AndroidWorkProfileCustomConfiguration),
        #[graph(other)]
        Other(DeviceConfiguration),
    }

    #[graph_complex("omaSetting", abstract)]
    #[derive(Debug, Clone, PartialEq)]
    pub struct OmaSetting {
        pub oma_uri: Option<String>,
    }

    #[graph_complex("omaSettingInteger", base = "OmaSetting")]
    #[derive(Debug, Clone, PartialEq)]
    pub struct OmaSettingInteger {
        pub value: i32,
    }

    #[graph_polymorphic]
    #[derive(Debug, Clone, PartialEq)]
    pub enum AnyOmaSetting {
        Integer(OmaSettingInteger),
        #[graph(other)]
        Other(OmaSetting),
    }
}

graph_endpoint! {
    /// Every kind of parameter: one segment, several segments, and typed
    /// function parameters (for `path_parameters`).
    pub GetWorkbookRange {
        method: GET,
        path: "/sites/{hostname}:/{+path}:/workbook/worksheets/{worksheetId}/range(address={address},rows={rows},note={note})",
        parameters: { address: String, rows: Option<i64>, note: Option<String> },
        response: graph_core::JsonValue,
    }
}
