//! Entities whose create and update types no generated endpoint sends are
//! declared `no_request_types`; the bases of those sent keep theirs (the
//! sent ones embed them).

mod common;

use graph_codegen::Options;

const TYPES: &str = r#"<EntityType Name="directoryObject" BaseType="graph.entity">
         <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
       </EntityType>
       <EntityType Name="user" BaseType="graph.directoryObject">
         <NavigationProperty Name="photo" Type="graph.photo" />
         <NavigationProperty Name="manager" Type="graph.directoryObject" />
       </EntityType>
       <EntityType Name="group" BaseType="graph.directoryObject">
         <Property Name="mail" Type="Edm.String" />
       </EntityType>
       <EntityType Name="photo" BaseType="graph.entity"><Property Name="size" Type="Edm.Int64" /></EntityType>
       <EntityContainer Name="GraphService">
         <EntitySet Name="users" EntityType="graph.user" />
       </EntityContainer>"#;

fn graph_rs(options: Options) -> String {
    common::generated(TYPES, "", &options).files["graph.rs"].clone()
}

#[test]
fn only_sent_entities_and_their_bases_keep_request_types() {
    let graph = graph_rs(Options {
        paths: vec![
            "/users".into(),
            "/users/photo".into(),
            "/users/manager".into(),
        ],
        ..Options::default()
    });
    // `/users` creates and updates users, which embed directoryObject's.
    assert!(
        graph.contains("#[graph_entity(\"user\", base = \"DirectoryObject\")]\n"),
        "{graph}"
    );
    assert!(
        graph.contains("#[graph_entity(\"directoryObject\")]\n"),
        "{graph}"
    );
    // A group and a photo are only referenced (`manager`, `photo`);
    // no entity embeds `entity`'s.
    assert!(
        graph
            .contains("#[graph_entity(\"group\", base = \"DirectoryObject\", no_request_types)]\n"),
        "{graph}"
    );
    assert!(
        graph.contains("#[graph_entity(\"photo\", no_request_types)]\n"),
        "{graph}"
    );
}

#[test]
fn without_endpoints_every_entity_keeps_its_request_types() {
    let graph = graph_rs(Options {
        paths: vec!["/users".into()],
        no_endpoints: true,
        ..Options::default()
    });
    assert!(graph.contains("#[graph_entity("), "{graph}");
    assert!(!graph.contains("no_request_types"), "{graph}");
}
