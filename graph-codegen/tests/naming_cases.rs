//! The naming and shaping rules, each on a small hand-written CSDL document.

mod common;

use graph_codegen::{Options, Output};

fn generated(types: &str, options: Options) -> Output {
    common::generated(types, "", &options)
}

fn namespace(types: &str) -> Output {
    generated(
        types,
        Options {
            namespaces: vec!["microsoft.graph".into()],
            ..Options::default()
        },
    )
}

#[test]
fn keyword_properties_are_raw_identifiers_or_renamed() {
    let output = namespace(
        r#"<ComplexType Name="callRoute">
             <Property Name="type" Type="Edm.String" />
             <Property Name="final" Type="Edm.String" />
             <Property Name="move" Type="Edm.Int32" />
             <Property Name="self" Type="Edm.String" />
           </ComplexType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("    pub r#type: Option<String>,\n"),
        "{graph}"
    );
    assert!(graph.contains("    pub r#final: Option<String>,\n"));
    assert!(graph.contains("    pub r#move: Option<i32>,\n"));
    // `self` cannot be a raw identifier; heck reads `self_` back as `self`.
    assert!(graph.contains("    pub self_: Option<String>,\n"));
    assert!(!graph.contains("pub self: "));
}

#[test]
fn additional_data_and_redeclared_inherited_properties() {
    let output = namespace(
        r#"<EntityType Name="base" BaseType="graph.entity">
             <Property Name="displayName" Type="Edm.String" />
             <Property Name="additionalData" Type="Edm.String" />
           </EntityType>
           <EntityType Name="derived" BaseType="graph.base">
             <Key><PropertyRef Name="id" /></Key>
             <Property Name="id" Type="Edm.String" Nullable="false" />
             <Property Name="displayName" Type="Edm.String" />
             <Property Name="extra" Type="Edm.Boolean" />
           </EntityType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains(
            "    #[graph(rename = \"additionalData\")]\n    pub additional_data_property: Option<String>,\n"
        ),
        "{graph}"
    );
    // `id` comes from the macro; `displayName` from the base.
    let derived = &graph[graph.find("pub struct Derived {").unwrap()..];
    assert!(
        derived.starts_with("pub struct Derived {\n    pub extra: Option<bool>,\n}\n"),
        "{derived}"
    );
    assert!(graph.contains("#[graph_entity(\"derived\", base = \"Base\")]"));
    assert_eq!(
        output.report.redeclared,
        ["microsoft.graph.derived/displayName"]
    );
}

#[test]
fn recursive_complex_types_are_boxed_and_nothing_else_is() {
    let output = namespace(
        r#"<ComplexType Name="node">
             <Property Name="parent" Type="graph.node" />
             <Property Name="children" Type="Collection(graph.node)" />
             <Property Name="pair" Type="graph.pairA" />
             <Property Name="leaf" Type="graph.leaf" />
           </ComplexType>
           <ComplexType Name="pairA"><Property Name="b" Type="graph.pairB" /></ComplexType>
           <ComplexType Name="pairB"><Property Name="a" Type="graph.pairA" /></ComplexType>
           <ComplexType Name="leaf"><Property Name="name" Type="Edm.String" /></ComplexType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("    pub parent: Option<Box<Node>>,\n"),
        "{graph}"
    );
    assert!(graph.contains("    pub children: Option<Vec<Node>>,\n"));
    assert!(graph.contains("    pub b: Option<Box<PairB>>,\n"));
    assert!(graph.contains("    pub a: Option<Box<PairA>>,\n"));
    assert!(graph.contains("    pub pair: Option<PairA>,\n"));
    assert!(graph.contains("    pub leaf: Option<Leaf>,\n"));
    assert_eq!(output.report.boxed_fields, 3);
}

#[test]
fn enum_members_that_normalise_alike_and_a_member_named_other() {
    let output = namespace(
        r#"<EnumType Name="windowsMalwareCategory">
             <Member Name="remoteControlSoftware" Value="25" />
             <Member Name="remote_Control_Software" Value="33" />
             <Member Name="other" Value="1" />
           </EnumType>
           <EnumType Name="platforms" IsFlags="true">
             <Member Name="iOS" Value="1" />
             <Member Name="macOS" Value="2" />
           </EnumType>
           <ComplexType Name="holder"><Property Name="platforms" Type="graph.platforms" /></ComplexType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("#[allow(non_camel_case_types)]\n"),
        "{graph}"
    );
    assert!(
        graph.contains("    RemoteControlSoftware,\n    Remote_Control_Software,\n    Other,\n")
    );
    assert!(graph.contains("    #[graph(other)]\n    OtherMember(String),\n"));
    assert!(graph.contains("#[graph_enum(\"platforms\", flags)]\n"));
    assert!(graph.contains("    IOS,\n    MacOS,\n"));
    assert!(graph.contains("    pub platforms: Option<graph_core::Flags<Platforms>>,\n"));
}

#[test]
fn a_property_of_a_base_type_holds_any_derived_type() {
    let output = namespace(
        r#"<ComplexType Name="identity" OpenType="true"><Property Name="displayName" Type="Edm.String" /></ComplexType>
           <ComplexType Name="userIdentity" BaseType="graph.identity"><Property Name="upn" Type="Edm.String" /></ComplexType>
           <ComplexType Name="identitySet"><Property Name="user" Type="graph.identity" /></ComplexType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("    pub user: Option<AnyIdentity>,\n"),
        "{graph}"
    );
    assert!(graph.contains(
        "#[graph_polymorphic]\n#[derive(Debug, Clone, PartialEq)]\npub enum AnyIdentity {\n    UserIdentity(Box<UserIdentity>),\n    #[graph(other)]\n    Other(Box<Identity>),\n}\n"
    ));
    assert!(graph.contains("#[graph_complex(\"userIdentity\", base = \"Identity\")]"));
}

#[test]
fn endpoints_follow_containment_and_references_and_honour_restrictions() {
    let types = r#"<EntityType Name="user" BaseType="graph.entity">
             <NavigationProperty Name="photos" Type="Collection(graph.photo)" ContainsTarget="true" />
             <NavigationProperty Name="manager" Type="graph.user" />
             <NavigationProperty Name="friends" Type="Collection(graph.user)" />
           </EntityType>
           <EntityType Name="photo" BaseType="graph.entity"><Property Name="size" Type="Edm.Int64" /></EntityType>
           <EntityContainer Name="GraphService">
             <EntitySet Name="users" EntityType="graph.user" />
             <EntitySet Name="alerts_v2" EntityType="graph.photo" />
           </EntityContainer>
           <Annotations Target="microsoft.graph.user/photos">
             <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions">
               <Record><PropertyValue Property="Deletable" Bool="false" /></Record>
             </Annotation>
           </Annotations>"#;
    let output = generated(
        types,
        Options {
            trees: vec!["/users".into()],
            paths: vec!["/alerts_v2".into()],
            depth: 2,
            ..Options::default()
        },
    );
    let endpoints = &output.files["endpoints.rs"];
    for needle in [
        "pub ListUsers {",
        "pub CreateUsers {",
        "pub GetUsersItem {",
        "pub UpdateUsersItem {",
        "pub DeleteUsersItem {",
        "path: \"/users/{userId}/photos/{photoId}\",",
        "pub ListUsersPhotos {",
        "pub SetUsersManagerRef {",
        "path: \"/users/{userId}/manager/$ref\",",
        "pub AddUsersFriendsRef {",
        "path: \"/users/{userId}/friends/{userId2}/$ref\",",
        "body: crate::graph::UserCreate,",
        "response: graph_core::Collection<crate::graph::Photo>,",
        // UpperCamel whatever the segment: no `non_camel_case_types`.
        "pub ListAlertsV2 {",
        "pub GetAlertsV2Item {",
    ] {
        assert!(
            endpoints.contains(needle),
            "lacks {needle:?} in\n{endpoints}"
        );
    }
    assert!(
        !endpoints.contains("pub DeleteUsersPhotosItem {"),
        "photos are not deletable"
    );
    // Navigation properties to selected types are fields, boxed when they
    // hold the type itself.
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("    pub manager: Option<Box<User>>,\n"),
        "{graph}"
    );
    assert!(graph.contains("    pub photos: Option<Vec<Photo>>,\n"));
}

#[test]
fn whole_schema_mode_gates_every_item_by_the_features_that_need_it() {
    let types = r#"<EntityType Name="user" BaseType="graph.entity">
             <Property Name="address" Type="graph.address" />
             <NavigationProperty Name="drive" Type="graph.drive" />
           </EntityType>
           <EntityType Name="drive" BaseType="graph.entity" />
           <ComplexType Name="address"><Property Name="city" Type="Edm.String" /></ComplexType>
           <ComplexType Name="unused"><Property Name="home" Type="graph.address" /></ComplexType>
           <EntityContainer Name="GraphService">
             <EntitySet Name="users" EntityType="graph.user" />
             <EntitySet Name="drives" EntityType="graph.drive" />
           </EntityContainer>"#;
    let output = generated(
        types,
        Options {
            whole: true,
            depth: 1,
            ..Options::default()
        },
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains(
            "#[cfg(any(feature = \"other-types\", feature = \"users\"))]\n#[graph_complex(\"address\")]"
        ),
        "{graph}"
    );
    // `other-types` holds what no endpoint needs, and what that needs.
    assert!(graph.contains("#[cfg(feature = \"other-types\")]\n#[graph_complex(\"unused\")]"));
    assert!(graph.contains("#[cfg(feature = \"users\")]\n#[graph_entity(\"user\")]"));
    // The navigation property exists only where its type does.
    assert!(graph.contains(
        "    #[cfg(any(feature = \"drives\", feature = \"users\"))]\n    pub drive: Option<Drive>,\n"
    ), "{graph}");
    assert_eq!(
        output.features.keys().collect::<Vec<_>>(),
        ["drives", "full", "other-types", "users"]
    );
    assert!(output.files["endpoints.rs"].contains("#[cfg(feature = \"users\")]\npub mod users;\n"));
}

#[test]
fn descriptions_become_docs_that_rustdoc_reads_as_prose() {
    let output = namespace(
        r#"<ComplexType Name="note">
             <Property Name="text" Type="Edm.String">
               <Annotation Term="Org.OData.Core.V1.Description" String="See [the docs](x) at https://aka.ms/x. Use &lt;b&gt;." />
             </Property>
           </ComplexType>"#,
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("    /// See \\[the docs\\](x) at <https://aka.ms/x>. Use \\<b\\>.\n"),
        "{graph}"
    );
}

#[test]
fn derives_can_be_chosen_and_polymorphic_enums_never_derive_default() {
    let types = r#"<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType>
           <ComplexType Name="userIdentity" BaseType="graph.identity" />"#;
    let output = generated(
        types,
        Options {
            namespaces: vec!["microsoft.graph".into()],
            derives: Some(vec!["Debug".into(), "Default".into()]),
            ..Options::default()
        },
    );
    let graph = &output.files["graph.rs"];
    assert!(
        graph.contains("#[derive(Debug, Default)]\npub struct Identity {"),
        "{graph}"
    );
    assert!(graph.contains("#[graph_polymorphic]\n#[derive(Debug)]\npub enum AnyIdentity {"));
    let output = namespace(types);
    assert!(output.files["graph.rs"]
        .contains("#[derive(Debug, Clone, PartialEq, Default)]\npub struct Identity {"));
}
