use heck::{ToLowerCamelCase, ToSnakeCase};

/// The Graph wire name of a Rust field or variant name: `last_reported_date_time`
/// -> `lastReportedDateTime`, `NotApplicable` -> `notApplicable`, `r#type` -> `type`.
pub fn to_lower_camel(rust_name: &str) -> String {
    rust_name
        .strip_prefix("r#")
        .unwrap_or(rust_name)
        .to_lower_camel_case()
}

/// The Rust field name of a Graph name: `managedDeviceMobileAppConfigurationId`
/// -> `managed_device_mobile_app_configuration_id`.
pub fn to_snake(graph_name: &str) -> String {
    graph_name.to_snake_case()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_names() {
        assert_eq!(
            to_lower_camel("last_reported_date_time"),
            "lastReportedDateTime"
        );
        assert_eq!(to_lower_camel("r#type"), "type");
        assert_eq!(to_lower_camel("sha256_hash"), "sha256Hash");
        assert_eq!(to_lower_camel("NotApplicable"), "notApplicable");
        assert_eq!(to_lower_camel("id"), "id");
        assert_eq!(
            to_snake("managedDeviceMobileAppConfigurationId"),
            "managed_device_mobile_app_configuration_id"
        );
    }
}
