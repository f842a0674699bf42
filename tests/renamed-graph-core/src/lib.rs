//! graph-core under another name, reached through `crate = "..."`.

/// A re-export, as a library that wraps graph-core would have it.
pub mod reexport {
    pub use graph as core_of_graph;
}

use graph::{graph_complex, graph_entity, graph_enum, graph_polymorphic};

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

#[graph_complex("categoryIcon", crate = "::graph")]
#[derive(Debug, PartialEq, Default)]
pub struct CategoryIcon {
    pub url: Option<String>,
}

#[graph_entity(
    "iconCategory",
    base = "MobileAppCategory",
    crate = "crate::reexport::core_of_graph"
)]
#[derive(Debug, PartialEq, Default)]
pub struct IconCategory {
    pub icon: Option<CategoryIcon>,
}

#[graph_polymorphic(crate = "::graph")]
#[derive(Debug, PartialEq)]
pub enum AnyCategory {
    Icon(IconCategory),
    #[graph(other)]
    Other(MobileAppCategory),
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

    #[test]
    fn derived_complex_and_polymorphic_code_uses_the_given_crate_path() {
        let any: AnyCategory = graph::from_json(
            br##"{"@odata.type": "#microsoft.graph.iconCategory", "displayName": "Tools", "icon": {"url": "u"}}"##,
        )
        .unwrap();
        let AnyCategory::Icon(icon) = &any else {
            panic!("{any:?}")
        };
        assert_eq!(icon.display_name.as_deref(), Some("Tools"));
        assert_eq!(
            graph::to_json(&any).unwrap(),
            br##"{"@odata.type":"#microsoft.graph.iconCategory","displayName":"Tools","icon":{"url":"u"}}"##
        );
    }
}
