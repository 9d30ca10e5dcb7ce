"""Self-checks: right answers pass, wrong ones get a hint, answers are never stored."""

from __future__ import annotations

import pytest

import mdr_data
from mdr_data import exercises
from mdr_data.exercises import check, normalise


def _reference_answers():
    """The answers, computed from the data the way the solution cells do."""
    actors = mdr_data.actors()
    china = mdr_data.capabilities(actor="China")
    trilateral = mdr_data.relationships(multilateral_format="US-Japan-Australia trilateral")
    edges = mdr_data.relationships()
    return {
        "00-1": len(mdr_data.list_tables()),
        "00-2": "mdr-2019",
        "01-1": actors.loc[actors["actor_id"] == "IND", "role"].item(),
        "01-2": mdr_data.actors(role="rogue state")["actor_id"].tolist(),
        "02-1": mdr_data.capabilities(actor="China", category="ICBM")[["count_low", "count_high"]]
        .iloc[0]
        .tolist(),
        "02-2": int((china["count_low"].isna() & china["count_high"].isna()).sum()),
        "03-1": sorted(set(trilateral["actor_from"]) | set(trilateral["actor_to"])),
        "03-2": int((edges["confidence"] == "unverified").sum()),
    }


@pytest.mark.parametrize(("exercise_id", "answer"), sorted(_reference_answers().items()))
def test_reference_answers_are_right(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert feedback.correct, (exercise_id, feedback.message)
    assert repr(feedback).startswith("✓ Right")


def test_every_exercise_of_notebooks_00_to_03_has_a_reference():
    mine = {key for key in exercises.EXERCISES if key[:2] in {"00", "01", "02", "03"}}
    assert mine == set(_reference_answers())


@pytest.mark.parametrize("exercise_id", sorted(exercises.EXERCISES))
def test_wrong_and_missing_answers_get_a_hint(exercise_id):
    wrong = check(exercise_id, "certainly-not-the-answer")
    assert not wrong and wrong.message.startswith("Not yet:")
    missing = check(exercise_id, None)
    assert not missing and "replace None" in missing.message


def test_case_order_and_number_form_do_not_matter():
    assert check("01-2", ["prk", " IRN "])
    assert check("02-1", (100.0, 75))
    assert check("00-1", 8.0)


def test_unknown_id_names_the_closest():
    with pytest.raises(ValueError, match="did you mean '02-1'"):
        check("2-1", 1)


def test_answers_are_not_stored_in_clear():
    """Only digests are stored; hints and 'right' notes do not spell the answer out."""
    for exercise_id, answer in _reference_answers().items():
        exercise = exercises.EXERCISES[exercise_id]
        assert len(exercise.digest) == 64
        text = normalise(answer)
        if len(text) > 3:
            assert text not in exercise.hint.lower() and text not in exercise.right.lower()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" Ally ", "ally"), (3, "3"), (3.0, "3"), (2.5, "2.5"), ({"b", "a"}, "a,b"), (False, "false")],
)
def test_normalise(value, expected):
    assert normalise(value) == expected
