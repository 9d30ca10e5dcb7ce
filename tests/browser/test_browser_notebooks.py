"""Every notebook, opened in JupyterLab as a learner would: run all, see no errors, see widgets
rendered, and (for the analytic notebooks) see the output follow a control changed through the UI.

Notebooks are discovered at collection time under notebooks/ (learner copies, any subfolder such
as solutions or dashboards). The per-notebook interactions live in ``_interactions.py``.
"""

from __future__ import annotations

import json

import pytest

from ._interactions import interaction_for
from ._servers import NOTEBOOKS_DIR

pytestmark = pytest.mark.browser


def _discover() -> list[str]:
    if not NOTEBOOKS_DIR.is_dir():
        return []
    return sorted(
        path.relative_to(NOTEBOOKS_DIR).as_posix()
        for path in NOTEBOOKS_DIR.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts
    )


NOTEBOOKS = _discover()


def _uses_widgets(path: str) -> bool:
    """Does the notebook's code build widgets (so at least one view must render)?"""
    cells = json.loads((NOTEBOOKS_DIR / path).read_text(encoding="utf-8"))["cells"]
    code = "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in cells
        if c["cell_type"] == "code"
    )
    return any(word in code for word in ("widgets", "interact", "mdr_data.widgets"))


@pytest.mark.parametrize(
    "path",
    NOTEBOOKS or [pytest.param("", marks=pytest.mark.skip(reason="no notebooks in notebooks/"))],
)
def test_notebook_in_jupyterlab(path, open_notebook):
    notebook = open_notebook(path)
    notebook.run_all()
    cells = notebook.assert_clean()

    not_run = [
        f"cell {c.index} `{c.source}`"
        for c in cells
        if c.type == "code" and c.source.strip() and c.executionCount is None
    ]
    assert not not_run, f"{path}: code cells that did not run: {not_run}"
    if _uses_widgets(path):
        views = sum(c.widgetViews for c in cells)
        assert views > 0, f"{path}: the notebook builds widgets but no widget view rendered"

    interact = interaction_for(path)
    if interact is not None:
        interact(notebook)
        notebook.assert_clean()
    notebook.screenshot(path.removesuffix(".ipynb").replace("/", "__"))
    page_errors = [line for line in notebook.console if line.startswith("pageerror")]
    assert not page_errors, f"{path}: uncaught errors in the page: {page_errors}"
