"""The actor explorer: region drives the actor list; outputs are the actor's and attributed."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import mdr_data
from mdr_data.widgets.actor_explorer import actor_explorer

MINI = Path(__file__).parent / "fixtures" / "mini_data"


def test_default_is_india_in_south_asia():
    explorer = actor_explorer()
    assert (explorer.region.value, explorer.actor.value) == ("South Asia", "IND")
    assert "India" in explorer.title
    assert set(explorer.current_table["actor_id"]) == {"IND"}


def test_choosing_an_actor_updates_everything():
    explorer = actor_explorer()
    explorer.region.value = "East Asia"
    explorer.actor.value = "JPN"
    assert "Japan" in explorer.title and "ally" in explorer.title
    assert set(explorer.current_table["actor_id"]) <= {"JPN"}
    others = set(explorer.current_relationships["with"])
    assert "United States" in others
    assert "Japan" in explorer.relationships_panel.html.value


def test_actor_options_follow_the_region():
    explorer = actor_explorer()
    explorer.region.value = "Middle East"
    ids = {value for _, value in explorer.actor.options}
    assert ids == set(mdr_data.actors(region="Middle East")["actor_id"])
    assert explorer.actor.value in ids
    assert explorer.current_actor["region"] == "Middle East"


def test_outputs_are_attributed():
    explorer = actor_explorer("China")
    assert {"source_id", "confidence"} <= set(explorer.current_relationships.columns)
    assert {"said_by", "source_id", "confidence"} <= set(explorer.current_table.columns)
    assert "according to" in explorer.title
    html = explorer.claims_panel.html.value
    assert "said_by" in html and "<caption>" in html


def _with_confidence(folder: Path, actor_id: str, confidence: str) -> None:
    """Set one actor's confidence in a remixed copy's actors.csv."""
    path = folder / "actors.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["actor_id"] == actor_id:
            row["confidence"] = confidence
            if confidence != "corroborated":  # one source only
                row["second_source_id"] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("confidence", ["unverified", "corroborated"])
def test_unverified_actor_rows_are_flagged(tmp_path, confidence):
    folder = mdr_data.export(tmp_path / "remix")
    _with_confidence(folder, "RUS", confidence)
    explorer = actor_explorer("Russia", data_dir=folder)
    assert explorer.current_actor["confidence"] == confidence
    assert f"Confidence: <b>{confidence}</b>" in explorer.profile.value
    flagged = "reported only by the news article" in explorer.profile.value
    assert flagged == (confidence == "unverified")


def test_reset_restores_the_start():
    explorer = actor_explorer()
    before = (explorer.title, explorer.claims_panel.html.value)
    explorer.region.value = "Europe"
    explorer.reset()
    assert (explorer.region.value, explorer.actor.value) == ("South Asia", "IND")
    assert (explorer.title, explorer.claims_panel.html.value) == before


def test_unknown_actor_is_a_helpful_error():
    with pytest.raises(ValueError, match="did you mean"):
        actor_explorer("Chna")


def test_one_update_per_change():
    explorer = actor_explorer()
    calls = []
    original = explorer.update
    explorer.update = lambda: (calls.append(1), original())
    explorer.region.value = "East Asia"  # also refills and changes the actor
    assert calls == [1]


def test_classes_and_display():
    explorer = actor_explorer(data_dir=MINI)
    assert "mdr-region" in explorer.region._dom_classes
    assert "mdr-actor" in explorer.actor._dom_classes
    assert "mdr-output-profile" in explorer.profile._dom_classes
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
