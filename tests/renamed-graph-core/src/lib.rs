//! graph-core under another name, reached through `crate = "..."`.

/// A re-export, as a library that wraps graph-core would have it.
pub mod reexport {
    pub use graph as core_of_graph;
}

use graph::{graph_entity, graph_enum};

#[graph_enum(crate = "::graph")]
#[derive(Debug, PartialEq)]
pub enum Color {
    Blue,
    #[graph(other)]
    Other(String),
}

#[graph_entity(
    "mobileAppCategory",
    crate = "crate::reexport::core_of_graph",
    create = "NewCategory"
)]
#[derive(Debug, PartialEq, Default)]
pub struct MobileAppCategory {
    pub display_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_code_uses_the_given_crate_path() {
        let category: MobileAppCategory =
            graph::from_json(br#"{"id": "c", "displayName": "Tools"}"#).unwrap();
        assert_eq!(category.display_name.as_deref(), Some("Tools"));
        let create = NewCategory {
            display_name: Some("Tools".into()),
            additional_data: Default::default(),
        };
        assert_eq!(
            graph::to_json(&create).unwrap(),
            br##"{"@odata.type":"#microsoft.graph.mobileAppCategory","displayName":"Tools"}"##
        );
        assert_eq!(
            graph::from_json::<Color>(br#""red""#).unwrap(),
            Color::Other("red".into())
        );
    }
}
