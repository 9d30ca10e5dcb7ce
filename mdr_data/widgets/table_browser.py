"""Notebook 00's table browser: pick a table, search it, filter a column, sort, show N rows.

The table shows the columns chosen in *Columns* (``table[[...]]`` in pandas): by default the
row's id and name, what it records, then ``source_id`` and ``confidence``, so that both stay in
view in a projected notebook; ``evidence``, ``notes`` and the rest are one click away, and long
text wraps rather than being cut.

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

#: The columns shown when a table is chosen, in this order (source and confidence before long
#: text). A table not listed here (a remixed copy's) shows every column.
SHOWN_COLUMNS = {
    "sources": ["source_id", "publisher", "published", "kind", "title"],
    "actors": ["actor_id", "name", "region", "role", "source_id", "confidence", "named_in_review"],
    "capabilities": [
        "actor_id", "category", "system", "count_low", "count_high", "source_id", "confidence",
    ],
    "relationships": ["actor_from", "actor_to", "kind", "year", "source_id", "confidence"],
    "places": ["place_id", "name", "actor_id", "kind", "source_id", "confidence"],
    "events": ["date", "kind", "source_id", "confidence", "title"],
    "event_actors": ["event_id", "actor_id", "role", "source_id", "evidence"],
    "claims": ["said_by", "theme", "source_id", "confidence", "text"],
    "glossary": ["term", "expansion", "source_id", "definition"],
}  # fmt: skip


def column_choices(table: str, columns: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The Columns control's options (shown ones first, in order) and its default selection.

    >>> glossary = ["term", "expansion", "definition", "source_id"]
    >>> options, shown = column_choices("glossary", glossary)
    >>> options, shown == tuple(options)
    (['term', 'expansion', 'source_id', 'definition'], True)
    >>> column_choices("mine", ["a", "b"])
    (['a', 'b'], ('a', 'b'))
    """
    shown = [c for c in SHOWN_COLUMNS.get(table, columns) if c in columns] or list(columns)
    return [*shown, *(c for c in columns if c not in shown)], tuple(shown)


class TableBrowser(Tool):
    """The table browser; build it with :func:`table_browser`.

    Controls: ``table``, ``search``, ``column``, ``value`` (options follow ``column``),
    ``sort_by`` (options follow ``table``), ``descending``, ``rows``. State: ``current_table``
    (all matching rows, sorted, every column), ``shown_table`` (the first N, the chosen
    ``columns``), ``title``.
    """

    def __init__(self, table: str = "actors", *, rows: int = 10, data_dir=None):
        super().__init__(data_dir)
        names = mdr_data.list_tables()
        if table not in names:
            raise ValueError(unknown_value_message("table", table, names))
        columns = list(self._frame(table).columns)
        controls = _controls(names, table, columns, self._values(table, columns[0]), rows)
        self.table, self.search, self.rows = controls["table"], controls["search"], controls["rows"]
        self.columns = controls["columns"]
        self.column, self.value = controls["column"], controls["value"]
        self.sort_by, self.descending = controls["sort_by"], controls["descending"]
        self.output = TablePanel("table")
        self._finish(
            controls,
            [self.output.html],
            rows=[
                [self.table, self.search, self.rows],
                [self.column, self.value, self.sort_by, self.descending],
                [self.columns],
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
            self.columns.options, self.columns.value = column_choices(self.table.value, columns)
        if name in ("table", "column"):
            self.value.options = self._values(self.table.value, self.column.value)
            self.value.value = ANY

    def _before_reset(self) -> None:
        columns = list(self._frame(self.defaults["table"]).columns)
        self.column.options = self.sort_by.options = columns
        self.columns.options = column_choices(self.defaults["table"], columns)[0]
        self.value.options = self._values(self.defaults["table"], columns[0])

    def update(self) -> None:
        """Recompute the shown rows and caption from the controls."""
        table, search = self.table.value, self.search.value.strip()
        query = (search, self.column.value, self.value.value, self.sort_by.value)
        key = (table, *query, bool(self.descending.value))
        frame = self._frame(table)
        haystack = self.cached(("haystack", table), lambda: _haystack(frame))
        self.current_table = self.cached(key, lambda: _result(frame, haystack, *key[1:]))
        chosen = [c for c in self.columns.options if c in self.columns.value]
        self.shown_table = self.current_table.head(self.rows.value)[chosen]
        self.title = _title(key, len(self.current_table), len(frame), len(self.shown_table))
        self.output.show(self.shown_table, self.title)


def _controls(tables: list[str], table: str, columns: list[str], values: list[str], rows: int):
    """The browser's eight controls, by name, each with its label and CSS class."""
    options, shown = column_choices(table, columns)
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
        "columns": labelled(
            widgets.SelectMultiple(options=options, value=shown, rows=4), "columns", "Columns:"
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
