"""Notebook 06's remix lab: a small question builder, and tidy joins for remixing the tables.

The question builder: pick a table, a column to group by and a measure (rows, distinct sources,
or the sum or maximum of a count column) → a bar chart, the table of results and the one line
of pandas that computes them, ready to copy into a notebook.

The helpers: :func:`count_by` (what the builder computes), :func:`tidy_capabilities` (each
capability with its actor's name, region and role and its source's title, publisher and kind)
and :func:`pandas_recipe` (the pandas code behind a question).

>>> lab = remix_lab()
>>> lab.table_name.value, lab.group_by.value, lab.measure.value
('claims', 'confidence', 'rows')
"""

from __future__ import annotations

import html
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

import mdr_data
from mdr_data.plots import OKABE_ITO
from mdr_data.tables import data_version
from mdr_data.views import count_by, group_columns, measures, pandas_recipe
from mdr_data.widgets._base import FigurePanel, TablePanel, Tool, add_classes, labelled

__all__ = ["RemixLab", "remix_lab"]

_BAR_COLOUR = OKABE_ITO["blue"]
_MAX_BARS = 15


@lru_cache(maxsize=128)
def _count(table: str, by: str, measure: str, data_dir: str | None, version) -> pd.DataFrame:
    """:func:`mdr_data.views.count_by`, cached per question and data version."""
    return count_by(table, by, measure, data_dir=data_dir)


class RemixLab(Tool):
    """The question builder: ``.table_name``, ``.group_by`` and ``.measure`` (Dropdowns).

    State for tests: ``.current_table`` (the grouped result), ``.figure``, ``.title`` and
    ``.recipe`` (the pandas line that computes the result).
    """

    def __init__(self, data_dir: str | None = None):
        super().__init__()
        self.data_dir = None if data_dir is None else str(data_dir)
        self._version = data_version(self.data_dir)  # the tool shows the data as it was built
        tables = [t for t in mdr_data.list_tables() if group_columns(t)]
        self.table_name = labelled(
            widgets.Dropdown(options=tables, value="claims"), "table", "Table:"
        )
        self.group_by = labelled(
            widgets.Dropdown(options=group_columns("claims"), value="confidence"),
            "group-by",
            "Group by:",
        )
        self.measure = labelled(
            widgets.Dropdown(options=measures("claims"), value="rows"), "measure", "Measure:"
        )
        self.panel = FigurePanel(
            "remix",
            figsize=(9.0, 4.8),
            dpi=80,
            margins={"left": 0.3, "right": 0.95, "top": 0.9, "bottom": 0.04},
            alt="Bar chart of the chosen measure for each group",
        )
        self._setup_axes()
        self.table = TablePanel("remix")
        self.code = add_classes(widgets.HTML(), "mdr-output", "mdr-output-recipe")
        self.current_table = pd.DataFrame()
        self.recipe = ""
        self._finish(
            {"table": self.table_name, "group_by": self.group_by, "measure": self.measure},
            [self.panel.image, self.code, self.table.html],
        )

    # ------------------------------------------------------------------ dependent options

    def _refill(self, table: str) -> None:
        columns = group_columns(table)
        keep = self.group_by.value
        self.group_by.options = columns
        self.group_by.value = keep if keep in columns else columns[0]
        options = measures(table)
        values = [value for _label, value in options]
        keep = self.measure.value
        self.measure.options = options
        self.measure.value = keep if keep in values else "rows"

    def _on_control_change(self, name: str) -> None:
        if name == "table":
            self._refill(self.table_name.value)

    def _before_reset(self) -> None:
        self.group_by.options = group_columns(self.defaults["table"])
        self.measure.options = measures(self.defaults["table"])

    # ------------------------------------------------------------------ output

    @property
    def figure(self) -> Figure:
        """The chart of the current question (drawn on demand when its PNG came from cache)."""
        self.panel.ensure_drawn()
        return self.panel.figure

    def update(self) -> None:
        """Recompute the grouped table and redraw the chart, the recipe and the table."""
        table, by, measure = self.table_name.value, self.group_by.value, self.measure.value
        result = _count(table, by, measure, self.data_dir, self._version)
        value_column = result.columns[1]
        self.current_table = result
        self.recipe = pandas_recipe(table, by, measure)
        self.title = f"{value_column} by {by} in the {table} table"
        self.panel.show((table, by, measure), lambda: self._draw(result, by, value_column))
        self.code.value = (
            "<p style='margin:4px 0'><b>The same question in pandas:</b></p>"
            f"<pre style='font-size:14px;white-space:pre-wrap'>{html.escape(self.recipe)}</pre>"
        )
        self.table.show(
            result,
            caption=(
                f"{self.title}: counted from mdr_data.load({table!r}); each row of that table "
                "cites its own source (source_id)"
            ),
            note=(
                "A sum adds counts of different things (missiles, ships, launchers) and of "
                "different sources: read it as a question to check, not as a total."
                if measure.startswith("sum:")
                else None
            ),
            empty_message="This table has no rows yet.",
        )

    # ------------------------------------------------------------------ drawing

    def _setup_axes(self) -> None:
        """Fix what never changes. No tick machinery: labels are plain texts (much cheaper)."""
        ax = self.panel.ax
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        self._title = ax.set_title("", fontsize=14, loc="left")
        self._title.set_x(-0.42)  # start near the figure's left edge, above the labels
        self._artists: list = []

    def _draw(self, result: pd.DataFrame, by: str, value_column: str) -> None:
        ax = self.panel.ax
        for artist in self._artists:
            artist.remove()
        shown = result.head(_MAX_BARS)
        missing = shown[value_column].isna().to_numpy(dtype=bool)
        values = shown[value_column].fillna(0).to_numpy(dtype=float)
        positions = np.arange(len(shown))[::-1]
        bars = ax.barh(positions, values, color=_BAR_COLOUR, height=0.7)
        artists = list(bars.patches)
        size = 12 if len(shown) > 10 else 14
        label_side = ax.get_yaxis_transform()  # x in axes fraction, y in data
        for position, value, absent, label in zip(
            positions, values, missing, shown[by], strict=True
        ):
            artists.append(
                ax.text(
                    -0.01,
                    position,
                    str(label),
                    transform=label_side,
                    ha="right",
                    va="center",
                    fontsize=size,
                )
            )
            text = " no figure given" if absent else f" {value:g}"
            artists.append(ax.text(value, position, text, va="center", fontsize=size))
        if len(shown) == 0:
            artists.append(
                ax.text(0.5, 0.5, "No rows", transform=ax.transAxes, ha="center", fontsize=15)
            )
        self._artists = artists
        ax.set_xlim(0, max(values.max() if len(values) else 1, 1) * 1.2)
        ax.set_ylim(-0.6, max(len(shown), 1) - 0.4)
        more = f" (top {_MAX_BARS} of {len(result)})" if len(result) > _MAX_BARS else ""
        self._title.set_text(self.title + more)


def remix_lab(data_dir: str | None = None) -> RemixLab:
    """Build the question builder (notebook 06); display the returned object.

    >>> lab = remix_lab()
    >>> lab.table_name.value = "capabilities"
    >>> lab.group_by.value = "actor_id"
    >>> lab.current_table.columns.tolist()
    ['actor_id', 'Number of rows']
    >>> lab.reset(); lab.table_name.value
    'claims'
    """
    return RemixLab(data_dir)
