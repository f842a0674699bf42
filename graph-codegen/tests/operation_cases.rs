//! Bound actions and functions, on a small hand-written CSDL document: where
//! they attach, how they are named (overloads included), and how their
//! parameters and returns are declared.

mod common;

use common::endpoint;
use graph_codegen::{Options, Output};

const TYPES: &str = r#"<EntityType Name="directoryObject" BaseType="graph.entity" />
      <EntityType Name="user" BaseType="graph.directoryObject">
        <NavigationProperty Name="devices" Type="Collection(graph.device)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="device" BaseType="graph.entity" />
      <EntityType Name="reportRoot" BaseType="graph.entity" />
      <EntityType Name="message" BaseType="graph.entity">
        <Property Name="subject" Type="Edm.String" />
      </EntityType>
      <ComplexType Name="window">
        <Property Name="start" Type="Edm.DateTimeOffset" />
      </ComplexType>
      <EnumType Name="period">
        <Member Name="d7" Value="0" />
      </EnumType>
      <Action Name="sendMail" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <Parameter Name="Message" Type="graph.message" Nullable="false" />
        <Parameter Name="SaveToSentItems" Type="Edm.Boolean" />
      </Action>
      <Action Name="getMemberGroups" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.directoryObject" Nullable="false" />
        <Parameter Name="securityEnabledOnly" Type="Edm.Boolean" />
        <ReturnType Type="Collection(Edm.String)" Nullable="false" />
      </Action>
      <Action Name="restore" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.directoryObject" Nullable="false" />
        <ReturnType Type="graph.directoryObject" />
      </Action>
      <Action Name="wipe" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.device" />
      </Action>
      <Action Name="findWindow" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.device)" />
        <ReturnType Type="graph.window" />
      </Action>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Function Name="countActive" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.device)" />
        <Parameter Name="since" Type="Edm.DateTimeOffset" Nullable="false" />
        <Parameter Name="kind" Type="graph.period" />
        <ReturnType Type="Edm.Int32" Nullable="false" />
      </Function>
      <Function Name="inWindow" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.device)" />
        <Parameter Name="window" Type="graph.window" />
        <ReturnType Type="Collection(graph.device)" />
      </Function>
      <Function Name="getEmailActivityUserDetail" IsBound="true">
        <Parameter Name="reportRoot" Type="graph.reportRoot" />
        <Parameter Name="date" Type="Edm.Date" Nullable="false" />
        <ReturnType Type="Edm.Stream" Nullable="false" />
      </Function>
      <Function Name="getEmailActivityUserDetail" IsBound="true">
        <Parameter Name="reportRoot" Type="graph.reportRoot" />
        <Parameter Name="period" Type="Edm.String" Nullable="false" />
        <ReturnType Type="Edm.Stream" Nullable="false" />
      </Function>
      <Function Name="getEmailActivityUserDetail" IsBound="true">
        <Parameter Name="reportRoot" Type="graph.reportRoot" />
        <ReturnType Type="Edm.Stream" Nullable="false" />
      </Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
        <EntitySet Name="directoryObjects" EntityType="graph.directoryObject" />
        <Singleton Name="reports" Type="graph.reportRoot" />
      </EntityContainer>"#;

const SECURITY: &str = r#"<Schema Namespace="microsoft.graph.security" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Action Name="runHuntingQuery" IsBound="true">
        <Parameter Name="bindingParameter" Type="microsoft.graph.reportRoot" />
        <Parameter Name="query" Type="Edm.String" Nullable="false" />
      </Action>
    </Schema>"#;

fn generated(options: Options) -> Output {
    common::generated(TYPES, SECURITY, &options)
}

fn paths(paths: &[&str]) -> Output {
    generated(Options {
        paths: paths.iter().map(|p| p.to_string()).collect(),
        all_operations: true,
        ..Options::default()
    })
}

#[test]
fn an_action_bound_to_an_entity_sends_its_parameters_inline() {
    let output = paths(&["/users"]);
    assert_eq!(
        endpoint(&output, "UsersItemSendMail"),
        "    /// `POST /users/{userId}/sendMail`: the `sendMail` action.
    pub UsersItemSendMail {
        method: POST,
        path: \"/users/{userId}/sendMail\",
        body: {
            #[graph(rename = \"Message\")]
            message: crate::graph::Message,
            #[graph(rename = \"SaveToSentItems\")]
            save_to_sent_items: Option<bool>,
        },
    }
"
    );
    // Bound to the base type, so at the user too; a collection of strings
    // comes wrapped in `value`.
    assert_eq!(
        endpoint(&output, "UsersItemGetMemberGroups"),
        "    /// `POST /users/{userId}/getMemberGroups`: the `getMemberGroups` action.
    pub UsersItemGetMemberGroups {
        method: POST,
        path: \"/users/{userId}/getMemberGroups\",
        body: {
            security_enabled_only: Option<bool>,
        },
        response: graph_core::ODataValue<Vec<String>>,
    }
"
    );
    // No parameters: no body; an entity returned as it is (any type derived
    // from it).
    let restore = endpoint(&output, "UsersItemRestore");
    assert!(!restore.contains("body"), "{restore}");
    assert!(
        restore.contains("response: crate::graph::AnyDirectoryObject,"),
        "{restore}"
    );
    // The message type comes along with the action that needs it.
    assert!(output.files["graph.rs"].contains("pub struct Message {"));
}

#[test]
fn functions_put_their_parameters_in_the_url() {
    let output = paths(&["/users/devices"]);
    assert_eq!(
        endpoint(&output, "UsersDevicesCountActive"),
        "    /// `GET /users/{userId}/devices/countActive(since={since},kind={kind})`: the `countActive` function.
    pub UsersDevicesCountActive {
        method: GET,
        path: \"/users/{userId}/devices/countActive(since={since},kind={kind})\",
        parameters: {
            since: graph_core::DateTimeOffset,
            kind: Option<crate::graph::Period>,
        },
        response: graph_core::ODataValue<i32>,
    }
"
    );
    // Bound to the collection, at the collection; bound to one device, at
    // its item path.
    assert!(endpoint(&output, "UsersDevicesFindWindow")
        .contains("path: \"/users/{userId}/devices/findWindow\","));
    assert!(endpoint(&output, "UsersDevicesFindWindow").contains("response: crate::graph::Window,"));
    assert!(endpoint(&output, "UsersDevicesItemWipe")
        .contains("path: \"/users/{userId}/devices/{deviceId}/wipe\","));
    // A complex parameter has no URL literal: left out, and reported.
    assert!(!output.files["endpoints.rs"].contains("inWindow"));
    let skipped: Vec<&String> = output.report.operations_skipped.values().collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].contains("`window`") && skipped[0].contains("no URL literal"));
    assert_eq!(output.report.operation_endpoints, 3);
}

#[test]
fn delta_and_entity_collections_are_pages() {
    let output = paths(&["/users"]);
    assert_eq!(
        endpoint(&output, "UsersDelta"),
        "    /// `GET /users/delta()`: the `delta` function.
    pub UsersDelta {
        method: GET,
        path: \"/users/delta()\",
        response: graph_core::Collection<crate::graph::User>,
    }
"
    );
}

#[test]
fn overloads_are_named_by_their_parameters_and_streams_are_downloads() {
    let output = paths(&["/reports"]);
    let by_date = endpoint(&output, "ReportsGetEmailActivityUserDetailWithDate");
    assert!(by_date.contains("path: \"/reports/getEmailActivityUserDetail(date={date})\","));
    assert!(by_date.contains("            date: graph_core::Date,\n"));
    assert!(by_date.contains("response: graph_core::Download,"));
    let by_period = endpoint(&output, "ReportsGetEmailActivityUserDetailWithPeriod");
    assert!(by_period.contains("(period={period})"));
    assert!(by_period.contains("            period: String,\n"));
    // The overload without parameters keeps the plain name, and calls `()`.
    assert!(endpoint(&output, "ReportsGetEmailActivityUserDetail")
        .contains("path: \"/reports/getEmailActivityUserDetail()\","));
    // An operation of another namespace is called by its qualified name.
    assert!(endpoint(&output, "ReportsSecurityRunHuntingQuery")
        .contains("path: \"/reports/microsoft.graph.security.runHuntingQuery\","));
}

#[test]
fn operations_can_be_chosen_by_name_or_left_out() {
    let chosen = generated(Options {
        paths: vec!["/users".into()],
        operations: vec!["delta".into()],
        ..Options::default()
    });
    let endpoints = &chosen.files["endpoints.rs"];
    assert!(endpoints.contains("pub UsersDelta {"));
    assert!(!endpoints.contains("SendMail"));
    // Without the action that needs it, `message` is not generated.
    assert!(!chosen.files["graph.rs"].contains("pub struct Message {"));
    let none = generated(Options {
        paths: vec!["/users".into()],
        no_operations: true,
        ..Options::default()
    });
    assert_eq!(none.report.operation_endpoints, 0);
    assert!(!none.files["endpoints.rs"].contains("UsersDelta"));
    assert!(none.files["endpoints.rs"].contains("pub GetUsersItem {"));
    // A path selection has its operations only when asked (each brings its
    // parameter and return types); the whole schema has them all.
    let unasked = generated(Options {
        paths: vec!["/users".into()],
        ..Options::default()
    });
    assert_eq!(unasked.report.operation_endpoints, 0);
    assert!(!unasked.files["graph.rs"].contains("pub struct Message {"));
    assert!(unasked.files["endpoints.rs"].contains("pub GetUsersItem {"));
    let whole = generated(Options {
        whole: true,
        depth: 1,
        ..Options::default()
    });
    assert!(whole
        .files
        .values()
        .any(|file| file.contains("pub UsersItemSendMail {")));
}
