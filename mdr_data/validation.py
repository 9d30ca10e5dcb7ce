"""Check a data folder against the shipped schema and report every problem by file, row, column.

Everything is read from the shipped ``datapackage.json`` (types, constraints, vocabularies,
keys); a ``datapackage.json`` inside the checked folder may only extend the vocabularies
(see :mod:`mdr_data._schema`), because the rest of the contract is ours. The checks work on
the raw text of the CSVs (standard library only, no pandas), never
raise on bad data, and name each problem the way a spreadsheet shows it: the header is row 1
and the first data record row 2 (records are counted, not physical lines).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     for problem in validate(folder)[:2]:
...         print(problem)
actors.csv:-:-: missing file: expected actors.csv in this folder
capabilities.csv:-:-: missing file: expected capabilities.csv in this folder
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from mdr_data import _schema

__all__ = ["DataValidationError", "Problem", "check_data_dir", "validate"]

#: Columns that carry a row's provenance: wherever a table has them, every row must fill them.
PROVENANCE_FIELDS = ("source_id", "evidence")

#: Word limits on quoted text: (column, boolean column that switches the limit on or None,
#: most words allowed, what to call the cell in the message).
WORD_LIMITS = (
    ("evidence", None, 25, "evidence"),
    ("text", "is_verbatim", 25, "verbatim claim text"),
)

#: Frictionless' default boolean spellings (a field may override them with trueValues/falseValues).
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

#: How many problem lines a DataValidationError message lists before "… and K more".
MAX_LISTED = 20

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|INF|Infinity|nan|NaN)")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_FIELD_END = re.compile(r'[,\r\n"]')
_RECORD_END = re.compile(r"[,\r\n]")
_LINE_END = re.compile(r"\r\n|\r|\n")
_INVALID = object()  # typed value of a cell that failed its type check


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data folder: where it is (file, row, column) and what is wrong.

    ``row`` counts CSV records as a spreadsheet shows them (header = 1); ``row`` and
    ``column`` are None when the problem concerns a whole file or a whole row.

    >>> print(Problem("actors.csv", 3, "kind", "'stat' is not an allowed value"))
    actors.csv:3:kind: 'stat' is not an allowed value
    >>> print(Problem("actors.csv", None, None, "missing file"))
    actors.csv:-:-: missing file
    """

    file: str
    row: int | None
    column: str | None
    reason: str

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


# --------------------------------------------------------------------------- CSV parsing


class _Parsed:
    """Records of one CSV text, with where each record and cell starts in the text."""

    def __init__(self):
        self.records: list[list[str]] = []
        self.rows: list[int] = []  # spreadsheet row number of each record
        self.blank: list[bool] = []  # record came from an empty line
        self.record_starts: list[int] = []
        self.cell_starts: list[list[int]] = []
        self.errors: list[tuple[int, int, str]] = []  # (row, cell index, reason)
        self.broken: set[int] = set()  # rows cut short at an unterminated quote

    def locate(self, offset: int) -> tuple[int, int]:
        """Return (row, cell index) of the character at ``offset``."""
        if not self.record_starts:
            return 1, 0
        record = max(bisect.bisect_right(self.record_starts, offset) - 1, 0)
        cell = max(bisect.bisect_right(self.cell_starts[record], offset) - 1, 0)
        return self.rows[record], cell


def _parse_csv(text: str) -> _Parsed:
    """Split RFC 4180 CSV text into records, noting malformed quoting instead of failing.

    Accepts ``\\n``, ``\\r\\n`` and ``\\r`` line ends; a quote inside a cell must be doubled
    and the cell quoted. An unterminated quote breaks only its own record: reading resumes
    on the next line, so one bad quote does not swallow the rest of the file.
    """
    parsed = _Parsed()
    size = len(text)
    pos = 0
    row = 1
    cells: list[str] = []
    starts: list[int] = []
    record_start = 0
    while True:
        if pos >= size and not cells:
            break
        col = len(cells)
        starts.append(pos)
        quoted = pos < size and text[pos] == '"'
        if quoted:
            opened = pos
            pos += 1
            parts = []
            closed = True
            while True:
                close = text.find('"', pos)
                if close == -1:
                    closed = False
                    break
                parts.append(text[pos:close])
                if text.startswith('"', close + 1):
                    parts.append('"')
                    pos = close + 2
                    continue
                pos = close + 1
                break
            value = "".join(parts)
            trailing = closed and pos < size and text[pos] not in ",\r\n"
            if not closed or (trailing and _LINE_END.search(text, opened, pos)):
                # The quote runs to the end of the file, or pairs with a quote on a later
                # line that is followed by text: report it where it opens, cut the record at
                # the end of that line and read on from the next line.
                where = "never closes" if not closed else "only closes on a later line"
                parsed.errors.append(
                    (
                        row,
                        col,
                        f"unterminated quote: the quote opening this cell {where} (a quote "
                        'inside a cell must be doubled: "")',
                    )
                )
                parsed.broken.add(row)
                line_end = _LINE_END.search(text, opened)
                pos = line_end.start() if line_end else size
                value = text[opened + 1 : pos]
            elif trailing:
                parsed.errors.append(
                    (
                        row,
                        col,
                        "text after a closing quote (a quote inside a quoted cell must be "
                        'doubled: "")',
                    )
                )
                match = _RECORD_END.search(text, pos)
                end = match.start() if match else size
                value += text[pos:end]
                pos = end
        else:
            match = _FIELD_END.search(text, pos)
            end = match.start() if match else size
            if match and text[end] == '"':
                parsed.errors.append(
                    (
                        row,
                        col,
                        "stray quote in an unquoted cell (quote the whole cell and double "
                        'the quote inside it: "")',
                    )
                )
                match = _RECORD_END.search(text, end)
                end = match.start() if match else size
            value = text[pos:end]
            pos = end
        cells.append(value)
        if pos < size and text[pos] == ",":
            pos += 1
            if pos >= size:  # a trailing comma at the very end: one more empty cell
                starts.append(pos)
                cells.append("")
            else:
                continue
        # end of record: a line end or the end of the text
        parsed.records.append(cells)
        parsed.rows.append(row)
        parsed.blank.append(len(cells) == 1 and not quoted and cells[0] == "")
        parsed.record_starts.append(record_start)
        parsed.cell_starts.append(starts)
        if pos < size:
            pos += 2 if text.startswith("\r\n", pos) else 1
        cells, starts = [], []
        record_start = pos
        row += 1
    return parsed


# --------------------------------------------------------------------------- one table


class _Table:
    """What the checks learned about one table, kept for the cross-table checks."""

    def __init__(self, name: str, file: str):
        self.name = name
        self.file = file
        self.present = False  # read far enough to know its columns (and its keys)
        self.columns: dict[str, int] = {}  # schema column -> index in the header
        self.rows: list[tuple[int, dict[str, str | None], dict]] = []  # (row, values, typed)
        self.loose_keys: list[dict[str, str]] = []  # key cells of ragged rows (best effort)
        self.bad_cells: set[tuple[int, str]] = set()
        self.record_count = 0


class _Checker:
    def __init__(self, data_dir=None):
        self.problems: list[Problem] = []
        self.data_dir = data_dir  # a copy's datapackage.json may extend the vocabularies

    def add(self, file: str, row: int | None, column: str | None, reason: str) -> None:
        self.problems.append(Problem(file, row, column, reason))

    # ----------------------------------------------------------------- reading bytes

    def read_table(self, folder, name: str) -> _Table:
        resource = _schema.resource(name)
        file = resource.get("path", f"{name}.csv")
        table = _Table(name, file)
        target = folder.joinpath(file)
        try:
            if target.is_dir():
                self.add(file, None, None, "cannot read: this is a folder, not a CSV file")
                return table
            if not target.is_file():
                self.add(file, None, None, f"missing file: expected {file} in this folder")
                return table
            data = target.read_bytes()
        except OSError as exc:
            self.add(file, None, None, f"cannot read the file: {exc.strerror or exc}")
            return table
        text = self.decode(table, data)
        if text is None:
            return table
        self.check_text(table, text)
        return table

    def decode(self, table: _Table, data: bytes) -> str | None:
        file = table.file
        if not data:
            self.add(file, None, None, "empty file (0 bytes): expected at least the header row")
            return None
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            self.add(
                file, 1, None, "file is UTF-16 encoded, not UTF-8: save it again as UTF-8 (CSV)"
            )
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad_at = exc.start
        text = data.decode("utf-8-sig", errors="replace")
        offset = len(data[:bad_at].decode("utf-8-sig"))
        parsed = _parse_csv(text)
        row, cell = parsed.locate(offset)
        header = parsed.records[0] if parsed.records else []
        column = header[cell].strip() if row > 1 and cell < len(header) else None
        guess = "Latin-1 or Windows-1252" if b"\x00" not in data else "a binary file"
        self.add(
            file,
            row,
            column,
            f"not UTF-8: byte 0x{data[bad_at]:02X} at offset {bad_at} cannot be decoded "
            f"(is this {guess}?); save the file again as UTF-8",
        )
        if row == 1 or b"\x00" in data:
            return None  # binary, or the header itself is garbled: nothing more to learn
        table.bad_cells.add((row, column))
        return text

    # ----------------------------------------------------------------- the header

    def check_text(self, table: _Table, text: str) -> None:
        file = table.file
        parsed = _parse_csv(text)
        for row, cell, reason in parsed.errors:
            header = parsed.records[0] if parsed.records else []
            column = header[cell].strip() if row > 1 and cell < len(header) else None
            self.add(file, row, column, reason)
            table.bad_cells.add((row, column))
        if not parsed.records:
            self.add(file, 1, None, "no header row")
            return
        header = parsed.records[0]
        if any("\x00" in label for label in header):
            self.add(file, 1, None, "NUL bytes in the header: is the file UTF-16? save as UTF-8")
            return
        if any(row == 1 for row, _cell, _reason in parsed.errors):
            return  # the header itself is malformed: its columns cannot be trusted
        table.columns = self.check_header(table, header)
        table.present = True
        self.check_records(table, parsed, len(header))

    def check_header(self, table: _Table, header: list[str]) -> dict[str, int]:
        """Map schema columns to header positions, reporting every header problem.

        Columns must appear exactly once each, in the schema's order, with nothing else;
        a column whose name is misspelt (or sits where a missing column should) counts as
        that column, so its cells are still checked.
        """
        file = table.file
        names = _schema.field_names(table.name)
        labels = []
        for label in header:
            stripped = label.strip()
            if stripped != label:
                self.add(file, 1, stripped, f"column name has leading/trailing spaces: {label!r}")
            labels.append(stripped)
        columns: dict[str, int] = {}
        unknown: list[int] = []
        for index, label in enumerate(labels):
            if label in names:
                if label in columns:
                    self.add(
                        file,
                        1,
                        label,
                        f"duplicated column {label!r} (columns {columns[label] + 1} and "
                        f"{index + 1}); only the first is checked",
                    )
                else:
                    columns[label] = index
            else:
                unknown.append(index)
        missing = [n for n in names if n not in columns]
        for index in unknown:
            label = labels[index]
            renamed = None
            if index < len(names) and names[index] in missing:
                renamed = names[index]
            else:
                close = difflib.get_close_matches(label, missing, n=1, cutoff=0.75)
                renamed = close[0] if close else None
            if renamed is not None:
                missing.remove(renamed)
                columns[renamed] = index
                self.add(
                    file, 1, renamed, f"column is named {label!r}; expected {renamed!r} (renamed?)"
                )
            elif label:
                self.add(
                    file, 1, label, f"unknown column {label!r}: not in the {table.name} schema"
                )
            else:
                self.add(file, 1, None, f"column {index + 1} has no name")
        for missing_name in missing:
            self.add(file, 1, missing_name, f"missing column {missing_name!r}")
        found = sorted(columns, key=columns.get)
        expected = [n for n in names if n in columns]
        for got, want in zip(found, expected, strict=True):
            if got != want:
                self.add(
                    file,
                    1,
                    got,
                    f"columns out of order: {got!r} stands where {want!r} should; "
                    f"expected order: {', '.join(names)}",
                )
                break
        return columns

    # ----------------------------------------------------------------- the records

    def check_records(self, table: _Table, parsed: _Parsed, width: int) -> None:
        file = table.file
        schema = _schema.resource(table.name, self.data_dir)["schema"]
        fields = {field["name"]: field for field in schema["fields"]}
        missing_values = set(schema.get("missingValues", [""]))
        primary = _schema.primary_key(table.name) if schema.get("primaryKey") else []
        key_columns = {n for n in fields if n in table.columns}
        seen_unique: dict[str, dict[str, int]] = {n: {} for n in fields}
        seen_keys: dict[tuple, int] = {}
        for cells, row, blank in zip(
            parsed.records[1:], parsed.rows[1:], parsed.blank[1:], strict=True
        ):
            table.record_count += 1
            if blank:
                self.add(file, row, None, "blank row")
                continue
            if row in parsed.broken or len(cells) != width:
                if row not in parsed.broken:  # (a broken row is reported where it breaks)
                    more = len(cells) > width
                    self.add(
                        file,
                        row,
                        None,
                        f"row has {len(cells)} cells but the header has {width} "
                        + ("(an unquoted comma in a cell?)" if more else "(a missing cell?)"),
                    )
                table.loose_keys.append(
                    {
                        n: cells[i].strip()
                        for n, i in table.columns.items()
                        if n in key_columns and i < len(cells)
                    }
                )
                continue
            values: dict[str, str | None] = {}
            typed: dict = {}
            for name, index in table.columns.items():
                field = fields[name]
                raw = cells[index]
                if (row, name) in table.bad_cells:  # reported already (encoding, quoting)
                    values[name] = raw.strip() or None
                    typed[name] = _INVALID
                    continue
                value, result = self.check_cell(table, row, field, raw, missing_values)
                values[name] = value
                typed[name] = result
                if result is _INVALID:
                    table.bad_cells.add((row, name))
                constraints = field.get("constraints", {})
                sole_key = primary == [name]
                if value is not None and constraints.get("unique") and not sole_key:
                    first = seen_unique[name].setdefault(value, row)
                    if first != row:
                        self.add(
                            file,
                            row,
                            name,
                            f"duplicate value {value!r} in a column whose values must be "
                            f"unique (first in row {first})",
                        )
            table.rows.append((row, values, typed))
            if primary and all(values.get(n) is not None for n in primary):
                key = tuple(values[n] for n in primary)
                first = seen_keys.setdefault(key, row)
                if first != row:
                    if len(primary) == 1:
                        what = f"duplicate primary key {key[0]!r}"
                    else:
                        shown = ", ".join(f"{n}={v!r}" for n, v in zip(primary, key, strict=True))
                        what = f"duplicate primary key ({shown})"
                    self.add(file, row, primary[0], f"{what} (first in row {first})")
            self.check_row_rules(table, row, values, typed)

    def check_cell(self, table, row, field, raw, missing_values):
        """Check one cell; return (stripped value or None, typed value or _INVALID)."""
        file, name = table.file, field["name"]
        constraints = field.get("constraints", {})
        if "\x00" in raw:
            self.add(file, row, name, "NUL byte in the cell (a binary or UTF-16 file?)")
            raw = raw.replace("\x00", "")
        value = raw.strip()
        if value != raw:
            self.add(file, row, name, f"leading/trailing whitespace in {raw!r}")
        if value in missing_values:
            if name in PROVENANCE_FIELDS:
                self.add(
                    file,
                    row,
                    name,
                    f"provenance missing: {name} is empty, but every row must cite its source "
                    "(source_id) and quote its evidence",
                )
            elif constraints.get("required"):
                self.add(file, row, name, "required cell is empty")
            return None, None
        kind = field.get("type", "string")
        parsed, error = _convert(kind, field, value)
        if error:
            self.add(file, row, name, error)
            return value, _INVALID
        problems_before = len(self.problems)
        enum = constraints.get("enum")
        if enum is not None and value not in [str(v) for v in enum]:
            allowed = [str(v) for v in enum]
            self.add(
                file,
                row,
                name,
                f"{value!r} is not an allowed value{_did_you_mean(value, allowed)}"
                f" (allowed: {', '.join(allowed)})",
            )
        pattern = constraints.get("pattern")
        if pattern is not None and kind == "string" and not re.fullmatch(pattern, value):
            self.add(file, row, name, f"{value!r} does not match the pattern {pattern}")
        for bound, compare, words in (
            ("minimum", lambda v, b: v < b, "below the minimum"),
            ("maximum", lambda v, b: v > b, "above the maximum"),
        ):
            if bound in constraints and kind in ("integer", "number", "date", "year"):
                limit, limit_error = _convert(kind, field, str(constraints[bound]))
                if not limit_error and compare(parsed, limit):
                    self.add(file, row, name, f"{value} is {words} {constraints[bound]}")
        length = len(value)
        if "minLength" in constraints and length < constraints["minLength"]:
            self.add(
                file,
                row,
                name,
                f"too short: {length} characters (at least {constraints['minLength']})",
            )
        if "maxLength" in constraints and length > constraints["maxLength"]:
            self.add(
                file,
                row,
                name,
                f"too long: {length} characters (at most {constraints['maxLength']})",
            )
        if kind == "string" and field.get("format") == "uri" and not _URI.fullmatch(value):
            self.add(file, row, name, f"{value!r} is not a URI (e.g. https://example.org/page)")
        if kind == "string" and field.get("format") == "email" and not _EMAIL.fullmatch(value):
            self.add(file, row, name, f"{value!r} is not an e-mail address")
        if len(self.problems) != problems_before:
            return value, _INVALID
        return value, parsed

    # ----------------------------------------------------------------- row rules

    def check_row_rules(self, table: _Table, row: int, values: dict, typed: dict) -> None:
        """Rules across the cells of one row, switched on by the columns a table has.

        * ``X_low`` / ``X_high``: give both or neither, and low <= high;
        * ``X_precision`` next to a date ``X``: month precision means day 01, year
          precision means 01-01;
        * word limits (:data:`WORD_LIMITS`): evidence, and verbatim claim text.
        """
        file = table.file
        for low in table.columns:
            if not low.endswith("_low") or low[:-4] + "_high" not in table.columns:
                continue
            high = low[:-4] + "_high"
            low_given, high_given = values.get(low) is not None, values.get(high) is not None
            if low_given != high_given:
                empty, other = (high, low) if low_given else (low, high)
                self.add(
                    file,
                    row,
                    empty,
                    f"{empty} is empty but {other} is {values[other]}: give both (equal for a "
                    "single figure) or neither",
                )
            elif (
                low_given
                and _usable(typed[low])
                and _usable(typed[high])
                and typed[low] > typed[high]
            ):
                self.add(
                    file, row, low, f"{low} ({values[low]}) is greater than {high} ({values[high]})"
                )
        for precision in table.columns:
            date_column = precision[: -len("_precision")]
            if not precision.endswith("_precision") or date_column not in table.columns:
                continue
            level, date = typed.get(precision), typed.get(date_column)
            if not (_usable(level) and isinstance(date, datetime.date)):
                continue
            if level == "month" and date.day != 1:
                first = date.replace(day=1)
            elif level == "year" and (date.month, date.day) != (1, 1):
                first = date.replace(month=1, day=1)
            else:
                continue
            self.add(
                file,
                row,
                date_column,
                f"{precision} is {level!r}, so {date_column} should be the first day of the "
                f"{level} ({first.isoformat()}), not {date.isoformat()}",
            )
        for column, switch, limit, label in WORD_LIMITS:
            if column not in table.columns or not _usable(values.get(column)):
                continue
            if switch is not None and (
                switch not in table.columns or typed.get(switch) is not True
            ):
                continue
            words = len(values[column].split())
            if words > limit:
                self.add(
                    file,
                    row,
                    column,
                    f"{label} is {words} words long; at most {limit} words may be quoted",
                )

    # ----------------------------------------------------------------- across tables

    def check_foreign_keys(self, tables: dict[str, _Table]) -> None:
        for table in tables.values():
            if not table.present:
                continue
            for local, ref_name, ref_fields in _schema.foreign_keys(table.name):
                target = tables.get(ref_name or table.name)
                if (
                    target is None
                    or not target.present
                    or not all(n in target.columns for n in ref_fields)
                    or not all(n in table.columns for n in local)
                ):
                    continue  # the missing file or column is reported already
                existing = {
                    tuple(values.get(n) for n in ref_fields) for _row, values, _typed in target.rows
                }
                existing |= {tuple(keys.get(n) for n in ref_fields) for keys in target.loose_keys}
                choices = sorted({key[0] for key in existing if key[0] is not None})
                for row, values, _typed in table.rows:
                    key = tuple(values.get(n) for n in local)
                    if any(v is None for v in key) or any(
                        (row, n) in table.bad_cells for n in local
                    ):
                        continue
                    if key in existing:
                        continue
                    shown = key[0] if len(key) == 1 else key
                    hint = _did_you_mean(str(key[0]), choices) if len(key) == 1 else ""
                    self.add(
                        table.file,
                        row,
                        local[0],
                        f"{shown!r} not found in {target.file} column {', '.join(ref_fields)} "
                        f"(foreign key){hint}",
                    )


def _usable(value) -> bool:
    return value is not None and value is not _INVALID


def _did_you_mean(value: str, choices: list[str]) -> str:
    """Return "; did you mean 'x'?" for the closest choice (ignoring case), or ""."""
    lowered = {}
    for choice in choices:
        lowered.setdefault(choice.lower(), choice)
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


def _convert(kind: str, field: dict, value: str):
    """Parse a non-empty cell as Frictionless type ``kind``: (value, None) or (None, reason)."""
    if kind == "integer":
        if _INTEGER.fullmatch(value):
            return int(value), None
        if _NUMBER.fullmatch(value):
            return None, f"not an integer: {value!r} (whole numbers only, no decimal point)"
        return None, f"not an integer: {value!r}"
    if kind == "number":
        if _NUMBER.fullmatch(value):
            return float(value), None
        return None, f"not a number: {value!r}"
    if kind == "boolean":
        true_values = field.get("trueValues", TRUE_VALUES)
        false_values = field.get("falseValues", FALSE_VALUES)
        if value in true_values:
            return True, None
        if value in false_values:
            return False, None
        return None, f"not a boolean: {value!r} (write true or false)"
    if kind == "date":
        fmt = field.get("format", "default")
        if fmt in ("default", "any") or not str(fmt).startswith("%"):
            if not _ISO_DATE.fullmatch(value):
                return None, f"not an ISO date (YYYY-MM-DD): {value!r}"
            try:
                return datetime.date.fromisoformat(value), None
            except ValueError as exc:
                return None, f"not a real calendar date: {value!r} ({exc})"
        try:
            return datetime.datetime.strptime(value, fmt).date(), None
        except ValueError:
            return None, f"not a date in the format {fmt}: {value!r}"
    if kind == "year":
        if re.fullmatch(r"\d{4}", value):
            return int(value), None
        return None, f"not a year (YYYY): {value!r}"
    return value, None


# --------------------------------------------------------------------------- public API


def _folder(data_dir):
    """Return (folder to read, its display name, or a Problem if it is not a folder)."""
    if data_dir is None:
        folder = _schema.shipped_data_dir()
        return folder, str(folder), None
    if not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir must be a path or None, not {type(data_dir).__name__}")
    path = Path(data_dir)
    shown = os.fspath(data_dir)
    try:
        if not path.exists():
            return None, shown, Problem(shown, None, None, "data folder does not exist")
        if not path.is_dir():
            return None, shown, Problem(shown, None, None, "not a folder (expected a data folder)")
    except OSError as exc:
        return None, shown, Problem(shown, None, None, f"cannot open the data folder: {exc}")
    return path, shown, None


def _run(data_dir=None) -> tuple[list[Problem], int, int]:
    """Validate; return (sorted problems, number of tables, number of data rows)."""
    folder, shown, problem = _folder(data_dir)
    if problem is not None:
        return [problem], 0, 0
    checker = _Checker(data_dir)
    tables: dict[str, _Table] = {}
    for name in _schema.table_names():
        try:
            tables[name] = checker.read_table(folder, name)
        except Exception as exc:  # a bug here must not hide the other tables' problems
            file = _schema.resource(name).get("path", f"{name}.csv")
            checker.add(file, None, None, f"internal error while checking: {exc!r}")
            tables[name] = _Table(name, file)
    try:
        checker.check_foreign_keys(tables)
    except Exception as exc:
        checker.add(shown, None, None, f"internal error while checking foreign keys: {exc!r}")
    rows = sum(table.record_count for table in tables.values())
    return sorted(set(checker.problems), key=_sort_key), len(tables), rows


def validate(data_dir: str | os.PathLike | None = None) -> list[Problem]:
    """Check a data folder (default: the shipped data) against the shipped schema.

    Returns the problems sorted by file, row and column; an empty list means valid. Never
    raises on bad data. Columns must match the schema exactly: every column once, in the
    schema's order, and no others (as Frictionless checks them). A header-only file is a
    valid, empty table; a 0-byte file is not.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from mdr_data import _schema
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in _schema.table_names():  # header-only tables: valid, just empty
    ...         header = ",".join(_schema.field_names(name)) + "\\n"
    ...         _ = Path(folder, f"{name}.csv").write_text(header, encoding="utf-8")
    ...     print(validate(folder))
    ...     _ = Path(folder, "glossary.csv").write_text(
    ...         "term,expansion,definition,source_id\\nTHAAD ,,A missile defence system.,mdr\\n",
    ...         encoding="utf-8")
    ...     for problem in validate(folder):
    ...         print(problem)
    []
    glossary.csv:2:source_id: 'mdr' not found in sources.csv column source_id (foreign key)
    glossary.csv:2:term: leading/trailing whitespace in 'THAAD '
    >>> validate("no/such/folder")
    [Problem(file='no/such/folder', row=None, column=None, reason='data folder does not exist')]
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
