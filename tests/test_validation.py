"""The validator: the shipped data is valid, and every kind of damage is reported exactly.

Tests match problem codes (``Problem.code``), not message wording; a few tests at the end pin the
message format itself (file:row:column: reason, "did you mean", spreadsheet rows).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import pickle
import random
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import corruptions
import pytest

from mdr_data import _schema
from mdr_data.__main__ import main
from mdr_data.validation import (
    CODES,
    DataValidationError,
    Problem,
    _looks_like_a_url,
    _sort_key,
    check_data_dir,
    validate,
)

REPO = Path(__file__).resolve().parents[1]
SHIPPED = Path(str(_schema.shipped_data_dir()))


def shipped_copy(dest: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, dest, ignore=shutil.ignore_patterns("__*")))


def make_dataset(kind: str, dest: Path) -> Path:
    return corruptions.write_synthetic(dest) if kind == "synthetic" else shipped_copy(dest)


# --------------------------------------------------------------------------- the contract


def test_shipped_data_is_valid():
    problems = validate()
    assert problems == [], "\n".join(map(str, problems))


def test_shipped_data_is_valid_given_as_a_path():
    assert validate(SHIPPED) == validate(str(SHIPPED)) == validate()


def test_a_folder_given_as_str_or_path_gets_the_same_report(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"kind": "stat"})
    assert validate(folder) == validate(str(folder)) != []


def test_synthetic_fixture_is_valid(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    assert validate(folder) == []
    check_data_dir(folder)  # no exception


def test_at_least_30_kinds_of_damage():
    ids = [d.id for d in corruptions.DAMAGES]
    assert len(ids) == len(set(ids))
    assert len([d for d in corruptions.DAMAGES if d.id and "valid" not in d.id]) >= 30


# --------------------------------------------------------------------------- corruption suite


@pytest.mark.parametrize("dataset", ["synthetic", "shipped"])
@pytest.mark.parametrize("damage", corruptions.DAMAGES, ids=lambda d: d.id)
def test_damage_is_reported_exactly(damage, dataset, tmp_path):
    folder = make_dataset(dataset, tmp_path / "data")
    for table, needed in damage.needs.items():
        if corruptions.row_count(folder, table) < needed:
            pytest.skip(f"{dataset} {table} has fewer than {needed} rows")
    baseline = set(validate(folder))
    expected = damage.apply(folder)
    problems = validate(expected.target or folder)
    assert problems == sorted(problems, key=_sort_key)
    new = [p for p in problems if p not in baseline]
    listing = "\n".join(map(str, new))
    if expected.file is None:
        assert new == [], f"expected still valid, got:\n{listing}"
        return
    assert len(new) == 1, f"expected exactly one new problem, got:\n{listing}"
    (problem,) = new
    assert (problem.file, problem.row, problem.column, problem.code) == (
        expected.file,
        expected.row,
        expected.column,
        expected.code,
    ), listing
    assert expected.code in CODES


def test_damage_suggestions_name_the_closest_value(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"region": "South Asai"})
    corruptions.edit(folder, "capabilities", 2, {"actor_id": "UAS"})
    reasons = {(p.file, p.column): p.reason for p in validate(folder)}
    assert "did you mean 'South Asia'?" in reasons["actors.csv", "region"]
    assert "did you mean 'USA'?" in reasons["capabilities.csv", "actor_id"]


def test_many_damages_at_once_are_all_reported(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"kind": "stat", "named_in_review": "maybe"})
    corruptions.edit(folder, "events", 3, {"date": "2019-13-01"})
    (folder / "glossary.csv").unlink()
    found = [(p.file, p.row, p.column, p.code) for p in validate(folder)]
    assert found == [
        ("actors.csv", 2, "kind", "enum"),
        ("actors.csv", 2, "named_in_review", "type"),
        ("events.csv", 3, "date", "type"),
        ("glossary.csv", None, None, "missing-file"),
    ]


def test_a_broken_descriptor_in_the_checked_folder_is_reported(tmp_path):
    """Not silently ignored: the copy's own vocabularies would be lost without a word."""
    folder = corruptions.write_synthetic(tmp_path / "data")
    (folder / "datapackage.json").write_text("{ not json", encoding="utf-8")
    (problem,) = validate(folder)
    assert (problem.file, problem.row, problem.column, problem.code) == (
        "datapackage.json",
        None,
        None,
        "descriptor",
    )
    assert "line 1, column 3" in problem.reason
    (folder / "datapackage.json").write_text("[]", encoding="utf-8")
    assert [p.code for p in validate(folder)] == ["descriptor"]


def test_a_descriptor_in_the_checked_folder_may_extend_a_vocabulary(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"region": "Arctic"})
    assert [p.code for p in validate(folder)] == ["enum"]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    actors = next(r for r in descriptor["resources"] if r["name"] == "actors")
    region = next(f for f in actors["schema"]["fields"] if f["name"] == "region")
    region["constraints"]["enum"].append("Arctic")
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert validate(folder) == []


def test_every_row_after_a_swallowing_quote_is_not_blamed(tmp_path):
    """An unterminated quote in sources must not make every source_id look dangling."""
    folder = corruptions.write_synthetic(tmp_path / "data")
    header, records = corruptions.read_table(folder, "sources")
    broken = corruptions.record_text(records[0]) + ',"'
    corruptions.write_table(folder, "sources", header, records, raw={2: broken})
    problems = validate(folder)
    assert {p.file for p in problems} == {"sources.csv"}


def test_random_byte_damage_never_raises(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    pristine = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    rng = random.Random(20190117)
    alphabet = [b'"', b",", b"\n", b"\r", b"\x00", b"\xff", b"\xe9", b" ", b"x", b"\xef\xbb\xbf"]
    for _ in range(150):
        name = rng.choice(sorted(pristine))
        data = bytearray(pristine[name])
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data) + 1)
            action = rng.random()
            if action < 0.4:
                data[at:at] = rng.choice(alphabet)
            elif action < 0.7:
                del data[at : at + rng.randint(1, 20)]
            else:
                data[at : at + 1] = rng.choice(alphabet)
        (folder / name).write_bytes(bytes(data))
        problems = validate(folder)
        assert all(isinstance(p, Problem) for p in problems)
        assert all(isinstance(p.reason, str) and p.reason for p in problems)
        assert not any("internal error" in p.reason for p in problems), problems
        (folder / name).write_bytes(pristine[name])


def test_row_numbers_count_records_not_lines(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"notes": "one\ntwo\nthree"})
    corruptions.edit(folder, "actors", 4, {"kind": "bogus"})
    (problem,) = validate(folder)
    assert (problem.row, problem.column, problem.code) == (4, "kind", "enum")


def test_header_only_tables_are_reported_as_empty(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in _schema.table_names():
        corruptions.write_table(folder, name, _schema.field_names(name), [])
    found = {(p.file, p.row, p.column, p.code) for p in validate(folder)}
    assert found == {
        (corruptions.file_of(n), None, None, "empty-table") for n in _schema.table_names()
    }


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("us-india-sign-comcasa", True),
        ("https://www.example.org/news", True),
        ("read it at www.example.org today", True),
        ("news/2019/01/review", True),
        ("the deployment of an AN/TPY-2 radar in Turkey.", False),
        ("44°04′43.2″N 24°24′48.3″E / 44.078667°N 24.413417°E", False),
        ("MOSCOW, December 26. /TASS/. The Russian Defense Ministry", False),
        ("わが国を含む同盟国との協力の重要性を明記している", False),
        ("THAAD", False),
        ("long-range", True),
    ],
)
def test_what_counts_as_a_url_slug(text, slug):
    assert _looks_like_a_url(text) is slug


# --------------------------------------------------------------------------- the API


def test_problem_str_and_order():
    assert str(Problem("a.csv", 2, "kind", "bad")) == "a.csv:2:kind: bad"
    assert str(Problem("a.csv", None, None, "gone")) == "a.csv:-:-: gone"
    assert Problem("a.csv", 2, "b", "x") < Problem("a.csv", 3, "a", "x")
    mixed = [Problem("a.csv", 2, "x", "r"), Problem("a.csv", None, None, "r")]
    assert sorted(mixed, key=_sort_key)[0].row is None


def test_data_validation_error_message_and_problems():
    problems = [Problem("actors.csv", row, "kind", "bad kind") for row in range(2, 27)]
    error = DataValidationError(problems, "my-remix")
    assert isinstance(error, ValueError)
    lines = str(error).splitlines()
    assert lines[0] == "25 problems in my-remix"
    assert lines[1] == "actors.csv:2:kind: bad kind"
    assert len(lines) == 1 + 20 + 1
    assert lines[-1] == "… and 5 more"
    assert error.problems == problems
    clone = pickle.loads(pickle.dumps(error))
    assert clone.problems == problems and str(clone) == str(error)


def test_check_data_dir_raises_with_the_problems(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"kind": "stat"})
    with pytest.raises(DataValidationError) as info:
        check_data_dir(folder)
    found = [(p.file, p.row, p.column, p.code) for p in info.value.problems]
    assert found == [("actors.csv", 2, "kind", "enum")]
    assert str(info.value).startswith(f"1 problem in {folder}\nactors.csv:2:kind: ")


def test_validate_reads_a_traversable(tmp_path, monkeypatch):
    """The shipped data may sit in a zip (importlib.resources Traversable, not a Path)."""
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 2, {"kind": "stat"})
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in folder.iterdir():
            bundle.write(path, f"pkg/data/{path.name}")
    monkeypatch.setattr(_schema, "shipped_data_dir", lambda: zipfile.Path(archive, "pkg/data/"))
    assert [(p.file, p.row, p.column, p.code) for p in validate()] == [
        ("actors.csv", 2, "kind", "enum")
    ]


def test_validate_rejects_a_non_path_argument():
    with pytest.raises(TypeError):
        validate(42)


def test_frictionless_is_imported_only_to_validate():
    """``import mdr_data`` and loading the shipped tables stay cheap (benchmarks/import_time)."""
    code = textwrap.dedent(
        """
        import sys
        import mdr_data
        mdr_data.load("actors")
        mdr_data.Problem, mdr_data.DataValidationError
        assert "frictionless" not in sys.modules, "frictionless imported before validating"
        assert mdr_data.validate() == []
        assert "frictionless" in sys.modules
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_large_table_validates_quickly(tmp_path):
    import time

    folder = corruptions.write_synthetic(tmp_path / "data")
    header, records = corruptions.read_table(folder, "glossary")
    records = [[f"term {i}", "", "A definition.", "src-review"] for i in range(20_000)]
    corruptions.write_table(folder, "glossary", header, records)
    validate(folder)  # imports Frictionless and builds its cell readers: not what is timed
    start = time.process_time()
    assert validate(folder) == []
    assert time.process_time() - start < 10


# --------------------------------------------------------------------------- shipped untouched


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_validate_and_cli_leave_shipped_files_untouched(tmp_path):
    before = _fingerprint(SHIPPED)
    validate()
    validate(SHIPPED)
    with contextlib.suppress(DataValidationError):
        check_data_dir(None)
    for args in (["validate"], ["validate", str(SHIPPED)], ["export", str(tmp_path / "out")]):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(args) == 0
    assert _fingerprint(SHIPPED) == before


# --------------------------------------------------------------------------- the messages


def test_messages_name_file_row_column_and_reason(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "actors", 3, {"kind": "stat"})
    corruptions.edit(folder, "capabilities", 2, {"count_low": "10", "count_high": "3"})
    corruptions.edit(folder, "events", 2, {"source_id": "src-reveiw"})
    kinds = ", ".join(_schema.enum_of(_schema.field("actors", "kind")))
    assert [str(p) for p in validate(folder)] == [
        f"actors.csv:3:kind: 'stat' is not an allowed value; did you mean 'state'? "
        f"(allowed: {kinds})",
        "capabilities.csv:2:count_low: count_low (10) is greater than count_high (3)",
        "events.csv:2:source_id: 'src-reveiw' not found in sources.csv column source_id "
        "(foreign key); did you mean 'src-review'?",
    ]


def test_type_messages_say_what_is_expected(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    corruptions.edit(folder, "capabilities", 2, {"count_low": "3.5"})
    corruptions.edit(folder, "events", 2, {"date": "17/01/2019"})
    corruptions.edit(folder, "events", 3, {"date": "2019-02-30", "date_precision": "day"})
    reasons = [p.reason for p in validate(folder) if p.code == "type"]
    assert reasons == [
        "not an integer: '3.5' (whole numbers only, no decimal point)",
        "not an ISO date (YYYY-MM-DD): '17/01/2019'",
        "not a real calendar date: '2019-02-30' (day is out of range for month)",
    ]
