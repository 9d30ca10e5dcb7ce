"""Self-checks: right answers pass in every equivalent form, wrong ones get targeted feedback,
digests are current and salted, and no answer is stored or shown in clear."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import mdr_data
from mdr_data import exercises
from mdr_data.exercises import check, normalise

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from exercise_answers import REFERENCES  # noqa: E402

ALL = exercises.exercises()
CHECKED = sorted(key for key, ex in ALL.items() if ex.kind == "check")
FREE_TEXT = sorted(key for key, ex in ALL.items() if ex.kind == "free text")
ANSWERS = {key: REFERENCES[key]() for key in CHECKED}


def test_digests_are_up_to_date():
    """The digests come from today's data: regenerate them when the data changes."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_exercise_digests.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_check_exercise_has_a_reference_and_no_free_text_one_does():
    assert set(REFERENCES) == set(CHECKED)


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_reference_answer_and_its_equivalent_forms_are_right(exercise_id):
    answers = ANSWERS[exercise_id]
    for form in (answers.right, *answers.also_right):
        feedback = check(exercise_id, form)
        assert feedback.correct, (exercise_id, form, feedback.message)
        assert repr(feedback) == f"✓ Right: {ALL[exercise_id].right}"


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_each_common_wrong_answer_gets_its_own_message(exercise_id):
    for value, message in ANSWERS[exercise_id].wrong:
        feedback = check(exercise_id, value)
        assert not feedback, (exercise_id, value)
        # the first message listed wins when today's data makes two wrong answers coincide
        first = next(m for v, m in ANSWERS[exercise_id].wrong if normalise(v) == normalise(value))
        assert feedback.message == f"Not yet: {first}", (exercise_id, value)
        assert message


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_any_other_wrong_answer_gets_the_hint_and_none_asks_for_an_answer(exercise_id):
    wrong = check(exercise_id, "certainly-not-the-answer")
    assert not wrong and wrong.message.startswith("Not yet:")
    missing = check(exercise_id, None)
    assert not missing and "replace None" in missing.message


@pytest.mark.parametrize("exercise_id", FREE_TEXT)
def test_free_text_exercises_point_to_the_rubric(exercise_id):
    feedback = check(exercise_id, "my answer")
    assert not feedback and "rubric" in feedback.message


def test_type_based_feedback():
    days = ANSWERS["04-1"].right
    assert ".days" in check("04-1", pd.Timedelta(days=days)).message
    assert "DataFrame" in check("03-2", mdr_data.relationships()).message
    series = check("03-2", mdr_data.relationships()["confidence"] == "unverified")
    assert "Series" in series.message and "sum()" in series.message
    assert "DataFrame" in check("01-2", mdr_data.actors(role="rogue state")).message
    assert "empty" in check("01-2", []).message


def test_one_value_in_a_container_counts_as_that_value():
    answer = ANSWERS["09-1"].right
    assert check("09-1", pd.Series([answer]))
    assert check("00-1", [ANSWERS["00-1"].right])


def test_list_feedback_says_how_many_items_are_right_but_not_which():
    members = ANSWERS["03-1"].right
    assert len(members) >= 3
    one_missing = check("03-1", members[1:])
    assert one_missing.message == f"Not yet: your {len(members) - 1} items are right; 1 is missing."
    one_extra = check("03-1", [*members, "XXX"])
    assert "1 does not belong" in one_extra.message
    twice = check("03-1", [*members, members[0]])
    assert "twice" in twice.message
    assert check("01-2", ANSWERS["01-2"].right[0]) is not True  # a lone id is one item
    assert "missing" in check("01-2", ANSWERS["01-2"].right[0]).message


def test_order_matters_only_where_the_exercise_says_so():
    low, high = ANSWERS["02-1"].right
    assert "order" in check("02-1", [high, low]).message
    assert check("01-2", list(reversed(ANSWERS["01-2"].right)))


def test_case_white_space_and_number_form_do_not_matter():
    assert check("01-2", [" " + a.lower() + " " for a in ANSWERS["01-2"].right])
    assert check("00-1", float(ANSWERS["00-1"].right))
    assert check("00-1", str(ANSWERS["00-1"].right))


def test_unknown_id_names_the_closest():
    with pytest.raises(ValueError, match="did you mean '02-1'"):
        check("2-1", 1)


def test_digests_are_salted_per_exercise():
    assert exercises.digest("00-1", 3) != exercises.digest("02-2", 3)
    assert exercises.digest("00-1", 3) != exercises._model.item_digest("00-1", 3)


def _package_docs() -> str:
    """The package's own code and docstrings (the nbNN modules are checked per exercise)."""
    folder = REPO / "mdr_data" / "exercises"
    return "\n".join(
        path.read_text(encoding="utf-8").lower()
        for path in folder.glob("*.py")
        if not path.name.startswith("nb")
    )


@pytest.mark.parametrize("exercise_id", CHECKED)
def test_no_answer_in_hints_notes_messages_or_docstrings(exercise_id):
    """Neither the exercise's own hint, note and wrong-answer messages nor the package's code
    and docstrings contain its answer, or any item of a list answer."""
    answers, ex = ANSWERS[exercise_id], ALL[exercise_id]
    own = " ".join([ex.hint, ex.right, *(message for _, message in answers.wrong)]).lower()
    docs = _package_docs()
    items = exercises._model.as_items(answers.right) or []
    for value in [answers.right, *items]:
        text = normalise(value)
        if text.isdigit() and int(text) < 10:
            continue  # a digit this small appears in any text; the salted digest protects it
        pattern = rf"(?<![\w-]){re.escape(text)}(?![\w-])"
        assert not re.search(pattern, own), (exercise_id, text)
        assert not re.search(pattern, docs), (exercise_id, text)


def test_every_exercise_is_in_its_notebook_and_every_check_call_is_registered():
    for master in sorted((REPO / "solutions").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(master, as_version=4)
        text = "\n".join(cell.source for cell in nb.cells)
        number = master.name[:2]
        headed = set(re.findall(rf"\*\*Exercise ({number}-\d+)\b", text))
        mine = {key for key in ALL if key.startswith(number + "-")}
        assert headed == mine, (master.name, sorted(headed ^ mine))
        for called in re.findall(r"check\(\"(\d\d-\d+)\"", text):
            assert ALL[called].kind == "check", (master.name, called)


def test_exercise_modules_load_lazily():
    """Importing the package reads no exercise module and no digest."""
    code = (
        "import sys, mdr_data.exercises as e\n"
        "assert not [m for m in sys.modules if m.startswith('mdr_data.exercises.nb')]\n"
        "e.check('00-1', None)\n"
        "assert 'mdr_data.exercises.nb00' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_exercise_metadata_is_valid():
    with pytest.raises(ValueError, match="level"):
        exercises.Exercise("09-1", level="hard", skills=("merge",), hint="h")
    with pytest.raises(ValueError, match="NN-k"):
        exercises.Exercise("9-1", level="easy", skills=("merge",), hint="h")
    for ex in ALL.values():
        assert ex.hint.strip() and ex.right.strip(), ex.id


def test_answers_module_is_not_importable_from_the_package():
    assert importlib.util.find_spec("mdr_data.exercise_answers") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" Ally ", "ally"), (3, "3"), (3.0, "3"), (2.5, "2.5"), ({"b", "a"}, "a,b"), (False, "false")],
)
def test_normalise(value, expected):
    assert normalise(value) == expected
