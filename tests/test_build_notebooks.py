"""The learner copies and navigation cells are generated, up to date, and leak no solution."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "build_notebooks.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("build_notebooks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_notebooks = _load_script()
MASTERS = build_notebooks.masters(REPO)


def _copy_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "solutions", root / "solutions")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    return root


def test_check_mode_passes_on_the_repository():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_master_has_a_learner_copy():
    assert MASTERS, "no master notebooks in solutions/"
    for master in MASTERS:
        assert (REPO / "notebooks" / master.name).exists(), master.name
    assert build_notebooks.orphans(REPO) == []


def test_build_is_idempotent(tmp_path):
    root = _copy_repo(tmp_path)
    build_notebooks.build(root)
    first = {p: p.read_bytes() for p in sorted(root.rglob("*.ipynb"))}
    assert build_notebooks.build(root) == []
    assert {p: p.read_bytes() for p in sorted(root.rglob("*.ipynb"))} == first


def test_check_mode_detects_a_stale_learner_copy(tmp_path):
    root = _copy_repo(tmp_path)
    target = root / "notebooks" / MASTERS[0].name
    nb = nbformat.read(target, as_version=4)
    nb.cells[1].source += "\nedited by hand"
    nbformat.write(nb, target)
    assert build_notebooks.main(["--check", "--root", str(root)]) == 1
    assert build_notebooks.main(["--root", str(root)]) == 0
    assert build_notebooks.main(["--check", "--root", str(root)]) == 0


def test_outputs_are_stripped_and_nav_links_resolve():
    for path in [*MASTERS, *(REPO / "notebooks").glob("*.ipynb")]:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5), path.name
        navs = [c for c in nb["cells"] if "".join(c["source"]).startswith("<!-- NAVIGATION -->")]
        assert len(navs) == 2 and nb["cells"][0] is navs[0] and nb["cells"][-1] is navs[1]
        for cell in nb["cells"]:
            assert cell.get("id"), path.name
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
        for link in build_notebooks.re.findall(r"\]\(([^)]+)\)", "".join(navs[0]["source"])):
            if link.endswith(".ipynb"):
                assert (path.parent / link).exists(), f"{path.name}: broken link {link}"


def _lines(cell) -> list[str]:
    return [line.strip() for line in cell.source.splitlines() if line.strip()]


def _public_lines() -> set[str]:
    """Lines the masters show outside solution cells: learners see these anyway."""
    public = set()
    for master in MASTERS:
        for cell in nbformat.read(master, as_version=4).cells:
            if "solution" not in cell.metadata.get("tags", []):
                public.update(_lines(cell))
    return public


def _solution_lines(path: Path) -> list[str]:
    """Non-trivial solution lines: distinctive (>= 12 chars), not comments, not public."""
    public = _public_lines()
    nb = nbformat.read(path, as_version=4)
    lines = []
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            lines += [
                line
                for line in _lines(cell)
                if len(line) >= 12 and not line.startswith("#") and line not in public
            ]
    return lines


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_no_solution_text_in_any_learner_copy(master):
    lines = _solution_lines(master)
    learner_lines = {
        p.name: {line for cell in nbformat.read(p, as_version=4).cells for line in _lines(cell)}
        for p in (REPO / "notebooks").rglob("*.ipynb")
    }
    for line in lines:
        for name, seen in learner_lines.items():
            assert line not in seen, f"solution line from {master.name} leaks into {name}: {line}"


def test_leak_check_catches_an_untagged_solution(tmp_path):
    """The guard works: a solution cell that lost its tag is reported."""
    root = _copy_repo(tmp_path)
    master = root / "solutions" / MASTERS[0].name
    nb = nbformat.read(master, as_version=4)
    cell = next(c for c in nb.cells if "solution" in c.metadata.get("tags", []))
    secret = _lines(cell)
    cell.metadata["tags"] = []
    nbformat.write(nb, master)
    build_notebooks.build(root)
    learner = nbformat.read(root / "notebooks" / MASTERS[0].name, as_version=4)
    assert any(set(secret) & set(_lines(c)) for c in learner.cells)


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.name)
def test_master_follows_the_conventions(master):
    nb = nbformat.read(master, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for heading in (
        "Learning objectives",
        "Prerequisites",
        "Estimated time",
        "## Summary",
        "## Exercises",
        "CC-BY-4.0",
    ):
        assert heading in text, f"{master.name} lacks {heading!r}"
    assert sum("solution" in c.metadata.get("tags", []) for c in nb.cells) >= 3, master.name
