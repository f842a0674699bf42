//! Raw content: `Edm.Stream` properties and media entities (`HasStream`)
//! are not JSON, so they are endpoints of their own rather than fields.

mod common;

use common::generated;
use graph_codegen::Options;

const TYPES: &str = r#"
    <EntityType Name="document" BaseType="graph.entity">
      <Property Name="name" Type="Edm.String" />
      <Property Name="content" Type="Edm.Stream" />
      <Property Name="preview" Type="Edm.Stream">
        <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
      </Property>
    </EntityType>
    <EntityType Name="report" BaseType="graph.document" />
    <EntityType Name="picture" BaseType="graph.entity" HasStream="true">
      <Property Name="height" Type="Edm.Int32" />
    </EntityType>
    <ComplexType Name="export">
      <Property Name="data" Type="Edm.Stream" />
      <Property Name="size" Type="Edm.Int64" />
    </ComplexType>
    <EntityType Name="archive" BaseType="graph.entity">
      <Property Name="latest" Type="graph.export" />
    </EntityType>
    <EntityType Name="attachment" BaseType="graph.entity" Abstract="true" />
    <EntityType Name="fileAttachment" BaseType="graph.attachment" HasStream="true" />
    <EntityType Name="itemAttachment" BaseType="graph.attachment" />
    <EntityType Name="user" BaseType="graph.entity">
      <NavigationProperty Name="photo" Type="graph.picture" ContainsTarget="true" />
      <NavigationProperty Name="favourite" Type="graph.document" />
    </EntityType>
    <EntityContainer Name="GraphService">
      <EntitySet Name="documents" EntityType="graph.document" />
      <EntitySet Name="frozen" EntityType="graph.document" />
      <EntitySet Name="reports" EntityType="graph.report" />
      <EntitySet Name="archives" EntityType="graph.archive" />
      <EntitySet Name="users" EntityType="graph.user" />
      <Singleton Name="logo" Type="graph.picture" />
      <EntitySet Name="attachments" EntityType="graph.attachment" />
    </EntityContainer>
    <Annotations Target="microsoft.graph.GraphService/frozen">
      <Annotation Term="Org.OData.Capabilities.V1.UpdateRestrictions">
        <Record><PropertyValue Property="Updatable" Bool="false" /></Record>
      </Annotation>
    </Annotations>"#;

fn endpoints() -> (String, String, Vec<String>) {
    let output = generated(
        TYPES,
        "",
        &Options {
            trees: vec!["/users".into()],
            paths: [
                "/documents",
                "/frozen",
                "/reports",
                "/archives",
                "/logo",
                "/attachments",
            ]
            .map(String::from)
            .to_vec(),
            depth: 1,
            ..Options::default()
        },
    );
    (
        output.files["endpoints.rs"].clone(),
        output.files["graph.rs"].clone(),
        output.report.streams,
    )
}

/// The text of the endpoint named `name`, from its doc line to its `}`.
fn endpoint<'a>(endpoints: &'a str, name: &str) -> Option<&'a str> {
    let at = endpoints.find(&format!("    pub {name} {{\n"))?;
    let start = endpoints[..at].rfind("    /// ").unwrap_or(at);
    let end = at + endpoints[at..].find("\n    }\n")? + "\n    }\n".len();
    Some(&endpoints[start..end])
}

#[test]
fn a_stream_property_is_downloaded_and_uploaded_at_its_own_path() {
    let (endpoints, _, _) = endpoints();
    assert_eq!(
        endpoint(&endpoints, "GetDocumentsItemContent"),
        Some(
            "    /// `GET /documents/{documentId}/content`: downloads its `content` stream.
    pub GetDocumentsItemContent {
        method: GET,
        path: \"/documents/{documentId}/content\",
        response: graph_core::Download,
    }
"
        )
    );
    assert_eq!(
        endpoint(&endpoints, "UploadDocumentsItemContent"),
        Some(
            "    /// `PUT /documents/{documentId}/content`: replaces its `content` stream.
    pub UploadDocumentsItemContent {
        method: PUT,
        path: \"/documents/{documentId}/content\",
        body: graph_core::Content,
        response: graph_core::Returned<crate::graph::AnyDocument>,
    }
"
        )
    );
}

#[test]
fn a_computed_stream_or_one_of_an_item_that_cannot_be_updated_is_only_read() {
    let (endpoints, _, _) = endpoints();
    assert!(endpoint(&endpoints, "GetDocumentsItemPreview").is_some());
    assert!(endpoint(&endpoints, "UploadDocumentsItemPreview").is_none());
    assert!(endpoint(&endpoints, "GetFrozenItemContent").is_some());
    assert!(endpoint(&endpoints, "UploadFrozenItemContent").is_none());
}

#[test]
fn a_derived_type_has_its_bases_streams() {
    let (endpoints, _, _) = endpoints();
    let upload = endpoint(&endpoints, "UploadReportsItemContent").expect("inherited");
    assert!(upload.contains("response: graph_core::Returned<crate::graph::Report>,"));
}

#[test]
fn a_media_entity_is_read_and_replaced_at_dollar_value() {
    let (endpoints, _, _) = endpoints();
    let get = endpoint(&endpoints, "GetLogoValue").expect("singleton");
    assert!(get.contains("path: \"/logo/$value\","), "{get}");
    assert!(get.contains("response: graph_core::Download,"));
    let upload = endpoint(&endpoints, "UploadLogoValue").expect("singleton");
    assert!(upload.contains("body: graph_core::Content,"));
    // Contained, so under the user's path too.
    let photo = endpoint(&endpoints, "GetUsersPhotoValue").expect("contained");
    assert!(photo.contains("path: \"/users/{userId}/photo/$value\","));
}

/// Graph reads a message's attachment at `$value` when it is a file: only
/// a derived type is a media entity.
#[test]
fn items_that_may_be_media_entities_are_read_at_dollar_value() {
    let (endpoints, _, _) = endpoints();
    assert_eq!(
        endpoint(&endpoints, "GetAttachmentsItemValue"),
        Some(
            "    /// `GET /attachments/{attachmentId}/$value`: downloads its content, if it is a `fileAttachment`.
    pub GetAttachmentsItemValue {
        method: GET,
        path: \"/attachments/{attachmentId}/$value\",
        response: graph_core::Download,
    }
"
        )
    );
    assert!(endpoint(&endpoints, "UploadAttachmentsItemValue").is_none());
}

#[test]
fn streams_are_not_fields_and_only_entities_have_stream_endpoints() {
    let (endpoints, graph, streams) = endpoints();
    assert!(!graph.contains("pub content:"), "{graph}");
    assert!(!graph.contains("pub data:"), "{graph}");
    assert!(graph.contains("pub struct Export {"));
    // A complex type has no path of its own.
    assert!(!endpoints.contains("/data\""), "{endpoints}");
    // A referenced (not contained) item's streams are at its own path.
    assert!(!endpoints.contains("/favourite/content"), "{endpoints}");
    assert!(
        streams.contains(&"microsoft.graph.export/data".to_owned()),
        "{streams:?}"
    );
}
