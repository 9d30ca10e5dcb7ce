"""Drive one notebook in JupyterLab through ``window.jupyterapp`` and inspect what a person sees.

Readiness is always a real signal (kernel connected and idle, run-all settled, no ``[*]`` prompt,
every widget output rendered), never a fixed sleep.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ._servers import ARTIFACTS, ServerProcess

if TYPE_CHECKING:
    from playwright.sync_api import Page

SCREENSHOTS = ARTIFACTS / "screenshots"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_ERROR_TEXTS = ("Error displaying widget", "Model not found")  # matched case-insensitively

_OPEN_JS = """
async ([path, kernelName]) => {
  const app = window.jupyterapp;
  await app.restored;
  const panel = await app.commands.execute(
    'docmanager:open', {path, factory: 'Notebook', kernel: {name: kernelName}});
  app.shell.activateById(panel.id);
  window.__mdr = {panel, runState: 'idle', runError: null};
  await panel.context.ready;
  return panel.id;
}
"""

_KERNEL_READY_JS = """
() => {
  const panel = window.__mdr && window.__mdr.panel;
  if (!panel || !panel.context.isReady) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}
"""

# Start run-all without awaiting it: the promise is only recorded, for the error message.
_RUN_ALL_JS = """
() => {
  const app = window.jupyterapp, state = window.__mdr;
  app.shell.activateById(state.panel.id);
  if (app.shell.currentWidget !== state.panel) return 'notebook is not the current widget';
  state.runState = 'running';
  Promise.resolve(app.commands.execute('notebook:run-all-cells')).then(
    () => { state.runState = 'done'; },
    (err) => { state.runState = 'failed'; state.runError = String(err); });
  return '';
}
"""

_RUN_DONE_JS = """
() => {
  const state = window.__mdr;
  if (state.runState === 'running') return false;
  const kernel = state.panel.sessionContext.session && state.panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  return ![...state.panel.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .some((p) => p.textContent.includes('*'));
}
"""

# The output areas of a code cell's widget-view outputs (model outputs and DOM children are in
# the same order). A rendered view has a `.jupyter-widgets` descendant; a failed one shows a text.
_WIDGET_AREAS_JS = """
const widgetAreas = (cell, mime) => {
  if (cell.model.type !== 'code') return [];
  const children = cell.node.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child');
  return cell.model.outputs.toJSON()
    .map((out, i) => (out.data && out.data[mime] ? children[i] : null))
    .filter((child) => child !== null)
    .map((child) => (child && child.querySelector('.jp-OutputArea-output')) || null);
};
"""

# Every widget-view output shows either a rendered view or a text (e.g. an error) other than the
# "Loading widget..." placeholder shown while the view waits for its model.
_WIDGETS_SETTLED_JS = (
    """([mime]) => {"""
    + _WIDGET_AREAS_JS
    + """
  return window.__mdr.panel.content.widgets.every((cell) => widgetAreas(cell, mime).every(
    (a) => a && (a.querySelector('.jupyter-widgets')
      || (a.textContent.trim() && !a.textContent.includes('Loading widget')))));
}"""
)

_INSPECT_JS = (
    """([mime, errorTexts]) => {"""
    + _WIDGET_AREAS_JS
    + """
  const panel = window.__mdr.panel;
  return panel.content.widgets.map((cell, index) => {
    const report = {index, type: cell.model.type, executionCount: null, errors: [], stderr: [],
                    widgetErrors: [], widgetOutputs: 0, renderedWidgetOutputs: 0, widgetViews: 0,
                    source: cell.model.sharedModel.getSource().split('\\n')[0].slice(0, 80)};
    if (cell.model.type !== 'code') return report;
    report.executionCount = cell.model.executionCount;
    for (const out of cell.model.outputs.toJSON()) {
      if (out.output_type === 'error') {
        report.errors.push(`${out.ename}: ${out.evalue}`);
      }
    }
    const outputNode = cell.node.querySelector('.jp-Cell-outputWrapper');
    if (!outputNode) return report;
    // Rendered stderr covers errors too, including those shown inside Output widgets.
    for (const node of outputNode.querySelectorAll(
        '[data-mime-type="application/vnd.jupyter.stderr"],'
        + '[data-mime-type="application/vnd.jupyter.error"]')) {
      report.stderr.push(node.innerText.slice(0, 1500));
    }
    const text = outputNode.innerText.toLowerCase();
    report.widgetErrors = errorTexts.filter((t) => text.includes(t.toLowerCase())).slice(0, 1);
    const areas = widgetAreas(cell, mime);
    report.widgetOutputs = areas.length;
    report.renderedWidgetOutputs = areas.filter((a) => a && a.querySelector('.jupyter-widgets')
      && !errorTexts.some((t) => a.textContent.toLowerCase().includes(t.toLowerCase()))).length;
    report.widgetViews = outputNode.querySelectorAll(
      '.jupyter-widgets:not(.jp-OutputArea-output)').length;
    return report;
  });
}"""
)


@dataclass
class CellReport:
    index: int
    type: str
    source: str
    executionCount: int | None = None
    errors: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    widgetErrors: list[str] = field(default_factory=list)
    widgetOutputs: int = 0
    renderedWidgetOutputs: int = 0
    widgetViews: int = 0

    def problems(self) -> list[str]:
        """What a person would see as broken in this cell (empty if nothing)."""
        where = f"cell {self.index} [{self.executionCount}] `{self.source}`"
        found = [f"{where}: error output {e!r}" for e in self.errors]
        found += [f"{where}: stderr/traceback shown:\n{s}" for s in self.stderr]
        found += [f"{where}: widget failed to display ({t!r})" for t in self.widgetErrors]
        if self.renderedWidgetOutputs < self.widgetOutputs:
            found.append(
                f"{where}: {self.widgetOutputs - self.renderedWidgetOutputs} of "
                f"{self.widgetOutputs} widget outputs did not render a view"
            )
        return found


_VIEW_COUNT_STABLE_JS = """
([rootSelector, quietMs]) => {
  const root = document.querySelector(rootSelector);
  const count = root ? root.querySelectorAll('.jupyter-widgets').length : -1;
  const now = performance.now(), state = window.__mdrViewCount;
  if (!state || state.count !== count) {
    window.__mdrViewCount = {count, since: now};
    return false;
  }
  return now - state.since >= quietMs;
}
"""


def wait_view_count_stable(
    page: Page, root_selector: str, timeout_ms: float = 30_000, quiet_ms: int = 400
) -> None:
    """Wait until the number of widget views under ``root_selector`` stays the same for
    ``quiet_ms`` (a container renders its children asynchronously, one by one)."""
    page.evaluate("() => { window.__mdrViewCount = null; }")
    page.wait_for_function(
        _VIEW_COUNT_STABLE_JS, arg=[root_selector, quiet_ms], timeout=timeout_ms, polling=100
    )


class LabNotebook:
    """One notebook opened in JupyterLab on ``page``."""

    def __init__(self, page: Page, server: ServerProcess, path: str, kernel: str = "python3"):
        self.page = page
        self.server = server
        self.path = path
        self.kernel = kernel
        self.console: list[str] = []
        page.on("pageerror", lambda exc: self.console.append(f"pageerror: {exc}"))
        page.on(
            "console",
            lambda msg: (
                self.console.append(f"console.{msg.type}: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )

    def open(self, timeout_ms: float = 90_000) -> None:
        """Load JupyterLab in a fresh workspace, open the notebook, wait for an idle kernel."""
        workspace = f"mdr-{uuid.uuid4().hex[:12]}"
        self.page.goto(
            f"{self.server.base_url}/lab/workspaces/{workspace}?reset&token={self.server.token}",
            wait_until="domcontentloaded",
        )
        self.page.wait_for_function("() => !!window.jupyterapp", timeout=timeout_ms)
        self.page.evaluate(_OPEN_JS, [self.path, self.kernel])
        self.page.wait_for_function(_KERNEL_READY_JS, timeout=timeout_ms, polling=100)

    def run_all(self, timeout_ms: float = 180_000) -> None:
        """Run all cells; return when run-all settled, the kernel is idle and no cell is [*]."""
        problem = self.page.evaluate(_RUN_ALL_JS)
        assert not problem, f"{self.path}: cannot run all cells: {problem}"
        self.page.wait_for_function(_RUN_DONE_JS, timeout=timeout_ms, polling=100)
        run_error = self.page.evaluate("() => window.__mdr.runError")
        assert run_error is None, f"{self.path}: run-all failed: {run_error}"
        self.wait_widgets_settled()

    def wait_widgets_settled(self, timeout_ms: float = 30_000) -> None:
        self.page.wait_for_function(
            _WIDGETS_SETTLED_JS,
            arg=[WIDGET_MIME],
            timeout=timeout_ms,
            polling=100,
        )

    def inspect(self) -> list[CellReport]:
        raw = self.page.evaluate(_INSPECT_JS, [WIDGET_MIME, list(WIDGET_ERROR_TEXTS)])
        return [CellReport(**cell) for cell in raw]

    def problems(self) -> list[str]:
        return [p for cell in self.inspect() for p in cell.problems()]

    def assert_clean(self) -> list[CellReport]:
        """Fail naming the notebook, cell index and what was shown, if anything looks broken."""
        cells = self.inspect()
        problems = [p for cell in cells for p in cell.problems()]
        assert not problems, f"{self.path}:\n" + "\n".join(problems) + self._console_tail()
        return cells

    def _console_tail(self) -> str:
        if not self.console:
            return ""
        return "\n--- browser console (last 10) ---\n" + "\n".join(self.console[-10:])

    def scope(self):
        """Locator of this notebook's panel (so selectors never hit another tab)."""
        panel_id = self.page.evaluate("() => window.__mdr.panel.id")
        return self.page.locator(f"[id='{panel_id}']")

    def screenshot(self, name: str) -> Path:
        """Save the page (scrolled to the first tool, if any) and the console errors so far."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tools = self.scope().locator(".mdr-tool")
        if tools.count():
            tools.first.scroll_into_view_if_needed()
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        (SCREENSHOTS / f"{name}.console.txt").write_text(
            "\n".join(self.console) + "\n", encoding="utf-8"
        )
        return path

    def shutdown_kernels(self) -> None:
        """Delete every session on the server so kernels do not pile up between tests."""
        try:
            for session in self.server.request("GET", "/api/sessions") or []:
                self.server.request("DELETE", f"/api/sessions/{session['id']}")
        except OSError:
            pass
