"""A JupyterLab ready for class: no "Jupyter news" toast over the first notebook a student opens.

The browser tests' JupyterLab reads the same shipped defaults as ``make lab`` and ``make hub``
(``deploy/jupyterlab/settings/overrides.json``; the harness no longer disables the announcements
plugin itself), so this checks what a student sees.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = pytest.mark.browser

NEWS_QUESTION = "official Jupyter news"


def test_no_news_toast_on_first_open(open_notebook, lab_server):
    notebook = open_notebook("notebooks/00-start-here.ipynb")
    page = notebook.page
    # The news question is asked shortly after start-up: give it time to show, then look.
    page.wait_for_timeout(4000)
    toasts = page.locator(".Toastify__toast")
    texts = [toasts.nth(i).inner_text() for i in range(toasts.count())]
    assert not [t for t in texts if NEWS_QUESTION in t], texts
    assert page.get_by_text(NEWS_QUESTION).count() == 0


def test_shipped_setting_is_what_lab_serves(lab_server):
    url = (
        f"{lab_server.base_url}/lab/api/settings/@jupyterlab/apputils-extension:notification"
        f"?token={lab_server.token}"
    )
    with urllib.request.urlopen(url, timeout=30) as reply:
        served = json.loads(reply.read())
    # overrides.json changes the schema's defaults; the student's own settings stay empty
    defaults = {k: v.get("default") for k, v in served["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false"
    assert defaults["checkForUpdates"] is False
    assert "fetchNews" not in served.get("settings", {})
