//! Run-time cost of a `#[graph_polymorphic]` read against plain serde, in
//! one run: pages of 10,000 device configurations of types derived from the
//! abstract `deviceConfiguration`: `polymorphic_page` has four types, one of
//! them undeclared (a quarter of the items), `polymorphic_declared` only the
//! three declared ones, so that both sides write the same JSON.
//!
//! * `graph_polymorphic`: `#[graph_entity]` types with `base = "..."` and a
//!   `#[graph_polymorphic]` enum whose fallback keeps the fourth type (and
//!   every unknown property);
//! * `plain_serde`: what a serde user writes: an internally tagged enum
//!   (`#[serde(tag = "@odata.type")]`), each variant a struct that embeds the
//!   base with `#[serde(flatten)]`, and `#[serde(other)]` for the types it
//!   does not declare, which loses them (serde has no fallback that keeps
//!   data in a tagged enum).
//!
//! `cargo bench --bench polymorphic`, then `python3 benches/ratios.py`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use graph_core::{graph_entity, graph_polymorphic, Collection, DateTimeOffset};

#[graph_entity("deviceConfiguration", abstract)]
pub struct DeviceConfiguration {
    pub last_modified_date_time: Option<DateTimeOffset>,
    pub created_date_time: Option<DateTimeOffset>,
    pub description: Option<String>,
    pub display_name: Option<String>,
    pub version: Option<i32>,
}

#[graph_entity("windows10GeneralConfiguration", base = "DeviceConfiguration")]
pub struct Windows10GeneralConfiguration {
    pub password_block_simple: Option<bool>,
    pub password_minimum_length: Option<i32>,
    pub defender_scan_type: Option<String>,
}

#[graph_entity("iosGeneralDeviceConfiguration", base = "DeviceConfiguration")]
pub struct IosGeneralDeviceConfiguration {
    pub passcode_required: Option<bool>,
    pub passcode_minimum_length: Option<i32>,
}

#[graph_entity("androidGeneralDeviceConfiguration", base = "DeviceConfiguration")]
pub struct AndroidGeneralDeviceConfiguration {
    pub password_required: Option<bool>,
    pub storage_require_device_encryption: Option<bool>,
}

#[graph_polymorphic]
pub enum AnyDeviceConfiguration {
    Windows10General(Windows10GeneralConfiguration),
    IosGeneral(IosGeneralDeviceConfiguration),
    AndroidGeneral(AndroidGeneralDeviceConfiguration),
    #[graph(other)]
    Other(DeviceConfiguration),
}

mod plain {
    use graph_core::DateTimeOffset;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct DeviceConfiguration {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub last_modified_date_time: Option<DateTimeOffset>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub created_date_time: Option<DateTimeOffset>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub version: Option<i32>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Windows10GeneralConfiguration {
        #[serde(flatten)]
        pub base: DeviceConfiguration,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub password_block_simple: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub password_minimum_length: Option<i32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub defender_scan_type: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct IosGeneralDeviceConfiguration {
        #[serde(flatten)]
        pub base: DeviceConfiguration,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub passcode_required: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub passcode_minimum_length: Option<i32>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct AndroidGeneralDeviceConfiguration {
        #[serde(flatten)]
        pub base: DeviceConfiguration,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub password_required: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub storage_require_device_encryption: Option<bool>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(tag = "@odata.type")]
    pub enum AnyDeviceConfiguration {
        #[serde(rename = "#microsoft.graph.windows10GeneralConfiguration")]
        Windows10General(Windows10GeneralConfiguration),
        #[serde(rename = "#microsoft.graph.iosGeneralDeviceConfiguration")]
        IosGeneral(IosGeneralDeviceConfiguration),
        #[serde(rename = "#microsoft.graph.androidGeneralDeviceConfiguration")]
        AndroidGeneral(AndroidGeneralDeviceConfiguration),
        #[serde(other)]
        Unknown,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Page {
        #[serde(rename = "@odata.context")]
        pub context: String,
        pub value: Vec<AnyDeviceConfiguration>,
    }
}

const PAGE_LEN: usize = 10_000;

/// One item, compact and with `@odata.type` first, as Graph sends it.
fn item_json(i: usize, types: usize) -> String {
    let base = format!(
        r#""id":"{i:08x}-1ff5-a06f-f51f-6fa0f51f6fa0","lastModifiedDateTime":"2017-01-01T00:00:35.1329464-08:00","createdDateTime":"2017-01-01T00:02:43.5775965-08:00","description":"Description value {i}","displayName":"Display Name value {i}","version":{}"#,
        i % 11
    );
    match i % types {
        0 => format!(
            r##"{{"@odata.type":"#microsoft.graph.windows10GeneralConfiguration",{base},"passwordBlockSimple":true,"passwordMinimumLength":{},"defenderScanType":"quick"}}"##,
            i % 16
        ),
        1 => format!(
            r##"{{"@odata.type":"#microsoft.graph.iosGeneralDeviceConfiguration",{base},"passcodeRequired":false,"passcodeMinimumLength":{}}}"##,
            i % 8
        ),
        2 => format!(
            r##"{{"@odata.type":"#microsoft.graph.androidGeneralDeviceConfiguration",{base},"passwordRequired":true,"storageRequireDeviceEncryption":false}}"##
        ),
        _ => format!(
            r##"{{"@odata.type":"#microsoft.graph.macOSGeneralDeviceConfiguration",{base},"passwordBlockSimple":true,"compliantAppListType":"none"}}"##
        ),
    }
}

fn page_json(types: usize) -> Vec<u8> {
    let items: Vec<String> = (0..PAGE_LEN).map(|i| item_json(i, types)).collect();
    format!(
        r#"{{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#deviceManagement/deviceConfigurations","value":[{}]}}"#,
        items.join(",")
    )
    .into_bytes()
}

type GraphPage = Collection<AnyDeviceConfiguration>;

/// Both read the page; the graph types write it back unchanged, plain serde
/// without the undeclared type's items: check that before timing anything.
fn check_output(json: &[u8], types: usize) {
    let value = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    let graph: GraphPage = serde_json::from_slice(json).unwrap();
    assert_eq!(value(&serde_json::to_vec(&graph).unwrap()), value(json));
    let plain: plain::Page = serde_json::from_slice(json).unwrap();
    let unknown = plain
        .value
        .iter()
        .filter(|item| matches!(item, plain::AnyDeviceConfiguration::Unknown))
        .count();
    assert_eq!(unknown, if types == 4 { PAGE_LEN / 4 } else { 0 });
    if types == 3 {
        assert_eq!(value(&serde_json::to_vec(&plain).unwrap()), value(json));
    }
}

fn rounds() -> usize {
    std::env::var("GRAPH_BENCH_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(3)
}

fn benches(c: &mut Criterion) {
    for (name, types) in [("polymorphic_page", 4), ("polymorphic_declared", 3)] {
        let json = page_json(types);
        eprintln!("payload: {name} {} B", json.len());
        check_output(&json, types);
        let graph: GraphPage = serde_json::from_slice(&json).unwrap();
        let plain: plain::Page = serde_json::from_slice(&json).unwrap();
        for round in 1..=rounds() {
            let id = |function: &str| BenchmarkId::new(function, format!("round{round}"));
            for direction in ["deserialize", "serialize"] {
                let mut group = c.benchmark_group(format!("{name}/{direction}"));
                group.throughput(Throughput::Bytes(json.len() as u64));
                group.warm_up_time(Duration::from_millis(500));
                group.sampling_mode(SamplingMode::Flat);
                group.sample_size(20);
                group.measurement_time(Duration::from_secs(2));
                if direction == "deserialize" {
                    group.bench_function(id("graph_polymorphic"), |b| {
                        b.iter(|| serde_json::from_slice::<GraphPage>(black_box(&json)).unwrap())
                    });
                    group.bench_function(id("plain_serde"), |b| {
                        b.iter(|| serde_json::from_slice::<plain::Page>(black_box(&json)).unwrap())
                    });
                } else {
                    group.bench_function(id("graph_polymorphic"), |b| {
                        b.iter(|| serde_json::to_vec(black_box(&graph)).unwrap())
                    });
                    group.bench_function(id("plain_serde"), |b| {
                        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
                    });
                }
                group.finish();
            }
        }
    }
}

criterion_group!(polymorphic_benches, benches);
criterion_main!(polymorphic_benches);
