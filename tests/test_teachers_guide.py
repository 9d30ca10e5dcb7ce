"""The teacher's guide (notebooks/README.md) can be run as written (issue 11).

* every lesson plan's steps add up to its slot (a 90-minute session that packs 175 minutes of
  activities was an instructor's finding);
* there are 50- and 90-minute plans for the Indo-Pacific and India, Europe and the Middle East,
  and data skills;
* the table of notebooks lists every notebook of the sequence, links to it, and gives the time its
  master states under *Estimated time*;
* every regional notebook has its "project this map" moment, and every written (free-text)
  exercise has marking notes in the rubric section.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mdr_data.exercises import exercises

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "notebooks" / "README.md"
PLAN = re.compile(r"^#{3,4} (?P<name>.+?) \((?P<slot>\d+) minutes\)\s*$")
STEP = re.compile(r"^\|\s*(?P<minutes>\d+)\s*\|")
TRACKS = ("Indo-Pacific and India", "Europe and the Middle East", "Data skills")


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def plans(text: str) -> dict[str, tuple[int, list[int]]]:
    """Each plan heading "… (N minutes)" → (N, the minutes of the steps in its table).

    >>> plans("#### A (10 minutes)\\n\\n| minutes | step |\\n|---|---|\\n| 4 | a |\\n| 6 | b |\\n")
    {'A': (10, [4, 6])}
    """
    found: dict[str, tuple[int, list[int]]] = {}
    current = None
    for line in text.splitlines():
        heading = PLAN.match(line)
        if heading:
            current = heading["name"]
            found[current] = (int(heading["slot"]), [])
        elif line.startswith("#"):
            current = None
        elif current is not None and (step := STEP.match(line)):
            found[current][1].append(int(step["minutes"]))
    return found


def _track_sections(text: str) -> dict[str, str]:
    """Each "### Track …" section's text, by its heading."""
    parts = re.split(r"^### (Track .+)$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1].split("\n## ")[0] for i in range(1, len(parts), 2)}


def test_every_plan_adds_up_to_its_slot():
    found = plans(_text())
    assert found, "no lesson plan with a '(N minutes)' heading"
    wrong = {name: (slot, sum(steps), steps) for name, (slot, steps) in found.items()
             if sum(steps) != slot or not steps}  # fmt: skip
    assert not wrong, f"plans whose steps do not add up to the slot: {wrong}"


@pytest.mark.parametrize("track", TRACKS)
def test_each_track_has_a_50_and_a_90_minute_plan(track):
    sections = {name: body for name, body in _track_sections(_text()).items() if track in name}
    assert sections, f"no '### Track …{track}' section"
    slots = {
        int(slot) for body in sections.values() for slot in re.findall(r"\((\d+) minutes\)", body)
    }
    assert {50, 90} <= slots, f"{track}: plans of {sorted(slots)} minutes"


def _stated_time(path: Path) -> int:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    match = re.search(r"\*\*Estimated time:\*\*\s*(\d+)\s*minutes", text)
    assert match, f"{path.name}: no 'Estimated time: N minutes'"
    return int(match.group(1))


MASTERS = sorted((REPO / "solutions").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_the_notebook_table_links_each_notebook_with_its_stated_time(master):
    rows = [line for line in _text().splitlines() if f"]({master.name})" in line]
    assert rows, f"the guide's notebook table has no row linking {master.name}"
    assert (REPO / "notebooks" / master.name).exists(), f"no learner copy of {master.name}"
    times = re.findall(r"\|\s*(\d+) min\s*\|", rows[0])
    assert times == [str(_stated_time(master))], (
        f"{master.name}: the guide says {times} min, the notebook {_stated_time(master)} minutes"
    )


def test_regional_notebooks_have_a_project_this_map_moment():
    text = _text()
    section = text.split("## Project this map", 1)[1].split("\n## ", 1)[0]
    for number in ("01", "02", "05", "06"):
        assert re.search(rf"^\| {number} \|", section, flags=re.MULTILINE), number


def test_every_written_exercise_has_marking_notes():
    text = _text()
    rubric = text.split("## Rubric for the written exercises", 1)[1].split("\n## ", 1)[0]
    written = [e.id for e in exercises().values() if e.kind == "free text"]
    missing = [i for i in written if not re.search(rf"\b{re.escape(i)}\b", rubric)]
    assert written and not missing, f"written exercises without marking notes: {missing}"


def test_the_skills_matrix_block_is_kept():
    text = _text()
    assert "<!-- SKILLS-MATRIX -->" in text and "<!-- /SKILLS-MATRIX -->" in text
