"""Shared pieces of every interactive tool: panels, labelled controls, reset, wiring.

The rules these helpers enforce (so the browser tests and benchmarks can drive any tool):

* no ``ipywidgets.Output`` and no ``interact``: a table is an :class:`ipywidgets.HTML` whose
  ``value`` is replaced (:class:`TablePanel`), a figure is one persistent
  :class:`matplotlib.figure.Figure` rendered to a PNG shown as an ``<img>`` with its ``alt``
  text in an :class:`ipywidgets.HTML` (:class:`FigurePanel`);
* every control carries a visible ``description`` and the CSS class ``mdr-<name>``
  (:func:`labelled`), every output ``mdr-output`` + ``mdr-output-<name>``, the reset button
  ``mdr-reset`` (:func:`reset_button`);
* a tool is a :class:`Tool`: it holds its controls as attributes, has a ``.view`` (a VBox),
  ``.reset()`` and ``.update()``, its ``data_dir`` and, if it draws, ``.figure``; it displays
  itself in a notebook;
* one cache, :class:`Memo`: a tool keeps the data views it computed (:meth:`Tool.cached`) and a
  figure panel the pictures it drew, each keyed by the selection. A tool reads its tables once,
  when it is built, so a key never needs the data's version.

>>> import pandas as pd
>>> panel = TablePanel("demo")
>>> panel.show(pd.DataFrame({"a": [1, 2]}), caption="Two rows")
>>> "<caption>Two rows</caption>" in panel.html.value
True
"""

from __future__ import annotations

import base64
import functools
import html
import io
import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import ipywidgets as widgets
import numpy as np
import pandas as pd

from mdr_data._memo import Memo
from mdr_data.tables import data_version

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "Controls",
    "FigurePanel",
    "Memo",
    "TablePanel",
    "Tool",
    "add_classes",
    "clear_axes",
    "frame_to_html",
    "labelled",
    "refill",
    "reset_button",
    "source_phrase",
]

#: Inline CSS for our tables (kept short: it is re-sent with every table update).
#:
#: Every table sits in a ``.mdr-wrap`` box that scrolls sideways when the table is wider than
#: the notebook. The box is a size container, so its ``100cqw`` is the width of the output:
#: the caption takes that whole width (a negative right margin of the same size keeps it from
#: widening the table), so a long caption over a narrow table reads as one or two lines.
#: Cells with long text (``mdr-long``) keep a readable minimum width and wrap (anywhere, so a
#: long address cannot widen the table). Text is never cut: a table's columns are chosen by the
#: tool, and ``confidence`` and the source column come before long text where a tool can.
TABLE_CSS = (
    "<style>"
    ".mdr-wrap{overflow-x:auto;container-type:inline-size;}"
    ".mdr-table{border-collapse:collapse;font-size:14px;margin:4px 0;}"
    ".mdr-table caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0;}"
    ".mdr-wrap caption{box-sizing:border-box;width:100cqw;margin-right:-100cqw;}"
    ".mdr-table th,.mdr-table td{border-bottom:1px solid #ccc;padding:3px 8px;"
    "text-align:left;vertical-align:top;}"
    ".mdr-table th{background:#f0f0f0;}"
    ".mdr-table td.mdr-long{min-width:10em;overflow-wrap:anywhere;}"
    ".mdr-empty{font-style:italic;}"
    ".mdr-sources{font-size:13px;margin:2px 0 6px;}"
    ".mdr-sources summary{cursor:pointer;}"
    "</style>"
)
#: Cells with more characters than this get the class ``mdr-long`` (a minimum width); a name
#: such as "North Atlantic Treaty Organization (NATO)" stays below it and wraps at its spaces.
LONG_CELL = 50


# --------------------------------------------------------------------------- CSS classes


def add_classes(widget: widgets.DOMWidget, *names: str) -> widgets.DOMWidget:
    """Add CSS classes to a widget and return it (for chaining).

    >>> import ipywidgets as widgets
    >>> add_classes(widgets.HTML(), "mdr-output", "mdr-output-demo")._dom_classes
    ('mdr-output', 'mdr-output-demo')
    """
    for name in names:
        widget.add_class(name)
    return widget


def labelled(control: widgets.Widget, name: str, description: str) -> widgets.Widget:
    """Give a control its visible label and the CSS class ``mdr-<name>``; return it.

    The label is shown in full (no truncation), so a projector audience can read it.

    >>> import ipywidgets as widgets
    >>> box = labelled(widgets.Dropdown(options=["a", "b"]), "actor", "Actor:")
    >>> box.description, box._dom_classes
    ('Actor:', ('mdr-actor',))
    """
    control.description = description
    if hasattr(control, "style") and hasattr(control.style, "description_width"):
        control.style.description_width = "initial"
    control.add_class(f"mdr-{name}")
    return control


def reset_button(callback: Callable[[], None], description: str = "Reset") -> widgets.Button:
    """A visible Reset button (CSS class ``mdr-reset``) that calls ``callback()`` on click.

    >>> calls = []
    >>> button = reset_button(lambda: calls.append(1))
    >>> button.click(); calls, button._dom_classes
    ([1], ('mdr-reset',))
    """
    button = widgets.Button(
        description=description, icon="undo", tooltip="Restore the default selection"
    )
    button.add_class("mdr-reset")
    button.on_click(lambda _button: callback())
    return button


def refill(dropdown: widgets.Dropdown, options: list) -> None:
    """Give ``dropdown`` new ``options``, keeping its value if still offered, else the first.

    >>> import ipywidgets as widgets
    >>> menu = widgets.Dropdown(options=["a", "b"], value="b")
    >>> refill(menu, ["b", "c"]); menu.value
    'b'
    >>> refill(menu, [("C", "c")]); menu.value
    'c'
    """
    keep = dropdown.value
    dropdown.options = options
    values = [option[1] if isinstance(option, tuple) else option for option in options]
    dropdown.value = keep if keep in values else (values[0] if values else None)


# --------------------------------------------------------------------------- tables


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return html.escape(str(value))


def _td(value: object) -> str:
    text = _cell(value)
    return f'<td class="mdr-long">{text}</td>' if len(text) > LONG_CELL else f"<td>{text}</td>"


def frame_to_html(
    frame: pd.DataFrame, caption: str, *, empty_message: str = "No rows match this selection."
) -> str:
    """Render a DataFrame as a small HTML table with a ``<caption>`` (fast; no Styler).

    Missing values show as "—"; text is HTML-escaped; an empty frame shows ``empty_message``.
    The table is wrapped in a ``<div class="mdr-wrap">`` that scrolls sideways when the table
    is wider than the notebook (see :data:`TABLE_CSS`).

    >>> import pandas as pd
    >>> out = frame_to_html(pd.DataFrame({"x": ["<b>", None]}), "Demo")
    >>> "<caption>Demo</caption>" in out, "&lt;b&gt;" in out, "—" in out
    (True, True, True)
    """
    parts = [
        f'<div class="mdr-wrap"><table class="mdr-table"><caption>{html.escape(caption)}</caption>'
    ]
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns))
    parts.append("</tr></thead><tbody>")
    if len(frame) == 0:
        parts.append(
            f'<tr><td class="mdr-empty" colspan="{max(len(frame.columns), 1)}">'
            f"{html.escape(empty_message)}</td></tr>"
        )
    columns = [frame[c].tolist() for c in frame.columns]
    for row in zip(*columns, strict=True):
        parts.append("<tr>" + "".join(map(_td, row)) + "</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


#: A table shows at most this many rows and says how many it left out: more is unreadable in a
#: notebook, and each one costs the kernel, the message and the browser's layout (issue 13).
MAX_TABLE_ROWS = 200


class TablePanel:
    """A DataFrame shown as HTML (with caption) in one ``ipywidgets.HTML`` that is replaced.

    At most :data:`MAX_TABLE_ROWS` rows are shown; the note under the table says how many more
    the selection has.

    >>> import pandas as pd
    >>> panel = TablePanel("claims")
    >>> panel.show(pd.DataFrame({"text": ["x"]}), caption="One claim")
    >>> panel.caption, panel.html._dom_classes
    ('One claim', ('mdr-output', 'mdr-output-claims'))
    """

    def __init__(self, name: str, *, heading: str | None = None, open_rows: int | None = None):
        self.name = name
        self.heading = heading
        #: Rows beyond this many go in a collapsed ``<details>`` under the table, one click away:
        #: the browser lays out only the rows on show (~0.3 ms a row here; issue 13).
        self.open_rows = open_rows
        self.html = add_classes(widgets.HTML(), "mdr-output", f"mdr-output-{name}")
        self.caption = ""

    def show(
        self,
        frame: pd.DataFrame,
        caption: str,
        *,
        empty_message: str = "No rows match this selection.",
        note: str | None = None,
        sources: str | None = None,
    ) -> None:
        """Replace the shown table (and an optional note paragraph below it).

        Keep ``caption`` short (one line on a projector); a list of ``sources`` goes in a
        collapsed ``<details>`` under the table, one click away.

        >>> panel = TablePanel("demo")
        >>> panel.show(pd.DataFrame({"a": [1]}), "One row", sources="NATO (nato-2016-05-12)")
        >>> '<details class="mdr-sources"><summary>Sources</summary>NATO' in panel.html.value
        True
        """
        self.caption = caption
        if len(frame) > MAX_TABLE_ROWS:
            left_out = (
                f"Showing the first {MAX_TABLE_ROWS:,} of {len(frame):,} rows: narrow the "
                "selection to see the others."
            )
            note = f"{left_out} {note}" if note else left_out
            frame = frame.head(MAX_TABLE_ROWS)
        parts = [TABLE_CSS]
        if self.heading:
            parts.append(f"<h4>{html.escape(self.heading)}</h4>")
        parts.append(self._rows_html(frame, caption, empty_message))
        if sources:
            parts.append(
                f'<details class="mdr-sources"><summary>Sources</summary>{html.escape(sources)}'
                "</details>"
            )
        if note:
            parts.append(f'<p class="mdr-note">{html.escape(note)}</p>')
        self.html.value = "".join(parts)

    def _rows_html(self, frame: pd.DataFrame, caption: str, empty_message: str) -> str:
        """The table; past :attr:`open_rows`, the other rows in a collapsed ``<details>``.

        >>> panel = TablePanel("demo", open_rows=2)
        >>> panel.show(pd.DataFrame({"n": range(5)}), "Five rows")
        >>> value = panel.html.value
        >>> value.count("<tr>"), "<summary>Show the other 3 rows</summary>" in value
        (7, True)
        """
        shown = self.open_rows
        if shown is None or len(frame) <= shown:
            return frame_to_html(frame, caption, empty_message=empty_message)
        rest = frame.iloc[shown:]
        return (
            frame_to_html(frame.head(shown), caption)
            + f'<details class="mdr-more"><summary>Show the other {len(rest):,} rows</summary>'
            + frame_to_html(rest, f"{caption} (rows {shown + 1:,}–{len(frame):,})")
            + "</details>"
        )


# --------------------------------------------------------------------------- figures


def clear_axes(ax) -> None:
    """Remove what was drawn on ``ax``, keeping the Axes, its ticks and the figure's layout.

    Much cheaper than ``ax.clear()`` (which rebuilds axis, ticks and spines): the plotting
    functions set limits, ticks and titles explicitly on every call.
    """
    for artist in [*ax.patches, *ax.texts, *ax.collections, *ax.lines, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_title("", loc="left")
    ax.set_title("")
    ax.set_axis_on()


def _new_figure(figsize: tuple[float, float], dpi: int, margins: dict | None):
    """A Figure (no pyplot) with its own Agg canvas and a fixed layout."""
    # matplotlib is imported by the first FigurePanel, not by tools without one.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, dpi=dpi)
    # Attach one Agg canvas for good: savefig would otherwise make a new canvas per PNG,
    # losing matplotlib's text-layout cache on every redraw (~10 % of an update).
    FigureCanvasAgg(figure)
    figure.subplots_adjust(
        **(margins or {"left": 0.25, "right": 0.97, "top": 0.88, "bottom": 0.14})
    )
    return figure


def _png(figure, dpi: int, render: Callable[[], None] | None = None) -> bytes:
    """The figure as an 8-bit palette PNG. A map or chart has few colours: quantised to 256
    (PIL's fast octree) it looks the same, encodes faster and is ~4x smaller than RGBA (a world
    map: 56 KiB, not 204), so it reaches the browser sooner (issue 13). ``render`` draws the
    figure on its canvas (default ``canvas.draw``; a map pastes its cached countries)."""
    import matplotlib
    from PIL import Image

    if figure.dpi != dpi:
        figure.set_dpi(dpi)
    # Unhinted glyphs look the same at 100 dpi and rasterise in half the time (text is most of
    # a map's redraw).
    with matplotlib.rc_context({"text.hinting": "no_hinting"}):
        (render or figure.canvas.draw)()  # the panel's Agg canvas, kept between redraws
    image = Image.fromarray(np.asarray(figure.canvas.buffer_rgba())).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    # Fast PNG compression: a slightly larger PNG is far cheaper than zlib's default effort.
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def _svg(figure) -> bytes:
    """The figure as SVG: text as text, fixed ids and no date (same figure, same bytes)."""
    import matplotlib

    buffer = io.BytesIO()
    # Each text names its fonts: a short list (matplotlib lays text out with DejaVu Sans)
    # makes the picture a fifth smaller than matplotlib's ten fallbacks would.
    short = {"svg.fonttype": "none", "svg.hashsalt": "mdr",
             "font.sans-serif": ["DejaVu Sans", "Arial", "sans-serif"]}  # fmt: skip
    with matplotlib.rc_context(short), _remembered_text_sizes():
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


#: Text sizes the SVG renderer measured, by (text, font, math): see _remembered_text_sizes.
_TEXT_SIZES: dict[tuple, tuple[float, float, float]] = {}


@contextmanager
def _remembered_text_sizes():
    """Let the SVG renderer reuse the sizes of texts it measured in earlier pictures.

    matplotlib keeps text sizes per renderer, and each SVG gets a new renderer: every label was
    laid out with FreeType again on every redraw, about half of a chart's SVG time (the
    timeline's 82 ms -> 39 ms). A text's size depends only on the text, its font and whether it
    is mathtext, so the sizes are kept across pictures (the dict is emptied past 20,000).
    """
    from matplotlib.backends.backend_svg import RendererSVG

    measure = RendererSVG.get_text_width_height_descent

    def remembered(renderer, text, prop, ismath):
        key = (text, hash(prop), ismath)  # FontProperties compare by their hash
        size = _TEXT_SIZES.get(key)
        if size is None:
            if len(_TEXT_SIZES) > 20_000:
                _TEXT_SIZES.clear()
            size = _TEXT_SIZES[key] = measure(renderer, text, prop, ismath)
        return size

    RendererSVG.get_text_width_height_descent = remembered
    try:
        yield
    finally:
        RendererSVG.get_text_width_height_descent = measure


def _img_html(alt: str, fmt: str, data: str) -> str:
    """An ``<img>`` of base64 ``data`` in format ``fmt`` with its ``alt`` text."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f'<img alt="{html.escape(alt)}" src="data:{mime};base64,{data}" style="max-width:100%">'


class _PictureCache:
    """How a :class:`FigurePanel` keeps the pictures it drew, by selection key (a revisit, a
    Reset or a prefetched selection shows its picture without drawing)."""

    image: widgets.HTML
    alt: str
    fmt: str
    picture: bytes
    _pictures: Memo
    _key: Hashable | None
    _drawn_key: Hashable | None
    _draw_current: Callable[[], object] | None

    def show(self, key: Hashable, draw: Callable[[], object], *, alt: str | None = None) -> None:
        """Show the picture of selection ``key`` with ``alt`` text, calling ``draw()`` if new.

        ``draw`` must draw the whole picture of ``key`` on the figure; ``alt`` says in words what
        it shows (default: the panel's current ``alt``). A selection shown before reuses its PNG
        (a revisit or a Reset costs ~2 ms); the figure itself is then redrawn only when
        :meth:`ensure_drawn` asks, so code reading the figure sees what is on screen.

        >>> panel = FigurePanel("demo", figsize=(2, 1), dpi=40)
        >>> calls = []
        >>> for key in ("a", "b", "a"):
        ...     panel.show(key, lambda key=key: calls.append(key), alt=f"Picture {key}")
        >>> calls, panel.alt
        (['a', 'b'], 'Picture a')
        >>> panel.ensure_drawn(); calls
        ['a', 'b', 'a']
        """
        self._key, self._draw_current = key, draw
        if alt is not None:
            self.alt = alt
        self.picture, data = self._pictures.get(key, self._draw_new)
        self.image.value = _img_html(self.alt, self.fmt, data)

    def _draw_new(self) -> tuple[bytes, str]:
        """Draw the shown selection; its PNG and the PNG's base64 text (for the data URL)."""
        self.ensure_drawn()
        return self._encoded()

    def _encoded(self) -> tuple[bytes, str]:
        picture = self.svg() if self.fmt == "svg" else self.png()
        return picture, base64.b64encode(picture).decode("ascii")

    def prefetch(self, key: Hashable, draw: Callable[[], object]) -> None:
        """Draw the picture of selection ``key`` and keep it for :meth:`show`, unshown.

        What is on screen, ``alt`` and the figure code reads (:meth:`ensure_drawn` redraws the
        shown selection) stay as they are. A tool calls it when idle (:mod:`._idle`).

        >>> panel = FigurePanel("demo", figsize=(2, 1), dpi=40)
        >>> calls = []
        >>> panel.show("a", lambda: calls.append("a"), alt="Picture a")
        >>> panel.prefetch("b", lambda: calls.append("b"))
        >>> panel.alt, calls
        ('Picture a', ['a', 'b'])
        >>> panel.ensure_drawn(); calls  # the figure shows "a" again
        ['a', 'b', 'a']
        >>> panel.show("b", lambda: calls.append("b"), alt="Picture b"); calls  # drawn already
        ['a', 'b', 'a']
        """

        def draw_unshown() -> tuple[bytes, str]:
            self._draw_as(key, draw)
            return self._encoded()

        if key not in self._pictures:
            self._pictures.get(key, draw_unshown)

    def ensure_drawn(self) -> None:
        """Draw the shown selection on the figure if its PNG came from the cache."""
        if self._draw_current is not None and self._drawn_key != self._key:
            self._draw_as(self._key, self._draw_current)

    def _draw_as(self, key: Hashable, draw: Callable[[], object]) -> None:
        """Draw the picture of ``key`` on the figure, and remember that the figure shows it."""
        self._drawn_key = None  # half drawn, if draw() raises
        draw()
        self._drawn_key = key


class FigurePanel(_PictureCache):
    """One persistent matplotlib Figure (no pyplot) shown as a PNG ``<img>`` with its alt text.

    Draw the picture of a selection with :meth:`show`, which also says in words what it shows
    (the ``alt`` attribute of the ``<img>``, read by screen readers and shown if the picture
    cannot be). The layout is fixed with ``subplots_adjust`` (``margins``), not recomputed on
    every redraw, to keep updates cheap. ``image`` is the output widget (an ``ipywidgets.HTML``:
    the ``Image`` widget has no alt text), ``picture`` the bytes on screen.

    ``fmt="svg"`` sends the picture as SVG with its text as text: no glyph is rasterised in the
    kernel (Agg's text rendering is most of a chart's redraw), and the message is several times
    smaller than the PNG; the browser draws it as crisply at any size. Charts of a few hundred
    marks use it; a map (thousands of polygon vertices) stays PNG, which is smaller there.

    >>> panel = FigurePanel("demo", figsize=(3, 2), dpi=50)
    >>> panel.show("line", lambda: panel.ax.plot([0, 1], [0, 1]), alt="A rising line")
    >>> panel.png_bytes[:4] == b"\\x89PNG", panel.image._dom_classes
    (True, ('mdr-output', 'mdr-output-demo'))
    >>> panel.image.value.startswith('<img alt="A rising line" src="data:image/png;base64,')
    True
    """

    def __init__(
        self,
        name: str,
        *,
        figsize: tuple[float, float] = (8.0, 4.5),
        dpi: int = 100,
        margins: dict | None = None,
        alt: str = "",
        fmt: str = "png",
    ):
        self.name = name
        self.dpi = dpi
        self.figure = _new_figure(figsize, dpi, margins)
        self.ax = self.figure.add_subplot()
        self.image = add_classes(widgets.HTML(), "mdr-output", f"mdr-output-{name}")
        self.alt = alt
        if fmt not in ("png", "svg"):
            raise ValueError(f"fmt must be 'png' or 'svg', not {fmt!r}")
        self.fmt = fmt
        #: Draws the figure on its canvas for a PNG (None: ``canvas.draw``; see ``_png``).
        self.render: Callable[[], None] | None = None
        self.picture = b""
        self._pictures = Memo()  # PNGs already drawn, by selection key (see show)
        self._key: Hashable | None = None
        self._drawn_key: Hashable | None = None
        self._draw_current: Callable[[], None] | None = None

    def png(self) -> bytes:
        """Return the figure as PNG bytes at the panel's dpi."""
        return _png(self.figure, self.dpi, self.render)

    def svg(self) -> bytes:
        """Return the figure as SVG (text as text; the same figure gives the same bytes)."""
        return _svg(self.figure)

    @property
    def png_bytes(self) -> bytes:
        """The picture on screen as PNG (rendered now if the panel shows SVG)."""
        if self.fmt == "png":
            return self.picture
        self.ensure_drawn()
        return self.png()


# --------------------------------------------------------------------------- sources


#: A phrase names at most this many sources and counts the rest ("and 40 more").
MAX_SOURCES_NAMED = 100


@functools.lru_cache(maxsize=8)
def _publishers(data_dir: str | None, _version) -> dict[str, str]:
    """source_id → publisher, read once per data folder and version (a caption per change
    copied the whole sources table: ~10 ms on data ×100)."""
    import mdr_data

    table = mdr_data.sources(data_dir=data_dir)
    return {
        source_id: publisher
        for source_id, publisher in zip(table["source_id"], table["publisher"], strict=True)
        if isinstance(publisher, str)
    }


def source_phrase(source_ids: Iterable[str], *, data_dir=None) -> str:
    """Name the sources behind some rows in words: "publisher (source_id)", in order given
    (at most :data:`MAX_SOURCES_NAMED`, then how many more).

    >>> source_phrase([])
    'no source'
    """
    ids = list(dict.fromkeys(s for s in source_ids if isinstance(s, str)))
    if not ids:
        return "no source"
    named = ids[:MAX_SOURCES_NAMED]
    publishers = _publishers(None if data_dir is None else str(data_dir), data_version(data_dir))
    words = [
        f"{publishers[source_id]} ({source_id})" if source_id in publishers else source_id
        for source_id in named
    ]
    if len(ids) > len(named):
        words.append(f"and {len(ids) - len(named):,} more")
    return "; ".join(words)


# --------------------------------------------------------------------------- the tool base


class Controls:
    """Controls with defaults, wired so that every user change costs exactly one ``update()``.

    Batch changes inside ``with tool.hold():`` trigger a single update at the end; a subclass
    reacts to one control (e.g. refilling another's options) in :meth:`_on_control_change`,
    and restores dependent options before a reset in :meth:`_before_reset`.
    """

    def __init__(self) -> None:
        self._holding = 0
        self._pending = False
        self._in_reset = False
        self.controls: dict[str, widgets.Widget] = {}
        self.defaults: dict[str, object] = {}

    def update(self) -> None:
        """Recompute every output from the current control values (each tool defines it)."""
        raise NotImplementedError(f"{type(self).__name__} must define update()")

    def _wire(self, controls: dict[str, widgets.Widget]) -> None:
        """Record the controls and their defaults; call :meth:`_changed` when one changes."""
        self.controls = dict(controls)
        self.defaults = {name: control.value for name, control in self.controls.items()}
        for name, control in self.controls.items():
            control.observe(lambda _change, name=name: self._changed(name), names="value")

    def _on_control_change(self, name: str) -> None:
        """Hook: react to one control's change before the redraw (e.g. refill options).

        Changes made here to other controls do not trigger extra redraws.
        """

    def _changed(self, name: str) -> None:
        with self.hold():
            if not self._in_reset:
                self._on_control_change(name)
            self._pending = True

    @contextmanager
    def hold(self):
        """Suspend updates while several controls change; update once at the end."""
        self._holding += 1
        try:
            yield self
        finally:
            self._holding -= 1
            if not self._holding and self._pending:
                self._pending = False
                self.update()

    def _before_reset(self) -> None:
        """Hook: restore dependent options (e.g. an actor list that follows a region)."""

    def reset(self) -> None:
        """Restore every control to its default value and redraw."""
        with self.hold():
            self._in_reset = True
            try:
                self._before_reset()
                for name, control in self.controls.items():
                    control.value = self.defaults[name]
            finally:
                self._in_reset = False
            self._pending = True


class Tool(Controls):
    """Base class of every interactive tool: controls, outputs, ``view``, data and figure.

    Subclasses call ``super().__init__(data_dir)`` (``data_dir`` becomes a ``str`` or None),
    build their controls and panels, then call :meth:`_finish` with the controls (name →
    widget) and the output widgets; ``update()`` recomputes the outputs from the controls (see
    :class:`Controls`). A tool that draws keeps its :class:`FigurePanel` in ``panel``;
    ``figure`` is then the picture on screen. :meth:`cached` keeps the data views it computed.

    >>> import ipywidgets as widgets
    >>> class Echo(Tool):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.text = labelled(widgets.Text(value="hi"), "text", "Text:")
    ...         self.out = TablePanel("echo")
    ...         self._finish({"text": self.text}, [self.out.html])
    ...     def update(self):
    ...         self.title = f"You typed {self.text.value!r}"
    ...         self.out.show(pd.DataFrame({"text": [self.text.value]}), self.title)
    >>> echo = Echo()
    >>> echo.text.value = "bye"; echo.title
    "You typed 'bye'"
    >>> echo.reset(); echo.title
    "You typed 'hi'"
    """

    title: str = ""
    #: The panel a drawing tool draws on (None for a tool that only shows tables and text).
    panel: FigurePanel | None = None

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        super().__init__()
        self.data_dir = None if data_dir is None else os.fspath(data_dir)
        self._views = Memo(size=128)
        self.view: widgets.VBox = widgets.VBox()

    def cached(self, key: Hashable, compute: Callable[[], object]):
        """The data view for ``key`` (e.g. the selected rows), computed once per tool."""
        return self._views.get(key, compute)

    @property
    def figure(self) -> Figure:
        """The figure of the current selection (drawn now if its picture came from the cache)."""
        if self.panel is None:
            raise AttributeError(f"{type(self).__name__} draws no figure")
        self.panel.ensure_drawn()
        return self.panel.figure

    def _finish(
        self,
        controls: dict[str, widgets.Widget],
        outputs: Sequence[widgets.Widget],
        *,
        rows: Sequence[Sequence[widgets.Widget]] | None = None,
    ) -> None:
        """Wire the controls, lay out the view (``rows`` of controls, then outputs), draw once."""
        self._wire(controls)
        self.reset_button = reset_button(self.reset)
        rows = [list(self.controls.values())] if rows is None else rows
        # Rows of controls wrap onto a second line rather than run past a narrow notebook.
        boxes = [widgets.HBox(list(row), layout={"flex_flow": "row wrap"}) for row in rows]
        boxes[-1].children = (*boxes[-1].children, self.reset_button)
        self.view = widgets.VBox([*boxes, *outputs])
        self.view.add_class("mdr-tool")
        self.update()

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
