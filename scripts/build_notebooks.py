"""Generate the learner notebooks from the master copies, with navigation cells.

``solutions/NN-kebab-title.ipynb`` are the master copies (with solutions). For each, this script

* inserts or refreshes navigation cells (previous / contents / next), marked by the comment
  ``<!-- NAVIGATION -->``, at the top and bottom of the master and of the learner copy;
* writes the learner copy ``notebooks/NN-kebab-title.ipynb``: every cell tagged ``solution`` has
  its source replaced by a placeholder, every output and execution count is removed;
* strips outputs and execution counts from the masters and from ``notebooks/dashboards/*.ipynb``
  (the dashboards are otherwise left alone);
* writes the skills matrix into the teacher's guide ``notebooks/README.md``, between the comments
  ``<!-- SKILLS-MATRIX -->`` and ``<!-- /SKILLS-MATRIX -->``, from ``notebooks/skills.csv`` (which
  notebook teaches each skill) and the exercises' metadata (which exercises practise it).

Re-running it changes nothing (idempotent). ``--check`` writes nothing and exits 1 if any file
is out of date (or a learner copy has no master), listing the files; CI runs it via a test.

Usage: ``python scripts/build_notebooks.py [--check] [--root PATH]``
"""

from __future__ import annotations

import argparse
import copy
import csv
import re
import sys
from pathlib import Path

import nbformat

NAV_MARKER = "<!-- NAVIGATION -->"
CODE_PLACEHOLDER = "# Your answer here"
MARKDOWN_PLACEHOLDER = "*Write your answer here.*"
SOLUTION_TAG = "solution"
NOTEBOOK_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")
MATRIX_START = "<!-- SKILLS-MATRIX -->"
MATRIX_END = "<!-- /SKILLS-MATRIX -->"
EXERCISES_HEADING = re.compile(r"^## Exercises", re.MULTILINE)


def masters(root: Path) -> list[Path]:
    """The master notebooks in ``solutions/``, ordered by their NN prefix."""
    folder = root / "solutions"
    found = [p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name)]
    return sorted(found, key=lambda p: (int(p.name[:2]), p.name))


def title_of(nb) -> str:
    """The notebook's title: the first markdown heading outside the navigation cells."""
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.source.startswith(NAV_MARKER):
            continue
        for line in cell.source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return "Untitled"


def nav_source(
    previous: tuple[str, str] | None, following: tuple[str, str] | None, contents: str
) -> str:
    """Markdown of one navigation cell; ``previous``/``following`` are (file name, title)."""
    parts = []
    if previous:
        parts.append(f"[← {previous[1]}]({previous[0]})")
    parts.append(f"[Contents]({contents})")
    if following:
        parts.append(f"[{following[1]} →]({following[0]})")
    return NAV_MARKER + "\n" + " | ".join(parts)


def _clean(cell) -> None:
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    cell.metadata.pop("execution", None)


def _with_nav(nb, top: str, bottom: str):
    """A copy of ``nb`` without old navigation cells, with fresh ones at top and bottom."""
    nb = copy.deepcopy(nb)
    cells = [
        c for c in nb.cells if not (c.cell_type == "markdown" and c.source.startswith(NAV_MARKER))
    ]
    head = nbformat.v4.new_markdown_cell(top)
    head.id = "nav-top"
    tail = nbformat.v4.new_markdown_cell(bottom)
    tail.id = "nav-bottom"
    nb.cells = [head, *cells, tail]
    for cell in nb.cells:
        _clean(cell)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def learner_copy(master_nb):
    """The learner version: solution cells blanked (placeholder), outputs already stripped."""
    nb = copy.deepcopy(master_nb)
    for cell in nb.cells:
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            cell.source = CODE_PLACEHOLDER if cell.cell_type == "code" else MARKDOWN_PLACEHOLDER
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
    return nb


def read_skills(root: Path) -> list[dict[str, str]]:
    """Rows of ``notebooks/skills.csv``: skill_id, description, notebook ("" = not taught yet),
    pattern (a regex a teaching code cell of that notebook must match)."""
    with (root / "notebooks" / "skills.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def teaching_code_cells(nb) -> list[str]:
    """Code cells that teach: before the "## Exercises" heading, not tagged ``solution``."""
    out = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and EXERCISES_HEADING.search(cell.source):
            break
        if cell.cell_type == "code" and SOLUTION_TAG not in cell.metadata.get("tags", []):
            out.append(cell.source)
    return out


def skills_matrix(root: Path) -> str:
    """The teacher's guide's skills matrix (markdown), markers included."""
    from mdr_data.exercises import exercises  # the registry of every notebook's exercises

    titles = {p.name[:2]: f"[{p.name[:2]}]({p.name})" for p in masters(root)}
    practised: dict[str, list[str]] = {}
    for exercise in exercises().values():
        for skill in exercise.skills:
            practised.setdefault(skill, []).append(exercise.id)
    lines = [
        MATRIX_START,
        "<!-- generated by scripts/build_notebooks.py from notebooks/skills.csv and the",
        "     exercises' metadata (mdr_data/exercises/nbNN.py); edit those, make notebooks -->",
        "",
        "| skill | the learner can … | taught in | practised in |",
        "|---|---|---|---|",
    ]
    for row in read_skills(root):
        taught = titles.get(row["notebook"], row["notebook"]) or "*not taught yet*"
        used = ", ".join(sorted(practised.get(row["skill_id"], []))) or "—"
        what = row["description"].replace("|", "\\|")
        lines.append(f"| `{row['skill_id']}` | {what} | {taught} | {used} |")
    lines.append(MATRIX_END)
    return "\n".join(lines)


def with_matrix(guide: str, matrix: str) -> str:
    """The teacher's guide with the text between the matrix markers replaced."""
    start, end = guide.find(MATRIX_START), guide.find(MATRIX_END)
    if start < 0 or end < start:
        return guide
    return guide[:start] + matrix + guide[end + len(MATRIX_END) :]


def render(nb) -> str:
    """Serialise deterministically (nbformat's layout plus a final newline)."""
    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def planned(root: Path) -> dict[Path, str]:
    """Every file this script manages, mapped to the text it should contain."""
    files = masters(root)
    info = [(p.name, title_of(nbformat.read(p, as_version=4))) for p in files]
    out: dict[Path, str] = {}
    for i, path in enumerate(files):
        nb = nbformat.read(path, as_version=4)
        previous = info[i - 1] if i > 0 else None
        following = info[i + 1] if i + 1 < len(info) else None
        master_nav = nav_source(previous, following, "../notebooks/README.md")
        learner_nav = nav_source(previous, following, "README.md")
        master = _with_nav(nb, master_nav, master_nav)
        learner = learner_copy(_with_nav(nb, learner_nav, learner_nav))
        out[path] = render(master)
        out[root / "notebooks" / path.name] = render(learner)
    guide = root / "notebooks" / "README.md"
    if guide.exists() and (root / "notebooks" / "skills.csv").exists():
        out[guide] = with_matrix(guide.read_text(encoding="utf-8"), skills_matrix(root))
    for path in sorted((root / "notebooks" / "dashboards").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            _clean(cell)
        out[path] = render(nb)
    return out


def orphans(root: Path) -> list[Path]:
    """Learner copies in ``notebooks/`` without a master in ``solutions/``."""
    names = {p.name for p in masters(root)}
    return sorted(
        p
        for p in (root / "notebooks").glob("*.ipynb")
        if NOTEBOOK_NAME.match(p.name) and p.name not in names
    )


def build(root: Path, *, check: bool = False) -> list[Path]:
    """Write (or, with ``check``, only compare) every managed file; return those out of date."""
    stale = []
    for path, text in planned(root).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument(
        "--root", type=Path, default=Path(__file__).resolve().parent.parent, help="repo root"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    stale = build(root, check=args.check)
    lonely = orphans(root)
    for path in lonely:
        print(f"no master in solutions/ for {path.relative_to(root)}", file=sys.stderr)
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(root)}", file=sys.stderr)
        if stale or lonely:
            print("run: python scripts/build_notebooks.py", file=sys.stderr)
            return 1
        print(f"notebooks up to date ({len(masters(root))} masters)")
        return 0
    for path in stale:
        print(f"wrote {path.relative_to(root)}")
    return 1 if lonely else 0


if __name__ == "__main__":
    sys.exit(main())
