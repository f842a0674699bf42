#!/usr/bin/env python3
"""Summarise `cargo bench --bench serde` (and `--bench polymorphic`) as ratios against plain serde.

Reads criterion's estimates under target/criterion and prints one Markdown
table row per payload and direction: the time of `plain_serde`, and every
other implementation as a ratio to it, all measured in the same run. The
bench runs every implementation in several rounds; each one's time is the
median of its best round (a shared machine only ever adds time), and the
spread (worst round / best round) shows how disturbed the run was.

A machine shared with other work can slow a whole round, or a part of it
that hits some implementations and not others, so the best rounds of two
implementations may come from different conditions. The last table is
steadier there: for each round, `graph_entity` over `plain_serde_strings`
as measured in that round (seconds apart), and the median over the rounds.

    cargo bench --bench serde
    python3 benches/ratios.py                 # the run just made
    python3 benches/ratios.py --baseline NAME # one saved with --save-baseline NAME
"""

import argparse
import json
import pathlib
import statistics
import sys

BASE = "plain_serde"
# Plain serde with a `String` date and a unit enum (lossy): what the Edm
# types and `#[graph_enum]` should cost about as much as.
STRINGS = "plain_serde_strings"
ORDER = [
    "graph_entity",
    "graph_polymorphic",
    "plain_serde_no_type",
    STRINGS,
    "serde_flatten",
    "graph_core_from_json",
    "graph_core_to_json",
]


def fmt_time(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="new")
    parser.add_argument(
        "--dir",
        default=str(pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"),
    )
    args = parser.parse_args()

    rounds: dict[str, dict[str, list[float]]] = {}
    # group -> round -> implementation -> median time, for same-round ratios.
    by_round: dict[str, dict[str, dict[str, float]]] = {}
    sizes: dict[str, int | None] = {}
    for bench in sorted(pathlib.Path(args.dir).glob(f"**/{args.baseline}/benchmark.json")):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        sizes[meta["group_id"]] = (meta.get("throughput") or {}).get("Bytes")
        rounds.setdefault(meta["group_id"], {}).setdefault(meta["function_id"], []).append(
            estimates["median"]["point_estimate"]
        )
        by_round.setdefault(meta["group_id"], {}).setdefault(meta.get("value_str") or "", {})[
            meta["function_id"]
        ] = estimates["median"]["point_estimate"]
    groups = {
        group_id: {name: (min(times), sizes[group_id]) for name, times in functions.items()}
        for group_id, functions in rounds.items()
    }
    spread = max(max(times) / min(times) for f in rounds.values() for times in f.values())
    count = max(len(times) for f in rounds.values() for times in f.values())
    if not groups:
        print(f"no criterion results for baseline {args.baseline!r} in {args.dir}", file=sys.stderr)
        return 1

    present = [name for name in ORDER if any(name in g for g in groups.values())]
    against_strings = any(STRINGS in g and "graph_entity" in g for g in groups.values())
    extra = ["graph_entity / s"] if against_strings else []
    print(
        "| payload / direction | size | plain_serde (b) | "
        + " | ".join([f"{name} / b" for name in present] + extra)
        + " |"
    )
    print("|---|---:|---:|" + "---:|" * (len(present) + len(extra)))
    for group_id in sorted(groups, key=sort_key):
        group = groups[group_id]
        if BASE not in group:
            continue
        base, size = group[BASE]
        cells = []
        for name in present:
            cells.append(f"{group[name][0] / base:.2f}" if name in group else "")
        if extra:
            both = STRINGS in group and "graph_entity" in group
            cells.append(
                f"{group['graph_entity'][0] / group[STRINGS][0]:.2f}" if both else ""
            )
        size_text = f"{size / 1e6:.2f} MB" if size and size >= 100_000 else f"{size} B"
        print(
            f"| {group_id} | {size_text} | {fmt_time(base)} | " + " | ".join(cells) + " |"
        )
    if extra:
        print(f"\n(s) is {STRINGS}: a `String` date and a unit enum, lossy.")
    print(f"\n{count} round(s); worst round / best round, over all benchmarks: {spread:.2f}")
    if against_strings and count > 1:
        print("\n| payload / direction | graph_entity / s, round by round | median |")
        print("|---|---|---:|")
        for group_id in sorted(by_round, key=sort_key):
            ratios = [
                times["graph_entity"] / times[STRINGS]
                for _, times in sorted(by_round[group_id].items())
                if "graph_entity" in times and STRINGS in times
            ]
            if ratios:
                each = " ".join(f"{r:.2f}" for r in ratios)
                print(f"| {group_id} | {each} | {statistics.median(ratios):.2f} |")
    return 0


def sort_key(group_id: str):
    payload, _, direction = group_id.partition("/")
    rank = {"single": 0, "page": 1, "page_third_unknown": 2}.get(payload, 3)
    return (rank, payload, direction)


if __name__ == "__main__":
    sys.exit(main())
