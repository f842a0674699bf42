//! Any bytes as an entity: an error or a value, and a value serializes to
//! JSON that parses back to the same value (nothing lost).
#![no_main]

use graph_core::{from_json, to_json};
use graph_fuzz::ManagedDeviceMobileAppConfigurationUserStatus as Status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(status) = from_json::<Status>(data) else {
        return;
    };
    match to_json(&status) {
        Ok(json) => {
            let again: Status = from_json(&json).expect("written JSON parses back");
            assert_eq!(again, status);
        }
        // The one allowed failure: a kept key repeating a declared property,
        // which parsing never produces.
        Err(error) => panic!("parsed value did not serialize: {error}"),
    }
});
