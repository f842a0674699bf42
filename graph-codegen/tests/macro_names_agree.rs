//! graph-codegen predicts the Graph name graph-macros gives each field and
//! member (`names::default_property_name`, `default_member_name`) so that it
//! writes `rename` exactly where the default differs. A proc-macro crate can
//! export only macros, so the rule is written twice; this test reads
//! graph-macros' own source and checks both agree on every name of the
//! vendored v1.0 metadata, so the copies cannot drift apart unnoticed.

#[allow(dead_code)]
#[path = "../../graph-macros/src/internals/case.rs"]
mod macros_case;

use std::path::Path;

use graph_codegen::names::{default_member_name, default_property_name, upper_first};
use graph_codegen::{read_metadata, Metadata};
use heck::ToSnakeCase;

#[test]
fn graph_codegen_predicts_the_names_graph_macros_gives() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("metadata/v1.0-Prod.csdl.gz");
    let (text, _) = read_metadata(&path).expect("the vendored metadata");
    let metadata = Metadata::parse(&text).expect("v1.0 parses");
    let mut checked = 0;
    for ty in metadata.structs.values() {
        for property in &ty.properties {
            // The field as generated (snake_case), as written, and raw.
            let snake = property.name.to_snake_case();
            for field in [snake.clone(), property.name.clone(), format!("r#{snake}")] {
                assert_eq!(
                    default_property_name(&field),
                    macros_case::property_name(&field),
                    "field `{field}` of {}",
                    ty.qualified
                );
                checked += 1;
            }
        }
        let rust = upper_first(&ty.name);
        assert_eq!(default_member_name(&rust), macros_case::member_name(&rust));
    }
    for ty in metadata.enums.values() {
        for member in &ty.members {
            let rust = upper_first(&member.name);
            assert_eq!(
                default_member_name(&rust),
                macros_case::member_name(&rust),
                "member `{rust}` of {}",
                ty.qualified
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} names were compared");
}
