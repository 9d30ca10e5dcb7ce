"""``make site``: the static site builds, and every internal link, anchor and image resolves.

Builds the whole site once (executes the learner notebooks: ~40 s on two cores) and checks it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.site, pytest.mark.notebooks]


def _builder():
    spec = importlib.util.spec_from_file_location("build_site", REPO / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site():
    pytest.importorskip(
        "myst_nb", reason="the site builder is not installed (pip install -e '.[site]')"
    )
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_site.py")],
        capture_output=True, text=True, timeout=900, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return REPO / "build" / "site"


def test_every_internal_link_and_image_resolves(site):
    assert _builder().check_links(site) == []


def test_pages_navigation_and_search(site):
    builder = _builder()
    index = (site / "index.html").read_text()
    for notebook in builder.NOTEBOOKS:
        page = site / "notebooks" / f"{notebook.stem}.html"
        assert page.exists(), page
        assert f'notebooks/{notebook.stem}.html"' in index, f"{notebook.stem} not in navigation"
    assert (site / "notebooks" / "README.html").exists()
    assert (site / "docs" / "data-dictionary.html").exists()
    assert (site / "search.html").exists() and (site / "searchindex.js").exists()
    assert "actors" in (site / "searchindex.js").read_text()


def test_widgets_are_static_with_a_note(site):
    page = (site / "notebooks" / "02-offensive-missile-capabilities.html").read_text()
    assert "mdr-static-widget" in page
    assert "initial state" in page and "live when you open" in page
    assert "data:image/svg+xml;base64," in page  # the chart the tool first shows
    assert "widget-view+json" not in page and "unpkg.com" not in page  # no CDN widget manager


def test_link_checker_reports_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="missing.html">x</a><img src="a.png"><a href="#nope">y</a>'
    )
    problems = _builder().check_links(tmp_path)
    assert len(problems) == 3, problems
