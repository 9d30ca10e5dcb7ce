"""``python -m benchmarks [--quick] [--only SECTION] [--json PATH]``: see ``benchmarks``."""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path

from benchmarks import SECTIONS
from benchmarks._common import INFO, MISS, PASS, REPO, Figure, format_budget, format_value

DEFAULT_JSON = REPO / "benchmarks" / "results" / "latest.json"


def _settings(quick: bool) -> dict:
    return {
        "import_repetitions": 2 if quick else 7,
        "growth_repetitions": 1 if quick else 5,
        "growth_widget_factors": (10,) if quick else (10, 100),
        "growth_widget_limit": 2 if quick else 6,
        "quick": quick,
        "widget_instances": 1 if quick else 3,
        "notebooks_quick": quick,
    }


def run_section(name: str, settings: dict) -> list[Figure]:
    if name == "import":
        from benchmarks import import_time

        return import_time.run(repetitions=settings["import_repetitions"])
    if name == "growth":
        from benchmarks import growth

        return growth.run(
            repetitions=settings["growth_repetitions"],
            widget_factors=settings["growth_widget_factors"],
            widget_limit=settings["growth_widget_limit"],
        )
    if name == "widgets":
        from benchmarks import widgets

        return widgets.run(instances=settings["widget_instances"], warm=not settings["quick"])
    if name == "browser":
        from benchmarks import browser

        return browser.run(quick=settings["quick"])
    if name == "notebooks":
        from benchmarks import notebooks

        return notebooks.run(quick=settings["notebooks_quick"])
    raise ValueError(name)


def _load_average() -> float | None:
    """The machine's 1-minute load average (None where the OS has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def _versions() -> dict:
    out = {"python": platform.python_version()}
    for package in ("pandas", "numpy", "matplotlib", "ipywidgets", "nbclient", "palmerpenguins"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = None
    return out


def _clean(value):
    """NaN and infinities become null, so the JSON is strict."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def render_table(figures: list[Figure]) -> str:
    """Every figure as one row of a plain-text table (tabulate): value, budget, status, note."""
    from tabulate import tabulate

    rows = [
        (
            f.label,
            format_value(f.value, f.unit),
            format_budget(f.budget, f.unit),
            f.status if f.status != INFO else "",
            f.note,
        )
        for f in figures
    ]
    return tabulate(
        rows,
        headers=("figure", "value", "budget", "status", "note"),
        tablefmt="simple",
        colalign=("left", "right", "right", "left", "left"),
        disable_numparse=True,
    )


def headline(figures: dict[str, Figure]) -> list[str]:
    lines = []
    ratio = figures.get("import.ratio")
    if ratio is not None:
        pandas_ms = figures["import.pandas_ms"].value
        added_ms = figures["import.added_ms"].value
        lines.append(
            f"mdr_data import+load / pandas import = {format_value(ratio.value, '×')} "
            f"(import pandas {pandas_ms:.0f} ms; mdr_data adds {added_ms:.0f} ms; "
            f"budget ≤ {ratio.budget:.2f}×: {ratio.status})"
        )
    anchor = figures.get("anchor.load_vs_penguins")
    if anchor is not None:
        penguins = figures["anchor.penguins_ms"]
        lines.append(
            f"load all tables vs load_penguins = {format_value(anchor.value, '×')} "
            f"({format_value(figures['import.load_all_ms'].value, 'ms')} / "
            f"{format_value(penguins.value, 'ms')})"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="few repetitions, first notebook only (the smoke test)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        metavar="SECTION",
        help="run only this section (repeatable): " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help=f"where to write the JSON (default {DEFAULT_JSON.relative_to(REPO)})",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")  # widgets draw off-screen in this process
    sections = [s for s in SECTIONS if s in (args.only or SECTIONS)]
    settings = _settings(args.quick)

    figures: list[Figure] = []
    timings = {}
    loads: dict[str, list] = {}
    crashed = []
    for section in sections:
        print(f"[{section}] running…", file=sys.stderr, flush=True)
        loads[section] = [_load_average()]
        start = time.perf_counter()
        try:
            figures += run_section(section, settings)
        except Exception as error:
            crashed.append(section)
            figures.append(
                Figure(
                    f"{section}.error",
                    f"{section}: section failed",
                    None,
                    "",
                    0.0,
                    note=f"{type(error).__name__}: {error}"[:300],
                    extra={"traceback": traceback.format_exc()},
                )
            )
        timings[section] = time.perf_counter() - start
        loads[section].append(_load_average())

    by_key = {f.key: f for f in figures}
    print(render_table(figures))
    print()
    for line in headline(by_key):
        print(line)
    counts = {s: sum(f.status == s for f in figures) for s in (PASS, MISS)}
    print(
        f"{counts[PASS]} PASS, {counts[MISS]} MISS "
        f"({', '.join(f'{s} {t:.0f} s' for s, t in timings.items())})"
    )
    busiest = max((max(v) for v in loads.values() if None not in v), default=None)
    if busiest is not None:
        print(
            f"load average up to {busiest:.1f} on {os.cpu_count()} CPUs during the run"
            + (
                ": other work competed, wall times are inflated (see CPU times)"
                if busiest > (os.cpu_count() or 1) * 0.75
                else ""
            )
        )

    report = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(
            ["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])]
        ),
        "quick": args.quick,
        "sections": sections,
        "settings": settings,
        "section_seconds": timings,
        "load_average_before_after": loads,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), **_versions()},
        "summary": {"pass": counts[PASS], "miss": counts[MISS], "crashed": crashed},
        "headline": headline(by_key),
        "figures": {f.key: f.as_dict() for f in figures},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(_clean(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.json}", file=sys.stderr)
    return 2 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
