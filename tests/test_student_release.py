"""make student-release: learner notebooks, package and data — and no answers anywhere."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from exercise_answers import REFERENCES  # noqa: E402


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


release = _script("build_student_release")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder, archive = release.build(tmp_path_factory.mktemp("dist") / "student")
    return folder, archive


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_it_holds_the_learner_notebooks_the_package_and_its_data(built):
    folder, _ = built
    files = _files(folder)
    learner = {f"notebooks/{p.name}" for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")}
    assert learner and learner <= files
    for needed in (
        "README.md",
        "pyproject.toml",
        "environment.yml",
        "LICENSE",
        "LICENSE-DATA",
        "mdr_data/__init__.py",
        "mdr_data/data/datapackage.json",
        "mdr_data/data/claims.csv",
        "mdr_data/exercises/__init__.py",
        "mdr_data/exercises/digests.json",
        "mdr_data/exercises/nb00.py",
    ):
        assert needed in files, needed
    assert "check(" in (folder / "README.md").read_text(encoding="utf-8")


def test_it_holds_no_solutions_tests_scripts_or_teacher_notes(built):
    folder, _ = built
    for path in _files(folder):
        top = path.split("/")[0]
        assert top not in {"solutions", "tests", "scripts", "benchmarks", "deploy", "docs"}, path
        assert "exercise_answers" not in path and "build_exercise_digests" not in path, path
        assert path not in {"notebooks/README.md", "notebooks/skills.csv", "CONTRIBUTING.md"}
        assert "__pycache__" not in path and not path.endswith(".pyc"), path


def _solution_lines() -> set[str]:
    """Distinctive lines of the masters' solution cells that learners never see elsewhere."""
    public, secret = set(), set()
    for master in (REPO / "solutions").glob("[0-9][0-9]-*.ipynb"):
        for cell in nbformat.read(master, as_version=4).cells:
            lines = {line.strip() for line in cell.source.splitlines() if line.strip()}
            if "solution" in cell.metadata.get("tags", []):
                secret |= {line for line in lines if len(line) >= 12 and not line.startswith("#")}
            else:
                public |= lines
    return secret - public


def test_no_file_contains_a_solution(built):
    folder, _ = built
    secret = _solution_lines()
    assert secret
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".ipynb", ".py", ".md", ".json", ".toml", ".yml"}:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".ipynb":
                text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
            lines = {line.strip() for line in text.splitlines()}
            leaked = lines & secret
            assert not leaked, f"{path.relative_to(folder)} holds solution lines: {leaked}"


def test_the_zip_holds_the_same_files(built):
    folder, archive = built
    with zipfile.ZipFile(archive) as zipped:
        names = {n.split("/", 1)[1] for n in zipped.namelist()}
        assert {n.split("/", 1)[0] for n in zipped.namelist()} == {release.NAME}
    assert names == _files(folder)


def test_the_package_inside_imports_and_checks_answers(built):
    """The released copy (not the repository's) imports, loads data and accepts every
    reference answer; a wrong one gets 'Not yet'."""
    folder, _ = built
    answers = {key: func().right for key, func in REFERENCES.items()}
    code = (
        "import json, sys\n"
        "import mdr_data\n"
        "from mdr_data.exercises import check\n"
        f"assert mdr_data.__file__.startswith({str(folder)!r}), mdr_data.__file__\n"
        "assert len(mdr_data.claims()) > 0\n"
        "answers = json.loads(sys.stdin.read())\n"
        "wrong = [k for k, v in answers.items() if not check(k, v)]\n"
        "assert not wrong, wrong\n"
        "assert not check('00-1', 'certainly-not-the-answer')\n"
        "print('ok', len(answers))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(answers, default=int),
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_files_come_from_an_allow_list():
    files = {p.as_posix() for p in release.release_files(REPO)}
    assert not any(f.startswith(("solutions/", "tests/", "scripts/")) for f in files)
