"""The capability comparison: ranges stay ranges, one unit per chart, missing counts are named,
the default view shows figures, reset works."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import mdr_data
from mdr_data.widgets.capability_compare import (
    ALL,
    NO_FIGURE,
    capability_compare,
    count_text,
)

MINI = Path(__file__).parent / "fixtures" / "mini_data"


def _range_bars(ax):
    return [p for p in ax.patches if p.get_width() > 0 and p.get_height() > 0]


def test_china_icbm_is_drawn_as_a_range():
    tool = capability_compare(actors=["China"], category="ICBM", unit="missiles")
    row = tool.current_table.iloc[0]
    assert (row["count_low"], row["count_high"]) == (75, 100)
    bars = _range_bars(tool.panel.ax)
    assert len(bars) == 1 and (bars[0].get_x(), bars[0].get_width()) == (75, 25)
    labels = {t.get_text() for t in tool.panel.ax.texts}
    assert {"75", "100"} <= labels
    assert "75–100" in tool.table_panel.html.value
    assert tool.panel.png_bytes[:4] == b"\x89PNG"


def _a_short_selection_with_a_missing_count() -> tuple[str, str]:
    """(actor, category) of a row without a count whose selection is drawn row by row."""
    caps = mdr_data.capabilities()
    missing = caps[caps["count_low"].isna() & caps["count_high"].isna()]
    sizes = caps.groupby(["actor_id", "category"], observed=True).size()
    for actor, category in zip(missing["actor_id"], missing["category"].astype(str), strict=True):
        if sizes[(actor, category)] <= 10:  # more rows are summarised in one line instead
            return actor, category
    pytest.fail("the data has no short selection with a missing count")


def test_missing_counts_are_listed_not_zero():
    actor, category = _a_short_selection_with_a_missing_count()
    tool = capability_compare(actors=[actor], category=category)
    assert tool.no_figure, f"{actor} {category} has rows without a figure"
    assert "No figure given for" in tool.table_panel.html.value  # named whatever the unit
    tool.unit.value = NO_FIGURE
    assert "no figure given" in tool.table_panel.html.value
    assert "No figure given for" in tool.table_panel.html.value
    assert any(t.get_text() == "no figure given" for t in tool.panel.ax.texts)


def test_the_default_view_draws_figures_in_one_unit():
    """The first view a learner sees shows data in one unit, not a column of 'no figure given'."""
    tool = capability_compare()
    shown = tool.current_table
    assert tool.unit.value != NO_FIGURE and not shown.empty
    assert set(shown["unit"].astype(str)) == {tool.unit.value}
    assert shown["count_low"].notna().all()
    assert not any(t.get_text() == "no figure given" for t in tool.panel.ax.texts)
    assert tool.unit.value in tool.panel.ax.get_xlabel().lower()
    assert f"in {tool.unit.value}" in tool.title


def test_each_unit_is_drawn_on_its_own():
    tool = capability_compare(actors=["China"], category="ICBM")
    units = set()
    for unit in tool.unit.options[:-1]:
        tool.unit.value = unit
        if len(tool.current_table):
            assert set(tool.current_table["unit"].astype(str)) == {unit}
            units.add(unit)
    assert {"missiles", "kilometres"} <= units
    tool.unit.value = "ships"
    assert tool.current_table.empty and "try another unit" in tool.title


def test_unknown_unit():
    with pytest.raises(ValueError, match="unknown unit"):
        capability_compare(unit="miles")


def test_changing_actors_and_category():
    tool = capability_compare()
    assert tool.category.value == ALL
    tool.actors.value = ("USA",)
    assert set(tool.current_table["actor_id"]) == {"USA"}
    assert "United States" in tool.title
    tool.category.value = "interceptor"
    assert set(tool.current_table["category"].astype(str)) == {"interceptor"}
    assert tool.title.startswith("interceptor")


def test_table_carries_source_and_confidence():
    tool = capability_compare(actors=["CHN"], unit="missiles")
    html = tool.table_panel.html.value
    assert "source_id" in html and "confidence" in html and "unverified" in html


def test_empty_selection_is_explained():
    tool = capability_compare()
    tool.actors.value = ()
    assert tool.current_table.empty
    assert "no actor selected" in tool.title


def test_reset():
    tool = capability_compare()
    default = tool.actors.value
    tool.actors.value = ("USA",)
    tool.category.value = "interceptor"
    unit = tool.unit.value
    tool.unit.value = NO_FIGURE
    tool.reset()
    assert tool.actors.value == default and tool.category.value == ALL
    assert tool.unit.value == unit


def test_unknown_category():
    with pytest.raises(ValueError, match="unknown category"):
        capability_compare(category="lasers")


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (75, 100, "75–100"),
        (4, 4, "4"),
        (None, None, "no figure given"),
        (1000, 1500, "1,000–1,500"),
    ],
)
def test_count_text(low, high, text):
    assert count_text(low, high) == text


def test_on_a_remixed_copy():
    tool = capability_compare(data_dir=MINI, unit=NO_FIGURE)
    caps = mdr_data.capabilities(data_dir=MINI)
    assert tool.category.value == ALL
    chosen = caps["actor_id"].isin(tool.actors.value) & caps["count_low"].isna()
    assert set(tool.current_table["capability_id"]) == set(caps.loc[chosen, "capability_id"])
    assert "North Korea (ICBM)" in tool.no_figure  # the fixture's PRK ICBM has no count
    assert "North Korea, ICBM: no figure given" in tool.panel.alt


def _drawn_rows(table) -> int:
    """Rows drawn one by one: all up to 10, else only those with a figure (see range_chart)."""
    with_figure = int((table["count_low"].notna() | table["count_high"].notna()).sum())
    return len(table) if len(table) <= 10 else with_figure


def test_a_revisited_selection_reuses_its_png_and_still_draws_the_figure():
    tool = capability_compare(unit="missiles")
    first = tool.panel.picture
    tool.actors.value = ("CHN",)
    tool.category.value = "ICBM"
    china = tool.panel.picture
    assert china != first
    tool.reset()
    assert tool.panel.picture == first
    # .figure is redrawn for the selection on screen, not left at the last one drawn
    assert tool.figure.axes[0].get_title(loc="left") == "Numbers as the sources give them"
    assert len(tool.figure.axes[0].get_yticks()) == _drawn_rows(tool.current_table)
    assert tool.panel.svg() == first
    tool.actors.value = ()
    tool.actors.value = ("CHN",)
    tool.category.value = "ICBM"
    assert tool.panel.picture == china
    assert {"75", "100"} <= {t.get_text() for t in tool.figure.axes[0].texts}


def test_an_edited_remixed_copy_is_drawn_afresh(tmp_path):
    folder = mdr_data.export(tmp_path / "remix")
    before = capability_compare(actors=["CHN"], category="ICBM", unit="missiles", data_dir=folder)
    path = folder / "capabilities.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",deployed,75,100,", ",deployed,60,90,", 1),
        encoding="utf-8",
    )
    after = capability_compare(actors=["CHN"], category="ICBM", unit="missiles", data_dir=folder)
    assert after.current_table[["count_low", "count_high"]].iloc[0].tolist() == [60, 90]
    assert after.panel.png_bytes != before.panel.png_bytes
    assert {"60", "90"} <= {t.get_text() for t in after.figure.axes[0].texts}


def test_the_image_alt_text_describes_the_selection():
    tool = capability_compare(actors=["CHN"], category="ICBM", unit="missiles")
    assert tool.panel.alt.startswith(f"Range chart. {tool.title}.")
    assert "China, ICBM" in tool.panel.alt and ": 75–100" in tool.panel.alt
    assert f'<img alt="{html.escape(tool.panel.alt)}" src="data:image/svg+xml;base64,' in (
        tool.panel.image.value
    )
    tool.actors.value = ()
    assert tool.panel.alt.startswith("Empty chart: No actor selected")
    assert html.escape(tool.panel.alt) in tool.panel.image.value
