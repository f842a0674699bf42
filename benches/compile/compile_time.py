#!/usr/bin/env python3
"""Compile time of N generated Graph types: the macros against plain serde.

Generates two throwaway crates with the same N entity types (10 properties
each: strings, ints, bools, dates, an enum, a nested optional value) and N/5
enums, depending on graph-core by path:

* `macro`: `#[graph_entity]` and `#[graph_enum]` (each entity also gets its
  generated create-request type);
* `plain`: hand-written `#[derive(Serialize, Deserialize)]` structs with the
  same fields (`rename_all = "camelCase"`, `skip_serializing_if`), and serde
  enums with a `#[serde(other)]` catch-all.

Both are built in debug into one shared target directory, so dependencies
are compiled once (untimed warm-up) and each timed build compiles only the
generated crate (`cargo clean -p <crate>` before every run). The runs of
the two flavours alternate, so a disturbance hits both.

    python3 benches/compile/compile_time.py                 # N = 100 and 1000
    python3 benches/compile/compile_time.py -n 100 -n 500 --runs 3
    python3 benches/compile/compile_time.py --macros-from-clean
    python3 benches/compile/compile_time.py -n 100 --expanded   # needs `nightly`
    python3 benches/compile/compile_time.py --no-incremental
    python3 benches/compile/compile_time.py --endpoints     # needs graph_endpoint!
    python3 benches/compile/compile_time.py --release --read-fns

`--read-fns` gives every entity a `read_<entity>(&[u8])` function calling
`serde_json::from_slice` (in both flavours), so that the crate itself
compiles each type's read path for serde_json, as a library exposing
non-generic readers (or a binary) does. With `--release` the builds are
release builds, and the table also gives the machine code each crate
carries (the `.text` sections of its `.rlib`, read with binutils' `ar` and
`size`; generic code is only compiled where it is used, so without
`--read-fns` little of the read path is in it).

With `--endpoints`, each entity also gets one endpoint: a `graph_endpoint!`
GET in the macro flavour; in the plain one a struct with an id, a
path-building fn and a fn reading the response with serde_json::from_slice.

With `--derived`, the N entities form a type hierarchy instead: about N/11
base entities (alternately `abstract` and concrete, 8 properties each), each
with about 10 derived entities (8 properties of their own), N/20 (at least 3)
complex types used as properties (some nesting another), N/5 enums, and one
polymorphic enum per base listing its derived types (the first derived type
of each base holds a collection of the first base's, as `members` holds
directoryObjects). In the macro flavour:
`#[graph_entity("...", base = "Base")]`, `#[graph_complex]` and
`#[graph_polymorphic]` with the base as the `#[graph(other)]` fallback. In
the plain flavour, what a serde user writes: the base embedded as
`#[serde(flatten)] base: Base` (its `@odata.type` field included), plain
structs for complex types, and for polymorphism an internally tagged enum
(`#[serde(tag = "@odata.type")]`, one renamed variant per derived type)
wrapped in an `#[serde(untagged)]` enum whose second variant is the base:
serde's `#[serde(other)]` only takes a unit variant, and a lone untagged
enum would always pick its first variant, as every property is optional.
With `--endpoints` too, each derived entity gets a GET returning it and each
base a GET returning its polymorphic enum.

    python3 benches/compile/compile_time.py -n 300 -n 1000 --derived

Crates and the target directory go under target/compile-bench (override with
--work-dir). Only the standard library is needed (Python 3.9+).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import resource
import shutil
import subprocess
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]

PREFIXES = [
    "device", "user", "mobileApp", "managed", "security", "team", "channel",
    "drive", "mail", "calendar", "group", "site", "list", "policy", "report",
    "audit", "identity", "access", "signIn", "print", "booking", "education",
    "onlineMeeting", "chat", "planner", "schema", "application", "service",
    "directory", "compliance",
]
SUFFIXES = [
    "Configuration", "Status", "Assignment", "Setting", "Summary", "State",
    "Item", "Profile", "Event", "Rule", "Template", "Action", "Detail",
    "Record", "Definition",
]
WORDS = [
    "owner", "tenant", "device", "app", "user", "group", "policy", "session",
    "license", "resource", "source", "target", "parent", "member", "client",
    "account", "location", "category", "platform", "version", "role",
    "scope", "item", "package", "channel", "folder", "message", "contact",
]
MEMBERS = [
    "unknown", "notApplicable", "compliant", "remediated", "nonCompliant",
    "error", "conflict", "notAssigned", "pending", "enabled", "disabled",
    "succeeded", "failed", "inProgress", "blocked", "allowed", "deferred",
    "expired", "active", "inactive",
]


def camel_to_snake(name: str) -> str:
    out = []
    for ch in name:
        if ch.isupper():
            out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)


def upper_first(name: str) -> str:
    return name[0].upper() + name[1:]


def make_enums(n: int) -> list:
    """N/5 enums: (RustName, graphName, [members])."""
    enums = []
    for j in range(max(1, n // 5)):
        graph = f"{PREFIXES[j % len(PREFIXES)]}{SUFFIXES[(j * 7) % len(SUFFIXES)]}Kind{j}"
        count = 5 + j % 4
        start = (j * 3) % len(MEMBERS)
        members = [MEMBERS[(start + k) % len(MEMBERS)] for k in range(count)]
        enums.append((upper_first(graph), graph, members))
    return enums


class Model:
    """The synthetic types, shared by both flavours."""

    def __init__(self, n: int):
        self.n = n
        self.enums = make_enums(n)  # (RustName, graphName, [members])
        self.entities = []  # (RustName, graphName, [(field, rust type, opts)])
        for i in range(n):
            graph = f"{PREFIXES[i % len(PREFIXES)]}{SUFFIXES[(i // len(PREFIXES)) % len(SUFFIXES)]}{i}"
            w = [WORDS[(i * 5 + k) % len(WORDS)] for k in range(5)]
            enum = self.enums[i % len(self.enums)][0]
            if i > 0 and i % 3 == 0:
                nested = ("parent_" + camel_to_snake(self.entities[i - 1][1]).lstrip("_"),
                          f"Box<{self.entities[i - 1][0]}>")
            elif i % 3 == 1:
                nested = (f"{w[4]}_kinds", f"Vec<{enum}>")
            else:
                nested = (f"{w[4]}_names", "Vec<String>")
            fields = [
                ("display_name", "String", "required"),
                ("description", "String", ""),
                (f"{w[0]}_id", "String", ""),
                (f"{w[1]}_count", "i32", ""),
                (f"{w[2]}_size_in_bytes", "i64", ""),
                (f"is_{w[3]}_enabled", "bool", ""),
                ("created_date_time", "graph_core::DateTimeOffset", "read_only"),
                (f"last_{w[0]}_sync_date_time", "graph_core::DateTimeOffset", ""),
                (f"{w[1]}_state", enum, ""),
                (nested[0], nested[1], ""),
            ]
            self.entities.append((upper_first(graph), graph, fields))


def macro_endpoint(rust: str, graph: str, response: str) -> list:
    """`graph_endpoint!` for `GET /{graph}s/{id}` returning `response`."""
    return [
        "graph_endpoint! {",
        f"    pub Get{rust} {{",
        "        method: GET,",
        f'        path: "/{graph}s/{{{graph}Id}}",',
        f"        response: {response},",
        "    }",
        "}",
    ]


def plain_endpoint(rust: str, graph: str, response: str) -> list:
    """The hand-written equivalent: a struct, its path, and reading the
    response (a hand-written endpoint reads its response too)."""
    param = camel_to_snake(graph) + "_id"
    return [
        f"\npub struct Get{rust} {{",
        f"    pub {param}: String,",
        "}",
        f"impl Get{rust} {{",
        f"    pub fn new({param}: String) -> Self {{",
        f"        Get{rust} {{ {param} }}",
        "    }",
        "    pub fn path(&self) -> String {",
        f'        format!("/{graph}s/{{}}", self.{param})',
        "    }",
        f"    pub fn parse_response(body: &[u8]) -> Result<{response}, serde_json::Error> {{",
        "        serde_json::from_slice(body)",
        "    }",
        "}",
    ]


# `--read-fns`: one non-generic reader per entity (see the module doc).
READ_FNS = False


def read_fn(rust: str) -> list:
    """A reader that makes the crate compile `rust`'s read path."""
    return [
        f"pub fn read_{camel_to_snake(rust).lstrip('_')}(body: &[u8]) -> Result<{rust}, serde_json::Error> {{",
        "    serde_json::from_slice(body)",
        "}",
    ]


def gen_macro(model: Model, endpoints: bool, derives: str) -> str:
    out = [
        "//! Generated by benches/compile/compile_time.py (macro flavour).",
        "#![allow(clippy::all)]",
        "use graph_core::{graph_entity, graph_enum};",
    ]
    if endpoints:
        out.append("use graph_core::graph_endpoint;")
    for rust, graph, members in model.enums:
        out.append(f'\n#[graph_enum("{graph}")]')
        out.append("#[derive(Debug, Clone, PartialEq, Eq)]")
        out.append(f"pub enum {rust} {{")
        for member in members:
            out.append(f"    {upper_first(member)},")
        out.append("    #[graph(other)]")
        out.append("    Other(String),")
        out.append("}")
    for rust, graph, fields in model.entities:
        out.append(f'\n#[graph_entity("{graph}")]')
        if derives:
            out.append(f"#[derive({derives})]")
        out.append(f"pub struct {rust} {{")
        for name, ty, opts in fields:
            if opts:
                out.append(f"    #[graph({opts})]")
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")
        if endpoints:
            out.extend(macro_endpoint(rust, graph, rust))
        if READ_FNS:
            out.extend(read_fn(rust))
    return "\n".join(out) + "\n"


def gen_plain(model: Model, endpoints: bool, derives: str) -> str:
    out = [
        "//! Generated by benches/compile/compile_time.py (plain serde flavour).",
        "#![allow(clippy::all)]",
        "use serde::{Deserialize, Serialize};",
    ]
    for rust, _graph, members in model.enums:
        out.append("\n#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub enum {rust} {{")
        for member in members:
            out.append(f"    {upper_first(member)},")
        out.append("    #[serde(other)]")
        out.append("    UnknownFutureValue,")
        out.append("}")
    for rust, graph, fields in model.entities:
        out.append(f"\n#[derive({derives + ', ' if derives else ''}Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {rust} {{")
        out.append('    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]')
        out.append("    pub odata_type: Option<String>,")
        out.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
        out.append("    pub id: Option<String>,")
        for name, ty, _opts in fields:
            out.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")
        if endpoints:
            out.extend(plain_endpoint(rust, graph, rust))
        if READ_FNS:
            out.extend(read_fn(rust))
    return "\n".join(out) + "\n"


# Prefixes of derived type names, as in windows10GeneralConfiguration.
PLATFORMS = [
    "windows10", "ios", "android", "macOS", "aosp", "windows81", "androidWorkProfile",
    "iosUpdate", "sharedPc", "editionUpgrade", "webApp", "win32Lob", "linux",
    "windowsPhone81", "androidForWork", "iosEducation", "macOSLob", "windowsHealth",
]


class DerivedModel:
    """`--derived`: N entities as bases with ~10 derived entities each, plus
    complex types and one polymorphic enum per base (both flavours)."""

    def __init__(self, n: int):
        self.n = n
        self.enums = make_enums(n)
        enum_of = lambda i: self.enums[i % len(self.enums)][0]
        # Complex types: (RustName, graphName, [(field, rust type)]); every
        # other one nests the one before it, like recipient > emailAddress.
        self.complex = []
        for c in range(max(3, n // 20)):
            graph = f"{WORDS[c % len(WORDS)]}{SUFFIXES[(c * 4) % len(SUFFIXES)]}Info{c}"
            w = [WORDS[(c * 3 + k) % len(WORDS)] for k in range(3)]
            fields = [
                ("name", "String"),
                (f"{w[0]}_value", "String"),
                (f"is_{w[1]}_default", "bool"),
                (f"{w[2]}_kind", enum_of(c)),
            ]
            if c % 2 == 1:
                prev_rust, prev_graph, _ = self.complex[c - 1]
                fields.append((camel_to_snake(prev_graph).lstrip("_"), prev_rust))
            self.complex.append((upper_first(graph), graph, fields))
        complex_of = lambda i: self.complex[i % len(self.complex)][0]
        # Bases: (RustName, graphName, abstract, fields); N/11, so that with
        # their ~10 derived types they make N entities.
        nbases = max(1, round(n / 11))
        self.bases = []
        for b in range(nbases):
            graph = f"{PREFIXES[b % len(PREFIXES)]}{SUFFIXES[(b // len(PREFIXES) + b) % len(SUFFIXES)]}{b}"
            fields = [
                ("display_name", "String", "required"),
                ("description", "String", ""),
                ("created_date_time", "graph_core::DateTimeOffset", "read_only"),
                ("last_modified_date_time", "graph_core::DateTimeOffset", "read_only"),
                ("version", "i32", ""),
                ("role_scope_tag_ids", "Vec<String>", ""),
                ("supports_scope_tags", "bool", ""),
                ("base_state", enum_of(b + 1), ""),
            ]
            self.bases.append((upper_first(graph), graph, b % 2 == 0, fields))
        # Derived: (RustName, graphName, base index, fields), dealt round the
        # bases, so each has (N - bases) / bases of them.
        self.derived = []
        for i in range(n - nbases):
            b = i % nbases
            k = i // nbases
            base_graph = self.bases[b][1]
            graph = f"{PLATFORMS[k % len(PLATFORMS)]}{upper_first(base_graph)}" + (
                f"V{k // len(PLATFORMS)}" if k >= len(PLATFORMS) else "")
            w = [WORDS[(i * 5 + j) % len(WORDS)] for j in range(5)]
            if k == 0 and b > 0:
                # A navigation property holding any type of the first
                # hierarchy, as `members` holds directoryObjects. (Not a
                # chain b -> b - 1: 90 levels deep overflow rustc's drop
                # check in the plain flavour.)
                last = (f"{w[2]}_members", f"Vec<{self.poly_name(0)}>")
            elif i % 2 == 0:
                last = (f"{w[2]}_entries", f"Vec<{complex_of(i + 1)}>")
            else:
                last = (f"{w[2]}_names", "Vec<String>")
            fields = [
                (f"{w[0]}_id", "String", ""),
                (f"{w[1]}_count", "i32", ""),
                (f"{w[2]}_size_in_bytes", "i64", ""),
                (f"is_{w[3]}_enabled", "bool", ""),
                (f"last_{w[0]}_sync_date_time", "graph_core::DateTimeOffset", "read_only"),
                (f"{w[1]}_state", enum_of(i), ""),
                (f"{w[4]}_settings", complex_of(i), ""),
                (last[0], last[1], ""),
            ]
            self.derived.append((upper_first(graph), graph, b, fields))

    def poly_name(self, b: int) -> str:
        return f"Any{upper_first(self.bases[b][1])}"

    def derived_of(self, b: int) -> list:
        return [d for d in self.derived if d[2] == b]


def gen_macro_derived(model: DerivedModel, endpoints: bool, derives: str) -> str:
    out = [
        "//! Generated by benches/compile/compile_time.py --derived (macro flavour).",
        "#![allow(clippy::all)]",
        "use graph_core::{graph_complex, graph_entity, graph_enum, graph_polymorphic};",
    ]
    if endpoints:
        out.append("use graph_core::graph_endpoint;")
    derive_line = [f"#[derive({derives})]"] if derives else []
    for rust, graph, members in model.enums:
        out.append(f'\n#[graph_enum("{graph}")]')
        out.append("#[derive(Debug, Clone, PartialEq, Eq)]")
        out.append(f"pub enum {rust} {{")
        for member in members:
            out.append(f"    {upper_first(member)},")
        out.append("    #[graph(other)]")
        out.append("    Other(String),")
        out.append("}")
    for rust, graph, fields in model.complex:
        out.append(f'\n#[graph_complex("{graph}")]')
        out.extend(derive_line)
        out.append(f"pub struct {rust} {{")
        for name, ty in fields:
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")

    def struct(rust, args, fields):
        out.append(f"\n#[graph_entity({args})]")
        out.extend(derive_line)
        out.append(f"pub struct {rust} {{")
        for name, ty, opts in fields:
            if opts:
                out.append(f"    #[graph({opts})]")
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")

    def endpoint(rust, graph, response):
        out.extend(macro_endpoint(rust, graph, response))

    for b, (rust, graph, is_abstract, fields) in enumerate(model.bases):
        struct(rust, f'"{graph}"' + (", abstract" if is_abstract else ""), fields)
        poly = model.poly_name(b)
        out.append("\n#[graph_polymorphic]")
        out.append("#[derive(Debug, Clone, PartialEq)]")
        out.append(f"pub enum {poly} {{")
        for drust, _dgraph, _b, _f in model.derived_of(b):
            out.append(f"    {drust}({drust}),")
        out.append("    #[graph(other)]")
        out.append(f"    Other({rust}),")
        out.append("}")
        if endpoints:
            endpoint(rust, graph, poly)
    for rust, graph, b, fields in model.derived:
        struct(rust, f'"{graph}", base = "{model.bases[b][0]}"', fields)
        if endpoints:
            endpoint(rust, graph, rust)
    return "\n".join(out) + "\n"


def gen_plain_derived(model: DerivedModel, endpoints: bool, derives: str) -> str:
    out = [
        "//! Generated by benches/compile/compile_time.py --derived (plain serde flavour).",
        "#![allow(clippy::all)]",
        "use serde::{Deserialize, Serialize};",
    ]
    derive_line = f"#[derive({derives + ', ' if derives else ''}Serialize, Deserialize)]"
    skip = '    #[serde(default, skip_serializing_if = "Option::is_none")]'
    for rust, _graph, members in model.enums:
        out.append("\n#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub enum {rust} {{")
        for member in members:
            out.append(f"    {upper_first(member)},")
        out.append("    #[serde(other)]")
        out.append("    UnknownFutureValue,")
        out.append("}")
    for rust, _graph, fields in model.complex:
        out.append("\n" + derive_line)
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {rust} {{")
        for name, ty in fields:
            out.append(skip)
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")

    def endpoint(rust, graph, response):
        out.extend(plain_endpoint(rust, graph, response))

    for b, (rust, graph, _is_abstract, fields) in enumerate(model.bases):
        out.append("\n" + derive_line)
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {rust} {{")
        out.append('    #[serde(rename = "@odata.type", default, skip_serializing_if = "Option::is_none")]')
        out.append("    pub odata_type: Option<String>,")
        out.append(skip)
        out.append("    pub id: Option<String>,")
        for name, ty, _opts in fields:
            out.append(skip)
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")
        # Polymorphism: tagged on @odata.type, falling back to the base.
        poly = model.poly_name(b)
        out.append("\n" + derive_line)
        out.append('#[serde(tag = "@odata.type")]')
        out.append(f"pub enum Known{poly} {{")
        for drust, dgraph, _b, _f in model.derived_of(b):
            out.append(f'    #[serde(rename = "#microsoft.graph.{dgraph}")]')
            out.append(f"    {drust}({drust}),")
        out.append("}")
        out.append("\n" + derive_line)
        out.append("#[serde(untagged)]")
        out.append(f"pub enum {poly} {{")
        out.append(f"    Known(Known{poly}),")
        out.append(f"    Other({rust}),")
        out.append("}")
        if endpoints:
            endpoint(rust, graph, poly)
    for rust, graph, b, fields in model.derived:
        out.append("\n" + derive_line)
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {rust} {{")
        out.append("    #[serde(flatten)]")
        out.append(f"    pub base: {model.bases[b][0]},")
        for name, ty, _opts in fields:
            out.append(skip)
            out.append(f"    pub {name}: Option<{ty}>,")
        out.append("}")
        if endpoints:
            endpoint(rust, graph, rust)
    return "\n".join(out) + "\n"


def write_crate(root: pathlib.Path, name: str, flavour: str, source: str) -> pathlib.Path:
    crate = root / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    deps = f'msgraph-typed = {{ path = "{(REPO / "graph-core").as_posix()}" }}\n'
    if flavour == "plain":
        deps += 'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
    elif READ_FNS:
        deps += 'serde_json = "1"\n'
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{deps}\n"
        "# Its own workspace, not a member of the repository's.\n[workspace]\n"
    )
    # The repository's versions of serde, serde_json, ... and its toolchain.
    shutil.copy(REPO / "Cargo.lock", crate / "Cargo.lock")
    shutil.copy(REPO / "rust-toolchain.toml", crate / "rust-toolchain.toml")
    lib = crate / "src" / "lib.rs"
    if not lib.exists() or lib.read_text() != source:
        lib.write_text(source)
    return crate


def busy_cpu_seconds() -> float:
    """CPU time used by the whole machine so far (all processes), from /proc/stat."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except OSError:
        return 0.0
    # user nice system idle iowait irq softirq steal ...: all but idle and iowait.
    busy = sum(fields[:3]) + sum(fields[5:8])
    return busy / os.sysconf("SC_CLK_TCK")


INCREMENTAL: dict[str, str] = {}
# `--release`: the cargo arguments that select the profile.
PROFILE: list[str] = []


def cargo(args: list[str], cwd: pathlib.Path, target_dir: pathlib.Path, log) -> dict:
    """Runs cargo; returns its wall time, its CPU time (cargo and rustc, user +
    system) and the CPU time other processes used meanwhile (a build sharing
    the machine slows this one, wall and CPU time alike: such runs show it),
    and the packages it compiled."""
    env = dict(os.environ, CARGO_TARGET_DIR=str(target_dir), **INCREMENTAL)
    args = [*args, *PROFILE]
    log.write(f"$ cargo {' '.join(args)}  (in {cwd})\n")
    log.flush()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_before = busy_cpu_seconds()
    start = time.perf_counter()
    result = subprocess.run(["cargo", *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    busy = busy_cpu_seconds() - busy_before
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log.write(result.stdout)
    log.flush()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"`cargo {' '.join(args)}` failed in {cwd}; see {log.name}")
    compiled = [line.split()[1] for line in result.stdout.splitlines()
                if line.strip().startswith("Compiling ")]
    return {"wall": elapsed, "cpu": cpu, "other_cpu": max(0.0, busy - cpu), "compiled": compiled}


def text_bytes(rlib: pathlib.Path, work: pathlib.Path) -> int:
    """Bytes of machine code (`.text*` sections) in the objects of `rlib`."""
    objects = work / "rlib-objects"
    shutil.rmtree(objects, ignore_errors=True)
    objects.mkdir()
    subprocess.run(["ar", "x", str(rlib.resolve())], cwd=objects, check=True)
    names = sorted(p.name for p in objects.glob("*.o"))
    sections = subprocess.run(["size", "-A", *names], cwd=objects, check=True,
                              capture_output=True, text=True).stdout
    shutil.rmtree(objects)
    return sum(int(line.split()[1]) for line in sections.splitlines()
               if line.startswith(".text"))


def expanded_size(crate: pathlib.Path, work: pathlib.Path, log) -> tuple[int, int]:
    """Bytes and lines of the macro-expanded crate (nightly, measuring only)."""
    env = dict(os.environ, CARGO_TARGET_DIR=str(work / "target-nightly"))
    result = subprocess.run(
        ["cargo", "+nightly", "rustc", "--lib", "--quiet", "--", "-Zunpretty=expanded"],
        cwd=crate, env=env, stdout=subprocess.PIPE, stderr=log,
    )
    if result.returncode != 0:
        sys.exit(f"expanding {crate} failed (is the `nightly` toolchain installed?); see {log.name}")
    text = result.stdout
    return len(text), text.count(b"\n")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-n", type=int, action="append", help="entity count (repeatable; default 100 and 1000)")
    parser.add_argument("--runs", type=int, default=2, help="timed builds per flavour and N (the minimum is reported)")
    parser.add_argument("--endpoints", action="store_true", help="one endpoint per entity (needs graph_endpoint!)")
    parser.add_argument("--derived", action="store_true",
                        help="a type hierarchy: N/11 bases with ~10 derived entities each, complex types, "
                             "one polymorphic enum per base (needs base =, #[graph_complex], #[graph_polymorphic])")
    parser.add_argument("--derives", default="Debug, Clone, PartialEq",
                        help="derives the user writes on every entity, in both flavours ('' for none)")
    parser.add_argument("--no-incremental", action="store_true",
                        help="CARGO_INCREMENTAL=0 (own target dir): a debug build without the incremental cache")
    parser.add_argument("--release", action="store_true",
                        help="release builds (own target dir), reporting each .rlib's size too")
    parser.add_argument("--read-fns", action="store_true",
                        help="one non-generic serde_json reader per entity, so the crate compiles the read paths")
    parser.add_argument("--expanded", action="store_true", help="also measure macro-expanded size (needs `nightly`)")
    parser.add_argument("--macros-from-clean", action="store_true",
                        help="also time `cargo build -p graph-macros` (and serde_derive, for scale) from an empty target dir")
    parser.add_argument("--work-dir", type=pathlib.Path, default=REPO / "target" / "compile-bench")
    parser.add_argument("--json", type=pathlib.Path, help="also write the results here")
    args = parser.parse_args()
    sizes = args.n or [100, 1000]

    work = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    target_dir = work / "target"
    if args.no_incremental:
        INCREMENTAL["CARGO_INCREMENTAL"] = "0"
        target_dir = work / "target-noincr"
    if args.release:
        PROFILE.append("--release")
        target_dir = target_dir.with_name(target_dir.name + "-release")
    global READ_FNS
    READ_FNS = args.read_fns
    log = open(work / "cargo.log", "w")
    results: dict = {
        "machine": machine(),
        "rustc": rustc_version(),
        "endpoints": args.endpoints,
        "derived": args.derived,
        "derives": args.derives,
        "incremental": not args.no_incremental,
        "release": args.release,
        "read_fns": args.read_fns,
        "builds": [],
    }
    print(f"# {results['machine']}; {results['rustc']}; endpoints: {'yes' if args.endpoints else 'no'}; "
          f"derived: {'yes' if args.derived else 'no'}; "
          f"derives: {args.derives or 'none'}; incremental: {'no' if args.no_incremental else 'yes (the dev default)'}; "
          f"profile: {'release' if args.release else 'dev'}; read fns: {'yes' if args.read_fns else 'no'}")

    if args.macros_from_clean:
        clean = work / "target-clean"
        for package in ["graph-macros", "serde_derive"]:
            shutil.rmtree(clean, ignore_errors=True)
            run = cargo(["build", "-p", package], REPO, clean, log)
            results.setdefault("from_clean", {})[package] = run
            print(f"`cargo build -p {package}` from clean: {run['wall']:.1f} s wall, {run['cpu']:.1f} s CPU "
                  f"({len(run['compiled'])} crates: {', '.join(run['compiled'])}; "
                  f"other processes used {run['other_cpu']:.1f} s CPU meanwhile)")
        shutil.rmtree(clean, ignore_errors=True)

    header = ("| N | plain wall (s) | macros wall (s) | macros / plain (wall) "
              "| plain CPU (s) | macros CPU (s) | macros / plain (CPU) | macros CPU per type |")
    rule = "|---:|---:|---:|---:|---:|---:|---:|---:|"
    if args.release:
        header += " plain code (kB) | macros code (kB) | macros code per type (kB) |"
        rule += "---:|---:|---:|"
    if args.expanded:
        header += " expanded plain (lines) | expanded macros (lines) |"
        rule += "---:|---:|"
    print(header)
    print(rule)
    derives = args.derives.strip()
    for n in sizes:
        if args.derived:
            model = DerivedModel(n)
            generators = [("plain", gen_plain_derived), ("macro", gen_macro_derived)]
        else:
            model = Model(n)
            generators = [("plain", gen_plain), ("macro", gen_macro)]
        crates = {}
        suffix = ("_der" if args.derived else "") + ("_ep" if args.endpoints else "")
        for flavour, gen in generators:
            name = f"gen_{flavour}_n{n}{suffix}"
            source = gen(model, args.endpoints, derives)
            crates[flavour] = (name, write_crate(work, name, flavour, source))
        # Warm-up, untimed: the dependencies, so that each timed build
        # compiles the generated crate alone.
        for flavour, (name, crate) in crates.items():
            deps = ["-p", "msgraph-typed"] + (["-p", "serde"] if flavour == "plain" else [])
            cargo(["build", *deps], crate, target_dir, log)
        runs: dict[str, list[dict]] = {"plain": [], "macro": []}
        for _ in range(args.runs):
            for flavour, (name, crate) in crates.items():
                cargo(["clean", "-p", name], crate, target_dir, log)
                run = cargo(["build", "--lib"], crate, target_dir, log)
                if run["compiled"] != [name]:
                    print(f"warning: the timed build of {name} compiled {run['compiled']}", file=sys.stderr)
                if args.release:
                    run["text_bytes"] = text_bytes(target_dir / "release" / f"lib{name}.rlib", work)
                runs[flavour].append(run)
        pw, mw = (min(r["wall"] for r in runs[f]) for f in ("plain", "macro"))
        pc, mc = (min(r["cpu"] for r in runs[f]) for f in ("plain", "macro"))
        row = (f"| {n} | {pw:.1f} | {mw:.1f} | {mw / pw:.2f} | {pc:.1f} | {mc:.1f} | {mc / pc:.2f} "
               f"| {mc / n * 1000:.0f} ms |")
        entry = {"n": n, "runs": runs}
        if args.release:
            pr, mr = (runs[f][-1]["text_bytes"] for f in ("plain", "macro"))
            row += f" {pr / 1e3:.0f} | {mr / 1e3:.0f} | {mr / n / 1e3:.1f} |"
        if args.expanded:
            for flavour, (name, crate) in crates.items():
                size, lines = expanded_size(crate, work, log)
                entry[f"{flavour}_expanded_bytes"] = size
                entry[f"{flavour}_expanded_lines"] = lines
            row += f" {entry['plain_expanded_lines']} | {entry['macro_expanded_lines']} |"
        print(row, flush=True)
        results["builds"].append(entry)
    print("every run (wall s / CPU s / other processes' CPU s meanwhile):")
    for build in results["builds"]:
        for flavour, runs in build["runs"].items():
            text = ", ".join(f"{r['wall']:.1f}/{r['cpu']:.1f}/{r['other_cpu']:.1f}" for r in runs)
            print(f"  N={build['n']} {flavour}: {text}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {cpus} cores{', ' + model if model else ''}"


def rustc_version() -> str:
    try:
        return subprocess.run(["rustc", "--version"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "rustc ?"


if __name__ == "__main__":
    sys.exit(main())
