"""Compute mdr_data/exercises/digests.json from the reference answers in tests/.

For every exercise of kind "check" (mdr_data/exercises/nbNN.py) this script calls its reference
in ``tests/exercise_answers.py`` and stores, salted with the exercise id:

* ``right``: digests of the right answer and of its equivalent forms;
* ``items`` and ``n_items`` (list answers): one digest per item, so check() can say "3 of your 4
  items are right" without saying which;
* ``wrong``: digest of each common wrong answer -> its targeted message;
* ``expects``: "number", "text", "boolean" or "list" (for type-based feedback).

The data decides the answers, so re-run it whenever the data changes. ``--check`` writes nothing
and exits 1 if the file is out of date (a test runs it, so CI catches stale digests).

Usage: ``python scripts/build_exercise_digests.py [--check]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from numbers import Real
from pathlib import Path

from mdr_data.exercises import _model, exercises

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "exercise_answers.py"
OUTPUT = ROOT / "mdr_data" / "exercises" / "digests.json"


def load_references(path: Path = ANSWERS):
    """The ``REFERENCES`` dict of tests/exercise_answers.py (id -> function returning Answers)."""
    spec = importlib.util.spec_from_file_location("exercise_answers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("exercise_answers", module)
    spec.loader.exec_module(module)
    return module.REFERENCES


def expects(answer: object) -> str:
    """What kind of answer the exercise wants, from the reference answer's type."""
    if _model.as_items(answer) is not None:
        return "list"
    answer = _model._scalar(answer)
    if isinstance(answer, bool):
        return "boolean"
    if isinstance(answer, Real):
        return "number"
    return "text"


def entry(exercise: _model.Exercise, answers) -> dict:
    """The digests.json entry of one exercise."""
    key, ordered = exercise.id, exercise.ordered
    right = sorted(
        {_model.digest(key, form, ordered=ordered) for form in (answers.right, *answers.also_right)}
    )
    wrong: dict[str, str] = {}
    for value, message in answers.wrong:
        hashed = _model.digest(key, value, ordered=ordered)
        if hashed in right:
            raise ValueError(f"{key}: the wrong answer {value!r} is right with the current data")
        wrong.setdefault(hashed, message)  # with today's data two mistakes may coincide
    out = {"expects": expects(answers.right), "right": right}
    items = _model.as_items(answers.right)
    if items is not None:
        out["items"] = sorted({_model.item_digest(key, item) for item in items})
        out["n_items"] = len(items)
    out["wrong"] = dict(sorted(wrong.items()))
    return out


def compute(references=None) -> dict:
    """The whole digests.json document."""
    references = load_references() if references is None else references
    checked = {key: ex for key, ex in exercises().items() if ex.kind == "check"}
    missing = sorted(set(checked) - set(references))
    extra = sorted(set(references) - set(checked))
    if missing or extra:
        raise ValueError(
            f"references and check exercises differ: without reference {missing}, "
            f"reference without check exercise {extra}"
        )
    return {
        "generated_by": "scripts/build_exercise_digests.py from tests/exercise_answers.py; "
        "do not edit",
        "exercises": {key: entry(checked[key], references[key]()) for key in sorted(checked)},
    }


def render(document: dict) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    text = render(compute())
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
    if args.check:
        if current != text:
            print(
                f"out of date: {OUTPUT.relative_to(ROOT)}\n"
                "run: python scripts/build_exercise_digests.py",
                file=sys.stderr,
            )
            return 1
        print("exercise digests up to date")
        return 0
    if current != text:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
