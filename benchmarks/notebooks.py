"""Notebook budget: every learner notebook (``notebooks/NN-*.ipynb``) executed headless.

Like the test suite: nbclient, a fresh ``python3`` kernel per notebook (this interpreter's), the
notebook's folder as working directory, and the repository's fix for the Output-widget stall
(``tests/_kernel_stall_fix.py``) applied first. Each notebook's time runs from starting its
kernel to the kernel's shutdown, and notebooks run one after another (the test suite overlaps
two), so the total is what a full headless run costs on one core. An empty
notebook run the same way is the anchor: the fixed cost of one kernel.
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
    import nbformat
    from nbclient import NotebookClient

    if path is None:
        notebook = nbformat.v4.new_notebook()
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
        asyncio.run(client.async_execute(env=_kernel_env(), cwd=str(folder)))
    except Exception as error:
        lines = str(error).strip().splitlines()
        last = lines[-1] if lines else ""
        return time.perf_counter() - start, f"{type(error).__name__}: {last}"
    return time.perf_counter() - start, ""


def run(*, quick: bool = False) -> list[Figure]:
    _apply_stall_fix()
    paths = notebook_paths()
    chosen = paths[:1] if quick else paths
    figures = []
    empty_s, empty_error = execute(None)
    figures.append(
        Figure(
            "notebooks.empty_kernel_s",
            "anchor: empty notebook, fresh kernel",
            None if empty_error else empty_s,
            "s",
            note=empty_error,
        )
    )
    total = 0.0
    failed = []
    for path in chosen:
        seconds, error = execute(path)
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
