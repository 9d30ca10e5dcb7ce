"""Widget latency: from a control's value change to its outputs re-rendered, for every tool.

Discovery (the convention of ``mdr_data/widgets/__init__.py``): every public module
``mdr_data/widgets/<name>.py`` (``_base`` and other ``_private`` modules skipped) defines its
builder as the function named like the module (``timeline.timeline``), which the lazy registry
``mdr_data.widgets.__all__`` also lists; a module without one may instead define ``build_<name>``.
The builder is called with no arguments (as the notebooks do) and returns a ``Tool``.

Controls: the tool's ``.controls`` mapping (``Tool._finish``), or failing that every attribute
that is an ipywidgets ``ValueWidget`` other than an output. Outputs: every ``ipywidgets.HTML`` and
``ipywidgets.Image`` inside ``.view`` that carries the CSS class ``mdr-output`` (all of them when
none does). Each control is driven through a realistic sequence of values (``value_sequence``:
every option in turn; slider ends, steps and windows; a checkbox toggled; a word typed into a
text box), one control at a time starting from the defaults (``reset()`` in between).
The budgeted figures count first visits only: tools cache what they drew, so they come from
fresh tools (``instances`` of them), each driven once through every value; revisiting the same
values on the first tool is reported beside them ("revisits"). The Reset button counts as one
more control (``reset``): clicked after a control has been moved off its default.

Timing: updates are synchronous (``Tool`` redraws inside the ``value`` observer), so the latency
is the wall time from ``control.value = v`` to its return (the budgeted figure; the CPU time of
this process is reported beside it, to tell slow code from a busy machine); an observer on every
output's ``value`` confirms that the output was replaced (PNG bytes or HTML). Changes after which
no output changed are counted (``no_redraw``): they are either idempotent or a bug worth a look.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from benchmarks._common import REPO, Figure, median, percentile

MEDIAN_BUDGET_MS = 80.0
P95_BUDGET_MS = 150.0
#: Median budget per tool on data inflated by the factor (issue 13): what is drawn is aggregated
#: or capped where more would be unreadable anyway, so the time grows little with the data.
GROWTH_MEDIAN_BUDGET_MS = {10: 80.0, 100: 150.0}
WIDGETS_DIR = REPO / "mdr_data" / "widgets"
TYPED_WORDS = ("i", "in", "ind", "indi", "india", "")


def tool_modules() -> list[str]:
    """Names of the public widget modules, in alphabetical order (no import needed)."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(WIDGETS_DIR)])
        if not info.name.startswith("_")
    )


def find_builder(module_name: str) -> Callable:
    """The builder of ``mdr_data.widgets.<module_name>`` (see the module docstring)."""
    module = importlib.import_module(f"mdr_data.widgets.{module_name}")
    for candidate in (module_name, f"build_{module_name}"):
        builder = getattr(module, candidate, None)
        if inspect.isfunction(builder):
            return builder
    raise LookupError(
        f"mdr_data.widgets.{module_name} defines no builder named {module_name!r} or "
        f"'build_{module_name}'"
    )


def _walk(widget) -> Iterator:
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def outputs_of(tool) -> list:
    import ipywidgets as widgets

    found = [w for w in _walk(tool.view) if isinstance(w, widgets.HTML | widgets.Image)]
    marked = [w for w in found if "mdr-output" in getattr(w, "_dom_classes", ())]
    return marked or found


def controls_of(tool) -> dict:
    import ipywidgets as widgets

    controls = getattr(tool, "controls", None)
    if isinstance(controls, dict) and controls:
        return dict(controls)
    outputs = {id(w) for w in outputs_of(tool)}
    return {
        name: value
        for name, value in vars(tool).items()
        if isinstance(value, widgets.ValueWidget)
        and id(value) not in outputs
        and not isinstance(value, widgets.HTML | widgets.Image | widgets.Label)
    }


def _option_values(control) -> list:
    values = getattr(control, "_options_values", None)
    if values is not None:
        return list(values)
    return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in control.options]


def _spread(low, high, count: int, integer: bool) -> list:
    if count <= 1 or high == low:
        return [low]
    points = [low + (high - low) * i / (count - 1) for i in range(count)]
    return [round(p) for p in points] if integer else points


def value_sequence(control, cycles: int = 1, limit: int | None = None) -> list:
    """A realistic sequence of values for one control (empty if we cannot drive it); with
    ``limit``, at most that many of them, evenly spread over the whole sequence."""
    values = _full_sequence(control, cycles)
    if limit is None or len(values) <= limit:
        return values
    step = len(values) / limit
    return [values[int(i * step)] for i in range(limit)]


def _full_sequence(control, cycles: int) -> list:
    import ipywidgets as widgets

    if isinstance(control, widgets.SelectionRangeSlider):
        options = _option_values(control)
        n = len(options)
        pairs = [(0, n - 1), (0, n // 2), (n // 2, n - 1), (n // 3, 2 * n // 3), (0, 0)]
        return [(options[a], options[b]) for a, b in pairs] * cycles
    if isinstance(control, widgets.SelectMultiple):
        options = _option_values(control)
        singles = [(o,) for o in options]
        return ([*singles, tuple(options[:2]), tuple(options)]) * cycles
    if hasattr(control, "options") and not isinstance(control, widgets.Combobox):
        options = _option_values(control)
        # every option in turn, starting after the current one, ending back on it
        if control.value in options:
            start = options.index(control.value) + 1
            options = options[start:] + options[:start]
        return options * cycles
    if isinstance(control, widgets.Combobox):
        return [*control.options, ""] * cycles
    if isinstance(control, widgets.IntRangeSlider | widgets.FloatRangeSlider):
        integer = isinstance(control, widgets.IntRangeSlider)
        low, high = control.min, control.max
        a, b, c, d = _spread(low, high, 4, integer)
        windows = [(low, high), (low, b), (b, high), (a, c), (b, d), (c, c), (low, high)]
        return [w for w in windows if w[0] <= w[1]] * cycles
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [not control.value, control.value] * 2 * cycles
    if hasattr(control, "min") and hasattr(control, "max"):
        integer = isinstance(control.value, int)
        points = _spread(control.min, control.max, 6, integer)
        return (points + points[-2::-1]) * cycles
    if isinstance(control, widgets.Text | widgets.Textarea):
        return list(TYPED_WORDS) * cycles
    return []


@dataclass
class ControlTiming:
    samples_ms: list[float] = field(default_factory=list)  # first visits of each value
    cpu_ms: list[float] = field(default_factory=list)
    warm_ms: list[float] = field(default_factory=list)  # the same values visited again
    no_redraw: int = 0
    errors: list[str] = field(default_factory=list)


def _timed(
    changed: list[float],
    timing: ControlTiming,
    action: Callable[[], None],
    label: str,
    again: bool,
) -> None:
    """Run ``action`` (one value change) and record its time in ``timing``; ``changed`` holds
    the times at which an output changed (filled by observers, cleared here)."""
    changed.clear()
    cpu = time.process_time()
    start = time.perf_counter()
    try:
        action()
    except Exception as error:  # a refused value (e.g. options refilled meanwhile)
        timing.errors.append(f"{label}: {type(error).__name__}: {error}")
        return
    elapsed = (time.perf_counter() - start) * 1000
    if again:
        timing.warm_ms.append(elapsed)
        return
    timing.samples_ms.append(elapsed)
    timing.cpu_ms.append((time.process_time() - cpu) * 1000)
    if not changed:
        timing.no_redraw += 1


def drive(
    tool,
    *,
    limit: int | None = None,
    warm: bool = False,
    timings: dict[str, ControlTiming] | None = None,
) -> dict[str, ControlTiming]:
    """Drive every control of ``tool`` once through its value sequence, timing each change
    (added to ``timings`` when given); with ``warm``, a second time, recorded apart: tools
    cache what they drew, so a value visited again is cheaper than the first visit.

    The Reset button is timed too (as the control ``reset``): after each control's pass the
    control is moved off its default (untimed) and the button clicked."""
    changed: list[float] = []
    for output in outputs_of(tool):
        output.observe(lambda _change: changed.append(time.perf_counter()), names="value")
    timings = {} if timings is None else timings
    button = getattr(tool, "reset_button", None)
    reset = button.click if button is not None else getattr(tool, "reset", None)

    def timed(timing: ControlTiming, action: Callable[[], None], label: str, again: bool) -> None:
        _timed(changed, timing, action, label, again)

    def assign(control, value) -> Callable[[], None]:
        return lambda: setattr(control, "value", value)

    for name, control in controls_of(tool).items():
        timing = timings.setdefault(name, ControlTiming())
        sequence = value_sequence(control, 1, limit)
        for again in (False, True) if warm else (False,):
            for value in sequence:
                if control.value != value:
                    timed(timing, assign(control, value), repr(value), again)
            if reset is None:
                continue
            off_default = [v for v in sequence if v != control.value]
            if not again and off_default:
                control.value = off_default[len(off_default) // 2]
                timed(timings.setdefault("reset", ControlTiming()), reset, "reset", False)
            else:
                reset()
    return timings


def run(*, instances: int = 2, warm: bool = True) -> list[Figure]:
    """Budgeted figures from first visits (``instances`` fresh tools, each driven once through
    every control's values); with ``warm``, revisits on the first tool as context."""
    figures: list[Figure] = []
    for module_name in tool_modules():
        key = f"widgets.{module_name}"
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                builder = find_builder(module_name)
                timings: dict[str, ControlTiming] = {}
                builds = []
                for number in range(instances):
                    start = time.perf_counter()
                    tool = builder()
                    builds.append((time.perf_counter() - start) * 1000)
                    drive(tool, warm=warm and number == 0, timings=timings)
        except Exception as error:
            note = f"could not drive it: {type(error).__name__}: {error}"
            for suffix, budget in (("median_ms", MEDIAN_BUDGET_MS), ("p95_ms", P95_BUDGET_MS)):
                figures.append(
                    Figure(
                        f"{key}.{suffix}",
                        f"{module_name}: change → render",
                        None,
                        "ms",
                        budget,
                        note=note[:200],
                    )
                )
            continue
        build_ms = builds[0]
        warned = sorted({f"{w.category.__name__}: {w.message}" for w in caught})
        everything = [ms for t in timings.values() for ms in t.samples_ms]
        cpu = [ms for t in timings.values() for ms in t.cpu_ms]
        revisits = [ms for t in timings.values() for ms in t.warm_ms]
        no_redraw = sum(t.no_redraw for t in timings.values())
        per_control = {
            name: {
                "median_ms": median(t.samples_ms),
                "p95_ms": percentile(t.samples_ms, 95),
                "cpu_median_ms": median(t.cpu_ms),
                "warm_median_ms": median(t.warm_ms),
                "changes": len(t.samples_ms),
                "no_redraw": t.no_redraw,
                "errors": t.errors[:5],
            }
            for name, t in timings.items()
        }
        slowest = max(
            per_control.items(),
            key=lambda kv: kv[1]["p95_ms"] if kv[1]["changes"] else -1.0,
            default=(None, None),
        )[0]
        common = {
            "build_ms": build_ms,
            "builds_ms": builds,
            "cpu_median_ms": median(cpu),
            "cpu_p95_ms": percentile(cpu, 95),
            "warm_median_ms": median(revisits),
            "warm_p95_ms": percentile(revisits, 95),
            "controls": per_control,
            "warnings": warned[:10],
        }
        note = (
            f"{len(everything)} changes over {len(timings)} controls; "
            f"CPU {median(cpu):.0f} ms median, {percentile(cpu, 95):.0f} ms p95"
        )
        if revisits:
            note += f"; revisits {median(revisits):.0f} ms median"
        if no_redraw:
            note += f"; {no_redraw} changed no output"
        if warned:
            note += f"; {len(warned)} distinct warnings"
        figures.append(
            Figure(
                f"{key}.median_ms",
                f"{module_name}: change → render, median",
                median(everything),
                "ms",
                MEDIAN_BUDGET_MS,
                note=note,
                extra=common,
            )
        )
        figures.append(
            Figure(
                f"{key}.p95_ms",
                f"{module_name}: change → render, p95",
                percentile(everything, 95),
                "ms",
                P95_BUDGET_MS,
                note=f"slowest control: {slowest}; build {build_ms:.0f} ms",
            )
        )
        for name, stats in per_control.items():
            figures.append(
                Figure(
                    f"{key}.control.{name}.median_ms",
                    f"  {module_name}.{name} (median)",
                    stats["median_ms"] if stats["changes"] else None,
                    "ms",
                    MEDIAN_BUDGET_MS,
                    note=f"p95 {stats['p95_ms']:.1f} ms, CPU {stats['cpu_median_ms']:.0f} ms, "
                    f"{stats['changes']} changes"
                    + (f", {len(stats['errors'])} refused" if stats["errors"] else ""),
                    extra=stats,
                )
            )
    return figures


def run_scaled(data_dirs: dict[int, str], *, limits: dict[int, int]) -> list[Figure]:
    """Every tool built on inflated data (``builder(data_dir=...)``) and driven through at most
    ``limits[factor]`` values per control (first visits, as in :func:`run`); budget: the median
    per tool of :data:`GROWTH_MEDIAN_BUDGET_MS` (none for other factors)."""
    figures = []
    for module_name in tool_modules():
        for factor, data_dir in data_dirs.items():
            key = f"growth.widget.{module_name}.{factor}x_median_ms"
            label = f"{module_name} on data ×{factor}: change → render"
            budget = GROWTH_MEDIAN_BUDGET_MS.get(factor)
            try:
                builder = find_builder(module_name)
                if "data_dir" not in inspect.signature(builder).parameters:
                    figures.append(Figure(key, label, None, "ms", note="builder takes no data_dir"))
                    continue
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    start = time.perf_counter()
                    tool = builder(data_dir=data_dir)
                    build_ms = (time.perf_counter() - start) * 1000
                    timings = drive(tool, limit=limits[factor])
            except Exception as error:
                note = f"could not drive it: {type(error).__name__}: {error}"
                figures.append(Figure(key, label, None, "ms", budget, note=note[:200]))
                continue
            samples = [ms for t in timings.values() for ms in t.samples_ms]
            cpu = [ms for t in timings.values() for ms in t.cpu_ms]
            figures.append(
                Figure(
                    key,
                    label,
                    median(samples),
                    "ms",
                    budget,
                    note=f"p95 {percentile(samples, 95):.0f} ms, CPU {median(cpu):.0f} ms median, "
                    f"{len(samples)} changes; build {build_ms:.0f} ms",
                    extra={
                        "p95_ms": percentile(samples, 95),
                        "cpu_median_ms": median(cpu),
                        "build_ms": build_ms,
                        "changes": len(samples),
                    },
                )
            )
    return figures
