"""The skills list is true: each skill is really taught where notebooks/skills.csv says, no
exercise needs a skill before it is taught, and the teacher's guide's matrix matches the list."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

from mdr_data.exercises import exercises

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "build_notebooks", REPO / "scripts" / "build_notebooks.py"
)
build_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_notebooks)

SKILLS = build_notebooks.read_skills(REPO)
BY_ID = {row["skill_id"]: row for row in SKILLS}
MASTERS = {path.name[:2]: path for path in build_notebooks.masters(REPO)}

#: (exercise, skill) pairs where today's notebooks ask for a skill before teaching it. Each one
#: is a to-do for the notebook rewrite (issue 11): teach the skill in or before the exercise's
#: notebook, fill in its row of notebooks/skills.csv, and delete the entry here. The test fails
#: when a new gap appears AND when a listed gap is closed, so this list stays the truth.
KNOWN_GAPS: set[tuple[str, str]] = set()


def test_skills_csv_is_well_formed():
    assert [*SKILLS[0]] == ["skill_id", "description", "notebook", "pattern"]
    assert len(BY_ID) == len(SKILLS), "duplicate skill_id"
    for row in SKILLS:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", row["skill_id"]), row
        assert row["description"].strip() and row["pattern"].strip(), row
        re.compile(row["pattern"])
        assert row["notebook"] == "" or row["notebook"] in MASTERS, row


def test_every_exercise_names_known_skills():
    for exercise in exercises().values():
        unknown = set(exercise.skills) - set(BY_ID)
        assert not unknown, f"{exercise.id}: add {sorted(unknown)} to notebooks/skills.csv"


def _gaps() -> set[tuple[str, str]]:
    gaps = set()
    for exercise in exercises().values():
        for skill in exercise.skills:
            taught = BY_ID[skill]["notebook"]
            if not taught or taught > exercise.notebook:
                gaps.add((exercise.id, skill))
    return gaps


def test_every_exercise_skill_is_taught_at_or_before_its_notebook():
    gaps = _gaps()
    new = sorted(gaps - KNOWN_GAPS)
    closed = sorted(KNOWN_GAPS - gaps)
    assert not new, f"exercises need skills not taught yet (at or before their notebook): {new}"
    assert not closed, f"these gaps are closed: delete them from KNOWN_GAPS: {closed}"


@pytest.mark.parametrize(
    "row", [row for row in SKILLS if row["notebook"]], ids=lambda row: row["skill_id"]
)
def test_a_taught_skill_is_shown_in_a_teaching_cell_of_its_notebook(row):
    """'Taught' is real: a code cell before the exercises, not a solution, matches the regex."""
    nb = nbformat.read(MASTERS[row["notebook"]], as_version=4)
    cells = build_notebooks.teaching_code_cells(nb)
    assert any(re.search(row["pattern"], source) for source in cells), (
        f"no teaching code cell of notebook {row['notebook']} matches {row['pattern']!r}"
    )


def test_teaching_cells_exclude_exercises_and_solutions():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("table.merge(other)"),
        nbformat.v4.new_markdown_cell("## Exercises"),
        nbformat.v4.new_code_cell("table.groupby('x')"),
    ]
    solution = nbformat.v4.new_code_cell("table.isna()")
    solution.metadata["tags"] = ["solution"]
    nb.cells.insert(1, solution)
    assert build_notebooks.teaching_code_cells(nb) == ["table.merge(other)"]


def test_the_teachers_guide_matrix_matches_the_list():
    guide = (REPO / "notebooks" / "README.md").read_text(encoding="utf-8")
    assert build_notebooks.MATRIX_START in guide and build_notebooks.MATRIX_END in guide
    matrix = build_notebooks.skills_matrix(REPO)
    assert matrix in guide, "skills matrix out of date: run make notebooks"
    for row in SKILLS:
        assert f"| `{row['skill_id']}` |" in matrix
