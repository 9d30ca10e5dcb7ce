"""Import budget: ``import mdr_data`` plus loading every table, against ``import pandas`` alone.

Each measurement runs in a fresh interpreter and times itself with ``perf_counter`` around the
statements (and with ``process_time``, a check on a busy machine). Interpreter start-up is the
same for both and is left out, which makes the ratio stricter. Runs are interleaved (pandas,
mdr_data, penguins, pandas, …) so that drift in the machine's load hits both sides alike; one
unrecorded warm-up round fills a bytecode cache in a temporary folder (``PYTHONPYCACHEPREFIX``,
used even where ``PYTHONDONTWRITEBYTECODE`` is set), so both sides import cached bytecode.

The budgeted ratio is paired: the ``mdr_data`` process imports pandas first (timed apart), so
each round divides its total by the pandas import of the same process, at the same moment of
the machine's load; the median of those ratios is the figure. The ratio of the medians of the
separate ``import pandas`` and ``mdr_data`` processes is reported beside it (on a busy 2-core
machine single runs vary by ±50 %, which that ratio inherits and the paired one cancels).
The anchors come from the same rounds: ``import pandas`` and ``palmerpenguins.load_penguins()``
(a one-table CSV loader of the same kind, timed after ``import pandas, palmerpenguins``).

When the ratio misses, the ``-X importtime`` log of one more run names the modules that
``mdr_data`` brings in beyond pandas, costliest first (``extra["beyond_pandas"]``).
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
import time

from benchmarks._common import Figure, median, run_child

RATIO_BUDGET = 1.15

PANDAS_CODE = """
import time
c0, t0 = time.process_time(), time.perf_counter()
import pandas
t1, c1 = time.perf_counter(), time.process_time()
import json
print(json.dumps({"s": t1 - t0, "cpu": c1 - c0}))
"""

MDR_CODE = """
import time
c0, t0 = time.process_time(), time.perf_counter()
import pandas  # mdr_data's first import: timed apart, it gives the paired ratio
tp = time.perf_counter()
import mdr_data
t1 = time.perf_counter()
rows = 0
for name in mdr_data.list_tables():
    rows += len(mdr_data.load(name))
t2, c2 = time.perf_counter(), time.process_time()
import json
print(json.dumps({"s": t2 - t0, "pandas": tp - t0, "import": t1 - t0, "load": t2 - t1,
                  "rows": rows, "cpu": c2 - c0}))
"""

PENGUINS_CODE = """
import time
import pandas
import palmerpenguins
t0 = time.perf_counter()
rows = len(palmerpenguins.load_penguins())
t1 = time.perf_counter()
import json
print(json.dumps({"s": t1 - t0, "rows": rows}))
"""

_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)\s*$")


def have_penguins() -> bool:
    return importlib.util.find_spec("palmerpenguins") is not None


def _timed(code: str, pycache: str) -> tuple[dict, float]:
    start = time.perf_counter()
    result = run_child(code, pycache_prefix=pycache)
    return result, time.perf_counter() - start


def importtime_modules(code: str) -> dict[str, int]:
    """Module -> self import time (µs) from one ``python -X importtime`` run of ``code``."""
    stderr = run_child(code, args=["-X", "importtime"])["_stderr"]
    out = {}
    for line in stderr.splitlines():
        match = _IMPORTTIME.match(line)
        if match:
            out[match.group(4)] = int(match.group(1))
    return out


def beyond_pandas(limit: int = 10) -> list[dict]:
    """The modules imported by ``import mdr_data`` + loading that ``import pandas`` does not
    import, with their self time, costliest first."""
    pandas_modules = importtime_modules(PANDAS_CODE)
    mdr_modules = importtime_modules(MDR_CODE)
    extra = {name: us for name, us in mdr_modules.items() if name not in pandas_modules}
    ranked = sorted(extra.items(), key=lambda item: item[1], reverse=True)
    total = sum(extra.values())
    return [{"module": "(all of them)", "self_ms": total / 1000, "count": len(extra)}] + [
        {"module": name, "self_ms": us / 1000} for name, us in ranked[:limit]
    ]


def run(*, repetitions: int = 7) -> list[Figure]:
    penguins = have_penguins()
    samples: dict[str, list] = {"pandas": [], "mdr": [], "penguins": []}
    walls: dict[str, list] = {"pandas": [], "mdr": []}
    with tempfile.TemporaryDirectory(prefix="mdr-bench-pycache-") as pycache:
        for round_no in range(repetitions + 1):  # round 0 fills the bytecode cache
            for name, code in (("pandas", PANDAS_CODE), ("mdr", MDR_CODE)):
                result, wall = _timed(code, pycache)
                if round_no:
                    samples[name].append(result)
                    walls[name].append(wall)
            if penguins:
                result, _ = _timed(PENGUINS_CODE, pycache)
                if round_no:
                    samples["penguins"].append(result)

    pandas_ms = median([r["s"] for r in samples["pandas"]]) * 1000
    mdr_ms = median([r["s"] for r in samples["mdr"]]) * 1000
    import_ms = median([r["import"] for r in samples["mdr"]]) * 1000
    load_ms = median([r["load"] for r in samples["mdr"]]) * 1000
    paired = [r["s"] / r["pandas"] for r in samples["mdr"]]
    added_ms = median([r["s"] - r["pandas"] for r in samples["mdr"]]) * 1000
    ratio = median(paired)
    separate = mdr_ms / pandas_ms
    cpu_ratio = median([r["cpu"] for r in samples["mdr"]]) / median(
        [r["cpu"] for r in samples["pandas"]]
    )
    rows = samples["mdr"][0]["rows"]
    n = f"median of {repetitions} fresh processes"

    figures = [
        Figure(
            "import.pandas_ms",
            "anchor: import pandas",
            pandas_ms,
            "ms",
            note=n,
            extra={"process_wall_ms": median(walls["pandas"]) * 1000},
        ),
        Figure(
            "import.mdr_data_ms",
            "import mdr_data + load every table",
            mdr_ms,
            "ms",
            note=f"{n}; import {import_ms:.0f} ms + load {load_ms:.0f} ms",
            extra={
                "import_ms": import_ms,
                "load_ms": load_ms,
                "rows": rows,
                "process_wall_ms": median(walls["mdr"]) * 1000,
            },
        ),
        Figure(
            "import.added_ms",
            "what mdr_data adds to pandas' import",
            added_ms,
            "ms",
            note="import mdr_data + load every table after import pandas, same process",
        ),
        Figure(
            "import.load_all_ms",
            "load every table (after import)",
            load_ms,
            "ms",
            note=f"{rows} rows in all",
        ),
    ]
    ratio_figure = Figure(
        "import.ratio",
        "mdr_data import+load / pandas import",
        ratio,
        "×",
        RATIO_BUDGET,
        note=f"paired, median of {repetitions}; separate processes {separate:.2f}×, "
        f"CPU {cpu_ratio:.2f}×",
        extra={
            "paired_ratios": paired,
            "separate_processes_ratio": separate,
            "cpu_ratio": cpu_ratio,
        },
    )
    if ratio_figure.status != "PASS":
        ratio_figure.extra["beyond_pandas"] = beyond_pandas()
        top = ratio_figure.extra["beyond_pandas"][:4]
        ratio_figure.note += "; beyond pandas: " + ", ".join(
            f"{m['module']} {m['self_ms']:.0f} ms" for m in top
        )
    figures.append(ratio_figure)

    if penguins:
        penguins_ms = median([r["s"] for r in samples["penguins"]]) * 1000
        figures += [
            Figure(
                "anchor.penguins_ms",
                "anchor: palmerpenguins.load_penguins()",
                penguins_ms,
                "ms",
                note=f"{samples['penguins'][0]['rows']} rows; {n}",
            ),
            Figure(
                "anchor.load_vs_penguins",
                "load every table / load_penguins()",
                load_ms / penguins_ms,
                "×",
            ),
        ]
    else:
        figures += [
            Figure(
                "anchor.penguins_ms",
                "anchor: palmerpenguins.load_penguins()",
                None,
                "ms",
                note="palmerpenguins not installed (pip install -e '.[bench]')",
            ),
            Figure(
                "anchor.load_vs_penguins",
                "load every table / load_penguins()",
                None,
                "×",
                note="palmerpenguins not installed",
            ),
        ]
    return figures
