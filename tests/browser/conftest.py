"""Fixtures for the browser tests: one JupyterLab server, one Chromium, a fresh page per test.

Without Chromium (or Playwright) the tests skip with a hint on how to install it, except under
CI (env ``CI`` set), where a missing browser fails: CI must prove what a person would see.
``MDR_CHROMIUM`` points at another Chromium/Chrome binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ._lab import LabNotebook
from ._servers import (
    SERVED_DIRS,
    ServerProcess,
    install_cleanup_handlers,
    start_jupyterlab,
    start_voila,
)
from ._voila import VoilaApp

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
INSTALL_HINT = (
    "install Chromium (`sudo apt-get install chromium` on Debian/Ubuntu) or set "
    "MDR_CHROMIUM=/path/to/chrome; Playwright comes with the project's dev dependencies "
    "(never `playwright install`: its browser download is not needed)"
)


def _unavailable(reason: str) -> None:
    message = f"browser tests cannot run: {reason}; {INSTALL_HINT}"
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{message} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = os.environ.get("MDR_CHROMIUM") or DEFAULT_CHROMIUM
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        _unavailable(f"no executable Chromium at {path}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        _unavailable(f"Playwright for Python is not importable ({exc})")
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    install_cleanup_handlers()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of notebooks/ and solutions/ (JupyterLab autosaves what it opens)."""
    root = tmp_path_factory.mktemp("lab-root")
    for folder in SERVED_DIRS:
        if folder.is_dir():
            shutil.copytree(
                folder,
                root / folder.name,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )
    return root


@pytest.fixture(scope="session")
def lab_server(
    lab_root: Path, tmp_path_factory: pytest.TempPathFactory, chromium_executable: str
) -> Iterator[ServerProcess]:
    install_cleanup_handlers()
    server = start_jupyterlab(lab_root, tmp_path_factory.mktemp("lab-home"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def open_notebook(page, lab_server: ServerProcess) -> Iterator[Callable[[str], LabNotebook]]:
    """``open_notebook("01-x.ipynb")`` opens it (path relative to the served copy) and waits
    until its kernel is connected and idle; kernels are shut down after the test."""
    opened: list[LabNotebook] = []

    def _open(path: str) -> LabNotebook:
        notebook = LabNotebook(page, lab_server, path)
        opened.append(notebook)
        notebook.open()
        return notebook

    try:
        yield _open
    finally:
        if opened:
            opened[0].shutdown_kernels()


@pytest.fixture(scope="session")
def _voila_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    servers: dict[Path, ServerProcess] = {}
    try:
        yield servers
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture
def open_voila(page, _voila_servers: dict, tmp_path_factory, chromium_executable: str):
    """``open_voila(path)`` serves the notebook with plain Voilà, as ``make dashboard`` does (one
    server per notebook per session), and opens it, waiting until its widgets are live."""
    install_cleanup_handlers()

    def _open(notebook: Path) -> VoilaApp:
        notebook = notebook.resolve()
        if notebook not in _voila_servers:
            _voila_servers[notebook] = start_voila(notebook, tmp_path_factory.mktemp("voila-home"))
        app = VoilaApp(page, _voila_servers[notebook], notebook)
        app.open()
        return app

    return _open
