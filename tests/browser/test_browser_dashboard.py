"""The Voilà dashboard(s) in notebooks/dashboards/: served by plain ``voila`` as ``make dashboard``
does, they show widgets and no code or errors, and react to a control."""

from __future__ import annotations

import pytest

from ._interactions import voila_interaction_for
from ._servers import NOTEBOOKS_DIR
from ._ui import expect_alt, select_dropdown, write_notebook

pytestmark = pytest.mark.browser

DASHBOARDS = (
    sorted(p for p in (NOTEBOOKS_DIR / "dashboards").glob("*.ipynb") if p.is_file())
    if (NOTEBOOKS_DIR / "dashboards").is_dir()
    else []
)


@pytest.mark.parametrize(
    "notebook",
    DASHBOARDS
    or [pytest.param(None, marks=pytest.mark.skip(reason="no notebooks/dashboards/*.ipynb yet"))],
    ids=lambda p: p.stem if p else "none",
)
def test_dashboard_in_voila(notebook, open_voila):
    app = open_voila(notebook)
    app.assert_clean()
    interact = voila_interaction_for(notebook.name)
    assert interact is not None, f"no interaction written for dashboard {notebook.name}"
    interact(app)
    app.assert_clean()
    app.page.screenshot(path=str(_screenshot_path(f"voila__{notebook.stem}")), full_page=True)


def _screenshot_path(name: str):
    from ._lab import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_a_figure_shows_its_alt_text_in_voila(tmp_path, open_voila):
    """FigurePanel's <img alt> reaches the page in Voilà as in JupyterLab, and follows a change."""
    cells = [
        "from mdr_data.widgets.relationship_network import relationship_network",
        "relationship_network()",
    ]
    app = open_voila(write_notebook(tmp_path / "network-dashboard.ipynb", cells))
    app.assert_clean()
    scope = app.page.locator("body")
    expect_alt(scope, "network", "Network diagram of the relationships of all actors")
    select_dropdown(scope, "mdr-focus", "Japan")
    alt = expect_alt(scope, "network", "Network diagram of the relationships of Japan")
    assert "Japan" in alt.split(": ", 1)[1], alt
    app.assert_clean()
