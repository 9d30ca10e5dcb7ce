"""Project hygiene: lint, clean notebooks, no relative-path or network reads, one environment."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    p
    for folder in ("notebooks", "solutions")
    for p in (ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)
MODULES = sorted((ROOT / "mdr_data").rglob("*.py"))
NOTEBOOK_NAME = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")
DASHBOARD_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _requirement_names(specs: list[str]) -> dict[str, str]:
    """Map lower-case project name -> version specifier, e.g. {'pandas': '>=2.0,<4'}."""
    out = {}
    for spec in specs:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
        out[match.group(1).lower()] = match.group(2).replace(" ", "")
    return out


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _environment_dependencies() -> dict[str, str]:
    """Read the conda dependencies of environment.yml (a plain list; no YAML library needed)."""
    specs, in_deps = [], False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        match = re.match(r"^  - (?!pip:)([^#]+?)\s*$", line)
        if in_deps and match:
            specs.append(match.group(1))
    return _requirement_names(specs)


# ----------------------------------------------------------------- lint


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_is_clean_on_package_tests_scripts_and_notebooks(command):
    # ruff comes with the test extra; prefer the one installed beside this interpreter.
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is not installed: pip install -e '.[test]'"
    result = subprocess.run(
        [ruff, *command, "--no-cache", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: Longest function or class body allowed in the package, in lines of code (docstrings apart).
MAX_BODY_LINES = 60


def _docstring_lines(node: ast.AST) -> set[int]:
    """Line numbers of the docstrings of ``node`` and of every function or class inside it."""
    lines = set()
    for inner in ast.walk(node):
        body = getattr(inner, "body", None)
        if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and body:
            first = body[0]
            value = getattr(first, "value", None)
            if isinstance(first, ast.Expr) and isinstance(getattr(value, "value", None), str):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def _long_bodies(source: str, limit: int) -> list[str]:
    """'name (line N): M lines' for each function or class over ``limit`` lines of code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            lines = set(range(node.lineno, node.end_lineno + 1)) - _docstring_lines(node)
            if len(lines) > limit:
                found.append(f"{node.name} (line {node.lineno}): {len(lines)} lines")
    return found


#: Modules still to split, by their owners (strict: the test fails once they are small; then
#: remove them here).
STILL_LONG: dict[str, str] = {}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=STILL_LONG[_rel(p)]))
        if _rel(p) in STILL_LONG
        else p
        for p in MODULES
    ],
    ids=_rel,
)
def test_no_function_or_class_in_the_package_is_over_60_lines(path):
    """Small functions, checked: split a long one into named steps (CONTRIBUTING.md, "Code")."""
    long = _long_bodies(path.read_text(encoding="utf-8"), MAX_BODY_LINES)
    assert not long, f"{_rel(path)}: over {MAX_BODY_LINES} lines of code: {long}"


def test_the_length_check_can_fail():
    docstring = '    """Docstrings\n    do not count."""\n'
    assert _long_bodies(f"def short():\n{docstring}    return 1\n", 2) == []
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_BODY_LINES))
    assert _long_bodies(f"def long():\n{body}\n", MAX_BODY_LINES) == ["long (line 1): 61 lines"]
    method = body.replace("\n", "\n    ")
    assert _long_bodies(f"class Long:\n    def f(self):\n    {method}\n", MAX_BODY_LINES) == [
        "Long (line 1): 62 lines",
        "f (line 2): 61 lines",
    ]


# ----------------------------------------------------------------- notebooks


def test_there_are_notebooks():
    assert any(p.parent.name == "notebooks" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebook_is_named_and_committed_clean(path):
    pattern = DASHBOARD_NAME if path.parent.name == "dashboards" else NOTEBOOK_NAME
    assert pattern.match(path.name), f"{_rel(path)}: name it NN-kebab-title.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["cells"], f"{_rel(path)} is empty"
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert not cell.get("outputs"), f"{_rel(path)} cell {index} has outputs"
            assert cell.get("execution_count") is None, f"{_rel(path)} cell {index} has a count"


FORBIDDEN_IN_NOTEBOOKS = [
    (re.compile(r"read_(csv|excel|json|parquet)\(\s*['\"]"), "reads a file by literal path"),
    (re.compile(r"\bopen\(\s*['\"]"), "opens a file by literal path"),
    (re.compile(r"https?://"), "uses a URL in code"),
    (re.compile(r"\b(urllib|requests|httpx|urlopen|socket)\b"), "imports a network library"),
    (re.compile(r"\.\./|\bos\.chdir\b"), "depends on the working directory"),
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_rel)
def test_notebooks_read_data_only_through_the_package(path):
    for index, source in enumerate(_code_cells(path)):
        for pattern, reason in FORBIDDEN_IN_NOTEBOOKS:
            assert not pattern.search(source), f"{_rel(path)} code cell {index} {reason}"


FORBIDDEN_IN_MODULES = [
    (
        re.compile(r"^\s*(import|from)\s+(urllib|requests|httpx|http\.client|socket)\b", re.M),
        "imports a network library",
    ),
    (re.compile(r"(?<![.\w])open\(\s*['\"]"), "opens a file by literal path"),
    (re.compile(r"read_csv\(\s*['\"]"), "reads a CSV by literal path"),
    (re.compile(r"__file__"), "locates data with __file__ instead of importlib.resources"),
]


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_modules_find_data_with_importlib_resources(path):
    source = path.read_text(encoding="utf-8")
    for pattern, reason in FORBIDDEN_IN_MODULES:
        assert not pattern.search(source), f"{_rel(path)} {reason}"


# ----------------------------------------------------------------- one environment


def test_environment_yml_and_pyproject_declare_the_same_runtime_dependencies():
    declared = _requirement_names(_pyproject()["project"]["dependencies"])
    conda = _environment_dependencies()
    conda.pop("pip", None)
    python = conda.pop("python")
    assert conda == declared
    assert python == _pyproject()["project"]["requires-python"]


def test_oldest_constraints_pin_every_lower_bound():
    pins = {}
    for line in (ROOT / "constraints" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    for name, spec in _requirement_names(_pyproject()["project"]["dependencies"]).items():
        lower = re.search(r">=([0-9.]+)", spec).group(1)
        assert name in pins, f"constraints/oldest.txt does not pin {name}"
        assert pins[name].startswith(lower), f"{name}: pinned {pins[name]}, declared >={lower}"


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    commands = re.findall(r"```(?:bash|sh|console)?\n(.*?)```", readme, re.S)
    test_command = next(c.strip() for c in commands if "make test" in c)
    assert test_command in ci.splitlines()


def test_jupyter_server_stays_on_localhost_with_its_token():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--ServerApp.ip=127.0.0.1" in makefile
    assert "--Voila.ip=127.0.0.1" in makefile
    assert "--token=$$token" in makefile  # Voila serves without a token unless given one
    for insecure in ("token=''", 'token=""', "IdentityProvider.token= ", "disable_check_xsrf"):
        assert insecure not in makefile
    assert not re.search(r"\bip=0\.0\.0\.0|\bip=\*", makefile)


def _make_recipe(target: str) -> tuple[str, str]:
    """(prerequisites, recipe) of a Makefile target."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(target)}:([^\n]*)\n((?:\t[^\n]*\n)+)", makefile, re.M)
    assert match, f"no target {target!r} in the Makefile"
    return match.group(1), match.group(2)


def test_make_dashboard_runs_plain_voila_from_the_dashboard_extra():
    prerequisites, recipe = _make_recipe("dashboard")
    stamp = prerequisites.split("##")[0].split()[0]
    _, install = _make_recipe(stamp)
    assert '-e ".[dashboard]"' in install, install
    assert "voila" in " ".join(_pyproject()["project"]["optional-dependencies"]["dashboard"])
    command = recipe.strip().splitlines()[-2:]
    assert re.search(r"\$\(BIN\)/voila --Voila\.ip=127\.0\.0\.1 ", command[0]), recipe
    assert "tests/" not in recipe and "python" not in command[0], "no test code on the user path"


#: Where ipywidgets' Output widget (which ``interact`` uses too) is written in code.
OUTPUT_WIDGET = re.compile(r"\b(Output|interact|interactive|interactive_output)\s*\(")


@pytest.mark.parametrize("path", [*NOTEBOOKS, *MODULES], ids=_rel)
def test_no_output_widgets_in_notebooks_or_the_package(path):
    """Our tools replace HTML and image values instead of writing into Output widgets.

    Besides being cheaper, that keeps clear of a client-side stall: while nbclient (and Voilà,
    which executes through it) answers an Output widget's messages on the shell channel, the one
    long poll on that channel can miss its wake-up, so a cell waits out its whole timeout and a
    Voilà page can hang (jupyter/nbclient#312, voila-dashboards/voila#1428; reproduced here: 11
    of 20 headless runs of an Output-widget notebook stalled, 0 of 20 with the client polling in
    short slices). Without Output widgets no workaround is needed in the tests or in
    ``make dashboard``.
    """
    sources = _code_cells(path) if path.suffix == ".ipynb" else [path.read_text(encoding="utf-8")]
    for index, source in enumerate(sources):
        match = OUTPUT_WIDGET.search(source)
        assert not match, f"{_rel(path)} (code {index}) uses {match.group(1)}(): see the docstring"


def test_data_dictionary_is_generated_from_the_schema():
    result = subprocess.run(
        [sys.executable, "scripts/build_data_dictionary.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
