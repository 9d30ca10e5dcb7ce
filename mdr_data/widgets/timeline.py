"""Notebook 04's interactive timeline of the US–India story around the 2019 review.

Every event of ``mdr_data.events()`` on a date axis, one line per event, coloured by kind and
labelled with its date (as precisely as its source gives it) and the start of its title (the
table has the full titles); a hollow marker and a shaded span show an event dated only to the
month or the year, a dashed line the review's release, kept in every view as the reference
point. Two controls: a year range and an actor filter (all events, India's, India with the
United States, India with Russia). The table below the figure lists the same events with their
``source_id`` and ``confidence``; where sources date one step differently (the Major Defense
Partner recognition and its finalisation, the STA-1 announcement and its rule) both rows appear.

>>> tool = timeline()
>>> tool.actors.value = "IND+RUS"
>>> "India and Russia" in tool.title
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.text import Text

from mdr_data import vocabulary
from mdr_data.views import event_summaries
from mdr_data.widgets._base import FigurePanel, TablePanel, Tool, add_classes, labelled

__all__ = ["ACTOR_CHOICES", "LABEL_CHARACTERS", "Timeline", "label_text", "timeline"]

#: (label shown in the dropdown, value): the value is "all" or actor ids joined by "+";
#: an event matches when every named actor took part in it (``mdr_data.event_actors``).
ACTOR_CHOICES = (
    ("All events", "all"),
    ("India", "IND"),
    ("India and the United States", "IND+USA"),
    ("India and Russia", "IND+RUS"),
)

#: Events of this kind (the review's release) are the story's reference point: every actor
#: filter keeps them, and the figure marks them with a dashed vertical line.
REFERENCE_KIND = "publication"

_DEFAULT_YEARS = (2016, 2019)
_UNSTYLED = "#666666"  # an event kind without a colour yet
#: Source and confidence before the long text (actors, notes), so they stay in view.
_TABLE_COLUMNS = {
    "when": "When",
    "title": "Event",
    "kind": "Kind",
    "source_id": "Source",
    "confidence": "Confidence",
    "actor_names": "Actors",
    "notes": "Notes",
}
_TABLE_NOTE = (
    "Figure labels are the start of each event's title (the Event column). The review's release "
    "(kind 'publication', dashed line) is kept in every view as the reference point. Two rows "
    "for one step (recognised and finalised; announced and published as a rule) are sources "
    "dating it differently."
)
#: Characters of an event's title in its figure label (the table has the whole title).
LABEL_CHARACTERS = 40


def label_text(when: str, title: str) -> str:
    """An event's figure label: its date and the start of its title (a name, not an id).

    >>> label_text("Sep 2018", "India and the US sign COMCASA at the first 2+2 dialogue")
    'Sep 2018  India and the US sign COMCASA at the…'
    """
    if len(title) > LABEL_CHARACTERS:  # cut at a space, so no word is cut in half
        title = title[:LABEL_CHARACTERS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return f"{when}  {title}"


class Timeline(Tool):
    """The timeline tool: ``.years`` (IntRangeSlider) and ``.actors`` (Dropdown).

    State for tests: ``.current_table`` (the selected events), ``.figure``, ``.title``.
    The marks are created once and updated in place (:class:`TimelineChart`).
    """

    def __init__(self, data_dir: str | None = None):
        super().__init__(data_dir)
        self._events = _events(self.data_dir)
        self.years = _years_control(*_year_bounds(self._events))
        self.actors = labelled(
            widgets.Dropdown(options=list(ACTOR_CHOICES), value="all"), "actors", "Actors:"
        )
        self.panel = FigurePanel(
            "timeline",
            figsize=(11.0, 5.5),
            dpi=100,  # sharp on a projector (100–120 dpi)
            fmt="svg",  # text stays text: cheaper to draw, smaller to send (issue 13)
            margins={"left": 0.02, "right": 0.98, "top": 0.92, "bottom": 0.08},
        )
        self.chart = TimelineChart(self.panel.ax, vocabulary.colours("events", "kind", data_dir))
        self.key = add_classes(widgets.HTML(), "mdr-output", "mdr-output-timeline-key")
        # The table shows the events drawn; the others are one click away (issue 13: ~0.3 ms a
        # row of browser layout on every change).
        self.table = TablePanel("events", open_rows=MAX_EVENTS_DRAWN)
        self._finish(
            {"years": self.years, "actors": self.actors},
            [self.key, self.panel.image, self.table.html],
        )

    def update(self) -> None:
        """Select the events, redraw the figure, its key and the table."""
        actors, (start, end) = self.actors.value, self.years.value
        frame = self.cached((actors, start, end), lambda: _select(self._events, actors, start, end))
        self.current_table = frame
        self.title = title = _title(actors, start, end, len(frame))
        self.panel.show(
            (actors, start, end),
            lambda: self.chart.draw(frame, start, end, title),
            alt=_alt_text(title, frame),
        )
        self.key.value = _key_html(frame, self.chart.colours)
        self.table.show(
            frame[list(_TABLE_COLUMNS)].rename(columns=_TABLE_COLUMNS),
            caption=f"{title}: each row names its source (source_id) and confidence",
            note=_TABLE_NOTE,
            empty_message="No events in this selection: widen the years or pick other actors.",
        )


# --------------------------------------------------------------------------- data


def _events(data_dir: str | None) -> pd.DataFrame:
    """:func:`mdr_data.views.event_summaries` plus the review's release as reference points."""
    frame = event_summaries(data_dir=data_dir)
    return frame.assign(is_reference=(frame["kind"] == REFERENCE_KIND).to_numpy(dtype=bool))


def _year_bounds(events: pd.DataFrame) -> tuple[int, int]:
    if events.empty:
        return _DEFAULT_YEARS
    return int(events["date"].dt.year.min()), int(events["date"].dt.year.max())


def _select(events: pd.DataFrame, actors: str, start: int, end: int) -> pd.DataFrame:
    """Events in the years ``start``–``end`` in which every actor of ``actors`` took part."""
    wanted = set() if actors == "all" else set(actors.split("+"))
    keep = events["date"].dt.year.between(start, end).to_numpy(dtype=bool)
    if wanted:
        involved = np.array([wanted <= ids for ids in events["actor_ids"]], dtype=bool)
        keep = keep & (involved | events["is_reference"].to_numpy(dtype=bool))
    return events.loc[keep].reset_index(drop=True)


def _title(actors: str, start: int, end: int, count: int) -> str:
    who = {value: label for label, value in ACTOR_CHOICES}[actors]
    subject = "All events" if actors == "all" else f"Events involving {who}"
    years = f"{start}" if start == end else f"{start}–{end}"
    events = f"{count} event{'' if count == 1 else 's'}"
    return f"{subject}, {years} ({events}), as dated by the sources cited"


def _alt_text(title: str, frame: pd.DataFrame) -> str:
    """The timeline in words: each event's date (as precise as its source), title and kind."""
    count, frame = len(frame), frame.head(MAX_EVENTS_DRAWN)
    items = [
        f"{when} {title} ({kind}{'' if precision == 'day' else f', dated to the {precision}'})"
        for when, title, kind, precision in zip(
            frame["when"], frame["title"], frame["kind"].astype(str),
            frame["date_precision"].astype(str), strict=True,
        )
    ]  # fmt: skip
    if count > len(items):  # as drawn
        items.append(f"and {count - len(items):,} more")
    return f"Timeline. {title}: " + ("; ".join(items) or "no events") + "."


def _years_control(first: int, last: int) -> widgets.IntRangeSlider:
    slider = widgets.IntRangeSlider(
        value=(first, last),
        min=first,
        max=max(last, first + 1),
        step=1,
        continuous_update=False,
        # Wider than the 300px default so the "2017 – 2020" readout fits inside the widget,
        # with a right margin before the next control's label.
        layout=widgets.Layout(width="380px", margin="2px 24px 2px 2px"),
    )
    return labelled(slider, "year-range", "Years:")


def _key_html(frame: pd.DataFrame, colours: dict[str, str]) -> str:
    """The colour key, as HTML above the figure (cheaper than a legend in every PNG)."""
    dot = (
        "<span style='display:inline-block;width:0.9em;height:0.9em;border-radius:50%;"
        "border:{border};background:{fill};vertical-align:middle;margin:0 0.3em 0 1em'></span>"
    )
    items = [
        dot.format(border="1px solid black", fill=colours.get(kind, _UNSTYLED)) + html.escape(kind)
        for kind in dict.fromkeys(str(k) for k in frame["kind"])
    ]
    if (frame["date_precision"].astype(str) != "day").any():
        items.append(
            dot.format(border="2px solid #666666", fill="white")
            + "hollow, with a shaded span: dated to the month or year only"
        )
    items.append(
        "<span style='display:inline-block;width:1.2em;border-top:2px dashed #555;"
        "vertical-align:middle;margin:0 0.3em 0 1em'></span>the review's release"
    )
    return (
        "<div style='font-size:14px;line-height:1.8'><b>Colour = kind of event:</b>"
        + "".join(items)
        + "</div>"
    )


# --------------------------------------------------------------------------- drawing


def _day(text: str) -> float:
    """Matplotlib's date number of an ISO date."""
    return float(mdates.date2num(np.datetime64(text)))


def _precision_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Last day an event dated with this precision may fall on."""
    if precision == "year":
        return pd.Timestamp(year=date.year, month=12, day=31)
    if precision == "month":
        return date + pd.offsets.MonthEnd(0)
    return date


class _TextPool:
    """Text artists made on demand and reused: :meth:`take` shows the first n, hides the rest."""

    def __init__(self, make):
        self._make = make
        self.texts: list = []

    def take(self, n: int) -> list:
        while len(self.texts) < n:
            self.texts.append(self._make())
        for index, text in enumerate(self.texts):
            text.set_visible(index < n)
        return self.texts[:n]


def _lines(ax, **style) -> LineCollection:
    """An empty LineCollection on ``ax`` (its segments are set on every draw)."""
    return ax.add_collection(LineCollection([], **style))


def _path(ax, **style) -> Line2D:
    """An empty Line2D on ``ax`` for line segments of one style (see :func:`_set_segments`):
    one SVG path, where a LineCollection writes an element and a style per segment."""
    return ax.add_artist(Line2D([], [], **style))


def _set_segments(line: Line2D, segments: list) -> None:
    """Draw ``segments`` (pairs of points) as pieces of ``line``, split by NaN."""
    points = [point for (a, b) in segments for point in (a, b, (np.nan, np.nan))]
    xy = np.array(points, dtype=float).reshape(-1, 2)
    line.set_data(xy[:, 0], xy[:, 1])


#: Layouts of the timeline's labels, by text, font and alignment (see :class:`_Label`).
_LAYOUTS: dict[tuple, tuple] = {}


class _Label(Text):
    """A Text that reuses its layout across pictures: matplotlib lays a text out again for every
    new renderer, i.e. every SVG, though the layout depends only on the text, its font and
    alignment (not its position): ~3 ms of the timeline's ~18 ms SVG (issue 13)."""

    def _get_layout(self, renderer):
        key = (
            type(renderer), self.figure.dpi, self.get_text(),
            hash(self._fontproperties), self._horizontalalignment, self._verticalalignment,
            self.get_rotation(), self.get_rotation_mode(), self._linespacing,
            self._multialignment, self.get_usetex(), self._wrap,
        )  # fmt: skip
        layout = _LAYOUTS.get(key)
        if layout is None:
            if len(_LAYOUTS) > 5_000:
                _LAYOUTS.clear()
            layout = _LAYOUTS[key] = super()._get_layout(renderer)
        return layout


def _label(ax, x: float, y: float, **style) -> _Label:
    """A :class:`_Label` added to ``ax`` (as ``ax.text`` adds a Text)."""
    label = _Label(x, y, "", **style)
    ax._add_text(label)
    return label


def _event_label(ax):
    """A label beside an event's marker (a Text: an Annotation costs twice its drawing)."""
    return _label(ax, 0, 0, va="center", fontsize=13, clip_on=False)


def _beside(ax, points: float):
    """Data coordinates moved ``points`` to the right (negative: left) on the page."""
    from matplotlib.transforms import offset_copy

    return offset_copy(ax.transData, fig=ax.figure, x=points, y=0, units="points")


def _event_positions(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each event's date and row (earliest on top), and the last day its precision allows."""
    dates = mdates.date2num(frame["date"].to_numpy())
    rows = np.arange(len(frame))[::-1].astype(float)
    precisions = frame["date_precision"].astype(str).to_numpy()
    vague = precisions != "day"
    ends = dates.copy()
    ends[vague] = [
        _day(str(_precision_end(pd.Timestamp(d), p).date()))
        for d, p in zip(frame["date"][vague], precisions[vague], strict=True)
    ]
    return dates, rows, ends


class _YearAxis:
    """Year boundaries as one line (a path) and each year's label centred under its span."""

    def __init__(self, ax):
        years = ax.get_xaxis_transform()  # x in data, y in axes fraction
        self.lines = _path(ax, color="#dddddd", linewidth=1, zorder=0, transform=years)
        self.ticks = _path(ax, color="black", linewidth=1, transform=years, clip_on=False)
        self.labels = _TextPool(
            lambda: _label(
                ax, 0, -0.04, transform=years, ha="center", va="top", fontsize=14, clip_on=False
            )
        )

    def draw(self, start: int, end: int) -> None:
        first_days = np.arange(start, end + 2).astype(str).astype("datetime64[D]")
        bounds = mdates.date2num(first_days).tolist()  # 1 January of each year (one call)
        # Every year fits up to 12 years; beyond, every 2nd, 5th or 10th (labels would overlap,
        # and a line a year is noise: each is an element of the SVG).
        step = next(s for s, most in ((1, 12), (2, 25), (5, 60), (10, 10**6)) if end - start < most)
        years = range(start, end + 2)
        marked = [x for year, x in zip(years, bounds, strict=True) if year % step == 0]
        marked = bounds if step == 1 else marked
        _set_segments(self.lines, [[(x, 0), (x, 1)] for x in marked])
        _set_segments(self.ticks, [[(x, 0), (x, -0.03)] for x in marked])
        labelled = [i for i in range(end - start + 1) if (start + i) % step == 0 or step == 1]
        for index, label in zip(labelled, self.labels.take(len(labelled)), strict=True):
            label.set_x((bounds[index] + bounds[index + 1]) / 2)
            label.set_text(str(start + index))


#: The timeline draws at most this many events (one labelled line each); a larger selection is
#: unreadable in one figure and costs the redraw (issue 13).
MAX_EVENTS_DRAWN = 25


def _capped(frame: pd.DataFrame, title: str) -> tuple[pd.DataFrame, str]:
    """The first :data:`MAX_EVENTS_DRAWN` events and the review's release; the title counts the
    others."""
    more = len(frame) - MAX_EVENTS_DRAWN
    if more <= 0:
        return frame, title
    keep = np.arange(len(frame)) < MAX_EVENTS_DRAWN
    reference = frame["is_reference"].to_numpy(dtype=bool)
    frame = frame.loc[keep | (reference & (np.cumsum(reference) == 1))]  # the first one
    title = f"{title}\n(the first {MAX_EVENTS_DRAWN} drawn; narrow the years or the actors"
    return frame, f"{title} for the other {more:,})"


class TimelineChart:
    """The timeline's marks on one Axes, created once; :meth:`draw` only updates them.

    No tick machinery (it rebuilds tick artists on every change): see :class:`_YearAxis`.
    """

    def __init__(self, ax, colours: dict[str, str]):
        self.ax, self.colours = ax, colours
        ax.set_xticks([])
        ax.set_yticks([])
        ax.xaxis.set_visible(False)  # no ticks: nothing to draw, but drawing costs ~0.4 ms each
        ax.yaxis.set_visible(False)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        self.years = _YearAxis(ax)
        self.references = _path(ax, linewidth=1.5, linestyle="dashed", color="#555", zorder=1)
        self.spans = _lines(ax, linewidths=8, alpha=0.35)
        self.exact = ax.scatter([], [], s=120, edgecolors="black", linewidths=0.8, zorder=3)
        self.vague = ax.scatter([], [], s=120, facecolors="white", linewidths=2, zorder=3)
        # y=1: no search for tick labels above the axes on every draw (~10 % of the SVG time)
        self.title = ax.set_title("", fontsize=15, loc="left", y=1.0)
        ax.patch.set_visible(False)  # white on the figure's white
        self.empty = ax.text(0.5, 0.5, "No events in this selection", transform=ax.transAxes,
                             ha="center", va="center", fontsize=15, visible=False)  # fmt: skip
        self.labels = _TextPool(lambda: _event_label(ax))
        self._offsets = {True: _beside(ax, -12), False: _beside(ax, 12)}  # left, right of a date
        self.drawn = pd.DataFrame()

    def draw(self, frame: pd.DataFrame, start: int, end: int, title: str) -> None:
        """Show the events of ``frame`` over the years ``start``–``end`` under ``title``
        (the first :data:`MAX_EVENTS_DRAWN` and the review's release; the title counts the
        others)."""
        frame, title = _capped(frame, title)
        self.drawn = frame  # the events on the figure
        left, right = _day(f"{start}-01-01"), _day(f"{end + 1}-01-01")
        self.ax.set_xlim(left - 20, right + 20)
        self.ax.set_ylim(-0.8, max(len(frame), 1) - 0.2)
        self.title.set_text(title)
        self.title.set_fontsize(13 if "\n" in title else 15)  # two lines fit the top margin
        self.empty.set_visible(frame.empty)
        self.years.draw(start, end)
        dates, rows, ends = _event_positions(frame)
        self._draw_events(frame, dates, rows, ends)
        texts = [label_text(w, t) for w, t in zip(frame["when"], frame["title"], strict=True)]
        labels = self.labels.take(len(frame))
        for label, row, date, end_date, text in zip(labels, rows, dates, ends, texts, strict=True):
            on_left = date > (left + right) / 2  # a label right of a span starts after it
            label.set_position((date if on_left else end_date, row))
            label.set_transform(self._offsets[on_left])
            label.set_horizontalalignment("right" if on_left else "left")
            label.set_text(text)

    def _draw_events(self, frame: pd.DataFrame, dates, rows, ends) -> None:
        """Markers (filled: dated to the day), spans (month or year) and reference lines."""
        colours = np.array([self.colours.get(str(k), _UNSTYLED) for k in frame["kind"]], object)
        vague = frame["date_precision"].astype(str).to_numpy() != "day"
        exact = ~vague
        self.exact.set_offsets(np.column_stack([dates[exact], rows[exact]]).reshape(-1, 2))
        self.exact.set_facecolors(list(colours[exact]))
        self.vague.set_offsets(np.column_stack([dates[vague], rows[vague]]).reshape(-1, 2))
        self.vague.set_edgecolors(list(colours[vague]))
        spans = zip(dates[vague], ends[vague], rows[vague], strict=True)
        self.spans.set_segments([[(d, r), (e, r)] for d, e, r in spans])
        self.spans.set_colors(list(colours[vague]))
        reference = frame["is_reference"].to_numpy(dtype=bool)
        _set_segments(
            self.references, [[(d, -1.0), (d, float(len(frame)))] for d in dates[reference]]
        )


def timeline(data_dir: str | None = None) -> Timeline:
    """Build the interactive timeline (notebook 04); display the returned object.

    >>> tool = timeline()
    >>> tool.years.value = (2018, 2018)
    >>> set(tool.current_table["date"].dt.year) <= {2018}
    True
    >>> tool.reset(); tool.actors.value
    'all'
    """
    return Timeline(data_dir)
