"""Self-test of the Voilà harness on a throwaway dashboard: it renders without code, reacts to a
widget change, and a dashboard whose cell raises is reported."""

from __future__ import annotations

import pytest

from ._ui import expect_text, select_dropdown, write_notebook

pytestmark = pytest.mark.browser

DASHBOARD_CELLS = [
    "import ipywidgets as widgets",
    """\
choice = widgets.Dropdown(options=["alpha", "beta"], value="alpha", description="Pick")
choice.add_class("mdr-choice")
label = widgets.HTML()
label.add_class("mdr-output")


def show(change=None):
    label.value = f"<h3>Selected: {choice.value}</h3>"


choice.observe(show, names="value")
show()
widgets.VBox([choice, label])""",
]


def test_voila_canary_renders_without_code_and_reacts(tmp_path, open_voila):
    app = open_voila(write_notebook(tmp_path / "canary-dashboard.ipynb", DASHBOARD_CELLS))
    app.assert_clean()
    output = app.page.locator(".mdr-output")
    expect_text(output, "Selected: alpha")
    select_dropdown(app.page.locator("body"), "mdr-choice", "beta")
    expect_text(output, "Selected: beta")
    app.assert_clean()


def test_voila_harness_reports_a_raising_cell(tmp_path, open_voila):
    cells = [*DASHBOARD_CELLS, "raise ValueError('deliberate dashboard failure')"]
    app = open_voila(write_notebook(tmp_path / "raising-dashboard.ipynb", cells))
    problems = app.problems()
    assert any("deliberate dashboard failure" in p for p in problems), problems
