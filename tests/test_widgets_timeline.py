"""The timeline of notebook 04: set a control, check the events, figure, table and title."""

from __future__ import annotations

import csv
import html

import pandas as pd
import pytest

import mdr_data
from mdr_data.widgets.timeline import ACTOR_CHOICES, LABEL_CHARACTERS, label_text, timeline


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
    tool.panel.ensure_drawn()  # a selection seen before shows its cached picture
    return [t.get_text() for t in tool.chart.labels.texts if t.get_visible()]


def test_defaults_show_every_event_over_the_whole_range(tool):
    events = mdr_data.events()
    years = events["date"].dt.year
    assert tool.years.value == (years.min(), years.max())
    assert tool.actors.value == "all"
    assert tool.current_table["event_id"].tolist() == events["event_id"].tolist()
    assert tool.title.startswith("All events")
    assert f"({len(events)} events)" in tool.title
    assert tool.panel.png_bytes[:4] == b"\x89PNG"


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
    left, right = tool.figure.axes[0].get_xlim()
    start, end = (pd.Timestamp(x, unit="D") for x in (left, right))
    assert start.year == 2017 and start.month == 12  # 20 days of margin
    assert end.year == 2019 and end.month == 1


def test_figure_labels_one_line_per_event_with_date_and_title(tool):
    tool.actors.value = "IND"
    labels = _visible_labels(tool)
    table = tool.current_table
    assert len(labels) == len(table)
    for label, when, title in zip(labels, table["when"], table["title"], strict=True):
        assert label == label_text(when, title)
        shown = label.removeprefix(f"{when}  ").removesuffix("…")
        assert title.startswith(shown) and len(shown) <= LABEL_CHARACTERS, (label, title)
    assert not set(labels) & set(table["event_id"])  # names, not ids
    assert tool.figure.axes[0].get_title(loc="left") == tool.title


def test_date_precision_is_visible_in_labels_and_markers(tool):
    table = tool.current_table
    vague = table["date_precision"].astype(str) != "day"
    assert vague.any(), "the data should hold an event dated only to the month or year"
    row = table.loc[vague].iloc[0]
    month_only = str(row["date_precision"]) == "month"
    assert row["when"] == (f"{row['date']:%b %Y}" if month_only else f"{row['date'].year}")
    drawn = tool.chart.drawn  # a long selection draws its first events (see MAX_EVENTS_DRAWN)
    vague = drawn["date_precision"].astype(str) != "day"
    assert len(tool.chart.vague.get_offsets()) == int(vague.sum())
    assert len(tool.chart.exact.get_offsets()) == int((~vague).sum())
    assert len(tool.chart.spans.get_segments()) == int(vague.sum())
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
    assert tool.chart.empty.get_visible()
    assert _visible_labels(tool) == []


def test_png_changes_with_the_selection_and_is_reused_when_it_comes_back(tool):
    first = tool.panel.picture
    tool.actors.value = "IND+RUS"
    assert tool.panel.picture != first
    tool.actors.value = "all"
    assert tool.panel.picture == first
    first_event = tool.current_table.iloc[0]
    assert _visible_labels(tool)[0] == label_text(first_event["when"], first_event["title"])
    assert tool.panel.svg() == first  # the figure is redrawn for the selection on screen


def test_the_image_alt_text_lists_the_selected_events(tool):
    tool.actors.value = "IND+RUS"
    alt = tool.panel.alt
    assert alt.startswith(f"Timeline. {tool.title}: ")
    for when, title in zip(tool.current_table["when"], tool.current_table["title"], strict=True):
        assert f"{when} {title} (" in alt
    assert 'alt="Timeline. Events involving India and Russia' in tool.panel.image.value
    tool.years.value = (2017, 2017)
    assert tool.panel.alt.endswith(": no events.")


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


def _append(path, row: dict) -> None:
    """Add a row to a CSV by column name (columns the row does not name stay empty)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(row)


def test_a_remixed_copy_with_an_added_event_shows_it(tmp_path):
    folder = mdr_data.export(tmp_path / "remix")
    provenance = {"source_id": "mdr-2019", "evidence": "a fragment"}
    _append(folder / "events.csv", {"event_id": "classroom-test-event", "date": "2017-03-01",
            "date_precision": "month", "title": "A classroom example event", "kind": "dialogue",
            "theatre": "global", "confidence": "unverified", **provenance})  # fmt: skip
    _append(folder / "event_actors.csv", {"event_id": "classroom-test-event", "actor_id": "IND",
            "role": "participant", **provenance})  # fmt: skip
    tool = timeline(folder)
    tool.actors.value = "IND"
    row = tool.current_table.loc[tool.current_table["event_id"] == "classroom-test-event"]
    assert row["when"].tolist() == ["Mar 2017"]
    assert "Mar 2017 A classroom example event (dialogue, dated to the month)" in tool.panel.alt


def test_the_table_opens_on_the_events_drawn_and_keeps_the_others_one_click_away(tool):
    from mdr_data.widgets.timeline import MAX_EVENTS_DRAWN

    markup, count = tool.table.html.value, len(tool.current_table)
    assert count > MAX_EVENTS_DRAWN, "the shipped data should hold more events than are drawn"
    assert markup.count("<tr>") == 2 + count  # two headers, every event once
    assert f"<summary>Show the other {count - MAX_EVENTS_DRAWN} rows</summary>" in markup
    first = markup.split("<details")[0]
    for title in tool.chart.drawn["title"].head(MAX_EVENTS_DRAWN):
        assert html.escape(title) in first


def test_labels_sit_beside_their_marker_and_keep_their_layout_between_pictures(tool):
    tool.years.value = (2016, 2019)
    tool.panel.ensure_drawn()
    shown = [label for label in tool.chart.labels.texts if label.get_visible()]
    assert len(shown) == len(tool.chart.drawn)
    for label in shown:  # 12 points left of its marker, ending there, or right of it, starting
        on_left = label.get_horizontalalignment() == "right"
        x, _row = label.get_position()
        marker = tool.chart.ax.transData.transform((x, 0))[0]
        start = label.get_transform().transform((x, 0))[0]
        points = (start - marker) * 72 / tool.figure.dpi
        assert points == pytest.approx(-12 if on_left else 12, abs=0.1)
    first = tool.panel.svg()
    assert tool.panel.svg() == first  # a layout kept from the first picture draws the same
