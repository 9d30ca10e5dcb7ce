"""``python -m mdr_data``: validate, export, list, describe.

The commands run in-process (``main(argv)``, output captured by pytest); one smoke test runs
``python -m mdr_data`` in a subprocess, as a user runs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import corruptions
import pytest

from mdr_data import _schema
from mdr_data.__main__ import main

REPO = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^[^:\n]+:(\d+|-):([^:\n]+|-): \S.*$")


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``python -m mdr_data ARGS``, run in this process."""
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, err
    return status, out, err


def test_smoke_python_dash_m_validate_in_a_subprocess():
    """The one test through a real interpreter: module entry point, exit status, streams."""
    result = subprocess.run(
        [sys.executable, "-m", "mdr_data", "validate"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    tables = len(_schema.table_names())
    assert re.search(rf": valid \({tables} tables, \d+ rows\)$", result.stderr.strip())


def test_validate_shipped_data_exits_0(capsys):
    status, out, err = run(capsys, "validate")
    assert status == 0, out + err
    assert out == ""
    shown, tables = re.escape(str(_schema.shipped_data_dir())), len(_schema.table_names())
    assert re.fullmatch(rf"{shown}: valid \({tables} tables, \d+ rows\)", err.strip()), err


def test_validate_synthetic_dir_exits_0(capsys, tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    rows = sum(corruptions.row_count(folder, name) for name in _schema.table_names())
    status, out, err = run(capsys, "validate", str(folder))
    assert (status, out) == (0, "")
    assert err.strip() == f"{folder}: valid ({len(_schema.table_names())} tables, {rows} rows)"


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
    "header-only-table",
    "descriptor-not-json",
    "data-dir-does-not-exist",
    "data-dir-is-a-file",
]


@pytest.mark.parametrize("damage_id", DAMAGE_IDS)
def test_validate_damaged_copy_exits_1(damage_id, capsys, tmp_path):
    (damage,) = [d for d in corruptions.DAMAGES if d.id == damage_id]
    folder = corruptions.write_synthetic(tmp_path / "data")
    expected = damage.apply(folder)
    status, out, err = run(capsys, "validate", str(expected.target or folder))
    assert status == 1
    lines = out.splitlines()
    assert lines, err
    assert all(LINE.match(line) for line in lines), lines
    row = "-" if expected.row is None else expected.row
    column = "-" if expected.column is None else expected.column
    assert any(line.startswith(f"{expected.file}:{row}:{column}: ") for line in lines), lines
    count = len(lines)
    noun = "problem" if count == 1 else "problems"
    assert err.strip() == f"{count} {noun} found in {expected.target or folder}"


def test_validate_prints_every_problem_once_in_order(capsys, tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 3, {"kind": "stat"})
    corruptions.edit(folder, "actors", 2, {"region": ""})
    status, out, _err = run(capsys, "validate", str(folder))
    assert status == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == [
        "actors.csv:2:region",
        "actors.csv:3:kind",
    ]


def test_validate_with_a_relative_dir(capsys, tmp_path, monkeypatch):
    corruptions.write_synthetic(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "validate", "data")[0] == 0
    assert run(capsys, "validate", "nope")[:2] == (1, "nope:-:-: data folder does not exist\n")


def test_list_prints_the_table_names(capsys):
    status, out, _err = run(capsys, "list")
    assert status == 0
    assert out.split() == list(_schema.table_names())


def test_describe_a_table(capsys):
    status, out, err = run(capsys, "describe", "actors")
    assert status == 0, err
    for name in _schema.field_names("actors"):
        assert re.search(rf"^{name}$", out, re.MULTILINE), name
    assert "North America" in out  # a vocabulary is shown


def test_describe_unknown_table_suggests_the_closest(capsys):
    status, out, err = run(capsys, "describe", "actros")
    assert (status, out) == (2, "")
    assert "did you mean 'actors'?" in err


def test_export_then_validate_the_export(capsys, tmp_path):
    dest = tmp_path / "remix"
    status, out, err = run(capsys, "export", str(dest))
    assert status == 0, err
    assert out.strip() == str(dest)
    assert {p.name for p in dest.iterdir()} >= {"datapackage.json", "actors.csv"}
    assert run(capsys, "validate", str(dest))[0] == 0


def test_export_refuses_a_full_folder_unless_overwrite(capsys, tmp_path):
    dest = tmp_path / "remix"
    assert run(capsys, "export", str(dest))[0] == 0
    status, _out, err = run(capsys, "export", str(dest))
    assert status == 2
    assert "--overwrite" in err
    assert run(capsys, "export", str(dest), "--overwrite")[0] == 0


@pytest.mark.parametrize(
    "args", [[], ["bogus"], ["describe"], ["validate", "a", "b"], ["export"]], ids=str
)
def test_bad_arguments_exit_2_with_usage(capsys, args):
    status, _out, err = run(capsys, *args)
    assert status == 2
    assert "usage:" in err


def test_help_mentions_every_command(capsys):
    status, out, _err = run(capsys, "--help")
    assert status == 0
    for command in ("validate", "export", "list", "describe"):
        assert command in out


def test_unexpected_error_is_one_line_exit_2(capsys, tmp_path):
    """export into a path below a file fails inside export(): one line, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    status, _out, err = run(capsys, "export", str(blocker / "sub"))
    assert status == 2
    assert err.startswith("error: ")
    assert len(err.strip().splitlines()) == 1
