"""Notebook 00's table browser: pick a table, search it, filter a column, sort, show N rows.

>>> from mdr_data.widgets import table_browser
>>> browser = table_browser(table="actors")
>>> browser.search.value = "india"
>>> bool(browser.current_table["name"].str.contains("India").any())
True
>>> browser.title.startswith("Table 'actors'")
True
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import mdr_data
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import TablePanel, Tool, labelled

__all__ = ["TableBrowser", "table_browser"]

ANY = "(any value)"


class TableBrowser(Tool):
    """The table browser; build it with :func:`table_browser`.

    Controls: ``table``, ``search``, ``column``, ``value`` (options follow ``column``),
    ``sort_by`` (options follow ``table``), ``descending``, ``rows``. State: ``current_table``
    (all matching rows, sorted), ``shown_table`` (the first N), ``title``.
    """

    def __init__(self, table: str = "actors", *, rows: int = 10, data_dir=None):
        super().__init__()
        self.data_dir = data_dir
        self._frames: dict[str, pd.DataFrame] = {}
        self._haystacks: dict[str, pd.Series] = {}
        self._results: dict[tuple, pd.DataFrame] = {}
        names = mdr_data.list_tables()
        if table not in names:
            raise ValueError(unknown_value_message("table", table, names))
        columns = list(self._frame(table).columns)
        self.table = labelled(widgets.Dropdown(options=names, value=table), "table", "Table:")
        self.search = labelled(
            widgets.Text(value="", placeholder="words to find in any column"), "search", "Search:"
        )
        self.column = labelled(
            widgets.Dropdown(options=columns, value=columns[0]), "column", "Filter column:"
        )
        self.value = labelled(
            widgets.Dropdown(options=self._values(table, columns[0]), value=ANY), "value", "equals:"
        )
        self.sort_by = labelled(
            widgets.Dropdown(options=columns, value=columns[0]), "sort-by", "Sort by:"
        )
        self.descending = labelled(widgets.Checkbox(value=False), "descending", "Descending")
        self.rows = labelled(
            widgets.IntSlider(value=rows, min=1, max=100, continuous_update=False),
            "rows",
            "Rows shown:",
        )
        self.output = TablePanel("table")
        self._default_table = table
        self._finish(
            {
                "table": self.table,
                "search": self.search,
                "column": self.column,
                "value": self.value,
                "sort_by": self.sort_by,
                "descending": self.descending,
                "rows": self.rows,
            },
            [self.output.html],
            rows=[
                [self.table, self.search, self.rows],
                [self.column, self.value, self.sort_by, self.descending],
            ],
        )

    # ------------------------------------------------------------------ data

    def _frame(self, table: str) -> pd.DataFrame:
        if table not in self._frames:
            self._frames[table] = mdr_data.load(table, data_dir=self.data_dir)
        return self._frames[table]

    def _haystack(self, table: str) -> pd.Series:
        """One lower-case string per row joining every cell, for the text search."""
        if table not in self._haystacks:
            frame = self._frame(table)
            text = pd.Series([""] * len(frame), index=frame.index, dtype=object)
            for column in frame.columns:
                text = text + " " + frame[column].astype(object).fillna("").astype(str)
            self._haystacks[table] = text.str.lower()
        return self._haystacks[table]

    def _values(self, table: str, column: str) -> list[str]:
        values = self._frame(table)[column].dropna().astype(str).unique().tolist()
        return [ANY, *sorted(values)]

    def _result(self, key: tuple) -> pd.DataFrame:
        """Filtered, sorted rows for one selection (cached; never mutated)."""
        if key not in self._results:
            table, search, column, value, sort_by, descending = key
            frame = self._frame(table)
            mask = pd.Series(True, index=frame.index)
            for word in search.lower().split():
                mask &= self._haystack(table).str.contains(word, regex=False)
            if value != ANY and column in frame.columns:
                mask &= frame[column].astype(object).astype(str) == value
            result = frame.loc[mask]
            if sort_by in result.columns:
                result = result.sort_values(
                    sort_by, ascending=not descending, kind="stable", na_position="last"
                )
            self._results[key] = result.reset_index(drop=True)
        return self._results[key]

    # ------------------------------------------------------------------ reactions

    def _on_control_change(self, name: str) -> None:
        if name == "table":
            columns = list(self._frame(self.table.value).columns)
            self.column.options = columns
            self.column.value = columns[0]
            self.sort_by.options = columns
            self.sort_by.value = columns[0]
            name = "column"
        if name == "column":
            self.value.options = self._values(self.table.value, self.column.value)
            self.value.value = ANY

    def _before_reset(self) -> None:
        columns = list(self._frame(self._default_table).columns)
        self.column.options = columns
        self.sort_by.options = columns
        self.value.options = self._values(self._default_table, columns[0])

    def update(self) -> None:
        """Recompute the shown rows and caption from the controls."""
        table = self.table.value
        key = (
            table,
            self.search.value.strip(),
            self.column.value,
            self.value.value,
            self.sort_by.value,
            bool(self.descending.value),
        )
        self.current_table = self._result(key)
        self.shown_table = self.current_table.head(self.rows.value)
        total = len(self._frame(table))
        filters = []
        if key[1]:
            filters.append(f"containing {key[1]!r}")
        if key[3] != ANY:
            filters.append(f"where {key[2]} = {key[3]!r}")
        matched = f"{len(self.current_table)} of {total} rows"
        if filters:
            matched += " " + " and ".join(filters)
        order = "descending" if key[5] else "ascending"
        self.title = (
            f"Table '{table}': {matched}; showing {len(self.shown_table)}, "
            f"sorted by {key[4]} ({order}). Each row names its source in source_id "
            "(see mdr_data.sources())."
        )
        if table == "sources":
            self.title = self.title.replace(
                "Each row names its source in source_id (see mdr_data.sources()).",
                "These are the sources the other tables cite.",
            )
        self.output.show(self.shown_table, self.title)


def table_browser(table: str = "actors", *, rows: int = 10, data_dir=None) -> TableBrowser:
    """Build the table browser, starting on ``table`` with ``rows`` rows shown.

    >>> browser = table_browser(table="sources", rows=3)
    >>> len(browser.shown_table) <= 3, "sources" in browser.title
    (True, True)
    """
    return TableBrowser(table, rows=rows, data_dir=data_dir)
