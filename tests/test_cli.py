"""``python -m mdr_data``: validate, export, list, describe, run as a user runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import corruptions
import pytest

from mdr_data import _schema

REPO = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^[^:\n]+:(\d+|-):([^:\n]+|-): \S.*$")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "mdr_data", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def test_validate_shipped_data_exits_0():
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    tables = len(_schema.table_names())
    assert re.search(rf": valid \({tables} tables, \d+ rows\)$", result.stderr.strip())


def test_validate_synthetic_dir_exits_0(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    result = run("validate", str(folder))
    assert result.returncode == 0
    assert (
        result.stderr.strip() == f"{folder}: valid ({len(_schema.table_names())} tables, 19 rows)"
    )


DAMAGE_IDS = [
    "deleted-file",
    "utf-16-file",
    "latin-1-encoded-accent",
    "unterminated-quote",
    "missing-column",
    "enum-typo-suggests-closest",
    "dangling-said-by",
    "duplicate-composite-key",
    "count-low-above-count-high",
    "data-dir-does-not-exist",
    "data-dir-is-a-file",
]


@pytest.mark.parametrize("damage_id", DAMAGE_IDS)
def test_validate_damaged_copy_exits_1(damage_id, tmp_path):
    (damage,) = [d for d in corruptions.DAMAGES if d.id == damage_id]
    folder = corruptions.write_synthetic(tmp_path / "data")
    expected = damage.apply(folder)
    result = run("validate", str(expected.target or folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    assert all(LINE.match(line) for line in lines), lines
    row = "-" if expected.row is None else expected.row
    column = "-" if expected.column is None else expected.column
    assert any(line.startswith(f"{expected.file}:{row}:{column}: ") for line in lines), lines
    count = len(lines)
    noun = "problem" if count == 1 else "problems"
    assert result.stderr.strip() == f"{count} {noun} found in {expected.target or folder}"


def test_validate_with_a_relative_dir(tmp_path):
    corruptions.write_synthetic(tmp_path / "data")
    assert run("validate", "data", cwd=tmp_path).returncode == 0
    assert run("validate", "nope", cwd=tmp_path).stdout == "nope:-:-: data folder does not exist\n"


def test_list_prints_the_table_names():
    result = run("list")
    assert result.returncode == 0
    assert result.stdout.split() == list(_schema.table_names())


def test_describe_a_table():
    result = run("describe", "actors")
    assert result.returncode == 0, result.stderr
    for name in _schema.field_names("actors"):
        assert re.search(rf"^{name}$", result.stdout, re.MULTILINE), name
    assert "North America" in result.stdout  # a vocabulary is shown


def test_describe_unknown_table_suggests_the_closest():
    result = run("describe", "actros")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean 'actors'?" in result.stderr


def test_export_then_validate_the_export(tmp_path):
    dest = tmp_path / "remix"
    result = run("export", str(dest))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(dest)
    assert {p.name for p in dest.iterdir()} >= {"datapackage.json", "actors.csv"}
    assert run("validate", str(dest)).returncode == 0


def test_export_refuses_a_full_folder_unless_overwrite(tmp_path):
    dest = tmp_path / "remix"
    assert run("export", str(dest)).returncode == 0
    refused = run("export", str(dest))
    assert refused.returncode == 2
    assert "--overwrite" in refused.stderr
    assert run("export", str(dest), "--overwrite").returncode == 0


@pytest.mark.parametrize(
    "args", [[], ["bogus"], ["describe"], ["validate", "a", "b"], ["export"]], ids=str
)
def test_bad_arguments_exit_2_with_usage(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_help_mentions_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "export", "list", "describe"):
        assert command in result.stdout


def test_unexpected_error_is_one_line_exit_2(tmp_path):
    """export into a path below a file fails inside export(): one line, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("export", str(blocker / "sub"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
