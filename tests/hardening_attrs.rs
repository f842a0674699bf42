//! Bindings as a generator writes them: field types passed through
//! `macro_rules!` fragments.
//!
//! Under `deny(warnings)`: the generated code must add no warning of its own.
#![deny(warnings)]

use graph_core::{graph_entity, Patch};
use serde_json::json;

/// How binding generators pass a field's type: as a `$t:ty` fragment, which
/// reaches the macro wrapped in an invisible group.
macro_rules! printer {
    ($($field:ident: $t:ty),*) => {
        #[graph_entity("printer")]
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Printer {
            #[graph(required)]
            pub display_name: Option<String>,
            $(pub $field: $t,)*
        }
    };
}

macro_rules! scanner {
    ($t:ty) => {
        #[graph_entity("scanner")]
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Scanner {
            #[graph(required)]
            pub display_name: $t,
            pub location: $t,
            pub full_path: std::option::Option<$t>,
        }
    };
}

printer!(location: Option<String>, model: core::option::Option<i32>);
scanner!(Option<String>);

#[test]
fn an_option_passed_as_ty_is_still_an_option() {
    // The type annotations are the test: they compile only if the
    // fragment's `Option` was recognised.
    let update = PrinterUpdate {
        location: Patch::<String>::Set("hall".into()),
        model: Patch::<i32>::Clear,
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"@odata.type": "#microsoft.graph.printer", "location": "hall", "model": null})
    );

    let create = ScannerCreate {
        display_name: String::from("Scanner"),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({"@odata.type": "#microsoft.graph.scanner", "displayName": "Scanner"})
    );
    let update = ScannerUpdate {
        display_name: Patch::<String>::Set("S".into()),
        location: Patch::<String>::Clear,
        full_path: Patch::<Option<String>>::Set(None),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({
            "@odata.type": "#microsoft.graph.scanner",
            "displayName": "S",
            "location": null,
            "fullPath": null
        })
    );
}
