//! `{Struct}Update`: a PATCH sends exactly what the caller changed.

mod common;

use common::*;
use graph_core::{from_json, graph_endpoint, graph_entity, to_json, Endpoint, Entity, Patch};
use serde_json::{json, Value};

graph_endpoint! {
    pub UpdateUserStatus {
        method: PATCH,
        path: "/deviceAppManagement/mobileAppConfigurations/{managedDeviceMobileAppConfigurationId}/userStatuses/{managedDeviceMobileAppConfigurationUserStatusId}",
        body: ManagedDeviceMobileAppConfigurationUserStatusUpdate,
    }
}

fn sent(update: &ManagedDeviceMobileAppConfigurationUserStatusUpdate) -> Value {
    serde_json::from_slice(&to_json(update).unwrap()).unwrap()
}

#[test]
fn unchanged_is_left_out_clear_is_null_set_is_the_value() {
    let update = ManagedDeviceMobileAppConfigurationUserStatusUpdate {
        devices_count: Patch::Set(13),
        status: Patch::Set(ComplianceStatus::NonCompliant),
        user_principal_name: Patch::Clear,
        ..Default::default()
    };
    assert_eq!(
        sent(&update),
        json!({
            "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
            "devicesCount": 13,
            "status": "nonCompliant",
            "userPrincipalName": null
        })
    );
    let nothing = ManagedDeviceMobileAppConfigurationUserStatusUpdate::default();
    assert_eq!(
        sent(&nothing),
        json!({"@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"})
    );
}

#[test]
fn reading_an_update_tells_absent_from_null() {
    let update: ManagedDeviceMobileAppConfigurationUserStatusUpdate =
        from_json(br#"{"userDisplayName": null, "devicesCount": 2, "extra": true}"#).unwrap();
    assert_eq!(update.user_display_name, Patch::Clear);
    assert_eq!(update.devices_count, Patch::Set(2));
    assert_eq!(update.status, Patch::Unchanged);
    assert_eq!(update.additional_data["extra"], true);
    // And it writes back exactly what it read.
    assert_eq!(
        sent(&update),
        json!({
            "userDisplayName": null,
            "devicesCount": 2,
            "extra": true
        })
    );
}

#[test]
fn a_patch_request_carries_only_the_changes() {
    let endpoint = UpdateUserStatus::new(
        "config",
        "status",
        ManagedDeviceMobileAppConfigurationUserStatusUpdate {
            user_display_name: "Renamed".to_string().into(),
            ..Default::default()
        },
    );
    let request = endpoint
        .to_request("https://graph.microsoft.com/v1.0", "token")
        .unwrap();
    assert_eq!(request.method(), "PATCH");
    assert_eq!(UpdateUserStatus::SUCCESS_STATUS, 204);
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus","userDisplayName":"Renamed"}"##
    );
}

/// Read-only properties are not in the update type; `required` ones and
/// plain ones are `Patch<T>` like the rest; the user's own `Default` derive
/// is used when there is one.
mod shapes {
    use graph_core::{graph_entity, Patch};

    #[graph_entity("mobileAppCategory", update = "CategoryChanges")]
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct MobileAppCategory {
        #[graph(required)]
        pub display_name: Option<String>,
        #[graph(read_only)]
        pub last_modified_date_time: Option<graph_core::DateTimeOffset>,
        pub priority: i32,
    }

    #[test]
    fn fields() {
        let changes = CategoryChanges {
            display_name: Patch::Set("Tools".into()),
            priority: Patch::Unchanged,
            additional_data: Default::default(),
        };
        assert_eq!(changes, CategoryChanges::default().with_name("Tools"));
    }

    impl CategoryChanges {
        fn with_name(mut self, name: &str) -> Self {
            self.display_name = Patch::Set(name.into());
            self
        }
    }
}

#[graph_entity("printer")]
pub struct NoDerives {
    pub name: Option<String>,
}

#[test]
fn update_types_default_without_user_derives() {
    fn update_of<E: Entity>() -> E::Update
    where
        E::Update: Default,
    {
        E::Update::default()
    }
    let update: NoDerivesUpdate = update_of::<NoDerives>();
    assert!(update.name.is_unchanged());
}

/// Generic code can send any entity's create and update bodies.
#[test]
fn create_and_update_types_are_serializable_through_the_trait() {
    fn bodies<E: Entity>(create: &E::Create, update: &E::Update) -> (Vec<u8>, Vec<u8>) {
        (to_json(create).unwrap(), to_json(update).unwrap())
    }
    let (create, update) = bodies::<ManagedDeviceMobileAppConfigurationUserStatus>(
        &sample_create(),
        &Default::default(),
    );
    assert!(create.starts_with(br#"{"@odata.type":"#));
    assert_eq!(
        update,
        br##"{"@odata.type":"#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus"}"##
    );
}
