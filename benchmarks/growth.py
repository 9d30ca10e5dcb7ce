"""Growth: the shipped tables inflated 10× and 100×, loaded and filtered through the loaders.

Inflation (``inflate``) copies every shipped CSV into a temporary folder with each row repeated
``factor`` times. Copy 0 is the original row; copy ``i`` gets every unique identifier suffixed
(``-c{i}`` for lower-case ids such as ``capability_id`` and ``source_id``, ``_{i}`` for actor
ids, `` (copy {i})`` for unique names and glossary terms) and every foreign key pointing into a
suffixed table suffixed alike, so keys stay unique and consistent and the folder validates.
Foreign keys to ``actors`` keep the original actor ids: copies of capabilities, relationships,
events and claims belong to the real actors, so a filter such as ``capabilities(actor="CHN")``
returns ``factor`` times as many rows, as it would if the data really grew (the suffixed actor
copies exist but nothing points at them).

Load time is measured in fresh processes (``import mdr_data`` untimed, then every table loaded
with ``data_dir=``, which includes validating the folder). Linear growth means the time per row
does not rise with size: the figures are the ratio against 1× (budget: the factor itself) and the
CPU time per row at 100× against 10× (budget 1.10, i.e. at most 10 % noise). That one uses the
least CPU time of the runs: growth is a property of the code, and on a shared virtual machine
even CPU time varies by more than 10 % from run to run (a neighbour's load is charged to us).
Filtering is timed in this process on warm caches, as a widget calls it, over realistic
arguments (every actor, every category or kind present). Every widget is also built on the
inflated data and driven like in the widget section (``widgets.run_scaled``): its median per
change must stay within 80 ms at 10× and 150 ms at 100× (issue 13), so a tool aggregates or caps
what it draws and lists where more would be unreadable anyway, and says what it left out.
"""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._common import REPO, Figure, median, percentile, run_child

FACTORS = (10, 100)
FILTER_MEDIAN_BUDGET_MS = 100.0
PER_ROW_GROWTH_BUDGET = 1.10
DATA = REPO / "mdr_data" / "data"

LOAD_CODE = """
import sys, time, json
import mdr_data
data_dir = sys.argv[1]
c0, t0 = time.process_time(), time.perf_counter()
rows = sum(len(mdr_data.load(name, data_dir=data_dir)) for name in mdr_data.list_tables())
t1, c1 = time.perf_counter(), time.process_time()
print(json.dumps({"s": t1 - t0, "cpu": c1 - c0, "rows": rows}))
"""


def _descriptor() -> dict:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def _renamer(field: dict) -> Callable[[str, int], str] | None:
    """How copy ``i`` rewrites a unique field's value (None: the field is not unique)."""
    constraints = field.get("constraints", {})
    if not constraints.get("unique"):
        return None
    pattern = constraints.get("pattern", "")
    if pattern.startswith("^[A-Z]"):  # actor ids: upper case, at most 16 characters

        def upper(value: str, i: int) -> str:
            suffix = f"_{i}"
            return value[: 16 - len(suffix)] + suffix

        return upper
    if pattern:
        return lambda value, i: f"{value}-c{i}"
    return lambda value, i: f"{value} (copy {i})"


def _rules(name: str, resource: dict, own: dict) -> dict[str, Callable[[str, int], str]]:
    """How each column of table ``name`` renames its copies: its own keys, then the foreign
    keys that point at renamed keys (never at actors: copies belong to the real actors)."""
    rules = {column: rename for (table, column), rename in own.items() if table == name}
    for fk in resource["schema"].get("foreignKeys", []):
        local = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        remote = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        if ref["resource"] == "actors":
            continue  # copies belong to the real actors (see the module docstring)
        for column, target in zip(local, remote, strict=True):
            if (ref["resource"], target) in own:
                rules[column] = own[(ref["resource"], target)]
    return rules


def inflate(dest: Path, factor: int, source: Path = DATA) -> dict[str, int]:
    """Write every table of ``source`` into ``dest`` with its rows repeated ``factor`` times.

    The schema is always the shipped ``datapackage.json`` (the loaders validate against it);
    ``source`` only provides the CSVs. Returns the number of rows written per table.
    """
    descriptor = _descriptor()
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    resources = {r["name"]: r for r in descriptor["resources"]}
    own: dict[tuple[str, str], Callable[[str, int], str]] = {}
    for name, resource in resources.items():
        for field in resource["schema"]["fields"]:
            rename = _renamer(field)
            if rename is not None:
                own[(name, field["name"])] = rename
    counts = {}
    for name, resource in resources.items():
        rules = _rules(name, resource, own)
        with (source / resource["path"]).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            rows = list(reader)
        with (dest / resource["path"]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            for i in range(factor):
                for row in rows:
                    if i:
                        row = {
                            column: rules[column](value, i) if column in rules and value else value
                            for column, value in row.items()
                        }
                    writer.writerow(row)
        counts[name] = len(rows) * factor
    return counts


def _load_seconds(dirs: dict[int, Path], repetitions: int) -> dict[int, tuple[float, float, int]]:
    """Median wall time, least CPU time (s) and row count per factor; the factors are
    interleaved in each round so that a change in the machine's load hits every size alike."""
    runs: dict[int, list[dict]] = {factor: [] for factor in dirs}
    with tempfile.TemporaryDirectory(prefix="mdr-bench-pycache-") as pycache:
        run_child(LOAD_CODE, argv=[str(dirs[min(dirs)])], pycache_prefix=pycache)  # warm-up
        for _ in range(repetitions):
            for factor, data_dir in dirs.items():
                runs[factor].append(
                    run_child(LOAD_CODE, argv=[str(data_dir)], pycache_prefix=pycache)
                )
    return {
        f: (median([r["s"] for r in rs]), min(r["cpu"] for r in rs), rs[0]["rows"])
        for f, rs in runs.items()
    }


def filter_calls(data_dir: Path) -> list[tuple[str, Callable[[], object]]]:
    """The filter calls a widget makes, over every actor and every category/kind present."""
    import mdr_data

    actor_ids = list(mdr_data.actors()["actor_id"])  # the real actors, not their copies
    capabilities = mdr_data.capabilities(data_dir=data_dir)
    relationships = mdr_data.relationships(data_dir=data_dir)
    claims = mdr_data.claims(data_dir=data_dir)
    calls: list[tuple[str, Callable[[], object]]] = []

    def add(label: str, function: Callable, **kwargs) -> None:
        calls.append((label, lambda: function(data_dir=data_dir, **kwargs)))

    for actor in actor_ids:
        add(f"capabilities(actor={actor!r})", mdr_data.capabilities, actor=actor)
        add(f"relationships(actor={actor!r})", mdr_data.relationships, actor=actor)
        add(f"events(actor={actor!r})", mdr_data.events, actor=actor)
        add(f"claims(actor={actor!r})", mdr_data.claims, actor=actor)
    for category in capabilities["category"].dropna().unique():
        add(f"capabilities(category={category!r})", mdr_data.capabilities, category=category)
    for kind in relationships["kind"].dropna().unique():
        add(f"relationships(kind={kind!r})", mdr_data.relationships, kind=kind)
    for theme in claims["theme"].dropna().unique():
        add(f"claims(theme={theme!r})", mdr_data.claims, theme=theme)
    add("events(start=2017, end=2019)", mdr_data.events, start=2017, end=2019)
    return calls


def time_filters(data_dir: Path, repetitions: int) -> tuple[list[float], str]:
    """Milliseconds per filter call (warm cache); also the slowest call's label."""
    import mdr_data

    for name in mdr_data.list_tables():  # load and validate once, untimed
        mdr_data.load(name, data_dir=data_dir)
    calls = filter_calls(data_dir)
    samples: list[float] = []
    worst = (0.0, "")
    for _ in range(repetitions):
        for label, call in calls:
            start = time.perf_counter()
            call()
            elapsed = (time.perf_counter() - start) * 1000
            samples.append(elapsed)
            worst = max(worst, (elapsed, label))
    return samples, worst[1]


def run(
    *,
    repetitions: int = 3,
    factors: tuple[int, ...] = FACTORS,
    widget_factors: tuple[int, ...] = FACTORS,
    widget_limit: int = 8,
) -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="mdr-bench-growth-") as tmp:
        dirs = {}
        for factor in (1, *factors):
            dirs[factor] = Path(tmp) / f"x{factor}"
            inflate(dirs[factor], factor)
        loads = _load_seconds(dirs, repetitions)
        base_s = loads[1][0]
        for factor, (seconds, cpu, rows) in loads.items():
            per_row_us = seconds / max(rows, 1) * 1e6
            figures.append(
                Figure(
                    f"growth.load_{factor}x_ms",
                    f"load all tables, data ×{factor}",
                    seconds * 1000,
                    "ms",
                    note=f"{rows} rows, {per_row_us:.1f} µs/row; least CPU {cpu * 1000:.0f} ms",
                    extra={"rows": rows, "us_per_row": per_row_us, "cpu_ms": cpu * 1000},
                )
            )
            if factor != 1:
                figures.append(
                    Figure(
                        f"growth.load_ratio_{factor}x",
                        f"load time ×{factor} / ×1",
                        seconds / base_s,
                        "×",
                        float(factor),
                        note="at most linear: ratio ≤ the factor",
                    )
                )
        if len(factors) >= 2:
            small, big = factors[-2], factors[-1]
            per_row = [loads[f][1] / max(loads[f][2], 1) for f in (small, big)]
            wall = [loads[f][0] / max(loads[f][2], 1) for f in (small, big)]
            figures.append(
                Figure(
                    f"growth.per_row_{big}x_vs_{small}x",
                    f"load CPU time per row, ×{big} / ×{small}",
                    per_row[1] / per_row[0],
                    "×",
                    PER_ROW_GROWTH_BUDGET,
                    note=f"> 1 means superlinear growth; wall time {wall[1] / wall[0]:.2f}×",
                    extra={"wall_ratio": wall[1] / wall[0]},
                )
            )
        for factor in (1, *factors):
            samples, worst = time_filters(dirs[factor], repetitions)
            budget = None if factor == 1 else FILTER_MEDIAN_BUDGET_MS
            figures.append(
                Figure(
                    f"growth.filter_{factor}x_median_ms",
                    f"loader filters (median), data ×{factor}",
                    median(samples),
                    "ms",
                    budget,
                    note=f"{len(samples)} calls; p95 {percentile(samples, 95):.1f} ms;"
                    f" slowest {worst}",
                    extra={
                        "p95_ms": percentile(samples, 95),
                        "calls": len(samples),
                        "slowest": worst,
                    },
                )
            )
        from benchmarks import widgets

        # fewer values per control at 100× than at 10×: there one redraw can take seconds
        limits = {f: widget_limit if f <= 10 else max(2, widget_limit // 2) for f in widget_factors}
        figures += widgets.run_scaled({f: str(dirs[f]) for f in widget_factors}, limits=limits)
    return figures
