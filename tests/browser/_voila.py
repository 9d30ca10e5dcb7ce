"""Open a Voilà app in a page and inspect what a person sees (no code, no errors, live widgets)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ._lab import WIDGET_ERROR_TEXTS, wait_view_count_stable
from ._servers import ServerProcess

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Voilà shows #rendered_cells once every cell ran (voila_finish); then each widget output must
# show a view or an error text, not the "Loading widget..." placeholder.
_VOILA_READY_JS = """
() => {
  const cells = document.querySelector('#rendered_cells');
  if (!cells || getComputedStyle(cells).display === 'none') return false;
  const loading = document.querySelector('#loading');
  if (loading && getComputedStyle(loading).display !== 'none') return false;
  const areas = [...cells.querySelectorAll('.jp-OutputArea-output')].filter(
    (a) => !a.dataset.mimeType);
  return areas.length > 0 && areas.every((a) => a.querySelector('.jupyter-widgets')
    || (a.textContent.trim() && !a.textContent.includes('Loading widget')));
}
"""

# Code shows up as a code cell's input area, an editor, an "In [n]:" prompt, or the text of a
# line of the notebook's code (markdown cells legitimately have an input area of their own).
_VOILA_INSPECT_JS = """
([errorTexts, codeLines]) => {
  const root = document.querySelector('#rendered_cells') || document.body;
  const text = root.innerText.toLowerCase();
  const pageText = root.innerText;
  return {
    code: [...root.querySelectorAll(
      '.jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor, .jp-InputPrompt')]
      .filter((e) => e.innerText.trim())
      .map((e) => e.innerText.slice(0, 200))
      .concat(codeLines.filter((line) => pageText.includes(line))),
    errors: [...root.querySelectorAll(
      '[data-mime-type="application/vnd.jupyter.stderr"],'
      + '[data-mime-type="application/vnd.jupyter.error"]')]
      .map((e) => e.innerText.slice(0, 1500)),
    widgetErrors: errorTexts.filter((t) => text.includes(t.toLowerCase())),
    widgetViews: root.querySelectorAll('.jupyter-widgets:not(.jp-OutputArea-output)').length,
  };
}
"""


def code_lines(notebook: Path) -> list[str]:
    """Distinctive lines of the notebook's code cells (a person must not see them)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code":
            source = cell["source"]
            source = "".join(source) if isinstance(source, list) else source
            lines += [line.strip() for line in source.splitlines() if len(line.strip()) >= 8]
    return lines


class VoilaApp:
    """A Voilà server's page: open it, wait until widgets are live, report problems."""

    def __init__(self, page: Page, server: ServerProcess, notebook: Path):
        self.page = page
        self.notebook = notebook
        self.server = server
        self.name = notebook.name
        self.console: list[str] = []
        page.on("pageerror", lambda exc: self.console.append(f"pageerror: {exc}"))

    def open(self, timeout_ms: float = 120_000) -> None:
        self.page.goto(f"{self.server.base_url}/?token={self.server.token}", timeout=timeout_ms)
        self.page.wait_for_function(_VOILA_READY_JS, timeout=timeout_ms, polling=100)
        wait_view_count_stable(self.page, "#rendered_cells")

    def inspect(self) -> dict:
        return self.page.evaluate(
            _VOILA_INSPECT_JS, [list(WIDGET_ERROR_TEXTS), code_lines(self.notebook)]
        )

    def problems(self) -> list[str]:
        seen = self.inspect()
        found = [f"{self.name}: code shown to the user: {c!r}" for c in seen["code"]]
        found += [f"{self.name}: error/stderr shown:\n{e}" for e in seen["errors"]]
        found += [f"{self.name}: widget failed ({t!r})" for t in seen["widgetErrors"]]
        if seen["widgetViews"] == 0:
            found.append(f"{self.name}: no widget view rendered")
        return found

    def assert_clean(self) -> None:
        problems = self.problems()
        tail = "\n".join(self.console[-10:])
        assert not problems, "\n".join(problems) + (f"\n--- console ---\n{tail}" if tail else "")
