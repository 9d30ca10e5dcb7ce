"""Notebook 00's table browser: pick a table, search it, filter a column, sort, show N rows.

>>> from mdr_data.widgets.table_browser import table_browser
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
        super().__init__(data_dir)
        names = mdr_data.list_tables()
        if table not in names:
            raise ValueError(unknown_value_message("table", table, names))
        columns = list(self._frame(table).columns)
        controls = _controls(names, table, columns, self._values(table, columns[0]), rows)
        self.table, self.search, self.rows = controls["table"], controls["search"], controls["rows"]
        self.column, self.value = controls["column"], controls["value"]
        self.sort_by, self.descending = controls["sort_by"], controls["descending"]
        self.output = TablePanel("table")
        self._finish(
            controls,
            [self.output.html],
            rows=[
                [self.table, self.search, self.rows],
                [self.column, self.value, self.sort_by, self.descending],
            ],
        )

    def _frame(self, table: str) -> pd.DataFrame:
        return self.cached(("table", table), lambda: mdr_data.load(table, data_dir=self.data_dir))

    def _values(self, table: str, column: str) -> list[str]:
        values = self._frame(table)[column].dropna().astype(str).unique().tolist()
        return [ANY, *sorted(values)]

    def _on_control_change(self, name: str) -> None:
        if name == "table":
            columns = list(self._frame(self.table.value).columns)
            for control in (self.column, self.sort_by):
                control.options = columns
                control.value = columns[0]
        if name in ("table", "column"):
            self.value.options = self._values(self.table.value, self.column.value)
            self.value.value = ANY

    def _before_reset(self) -> None:
        columns = list(self._frame(self.defaults["table"]).columns)
        self.column.options = self.sort_by.options = columns
        self.value.options = self._values(self.defaults["table"], columns[0])

    def update(self) -> None:
        """Recompute the shown rows and caption from the controls."""
        table, search = self.table.value, self.search.value.strip()
        query = (search, self.column.value, self.value.value, self.sort_by.value)
        key = (table, *query, bool(self.descending.value))
        frame = self._frame(table)
        haystack = self.cached(("haystack", table), lambda: _haystack(frame))
        self.current_table = self.cached(key, lambda: _result(frame, haystack, *key[1:]))
        self.shown_table = self.current_table.head(self.rows.value)
        self.title = _title(key, len(self.current_table), len(frame), len(self.shown_table))
        self.output.show(self.shown_table, self.title)


def _controls(tables: list[str], table: str, columns: list[str], values: list[str], rows: int):
    """The browser's seven controls, by name, each with its label and CSS class."""
    return {
        "table": labelled(widgets.Dropdown(options=tables, value=table), "table", "Table:"),
        "search": labelled(
            widgets.Text(value="", placeholder="words to find in any column"), "search", "Search:"
        ),
        "column": labelled(
            widgets.Dropdown(options=columns, value=columns[0]), "column", "Filter column:"
        ),
        "value": labelled(widgets.Dropdown(options=values, value=ANY), "value", "equals:"),
        "sort_by": labelled(
            widgets.Dropdown(options=columns, value=columns[0]), "sort-by", "Sort by:"
        ),
        "descending": labelled(widgets.Checkbox(value=False), "descending", "Descending"),
        "rows": labelled(
            widgets.IntSlider(value=rows, min=1, max=100, continuous_update=False),
            "rows",
            "Rows shown:",
        ),
    }


def _haystack(frame: pd.DataFrame) -> pd.Series:
    """One lower-case string per row joining every cell, for the text search."""
    text = pd.Series([""] * len(frame), index=frame.index, dtype=object)
    for column in frame.columns:
        text = text + " " + frame[column].astype(object).fillna("").astype(str)
    return text.str.lower()


def _result(frame, haystack, search, column, value, sort_by, descending) -> pd.DataFrame:
    """The rows containing every word of ``search`` and whose ``column`` equals ``value``."""
    mask = pd.Series(True, index=frame.index)
    for word in search.lower().split():
        mask &= haystack.str.contains(word, regex=False)
    if value != ANY and column in frame.columns:
        mask &= frame[column].astype(object).astype(str) == value
    result = frame.loc[mask]
    if sort_by in result.columns:
        result = result.sort_values(
            sort_by, ascending=not descending, kind="stable", na_position="last"
        )
    return result.reset_index(drop=True)


def _title(key: tuple, matched: int, total: int, shown: int) -> str:
    table, search, column, value, sort_by, descending = key
    filters = [f"containing {search!r}"] if search else []
    if value != ANY:
        filters.append(f"where {column} = {value!r}")
    rows = " ".join([f"{matched} of {total} rows", " and ".join(filters)]).strip()
    order = "descending" if descending else "ascending"
    cited = (
        "These are the sources the other tables cite."
        if table == "sources"
        else "Each row names its source in source_id (see mdr_data.sources())."
    )
    return f"Table '{table}': {rows}; showing {shown}, sorted by {sort_by} ({order}). {cited}"


def table_browser(table: str = "actors", *, rows: int = 10, data_dir=None) -> TableBrowser:
    """Build the table browser, starting on ``table`` with ``rows`` rows shown.

    >>> browser = table_browser(table="sources", rows=3)
    >>> len(browser.shown_table) <= 3, "sources" in browser.title
    (True, True)
    """
    return TableBrowser(table, rows=rows, data_dir=data_dir)
