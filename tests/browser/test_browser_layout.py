"""Readable in a classroom: every notebook's widgets fit a 1280×800 window with the file browser
open (issue 11).

A teacher projects JupyterLab at 1280×800 with the file browser open beside the notebook. Each
learner notebook that shows a tool from ``mdr_data.widgets`` is opened that way and run; then, for
every tool (``.mdr-tool``) on the page:

* no tool and no output of a tool is wider than the notebook panel (nothing to scroll sideways
  to, nothing cut off at the panel's right edge);
* in every table that has a ``confidence`` column, its header — and the source column's
  (``source_id``, ``Source``, ``Read in``) — is inside the visible part of the table without
  scrolling sideways.

A failure names the notebook, the tool and the widths seen; the screenshot of the tool is saved
under ``test-artifacts/screenshots/layout-*.png``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from ._lab import SCREENSHOTS, LabNotebook
from ._servers import NOTEBOOKS_DIR, REPO_ROOT

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
#: header texts that name a table's confidence column, and its source column
CONFIDENCE_HEADERS = ("confidence",)
SOURCE_HEADERS = ("source_id", "source", "read in")


def _widget_notebooks() -> list[str]:
    """Learner notebooks whose code shows a tool from mdr_data.widgets."""
    found = []
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        if "mdr_data.widgets" in code:
            found.append(path.relative_to(REPO_ROOT).as_posix())
    return found


NOTEBOOKS = _widget_notebooks()

_OPEN_FILE_BROWSER_JS = """
async () => {
  const app = window.jupyterapp;
  app.shell.activateById('filebrowser');
  app.shell.activateById(window.__mdr.panel.id);
  const node = document.getElementById('filebrowser');
  return node ? node.getBoundingClientRect().width : 0;
}
"""

# For each tool: its width and the notebook's; every output wider than the notebook or
# overflowing its tool; every table with a confidence column and where its headers are.
_MEASURE_JS = """
([confidenceHeaders, sourceHeaders]) => {
  const panel = window.__mdr.panel;
  const notebook = panel.content.node.getBoundingClientRect();
  const right = Math.min(notebook.right, window.innerWidth);
  const name = (el) => [...el.classList].filter((c) => c.startsWith('mdr-output-'))[0]
    || el.className.toString().slice(0, 60);
  return [...panel.node.querySelectorAll('.mdr-tool')].map((tool, index) => {
    const box = tool.getBoundingClientRect();
    const report = {index, toolWidth: Math.round(box.width), toolRight: Math.round(box.right),
                    notebookRight: Math.round(right), overflow: tool.scrollWidth - tool.clientWidth,
                    wide: [], tables: []};
    for (const el of tool.querySelectorAll('.mdr-output, .widget-hbox, .widget-vbox')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > right + 1 || el.scrollWidth > el.clientWidth + 1
                          && getComputedStyle(el).overflowX === 'visible')) {
        report.wide.push(`${name(el)}: right ${Math.round(r.right)}, `
                         + `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
      }
    }
    for (const wrap of tool.querySelectorAll('.mdr-wrap')) {
      const heads = [...wrap.querySelectorAll('thead th')];
      const find = (names) => heads.find((th) => names.includes(th.innerText.trim().toLowerCase()));
      const confidence = find(confidenceHeaders);
      if (!confidence) continue;
      const visible = Math.min(wrap.getBoundingClientRect().right, right);
      const where = (th) => th ? Math.round(th.getBoundingClientRect().right) : null;
      const output = wrap.closest('.mdr-output');
      report.tables.push({output: output ? name(output) : '?', visibleRight: Math.round(visible),
                          confidenceRight: where(confidence),
                          sourceRight: where(find(sourceHeaders)),
                          scrollLeft: wrap.scrollLeft,
                          caption: (wrap.querySelector('caption') || {innerText: ''}).innerText
                            .slice(0, 80)});
    }
    return report;
  });
}
"""


@pytest.fixture
def classroom_page(browser) -> Iterator[object]:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _problems(path: str, tools: list[dict]) -> list[str]:
    problems = []
    for tool in tools:
        where = f"{path}, tool {tool['index']}"
        if tool["toolRight"] > tool["notebookRight"] + 1 or tool["overflow"] > 1:
            problems.append(
                f"{where}: {tool['toolWidth']} px wide, right edge {tool['toolRight']} px, "
                f"notebook panel ends at {tool['notebookRight']} px, overflow {tool['overflow']} px"
            )
        problems += [f"{where}: output wider than the notebook: {w}" for w in tool["wide"]]
        for table in tool["tables"]:
            for column in ("confidence", "source"):
                edge = table[f"{column}Right"]
                if edge is not None and edge > table["visibleRight"] + 1:
                    problems.append(
                        f"{where}, {table['output']} ({table['caption']!r}): the {column} header "
                        f"ends at {edge} px, past the visible {table['visibleRight']} px"
                    )
    return problems


@pytest.mark.parametrize(
    "path",
    NOTEBOOKS or [pytest.param("", marks=pytest.mark.skip(reason="no widget notebooks"))],
)
def test_widgets_fit_1280x800_with_file_browser(path, classroom_page, lab_server):
    notebook = LabNotebook(classroom_page, lab_server, path)
    try:
        notebook.open()
        browser_width = classroom_page.evaluate(_OPEN_FILE_BROWSER_JS)
        assert browser_width > 150, f"the file browser did not open ({browser_width} px wide)"
        notebook.run_all()
        notebook.assert_clean()
        headers = [list(CONFIDENCE_HEADERS), list(SOURCE_HEADERS)]
        tools = classroom_page.evaluate(_MEASURE_JS, headers)
        assert tools, f"{path}: no .mdr-tool rendered"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        stem = path.rsplit("/", 1)[-1].removesuffix(".ipynb")
        for index in range(len(tools)):
            tool = notebook.scope().locator(".mdr-tool").nth(index)
            tool.scroll_into_view_if_needed()
            classroom_page.screenshot(path=str(SCREENSHOTS / f"layout-{stem}-{index}.png"))
        problems = _problems(path, tools)
        assert not problems, "\n".join(problems)
    finally:
        notebook.shutdown_kernels()
