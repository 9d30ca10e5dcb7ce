"""Notebook budget: every learner notebook (``notebooks/NN-*.ipynb``) executed headless.

Like the test suite: nbclient, a fresh ``python3`` kernel per notebook (this interpreter's), the
notebook's folder as working directory (the Output-widget stall fix of
``tests/_kernel_stall_fix.py`` applied first, where that file exists). Each notebook's time runs
from starting its kernel to the kernel's shutdown, and notebooks run one after another (the test
suite overlaps two), so the total is what a full headless run costs on one core. An empty
notebook run the same way is the anchor: the fixed cost of one kernel.

Memory: the kernel's resident set size (RSS, ``psutil``) once the last cell has run, before the
kernel is shut down; budget 120 MiB per notebook. Shared library pages count in RSS, so the
kernel's unique set size (USS: what a second kernel adds on the same server) is reported beside
it, with the heavy modules the notebook left loaded (matplotlib, seaborn, the map shapes, …) and
the empty kernel's RSS as the anchor (ipykernel with debugpy loaded, before any import of ours).
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
import time
from pathlib import Path

from benchmarks._common import REPO, Figure

TOTAL_BUDGET_S = 60.0
RSS_BUDGET_MIB = 120.0
#: Modules worth naming when a kernel holds more memory than its budget.
HEAVY_MODULES = (
    "matplotlib",
    "matplotlib.pyplot",
    "seaborn",
    "scipy",
    "PIL.Image",
    "mdr_data.maps",
    "mdr_data.plots",
    "mdr_data.widgets",
)
_MODULES_CELL = "import sys as _s; print(sorted(m for m in {names!r} if m in _s.modules))"
NOTEBOOKS_DIR = REPO / "notebooks"
CELL_TIMEOUT_S = 120


def notebook_paths() -> list[Path]:
    """The learner notebooks (``notebooks/NN-*.ipynb``) in order; dashboards are not included."""
    return sorted(p for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def _apply_stall_fix() -> None:
    path = REPO / "tests" / "_kernel_stall_fix.py"
    if not path.exists():
        return
    name = "mdr_kernel_stall_fix"  # the name conftest.py uses: apply() runs once either way
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    module.apply()


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("MPLBACKEND", None)  # the kernel picks the inline backend, as in JupyterLab
    return env


def execute(path: Path | None) -> tuple[float, str]:
    """Execute one notebook (None: an empty one); return (seconds, error or "")."""
    seconds, error, _memory = execute_measured(path)
    return seconds, error


async def _run_measured(client, env: dict, cwd: str) -> dict:
    """Run every cell in a fresh kernel, then read the kernel's memory before shutting it."""
    import nbformat
    import psutil

    memory: dict = {}
    async with client.async_setup_kernel(env=env, cwd=cwd):
        process = psutil.Process(client.km.provisioner.pid)
        memory["start_rss_mib"] = process.memory_info().rss / 2**20
        for index, cell in enumerate(client.nb.cells):
            await client.async_execute_cell(cell, index)
        info = process.memory_full_info()
        memory["rss_mib"] = info.rss / 2**20
        memory["uss_mib"] = info.uss / 2**20
        probe = nbformat.v4.new_code_cell(_MODULES_CELL.format(names=HEAVY_MODULES))
        client.nb.cells.append(probe)
        await client.async_execute_cell(probe, len(client.nb.cells) - 1)
        text = "".join(o.get("text", "") for o in probe.outputs if o.get("name") == "stdout")
        memory["heavy_modules"] = text.strip()
        client.nb.cells.pop()
    return memory


#: The imports every plotting notebook of the course starts with: its memory floor.
FLOOR_CELL = "import matplotlib.pyplot as plt\nimport pandas as pd\nimport seaborn as sns"


def execute_measured(path: Path | None, cells: tuple[str, ...] = ()) -> tuple[float, str, dict]:
    """Execute one notebook (None: one of ``cells``, else empty) in a fresh kernel; return
    (seconds, error or "", the kernel's memory once every cell ran: ``rss_mib``, …)."""
    import nbformat
    from nbclient import NotebookClient

    if path is None:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
        folder = NOTEBOOKS_DIR if NOTEBOOKS_DIR.is_dir() else REPO
    else:
        notebook = nbformat.read(path, as_version=4)
        folder = path.parent
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    start = time.perf_counter()
    try:
        # asyncio.run gives the run its own event loop and closes it (as tests/test_notebooks.py)
        memory = asyncio.run(_run_measured(client, _kernel_env(), str(folder)))
    except Exception as error:
        lines = str(error).strip().splitlines()
        last = lines[-1] if lines else ""
        return time.perf_counter() - start, f"{type(error).__name__}: {last}", {}
    return time.perf_counter() - start, "", memory


def run(*, quick: bool = False) -> list[Figure]:
    _apply_stall_fix()
    paths = notebook_paths()
    chosen = paths[:1] if quick else paths
    figures = []
    empty_s, empty_error, empty_memory = execute_measured(None)
    figures.append(
        Figure(
            "notebooks.empty_kernel_s",
            "anchor: empty notebook, fresh kernel",
            None if empty_error else empty_s,
            "s",
            note=empty_error,
        )
    )
    figures.append(
        Figure(
            "notebooks.empty_kernel_rss_mib",
            "anchor: empty kernel, resident memory",
            empty_memory.get("rss_mib"),
            "MiB",
            note=f"USS {empty_memory.get('uss_mib', 0):.0f} MiB" if empty_memory else empty_error,
        )
    )
    figures.append(_floor_figure())
    total = 0.0
    failed = []
    for path in chosen:
        seconds, error, memory = execute_measured(path)
        total += seconds
        if error:
            failed.append(path.name)
        figures.append(
            Figure(
                f"notebooks.{path.stem}_s",
                f"notebook {path.name}",
                None if error else seconds,
                "s",
                note=error[:200] or f"{seconds:.1f} s incl. kernel start",
            )
        )
        figures.append(_memory_figure(path, memory, error))
    scope = f"{len(chosen)} of {len(paths)} notebooks" + (" (--quick)" if quick else "")
    note = scope + (f"; failed: {', '.join(failed)}" if failed else "")
    figures.append(
        Figure(
            "notebooks.total_s",
            "all notebooks, headless, in total",
            None if failed or not chosen else total,
            "s",
            TOTAL_BUDGET_S,
            note=note if chosen else "no notebooks found in notebooks/",
            extra={"executed": [p.name for p in chosen], "available": [p.name for p in paths]},
        )
    )
    return figures


def _floor_figure() -> Figure:
    """Anchor: a kernel that imported pandas, pyplot and seaborn and did nothing else."""
    _seconds, error, memory = execute_measured(None, (FLOOR_CELL,))
    note = error[:200] or (
        f"USS {memory['uss_mib']:.0f} MiB; what a notebook that plots holds before its first "
        "cell of its own (an empty kernel plus pandas, matplotlib.pyplot, seaborn)"
    )
    return Figure(
        "notebooks.floor_rss_mib",
        "anchor: kernel after importing pandas, pyplot and seaborn",
        memory.get("rss_mib"),
        "MiB",
        note=note,
        extra=memory,
    )


def _memory_figure(path: Path, memory: dict, error: str) -> Figure:
    note = error[:200]
    if memory:
        note = (
            f"USS {memory['uss_mib']:.0f} MiB; kernel started at {memory['start_rss_mib']:.0f} MiB;"
            f" loaded: {memory['heavy_modules'] or '[]'}"
        )
    return Figure(
        f"notebooks.{path.stem}_rss_mib",
        f"kernel memory after {path.name}",
        memory.get("rss_mib"),
        "MiB",
        RSS_BUDGET_MIB,
        note=note,
        extra=memory,
    )
