"""The remix lab of notebook 06: the question builder and the tidy-join helpers."""

from __future__ import annotations

import pandas as pd
import pytest

import mdr_data
from mdr_data.views import count_by, group_columns, measures, pandas_recipe, tidy_capabilities
from mdr_data.widgets.remix_lab import remix_lab


@pytest.fixture
def lab():
    return remix_lab()


def _as_dict(frame: pd.DataFrame) -> dict:
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1], strict=True))


def test_default_question_counts_claims_by_confidence(lab):
    expected = mdr_data.claims()["confidence"].astype(str).value_counts().to_dict()
    assert _as_dict(lab.current_table) == expected
    assert lab.current_table.iloc[:, 1].is_monotonic_decreasing
    assert lab.title == "Number of rows by confidence in the claims table"
    assert lab.figure.axes[0].get_title(loc="left") == lab.title


def test_recipe_computes_the_same_numbers(lab):
    for table, by, measure in [
        ("claims", "confidence", "rows"),
        ("capabilities", "actor_id", "rows"),
        ("relationships", "kind", "sources"),
    ]:
        lab.table_name.value = table
        lab.group_by.value = by
        lab.measure.value = measure
        result = eval(lab.recipe, {"mdr_data": mdr_data})  # the line the lab shows learners
        computed = {str(k): v for k, v in result.items()}
        shown = _as_dict(lab.current_table)
        assert set(computed) == set(shown)
        for key, value in shown.items():
            assert pd.isna(value) == pd.isna(computed[key])
            if not pd.isna(value):
                assert value == computed[key]


def test_table_change_refills_columns_and_measures(lab):
    lab.table_name.value = "capabilities"
    assert list(lab.group_by.options) == group_columns("capabilities")
    assert lab.group_by.value == "confidence"  # kept: capabilities has it too
    assert [v for _label, v in lab.measure.options] == ["rows", "sources"]
    lab.group_by.value = "category"
    lab.table_name.value = "events"
    assert lab.group_by.value == group_columns("events")[0]  # events has no category
    assert lab.title.endswith("in the events table")


def test_figures_are_never_summed_across_units(lab):
    """Figures come in different units (missiles, kilometres, ships): no measure adds them."""
    for table in mdr_data.list_tables():
        assert all(value in {"rows", "sources"} for _label, value in measures(table)), table
    lab.table_name.value = "capabilities"
    assert [v for _label, v in lab.measure.options] == ["rows", "sources"]


def test_bars_match_the_table(lab):
    lab.table_name.value = "events"
    lab.group_by.value = "kind"
    ax = lab.figure.axes[0]
    drawn = lab.current_table.head(15)  # the chart shows the 15 largest groups
    assert len(ax.patches) == len(drawn)
    widths = sorted(bar.get_width() for bar in ax.patches)
    assert widths == sorted(float(v) for v in drawn.iloc[:, 1])
    texts = [t.get_text() for t in ax.texts]
    assert set(drawn["kind"]) <= set(texts)
    assert len(texts) == 2 * len(drawn)  # a label and a value per bar
    if len(lab.current_table) > 15:
        assert ax.get_title(loc="left").endswith(f"(top 15 of {len(lab.current_table)})")


def test_the_image_alt_text_lists_the_bars(lab):
    assert lab.panel.alt.startswith(f"Bar chart. {lab.title}: ")
    for group, value in zip(
        lab.current_table.iloc[:, 0], lab.current_table.iloc[:, 1], strict=True
    ):
        assert f"{group}: {value}" in lab.panel.alt
    lab.table_name.value = "capabilities"
    assert "in the capabilities table" in lab.panel.alt


def test_a_revisited_question_reuses_its_png_and_still_draws_the_figure(lab):
    first = lab.panel.image.value
    lab.group_by.value = "theme"
    theme_png = lab.panel.image.value
    assert theme_png != first
    lab.group_by.value = "confidence"
    assert lab.panel.image.value == first
    assert lab.figure.axes[0].get_title(loc="left") == lab.title
    assert len(lab.figure.axes[0].patches) == len(lab.current_table)


def test_missing_values_form_their_own_group():
    counts = _as_dict(count_by("claims", "actor_id"))
    assert counts["(empty)"] == mdr_data.claims()["actor_id"].isna().sum()
    assert sum(counts.values()) == len(mdr_data.claims())


def test_reset_restores_defaults(lab):
    defaults = (lab.table_name.value, lab.group_by.value, lab.measure.value, lab.title)
    lab.table_name.value = "relationships"
    lab.group_by.value = "actor_to"
    lab.reset()
    assert (lab.table_name.value, lab.group_by.value, lab.measure.value, lab.title) == defaults
    assert list(lab.group_by.options) == group_columns("claims")


def test_controls_and_outputs_carry_css_classes(lab):
    for control, name in ((lab.table_name, "table"), (lab.group_by, "group-by")):
        assert f"mdr-{name}" in control._dom_classes and control.description
    assert "mdr-measure" in lab.measure._dom_classes
    for output in (lab.panel.image, lab.table.html, lab.code):
        assert "mdr-output" in output._dom_classes
    assert "groupby" in lab.code.value


def test_group_columns_skip_free_text_and_row_ids():
    for table in mdr_data.list_tables():
        columns = group_columns(table)
        assert not {"evidence", "notes", "text", "url"} & set(columns)
    assert "capability_id" not in group_columns("capabilities")
    assert "event_id" in group_columns("event_actors")  # part of a composite key: a real group


def test_unknown_inputs_are_refused():
    with pytest.raises(ValueError, match="unknown measure"):
        pandas_recipe("claims", "confidence", "sum:count_high")
    with pytest.raises(ValueError, match="no column"):
        count_by("claims", "nope")
    with pytest.raises(ValueError, match="unknown table"):
        count_by("claimz", "confidence")
    assert [v for _label, v in measures("glossary")] == ["rows", "sources"]


def test_tidy_capabilities_joins_actor_and_source():
    tidy = tidy_capabilities()
    caps = mdr_data.capabilities()
    assert tidy["capability_id"].tolist() == caps["capability_id"].tolist()
    names = mdr_data.actors().set_index("actor_id")["name"]
    assert tidy["actor_name"].tolist() == names.loc[tidy["actor_id"]].tolist()
    assert tidy["source_publisher"].notna().all() and tidy["region"].notna().all()
    assert set(tidy["source_kind"]) <= {"primary", "secondary"}


def test_an_edited_copy_is_counted(tmp_path):
    folder = mdr_data.export(tmp_path / "remix")
    claims = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    # A copy of a shipped claim (so every required column is filled, whatever the schema adds).
    row = claims.iloc[0].to_dict() | {
        "claim_id": "class-extra",
        "text": "An example paraphrase written in class.",
        "is_verbatim": "false",
        "confidence": "unverified",
        "second_source_id": "",  # an unverified row has one source only
    }
    pd.concat([claims, pd.DataFrame([row])]).to_csv(folder / "claims.csv", index=False)
    lab = remix_lab(folder)
    before = _as_dict(count_by("claims", "confidence"))
    after = _as_dict(lab.current_table)
    assert after["unverified"] == before["unverified"] + 1
    # editing the copy again is seen by the next call (the cache key includes the files' state)
    counted = _as_dict(count_by("claims", "confidence", data_dir=folder))
    assert counted == after
    pd.concat([claims, pd.DataFrame([row | {"claim_id": "class-extra-2"}])]).to_csv(
        folder / "claims.csv", index=False
    )
    counted = _as_dict(count_by("claims", "confidence", data_dir=folder))
    assert counted["unverified"] == before["unverified"] + 1
    two = pd.concat([claims, pd.DataFrame([row, row | {"claim_id": "class-extra-2"}])])
    two.to_csv(folder / "claims.csv", index=False)
    counted = _as_dict(count_by("claims", "confidence", data_dir=folder))
    assert counted["unverified"] == before["unverified"] + 2
