"""Check a data folder against the schema and report every problem by file, row, column and code.

Who does what:

* the standard library's :mod:`csv` reader (``strict=True``) splits each file into records;
  this module only says which cell a quoting error is in (the reader does not) and reads on from
  the next line, so that one stray quote cannot swallow the rest of the file;
* Frictionless — the project's test oracle — reads every cell: type and constraints (required,
  enum, pattern, minimum/maximum, min/maxLength, format), with its own field classes
  (``create_cell_reader``), each distinct value of a column read once;
* pandas finds the repeated and the dangling keys (unique, primary and foreign keys);
* what is left is the project's own: decoding with a useful hint, the header (missing, renamed,
  misordered columns), the project's rules (:data:`RULES`, one small function each) and the
  messages: ``file:row:column: reason``, "did you mean …?", rows numbered as a spreadsheet shows
  them (header = row 1; records are counted, not physical lines). Every problem carries a stable
  ``code`` (:data:`CODES`): tests match codes, people read reasons.

Types, constraints and keys come from the shipped ``datapackage.json``; a copy's own
``datapackage.json`` may only extend the vocabularies (see :mod:`mdr_data._schema`) and is
reported (``descriptor``) if it is not a JSON object.

Measured (CPU time, least of 9 fresh processes on the 2-core CI machine): the first validation
in a process costs about 0.4 s, 0.3 s of it importing Frictionless (never imported by ``import
mdr_data``); then the shipped data (996 rows) takes 0.05 s and a 10x copy 0.25 s, against 0.06 s
and 0.57 s for the hand-written checker this replaced. Why not ``frictionless.validate`` itself:
it needs 2.9 s for the shipped data in a fresh process (0.5-0.8 s warm, 1.6 s for a 10x copy),
mostly validating and copying descriptors, while its cell readers need 0.05 s for the same
10,000 cells; its lenient CSV reading lets a stray quote pass and an unterminated one swallow the
rest of the file; and its errors would still need translating into these messages. Why not
pandas for the cells: on columns of about 100 strings each pandas call costs 60-600 µs against
3-60 µs for the same loop in Python (its string methods loop in Python anyway); a column-wise
pandas version of these checks took 0.37 s for the shipped data.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     for problem in validate(folder)[:2]:
...         print(problem, "|", problem.code)
actors.csv:-:-: missing file: expected actors.csv in this folder | missing-file
capabilities.csv:-:-: missing file: expected capabilities.csv in this folder | missing-file
"""

from __future__ import annotations

import csv
import datetime
import difflib
import inspect
import json
import os
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from mdr_data import _schema

__all__ = ["CODES", "DataValidationError", "Problem", "check_data_dir", "validate"]

#: Every problem code, with what it means. Codes are stable: tests and tools match on them.
CODES = {
    "data-dir": "the data folder does not exist or is not a folder",
    "descriptor": "the folder's datapackage.json is not a readable JSON object",
    "missing-file": "a table's CSV file is not in the folder",
    "unreadable-file": "a table's CSV path cannot be read (a folder, no permission)",
    "empty-file": "a CSV file without even a header row",
    "empty-table": "a table with only its header row",
    "encoding": "not UTF-8, or NUL bytes (a UTF-16 or binary file)",
    "quoting": "a malformed quote: unterminated, stray, or text after a closing quote",
    "csv": "a record the csv reader rejects for another reason (a huge cell)",
    "blank-row": "an empty line between records",
    "extra-cell": "a row with more cells than the header",
    "missing-cell": "a row with fewer cells than the header",
    "column-name": "a column name with spaces around it, or no name",
    "missing-column": "a column of the schema is absent",
    "renamed-column": "a column of the schema is there under another name",
    "unknown-column": "a column the schema does not have",
    "duplicate-column": "a column given twice",
    "column-order": "the columns are not in the schema's order",
    "whitespace": "a cell with leading or trailing whitespace",
    "required": "a required cell is empty",
    "type": "a cell that is not of its column's type",
    "format": "not a URI or e-mail address where the column wants one",
    "enum": "a value outside the column's vocabulary",
    "pattern": "a value that does not match the column's pattern",
    "minimum": "a value below the column's minimum",
    "maximum": "a value above the column's maximum",
    "min-length": "a value shorter than the column allows",
    "max-length": "a value longer than the column allows",
    "constraint": "another constraint of the schema",
    "out-of-range": "a value the loaders' pandas dtype cannot hold (Int64, datetime64[ns])",
    "unique": "a value repeated in a column whose values must be unique",
    "primary-key": "a primary key given twice",
    "foreign-key": "a key not found in the table it refers to",
    "provenance": "a row without its source_id or evidence",
    "low-high-pair": "only one of X_low / X_high given",
    "low-gt-high": "X_low greater than X_high",
    "date-precision": "a month- or year-precision date that is not the first day",
    "evidence-too-long": "evidence longer than the word limit",
    "verbatim-too-long": "a verbatim claim longer than the word limit",
    "evidence-slug": "evidence that looks like a web address or URL slug, not words",
    "corroboration": "second_source_id missing on a corroborated row, equal to source_id, "
    "or given on a row that is not corroborated",
    "unit-missing": "a figure (count_low / count_high) without its unit",
    "unit-without-figure": "a unit without a figure",
    "view-stance": "a view without a stance, or a stance on a claim that is not a view",
    "view-speaker": "a view without its speaker",
    "internal": "the validator itself failed (please report it)",
}

#: Columns that carry a row's provenance: wherever a table has them, every row must fill them.
PROVENANCE_FIELDS = ("source_id", "evidence")

#: Word limits on quoted text: (column, boolean column that switches the limit on or None,
#: most words allowed, what to call the cell in the message, problem code).
WORD_LIMITS = (
    ("evidence", None, 25, "evidence", "evidence-too-long"),
    ("text", "is_verbatim", 25, "verbatim claim text", "verbatim-too-long"),
)

#: How many problem lines a DataValidationError message lists before "… and K more".
MAX_LISTED = 20

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*"')
_PLAIN_CELL = re.compile(r'[^",\r\n]*')
_NUL_STAND_IN = "\ufffe"  # NUL bytes are swapped for this before parsing (Python 3.10's csv)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+[eE][+-]?\d+)")
_URL_IN_TEXT = re.compile(r"https?://|www\.", re.IGNORECASE)
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
_INT64 = range(-(2**63), 2**63)
_PANDAS_DATES = (pd.Timestamp.min.ceil("D").date(), pd.Timestamp.max.floor("D").date())


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data folder: where it is (file, row, column), what is wrong, its code.

    ``row`` counts CSV records as a spreadsheet shows them (header = 1); ``row`` and
    ``column`` are None when the problem concerns a whole file or a whole row. ``code`` is
    one of :data:`CODES`.

    >>> print(Problem("actors.csv", 3, "kind", "'stat' is not an allowed value", "enum"))
    actors.csv:3:kind: 'stat' is not an allowed value
    >>> print(Problem("actors.csv", None, None, "missing file"))
    actors.csv:-:-: missing file
    """

    file: str
    row: int | None
    column: str | None
    reason: str
    code: str = ""

    def __str__(self) -> str:
        row = "-" if self.row is None else self.row
        column = "-" if self.column is None else self.column
        return f"{self.file}:{row}:{column}: {self.reason}"


def _sort_key(problem: Problem) -> tuple:
    """Order by file, row, column (whole-file and whole-row problems first), then reason.

    ``order=True`` alone cannot compare a None row with a number, hence this key.
    """
    return (
        problem.file,
        -1 if problem.row is None else problem.row,
        "" if problem.column is None else problem.column,
        problem.reason,
    )


class DataValidationError(ValueError):
    """A data folder does not match the schema; ``.problems`` lists every problem found.

    >>> error = DataValidationError([Problem("actors.csv", 2, "kind", "bad kind")], "remix")
    >>> print(error)
    1 problem in remix
    actors.csv:2:kind: bad kind
    >>> error.problems[0].row
    2
    """

    def __init__(self, problems, data_dir=None):
        self.problems = sorted(problems, key=_sort_key)
        self.data_dir = data_dir
        count = len(self.problems)
        where = "the data" if data_dir is None else str(data_dir)
        lines = [f"{count} problem{'' if count == 1 else 's'} in {where}"]
        lines += [str(problem) for problem in self.problems[:MAX_LISTED]]
        if count > MAX_LISTED:
            lines.append(f"… and {count - MAX_LISTED} more")
        super().__init__("\n".join(lines))

    def __reduce__(self):
        return (type(self), (self.problems, self.data_dir))


# --------------------------------------------------------------------------- one table


@dataclass
class _Table:
    """What the checks learned about one table. Cells are addressed by position: the i-th
    well-formed record, at spreadsheet row ``rows[i]``."""

    name: str
    file: str
    fields: dict[str, dict]  # column -> field descriptor (with the copy's vocabularies)
    missing_values: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    values: dict[str, list] = field(default_factory=dict)  # stripped cells; None if empty
    typed: dict[str, list] = field(default_factory=dict)  # as read; None if empty or bad
    bad: dict[str, set[int]] = field(default_factory=dict)  # cells with a problem of their own
    loose_keys: list[dict[str, str]] = field(default_factory=list)  # keys of unreadable rows
    record_count: int = 0
    has_nul: bool = False

    @classmethod
    def of(cls, name: str, data_dir) -> _Table:
        schema = _schema.resource(name, data_dir)["schema"]
        file = _schema.resource(name).get("path", f"{name}.csv")
        fields = {item["name"]: item for item in schema["fields"]}
        return cls(name, file, fields, tuple(schema.get("missingValues", [""])))

    def add(self, row: int | None, column: str | None, code: str, reason: str) -> None:
        self.problems.append(Problem(self.file, row, column, reason, code))

    def problem(self, i: int, column: str | None, code: str, reason: str) -> Problem:
        """A problem in the i-th well-formed record."""
        return Problem(self.file, self.rows[i], column, reason, code)

    def has(self, *columns: str) -> bool:
        return all(column in self.values for column in columns)


# --------------------------------------------------------------------------- bytes to records


def _read_text(folder, table: _Table) -> tuple[str, str] | None:
    """The file's text and, if some bytes are not UTF-8, why (they become U+FFFD).

    None after reporting a file that cannot be read at all.
    """
    target = folder.joinpath(table.file)
    try:
        if target.is_dir():
            table.add(None, None, "unreadable-file", "cannot read: this is a folder, not a CSV")
            return None
        if not target.is_file():
            reason = f"missing file: expected {table.file} in this folder"
            table.add(None, None, "missing-file", reason)
            return None
        data = target.read_bytes()
    except OSError as exc:
        table.add(None, None, "unreadable-file", f"cannot read the file: {exc.strerror or exc}")
        return None
    if not data:
        reason = "empty file (0 bytes): expected at least the header row"
        table.add(None, None, "empty-file", reason)
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        reason = "file is UTF-16 encoded, not UTF-8: save it again as UTF-8 (CSV)"
        table.add(1, None, "encoding", reason)
        return None
    table.has_nul = b"\x00" in data
    try:
        text, undecodable = data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        guess = "a binary file" if table.has_nul else "Latin-1 or Windows-1252"
        undecodable = (
            f"not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded "
            f"(is this {guess}?); save the file again as UTF-8"
        )
        if table.has_nul:  # binary: nothing more to learn
            table.add(1, None, "encoding", undecodable)
            return None
        text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\x00", _NUL_STAND_IN), undecodable


@dataclass
class _Records:
    rows: list[int] = field(default_factory=list)  # spreadsheet row of each record
    cells: list[list[str]] = field(default_factory=list)
    faults: dict[int, tuple[int | None, str, str]] = field(default_factory=dict)  # row -> fault


def _quote_fault(text: str) -> tuple[int, str] | None:
    """Which cell of one record's text holds a malformed quote, and what is wrong with it."""
    pos, index = 0, 0
    while True:
        if text.startswith('"', pos):
            quoted = _QUOTED_CELL.match(text, pos)
            if quoted is None:
                return index, "unterminated quote: the quote opening this cell never closes"
            pos = quoted.end()
        else:
            quoted, pos = None, _PLAIN_CELL.match(text, pos).end()
        if pos < len(text) and text[pos] not in ",\r\n":
            if quoted:
                return index, "text after a closing quote"
            return index, "stray quote in a cell that does not start with a quote"
        if pos >= len(text) or text[pos] != ",":
            return None
        pos, index = pos + 1, index + 1


def _split_records(text: str) -> _Records:
    """Records of CSV text by the strict csv reader; a malformed quote breaks only its record.

    When the reader fails, or a quote pairs with one on a later line and leaves a stray quote
    or a ragged record, the record is reported where it starts, cut at the end of that line,
    and reading resumes on the next line.
    """
    lines, out = _Lines(text), _Records()
    reader = csv.reader(lines, strict=True)
    while True:
        row, start = len(out.rows) + 1, lines.position
        try:
            cells, error = next(reader), ""
        except StopIteration:
            return out
        except csv.Error as exc:
            cells, error = None, str(exc)
        if cells is not None and '"' in lines[start]:
            ragged = out.cells and lines.position - start > 1 and len(cells) != len(out.cells[0])
            stray = any('"' in cell for cell in cells) and _quote_fault(lines.since(start))
            if ragged or stray:
                cells = None
        if cells is None:
            cells, lines.position = _broken_record(out, row, lines[start], error), start + 1
        out.rows.append(row)
        out.cells.append(cells)


class _Lines(list):
    """The lines of a text (ends kept), handed to the csv reader from ``position`` on, which
    may be moved back: unlike a generator, it does not stay exhausted after its last line."""

    def __init__(self, text: str):
        super().__init__(_LINES.findall(text))
        self.position = 0

    def __next__(self) -> str:
        if self.position >= len(self):
            raise StopIteration
        self.position += 1
        return self[self.position - 1]

    def __iter__(self):
        return self

    def since(self, start: int) -> str:
        return "".join(self[start : self.position])


def _broken_record(out: _Records, row: int, line: str, error: str) -> list[str]:
    """Note the fault of a record cut at the end of its first line; return its cells."""
    found = _quote_fault(line)
    if found is None:
        out.faults[row] = (None, "csv", f"the csv reader cannot read this record: {error}")
    else:
        index, reason = found
        if reason.startswith("unterminated") and "end of data" not in error:
            reason = "unterminated quote: the quote opening this cell only closes on a later line"
        reason += ' (a quote inside a cell must be doubled: "")'
        out.faults[row] = (index, "quoting", reason)
    return next(csv.reader([line.rstrip("\r\n")]), [])


# --------------------------------------------------------------------------- the header


def _check_header(table: _Table, header: list[str]) -> dict[str, int]:
    """Map schema columns to header positions, reporting every header problem.

    Columns must appear exactly once each, in the schema's order, with nothing else; a column
    whose name is misspelt (or sits where a missing column should) counts as that column, so
    its cells are still checked.
    """
    names = list(table.fields)
    labels = [label.strip() for label in header]
    columns: dict[str, int] = {}
    unknown: list[int] = []
    for index, (label, raw) in enumerate(zip(labels, header, strict=True)):
        if label != raw:
            reason = f"column name has leading/trailing spaces: {raw!r}"
            table.add(1, label, "column-name", reason)
        if label not in names:
            unknown.append(index)
        elif label in columns:
            reason = (
                f"duplicated column {label!r} (columns {columns[label] + 1} and {index + 1}); "
                "only the first is checked"
            )
            table.add(1, label, "duplicate-column", reason)
        else:
            columns[label] = index
    _match_unknown_columns(table, labels, unknown, columns)
    found = sorted(columns, key=columns.get)
    for got, want in zip(found, [n for n in names if n in columns], strict=True):
        if got != want:
            reason = (
                f"columns out of order: {got!r} stands where {want!r} should; "
                f"expected order: {', '.join(names)}"
            )
            table.add(1, got, "column-order", reason)
            break
    return columns


def _match_unknown_columns(table: _Table, labels, unknown, columns: dict[str, int]) -> None:
    """Take an unknown label for the missing column it replaces (renamed), else report it."""
    names = list(table.fields)
    missing = [n for n in names if n not in columns]
    for index in unknown:
        label = labels[index]
        if index < len(names) and names[index] in missing:
            renamed = names[index]
        else:
            close = difflib.get_close_matches(label, missing, n=1, cutoff=0.75)
            renamed = close[0] if close else None
        if renamed is not None:
            missing.remove(renamed)
            columns[renamed] = index
            reason = f"column is named {label!r}; expected {renamed!r} (renamed?)"
            table.add(1, renamed, "renamed-column", reason)
        elif label:
            reason = f"unknown column {label!r}: not in the {table.name} schema"
            table.add(1, label, "unknown-column", reason)
        else:
            table.add(1, None, "column-name", f"column {index + 1} has no name")
    for name in missing:
        table.add(1, name, "missing-column", f"missing column {name!r}")


# --------------------------------------------------------------------------- records to columns


def _column_of(header: list[str], row: int, index: int | None) -> str | None:
    if row == 1 or index is None or index >= len(header):
        return None
    return header[index].strip()


def _first_undecodable(records: _Records) -> tuple[int, int | None]:
    """(row, cell index) of the first cell holding a byte that was not UTF-8."""
    for row, cells in zip(records.rows, records.cells, strict=True):
        for index, cell in enumerate(cells):
            if "\ufffd" in cell:
                return row, index
    return 1, None


def _read_table(folder, table: _Table) -> dict[str, list[str]] | None:
    """The raw cells of each column, reporting encoding, quoting and header problems."""
    read = _read_text(folder, table)
    if read is None:
        return None
    text, undecodable = read
    records = _split_records(text)
    if not records.cells:
        table.add(1, None, "empty-file", "no header row")
        return None
    header = records.cells[0]
    for row, (index, code, reason) in records.faults.items():
        table.add(row, _column_of(header, row, index), code, reason)
    bad_row, bad_index = _first_undecodable(records) if undecodable else (None, None)
    if undecodable:
        table.add(bad_row, _column_of(header, bad_row, bad_index), "encoding", undecodable)
    if bad_row == 1 or 1 in records.faults:
        return None  # the header itself is garbled: its columns cannot be trusted
    if any(_NUL_STAND_IN in label for label in header):
        reason = "NUL bytes in the header: is the file UTF-16? save it as UTF-8"
        table.add(1, None, "encoding", reason)
        return None
    columns = _check_header(table, header)
    cells = _well_formed(table, records, columns)
    table.bad = {name: set() for name in columns}
    if bad_row is not None and bad_row in table.rows and bad_index in columns.values():
        name = next(n for n, i in columns.items() if i == bad_index)
        table.bad[name].add(table.rows.index(bad_row))
    return {name: [record[i] for record in cells] for name, i in columns.items()}


def _well_formed(table: _Table, records: _Records, columns: dict[str, int]) -> list[list[str]]:
    """The data records with as many cells as the header; report the others."""
    width, kept = len(records.cells[0]), []
    for row, cells in zip(records.rows[1:], records.cells[1:], strict=True):
        table.record_count += 1
        if not cells and row not in records.faults:
            table.add(row, None, "blank-row", "blank row")
        elif row in records.faults or len(cells) != width:
            if row not in records.faults:  # (a broken row is reported where it breaks)
                more = len(cells) > width
                reason = f"row has {len(cells)} cells but the header has {width} " + (
                    "(an unquoted comma in a cell?)" if more else "(a missing cell?)"
                )
                table.add(row, None, "extra-cell" if more else "missing-cell", reason)
            loose = {n: cells[i].strip() for n, i in columns.items() if i < len(cells)}
            table.loose_keys.append(loose)
        else:
            table.rows.append(row)
            kept.append(cells)
    return kept


# --------------------------------------------------------------------------- cells, by Frictionless


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


@lru_cache(maxsize=1024)
def _cell_reader(field_json: str, missing_values: tuple[str, ...]) -> Callable:
    """Frictionless' reader of one field's cells: ``reader(text) -> (value, notes or None)``.

    Built from the field's class directly: ``Field.from_descriptor`` validates the descriptor
    against a JSON Schema first (16 ms a field, 1.6 s for ours), and that schema is ours.
    """
    with warnings.catch_warnings():  # its dependencies' import-time deprecations are not ours
        warnings.simplefilter("ignore", DeprecationWarning)
        from frictionless import fields  # on the first validation only: 0.3 s of CPU

    descriptor = json.loads(field_json)
    # (not system.select_field_class: that imports every plugin first, another 0.4 s)
    kind = str(descriptor.get("type", "any")).capitalize()
    field_class = getattr(fields, f"{kind}Field", fields.AnyField)
    accepted = inspect.signature(field_class.__init__).parameters
    options = {_snake_case(key): value for key, value in descriptor.items()}
    options = {key: value for key, value in options.items() if key in accepted}
    options.setdefault("missing_values", list(missing_values))  # a field may have its own
    return field_class(**options).create_cell_reader()


def _clean_column(table: _Table, name: str, cells: list[str]) -> list[str]:
    """Report NUL bytes and padding; return the cells stripped."""
    if table.has_nul:
        for i, cell in enumerate(cells):
            if _NUL_STAND_IN in cell:
                reason = "NUL byte in the cell (a binary or UTF-16 file?)"
                table.problems.append(table.problem(i, name, "encoding", reason))
        cells = [cell.replace(_NUL_STAND_IN, "") for cell in cells]
    stripped = [cell.strip() for cell in cells]
    for i, (cell, value) in enumerate(zip(cells, stripped, strict=True)):
        if cell != value and i not in table.bad[name]:
            reason = f"leading/trailing whitespace in {cell!r}"
            table.problems.append(table.problem(i, name, "whitespace", reason))
    return stripped


def _read_cells(table: _Table, name: str, stripped: list[str]) -> None:
    """Type and constraints of every cell of one column, as Frictionless reads them."""
    field_, bad = table.fields[name], table.bad[name]
    read = _cell_reader(json.dumps(field_, sort_keys=True), table.missing_values)
    results = {value: read(value) for value in set(stripped)}  # each distinct value read once
    failing = {value: notes for value, (_, notes) in results.items() if notes}
    for i, value in enumerate(stripped):
        if value in failing and i not in bad:
            for note in failing[value]:
                code, reason = _explain(note, field_, value)
                if code == "required" and name in PROVENANCE_FIELDS:
                    continue  # reported as missing provenance: see _rule_provenance
                table.problems.append(table.problem(i, name, code, reason))
                bad.add(i)
    typed = [None if value in failing else results[value][0] for value in stripped]
    table.typed[name] = [None if i in bad else value for i, value in enumerate(typed)]
    table.values[name] = [None if value in table.missing_values else value for value in stripped]


def _explain(note: str, field_: dict, value: str) -> tuple[str, str]:
    """The code and message of a Frictionless note ("type", "enum", "maxLength", …)."""
    if note == "type":
        kind, form = field_.get("type", "string"), field_.get("format", "default")
        if kind == "string":
            return "format", f"{value!r} is not {_FORMATS.get(form, f'in the format {form}')}"
        return "type", _TYPE_REASONS.get(kind, _not_a(kind))(value, form)
    limit = field_.get("constraints", {}).get(note)
    code = re.sub(r"(?<!^)([A-Z])", r"-\1", note).lower().replace("exclusive-", "")
    reason = _CONSTRAINT_REASONS.get(code)
    if reason is None:
        return "constraint", f"{value!r} breaks the constraint {note} = {limit!r}"
    return code, reason(value, limit)


def _not_a(kind: str) -> Callable[[str, str], str]:
    return lambda value, _form: f"not a {kind}: {value!r}"


def _date_reason(value: str, form: str) -> str:
    if form not in ("default", "any"):
        return f"not a date in the format {form}: {value!r}"
    if not _ISO_DATE.fullmatch(value):
        return f"not an ISO date (YYYY-MM-DD): {value!r}"
    try:
        datetime.date.fromisoformat(value)
    except ValueError as exc:
        return f"not a real calendar date: {value!r} ({exc})"
    return f"not a date: {value!r}"


def _allowed(value: str, enum: list) -> str:
    allowed = [str(item) for item in enum]
    hint = _did_you_mean(value, allowed)
    return f"{value!r} is not an allowed value{hint} (allowed: {', '.join(allowed)})"


_FORMATS = {"uri": "a URI (e.g. https://example.org/page)", "email": "an e-mail address"}
_TYPE_REASONS: dict[str, Callable[[str, str], str]] = {
    "integer": lambda value, _form: (
        f"not an integer: {value!r}"
        + (" (whole numbers only, no decimal point)" if _DECIMAL.fullmatch(value) else "")
    ),
    "boolean": lambda value, _form: f"not a boolean: {value!r} (write true or false)",
    "date": _date_reason,
    "year": lambda value, _form: f"not a year (YYYY): {value!r}",
}
_CONSTRAINT_REASONS: dict[str, Callable[[str, object], str]] = {
    "required": lambda value, limit: "required cell is empty",
    "enum": _allowed,
    "pattern": lambda value, limit: f"{value!r} does not match the pattern {limit}",
    "minimum": lambda value, limit: f"{value} is below the minimum {limit}",
    "maximum": lambda value, limit: f"{value} is above the maximum {limit}",
    "min-length": lambda value, limit: f"too short: {len(value)} characters (at least {limit})",
    "max-length": lambda value, limit: f"too long: {len(value)} characters (at most {limit})",
}


def _did_you_mean(value: str, choices: list[str]) -> str:
    """Return "; did you mean 'x'?" for the closest choice (ignoring case), or ""."""
    lowered = {}
    for choice in choices:
        lowered.setdefault(choice.lower(), choice)
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


# --------------------------------------------------------------------------- keys, by pandas


def _keys(table: _Table, columns: list[str], *, usable: bool = False) -> tuple[list[int], list]:
    """Positions whose key cells are all filled (and, if ``usable``, valid), and their keys."""
    skip = set().union(*(table.bad[c] for c in columns)) if usable else set()
    cells = table.values[columns[0]] if len(columns) == 1 else None
    if cells is None:
        columns_ = (table.values[c] for c in columns)
        cells = [None if None in key else key for key in zip(*columns_, strict=True)]
    positions = [i for i, key in enumerate(cells) if key is not None and i not in skip]
    return positions, [cells[i] for i in positions]


def _repeats(keys: list) -> Iterator[tuple[int, object, int]]:
    """(index, key, index of the key's first occurrence) for every key seen before."""
    series = pd.Series(keys, dtype=object)
    repeated = series.duplicated().to_numpy()
    first = dict(zip(series[~repeated], series.index[~repeated], strict=True))
    for index in series.index[repeated]:
        yield index, keys[index], first[keys[index]]


def _primary_key(name: str) -> list[str]:
    return _schema.primary_key(name) if _schema.resource(name)["schema"].get("primaryKey") else []


def _check_unique(table: _Table) -> None:
    """Columns whose values must be unique (a one-column primary key is checked as the key)."""
    primary = _primary_key(table.name)
    for name, field_ in table.fields.items():
        if name not in table.values or primary == [name]:
            continue
        if field_.get("constraints", {}).get("unique"):
            positions, keys = _keys(table, [name])
            for k, value, first in _repeats(keys):
                reason = (
                    f"duplicate value {value!r} in a column whose values must be unique "
                    f"(first in row {table.rows[positions[first]]})"
                )
                table.problems.append(table.problem(positions[k], name, "unique", reason))


def _check_primary_key(table: _Table) -> None:
    primary = _primary_key(table.name)
    if not primary or not table.has(*primary):
        return
    positions, keys = _keys(table, primary)
    for k, key, first in _repeats(keys):
        if len(primary) == 1:
            what = f"duplicate primary key {key!r}"
        else:
            pairs = ", ".join(f"{n}={v!r}" for n, v in zip(primary, key, strict=True))
            what = f"duplicate primary key ({pairs})"
        reason = f"{what} (first in row {table.rows[positions[first]]})"
        table.problems.append(table.problem(positions[k], primary[0], "primary-key", reason))


def _check_foreign_keys(tables: dict[str, _Table]) -> None:
    for table in tables.values():
        for local, ref_name, ref_fields in _schema.foreign_keys(table.name):
            target = tables.get(ref_name or table.name)
            if target is not None and target.has(*ref_fields) and table.has(*local):
                _check_foreign_key(table, local, target, ref_fields)


def _check_foreign_key(table: _Table, local: list[str], target: _Table, ref: list[str]) -> None:
    existing = set(_keys(target, ref)[1])
    existing |= {_loose_key(keys, ref) for keys in target.loose_keys}
    positions, keys = _keys(table, local, usable=True)
    found = pd.Series(keys, dtype=object).isin(existing).to_numpy()
    for k in (k for k, ok in enumerate(found) if not ok):
        key = keys[k]
        choices = [str(other) for other in existing if other is not None] if len(local) == 1 else []
        hint = _did_you_mean(str(key), sorted(choices)) if choices else ""
        reason = f"{key!r} not found in {target.file} column {', '.join(ref)} (foreign key){hint}"
        table.problems.append(table.problem(positions[k], local[0], "foreign-key", reason))


def _loose_key(keys: dict[str, str], columns: list[str]):
    values = tuple(keys.get(n) for n in columns)
    return values[0] if len(columns) == 1 else values


# --------------------------------------------------------------------------- the project's rules


def _rule_provenance(table: _Table) -> Iterator[Problem]:
    """Every row cites its source (source_id) and quotes its evidence."""
    for name in PROVENANCE_FIELDS:
        for i in (i for i, v in enumerate(table.values.get(name, ())) if v is None):
            reason = (
                f"provenance missing: {name} is empty, but every row must cite its source "
                "(source_id) and quote its evidence"
            )
            yield table.problem(i, name, "provenance", reason)


def _low_high_pairs(table: _Table) -> list[tuple[str, str]]:
    pairs = [(c, c[:-4] + "_high") for c in table.values if c.endswith("_low")]
    return [pair for pair in pairs if table.has(*pair)]


def _rule_low_high_pair(table: _Table) -> Iterator[Problem]:
    """``X_low`` / ``X_high``: give both (equal for a single figure) or neither."""
    for low, high in _low_high_pairs(table):
        for i, (lo, hi) in enumerate(zip(table.values[low], table.values[high], strict=True)):
            if (lo is None) != (hi is None):
                empty, other, given = (high, low, lo) if hi is None else (low, high, hi)
                reason = (
                    f"{empty} is empty but {other} is {given}: give both (equal for a single "
                    "figure) or neither"
                )
                yield table.problem(i, empty, "low-high-pair", reason)


def _rule_low_not_above_high(table: _Table) -> Iterator[Problem]:
    """``X_low`` <= ``X_high``."""
    for low, high in _low_high_pairs(table):
        for i, (lo, hi) in enumerate(zip(table.typed[low], table.typed[high], strict=True)):
            if lo is not None and hi is not None and lo > hi:
                reason = f"{low} ({lo}) is greater than {high} ({hi})"
                yield table.problem(i, low, "low-gt-high", reason)


def _rule_date_precision(table: _Table) -> Iterator[Problem]:
    """``X_precision`` next to a date ``X``: month means day 01, year means 01-01."""
    pairs = [(c, c[: -len("_precision")]) for c in table.values if c.endswith("_precision")]
    for precision, column in (pair for pair in pairs if table.has(*pair)):
        for i, (level, date) in enumerate(
            zip(table.typed[precision], table.typed[column], strict=True)
        ):
            if not isinstance(date, datetime.date) or level not in ("month", "year"):
                continue
            first = date.replace(day=1) if level == "month" else date.replace(month=1, day=1)
            if first != date:
                reason = (
                    f"{precision} is {level!r}, so {column} should be the first day of the "
                    f"{level} ({first.isoformat()}), not {date.isoformat()}"
                )
                yield table.problem(i, column, "date-precision", reason)


def _rule_word_limits(table: _Table) -> Iterator[Problem]:
    """Quoted text stays short: evidence, and verbatim claim text (:data:`WORD_LIMITS`)."""
    for column, switch, limit, label, code in WORD_LIMITS:
        if not table.has(column) or (switch is not None and not table.has(switch)):
            continue
        switched = table.typed[switch] if switch else [True] * len(table.rows)
        for i, (text, on) in enumerate(zip(table.typed[column], switched, strict=True)):
            words = len(text.split()) if text is not None and on is True else 0
            if words > limit:
                reason = f"{label} is {words} words long; at most {limit} words may be quoted"
                yield table.problem(i, column, code, reason)


def _looks_like_a_url(text: str) -> bool:
    """A web address, a path, or lowercase words joined by hyphens: not words read in a source.

    A '/' inside prose ("an AN/TPY-2 radar", coordinates) is fine: only a fragment without
    spaces counts as a path.
    """
    if _URL_IN_TEXT.search(text):
        return True
    return not any(c.isspace() for c in text) and ("/" in text or bool(_SLUG.fullmatch(text)))


def _rule_evidence_slug(table: _Table) -> Iterator[Problem]:
    """Evidence is whole words from the source, not its address."""
    for i, text in enumerate(table.typed.get("evidence", ())):
        if text is not None and _looks_like_a_url(text):
            reason = (
                f"evidence {text!r} looks like a web address or URL slug: quote a few words of "
                "the source itself (its address belongs in sources.csv)"
            )
            yield table.problem(i, "evidence", "evidence-slug", reason)


def _corroboration_reason(confidence, second, source) -> str | None:
    if confidence is None:  # empty or invalid: reported already
        return None
    if confidence != "corroborated":
        if second is None:
            return None
        return (
            f"second_source_id is given but confidence is {confidence!r}: leave it empty, or "
            "set confidence to 'corroborated'"
        )
    if second is None:
        return "confidence is 'corroborated', so second_source_id must name the second source"
    if second == source:
        return (
            f"second_source_id is the same as source_id ({second!r}): a corroborated row needs "
            "a second, independent source"
        )
    return None


def _rule_corroboration(table: _Table) -> Iterator[Problem]:
    """A corroborated row names a second, different source; no other row names one."""
    if not table.has("confidence", "second_source_id", "source_id"):
        return
    columns = (table.typed["confidence"], table.values["second_source_id"])
    for i, (confidence, second) in enumerate(zip(*columns, strict=True)):
        reason = _corroboration_reason(confidence, second, table.values["source_id"][i])
        if reason:
            yield table.problem(i, "second_source_id", "corroboration", reason)


def _rule_unit(table: _Table) -> Iterator[Problem]:
    """A figure (count_low / count_high) says what it counts; a unit has a figure to count."""
    if not table.has("count_low", "count_high", "unit"):
        return
    columns = (table.values["count_low"], table.values["count_high"], table.values["unit"])
    for i, (low, high, unit) in enumerate(zip(*columns, strict=True)):
        figure = low is not None or high is not None
        if figure and unit is None:
            reason = "a figure is given but unit is empty: say what it counts (missiles, sites, …)"
            yield table.problem(i, "unit", "unit-missing", reason)
        elif unit is not None and not figure:
            reason = f"unit is {unit!r} but count_low and count_high are empty: add the figure"
            yield table.problem(i, "unit", "unit-without-figure", reason)


def _rule_view(table: _Table) -> Iterator[Problem]:
    """A claim of kind 'view' names its speaker and its stance; only a view has a stance."""
    if not table.has("claim_kind", "stance", "speaker"):
        return
    columns = (table.typed["claim_kind"], table.values["stance"], table.values["speaker"])
    for i, (kind, stance, speaker) in enumerate(zip(*columns, strict=True)):
        if kind == "view" and stance is None:
            yield table.problem(i, "stance", "view-stance", "a claim of kind 'view' needs a stance")
        if kind == "view" and speaker is None:
            reason = "a claim of kind 'view' needs its speaker"
            yield table.problem(i, "speaker", "view-speaker", reason)
        if kind not in (None, "view") and stance is not None:
            reason = f"stance is only for claims of kind 'view', not {kind!r}: leave it empty"
            yield table.problem(i, "stance", "view-stance", reason)


def _held_by_pandas(kind: str, text: str, value) -> tuple[str, str] | None:
    """Why the loaders could not hold a value Frictionless accepts (Int64, datetime64[ns])."""
    if kind == "integer" and value not in _INT64:
        return "out-of-range", f"{text} is too large for a 64-bit integer (Int64)"
    if kind == "date" and not _ISO_DATE.fullmatch(text):
        return "type", f"not an ISO date (YYYY-MM-DD): {text!r}"
    low, high = _PANDAS_DATES
    if kind == "date" and not low <= value <= high:
        return "out-of-range", f"{text} is outside the dates pandas can hold ({low} to {high})"
    return None


def _rule_loadable(table: _Table) -> Iterator[Problem]:
    """Every accepted integer and date fits the dtype its loader gives it."""
    for name, field_ in table.fields.items():
        kind = field_.get("type")
        if kind not in ("integer", "date") or name not in table.typed:
            continue
        for i, value in enumerate(table.typed[name]):
            found = None if value is None else _held_by_pandas(kind, table.values[name][i], value)
            if found:
                yield table.problem(i, name, *found)


#: The project's own rules, each switched on by the columns a table has.
RULES: tuple[Callable[[_Table], Iterator[Problem]], ...] = (
    _rule_provenance,
    _rule_low_high_pair,
    _rule_low_not_above_high,
    _rule_date_precision,
    _rule_word_limits,
    _rule_evidence_slug,
    _rule_corroboration,
    _rule_unit,
    _rule_view,
    _rule_loadable,
)


# --------------------------------------------------------------------------- a whole folder


def _check_table(folder, name: str, data_dir) -> _Table:
    table = _Table.of(name, data_dir)
    cells = _read_table(folder, table)
    if cells is None:
        return table
    if table.record_count == 0:
        reason = "the table has only its header row: add at least one row"
        table.add(None, None, "empty-table", reason)
    for column, raw in cells.items():
        _read_cells(table, column, _clean_column(table, column, raw))
    _check_unique(table)
    _check_primary_key(table)
    for rule in RULES:
        table.problems.extend(rule(table))
    return table


def _folder(data_dir):
    """Return (folder to read, its display name, or a Problem if it is not a folder)."""
    if data_dir is None:
        folder = _schema.shipped_data_dir()
        return folder, str(folder), None
    if not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir must be a path or None, not {type(data_dir).__name__}")
    path, shown = Path(data_dir), os.fspath(data_dir)
    try:
        if not path.exists():
            reason = "data folder does not exist"
        elif not path.is_dir():
            reason = "not a folder (expected a data folder)"
        else:
            return path, shown, None
    except OSError as exc:
        reason = f"cannot open the data folder: {exc}"
    return None, shown, Problem(shown, None, None, reason, "data-dir")


def _check_descriptor(folder: Path) -> list[Problem]:
    """A copy's datapackage.json, if it has one, must be a JSON object (it may extend enums)."""
    path = folder / _schema.DESCRIPTOR_NAME
    try:
        if not path.is_file():
            return []
        found = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        reason = f"not valid JSON ({where}: {exc.msg}); its vocabularies are ignored"
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot read {path.name}: {exc}"
    else:
        if isinstance(found, dict):
            return []
        reason = f"expected a JSON object, not {type(found).__name__}; it is ignored"
    return [Problem(path.name, None, None, reason, "descriptor")]


def _guarded(problems: list[Problem], where: str, check: Callable, *args):
    """Run one check; a bug in it becomes a problem instead of hiding the other checks."""
    try:
        return check(*args)
    except Exception as exc:  # reported, never raised
        reason = f"internal error while checking: {exc!r}"
        problems.append(Problem(where, None, None, reason, "internal"))
        return None


def _run(data_dir=None) -> tuple[list[Problem], int, int]:
    """Validate; return (sorted problems, number of tables, number of data rows)."""
    folder, shown, problem = _folder(data_dir)
    if problem is not None:
        return [problem], 0, 0
    problems = [] if data_dir is None else _check_descriptor(folder)
    tables: dict[str, _Table] = {}
    for name in _schema.table_names():
        file = _schema.resource(name).get("path", f"{name}.csv")
        table = _guarded(problems, file, _check_table, folder, name, data_dir)
        tables[name] = table or _Table.of(name, data_dir)
    _guarded(problems, shown, _check_foreign_keys, tables)
    for table in tables.values():
        problems += table.problems
    rows = sum(table.record_count for table in tables.values())
    return sorted(set(problems), key=_sort_key), len(tables), rows


def validate(data_dir: str | os.PathLike | None = None) -> list[Problem]:
    """Check a data folder (default: the shipped data) against the shipped schema.

    Returns the problems sorted by file, row and column; an empty list means valid. Never
    raises on bad data. Columns must match the schema exactly: every column once, in the
    schema's order, and no others (as Frictionless checks them). Every table needs at least
    one row: a header-only table is reported (``empty-table``), and so is a 0-byte file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from mdr_data import _schema
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in _schema.table_names():  # header-only tables: reported as empty
    ...         header = ",".join(_schema.field_names(name)) + "\\n"
    ...         _ = Path(folder, f"{name}.csv").write_text(header, encoding="utf-8")
    ...     print(validate(folder)[0])
    ...     _ = Path(folder, "glossary.csv").write_text(
    ...         "term,expansion,definition,source_id\\nTHAAD ,,A missile defence system.,mdr\\n",
    ...         encoding="utf-8")
    ...     for problem in validate(folder):
    ...         if problem.file == "glossary.csv":
    ...             print(problem.code, problem.row, problem.column)
    actors.csv:-:-: the table has only its header row: add at least one row
    foreign-key 2 source_id
    whitespace 2 term
    >>> validate("no/such/folder")[0].code
    'data-dir'
    """
    return _run(data_dir)[0]


def check_data_dir(data_dir: str | os.PathLike | None) -> None:
    """Raise :class:`DataValidationError` listing the problems if ``data_dir`` is not valid.

    >>> try:
    ...     check_data_dir("no/such/folder")
    ... except DataValidationError as error:
    ...     print(error)
    1 problem in no/such/folder
    no/such/folder:-:-: data folder does not exist
    """
    problems = validate(data_dir)
    if problems:
        raise DataValidationError(problems, data_dir)
