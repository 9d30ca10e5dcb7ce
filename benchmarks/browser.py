"""Latency as the student sees it: every widget control changed in JupyterLab in headless Chromium.

Reuses the browser tests' harness (``tests/browser/``): one JupyterLab server on a temporary
folder (``_servers.start_jupyterlab``), Debian's Chromium through Playwright (never
``playwright install``), notebooks opened in a fresh workspace (``_lab.LabNotebook``).

**Change → on screen.** For every tool in ``mdr_data/widgets/`` (the discovery of
``benchmarks/widgets.py``) a two-cell notebook builds the tool as the course does
(``tool = <builder>(); tool``) in a fresh kernel. Each control, found by its CSS class
``mdr-<name>``, is then changed the way a person does it (Playwright picks an option of the
``<select>``, presses an arrow key on a slider handle, clicks a checkbox, fills a text box), every
option or step in turn, ending off the default; then the Reset button is clicked (the control
``reset``). One change is timed in the page, on the page's clock:

* start: the browser's input event (a capture listener on ``document`` records the first
  ``change``/``input``/``keydown``/``click`` event's ``timeStamp``);
* end: the kernel has gone busy and back to idle (its status messages follow the widget updates
  on the same channel), every output image whose ``src`` changed has loaded, and one animation
  frame has passed after the last change to an output (``.mdr-output``: an image ``src``, a
  table's DOM), i.e. the new output is painted.

Before the change the outputs' ``src`` and text are read, after it again: a change whose only
visible effect is on another control (a second menu's options refilled) is timed like the others
and counted (``controls_only``); one after which nothing in the tool changed on screen is counted
(``no_redraw``), not timed. The bytes the page received over the
kernel's websocket during the change are recorded beside (message size is part of the cost).
``fresh`` notebooks (fresh kernels) per tool give the first-visit samples the budgets apply to.

**Time to first interaction.** For every learner notebook with a tool (``notebooks/NN-*.ipynb``):
with JupyterLab already loaded, from the command that opens the notebook, through its kernel's
start and running its cells down to the first tool's cell (as a student working through it;
*Run all* would queue the change behind every later cell), to that tool answering a change of
its first menu on screen. Reported with the page load before it (not included).

Skipped with a clear message where Chromium or Playwright is missing; with ``CI`` set that is an
error instead (CI must measure what a student sees).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks._common import REPO, Figure, median, percentile

MEDIAN_BUDGET_MS = 120.0
P95_BUDGET_MS = 200.0
FIRST_INTERACTION_BUDGET_S = 5.0
#: How long one change may take before it counts as lost (a control that did not react).
CHANGE_TIMEOUT_MS = 15_000
TYPED_WORDS = ("i", "in", "ind", "indi", "india")
NOTEBOOKS_DIR = REPO / "notebooks"


def ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable() -> str | None:
    """Why the browser section cannot run here (None when it can)."""
    from tests.browser.conftest import DEFAULT_CHROMIUM, INSTALL_HINT

    path = os.environ.get("MDR_CHROMIUM") or DEFAULT_CHROMIUM
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        return f"no executable Chromium at {path}; {INSTALL_HINT}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"Playwright for Python is not importable ({error}); {INSTALL_HINT}"
    return None


# --------------------------------------------------------------------------- in the page

# Installed once per opened notebook: records input events, output mutations, image loads,
# paints and the kernel's status, all on performance.now()'s clock.
_INSTRUMENT_JS = """
([panelId]) => {
  const panel = window.__mdr.panel;
  const root = document.getElementById(panelId);
  const s = window.__mdrBench = {armed: false, t0: null, statuses: [], mutations: [],
                                 controlMutations: [], paints: [], pendingImages: 0,
                                 pendingPaints: 0};
  if (!window.__mdrBenchListeners) {
    window.__mdrBenchListeners = true;
    for (const type of ['mousedown', 'click', 'keydown', 'input', 'change']) {
      document.addEventListener(type, (e) => {
        const b = window.__mdrBench;
        if (b && b.armed && b.t0 === null) b.t0 = e.timeStamp;
      }, true);
    }
  }
  const paint = () => {
    s.pendingPaints++;
    requestAnimationFrame(() => setTimeout(() => {
      s.paints.push(performance.now()); s.pendingPaints--; }, 0));
  };
  new MutationObserver((records) => {
    let hit = false;
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!node || !node.closest('.mdr-tool')) continue;
      if (!node.closest('.mdr-output')) {  // another control changed (options refilled)
        s.controlMutations.push(performance.now());
        paint();
        continue;
      }
      hit = true;
      // A new picture is on screen once loaded (an <img> whose src changed, or one inserted
      // with an HTML output's new markup).
      const images = r.type === 'attributes' && node.tagName === 'IMG' ? [node] : [];
      for (const added of r.addedNodes || []) {
        if (added.nodeType !== 1) continue;
        if (added.tagName === 'IMG') images.push(added);
        images.push(...added.querySelectorAll('img'));
      }
      for (const img of images) {
        if (r.type !== 'attributes' && img.complete) continue;
        s.pendingImages++;
        const done = () => { s.pendingImages--; paint(); };
        img.addEventListener('load', done, {once: true});
        img.addEventListener('error', done, {once: true});
      }
    }
    if (hit) { s.mutations.push(performance.now()); paint(); }
  }).observe(root, {subtree: true, childList: true, characterData: true, attributes: true,
                    attributeFilter: ['src']});
  const kernel = panel.sessionContext.session.kernel;
  kernel.statusChanged.connect((_, status) => s.statuses.push([performance.now(), status]));
  return true;
}
"""

# What the outputs of the first tool show: image sources and text (the "before" and "after").
_OUTPUTS_JS = """
([panelId]) => {
  const tool = document.getElementById(panelId).querySelector('.mdr-tool');
  if (!tool) return null;
  return [...tool.querySelectorAll('.mdr-output')].map((o) => {
    const img = o.tagName === 'IMG' ? o : o.querySelector('img');
    return img ? 'img:' + img.getAttribute('src') : 'text:' + o.innerText;
  });
}
"""

_ARM_JS = """
() => {
  const s = window.__mdrBench;
  Object.assign(s, {armed: true, t0: null, statuses: [], mutations: [], controlMutations: [],
                    paints: []});
  s.pendingImages = 0;
  return performance.now();
}
"""

# null while the change is still in flight; else its timings (ms after the input event).
# With needOutput (the kernel may be busy running later cells), the change is done once an output
# changed and nothing more changed for 150 ms; else once the kernel went busy and back to idle.
_SETTLED_JS = """
([needOutput]) => {
  const s = window.__mdrBench;
  if (s.t0 === null) return null;
  if (needOutput) {
    const last = s.mutations.filter((t) => t >= s.t0).pop();
    if (last === undefined || s.pendingImages > 0 || s.pendingPaints > 0) return null;
    if (performance.now() - last < 150) return null;
    s.armed = false;
    return {idle: null, mutations: 1, controls: 0, painted: Math.max(...s.paints) - s.t0};
  }
  const busy = s.statuses.find(([t, st]) => t >= s.t0 && st === 'busy');
  if (!busy) return null;
  const idle = s.statuses.find(([t, st]) => t >= busy[0] && st === 'idle');
  if (!idle || s.pendingImages > 0 || s.pendingPaints > 0) return null;
  const now = performance.now();
  if (now - idle[0] < 30) return null;  // let the last update's promises run
  const mutations = s.mutations.filter((t) => t >= s.t0);
  const controls = s.controlMutations.filter((t) => t >= s.t0);
  const paints = s.paints.filter((t) => t >= s.t0);
  s.armed = false;
  return {idle: idle[0] - s.t0, mutations: mutations.length, controls: controls.length,
          painted: paints.length ? Math.max(...paints) - s.t0 : null};
}
"""


# --------------------------------------------------------------------------- driving


@dataclass
class ControlTimes:
    samples_ms: list[float] = field(default_factory=list)
    kernel_idle_ms: list[float] = field(default_factory=list)
    bytes_in: list[int] = field(default_factory=list)
    no_redraw: int = 0
    controls_only: int = 0
    errors: list[str] = field(default_factory=list)


class Page:
    """One notebook's page: timed changes through the UI (see the module docstring)."""

    def __init__(self, notebook, received: list[tuple[float, int]]):
        self.notebook = notebook
        self.page = notebook.page
        self.panel_id = self.page.evaluate("() => window.__mdr.panel.id")
        self.received = received
        self.page.evaluate(_INSTRUMENT_JS, [self.panel_id])

    def scope(self):
        return self.page.locator(f"[id='{self.panel_id}'] .mdr-tool").first

    def outputs(self) -> list[str] | None:
        return self.page.evaluate(_OUTPUTS_JS, [self.panel_id])

    def timed(
        self,
        action: Callable[[], None],
        times: ControlTimes,
        label: str,
        *,
        need_output: bool = False,
    ) -> bool:
        """Do ``action`` (one UI change) and record how long until its output is on screen
        (``need_output``: wait for an output to change, the kernel may be busy with other
        cells)."""
        before = self.outputs()
        self.page.evaluate(_ARM_JS)
        start = time.perf_counter()
        try:
            action()
            result = self.page.wait_for_function(
                _SETTLED_JS, arg=[need_output], timeout=CHANGE_TIMEOUT_MS, polling="raf"
            ).json_value()
        except Exception as error:
            times.errors.append(f"{label}: {type(error).__name__}: {str(error)[:160]}")
            self.page.evaluate("() => { window.__mdrBench.armed = false; }")
            return False
        end = time.perf_counter()
        times.bytes_in.append(sum(n for t, n in self.received if start <= t <= end))
        if result["idle"] is not None:
            times.kernel_idle_ms.append(result["idle"])
        if result["painted"] is None:  # nothing in the tool changed on screen
            times.no_redraw += 1
            return True
        if self.outputs() == before:  # only another control changed (e.g. options refilled)
            times.controls_only += 1
        times.samples_ms.append(result["painted"])
        return True


def _control_kind(scope, css: str) -> str:
    """select | multiple | slider | checkbox | toggle | text | none, from the control's DOM."""
    return scope.locator(f".{css}").first.evaluate(
        """(el) => {
          if (el.querySelector('select[multiple]')) return 'multiple';
          if (el.querySelector('select')) return 'select';
          if (el.querySelector('.noUi-handle')) return 'slider';
          if (el.querySelector('input[type=checkbox]')) return 'checkbox';
          if (el.tagName === 'BUTTON') return 'toggle';
          if (el.querySelector('input[type=text], textarea, input:not([type])')) return 'text';
          return 'none';
        }"""
    )


def _plan(scope, css: str, kind: str, limit: int | None) -> list[tuple[str, Callable]]:
    """(label, action) pairs: the changes a person makes to this control, ending off default."""
    control = scope.locator(f".{css}").first
    actions: list[tuple[str, Callable]] = []
    if kind in ("select", "multiple"):
        select = control.locator("select").first
        count = select.locator("option").count()
        if kind == "select":
            current = select.evaluate("(s) => s.selectedIndex")
            order = [(current + 1 + i) % count for i in range(count - 1)]
            actions = [(f"option {i}", lambda i=i: select.select_option(index=i)) for i in order]
        else:
            picks = [[i] for i in range(count)] + ([[0, 1]] if count > 1 else [])
            actions = [(f"options {p}", lambda p=p: select.select_option(index=p)) for p in picks]
    elif kind == "slider":
        handles = control.locator(".noUi-handle")
        if handles.count() >= 2:
            low, high = handles.nth(0), handles.nth(1)
            steps = [(high, "ArrowLeft")] * 2 + [(low, "ArrowRight")] * 2 + [(high, "ArrowRight")]
        else:
            handle = handles.first
            at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            key = "ArrowLeft" if at_max else "ArrowRight"
            steps = [(handle, key)] * 4
        actions = [
            (f"{key} on handle", lambda h=h, key=key: (h.focus(), h.press(key))) for h, key in steps
        ]
    elif kind == "checkbox":
        box = control.locator("input[type=checkbox]").first
        actions = [("click", box.click)] * 3
    elif kind == "toggle":
        actions = [("click", control.click)] * 3
    elif kind == "text":
        box = control.locator("input, textarea").first
        actions = [(f"type {w!r}", lambda w=w: box.fill(w)) for w in TYPED_WORDS]
    if limit is not None and len(actions) > limit:
        step = len(actions) / limit
        actions = [actions[int(i * step)] for i in range(limit)]
    return actions


def control_classes(module_name: str) -> dict[str, str]:
    """Control name → its ``mdr-<name>`` CSS class, from a tool built in this process."""
    import warnings

    from benchmarks.widgets import controls_of, find_builder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tool = find_builder(module_name)()
    out = {}
    for name, control in controls_of(tool).items():
        classes = [c for c in getattr(control, "_dom_classes", ()) if c.startswith("mdr-")]
        if classes:
            out[name] = classes[0]
    return out


def drive_tool(
    page: Page, classes: dict[str, str], timings: dict[str, ControlTimes], limit: int | None
) -> None:
    """Change every control in turn (then Reset), timing each change."""
    scope = page.scope()
    for name, css in classes.items():
        times = timings.setdefault(name, ControlTimes())
        kind = _control_kind(scope, css)
        if kind == "none":
            times.errors.append(f"no way to drive .{css}")
            continue
        for label, action in _plan(scope, css, kind, limit):
            page.timed(action, times, f"{name} {label}")
        reset = scope.locator(".mdr-reset").first
        if reset.count():
            page.timed(reset.click, timings.setdefault("reset", ControlTimes()), "reset")


# --------------------------------------------------------------------------- the section


def _tool_notebook(folder: Path, module_name: str) -> str:
    from benchmarks.widgets import find_builder
    from tests.browser._ui import write_notebook

    builder = find_builder(module_name).__name__
    path = folder / f"bench-{module_name}.ipynb"
    write_notebook(
        path, [f"from mdr_data.widgets.{module_name} import {builder}", f"tool = {builder}()\ntool"]
    )
    return path.name


#: The floor of a change's round trip: a bare Dropdown whose observer rewrites an HTML widget.
_ANCHOR_CELLS = [
    "import ipywidgets as widgets",
    """\
choice = widgets.Dropdown(options=[str(i) for i in range(30)], description="Pick")
choice.add_class("mdr-choice")
out = widgets.HTML("<b>0</b>")
out.add_class("mdr-output")
choice.observe(lambda change: setattr(out, "value", f"<b>{change['new']}</b>"), names="value")
tool = widgets.VBox([choice, out])
tool.add_class("mdr-tool")
tool""",
]


def _anchor_figures(page, server, root: Path, limit: int, received) -> list[Figure]:
    """The same timing of a bare ipywidgets change (no project code): the floor under load."""
    from tests.browser._ui import write_notebook

    write_notebook(root / "bench-anchor.ipynb", _ANCHOR_CELLS)
    timings: dict[str, ControlTimes] = {}
    notebook = _open(page, server, "bench-anchor.ipynb")
    notebook.run_all()
    _first_tool_ready(notebook)
    drive_tool(Page(notebook, received), {"choice": "mdr-choice"}, timings, limit)
    notebook.shutdown_kernels()
    times = timings["choice"]
    return [
        Figure(
            "browser.anchor.median_ms",
            "anchor: bare Dropdown → HTML change on screen, median",
            median(times.samples_ms) if times.samples_ms else None,
            "ms",
            note=f"p95 {percentile(times.samples_ms, 95):.0f} ms; kernel back to idle after "
            f"{median(times.kernel_idle_ms):.0f} ms; {len(times.samples_ms)} changes "
            "(the round trip without any project code)",
            extra={"samples_ms": times.samples_ms, "errors": times.errors[:5]},
        )
    ]


def _open(page, server, path: str):
    from tests.browser._lab import LabNotebook

    notebook = LabNotebook(page, server, path)
    notebook.open()
    return notebook


def _first_tool_ready(notebook, timeout_ms: float = 120_000) -> None:
    """Wait until the notebook's first tool shows its outputs (every output non-empty)."""
    notebook.page.wait_for_function(
        """() => {
          const panel = window.__mdr.panel;
          const tool = panel.node.querySelector('.mdr-tool');
          if (!tool) return false;
          const outs = [...tool.querySelectorAll('.mdr-output')];
          return outs.length > 0 && outs.every((o) => {
            const img = o.tagName === 'IMG' ? o : o.querySelector('img');
            return img ? img.complete && img.naturalWidth > 0 : o.innerText.trim().length > 0;
          });
        }""",
        timeout=timeout_ms,
        polling=50,
    )


def _notebooks_with_tools() -> list[Path]:
    import json

    found = []
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join(
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in cells
            if c["cell_type"] == "code"
        )
        if "from mdr_data.widgets." in code:  # from mdr_data.widgets.<tool> import <tool>
            found.append(path)
    return found


def first_tool_cell(path: Path) -> int:
    """Index of the notebook's first cell that imports a tool (and, in the course, shows it)."""
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if cell["cell_type"] == "code" and "mdr_data.widgets" in source:
            return index
    return len(cells) - 1


def server_root(server) -> str:
    """The folder a JupyterLab server of ``tests/browser/_servers.py`` serves."""
    prefix = "--ServerApp.root_dir="
    return next(a[len(prefix) :] for a in server.proc.args if a.startswith(prefix))


# The CSS class of the tool's first control that has a <select> (a Dropdown or SelectMultiple).
_FIRST_SELECT_CONTROL_JS = """
(tool) => {
  for (const el of tool.querySelectorAll('[class*="mdr-"]')) {
    const name = [...el.classList].find((c) => c.startsWith('mdr-')
      && !c.startsWith('mdr-output') && c !== 'mdr-tool' && c !== 'mdr-reset');
    if (name && el.querySelector('select')) return name;
  }
  return null;
}
"""


def _first_interaction(page, server, path: str, received) -> dict:
    """Seconds from opening ``path`` (JupyterLab loaded) to its first tool answering a change."""
    from tests.browser._lab import _KERNEL_READY_JS, _OPEN_JS

    workspace = f"mdr-bench-{int(time.time() * 1000)}"
    start = time.perf_counter()
    page.goto(
        f"{server.base_url}/lab/workspaces/{workspace}?reset&token={server.token}",
        wait_until="domcontentloaded",
    )
    page.wait_for_function("() => !!window.jupyterapp", timeout=120_000)
    for attempt in range(3):  # a workspace ?reset may reload the page under the first evaluate
        try:
            page.evaluate("async () => { await window.jupyterapp.restored; }")
            break
        except Exception:
            if attempt == 2:
                raise
            page.wait_for_timeout(500)
            page.wait_for_function("() => !!window.jupyterapp", timeout=120_000)
    page_load = time.perf_counter() - start
    from tests.browser._lab import LabNotebook

    notebook = LabNotebook(page, server, path)
    start = time.perf_counter()
    page.evaluate(_OPEN_JS, [path, "python3"])
    page.wait_for_function(_KERNEL_READY_JS, timeout=120_000, polling=50)
    kernel_ready = time.perf_counter() - start
    # Run the notebook down to its first tool's cell, as a student working through it does
    # (run-all would queue the change behind every later cell).
    notebook.page.evaluate(
        """([last]) => { const s = window.__mdr; s.runState = 'running';
          const cells = s.panel.content;
          const all = last + 1 >= cells.widgets.length;
          if (!all) cells.activeCellIndex = last + 1;
          window.jupyterapp.commands.execute(all ? 'notebook:run-all-cells'
                                                 : 'notebook:run-all-above').then(
            () => { s.runState = 'done'; }, (e) => { s.runState = 'failed'; }); }""",
        [first_tool_cell(Path(server_root(server)) / path)],
    )
    _first_tool_ready(notebook)
    shown = time.perf_counter() - start
    bench = Page(notebook, received)
    scope = bench.scope()
    css = scope.evaluate(_FIRST_SELECT_CONTROL_JS)
    kind = _control_kind(scope, css)
    label, action = _plan(scope, css, kind, 1)[0]
    times = ControlTimes()
    bench.timed(action, times, f"{css} {label}", need_output=True)
    answered = time.perf_counter() - start
    return {
        "seconds": answered if times.samples_ms else None,
        "page_load_s": page_load,
        "kernel_ready_s": kernel_ready,
        "tool_shown_s": shown,
        "change_ms": times.samples_ms[0] if times.samples_ms else None,
        "control": css,
        "errors": times.errors,
        "notebook": notebook,
    }


def run(*, quick: bool = False) -> list[Figure]:
    reason = unavailable()
    if reason is not None:
        if ci():
            raise RuntimeError(f"browser benchmarks cannot run: {reason} (CI is set)")
        return [Figure("browser.skipped", "browser section skipped", None, "", note=reason)]

    from playwright.sync_api import sync_playwright

    from benchmarks.widgets import tool_modules
    from tests.browser._servers import install_cleanup_handlers, start_jupyterlab
    from tests.browser.conftest import CHROMIUM_ARGS, DEFAULT_CHROMIUM

    modules = tool_modules()
    fresh = 1 if quick else 2
    limit = 1 if quick else 24  # evenly spread over long menus (a claim menu has ~200)
    first_notebooks = _notebooks_with_tools()[:1] if quick else _notebooks_with_tools()
    install_cleanup_handlers()
    figures: list[Figure] = []
    tmp = Path(tempfile.mkdtemp(prefix="mdr-bench-browser-"))
    root = tmp / "root"
    root.mkdir()
    for path in first_notebooks:
        shutil.copy(path, root / path.name)
    server = start_jupyterlab(root, tmp / "home")
    received: list[tuple[float, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("MDR_CHROMIUM") or DEFAULT_CHROMIUM,
                args=CHROMIUM_ARGS,
                headless=True,
            )
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(60_000)
            page = context.new_page()
            page.on(
                "websocket",
                lambda ws: ws.on(
                    "framereceived",
                    lambda payload: received.append((time.perf_counter(), len(payload))),
                ),
            )
            figures += _anchor_figures(page, server, root, 3 if quick else 20, received)
            for module_name in modules:
                figures += _tool_figures(page, server, root, module_name, fresh, limit, received)
            figures += _first_interaction_figures(page, server, first_notebooks, received)
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return figures


def _tool_figures(page, server, root, module_name, fresh, limit, received) -> list[Figure]:
    key = f"browser.{module_name}"
    timings: dict[str, ControlTimes] = {}
    try:  # a tool that cannot be built or driven is a MISS of its own, not the section's end
        path = _tool_notebook(root, module_name)
        classes = control_classes(module_name)
        for _ in range(fresh):
            notebook = _open(page, server, path)
            notebook.run_all()
            _first_tool_ready(notebook)
            drive_tool(Page(notebook, received), classes, timings, limit)
            notebook.shutdown_kernels()
    except Exception as error:
        note = f"could not drive it: {type(error).__name__}: {str(error)[:200]}"
        return [
            Figure(f"{key}.median_ms", f"{module_name} in the browser", None, "ms",
                   MEDIAN_BUDGET_MS, note=note)
        ]  # fmt: skip
    figures = []
    for name, t in timings.items():
        samples = t.samples_ms
        stats = {
            "median_ms": median(samples),
            "p95_ms": percentile(samples, 95),
            "kernel_idle_median_ms": median(t.kernel_idle_ms),
            "bytes_median": median(t.bytes_in),
            "changes": len(samples),
            "no_redraw": t.no_redraw,
            "controls_only": t.controls_only,
            "errors": t.errors[:5],
            "samples_ms": samples,
        }
        note = (
            f"{len(samples)} changes; received {median(t.bytes_in) / 1024:.0f} KiB median"
            + (f"; {t.controls_only} changed only other controls" if t.controls_only else "")
            + (f"; {t.no_redraw} changed nothing on screen" if t.no_redraw else "")
            + (f"; {len(t.errors)} failed: {t.errors[0]}" if t.errors else "")
        )
        figures.append(
            Figure(
                f"{key}.{name}.median_ms",
                f"{module_name}.{name}: change → on screen, median",
                stats["median_ms"] if samples else None,
                "ms",
                MEDIAN_BUDGET_MS,
                note=note,
                extra=stats,
            )
        )
        figures.append(
            Figure(
                f"{key}.{name}.p95_ms",
                f"{module_name}.{name}: change → on screen, p95",
                stats["p95_ms"] if samples else None,
                "ms",
                P95_BUDGET_MS,
                note=f"kernel back to idle after {median(t.kernel_idle_ms):.0f} ms (median)",
            )
        )
    return figures


def _first_interaction_figures(page, server, paths, received) -> list[Figure]:
    figures = []
    for path in paths:
        key = f"browser.first_interaction.{path.stem}_s"
        label = f"{path.name}: open → first tool answers"
        try:
            result = _first_interaction(page, server, path.name, received)
            result.pop("notebook").shutdown_kernels()
        except Exception as error:
            figures.append(
                Figure(key, label, None, "s", FIRST_INTERACTION_BUDGET_S,
                       note=f"{type(error).__name__}: {str(error)[:200]}")
            )  # fmt: skip
            continue
        figures.append(
            Figure(
                key,
                label,
                result["seconds"],
                "s",
                FIRST_INTERACTION_BUDGET_S,
                note=f"kernel ready {result['kernel_ready_s']:.1f} s, tool shown "
                f"{result['tool_shown_s']:.1f} s, change {result['change_ms'] or 0:.0f} ms "
                f"(.{result['control']}); page load before it {result['page_load_s']:.1f} s"
                + (f"; {result['errors'][0]}" if result["errors"] else ""),
                extra={k: v for k, v in result.items()},
            )
        )
    return figures
