//! Run-time cost of `#[graph_entity]` against plain serde, in one run.
//!
//! Implementations of the "Add userStatuses" entity, with the same
//! field types (so the comparison is about the entity machinery, not about
//! `DateTimeOffset` or the enum):
//!
//! * `graph_entity`: the `#[graph_entity]` type of `tests/common`, which
//!   keeps unknown properties in `additional_data`;
//! * `plain_serde`: `#[derive(Serialize, Deserialize)]` with
//!   `rename_all = "camelCase"` and `skip_serializing_if`, which drops
//!   unknown properties (the speed to match). It declares `@odata.type` so
//!   that it writes the same JSON; `plain_serde_no_type` does not even
//!   that, and writes less;
//! * `serde_flatten`: the same plus `#[serde(flatten)]` into a JSON map, the
//!   usual serde way to keep unknown properties.
//!
//! One more sets the cost of the Edm types themselves: `plain_serde_strings`
//! is `plain_serde` with a `String` for `lastReportedDateTime` (no
//! validation) and a unit enum whose unknown members read as `#[serde(other)]
//! Other`. It is *lossy*: an unknown member's text (the documented sample's
//! `"String"`) is lost and written back as `"other"`. Reading a
//! `DateTimeOffset` and a `#[graph_enum]` should cost about what reading
//! those costs; `ratios.py` prints `graph_entity` against it.
//!
//! `graph_entity` and `plain_serde` go through `serde_json::from_slice` /
//! `to_vec`, like the baselines; `graph_core_from_json` is the `graph_entity`
//! type through `graph_core::from_json`, which works out the JSON path of an
//! error after a failed parse (so a successful one should cost the same).
//!
//! Payloads are generated here: the documented response, a page of 10,000
//! entities (about 3 MB), and the same page where a third of the properties
//! are unknown to the types.
//!
//! `cargo bench --bench serde`, then `python3 benches/ratios.py` for the
//! table of ratios against `plain_serde`, and of `graph_entity` against
//! `plain_serde_strings` (each implementation's best of
//! `GRAPH_BENCH_ROUNDS` rounds, default 3).

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};
use graph_core::DateTimeOffset;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use common::{ComplianceStatus, ManagedDeviceMobileAppConfigurationUserStatus as GraphEntity};

/// (b): what a hand-written binding looks like. `@odata.type` is a field so
/// that it writes the same JSON as the others; unknown properties are lost.
/// The status and date types are parameters for `PlainSerdeStrings`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
// Not serde's inferred `Default` bounds: the fields are `Option`s.
#[serde(bound(deserialize = "Status: Deserialize<'de>, Date: Deserialize<'de>"))]
pub struct PlainSerde<Status = ComplianceStatus, Date = DateTimeOffset> {
    #[serde(
        rename = "@odata.type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub odata_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devices_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reported_date_time: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
}

/// (b'): stricter still: `@odata.type` is not declared either, so it is
/// skipped on input and not written; the least work serde can do here.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainSerdeNoType {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devices_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ComplianceStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reported_date_time: Option<DateTimeOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
}

/// (c): plain serde keeping unknown properties with `#[serde(flatten)]`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SerdeFlatten {
    #[serde(
        rename = "@odata.type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub odata_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devices_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ComplianceStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reported_date_time: Option<DateTimeOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(flatten)]
    pub additional_data: serde_json::Map<String, serde_json::Value>,
}

/// `ComplianceStatus` as plain serde writes it: a unit enum that reads
/// unknown members as `Other` and so loses their text.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[rustfmt::skip] // the members of `ComplianceStatus`, in one line as in `STATUSES`
pub enum UnitComplianceStatus {
    Unknown, NotApplicable, Compliant, Remediated, NonCompliant, Error, Conflict, NotAssigned,
    #[serde(other)]
    Other,
}

/// (s): `plain_serde` with a `String` date and a unit enum: what reading the
/// same JSON costs without checking the date or keeping an unknown member.
pub type PlainSerdeStrings = PlainSerde<UnitComplianceStatus, String>;

/// A collection response, the same for all.
#[derive(Debug, Serialize, Deserialize)]
pub struct Page<T> {
    #[serde(rename = "@odata.context")]
    pub context: String,
    pub value: Vec<T>,
}

const PAGE_LEN: usize = 10_000;
const CONTEXT: &str = "https://graph.microsoft.com/v1.0/$metadata#deviceAppManagement/mobileAppConfigurations('1')/userStatuses";

/// Graph's members, and the documented sample's `"String"` that no enum
/// knows (kept by the `other` variant).
const STATUSES: [&str; 9] = [
    "unknown",
    "notApplicable",
    "compliant",
    "remediated",
    "nonCompliant",
    "error",
    "conflict",
    "notAssigned",
    "String",
];

/// One entity of a page, compact as Graph sends it. With `unknown`, four of
/// its twelve properties are ones the types do not declare (annotations,
/// strings, a number and a nested object), spread through the object.
fn entity_json(i: usize, unknown: bool) -> String {
    let mut out = String::with_capacity(512);
    out.push_str(
        r##"{"@odata.type":"#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus""##,
    );
    if unknown {
        out.push_str(&format!(
            r#","@odata.etag":"W/\"JzEtVXNlclN0YXR1c{i:08x}\"""#
        ));
    }
    let id = format!(
        "{:08x}-34e4-198a-e434-{:012x}",
        i.wrapping_mul(2_654_435_761) as u32,
        i * 7919
    );
    out.push_str(&format!(r#","id":"{id}""#));
    if i % 10 == 3 {
        out.push_str(r#","userDisplayName":null"#);
    } else {
        out.push_str(&format!(r#","userDisplayName":"User Display Name {i}""#));
    }
    if unknown {
        out.push_str(&format!(
            r#","userId":"{:08x}-0000-4000-8000-{:012x}""#,
            i,
            i * 31
        ));
    }
    out.push_str(&format!(r#","devicesCount":{}"#, (i * 37) % 100));
    out.push_str(&format!(r#","status":"{}""#, STATUSES[i % STATUSES.len()]));
    if unknown {
        out.push_str(&format!(
            r#","lastSync":{{"attempts":{},"succeeded":{}}}"#,
            i % 5,
            !i.is_multiple_of(3)
        ));
    }
    let offset = if i.is_multiple_of(4) { "Z" } else { "+03:00" };
    out.push_str(&format!(
        r#","lastReportedDateTime":"2016-{:02}-{:02}T{:02}:57:57.7265241{offset}""#,
        1 + i % 12,
        1 + i % 28,
        i % 24
    ));
    out.push_str(&format!(
        r#","userPrincipalName":"user{i}@contoso.onmicrosoft.com""#
    ));
    if unknown {
        out.push_str(&format!(
            r#","deviceDisplayName":"DESKTOP-{:06X}""#,
            i * 131
        ));
    }
    out.push('}');
    out
}

fn page_json(unknown: bool) -> Vec<u8> {
    let mut out = format!(r#"{{"@odata.context":"{CONTEXT}","value":["#);
    for i in 0..PAGE_LEN {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&entity_json(i, unknown));
    }
    out.push_str("]}");
    out.into_bytes()
}

fn parse<T: DeserializeOwned>(json: &[u8]) -> T {
    serde_json::from_slice(json).unwrap()
}

/// The implementations parse the payload to the same JSON, except that
/// `plain_serde` drops what it does not declare, and `plain_serde_strings`
/// also an unknown member's text: check it before timing anything.
fn check_same_output(json: &[u8], lossless: bool) {
    if json.starts_with(br#"{"@odata.context""#) {
        check_outputs::<
            Page<GraphEntity>,
            Page<PlainSerde>,
            Page<PlainSerdeStrings>,
            Page<SerdeFlatten>,
        >(json, lossless);
    } else {
        // Same declared properties in the same order: byte-identical.
        check_outputs::<GraphEntity, PlainSerde, PlainSerdeStrings, SerdeFlatten>(json, lossless);
    }
}

fn check_outputs<GA, B, S, C>(json: &[u8], lossless: bool)
where
    GA: DeserializeOwned + Serialize,
    B: DeserializeOwned + Serialize,
    S: DeserializeOwned + Serialize,
    C: DeserializeOwned + Serialize,
{
    let reparse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    let received = parse::<serde_json::Value>(json);
    let expected = strip_nulls(received.clone());
    // Every tenth item of a page has `"userDisplayName": null`.
    let has_nulls = expected != received;
    let a = serde_json::to_vec(&parse::<GA>(json)).unwrap();
    let b = serde_json::to_vec(&parse::<B>(json)).unwrap();
    let s = serde_json::to_vec(&parse::<S>(json)).unwrap();
    let c = serde_json::to_vec(&parse::<C>(json)).unwrap();
    assert_eq!(reparse(&a), received, "graph_entity loses or adds data");
    assert_eq!(reparse(&c), expected, "serde_flatten loses data");
    assert_eq!(a == b, lossless && !has_nulls, "plain_serde output");
    assert_eq!(
        strip_nulls(reparse(&a)) == reparse(&b),
        lossless,
        "plain_serde output but for nulls"
    );
    assert_eq!(
        reparse(&s),
        unknown_status_as_other(reparse(&b)),
        "plain_serde_strings loses more than unknown statuses"
    );
    assert_ne!(s, b, "plain_serde_strings should lose the unknown status");
}

/// What `UnitComplianceStatus` makes of a `status` no variant names.
fn unknown_status_as_other(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| match v {
                Value::String(status) if k == "status" && !STATUSES[..8].contains(&&*status) => {
                    (k, Value::from("other"))
                }
                v => (k, unknown_status_as_other(v)),
            })
            .collect(),
        Value::Array(items) => items.into_iter().map(unknown_status_as_other).collect(),
        other => other,
    }
}

/// `null` properties are written back as absent by plain serde (with
/// `skip_serializing_if`) and by serde flatten; `graph_entity` writes them
/// back as `null`.
fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, strip_nulls(v)))
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(strip_nulls).collect(),
        other => other,
    }
}

/// Rounds of the whole set (`GRAPH_BENCH_ROUNDS`, default 3). The machine
/// may be shared: a disturbance only ever adds time, so `ratios.py` takes
/// each implementation's best round, and a disturbance that hits one
/// implementation in one round does not skew the ratios.
fn rounds() -> usize {
    std::env::var("GRAPH_BENCH_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(3)
}

/// Seconds each benchmark measures per round (`GRAPH_BENCH_SECONDS`,
/// default 2). On a busy machine, many short rounds
/// (`GRAPH_BENCH_ROUNDS=20 GRAPH_BENCH_SECONDS=0.5`) give each
/// implementation more chances of an undisturbed round than a few long ones.
fn seconds() -> f64 {
    std::env::var("GRAPH_BENCH_SECONDS")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .filter(|seconds: &f64| *seconds > 0.0)
        .unwrap_or(2.0)
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, bytes: usize) {
    let seconds = seconds();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.warm_up_time(Duration::from_secs_f64(seconds / 4.0));
    if bytes > 100_000 {
        // Milliseconds per iteration: a fixed iteration count per sample.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(if seconds < 2.0 { 10 } else { 20 });
        group.measurement_time(Duration::from_secs_f64(seconds));
    } else {
        group.measurement_time(Duration::from_secs_f64(seconds * 0.75));
    }
}

/// Deserialize and serialize `json` as `GA`, `B`, `B2`, `S` and `C`.
fn bench_payload<GA, B, B2, S, C>(c: &mut Criterion, name: &str, json: &[u8], round: usize)
where
    GA: DeserializeOwned + Serialize,
    B: DeserializeOwned + Serialize,
    B2: DeserializeOwned + Serialize,
    S: DeserializeOwned + Serialize,
    C: DeserializeOwned + Serialize,
{
    let id = |function: &str| BenchmarkId::new(function, format!("round{round}"));
    let mut group = c.benchmark_group(format!("{name}/deserialize"));
    configure(&mut group, json.len());
    group.bench_function(id("graph_entity"), |b| {
        b.iter(|| serde_json::from_slice::<GA>(black_box(json)).unwrap())
    });
    group.bench_function(id("plain_serde"), |b| {
        b.iter(|| serde_json::from_slice::<B>(black_box(json)).unwrap())
    });
    group.bench_function(id("plain_serde_no_type"), |b| {
        b.iter(|| serde_json::from_slice::<B2>(black_box(json)).unwrap())
    });
    group.bench_function(id("plain_serde_strings"), |b| {
        b.iter(|| serde_json::from_slice::<S>(black_box(json)).unwrap())
    });
    group.bench_function(id("serde_flatten"), |b| {
        b.iter(|| serde_json::from_slice::<C>(black_box(json)).unwrap())
    });
    group.bench_function(id("graph_core_from_json"), |b| {
        b.iter(|| graph_core::from_json::<GA>(black_box(json)).unwrap())
    });
    group.finish();

    let (a, b_, c_) = (parse::<GA>(json), parse::<B>(json), parse::<C>(json));
    let (b2, s) = (parse::<B2>(json), parse::<S>(json));
    let mut group = c.benchmark_group(format!("{name}/serialize"));
    configure(&mut group, json.len());
    group.bench_function(id("graph_entity"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&a)).unwrap())
    });
    group.bench_function(id("plain_serde"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&b_)).unwrap())
    });
    group.bench_function(id("plain_serde_no_type"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&b2)).unwrap())
    });
    group.bench_function(id("plain_serde_strings"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&s)).unwrap())
    });
    group.bench_function(id("serde_flatten"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&c_)).unwrap())
    });
    group.bench_function(id("graph_core_to_json"), |b| {
        b.iter(|| graph_core::to_json(black_box(&a)).unwrap())
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let single = common::RESPONSE_BODY.as_bytes();
    let page = page_json(false);
    let unknown = page_json(true);
    eprintln!(
        "payloads: single {} B, page {} B, page_third_unknown {} B",
        single.len(),
        page.len(),
        unknown.len()
    );
    check_same_output(single, true);
    check_same_output(&page, true);
    check_same_output(&unknown, false);

    for round in 1..=rounds() {
        bench_payload::<GraphEntity, PlainSerde, PlainSerdeNoType, PlainSerdeStrings, SerdeFlatten>(
            c, "single", single, round,
        );
        bench_payload::<
            Page<GraphEntity>,
            Page<PlainSerde>,
            Page<PlainSerdeNoType>,
            Page<PlainSerdeStrings>,
            Page<SerdeFlatten>,
        >(c, "page", &page, round);
        bench_payload::<
            Page<GraphEntity>,
            Page<PlainSerde>,
            Page<PlainSerdeNoType>,
            Page<PlainSerdeStrings>,
            Page<SerdeFlatten>,
        >(c, "page_third_unknown", &unknown, round);
    }
}

criterion_group!(serde_benches, benches);
criterion_main!(serde_benches);
