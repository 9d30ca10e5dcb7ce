"""Self-test of the browser harness on throwaway notebooks it writes itself.

A canary: the harness must see a widget change the visible output, and it must flag the broken
cases (a cell that raises, an exception shown inside an Output widget, a widget view whose model
is missing). If these fail, the per-notebook tests prove nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ._ui import click_toggle, expect_text, press_slider, select_dropdown, write_notebook

pytestmark = pytest.mark.browser

SELFTEST_DIR = "_harness_selftest"

CANARY_CELLS = [
    "import ipywidgets as widgets\nfrom IPython.display import display",
    """\
choice = widgets.Dropdown(options=["alpha", "beta", "gamma"], value="alpha", description="Pick")
choice.add_class("mdr-choice")
count = widgets.IntSlider(value=3, min=0, max=10, description="Count")
count.add_class("mdr-count")
flag = widgets.ToggleButton(value=False, description="Flag")
flag.add_class("mdr-flag")
out = widgets.Output()
out.add_class("mdr-output")


def show(change=None):
    out.clear_output(wait=True)
    with out:
        print(f"Selected: {choice.value}; count: {count.value}; flag: {flag.value}")


for control in (choice, count, flag):
    control.observe(show, names="value")
show()
display(widgets.VBox([choice, count, flag, out]))""",
]


def _write_notebook(root: Path, name: str, cells: list[str]) -> str:
    (root / SELFTEST_DIR).mkdir(exist_ok=True)
    write_notebook(root / SELFTEST_DIR / name, cells)
    return f"{SELFTEST_DIR}/{name}"


def test_canary_widgets_render_and_react(lab_root, open_notebook):
    notebook = open_notebook(_write_notebook(lab_root, "canary.ipynb", CANARY_CELLS))
    notebook.run_all()
    cells = notebook.assert_clean()
    assert sum(cell.widgetViews for cell in cells) > 0, "canary widgets did not render"

    scope = notebook.scope()
    output = scope.locator(".mdr-output")
    expect_text(output, "Selected: alpha; count: 3; flag: False")

    select_dropdown(scope, "mdr-choice", "gamma")
    expect_text(output, "Selected: gamma; count: 3")
    press_slider(scope, "mdr-count", "ArrowRight", times=2)
    expect_text(output, "Selected: gamma; count: 5")
    click_toggle(scope, "mdr-flag")
    expect_text(output, "Selected: gamma; count: 5; flag: True")
    notebook.assert_clean()
    notebook.screenshot("_harness-canary")


def test_harness_flags_a_cell_that_raises(lab_root, open_notebook):
    path = _write_notebook(
        lab_root,
        "raises.ipynb",
        ["x = 1", "raise ValueError('deliberate failure for the harness self-test')"],
    )
    notebook = open_notebook(path)
    notebook.run_all()
    problems = notebook.problems()
    assert any(
        p.startswith("cell 1 ") and "ValueError" in p and "deliberate failure" in p
        for p in problems
    ), problems
    assert not any(p.startswith("cell 0 ") for p in problems), problems


def test_harness_flags_an_error_inside_an_output_widget(lab_root, open_notebook):
    # ipywidgets.Output swallows the exception: the cell "succeeds", the learner sees a traceback.
    path = _write_notebook(
        lab_root,
        "output-raises.ipynb",
        [
            "import ipywidgets as widgets\nout = widgets.Output()\ndisplay(out)\n"
            "with out:\n    raise RuntimeError('raised inside an Output widget')",
        ],
    )
    notebook = open_notebook(path)
    notebook.run_all()
    problems = notebook.problems()
    assert any("cell 0 " in p and "raised inside an Output widget" in p for p in problems), problems


def test_harness_flags_a_widget_whose_model_is_missing(lab_root, open_notebook):
    # A widget view whose model does not exist: the learner sees "Error displaying widget".
    # (Displayed by the kernel, not saved in the file: JupyterLab shows saved widget outputs of
    # an untrusted notebook as plain text only.)
    path = _write_notebook(
        lab_root,
        "missing-model.ipynb",
        [
            "from IPython.display import display\n"
            "display({'application/vnd.jupyter.widget-view+json': {\n"
            "    'model_id': '0123456789abcdef0123456789abcdef',\n"
            "    'version_major': 2, 'version_minor': 0}}, raw=True)",
        ],
    )
    notebook = open_notebook(path)
    notebook.run_all()
    problems = notebook.problems()
    assert any(p.startswith("cell 0 ") and "'Error displaying widget'" in p for p in problems), (
        problems
    )
