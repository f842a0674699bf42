//! Default Graph names of Rust names.
//!
//! Each default is the inverse of how a Rust user transcribes a Graph name,
//! so that a name copied from Graph's documentation maps back to exactly
//! that name: Graph's `lowerCamel` properties become `snake_case` fields (or
//! stay as written, under `#[allow(non_snake_case)]`), and its members and
//! types become `PascalCase` by raising the first letter only (`iOS` ->
//! `IOS`, `macOS` -> `MacOS`). Splitting words again, as a case-conversion
//! library does, would turn `IOS` into `ios`: a wrong name that fails
//! silently, since the value then lands in `additional_data` or `Other`.

use heck::{ToLowerCamelCase, ToSnakeCase};

/// The Graph name of a field: a `snake_case` name (no uppercase letter) is
/// `lowerCamel`-cased, `last_reported_date_time` -> `lastReportedDateTime`,
/// `sha256_hash` -> `sha256Hash`; any other name is taken as Graph's own
/// spelling and kept, `azureADDeviceId` -> `azureADDeviceId`. `r#type` ->
/// `type`.
pub fn property_name(rust_name: &str) -> String {
    let name = unraw(rust_name);
    if name.chars().any(char::is_uppercase) {
        name.to_owned()
    } else {
        to_lower_camel(name)
    }
}

/// The Graph name of an enum variant or of a type: its first letter lowered
/// and nothing else changed, `NotApplicable` -> `notApplicable`, `IOS` ->
/// `iOS`, `MacOS` -> `macOS`, `Windows10_1803` -> `windows10_1803`.
pub fn member_name(rust_name: &str) -> String {
    let name = unraw(rust_name);
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `snake_case` -> `lowerCamel`, for suggestions built from arbitrary text.
pub fn to_lower_camel(snake: &str) -> String {
    unraw(snake).to_lower_camel_case()
}

/// The Rust field name of a Graph name: `managedDeviceMobileAppConfigurationId`
/// -> `managed_device_mobile_app_configuration_id`.
pub fn to_snake(graph_name: &str) -> String {
    graph_name.to_snake_case()
}

fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_fields_become_lower_camel() {
        assert_eq!(
            property_name("last_reported_date_time"),
            "lastReportedDateTime"
        );
        assert_eq!(property_name("r#type"), "type");
        assert_eq!(property_name("sha256_hash"), "sha256Hash");
        assert_eq!(property_name("id"), "id");
    }

    #[test]
    fn other_fields_keep_graph_spelling() {
        assert_eq!(property_name("azureADDeviceId"), "azureADDeviceId");
        assert_eq!(property_name("iOSVersion"), "iOSVersion");
        assert_eq!(property_name("r#isOS"), "isOS");
        assert_eq!(property_name("displayName"), "displayName");
    }

    #[test]
    fn members_lower_only_their_first_letter() {
        assert_eq!(member_name("IOS"), "iOS");
        assert_eq!(member_name("MacOS"), "macOS");
        assert_eq!(member_name("NotApplicable"), "notApplicable");
        assert_eq!(member_name("Windows10_1803"), "windows10_1803");
        assert_eq!(member_name("ComplianceStatus"), "complianceStatus");
        assert_eq!(member_name("unknown"), "unknown");
        assert_eq!(member_name("Ébauche"), "ébauche");
        assert_eq!(member_name(""), "");
    }

    #[test]
    fn suggestions_and_field_names() {
        assert_eq!(to_lower_camel("user_id"), "userId");
        assert_eq!(
            to_snake("managedDeviceMobileAppConfigurationId"),
            "managed_device_mobile_app_configuration_id"
        );
    }
}
