"""Execute every notebook headless (learner copies, dashboards and master copies).

One test per notebook, on a fresh ``python3`` kernel with nbclient. A first cell injected into
the kernel turns every warning into an error, so a deprecation in a notebook (or in the code it
calls) fails the test; the executed notebook must contain no error output, and no widget may hold
an error output either. A notebook that takes as long as one cell's whole timeout fails too: that
is how the client-side stall of jupyter/nbclient#312 shows (a cell waits out its timeout, then
passes), which our notebooks avoid by never using Output widgets (tests/test_hygiene.py).
The kernel finds ``mdr_data`` through PYTHONPATH even when the package is not installed (e.g. a
bare checkout with PYTHONPATH=repo).
"""

from __future__ import annotations

import asyncio
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(
    [
        *(REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"),
        *(REPO / "notebooks" / "dashboards").glob("*.ipynb"),
        *(REPO / "solutions").glob("[0-9][0-9]-*.ipynb"),
    ]
)
CELL_TIMEOUT_S = 120

# Warnings become errors inside the kernel, with one precise exception not raised by notebook
# or mdr_data code: ipykernel warns about its own do_shutdown while the kernel shuts down.
WARNINGS_AS_ERRORS = """\
import warnings
warnings.simplefilter("error")
warnings.filterwarnings(
    "ignore", message="For consistency across implementations", category=PendingDeprecationWarning
)
"""


def _ids(path: Path) -> str:
    return str(path.relative_to(REPO))


def _errors_in_widget_state(state: dict) -> list[str]:
    found = []
    for model in state.values():
        for output in model.get("state", {}).get("outputs", []) or []:
            if isinstance(output, dict) and output.get("output_type") == "error":
                found.append(f"{output.get('ename')}: {output.get('evalue')}")
    return found


def _execute(path: Path) -> list[str]:
    """Run one notebook on a fresh kernel; return the problems found (empty when clean)."""
    nb = nbformat.read(path, as_version=4)
    setup = nbformat.v4.new_code_cell(WARNINGS_AS_ERRORS)
    setup.id = "test-warnings-as-errors"
    nb.cells.insert(0, setup)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.monotonic()
    # asyncio.run gives this thread its own event loop and closes it (no unclosed-loop warning).
    asyncio.run(client.async_execute())
    seconds = time.monotonic() - start
    errors = []
    if seconds >= CELL_TIMEOUT_S:
        errors.append(
            f"took {seconds:.0f} s, a whole cell timeout ({CELL_TIMEOUT_S} s): a cell stalled "
            "(jupyter/nbclient#312 appears with Output widgets; see tests/test_hygiene.py)"
        )
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append(f"cell {index}: {output['ename']}: {output['evalue']}")
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                errors.append(f"cell {index} wrote to stderr: {output['text'][:300]}")
    errors += _errors_in_widget_state(getattr(client, "widget_state", {}) or {})
    return errors


@pytest.fixture(scope="module")
def executions(request):
    """Start every selected notebook at once, two kernels at a time (the machine has 2 cores).

    Kernel start-up and imports dominate (~4 s a notebook); overlapping two halves the wall
    time. Each test then waits for its own notebook only.
    """
    selected = [
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_notebook_executes_cleanly"
        and hasattr(item, "callspec")
    ]
    saved = {key: os.environ.get(key) for key in ("PYTHONPATH", "MPLBACKEND")}
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), saved["PYTHONPATH"]]))
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    pool = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)))
    futures = {path: pool.submit(_execute, path) for path in selected}
    yield futures
    pool.shutdown(wait=True)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids)
def test_notebook_executes_cleanly(path: Path, executions):
    errors = executions[path].result(timeout=CELL_TIMEOUT_S * 20)
    assert not errors, "\n".join(errors)


def test_every_notebook_is_found():
    names = {p.name for p in NOTEBOOKS}
    assert "00-start-here.ipynb" in names
    assert "actor-explorer.ipynb" in names
