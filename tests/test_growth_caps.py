"""What the widgets draw or list stays bounded as the data grows, and they say what they left out.

Issue 13: on tables inflated 10× and 100× (``benchmarks/growth.py``) every widget's update must
stay within its budget, so a picture or table that would be unreadable anyway is capped or
aggregated. Each cap is tested here on the shipped data with the cap lowered (``monkeypatch``),
so the tests stay fast and do not depend on how many rows the data has today.
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

import mdr_data
from mdr_data import maps, plots
from mdr_data.widgets import _base


def test_a_table_shows_at_most_its_cap_and_counts_the_rest(monkeypatch):
    monkeypatch.setattr(_base, "MAX_TABLE_ROWS", 3)
    panel = _base.TablePanel("demo")
    panel.show(pd.DataFrame({"n": range(10)}), "Ten rows", note="A note.")
    assert panel.html.value.count("<tr>") == 1 + 3  # header + three rows
    assert "Showing the first 3 of 10 rows" in panel.html.value
    assert "A note." in panel.html.value


def test_a_source_phrase_names_at_most_its_cap(monkeypatch):
    monkeypatch.setattr(_base, "MAX_SOURCES_NAMED", 2)
    ids = list(mdr_data.sources()["source_id"][:5])
    publishers = mdr_data.sources().set_index("source_id")["publisher"]
    phrase = _base.source_phrase(ids)
    assert phrase.split("; ") == [*(f"{publishers[i]} ({i})" for i in ids[:2]), "and 3 more"]


def test_a_range_chart_draws_at_most_max_rows_and_says_so():
    caps = mdr_data.capabilities()
    caps = caps.loc[caps["count_low"].notna() | caps["count_high"].notna()].head(12)
    ax = plots.range_chart(Figure().add_subplot(), caps, max_rows=5)
    assert len(ax.get_yticks()) == 5
    assert any("7 more rows (see the table)" in t.get_text() for t in ax.texts)


def test_a_network_merges_look_alike_parallel_edges_beyond_max_edges():
    edges = mdr_data.relationships()
    doubled = pd.concat([edges, edges], ignore_index=True)
    ax = plots.network(Figure().add_subplot(), doubled, mdr_data.actors(), max_edges=10)
    lines = plots.network_lines(ax)
    assert lines < len(edges) < len(doubled)
    assert f"{len(doubled):,} relationships drawn as {lines:,} lines" in ax.get_title(loc="left")


def test_a_map_merges_parallel_arcs_and_names_each_spot_once(monkeypatch):
    monkeypatch.setattr(maps, "MAX_ARCS", 5)
    monkeypatch.setattr(maps, "MAX_PLACE_NAMES", 2)
    chosen = maps.select("World")
    doubled = pd.concat([chosen.relationships, chosen.relationships], ignore_index=True)
    places = pd.concat([chosen.places, chosen.places], ignore_index=True)
    bigger = maps.MapSelection(**{**vars(chosen), "relationships": doubled, "places": places})
    base = maps.BaseMap(Figure().add_subplot())
    base.draw(bigger, legend=False, off_map_note=False)
    title = base.ax.get_title(loc="left")
    assert f"{len(doubled):,} relationships drawn as" in title
    spots = set(zip(places["longitude"], places["latitude"], strict=True))
    if len(spots) > 2:
        assert any("more places marked, not named" in t.get_text() for t in base.ax.texts)


def test_the_timeline_draws_at_most_its_cap_and_counts_the_rest(monkeypatch):
    from mdr_data.widgets import timeline as module

    monkeypatch.setattr(module, "MAX_EVENTS_DRAWN", 5)
    tool = module.timeline()
    count = len(tool.current_table)
    if count <= 5:
        pytest.skip("the shipped data has too few events")
    tool.panel.ensure_drawn()
    title = tool.figure.axes[0].get_title(loc="left")
    assert f"the first 5 drawn; narrow the years or the actors for the other {count - 5}" in title
    assert tool.panel.alt.endswith(f"and {count - 5:,} more.")
