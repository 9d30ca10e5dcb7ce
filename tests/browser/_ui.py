"""Change widgets the way a person does (mouse, keyboard) and wait for the visible result."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

if TYPE_CHECKING:
    from playwright.sync_api import Locator

TIMEOUT_MS = 30_000


def expect_text(locator: Locator, expected: str | re.Pattern[str], timeout_ms: float = TIMEOUT_MS):
    """Wait until ``locator`` shows ``expected`` (substring or regex); fail with what it shows."""
    from playwright.sync_api import expect

    expect(locator).to_contain_text(expected, timeout=timeout_ms)


def expect_alt(scope: Locator, output: str, expected: str | re.Pattern[str]) -> str:
    """Wait until the picture in ``mdr-output-<output>`` has an ``alt`` text matching
    ``expected`` (a regex, or a substring); return that text."""
    from playwright.sync_api import expect

    image = scope.locator(f".mdr-output-{output} img").first
    pattern = expected if isinstance(expected, re.Pattern) else re.compile(re.escape(expected))
    expect(image).to_have_attribute("alt", pattern, timeout=TIMEOUT_MS)
    return image.get_attribute("alt") or ""


def expect_text_changes(locator: Locator, before: str, timeout_ms: float = TIMEOUT_MS) -> str:
    """Wait until ``locator``'s text differs from ``before``; return the new text."""
    from playwright.sync_api import expect

    expect(locator).not_to_have_text(before, timeout=timeout_ms)
    return locator.inner_text()


def wait_until(
    scope: Locator, check: Callable[[], str | None], timeout_ms: float = TIMEOUT_MS
) -> None:
    """Poll ``check()`` (it returns None when satisfied, else what it saw) until it passes."""
    deadline = time.monotonic() + timeout_ms / 1000
    while (seen := check()) is not None:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_ms / 1000:.0f} s; last seen: {seen}")
        scope.page.wait_for_timeout(100)


def _plain(text: str) -> str:
    # ipywidgets renders option labels with non-breaking spaces.
    return " ".join(text.replace("\xa0", " ").split())


def dropdown_options(scope: Locator, css_class: str) -> list[str]:
    """Option labels of the Dropdown with class ``css_class`` (waits until it has options)."""
    select = scope.locator(f".{css_class} select").first
    select.locator("option").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    return [_plain(text) for text in select.locator("option").all_inner_texts()]


def selected_label(scope: Locator, css_class: str) -> str:
    """The visible label of the selected option of the Dropdown with class ``css_class``."""
    select = scope.locator(f".{css_class} select").first
    return _plain(
        select.evaluate("(s) => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text")
    )


def select_dropdown(scope: Locator, css_class: str, label: str) -> None:
    """Pick ``label`` in the ``<select>`` of the Dropdown that has class ``css_class``."""
    scope.locator(f".{css_class} select").first.select_option(label=label)


def press_slider(scope: Locator, css_class: str, key: str = "ArrowRight", times: int = 1) -> None:
    """Move the slider with class ``css_class`` by keyboard (focus its handle, press ``key``)."""
    handle = scope.locator(f".{css_class} .noUi-handle").first
    handle.focus()
    for _ in range(times):
        handle.press(key)


def click_toggle(scope: Locator, css_class: str) -> None:
    """Click a ToggleButton (or Button) with class ``css_class``; also finds one inside a box."""
    target = scope.locator(f"button.{css_class}, .{css_class} button").first
    target.click()


def click_toggle_option(scope: Locator, css_class: str, label: str) -> None:
    """Click the button labelled ``label`` in a ToggleButtons widget with class ``css_class``."""
    scope.locator(f".{css_class} button", has_text=label).first.click()


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Write a python3 notebook of code ``cells`` to ``path`` (for the harness self-tests)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(notebook, path)
    return path
