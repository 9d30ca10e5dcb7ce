"""Notebook 02's capability comparison: pick actors and a category; see counts as ranges.

A count the source gives as a range (China's 75–100 ICBMs) is drawn as a bar from low to high
with both ends labelled, a single figure as a point, and a capability without any number is
listed as "no figure given" — never drawn as zero.

>>> from mdr_data.widgets import capability_compare
>>> tool = capability_compare(actors=["CHN"], category="ICBM")
>>> tool.current_table[["count_low", "count_high"]].iloc[0].tolist()
[75, 100]
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

import mdr_data
from mdr_data import plots, vocabulary
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import FigurePanel, TablePanel, Tool, labelled, source_phrase

__all__ = ["ALL", "CapabilityCompare", "capability_compare"]

ALL = "(all categories)"
#: The offensive-missile states notebook 02 is about (those present are selected by default).
DEFAULT_ACTORS = ("CHN", "RUS", "PRK", "IRN", "SOUTH_ASIA")
#: Height in inches of the figure when the selection has no rows (just a one-line message).
EMPTY_HEIGHT = 0.7
#: How many pictures of selections already drawn are kept (the oldest is dropped first).
TABLE_COLUMNS = ["actor", "category", "system", "status", "count", "source_id", "confidence"]


def count_text(low, high) -> str:
    """Write a count as the source gives it: a range, a single figure or "no figure given".

    >>> count_text(75, 100), count_text(4, 4), count_text(None, None)
    ('75–100', '4', 'no figure given')
    """
    low = None if pd.isna(low) else int(low)
    high = None if pd.isna(high) else int(high)
    if low is None and high is None:
        return "no figure given"
    if low is None or high is None or low == high:
        return f"{low if low is not None else high:,}"
    return f"{low:,}–{high:,}"


class CapabilityCompare(Tool):
    """The capability comparison; build it with :func:`capability_compare`.

    Controls: ``actors`` (multi-select), ``category``. State: ``current_table`` (the matching
    capability rows), ``no_figure`` (names of rows without a count), ``figure``, ``title``.
    The PNG of a selection already drawn is reused; ``figure`` is redrawn when read.
    """

    def __init__(self, actors=None, category: str | None = None, *, data_dir=None):
        super().__init__()
        self.data_dir = data_dir
        self._capabilities = mdr_data.capabilities(data_dir=data_dir)
        table = mdr_data.actors(data_dir=data_dir)
        self._names = dict(zip(table["actor_id"], table["name"], strict=True))
        holders = [a for a in table["actor_id"] if a in set(self._capabilities["actor_id"])]
        self._colours = plots.actor_colours(holders)
        self._cache: dict[tuple, pd.DataFrame] = {}
        if actors is None:
            chosen = [a for a in DEFAULT_ACTORS if a in holders] or holders[:4]
        else:
            chosen = [mdr_data.resolve_actor(a, data_dir=data_dir) for a in actors]
        present = set(self._capabilities["category"].astype(str))
        categories = [ALL, *[c for c in self._vocabulary() if c in present]]
        if category is None or category == ALL:
            category = ALL
        elif category not in categories:
            if category not in self._vocabulary():
                raise ValueError(unknown_value_message("category", category, categories[1:]))
            category = ALL  # a valid category without rows (yet): show everything instead
        self.actors = labelled(
            widgets.SelectMultiple(
                options=[(self._names.get(a, a), a) for a in holders],
                value=tuple(chosen),
                rows=min(max(len(holders), 3), 8),
            ),
            "actors",
            "Actors:",
        )
        self.category = labelled(
            widgets.Dropdown(options=categories, value=category), "category", "Category:"
        )
        self.panel = FigurePanel(
            "capabilities",
            figsize=(9, 5.2),
            dpi=80,
            margins={"left": 0.34, "right": 0.97, "top": 0.88, "bottom": 0.15},
        )
        self.table_panel = TablePanel("capability-table")
        self._finish(
            {"actors": self.actors, "category": self.category},
            [self.panel.image, self.table_panel.html],
        )

    @staticmethod
    def _height(rows: int) -> float:
        """Figure height in inches for ``rows`` drawn rows (two-line labels up to 10)."""
        return min(max(2.6, 1.35 + 0.6 * rows), 9.0)

    def _vocabulary(self) -> list[str]:
        return vocabulary.values("capabilities", "category", self.data_dir)

    def _rows(self, actors: tuple[str, ...], category: str) -> pd.DataFrame:
        key = (actors, category)
        if key not in self._cache:
            frame = self._capabilities
            mask = frame["actor_id"].isin(list(actors))
            if category != ALL:
                mask &= frame["category"].astype(str) == category
            order = {a: i for i, a in enumerate(self._names)}
            rows = frame.loc[mask]
            rows = rows.assign(_order=rows["actor_id"].map(order)).sort_values(
                ["_order", "category"], kind="stable"
            )
            self._cache[key] = rows.drop(columns="_order").reset_index(drop=True)
        return self._cache[key]

    @property
    def figure(self) -> Figure:
        """The chart of the current selection (drawn on demand when its PNG came from cache)."""
        self.panel.ensure_drawn()
        return self.panel.figure

    def _draw(self, rows: pd.DataFrame, category: str, empty: str) -> None:
        """Draw the range chart of ``rows`` (or the ``empty`` message) on the panel."""
        what = "All capability categories" if category == ALL else category
        missing = rows["count_low"].isna() & rows["count_high"].isna()
        drawn = len(rows) if len(rows) <= 10 else int((~missing).sum())
        if len(rows):
            self.panel.set_height(self._height(drawn), bottom=1.1 if drawn < len(rows) else 0.8)
        else:
            # A short strip with the message, not a tall blank chart.
            self.panel.set_height(EMPTY_HEIGHT, top=0.1, bottom=0.1)
        self.panel.clear()
        ax = self.panel.ax
        if len(rows):
            plots.range_chart(
                ax,
                rows,
                names=self._names,
                colours=self._colours,
                title=f"{what}: numbers as the sources give them"
                if category != ALL
                else "Numbers as the sources give them",
            )
        else:
            ax.text(
                0.5,
                0.5,
                empty,
                ha="center",
                va="center",
                fontsize=plots.BASE_FONT_SIZE,
                transform=self.panel.figure.transFigure,  # centred in the figure, not the axes
            )
            ax.set_axis_off()

    def update(self) -> None:
        """Redraw the range chart and the table for the selected actors and category."""
        actors = tuple(self.actors.value)
        category = self.category.value
        rows = self._rows(actors, category)
        self.current_table = rows
        names = [self._names.get(a, a) for a in actors]
        what = "All capability categories" if category == ALL else category
        who = ", ".join(names) if names else "no actor selected"
        if not names:
            empty = "No actor selected: pick one or more actors to compare their figures"
            self.title = f"{what}: no actor selected, so there is nothing to compare"
        elif rows.empty:
            # Say plainly that the data holds no such row; no source is claimed for it.
            empty = f"No {'capability' if category == ALL else category} figures for {who}"
            empty += " in the data"
            self.title = empty
        else:
            empty = ""
            sources = source_phrase(rows["source_id"], data_dir=self.data_dir)
            self.title = f"{what}: {who}, according to the 2019 MDR as reported by {sources}"
        missing = rows["count_low"].isna() & rows["count_high"].isna()
        self.no_figure = [
            f"{self._names.get(a, a)} ({c})"
            for a, c in zip(
                rows.loc[missing, "actor_id"], rows.loc[missing, "category"], strict=True
            )
        ]
        # The picture is a pure function of the selection (and of the data read when the tool
        # was built), so a selection drawn before reuses its PNG.
        self.panel.show((actors, category), lambda: self._draw(rows, category, empty))
        shown = pd.DataFrame(
            {
                "actor": [self._names.get(a, a) for a in rows["actor_id"]],
                "category": rows["category"].astype(str).tolist(),
                "system": rows["system"].tolist(),
                "status": rows["status"].astype(str).tolist(),
                "count": [
                    count_text(lo, hi)
                    for lo, hi in zip(rows["count_low"], rows["count_high"], strict=True)
                ],
                "source_id": rows["source_id"].tolist(),
                "confidence": rows["confidence"].astype(str).tolist(),
            },
            columns=TABLE_COLUMNS,
        )
        note = None
        if self.no_figure:
            note = "No figure given for: " + "; ".join(self.no_figure) + "."
        if "unverified" in set(shown["confidence"]):
            note = (note + " " if note else "") + (
                "Rows marked 'unverified' are reported only by the news article the course "
                "started from, not confirmed in the review itself."
            )
        self.table_panel.show(shown, self.title, empty_message=f"{empty}.", note=note)


def capability_compare(actors=None, category: str | None = None, *, data_dir=None):
    """Build the capability comparison for ``actors`` (ids or names) and a ``category``.

    ``category=None`` (the default) shows every category. By default the offensive-missile states of
    notebook 02 (China, Russia, North Korea, Iran, states in South Asia) are selected.

    >>> tool = capability_compare(category="ICBM")
    >>> "ICBM" in tool.title and "China" in tool.title
    True
    """
    return CapabilityCompare(actors, category, data_dir=data_dir)
