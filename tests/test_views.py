"""The derived tables in mdr_data.views: each join agrees with the tables it is built from."""

from __future__ import annotations

import pandas as pd
import pytest

import mdr_data
from mdr_data import views, vocabulary


def test_claims_with_sources_names_both_sources():
    frame = views.claims_with_sources()
    claims, sources = mdr_data.claims(), mdr_data.sources().set_index("source_id")
    assert frame["claim_id"].tolist() == claims["claim_id"].tolist()
    row = frame.iloc[0]
    assert row["source_publisher"] == sources.loc[row["source_id"], "publisher"]
    assert row["said_by_title"] == sources.loc[row["said_by"], "title"]
    assert set(frame["kind_of_text"]) <= {"verbatim quote", "paraphrase"}
    corroborated = views.claims_with_sources(confidence="Corroborated")
    assert set(corroborated["confidence"]) == {"corroborated"}
    with pytest.raises(ValueError, match="did you mean 'corroborated'"):
        views.claims_with_sources(confidence="corroborate")


def test_tidy_capabilities_keeps_every_row_once():
    tidy = views.tidy_capabilities()
    caps = mdr_data.capabilities()
    assert tidy["capability_id"].tolist() == caps["capability_id"].tolist()
    names = mdr_data.actors().set_index("actor_id")["name"]
    assert (tidy["actor_name"] == tidy["actor_id"].map(names)).all()
    assert tidy["source_kind"].notna().all()


@pytest.mark.parametrize("unit", vocabulary.values("capabilities", "unit"))
def test_figures_come_one_unit_at_a_time(unit):
    frame = views.figures(unit=unit)
    assert set(frame["unit"].astype(str)) <= {unit}
    assert frame["count_low"].notna().all()
    single = frame["count_low"] == frame["count_high"]
    assert all("–" not in label for label in frame.loc[single, "figure"])
    assert all("–" in label for label in frame.loc[~single, "figure"])


def test_every_figure_has_a_unit():
    frame = views.figures()
    assert frame["unit"].notna().all()
    assert len(frame) == mdr_data.capabilities()["count_low"].notna().sum()


def test_events_with_actors_is_long_and_event_summaries_wide():
    long = views.events_with_actors()
    links = mdr_data.event_actors()
    assert len(long) == len(links)
    wide = views.event_summaries()
    assert len(wide) == len(mdr_data.events())
    for event_id, ids in zip(wide["event_id"], wide["actor_ids"], strict=True):
        assert ids == frozenset(links.loc[links["event_id"] == event_id, "actor_id"])


def test_format_when_never_invents_precision():
    assert views.format_when(pd.Timestamp("2020-11-01"), "month") == "Nov 2020"
    assert views.format_when(pd.Timestamp("2020-01-01"), "year") == "2020"
    assert views.format_when(pd.Timestamp("2020-01-05"), "day") == "5 Jan 2020"


def test_actor_relationships_are_seen_from_the_actor():
    frame = views.actor_relationships("IND")
    edges = mdr_data.relationships(actor="IND")
    assert len(frame) == len(edges)
    assert "IND" not in set(frame["with_id"]) or (edges["actor_from"] == edges["actor_to"]).any()
    for row, edge in zip(frame.itertuples(), edges.itertuples(), strict=True):
        if not edge.directed:
            assert row.direction == "mutual"
        else:
            assert row.direction == ("to" if edge.actor_from == "IND" else "from")
    with pytest.raises(ValueError, match="did you mean"):
        views.actor_relationships("Indai")


def test_count_by_matches_value_counts_and_is_sorted():
    counts = views.count_by("claims", "theme")
    expected = mdr_data.claims()["theme"].astype(str).value_counts()
    assert dict(zip(counts["theme"], counts["Number of rows"], strict=True)) == expected.to_dict()
    assert counts["Number of rows"].is_monotonic_decreasing


def test_rows_by_theatre_adds_up():
    table = views.rows_by_theatre()
    assert table.loc[:, "capabilities"].sum() == len(mdr_data.capabilities())
    assert (table["total"] == table.drop(columns="total").sum(axis=1)).all()


def test_views_never_change_the_tables(tmp_path):
    before = {name: mdr_data.load(name) for name in mdr_data.list_tables()}
    for frame, column in (
        (views.claims_with_sources(), "text"),
        (views.tidy_capabilities(), "count_low"),
        (views.actor_relationships("USA"), "kind"),
        (views.event_summaries(), "title"),
    ):
        frame[column] = pd.NA
    for name, frame in before.items():
        pd.testing.assert_frame_equal(mdr_data.load(name), frame)


def test_views_read_a_remixed_copy(tmp_path):
    folder = mdr_data.export(tmp_path / "copy")
    path = folder / "claims.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:3]), encoding="utf-8")
    assert len(views.claims_with_sources(data_dir=folder)) == 2
