"""The timeline of notebook 04: set a control, check the events, figure, table and title."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import mdr_data
from mdr_data.views import format_when
from mdr_data.widgets.timeline import ACTOR_CHOICES, timeline, timeline_events


@pytest.fixture
def tool():
    return timeline()


def _involved(event_ids, actors):
    links = mdr_data.event_actors()
    wanted = set(actors)
    return {
        event_id
        for event_id, group in links.groupby("event_id")
        if wanted <= set(group["actor_id"])
    } & set(event_ids)


def _visible_labels(tool):
    return [t.get_text() for t in tool._labels if t.get_visible()]


def test_defaults_show_every_event_over_the_whole_range(tool):
    events = mdr_data.events()
    years = events["date"].dt.year
    assert tool.years.value == (years.min(), years.max())
    assert tool.actors.value == "all"
    assert tool.current_table["event_id"].tolist() == events["event_id"].tolist()
    assert tool.title.startswith("All events")
    assert f"({len(events)} events)" in tool.title
    assert tool.panel.image.value[:4] == b"\x89PNG"


def test_actor_filter_keeps_events_every_named_actor_took_part_in(tool):
    tool.actors.value = "IND+RUS"
    table = tool.current_table
    involved = _involved(mdr_data.events()["event_id"], ["IND", "RUS"])
    assert involved, "the data should hold India-Russia events (the S-400 contract)"
    assert "s400-contract" in set(table["event_id"])
    assert "comcasa-signed" not in set(table["event_id"])
    # every row involves both, or is the review's release kept as the reference point
    for event_id, kind in zip(table["event_id"], table["kind"], strict=True):
        assert event_id in involved or kind == "publication"
    assert "Events involving India and Russia" in tool.title


def test_india_and_us_shows_both_dates_where_sources_disagree(tool):
    tool.actors.value = "IND+USA"
    when = dict(zip(tool.current_table["event_id"], tool.current_table["when"], strict=True))
    assert when["mdp-recognised"] == "7 Jun 2016"
    assert when["mdp-finalised"] == "8 Dec 2016"
    assert when["sta1-announced"] == "30 Jul 2018"
    assert when["sta1-rule-published"] == "3 Aug 2018"
    assert "s400-contract" not in when
    assert "India and the United States" in tool.table.caption


def test_year_range_limits_rows_axis_and_title(tool):
    tool.years.value = (2018, 2018)
    assert set(tool.current_table["date"].dt.year) == {2018}
    assert "2018 (" in tool.title and "2016" not in tool.title
    left, right = tool.panel.ax.get_xlim()
    start, end = (pd.Timestamp(x, unit="D") for x in (left, right))
    assert start.year == 2017 and start.month == 12  # 20 days of margin
    assert end.year == 2019 and end.month == 1


def test_figure_labels_one_line_per_event_with_date_and_id(tool):
    tool.actors.value = "IND"
    labels = _visible_labels(tool)
    table = tool.current_table
    assert len(labels) == len(table)
    expected = [f"{w}  {e}" for w, e in zip(table["when"], table["event_id"], strict=True)]
    assert labels == expected
    assert tool.panel.ax.get_title(loc="left") == tool.title


def test_date_precision_is_visible_in_labels_and_markers(tool):
    table = tool.current_table
    vague = table["date_precision"].astype(str) != "day"
    assert vague.any(), "the data should hold an event dated to the month (bmdr-directed)"
    row = table.loc[table["event_id"] == "bmdr-directed"].iloc[0]
    assert row["when"] == "May 2017"
    assert len(tool._vague.get_offsets()) == int(vague.sum())
    assert len(tool._exact.get_offsets()) == int((~vague).sum())
    assert len(tool._spans.get_segments()) == int(vague.sum())
    assert "dated to the month or year only" in tool.key.value


def test_table_names_source_and_confidence(tool):
    tool.actors.value = "IND+RUS"
    markup = tool.table.html.value
    assert "<th>Source</th>" in markup and "<th>Confidence</th>" in markup
    for source_id in tool.current_table["source_id"]:
        assert source_id in markup
    assert f"<caption>{tool.title}" in markup


def test_empty_selection_says_so(tool):
    tool.years.value = (2017, 2017)
    tool.actors.value = "IND+RUS"
    assert tool.current_table.empty
    assert "(0 events)" in tool.title
    assert "No events in this selection" in tool.table.html.value
    assert tool._empty.get_visible()
    assert _visible_labels(tool) == []


def test_png_changes_with_the_selection_and_is_reused_when_it_comes_back(tool):
    first = tool.panel.image.value
    tool.actors.value = "IND+RUS"
    assert tool.panel.image.value != first
    tool.actors.value = "all"
    assert tool.panel.image.value == first


def test_reset_restores_defaults(tool):
    defaults = (tool.years.value, tool.actors.value, tool.title)
    tool.years.value = (2018, 2019)
    tool.actors.value = "IND"
    tool.reset()
    assert (tool.years.value, tool.actors.value, tool.title) == defaults
    assert len(tool.current_table) == len(mdr_data.events())


def test_controls_and_outputs_carry_css_classes(tool):
    assert "mdr-year-range" in tool.years._dom_classes
    assert "mdr-actors" in tool.actors._dom_classes
    assert tool.years.description and tool.actors.description
    for output in (tool.panel.image, tool.table.html, tool.key):
        assert "mdr-output" in output._dom_classes
    assert list(tool.actors.options) == list(ACTOR_CHOICES)


def test_timeline_events_and_format_when():
    frame = timeline_events("IND+USA", years=(2016, 2016))
    assert set(frame["event_id"]) == {"mdp-recognised", "mdp-finalised"}
    assert format_when(pd.Timestamp("2020-11-01"), "month") == "Nov 2020"
    assert format_when(pd.Timestamp("2020-01-01"), "year") == "2020"
    with pytest.raises(TypeError, match="actors must be a string"):
        timeline_events(["IND"])
    with pytest.raises(ValueError, match="unknown actor"):
        timeline_events("IND+XYZ")


def test_a_remixed_copy_with_an_added_event_shows_it(tmp_path):
    folder = mdr_data.export(tmp_path / "remix")
    with open(folder / "events.csv", "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [
                "classroom-test-event",
                "2017-03-01",
                "month",
                "A classroom example event",
                "dialogue",
                "mdr-2019",
                "",
                "a fragment",
                "unverified",
                "",
            ]
        )
    with open(folder / "event_actors.csv", "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["classroom-test-event", "IND", "participant", "mdr-2019", "a fragment"]
        )
    tool = timeline(folder)
    tool.actors.value = "IND"
    row = tool.current_table.loc[tool.current_table["event_id"] == "classroom-test-event"]
    assert row["when"].tolist() == ["Mar 2017"]
