"""The shipped data holds up to a reader who checks it, and covers the review's whole picture.

The validator checks each row's form (types, keys, word limits, corroboration named); these
tests check what the course promises about the data as a whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import mdr_data
from mdr_data import views

ROOT = Path(__file__).resolve().parents[1]
WITH_CONFIDENCE = ["actors", "capabilities", "relationships", "places", "events", "claims"]
WITH_EVIDENCE = [*WITH_CONFIDENCE, "event_actors"]
THEATRES = ["Indo-Pacific", "Europe", "Middle East", "homeland"]


def _original_publisher(publisher: object) -> str:
    """'Reuters (wire story carried by The Straits Times)' -> 'reuters'."""
    return re.split(r"\s*[(,;]", str(publisher))[0].strip().lower()


@pytest.mark.parametrize("table", WITH_CONFIDENCE)
def test_corroborated_rows_name_an_independent_second_source(table):
    frame = mdr_data.load(table)
    sources = mdr_data.sources().set_index("source_id")
    corroborated = frame[frame["confidence"] == "corroborated"]
    assert corroborated["second_source_id"].notna().all()
    for first, second in zip(
        corroborated["source_id"], corroborated["second_source_id"], strict=True
    ):
        assert first != second
        assert second in sources.index
        assert sources.loc[first, "url"] != sources.loc[second, "url"], (first, second)
        publishers = (sources.loc[first, "publisher"], sources.loc[second, "publisher"])
        assert _original_publisher(publishers[0]) != _original_publisher(publishers[1]), (
            f"{first} and {second} look like one publisher: {publishers}"
        )
    others = frame[frame["confidence"] != "corroborated"]
    assert others["second_source_id"].isna().all()


@pytest.mark.parametrize("table", WITH_CONFIDENCE)
def test_unverified_rows_cite_the_news_article_not_the_review(table):
    frame = mdr_data.load(table)
    unverified = frame[frame["confidence"] == "unverified"]
    assert set(unverified["source_id"]) <= {"indiacom-2019-01"}


_SLUG = re.compile(r"https?://|www\.|^[a-z0-9]+(?:-[a-z0-9]+){3,}$")


@pytest.mark.parametrize("table", WITH_EVIDENCE)
def test_evidence_is_words_not_an_address(table):
    evidence = mdr_data.load(table)["evidence"].dropna()
    slugs = [text for text in evidence if _SLUG.search(text)]
    assert not slugs, slugs[:3]
    assert all(text == text.strip() and text for text in evidence)


@pytest.mark.parametrize("theatre", THEATRES)
def test_every_theatre_has_at_least_ten_rows_across_the_tables(theatre):
    assert views.rows_by_theatre().loc[theatre, "total"] >= 10


def test_the_picture_is_big_enough_to_teach():
    actors = mdr_data.actors()
    assert len(actors) >= 25
    assert "alliance" in set(actors["kind"]) and actors["kind"].notna().all()
    assert len(mdr_data.events()) >= 40
    assert len(mdr_data.relationships()) >= 50
    assert len(views.figures()) >= 40
    assert len(mdr_data.glossary()) >= 60


def test_figures_carry_units_and_no_unit_appears_without_a_figure():
    caps = mdr_data.capabilities()
    has_figure = caps["count_low"].notna()
    assert caps.loc[has_figure, "unit"].notna().all()
    assert caps.loc[~has_figure, "unit"].isna().all()
    assert (caps.loc[has_figure, "count_low"] <= caps.loc[has_figure, "count_high"]).all()
    assert caps.loc[~has_figure, "count_qualifier"].isna().all()


def test_bounds_keep_their_words():
    """A figure the evidence gives as a bound ('more than', 'up to'…) is not stored as exact."""
    bound = re.compile(r"\b(?:more than|up to|not more than)\s+([\d,]+)")
    caps = mdr_data.capabilities()
    unmarked = []
    for row in caps[caps["count_low"].notna()].itertuples():
        numbers = {int(n.replace(",", "")) for n in bound.findall(row.evidence) if n.strip(",")}
        if numbers & {row.count_low, row.count_high} and pd.isna(row.count_qualifier):
            unmarked.append(row.capability_id)
    assert not unmarked


_OFFICIAL = re.compile(r"ministry|minister|president|spokes|government|white paper", re.I)


def test_perspectives_include_critics_supporters_and_governments():
    claims = mdr_data.claims()
    viewed = claims[claims["claim_kind"] == "view"]
    assert viewed["stance"].notna().all() and viewed["speaker"].notna().all()
    speakers = viewed.groupby("stance", observed=True)["speaker"].nunique()
    assert speakers["critical"] >= 2 and speakers["supportive"] >= 2
    official = viewed[viewed["speaker"].str.contains(_OFFICIAL)]
    countries = {
        word
        for speaker in official["speaker"]
        for word in ("Russia", "China", "Japan", "North Korea", "Iran")
        if word in speaker or word[:-1] in speaker  # 'Chinese', 'Russian' ...
    }
    assert len(countries) >= 2, countries
    assert not (claims.loc[claims["claim_kind"] != "view", "stance"].notna().any())


_BASICS = [
    "ballistic missile",
    "cruise missile",
    "hypersonic glide vehicle",
    "interceptor",
    "boost phase",
    "midcourse phase",
    "terminal phase",
    "deterrence",
    "NATO",
    "primary source",
    "secondary source",
    "wire story",
    "paraphrase",
]


def test_glossary_has_the_basics_each_with_a_source():
    glossary = mdr_data.glossary()
    terms = {term.lower() for term in glossary["term"]}
    missing = [t for t in _BASICS if t.lower() not in terms]
    assert not missing, missing
    assert glossary["source_id"].notna().all()


_SHORTHAND = re.compile(r"dossier|seed article|the project's fact file", re.I)


def _user_visible_texts():
    for name in mdr_data.list_tables():
        frame = mdr_data.load(name)
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.StringDtype):
                for value in frame[column].dropna():
                    yield f"{name}.{column}", value
    for folder in ("notebooks", "solutions"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
                yield path.name, "".join(cell["source"])
    yield "README.md", (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_internal_shorthand_reaches_a_learner():
    found = [
        (where, _SHORTHAND.search(text)[0])
        for where, text in _user_visible_texts()
        if _SHORTHAND.search(text)
    ]
    assert not found, found[:5]


def test_every_place_a_row_points_to_exists():
    used = set(mdr_data.capabilities()["place_id"].dropna()) | set(
        mdr_data.events()["place_id"].dropna()
    )
    assert used <= set(mdr_data.places()["place_id"])


def test_every_place_lies_within_its_country():
    """Coordinates as the source gives them, checked against the shipped country shapes.

    The 1:110m shapes are coarse (capes and islands are cut), so a place may lie up to 1.5°
    outside its country's bounding box.
    """
    from mdr_data import maps

    shapes = maps._geometry()["countries"]
    iso3 = mdr_data.actors().set_index("actor_id")["iso3"]
    for row in mdr_data.places().itertuples():
        rings = [
            np.asarray(p[0], dtype=float).reshape(-1, 2)
            for p in shapes[iso3[row.actor_id]]["polygons"]
        ]
        points = np.vstack(rings)
        (west, south), (east, north) = points.min(axis=0) - 1.5, points.max(axis=0) + 1.5
        assert west <= row.longitude <= east and south <= row.latitude <= north, row.place_id
