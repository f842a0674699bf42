//! Any text as a DateTimeOffset: an error, or a value whose text is the
//! input byte for byte and whose components are in range.
#![no_main]

use graph_core::DateTimeOffset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match text.parse::<DateTimeOffset>() {
        Ok(value) => {
            assert_eq!(value.to_string(), text);
            assert!((1..=12).contains(&value.month()));
            assert!((1..=31).contains(&value.day()));
            assert!(value.hour() < 24 && value.minute() < 60 && value.second() < 60);
            assert!(value.nanosecond() < 1_000_000_000);
            assert!(value.offset_minutes().abs() < 24 * 60);
            let _ = value.unix_timestamp_nanos();
        }
        Err(error) => assert!(error.to_string().len() < 2048),
    }
});
