//! Any bytes as a page of polymorphic values: an error or a value, and a
//! value serializes to JSON that parses back to the same value (the type
//! chosen, the properties kept and the fallback's received type included).
#![no_main]

use graph_core::{from_json, to_json, Collection};
use graph_fuzz::hierarchy::AnyDeviceConfiguration;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(page) = from_json::<Collection<AnyDeviceConfiguration>>(data) else {
        return;
    };
    match to_json(&page) {
        Ok(json) => {
            let again: Collection<AnyDeviceConfiguration> =
                from_json(&json).expect("written JSON parses back");
            assert_eq!(again, page);
        }
        Err(error) => panic!("parsed value did not serialize: {error}"),
    }
});
