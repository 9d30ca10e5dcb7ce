"""Notebook 06's remix lab: a small question builder over any table.

Pick a table, a column to group by and a measure (rows, distinct sources, or the sum or maximum
of a count column) → a bar chart, the table of results and the one line of pandas that computes
them, ready to copy into a notebook. The computing is :func:`mdr_data.views.count_by` and
:func:`mdr_data.views.pandas_recipe`; this module only maps the controls onto them.

>>> lab = remix_lab()
>>> lab.table_name.value, lab.group_by.value, lab.measure.value
('claims', 'confidence', 'rows')
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

import mdr_data
from mdr_data.plots import OKABE_ITO
from mdr_data.views import count_by, group_columns, measures, pandas_recipe
from mdr_data.widgets._base import FigurePanel, TablePanel, Tool, add_classes, labelled, refill

__all__ = ["RemixLab", "remix_lab"]

_BAR_COLOUR = OKABE_ITO["blue"]
_MAX_BARS = 15
_RECIPE_HTML = (
    "<p style='margin:4px 0'><b>The same question in pandas:</b></p>"
    "<pre style='font-size:14px;white-space:pre-wrap'>{}</pre>"
)
_SUM_NOTE = (
    "A sum adds counts of different things (missiles, ships, launchers) and of different "
    "sources: read it as a question to check, not as a total."
)


class RemixLab(Tool):
    """The question builder: ``.table_name``, ``.group_by`` and ``.measure`` (Dropdowns).

    State for tests: ``.current_table`` (the grouped result), ``.figure``, ``.title`` and
    ``.recipe`` (the pandas line that computes the result).
    """

    def __init__(self, data_dir: str | None = None):
        super().__init__(data_dir)
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
            dpi=100,  # sharp on a projector (100–120 dpi)
            fmt="svg",  # text stays text: cheaper to draw, smaller to send (issue 13)
            margins={"left": 0.3, "right": 0.95, "top": 0.9, "bottom": 0.04},
        )
        self.chart = BarChart(self.panel.ax)
        self.table = TablePanel("remix")
        self.code = add_classes(widgets.HTML(), "mdr-output", "mdr-output-recipe")
        self._finish(
            {"table": self.table_name, "group_by": self.group_by, "measure": self.measure},
            [self.panel.image, self.code, self.table.html],
        )

    def _on_control_change(self, name: str) -> None:
        if name == "table":
            refill(self.group_by, group_columns(self.table_name.value))
            refill(self.measure, measures(self.table_name.value))  # "rows" comes first

    def _before_reset(self) -> None:
        self.group_by.options = group_columns(self.defaults["table"])
        self.measure.options = measures(self.defaults["table"])

    def update(self) -> None:
        """Recompute the grouped table and redraw the chart, the recipe and the table."""
        question = (self.table_name.value, self.group_by.value, self.measure.value)
        table, by, measure = question
        result = self.cached(question, lambda: count_by(*question, data_dir=self.data_dir))
        self.current_table = result
        self.recipe = pandas_recipe(table, by, measure)
        self.title = title = f"{result.columns[1]} by {by} in the {table} table"
        self.panel.show(
            question, lambda: self.chart.draw(result, by, title), alt=_alt_text(title, result)
        )
        self.code.value = _RECIPE_HTML.format(html.escape(self.recipe))
        self.table.show(
            result,
            caption=f"{title}: counted from mdr_data.load({table!r}); each row of that table "
            "cites its own source (source_id)",
            note=_SUM_NOTE if measure.startswith("sum:") else None,
            empty_message="This table has no rows yet.",
        )


def _alt_text(title: str, result: pd.DataFrame) -> str:
    """The chart in words: each bar's group and value, as drawn (the first 15)."""
    shown = result.head(_MAX_BARS)
    bars = [
        f"{group}: {'no figure given' if pd.isna(value) else value}"
        for group, value in zip(shown.iloc[:, 0], shown.iloc[:, 1], strict=True)
    ]
    more = f" (the first {_MAX_BARS} of {len(result)} groups)" if len(result) > _MAX_BARS else ""
    return f"Bar chart. {title}{more}: " + ("; ".join(bars) or "no rows") + "."


class BarChart:
    """Horizontal bars with their group and value written as plain texts (no tick machinery)."""

    def __init__(self, ax):
        self.ax = ax
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        self.title = ax.set_title("", fontsize=14, loc="left")
        self.title.set_x(-0.42)  # start near the figure's left edge, above the labels
        self._artists: list = []

    def draw(self, result: pd.DataFrame, by: str, title: str) -> None:
        """Draw the first rows of ``result`` (group, value) as bars, largest on top."""
        ax, value_column = self.ax, result.columns[1]
        for artist in self._artists:
            artist.remove()
        shown = result.head(_MAX_BARS)
        missing = shown[value_column].isna().to_numpy(dtype=bool)
        values = shown[value_column].fillna(0).to_numpy(dtype=float)
        positions = np.arange(len(shown))[::-1]
        self._artists = list(ax.barh(positions, values, color=_BAR_COLOUR, height=0.7).patches)
        size = 12 if len(shown) > 10 else 14
        label_side = ax.get_yaxis_transform()  # x in axes fraction, y in data
        for position, value, absent, label in zip(
            positions, values, missing, shown[by], strict=True
        ):
            self._artists.append(ax.text(-0.01, position, str(label), transform=label_side,
                                         ha="right", va="center", fontsize=size))  # fmt: skip
            text = " no figure given" if absent else f" {value:g}"
            self._artists.append(ax.text(value, position, text, va="center", fontsize=size))
        if len(shown) == 0:
            self._artists.append(
                ax.text(0.5, 0.5, "No rows", transform=ax.transAxes, ha="center", fontsize=15)
            )
        ax.set_xlim(0, max(values.max() if len(values) else 1, 1) * 1.2)
        ax.set_ylim(-0.6, max(len(shown), 1) - 0.4)
        more = f" (top {_MAX_BARS} of {len(result)})" if len(result) > _MAX_BARS else ""
        self.title.set_text(title + more)


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
