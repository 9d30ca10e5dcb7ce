"""Every notebook, opened in JupyterLab as a learner would: run all, see no errors, see widgets
rendered, and (for the analytic notebooks) see the output follow a control changed through the UI.

Notebooks are discovered at collection time under notebooks/ (learner copies, dashboards
included) and solutions/ (master copies, where every solution's self-check must say "Right").
The per-notebook interactions live in ``_interactions.py``.
"""

from __future__ import annotations

import json

import pytest

from ._interactions import interaction_for
from ._servers import REPO_ROOT, SERVED_DIRS

pytestmark = pytest.mark.browser


def _discover() -> list[str]:
    """Paths relative to the repository root (the served copy has the same layout)."""
    return sorted(
        path.relative_to(REPO_ROOT).as_posix()
        for folder in SERVED_DIRS
        if folder.is_dir()
        for path in folder.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts
    )


NOTEBOOKS = _discover()


# In a master copy, each cell tagged "solution" that calls mdr_data.exercises.check() must show
# "✓ Right: ..." (the learner's placeholder cell before it legitimately says "Not yet: ...").
_SOLUTION_CHECKS_JS = """
() => window.__mdr.panel.content.widgets.flatMap((cell, index) => {
  const tags = cell.model.getMetadata('tags') || [];
  if (!tags.includes('solution') || !cell.model.sharedModel.getSource().includes('check(')) {
    return [];
  }
  const out = cell.node.querySelector('.jp-Cell-outputWrapper');
  const text = out ? out.innerText.trim() : '';
  return [{index, right: text.includes('Right'), text: text.slice(0, 200) || '(no output)'}];
})
"""


def _solution_check_cells(path: str) -> int:
    cells = json.loads((REPO_ROOT / path).read_text(encoding="utf-8"))["cells"]
    return sum(
        1
        for c in cells
        if "solution" in c["metadata"].get("tags", []) and "check(" in "".join(c["source"])
    )


def _uses_widgets(path: str) -> bool:
    """Does the notebook's code build widgets (so at least one view must render)?"""
    cells = json.loads((REPO_ROOT / path).read_text(encoding="utf-8"))["cells"]
    code = "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in cells
        if c["cell_type"] == "code"
    )
    return any(word in code for word in ("widgets", "interact", "mdr_data.widgets"))


@pytest.mark.parametrize(
    "path",
    NOTEBOOKS
    or [pytest.param("", marks=pytest.mark.skip(reason="no notebooks in notebooks/ solutions/"))],
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
    if path.startswith("solutions/"):
        checks = notebook.page.evaluate(_SOLUTION_CHECKS_JS)
        assert len(checks) == _solution_check_cells(path), f"{path}: solution cells seen: {checks}"
        not_right = [f"cell {c['index']}: {c['text']}" for c in checks if not c["right"]]
        assert not not_right, f"{path}: solution cells whose check is not Right: {not_right}"
    notebook.screenshot(path.removeprefix("notebooks/").removesuffix(".ipynb").replace("/", "__"))
    page_errors = [line for line in notebook.console if line.startswith("pageerror")]
    assert not page_errors, f"{path}: uncaught errors in the page: {page_errors}"
