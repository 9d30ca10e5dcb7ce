"""Notebook 02's capability comparison: pick actors, a category and a unit; see figures as ranges.

One unit at a time: figures in kilometres are never drawn on the same axis as counts of
missiles. A figure the source gives as a range (China's 75–100 ICBMs) is drawn as a bar from low
to high with both ends labelled, a single figure as a point. Rows without any figure are listed
in the note under the table, and shown on their own under the unit choice "(no figure given)" —
never drawn as zero.

>>> from mdr_data.widgets.capability_compare import capability_compare
>>> tool = capability_compare(actors=["CHN"], category="ICBM", unit="missiles")
>>> tool.current_table[["count_low", "count_high"]].iloc[0].tolist()
[75, 100]
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

import mdr_data
from mdr_data import plots, vocabulary
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import (
    FigurePanel,
    TablePanel,
    Tool,
    clear_axes,
    labelled,
    source_phrase,
)

__all__ = ["ALL", "NO_FIGURE", "CapabilityCompare", "capability_compare", "count_text"]

ALL = "(all categories)"
#: The unit choice that shows the rows whose source gives no figure (they have no unit).
NO_FIGURE = "(no figure given)"
#: The offensive-missile states notebook 02 is about (those present are selected by default).
DEFAULT_ACTORS = ("CHN", "RUS", "PRK", "IRN", "SOUTH_ASIA")
#: Height in inches of the figure when the selection has no rows (just a one-line message).
EMPTY_HEIGHT = 0.7
TABLE_COLUMNS = ["actor", "category", "system", "status", "count", "source_id", "confidence"]
UNVERIFIED_NOTE = (
    "Rows marked 'unverified' are reported only by the news article the course started from, "
    "not confirmed in the review itself."
)


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

    Controls: ``actors`` (multi-select), ``category``, ``unit``. State: ``current_table`` (the
    matching capability rows in the unit), ``no_figure`` (names of the selection's rows without a
    figure, whatever the unit), ``figure``, ``title``.
    """

    def __init__(self, actors=None, category: str | None = None, unit=None, *, data_dir=None):
        super().__init__(data_dir)
        self._capabilities = mdr_data.capabilities(data_dir=self.data_dir)
        table = mdr_data.actors(data_dir=self.data_dir)
        self._names = dict(zip(table["actor_id"], table["name"], strict=True))
        holders = [a for a in table["actor_id"] if a in set(self._capabilities["actor_id"])]
        self._colours = plots.actor_colours(holders)
        categories = _categories(self._capabilities, self.data_dir)
        self.actors = labelled(
            widgets.SelectMultiple(
                options=[(self._names.get(a, a), a) for a in holders],
                value=_chosen(actors, holders, self.data_dir),
                rows=min(max(len(holders), 3), 8),
            ),
            "actors",
            "Actors:",
        )
        self.category = labelled(
            widgets.Dropdown(
                options=categories, value=_category(category, categories, self.data_dir)
            ),
            "category",
            "Category:",
        )
        self.unit = _unit_control(self, unit)
        self.panel = FigurePanel(
            "capabilities",
            figsize=(9, 5.2),
            dpi=100,  # sharp on a projector (100–120 dpi)
            fmt="svg",  # text stays text: cheaper to draw, smaller to send (issue 13)
            margins={"left": 0.34, "right": 0.97, "top": 0.88, "bottom": 0.15},
        )
        self.table_panel = TablePanel("capability-table")
        self._finish(
            {"actors": self.actors, "category": self.category, "unit": self.unit},
            [self.panel.image, self.table_panel.html],
        )

    def update(self) -> None:
        """Redraw the range chart and the table for the selected actors, category and unit."""
        actors, category, unit = tuple(self.actors.value), self.category.value, self.unit.value
        selection = self.cached(
            (actors, category), lambda: _rows(self._capabilities, self._names, actors, category)
        )
        rows = _in_unit(selection, unit)
        self.current_table = rows
        names = [self._names.get(a, a) for a in actors]
        self.title, empty = _title(category, unit, names, rows, self.data_dir)
        self.no_figure = _no_figure(selection, self._names)
        # The picture is a pure function of the selection (and of the data read when the tool
        # was built), so a selection drawn before reuses its PNG.
        self.panel.show(
            (actors, category, unit),
            lambda: _draw(self.panel, rows, (category, unit), empty, self._names, self._colours),
            alt=_alt_text(self.title, empty, rows, self._names),
        )
        shown = _table(rows, self._names)
        about = _about_table(self.title, empty, self.no_figure, shown, rows, self.data_dir)
        self.table_panel.show(shown, **about)


def _unit_control(tool: CapabilityCompare, unit: str | None) -> widgets.Dropdown:
    """The unit menu, starting on ``unit`` or on the initial selection's commonest unit."""
    chosen = _rows(tool._capabilities, tool._names, tool.actors.value, tool.category.value)
    return labelled(
        widgets.Dropdown(
            options=_units(tool._capabilities, tool.data_dir),
            value=_unit(unit, chosen, tool._capabilities, tool.data_dir),
        ),
        "unit",
        "Unit:",
    )


def _chosen(actors, holders: list[str], data_dir) -> tuple[str, ...]:
    """The actors selected at the start: those asked for, else notebook 02's states."""
    if actors is None:
        return tuple([a for a in DEFAULT_ACTORS if a in holders] or holders[:4])
    return tuple(mdr_data.resolve_actor(a, data_dir=data_dir) for a in actors)


def _categories(capabilities: pd.DataFrame, data_dir) -> list[str]:
    """ALL, then the schema's categories that have rows, in the schema's order."""
    present = set(capabilities["category"].astype(str))
    order = vocabulary.values("capabilities", "category", data_dir)
    return [ALL, *[c for c in order if c in present]]


def _category(category: str | None, categories: list[str], data_dir) -> str:
    """The category selected at the start (ValueError for a value the schema does not know)."""
    if category in categories:
        return category
    if category is not None and category not in vocabulary.values(
        "capabilities", "category", data_dir
    ):
        raise ValueError(unknown_value_message("category", category, categories[1:]))
    return ALL  # None, or a valid category without rows (yet): show everything instead


def _rows(capabilities: pd.DataFrame, names: dict, actors: tuple, category: str) -> pd.DataFrame:
    """The selected actors' capability rows, in the actors table's order, then by category."""
    order = {a: i for i, a in enumerate(names)}
    mask = capabilities["actor_id"].isin(list(actors))
    if category != ALL:
        mask &= capabilities["category"].astype(str) == category
    rows = capabilities.loc[mask]
    rows = rows.assign(_order=rows["actor_id"].map(order))
    rows = rows.sort_values(["_order", "category"], kind="stable")
    return rows.drop(columns="_order").reset_index(drop=True)


def _units(capabilities: pd.DataFrame, data_dir) -> list[str]:
    """The schema's units that have rows, in the schema's order, then NO_FIGURE."""
    present = set(capabilities["unit"].dropna().astype(str))
    order = vocabulary.values("capabilities", "unit", data_dir)
    return [*[u for u in order if u in present], NO_FIGURE]


def _unit(unit: str | None, rows: pd.DataFrame, capabilities: pd.DataFrame, data_dir) -> str:
    """The unit selected at the start: the one asked for, else the selection's commonest unit."""
    units = _units(capabilities, data_dir)
    if unit is not None:
        if unit not in units:
            raise ValueError(unknown_value_message("unit", unit, units))
        return unit
    counts = rows["unit"].dropna().astype(str).value_counts()
    if counts.empty:
        return NO_FIGURE
    # The most rows; ties go to the schema's order (units lists them in that order).
    return max(units[:-1], key=lambda u: (counts.get(u, 0), -units.index(u)))


def _in_unit(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The rows with a figure in ``unit``, or (NO_FIGURE) the rows without any figure."""
    if unit == NO_FIGURE:
        keep = rows["count_low"].isna() & rows["count_high"].isna()
    else:
        keep = rows["unit"].astype("string") == unit
    return rows.loc[keep.fillna(False)].reset_index(drop=True)


def _no_figure(rows: pd.DataFrame, names: dict[str, str]) -> list[str]:
    """ "Actor (category)" for each row with no count at all."""
    missing = rows["count_low"].isna() & rows["count_high"].isna()
    chosen = zip(rows.loc[missing, "actor_id"], rows.loc[missing, "category"], strict=True)
    return [f"{names.get(a, a)} ({c})" for a, c in chosen]


def _title(
    category: str, unit: str, names: list[str], rows: pd.DataFrame, data_dir
) -> tuple[str, str]:
    """The tool's title, and the message drawn instead of an empty chart ("" when not empty)."""
    what = "All capability categories" if category == ALL else category
    what += ", without a figure" if unit == NO_FIGURE else f", in {unit}"
    if not names:
        empty = "No actor selected: pick one or more actors to compare their figures"
        return f"{what}: no actor selected, so there is nothing to compare", empty
    who = ", ".join(names)
    if rows.empty:
        # Say plainly that the data holds no such row; no source is claimed for it.
        kind = "capability" if category == ALL else category
        in_unit = "rows without a figure" if unit == NO_FIGURE else f"figures in {unit}"
        empty = f"No {kind} {in_unit} for {who} in the data: try another unit"
        return empty, empty
    sources = source_phrase(rows["source_id"], data_dir=data_dir)
    # The rows' own sources: not all of them report the review (GBI counts come from base reports).
    return f"{what}: {who}, according to {sources}", ""


def _about_table(title, empty, no_figure, shown, rows, data_dir) -> dict:
    """Caption (short), empty message, note and sources (a collapsed list) of the table."""
    sources = source_phrase(rows["source_id"], data_dir=data_dir) if len(rows) else ""
    return {
        "caption": _caption(title, sources),
        "empty_message": f"{empty}.",
        "note": _note(no_figure, shown),
        "sources": sources or None,
    }


def _caption(title: str, sources: str) -> str:
    """The table's caption: the title, its list of sources replaced by a pointer to the
    collapsed list under the table (a short caption on a projector).

    >>> _caption("ICBM: China, according to CNBC (cnbc-2019-01-17)", "CNBC (cnbc-2019-01-17)")
    'ICBM: China, according to the sources listed under the table'
    """
    if sources and title.endswith(sources):
        return title.removesuffix(sources) + "the sources listed under the table"
    return title


def _height(rows: int) -> float:
    """Figure height in inches for ``rows`` drawn rows (two-line labels up to 10)."""
    return min(max(2.6, 1.35 + 0.6 * rows), 9.0)


def _set_height(panel: FigurePanel, inches: float, *, top: float = 0.55, bottom: float = 0.8):
    """Change the figure's height, keeping the top and bottom margins fixed in inches."""
    figure = panel.figure
    width, height = figure.get_size_inches()
    if abs(height - inches) > 1e-6:
        figure.set_size_inches(width, inches)
    figure.subplots_adjust(top=1 - top / inches, bottom=bottom / inches)


def _draw(panel: FigurePanel, rows: pd.DataFrame, choice: tuple, empty: str, names, colours):
    """Draw the range chart of ``rows`` (or the ``empty`` message) on the panel.

    ``choice`` is (category, unit); the x-axis names the unit, the one unit drawn.
    """
    category, unit = choice
    missing = rows["count_low"].isna() & rows["count_high"].isna()
    drawn = min(len(rows) if len(rows) <= 10 else int((~missing).sum()), plots.MAX_RANGE_ROWS)
    if len(rows):
        _set_height(panel, _height(drawn), bottom=1.1 if drawn < len(rows) else 0.8)
    else:
        # A short strip with the message, not a tall blank chart.
        _set_height(panel, EMPTY_HEIGHT, top=0.1, bottom=0.1)
    clear_axes(panel.ax)
    if len(rows):
        title = "Numbers as the sources give them"
        if category != ALL:
            title = f"{category}: numbers as the sources give them"
        plots.range_chart(
            panel.ax, rows, names=names, colours=colours, title=title,
            max_rows=plots.MAX_RANGE_ROWS,
        )  # fmt: skip
        if unit != NO_FIGURE:
            label = f"{unit[0].upper()}{unit[1:]}, as the source gives them (a bar spans low–high)"
            panel.ax.set_xlabel(label, fontsize=plots.BASE_FONT_SIZE)
    else:
        centre = {"ha": "center", "va": "center", "transform": panel.figure.transFigure}
        panel.ax.text(0.5, 0.5, empty, fontsize=plots.BASE_FONT_SIZE, **centre)  # of the figure
        panel.ax.set_axis_off()


def _alt_text(title: str, empty: str, rows: pd.DataFrame, names: dict[str, str]) -> str:
    """The chart in words: each row's actor, category, system and figure, as drawn."""
    if empty:
        return f"Empty chart: {empty}."
    items = []
    for row in rows.head(plots.MAX_RANGE_ROWS).itertuples(index=False):  # those drawn, at most
        system = f" ({row.system})" if isinstance(row.system, str) and row.system else ""
        figure = count_text(row.count_low, row.count_high)
        flag = " (unverified)" if str(row.confidence) == "unverified" else ""
        items.append(
            f"{names.get(row.actor_id, row.actor_id)}, {row.category}{system}: {figure}{flag}"
        )
    if len(rows) > plots.MAX_RANGE_ROWS:
        items.append(f"and {len(rows) - plots.MAX_RANGE_ROWS:,} more rows, not drawn")
    return f"Range chart. {title}. " + "; ".join(items) + "."


def _table(rows: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The rows as the table under the chart shows them (counts written as ranges)."""
    return pd.DataFrame(
        {
            "actor": [names.get(a, a) for a in rows["actor_id"]],
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


#: The note under the table names at most this many rows without a figure, then counts the rest.
NAMED_WITHOUT_FIGURE = 40


def _note(no_figure: list[str], shown: pd.DataFrame) -> str | None:
    """Name the rows without a figure, and say what 'unverified' means when one is shown."""
    named = no_figure[:NAMED_WITHOUT_FIGURE]
    if len(no_figure) > len(named):
        named = [*named, f"and {len(no_figure) - len(named):,} more"]
    parts = ["No figure given for: " + "; ".join(named) + "."] if no_figure else []
    if "unverified" in set(shown["confidence"]):
        parts.append(UNVERIFIED_NOTE)
    return " ".join(parts) or None


def capability_compare(
    actors=None, category: str | None = None, unit: str | None = None, *, data_dir=None
):
    """Build the capability comparison for ``actors`` (ids or names), a ``category`` and a ``unit``.

    ``category=None`` (the default) shows every category. By default the offensive-missile states of
    notebook 02 (China, Russia, North Korea, Iran, states in South Asia) are selected.
    ``unit=None`` starts on the unit most of the selection's figures are in, so the first view
    shows figures; ``unit=NO_FIGURE`` lists the rows whose source gives none.

    >>> tool = capability_compare(category="ICBM")
    >>> "ICBM, in kilometres" in tool.title and "China" in tool.title
    True
    """
    return CapabilityCompare(actors, category, unit, data_dir=data_dir)
