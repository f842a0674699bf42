//! What the generated bindings send and read, on a small hand-written CSDL
//! document: `Edm.Single` as `Double`, one endpoint per action name at a
//! path (the most derived binding), a create endpoint on a non-contained
//! collection, parameters sent as the metadata spells them, updates that
//! may answer with the item, and report functions that answer a stream.

mod common;

use common::endpoint;
use graph_codegen::{Options, Output};

const TYPES: &str = r#"<EntityType Name="managedAppProtection" BaseType="graph.entity">
        <Property Name="ratio" Type="Edm.Single" />
        <Property Name="ratios" Type="Collection(Edm.Single)" Nullable="false" />
      </EntityType>
      <EntityType Name="targetedManagedAppProtection" BaseType="graph.managedAppProtection" />
      <EntityType Name="iosManagedAppProtection" BaseType="graph.targetedManagedAppProtection" />
      <EntityType Name="mobileApp" BaseType="graph.entity">
        <NavigationProperty Name="categories" Type="Collection(graph.mobileAppCategory)" />
        <NavigationProperty Name="owners" Type="Collection(graph.mobileAppCategory)">
          <Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions">
            <Record><PropertyValue Property="Insertable" Bool="false" /></Record>
          </Annotation>
        </NavigationProperty>
      </EntityType>
      <EntityType Name="mobileAppCategory" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
      </EntityType>
      <EntityType Name="event" BaseType="graph.entity" />
      <EntityType Name="reportRoot" BaseType="graph.entity" />
      <ComplexType Name="report">
        <Property Name="content" Type="Edm.Stream" />
      </ComplexType>
      <ComplexType Name="recipient">
        <Property Name="name" Type="Edm.String" />
      </ComplexType>
      <Action Name="targetApps" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.managedAppProtection" />
        <Parameter Name="apps" Type="Collection(Edm.String)" />
      </Action>
      <Action Name="targetApps" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.targetedManagedAppProtection" />
        <Parameter Name="apps" Type="Collection(Edm.String)" />
        <Parameter Name="appGroupType" Type="Edm.String" />
      </Action>
      <Function Name="score" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.managedAppProtection" />
        <Parameter Name="weight" Type="Edm.Single" Nullable="false" />
        <ReturnType Type="Edm.Single" Nullable="false" />
      </Function>
      <Action Name="forward" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.event" />
        <Parameter Name="ToRecipients" Type="Collection(graph.recipient)" />
        <Parameter Name="Comment" Type="Edm.String" />
        <Parameter Name="sendResponse" Type="Edm.Boolean" />
      </Action>
      <Function Name="getYammerActivityUserDetail" IsBound="true">
        <Parameter Name="reportRoot" Type="graph.reportRoot" />
        <Parameter Name="period" Type="Edm.String" Nullable="false" />
        <ReturnType Type="graph.report" />
      </Function>
      <Function Name="getReports" IsBound="true">
        <Parameter Name="reportRoot" Type="graph.reportRoot" />
        <ReturnType Type="Collection(graph.report)" />
      </Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="iosManagedAppProtections" EntityType="graph.iosManagedAppProtection" />
        <EntitySet Name="managedAppProtections" EntityType="graph.managedAppProtection" />
        <EntitySet Name="mobileApps" EntityType="graph.mobileApp" />
        <EntitySet Name="mobileAppCategories" EntityType="graph.mobileAppCategory" />
        <EntitySet Name="events" EntityType="graph.event" />
        <Singleton Name="reports" Type="graph.reportRoot" />
      </EntityContainer>"#;

fn generated(paths: &[&str]) -> Output {
    common::generated(
        TYPES,
        "",
        &Options {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            all_operations: true,
            ..Options::default()
        },
    )
}

#[test]
fn single_is_a_double_in_properties_parameters_and_returns() {
    let output = generated(&["/managedAppProtections"]);
    let graph = &output.files["graph.rs"];
    assert!(!graph.contains("f32"), "{graph}");
    assert!(
        graph.contains("pub ratio: Option<graph_core::Double>,"),
        "{graph}"
    );
    assert!(
        graph.contains("pub ratios: Option<Vec<graph_core::Double>>,"),
        "{graph}"
    );
    let score = endpoint(&output, "ManagedAppProtectionsItemScore");
    assert!(
        score.contains("            weight: graph_core::Double,\n"),
        "{score}"
    );
    assert!(
        score.contains("response: graph_core::ODataValue<graph_core::Double>,"),
        "{score}"
    );
}

#[test]
fn an_action_rebound_by_a_derived_type_has_one_endpoint() {
    let output = generated(&["/iosManagedAppProtections", "/managedAppProtections"]);
    let endpoints = &output.files["endpoints.rs"];
    // The derived type's binding, whatever its parameters, and no second
    // endpoint at the same URL.
    let ios = endpoint(&output, "IosManagedAppProtectionsItemTargetApps");
    assert!(ios.contains("app_group_type: Option<String>,"), "{ios}");
    assert_eq!(
        endpoints
            .matches("path: \"/iosManagedAppProtections/{iosManagedAppProtectionId}/targetApps\"")
            .count(),
        1,
        "{endpoints}"
    );
    assert!(!endpoints.contains("TargetAppsWith"), "{endpoints}");
    // The base type's path keeps the base's binding.
    let base = endpoint(&output, "ManagedAppProtectionsItemTargetApps");
    assert!(!base.contains("app_group_type"), "{base}");
}

#[test]
fn a_non_contained_collection_can_be_created_in_where_insertable() {
    let output = generated(&["/mobileApps/categories", "/mobileApps/owners"]);
    assert_eq!(
        endpoint(&output, "CreateMobileAppsCategories"),
        "    /// `POST /mobileApps/{mobileAppId}/categories`: creates an item and adds a reference to it.
    pub CreateMobileAppsCategories {
        method: POST,
        path: \"/mobileApps/{mobileAppId}/categories\",
        body: crate::graph::MobileAppCategoryCreate,
        response: crate::graph::MobileAppCategory,
    }
"
    );
    // The `$ref` form stays beside it.
    assert!(endpoint(&output, "AddMobileAppsCategoriesRef").contains("/categories/$ref"));
    // Not where the restrictions say the collection is not insertable.
    let endpoints = &output.files["endpoints.rs"];
    assert!(
        !endpoints.contains("pub CreateMobileAppsOwners {"),
        "{endpoints}"
    );
    assert!(
        !endpoints.contains("pub AddMobileAppsOwnersRef {"),
        "{endpoints}"
    );
    // The create type is kept for the endpoint that sends it.
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("#[graph_entity(\"mobileAppCategory\")]\n"),
        "{graph}"
    );
}

#[test]
fn parameters_are_sent_as_the_metadata_spells_them() {
    let output = generated(&["/events"]);
    assert_eq!(
        endpoint(&output, "EventsItemForward"),
        "    /// `POST /events/{eventId}/forward`: the `forward` action.
    pub EventsItemForward {
        method: POST,
        path: \"/events/{eventId}/forward\",
        body: {
            #[graph(rename = \"ToRecipients\")]
            to_recipients: Option<Vec<crate::graph::Recipient>>,
            #[graph(rename = \"Comment\")]
            comment: Option<String>,
            send_response: Option<bool>,
        },
    }
"
    );
}

#[test]
fn updates_declare_the_item_or_no_content() {
    let output = generated(&["/events", "/reports"]);
    let update = endpoint(&output, "UpdateEventsItem");
    assert!(update.contains("method: PATCH,"), "{update}");
    assert!(
        update.contains("response: graph_core::Returned<crate::graph::Event>,"),
        "{update}"
    );
    let singleton = endpoint(&output, "UpdateReports");
    assert!(
        singleton.contains("response: graph_core::Returned<crate::graph::ReportRoot>,"),
        "{singleton}"
    );
}

#[test]
fn a_function_typed_as_a_report_is_a_download() {
    let output = generated(&["/reports"]);
    let detail = endpoint(&output, "ReportsGetYammerActivityUserDetail");
    assert!(
        detail.contains("response: graph_core::Download,"),
        "{detail}"
    );
    // A collection of them is JSON, as the metadata says.
    let many = endpoint(&output, "ReportsGetReports");
    assert!(
        many.contains("response: graph_core::ODataValue<Vec<crate::graph::Report>>,"),
        "{many}"
    );
}
