//! `Edm.Single` is generated as `graph_core::Double` (an `f32` field cannot
//! read OData's `"NaN"`, `"INF"`, `"-INF"` and writes a NaN as `null`).
//! These check that `Double` carries every single-precision value the way
//! Graph writes it: read, written back and read again it is the same value,
//! and narrowed to `f32` it is the value Graph meant; and that a `Double`
//! made from an `f32` is written (as JSON and as a URL literal) so that a
//! single-precision reader gets that `f32` back.

use graph_core::{from_json, to_json, Double, UrlLiteral};
use proptest::prelude::*;

/// JSON values as a .NET service writes `float`s (`R` format, with its
/// exponent form), and OData's three special values.
const AS_GRAPH_WRITES: &[&str] = &[
    "0",
    "-0.0",
    "0.1",
    "1.5",
    "-2.75",
    "16777216",
    "16777217",
    "3.4028235E+38",
    "-3.4028235E+38",
    "1.17549435E-38",
    "1.4E-45",
    "1E-07",
    "123456.79",
    "\"NaN\"",
    "\"INF\"",
    "\"-INF\"",
];

#[test]
fn singles_as_graph_writes_them_read_and_write_back_as_the_same_value() {
    for text in AS_GRAPH_WRITES {
        let read: Double = from_json(text.as_bytes()).unwrap();
        let written = to_json(&read).unwrap();
        let again: Double = from_json(&written).unwrap();
        assert_eq!(
            read.0.to_bits(),
            again.0.to_bits(),
            "{text} -> {}",
            String::from_utf8_lossy(&written)
        );
        // Narrowed, it is the single Graph meant.
        let meant: f32 = text
            .trim_matches('"')
            .replace("INF", "inf")
            .parse()
            .unwrap();
        let narrowed = read.0 as f32;
        assert!(
            narrowed.to_bits() == meant.to_bits() || (narrowed.is_nan() && meant.is_nan()),
            "{text}: {narrowed} is not {meant}"
        );
    }
    // What an `f32` field could not do.
    assert!(from_json::<f32>(br#""NaN""#).is_err());
    assert_eq!(to_json(&f32::NAN).unwrap(), b"null");
    assert_eq!(to_json(&Double(f64::NAN)).unwrap(), br#""NaN""#);
    assert_eq!(
        to_json(&Double::from(f32::NEG_INFINITY)).unwrap(),
        br#""-INF""#
    );
}

fn literal(value: &Double) -> String {
    let mut out = String::new();
    value.write_url_literal(&mut out);
    out
}

proptest! {
    /// Every `f32`, widened into a `Double`, is written as JSON and as a URL
    /// literal that a single-precision reader reads as that `f32`.
    #[test]
    fn every_f32_survives_as_a_double(bits in any::<u32>()) {
        let single = f32::from_bits(bits);
        let double = Double::from(single);
        let written = to_json(&double).unwrap();
        let read: Double = from_json(&written).unwrap();
        let text = literal(&double);
        let parsed: Double = text.parse().unwrap();
        if single.is_nan() {
            prop_assert!(read.is_nan() && parsed.is_nan());
            prop_assert_eq!(text, "NaN");
        } else {
            prop_assert_eq!((read.0 as f32).to_bits(), single.to_bits());
            prop_assert_eq!((parsed.0 as f32).to_bits(), single.to_bits());
            // The literal, read as a single (as Graph does), is the value.
            let as_single: f32 = text.replace("INF", "inf").parse().unwrap();
            prop_assert_eq!(as_single.to_bits(), single.to_bits());
        }
    }
}
