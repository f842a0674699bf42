//! Any text as each of the other Edm primitives: an error, or a value whose
//! text form parses back to an equal value.
#![no_main]

use graph_core::{Date, Decimal, Duration, Guid, TimeOfDay};
use libfuzzer_sys::fuzz_target;

fn round_trips<T>(text: &str)
where
    T: std::str::FromStr + std::fmt::Display + PartialEq + std::fmt::Debug,
    T::Err: std::fmt::Display,
{
    match text.parse::<T>() {
        Ok(value) => {
            let again: T = value
                .to_string()
                .parse()
                .unwrap_or_else(|_| panic!("{value} does not parse back"));
            assert_eq!(again, value);
        }
        Err(error) => assert!(error.to_string().len() < 2048),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trips::<Date>(text);
    round_trips::<TimeOfDay>(text);
    round_trips::<Duration>(text);
    round_trips::<Guid>(text);
    round_trips::<Decimal>(text);
    // Binary arrives as a JSON string.
    if let Ok(binary) = serde_json::from_value::<graph_core::Binary>(text.into()) {
        let written = serde_json::to_value(&binary).unwrap();
        assert_eq!(serde_json::from_value::<graph_core::Binary>(written).unwrap(), binary);
    }
});
