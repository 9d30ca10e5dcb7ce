"""Notebook 04's interactive timeline of the US–India story around the 2019 review.

Every event of ``mdr_data.events()`` on a date axis, one line per event, coloured by kind and
labelled with its date (as precisely as its source gives it) and ``event_id`` (the table has
the full titles); a hollow marker and a shaded span show an event dated only to the month or
the year, a dashed line the review's release, kept in every view as the reference point. Two
controls: a year range and an actor filter (all events, India's, India with the United States,
India with Russia). The table below the figure lists the same events with their ``source_id``
and ``confidence``; where sources date one step differently (the Major Defense Partner
recognition and its finalisation, the STA-1 announcement and its rule) both rows appear.

>>> tool = timeline()
>>> tool.actors.value = "IND+RUS"
>>> "India and Russia" in tool.title
True
"""

from __future__ import annotations

import html
from functools import lru_cache

import ipywidgets as widgets
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection

import mdr_data
from mdr_data import vocabulary
from mdr_data.tables import data_version
from mdr_data.views import event_summaries
from mdr_data.widgets._base import FigurePanel, TablePanel, Tool, add_classes, labelled

__all__ = ["ACTOR_CHOICES", "Timeline", "timeline", "timeline_events"]

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
_TABLE_COLUMNS = {
    "when": "When",
    "event_id": "event_id",
    "title": "Event",
    "kind": "Kind",
    "actor_names": "Actors",
    "source_id": "Source",
    "confidence": "Confidence",
    "notes": "Notes",
}


def _kind_colours(data_dir=None) -> dict[str, str]:
    """One fixed colour per event kind, so a kind keeps its colour across selections."""
    return vocabulary.colours("events", "kind", data_dir)


def _precision_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Last day an event dated with this precision may fall on."""
    if precision == "year":
        return pd.Timestamp(year=date.year, month=12, day=31)
    if precision == "month":
        return date + pd.offsets.MonthEnd(0)
    return date


@lru_cache(maxsize=8)
def _all_events(data_dir: str | None, version: tuple | None = None) -> pd.DataFrame:
    """:func:`mdr_data.views.event_summaries` plus the review's release as reference points."""
    frame = event_summaries(data_dir=data_dir)
    return frame.assign(is_reference=(frame["kind"] == REFERENCE_KIND).to_numpy(dtype=bool))


def _parse_actors(actors: str, data_dir: str | None) -> tuple[str, ...]:
    if actors == "all":
        return ()
    return tuple(mdr_data.resolve_actor(part, data_dir=data_dir) for part in actors.split("+"))


@lru_cache(maxsize=64)
def _selection(
    actors: str, start: int, end: int, data_dir: str | None, version: tuple | None = None
) -> pd.DataFrame:
    frame = _all_events(data_dir, version)
    wanted = set(_parse_actors(actors, data_dir))
    keep = frame["date"].dt.year.between(start, end).to_numpy(dtype=bool)
    if wanted:
        involved = np.array([wanted <= ids for ids in frame["actor_ids"]], dtype=bool)
        keep = keep & (involved | frame["is_reference"].to_numpy(dtype=bool))
    return frame.loc[keep].reset_index(drop=True)


def timeline_events(
    actors: str = "all",
    years: tuple[int, int] | None = None,
    *,
    data_dir: str | None = None,
) -> pd.DataFrame:
    """Events in date order with a readable date (``when``) and the actors that took part.

    ``actors`` is ``"all"`` or actor ids joined by ``+`` (``"IND+USA"``: events in which both
    took part); ``years`` an inclusive ``(first, last)`` year range.

    >>> frame = timeline_events("IND+RUS", years=(2018, 2018))
    >>> set(frame["date"].dt.year) <= {2018}
    True
    """
    if not isinstance(actors, str):
        raise TypeError(f"actors must be a string such as 'IND+USA', not {type(actors).__name__}")
    if years is None:
        start, end = _year_bounds(None if data_dir is None else str(data_dir))
    else:
        start, end = (int(y) for y in years)
    key = None if data_dir is None else str(data_dir)
    return _selection(actors, start, end, key, data_version(key)).copy()


def _year_bounds(data_dir: str | None, version: tuple | None = None) -> tuple[int, int]:
    dates = _all_events(data_dir, version if version is not None else data_version(data_dir))[
        "date"
    ]
    if dates.empty:
        return _DEFAULT_YEARS
    return int(dates.dt.year.min()), int(dates.dt.year.max())


class Timeline(Tool):
    """The timeline tool: ``.years`` (IntRangeSlider) and ``.actors`` (Dropdown).

    State for tests: ``.current_table`` (the selected events), ``.figure``, ``.title``.
    The artists are created once and updated in place; the PNG of a selection already drawn
    is reused (the figure is a pure function of the selection and the data).
    """

    def __init__(self, data_dir: str | None = None):
        super().__init__()
        self.data_dir = None if data_dir is None else str(data_dir)
        self._colours = _kind_colours(data_dir)
        self._version = data_version(self.data_dir)  # the tool shows the data as it was built
        first, last = _year_bounds(self.data_dir, self._version)
        self.years = labelled(
            widgets.IntRangeSlider(
                value=(first, last),
                min=first,
                max=max(last, first + 1),
                step=1,
                continuous_update=False,
                # Wider than the 300px default so the "2017 – 2020" readout fits inside the
                # widget, with a right margin before the next control's label.
                layout=widgets.Layout(width="380px", margin="2px 24px 2px 2px"),
            ),
            "year-range",
            "Years:",
        )
        self.actors = labelled(
            widgets.Dropdown(options=list(ACTOR_CHOICES), value="all"), "actors", "Actors:"
        )
        self.panel = FigurePanel(
            "timeline",
            figsize=(11.0, 5.5),
            dpi=80,
            margins={"left": 0.02, "right": 0.98, "top": 0.92, "bottom": 0.08},
            alt="Timeline of the selected events, one line per event, coloured by kind",
        )
        self.figure = self.panel.figure
        self.key = add_classes(widgets.HTML(), "mdr-output", "mdr-output-timeline-key")
        self._setup_axes()
        self._png_cache: dict[tuple, bytes] = {}
        self.table = TablePanel("events")
        self.current_table = pd.DataFrame()
        self._finish(
            {"years": self.years, "actors": self.actors},
            [self.key, self.panel.image, self.table.html],
        )

    # ------------------------------------------------------------------ state

    def _label(self) -> str:
        return {value: label for label, value in ACTOR_CHOICES}[self.actors.value]

    def update(self) -> None:
        """Select the events, redraw the figure and the table."""
        start, end = self.years.value
        frame = _selection(self.actors.value, start, end, self.data_dir, self._version)
        self.current_table = frame
        who = self._label()
        subject = "All events" if who == "All events" else f"Events involving {who}"
        count = f"{len(frame)} event{'' if len(frame) == 1 else 's'}"
        years = f"{start}" if start == end else f"{start}–{end}"
        self.title = f"{subject}, {years} ({count}), as dated by the sources cited"
        self._draw(frame, start, end)
        key = (self.actors.value, start, end)
        png = self._png_cache.get(key)
        if png is None:
            png = self._png_cache[key] = self.panel.png()
        self.panel.image.value = png
        shown = frame[list(_TABLE_COLUMNS)].rename(columns=_TABLE_COLUMNS)
        self.table.show(
            shown,
            caption=f"{self.title}: each row names its source (source_id) and confidence",
            note=(
                "Figure labels are the event_id column. The review's release (kind "
                "'publication', dashed line) is kept in every view as the reference point. "
                "Two rows for one step (recognised and finalised; "
                "announced and published as a rule) are sources dating it differently."
            ),
            empty_message="No events in this selection: widen the years or pick other actors.",
        )

    # ------------------------------------------------------------------ drawing

    def _setup_axes(self) -> None:
        """Create every artist once; :meth:`_draw` only updates them."""
        ax = self.panel.ax
        # No tick machinery (it rebuilds tick artists on every change): year boundaries are
        # one LineCollection and each year's label a plain text centred under its span.
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        self._year_lines = LineCollection(
            [], colors="#dddddd", linewidths=1, zorder=0, transform=ax.get_xaxis_transform()
        )
        ax.add_collection(self._year_lines)
        self._year_ticks = LineCollection(
            [], colors="black", linewidths=1, transform=ax.get_xaxis_transform(), clip_on=False
        )
        ax.add_collection(self._year_ticks)
        self._year_labels: list = []
        self._title = ax.set_title("", fontsize=15, loc="left")
        self._references = LineCollection(
            [], linewidths=1.5, linestyles="dashed", colors="#555555", zorder=1
        )
        ax.add_collection(self._references)
        self._spans = LineCollection([], linewidths=8, alpha=0.35)
        ax.add_collection(self._spans)
        self._exact = ax.scatter(
            [], [], s=120, edgecolors="black", linewidths=0.8, zorder=3, label="_exact"
        )
        self._vague = ax.scatter(
            [], [], s=120, facecolors="white", linewidths=2, zorder=3, label="_vague"
        )
        self._empty = ax.text(
            0.5,
            0.5,
            "No events in this selection",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=15,
            visible=False,
        )
        self._labels: list = []
        self._legend_key: tuple | None = None

    def _draw_years(self, start: int, end: int) -> None:
        ax = self.panel.ax
        bounds = [mdates.date2num(np.datetime64(f"{y}-01-01")) for y in range(start, end + 2)]
        self._year_lines.set_segments([[(x, 0), (x, 1)] for x in bounds])
        self._year_ticks.set_segments([[(x, 0), (x, -0.03)] for x in bounds])
        while len(self._year_labels) < end - start + 1:
            self._year_labels.append(
                ax.text(
                    0,
                    -0.04,
                    "",
                    transform=ax.get_xaxis_transform(),
                    ha="center",
                    va="top",
                    fontsize=14,
                    clip_on=False,
                )
            )
        for index, label in enumerate(self._year_labels):
            year = start + index
            label.set_visible(year <= end)
            if year <= end:
                label.set_x((bounds[index] + bounds[index + 1]) / 2)
                label.set_text(str(year))

    def _label_artist(self, index: int):
        while len(self._labels) <= index:
            self._labels.append(
                self.panel.ax.annotate(
                    "",
                    (0, 0),
                    xytext=(12, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=13,
                    annotation_clip=False,
                )
            )
        return self._labels[index]

    def _draw(self, frame: pd.DataFrame, start: int, end: int) -> None:
        ax = self.panel.ax
        left = mdates.date2num(np.datetime64(f"{start}-01-01"))
        right = mdates.date2num(np.datetime64(f"{end + 1}-01-01"))
        ax.set_xlim(left - 20, right + 20)
        self._draw_years(start, end)
        count = len(frame)
        ax.set_ylim(-0.8, max(count, 1) - 0.2)
        self._title.set_text(self.title)
        self._empty.set_visible(count == 0)
        dates = mdates.date2num(frame["date"].to_numpy())
        rows = np.arange(count)[::-1].astype(float)  # earliest event on top
        colours = np.array(
            [self._colours.get(str(kind), "#666666") for kind in frame["kind"]], dtype=object
        )
        precisions = frame["date_precision"].astype(str).to_numpy()
        exact = precisions == "day"
        self._exact.set_offsets(np.column_stack([dates[exact], rows[exact]]).reshape(-1, 2))
        self._exact.set_facecolors(list(colours[exact]))
        vague = ~exact
        ends = (
            mdates.date2num(
                [
                    _precision_end(pd.Timestamp(d), p).to_datetime64()
                    for d, p in zip(frame["date"][vague], precisions[vague], strict=True)
                ]
            )
            if vague.any()
            else np.array([])
        )
        self._vague.set_offsets(np.column_stack([dates[vague], rows[vague]]).reshape(-1, 2))
        self._vague.set_edgecolors(list(colours[vague]))
        self._spans.set_segments(
            [[(d, r), (e, r)] for d, e, r in zip(dates[vague], ends, rows[vague], strict=True)]
        )
        self._spans.set_colors(list(colours[vague]))
        middle = (left + right) / 2
        last_day = dates.copy()
        last_day[vague] = ends  # a label right of a span starts after the span
        for index, (row, date, end_date, when, event_id) in enumerate(
            zip(rows, dates, last_day, frame["when"], frame["event_id"], strict=True)
        ):
            label = self._label_artist(index)
            on_left = date > middle
            label.xy = (date if on_left else end_date, row)
            label.xyann = (-12 if on_left else 12, 0)
            label.set_horizontalalignment("right" if on_left else "left")
            label.set_text(f"{when}  {event_id}")
            label.set_visible(True)
        for label in self._labels[count:]:
            label.set_visible(False)
        reference = frame["is_reference"].to_numpy(dtype=bool)
        self._references.set_segments([[(d, -1.0), (d, float(count))] for d in dates[reference]])
        self._update_key(frame, bool(vague.any()))

    def _update_key(self, frame: pd.DataFrame, any_vague: bool) -> None:
        """The colour key, as HTML above the figure (cheaper than a legend in every PNG)."""
        kinds = tuple(dict.fromkeys(str(k) for k in frame["kind"]))
        key = (kinds, any_vague)
        if key == self._legend_key:
            return
        self._legend_key = key
        dot = (
            "<span style='display:inline-block;width:0.9em;height:0.9em;border-radius:50%;"
            "border:{border};background:{fill};vertical-align:middle;margin:0 0.3em 0 1em'>"
            "</span>"
        )
        items = [
            dot.format(border="1px solid black", fill=self._colours.get(kind, "#666666"))
            + html.escape(kind)
            for kind in kinds
        ]
        if any_vague:
            items.append(
                dot.format(border="2px solid #666666", fill="white")
                + "hollow, with a shaded span: dated to the month or year only"
            )
        items.append(
            "<span style='display:inline-block;width:1.2em;border-top:2px dashed #555;"
            "vertical-align:middle;margin:0 0.3em 0 1em'></span>the review's release"
        )
        self.key.value = (
            "<div style='font-size:14px;line-height:1.8'><b>Colour = kind of event:</b>"
            + "".join(items)
            + "</div>"
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
