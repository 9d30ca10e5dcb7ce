"""The source reader of notebooks 07 and 08: claims, who said them, where we read them, how sure,
and (for views) who holds them and how they judge the review."""

from __future__ import annotations

import html

import pandas as pd
import pytest

import mdr_data
from mdr_data import vocabulary
from mdr_data.views import claims_with_sources
from mdr_data.widgets.source_reader import claim_card_html, source_reader


@pytest.fixture
def reader():
    return source_reader()


def test_defaults_list_every_claim_and_show_the_first(reader):
    claims = mdr_data.claims()
    assert (reader.theme.value, reader.confidence.value) == ("all", "any")
    assert reader.current_table["claim_id"].tolist() == claims["claim_id"].tolist()
    assert reader.claim.value == claims["claim_id"].iloc[0]
    assert reader.current_claim["claim_id"] == reader.claim.value
    assert f"{len(claims)} claims" in reader.title
    assert "Said by" in reader.card.value and "Where we read it" in reader.card.value


def test_page_count_disagreement_surfaces_as_separate_rows(reader):
    reader.theme.value = "the document"
    table = reader.current_table
    assert set(table["theme"]) == {"the document"}
    pages_108 = table.loc[table["text"].str.contains("108")]
    pages_81 = table.loc[table["text"].str.contains("81")]
    assert len(pages_108) >= 1 and len(pages_81) == 1
    # different claimants, each with its own confidence
    assert set(pages_81["said_by"]).isdisjoint(set(pages_108["said_by"]))
    assert pages_81["confidence"].item() == "single source"
    assert set(pages_108["confidence"]) == {"corroborated"}
    assert "the theme 'the document'" in reader.title
    markup = reader.table.html.value
    assert pages_81["claim_id"].item() in markup and pages_108["claim_id"].iloc[0] in markup


def test_theme_change_refills_the_claim_choices(reader):
    reader.theme.value = "India"
    ids = [value for _label, value in reader.claim.options]
    assert ids == reader.current_table["claim_id"].tolist()
    assert set(mdr_data.claims(theme="India")["claim_id"]) == set(ids)
    assert reader.claim.value == ids[0]


def test_confidence_filter(reader):
    reader.confidence.value = "unverified"
    table = reader.current_table
    assert len(table) == (mdr_data.claims()["confidence"] == "unverified").sum()
    assert set(table["confidence"]) == {"unverified"}
    assert vocabulary.meaning("claims", "confidence", "unverified") in reader.card.value
    assert "confidence 'unverified'" in reader.title


def test_verbatim_quote_read_second_hand(reader):
    reader.theme.value = "India"
    reader.claim.value = "india-cooperation-discussed"
    claim = reader.current_claim
    assert bool(claim["is_verbatim"]) and claim["said_by"] == "mdr-2019"
    assert claim["source_id"] != claim["said_by"]
    card = reader.card.value
    assert "Verbatim quote" in card and "<blockquote" in card
    assert "second-hand" in card
    publisher = mdr_data.sources().set_index("source_id").loc[claim["source_id"], "publisher"]
    assert publisher in card  # where we read it, by name (no HTML-special characters here)


def test_paraphrase_read_where_it_was_made(reader):
    reader.theme.value = "the document"
    reader.claim.value = "doc-pages-81-pti"
    card = reader.card.value
    assert "Paraphrase" in card and "<blockquote" not in card
    assert "We read the claim where it was made" in card
    assert "81" in card


def test_empty_selection_has_no_claim(tmp_path):
    # A copy in which every claim of one theme is 'single source': that theme has no
    # 'unverified' claim, whatever the shipped data holds.
    folder = mdr_data.export(tmp_path / "remix")
    claims = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    theme = claims["theme"].iloc[0]
    mine = claims["theme"] == theme
    claims.loc[mine, "confidence"] = "single source"
    claims.loc[mine, "second_source_id"] = ""
    claims.to_csv(folder / "claims.csv", index=False)
    reader = source_reader(folder)
    reader.theme.value, reader.confidence.value = theme, "unverified"
    assert reader.current_table.empty
    assert reader.claim.value is None and reader.current_claim is None
    assert "No claim matches" in reader.card.value
    assert ": 0 claims" in reader.title
    reader.confidence.value = "single source"
    assert len(reader.current_table) == int(mine.sum())
    assert reader.claim.value == reader.current_table["claim_id"].iloc[0]


def test_reset_restores_defaults(reader):
    defaults = (reader.theme.value, reader.confidence.value, reader.claim.value, reader.title)
    options = reader.claim.options
    reader.theme.value = "Iran"
    reader.confidence.value = "single source"
    reader.reset()
    assert (reader.theme.value, reader.confidence.value, reader.claim.value, reader.title) == (
        defaults
    )
    assert reader.claim.options == options


def test_controls_and_outputs_carry_css_classes(reader):
    controls = ((reader.theme, "theme"), (reader.confidence, "confidence"))
    for control, name in (*controls, (reader.kind, "claim-kind")):
        assert f"mdr-{name}" in control._dom_classes and control.description
    assert "mdr-claim" in reader.claim._dom_classes
    assert {"mdr-output", "mdr-output-claim"} <= set(reader.card._dom_classes)
    assert "mdr-output" in reader.table.html._dom_classes


def test_claims_with_sources_joins_both_roles():
    frame = claims_with_sources()
    sources = mdr_data.sources().set_index("source_id")
    assert (
        frame["said_by_publisher"].tolist() == sources.loc[frame["said_by"], "publisher"].tolist()
    )
    assert frame["source_title"].tolist() == sources.loc[frame["source_id"], "title"].tolist()
    assert set(frame["kind_of_text"]) == {"verbatim quote", "paraphrase"}
    assert set(claims_with_sources(confidence="Corroborated")["confidence"]) == {"corroborated"}
    with pytest.raises(ValueError, match="unknown theme"):
        claims_with_sources(theme="Mars")


def test_card_escapes_text():
    row = claims_with_sources().iloc[0].copy()
    row["text"] = "<script>alert(1)</script>"
    row["notes"] = pd.NA
    card = claim_card_html(row)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "Notes:" not in card


def test_kind_filter_keeps_one_kind_and_shows_speaker_and_stance_for_views(reader):
    claims = mdr_data.claims()
    assert reader.kind.value == "any"
    reader.kind.value = "view"
    table = reader.current_table
    assert set(table["claim_kind"]) == {"view"}
    assert len(table) == (claims["claim_kind"] == "view").sum()
    assert [value for _label, value in reader.claim.options] == table["claim_id"].tolist()
    assert "kind 'view'" in reader.title
    markup = reader.table.html.value
    assert "<th>Speaker</th>" in markup and "<th>Stance</th>" in markup
    assert "<th>Confidence</th>" in markup and "<th>Read in</th>" in markup
    card = reader.card.value
    assert "Speaker:" in card and "Stance:" in card
    assert html.escape(vocabulary.meaning("claims", "claim_kind", "view")) in card
    reader.kind.value = "review text"
    assert set(reader.current_table["claim_kind"]) == {"review text"}
    assert "Stance:" not in reader.card.value and "<th>Stance</th>" not in reader.table.html.value


def test_kind_combines_with_theme_and_confidence(reader):
    claims = mdr_data.claims()
    reader.kind.value = "view"
    reader.theme.value = "strategic stability"
    reader.confidence.value = "corroborated"
    expected = claims.loc[
        (claims["claim_kind"] == "view")
        & (claims["theme"] == "strategic stability")
        & (claims["confidence"] == "corroborated"),
        "claim_id",
    ]
    assert reader.current_table["claim_id"].tolist() == expected.tolist()


def test_opens_on_views_and_reset_comes_back_to_them():
    reader = source_reader(claim_kind="view")
    assert reader.kind.value == "view"
    assert set(reader.current_table["claim_kind"]) == {"view"}
    assert reader.current_claim["claim_kind"] == "view"
    reader.kind.value = "any"
    assert len(reader.current_table) == len(mdr_data.claims())
    reader.reset()
    assert reader.kind.value == "view" and set(reader.current_table["claim_kind"]) == {"view"}
    assert reader.claim.value == reader.current_table["claim_id"].iloc[0]


def test_unknown_claim_kind_names_the_closest():
    with pytest.raises(ValueError, match="did you mean 'view'"):
        source_reader(claim_kind="views")


def test_the_table_shows_the_first_claims_and_the_others_one_click_away(reader):
    from mdr_data.widgets.source_reader import OPEN_ROWS

    markup = reader.table.html.value
    count = len(reader.current_table)
    assert count > OPEN_ROWS, "the shipped data should hold more claims than the table opens"
    assert markup.count("<tr>") == 2 + count  # two headers, every claim once
    assert f"<summary>Show the other {count - OPEN_ROWS} rows</summary>" in markup
    for claim_id in reader.current_table["claim_id"]:
        assert f"<td>{claim_id}</td>" in markup


def test_a_claim_change_or_a_reset_resends_only_what_changed(reader):
    """Issue 13: a Reset re-sent 119 claim options and a rebuilt table even when unchanged."""
    sent = []
    reader.claim.observe(lambda change: sent.append("options"), names="options")
    reader.table.html.observe(lambda change: sent.append("table"), names="value")
    table = reader.table.html.value
    reader.claim.value = reader.claim.options[3][1]
    assert reader.table.html.value == table and "Said by" in reader.card.value
    reader.reset()
    assert sent == [] and reader.claim.value == reader.claim.options[0][1]
    reader.theme.value = "India"
    reader.reset()
    assert sent == ["options", "table", "options", "table"]
    assert reader.table.html.value == table  # the same table as before, kept, not rebuilt
