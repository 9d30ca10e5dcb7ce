"""Build the student release: dist/student/ and dist/mdr-teaching-student.zip.

What students get: the learner notebooks (``notebooks/NN-*.ipynb`` and the dashboards), the
``mdr_data`` package with its data and its salted answer digests, a short README for students,
``pyproject.toml``, ``environment.yml`` and the licences. What they do not get: ``solutions/``,
``tests/`` (with the reference answers), ``scripts/``, the teacher's guide
(``notebooks/README.md``) and its skills list, CONTRIBUTING, benchmarks, deployment files.
Files are picked by an allow-list (:data:`INCLUDE`), never by excluding known secrets, so a new
file holding answers cannot slip in. The learner copies must be up to date first.

Usage: ``python scripts/build_student_release.py [--dest DIR]`` (``make student-release``)
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "mdr-teaching-student"

#: glob patterns, relative to the repository root, of everything a student gets.
INCLUDE = (
    "notebooks/[0-9][0-9]-*.ipynb",
    "notebooks/dashboards/*.ipynb",
    "mdr_data/**/*.py",
    "mdr_data/data/*.csv",
    "mdr_data/data/datapackage.json",
    "mdr_data/geo/*.json",
    "mdr_data/exercises/digests.json",
    "pyproject.toml",
    "environment.yml",
    "LICENSE",
    "LICENSE-DATA",
    "CITATION.cff",
)

README = """\
# mdr-teaching: notebooks for students

Notebooks about the **US 2019 Missile Defense Review** and the regional picture it paints, with
tidy, sourced tables (the `mdr_data` package) and interactive tools.

## Start

With Python 3.10 or newer, in this folder:

```bash
python -m venv .venv
.venv/bin/python -m pip install -e .        # Windows: .venv\\Scripts\\python -m pip install -e .
.venv/bin/jupyter lab notebooks/
```

Or with conda: `conda env create -f environment.yml`, `conda activate mdr-teaching`, then
`jupyter lab notebooks/`.

Open `notebooks/00-start-here.ipynb` and work through the notebooks in order. Nothing is
downloaded while you work.

## Exercises and self-checks

Each notebook ends with exercises marked *easy*, *medium* or *stretch*. Put your answer in the
cell and run it: `check("02-1", answer)` says whether you are right, and if not, gives a hint
about what went wrong — without giving the answer away. Exercises that ask you to write or
explain have no self-check; your teacher reads them.

## Licences

Code MIT (`LICENSE`); data and text CC-BY-4.0 (`LICENSE-DATA`). Cite the sources too:
`mdr_data.sources()` lists each with its publisher, date and address.
"""


def release_files(root: Path = ROOT) -> list[Path]:
    """The repository files that go into the release (relative paths, sorted)."""
    found = set()
    for pattern in INCLUDE:
        for path in root.glob(pattern):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(path.relative_to(root))
    return sorted(found)


def _learner_copies_are_current(root: Path) -> bool:
    spec = importlib.util.spec_from_file_location(
        "build_notebooks", root / "scripts" / "build_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main(["--check", "--root", str(root)]) == 0


def build(dest: Path, root: Path = ROOT) -> tuple[Path, Path]:
    """Write the release folder ``dest`` and ``dest``'s sibling zip; return both paths."""
    if dest.exists():
        shutil.rmtree(dest)
    for relative in release_files(root):
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / relative, target)
    (dest / "README.md").write_text(README, encoding="utf-8")
    archive = dest.parent / f"{NAME}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(dest.rglob("*")):
            if path.is_file():
                zipped.write(path, Path(NAME) / path.relative_to(dest))
    return dest, archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=ROOT / "dist" / "student")
    parser.add_argument(
        "--no-check", action="store_true", help="skip checking that learner copies are current"
    )
    args = parser.parse_args(argv)
    if not args.no_check and not _learner_copies_are_current(ROOT):
        print("learner copies are out of date: run make notebooks first", file=sys.stderr)
        return 1
    folder, archive = build(args.dest.resolve())
    count = sum(1 for p in folder.rglob("*") if p.is_file())
    print(f"wrote {folder} ({count} files) and {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
