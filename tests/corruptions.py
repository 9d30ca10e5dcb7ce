"""Helpers for the corruption suite: a small valid synthetic data folder built from the schema,
and a catalogue of damages, each of which breaks one cell, row, column or file of a copy and
says exactly where the validator must report it, and with which problem code.

The synthetic rows name only their keys and the cells a damage relies on; every other cell is
filled from the schema (first allowed value, a valid date, ``false``...), so the fixture follows
the schema when a column is added.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mdr_data import _schema

# Only keys, foreign keys and the cells the damages need; the rest comes from the schema.
SYNTHETIC_ROWS: dict[str, list[dict[str, str]]] = {
    "sources": [
        {"source_id": "src-review", "published": "2019-01-17", "kind": "primary"},
        {"source_id": "src-report", "published": "", "kind": "secondary"},
    ],
    "actors": [
        {"actor_id": "USA", "name": "Synthetic United States", "kind": "state"},
        {"actor_id": "CHN", "name": "Synthetic China", "kind": "state"},
        {"actor_id": "IND", "name": "Synthetic India", "kind": "state"},
    ],
    "capabilities": [
        {
            "capability_id": "usa-gbi",
            "actor_id": "USA",
            "count_low": "44",
            "count_high": "44",
            "unit": "interceptors",
            "place_id": "synthetic-site",
            "confidence": "corroborated",
            "second_source_id": "src-report",
        },
        {"capability_id": "chn-icbm", "actor_id": "CHN", "source_id": "src-report"},
        {
            "capability_id": "ind-s400",
            "actor_id": "IND",
            "count_low": "5",
            "count_high": "5",
            "unit": "fire units",
        },
    ],
    "places": [
        {
            "place_id": "synthetic-site",
            "name": "Synthetic Site",
            "actor_id": "USA",
            "latitude": "57.4",
            "longitude": "-152.3",
        },
    ],
    "relationships": [
        {"relationship_id": "usa-ind-mdp", "actor_from": "USA", "actor_to": "IND", "year": "2016"},
        {"relationship_id": "usa-chn-talk", "actor_from": "USA", "actor_to": "CHN", "year": ""},
    ],
    "events": [
        {
            "event_id": "review-released",
            "date": "2019-01-17",
            "date_precision": "day",
            "place_id": "synthetic-site",
        },
        {"event_id": "talks-held", "date": "2018-09-01", "date_precision": "month"},
    ],
    "event_actors": [
        {"event_id": "review-released", "actor_id": "USA"},
        {"event_id": "review-released", "actor_id": "IND"},
        {"event_id": "talks-held", "actor_id": "CHN"},
    ],
    "claims": [
        {
            "claim_id": "india-partner",
            "said_by": "src-review",
            "actor_id": "IND",
            "text": "A short synthetic quotation.",
            "is_verbatim": "true",
        },
        {
            "claim_id": "document-length",
            "said_by": "src-report",
            "actor_id": "",
            "claim_kind": "view",
            "speaker": "A synthetic analyst",
            "stance": "critical",
            "text": "A paraphrase in our own words.",
            "is_verbatim": "false",
        },
    ],
    "glossary": [
        {"term": "GBI", "expansion": "Ground-Based Interceptor", "source_id": "src-review"},
        {"term": "synthetic term", "expansion": "", "source_id": "src-report"},
    ],
}


#: Defaults that the schema alone does not give: a row is corroborated only where it says so
#: (and names its second source).
DEFAULT_CELLS = {"confidence": "single source"}


def default_cell(field_desc: dict) -> str:
    """A valid value for a field, derived from its schema entry ("" if optional and untyped).

    A required vocabulary gets its first value; an optional one (a unit, a stance) stays empty,
    because the project's rules tie it to other cells.
    """
    constraints = field_desc.get("constraints", {})
    kind = field_desc["type"]
    name = field_desc["name"]
    if name in DEFAULT_CELLS:
        return DEFAULT_CELLS[name]
    if constraints.get("enum"):
        return str(constraints["enum"][0]) if constraints.get("required") else ""
    if name == "source_id":
        return "src-review"
    if name == "url" or field_desc.get("format") == "uri":
        return "https://example.org/synthetic"
    if kind == "boolean":
        return "false"
    if kind == "date":
        return "2019-01-17"
    if kind in ("integer", "number"):
        return (
            str(max(int(constraints.get("minimum", 1)), 1)) if constraints.get("required") else ""
        )
    if constraints.get("required") or name == "evidence":
        return f"Synthetic {name.replace('_', ' ')} for the tests."
    return ""


def synthetic_tables() -> dict[str, tuple[list[str], list[list[str]]]]:
    """Header and records of every table of the synthetic fixture."""
    out = {}
    for name in _schema.table_names():
        fields = _schema.fields(name)
        header = [f["name"] for f in fields]
        records = []
        for given in SYNTHETIC_ROWS.get(name, []):
            records.append([given.get(f["name"], default_cell(f)) for f in fields])
        out[name] = (header, records)
    return out


def write_synthetic(folder: Path) -> Path:
    """Write the synthetic fixture (CSVs and a copy of the descriptor) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (header, records) in synthetic_tables().items():
        write_table(folder, name, header, records)
    shipped = Path(str(_schema.shipped_data_dir()))
    shutil.copyfile(shipped / _schema.DESCRIPTOR_NAME, folder / _schema.DESCRIPTOR_NAME)
    return folder


def file_of(name: str) -> str:
    return _schema.resource(name).get("path", f"{name}.csv")


def read_table(folder: Path, name: str) -> tuple[list[str], list[list[str]]]:
    with open(folder / file_of(name), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def record_text(cells: list[str]) -> str:
    """One CSV record as text (no line end), quoted as csv.writer quotes it."""
    buffer = io.StringIO()
    # "\r\n" so that cells holding \r or \n get quoted; the line end itself is cut off
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2]


def write_table(folder, name, header, records, *, raw: dict[int, str] | None = None) -> None:
    """Write a table; ``raw`` maps a spreadsheet row number to literal text for that record."""
    raw = raw or {}
    lines = [raw.get(1, record_text(header))]
    lines += [raw.get(i + 2, record_text(cells)) for i, cells in enumerate(records)]
    (folder / file_of(name)).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def row_count(folder: Path, name: str) -> int:
    try:
        return len(read_table(folder, name)[1])
    except (OSError, IndexError, UnicodeDecodeError, csv.Error):
        return 0


@dataclass(frozen=True)
class Expected:
    """Where a damage must be reported, and its code; ``file=None`` means: still valid."""

    file: str | None
    row: int | None = None
    column: str | None = None
    code: str = ""
    target: Path | None = None  # validate this path instead of the damaged copy


VALID = Expected(None)


@dataclass(frozen=True)
class Damage:
    id: str
    apply: Callable[[Path], Expected]
    needs: dict[str, int] = field(default_factory=dict)  # table -> minimum data rows


DAMAGES: list[Damage] = []


def damage(id_: str, **needs: int):
    def register(func):
        DAMAGES.append(Damage(id_, func, needs))
        return func

    return register


def edit(folder: Path, name: str, row: int, changes: dict[str, str]) -> None:
    """Set cells of spreadsheet row ``row`` (2 = first record) of table ``name``."""
    header, records = read_table(folder, name)
    for column, value in changes.items():
        records[row - 2][header.index(column)] = value
    write_table(folder, name, header, records)


def cell(folder: Path, name: str, row: int, column: str) -> str:
    header, records = read_table(folder, name)
    return records[row - 2][header.index(column)]


def words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n))


# --------------------------------------------------------------------------- files


@damage("deleted-file")
def _deleted(folder):
    (folder / "actors.csv").unlink()
    return Expected("actors.csv", None, None, "missing-file")


@damage("empty-file-0-bytes")
def _empty(folder):
    (folder / "actors.csv").write_bytes(b"")
    return Expected("actors.csv", None, None, "empty-file")


@damage("header-only-table")
def _header_only(folder):
    header, _records = read_table(folder, "glossary")
    write_table(folder, "glossary", header, [])
    return Expected("glossary.csv", None, None, "empty-table")


@damage("descriptor-not-json")
def _descriptor_not_json(folder):
    (folder / "datapackage.json").write_text("{ not json", encoding="utf-8")
    return Expected("datapackage.json", None, None, "descriptor")


@damage("descriptor-absent-is-valid")
def _descriptor_absent(folder):
    (folder / "datapackage.json").unlink()
    return VALID


@damage("csv-path-is-a-folder")
def _folder_not_file(folder):
    (folder / "actors.csv").unlink()
    (folder / "actors.csv").mkdir()
    return Expected("actors.csv", None, None, "unreadable-file")


@damage("data-dir-does-not-exist")
def _no_dir(folder):
    target = folder / "no-such-folder"
    return Expected(str(target), None, None, "data-dir", target=target)


@damage("data-dir-is-a-file")
def _dir_is_file(folder):
    target = folder / "actors.csv"
    return Expected(str(target), None, None, "data-dir", target=target)


# --------------------------------------------------------------------------- encodings


@damage("latin-1-encoded-accent", actors=2)
def _latin1(folder):
    edit(folder, "actors", 3, {"name": "Côte d'Ivoire"})
    text = (folder / "actors.csv").read_text(encoding="utf-8")
    data = b"".join(c.encode("latin-1") if ord(c) < 256 else c.encode() for c in text)
    (folder / "actors.csv").write_bytes(data)
    # the first character Latin-1 encodes differently from UTF-8 is where it must point
    header, records = read_table_text(text)
    for row, cells in enumerate(records, start=2):
        for column, value in zip(header, cells, strict=False):
            if any(128 <= ord(c) < 256 for c in value):
                return Expected("actors.csv", row, column, "encoding")
    raise AssertionError("no Latin-1 character written")


def read_table_text(text: str):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


@damage("utf-16-file")
def _utf16(folder):
    text = (folder / "actors.csv").read_text(encoding="utf-8")
    (folder / "actors.csv").write_bytes(text.encode("utf-16"))
    return Expected("actors.csv", 1, None, "encoding")


@damage("binary-garbage")
def _binary(folder):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    (folder / "actors.csv").write_bytes(png)
    return Expected("actors.csv", 1, None, "encoding")


@damage("utf-8-bom-is-valid")
def _bom(folder):
    data = (folder / "actors.csv").read_bytes()
    (folder / "actors.csv").write_bytes(b"\xef\xbb\xbf" + data)
    return VALID


@damage("crlf-line-ends-are-valid")
def _crlf(folder):
    text = (folder / "events.csv").read_text(encoding="utf-8")
    (folder / "events.csv").write_bytes(text.replace("\n", "\r\n").encode())
    return VALID


@damage("nul-byte-in-cell", actors=1)
def _nul(folder):
    edit(folder, "actors", 2, {"name": "Synthetic-NUL-Name"})  # (Python 3.10's csv cannot write it)
    path = folder / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Synthetic-NUL-Name", b"Synthetic\x00Name"))
    return Expected("actors.csv", 2, "name", "encoding")


# --------------------------------------------------------------------------- CSV structure


@damage("unterminated-quote", actors=2)
def _unterminated(folder):
    header, records = read_table(folder, "actors")
    broken = record_text([*records[1][:-1], "@@"]).replace("@@", '"never closed')
    write_table(folder, "actors", header, records, raw={3: broken})
    return Expected("actors.csv", 3, header[-1], "quoting")


@damage("stray-quote-in-unquoted-cell", actors=1)
def _stray_quote(folder):
    header, records = read_table(folder, "actors")
    broken = record_text([*records[0][:-1], "@@"]).replace("@@", 'a 5" gun')
    write_table(folder, "actors", header, records, raw={2: broken})
    return Expected("actors.csv", 2, header[-1], "quoting")


@damage("text-after-closing-quote", actors=1)
def _after_quote(folder):
    header, records = read_table(folder, "actors")
    broken = record_text([*records[0][:-1], "@@"]).replace("@@", '"quoted" then more')
    write_table(folder, "actors", header, records, raw={2: broken})
    return Expected("actors.csv", 2, header[-1], "quoting")


@damage("extra-cell-in-row", actors=2)
def _extra_cell(folder):
    header, records = read_table(folder, "actors")
    records[1].append("surplus")
    write_table(folder, "actors", header, records)
    return Expected("actors.csv", 3, None, "extra-cell")


@damage("missing-cell-in-row", actors=2)
def _missing_cell(folder):
    header, records = read_table(folder, "actors")
    records[1].pop()
    write_table(folder, "actors", header, records)
    return Expected("actors.csv", 3, None, "missing-cell")


@damage("blank-row", actors=2)
def _blank_row(folder):
    header, records = read_table(folder, "actors")
    write_table(folder, "actors", header, [records[0], [], *records[1:]])
    return Expected("actors.csv", 3, None, "blank-row")


@damage("quoted-newline-counts-as-one-record", actors=2)
def _quoted_newline(folder):
    # a cell with a line break spans two physical lines but is one record: row 3 stays row 3
    edit(folder, "actors", 2, {"notes": "first line\nsecond line"})
    edit(folder, "actors", 3, {"kind": "stat"})
    return Expected("actors.csv", 3, "kind", "enum")


# --------------------------------------------------------------------------- header


def _edit_header(folder, name, change):
    header, records = read_table(folder, name)
    header, records = change(header, records)
    write_table(folder, name, header, records)


@damage("missing-column")
def _missing_column(folder):
    def drop(header, records):
        i = header.index("region")
        return header[:i] + header[i + 1 :], [r[:i] + r[i + 1 :] for r in records]

    _edit_header(folder, "actors", drop)
    return Expected("actors.csv", 1, "region", "missing-column")


@damage("renamed-column")
def _renamed_column(folder):
    _edit_header(
        folder, "actors", lambda h, r: ([("regoin" if c == "region" else c) for c in h], r)
    )
    return Expected("actors.csv", 1, "region", "renamed-column")


@damage("extra-column")
def _extra_column(folder):
    _edit_header(folder, "actors", lambda h, r: ([*h, "comment"], [[*x, "hi"] for x in r]))
    return Expected("actors.csv", 1, "comment", "unknown-column")


@damage("duplicated-column")
def _duplicated_column(folder):
    _edit_header(folder, "actors", lambda h, r: ([*h, "notes"], [[*x, ""] for x in r]))
    return Expected("actors.csv", 1, "notes", "duplicate-column")


@damage("columns-out-of-order")
def _swapped_columns(folder):
    def swap(header, records):
        i, j = header.index("kind"), header.index("region")
        order = list(range(len(header)))
        order[i], order[j] = j, i
        return [header[k] for k in order], [[r[k] for k in order] for r in records]

    _edit_header(folder, "actors", swap)
    return Expected("actors.csv", 1, "region", "column-order")


@damage("space-padded-column-name")
def _padded_header(folder):
    _edit_header(
        folder, "actors", lambda h, r: ([(" region" if c == "region" else c) for c in h], r)
    )
    return Expected("actors.csv", 1, "region", "column-name")


# --------------------------------------------------------------------------- cells


@damage("empty-required-cell", actors=1)
def _empty_required(folder):
    edit(folder, "actors", 2, {"region": ""})
    return Expected("actors.csv", 2, "region", "required")


@damage("provenance-source-id-missing", capabilities=1)
def _no_source(folder):
    edit(folder, "capabilities", 2, {"source_id": ""})
    return Expected("capabilities.csv", 2, "source_id", "provenance")


@damage("provenance-evidence-missing", events=1)
def _no_evidence(folder):
    edit(folder, "events", 2, {"evidence": ""})
    return Expected("events.csv", 2, "evidence", "provenance")


@damage("garbage-integer", capabilities=1)
def _garbage_int(folder):
    edit(folder, "capabilities", 2, {"count_low": "many", "count_high": "5", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_low", "type")


@damage("negative-count", capabilities=1)
def _negative(folder):
    edit(folder, "capabilities", 2, {"count_low": "-1", "count_high": "5", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_low", "minimum")


@damage("float-in-integer-column", capabilities=1)
def _float(folder):
    edit(folder, "capabilities", 2, {"count_low": "3.5", "count_high": "5", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_low", "type")


@damage("year-below-minimum", relationships=1)
def _old_year(folder):
    edit(folder, "relationships", 2, {"year": "1850"})
    return Expected("relationships.csv", 2, "year", "minimum")


@damage("bad-boolean", actors=1)
def _bad_bool(folder):
    edit(folder, "actors", 2, {"named_in_review": "yes"})
    return Expected("actors.csv", 2, "named_in_review", "type")


@damage("bad-date-format", events=1)
def _bad_date(folder):
    edit(folder, "events", 2, {"date": "17/01/2019", "date_precision": "day"})
    return Expected("events.csv", 2, "date", "type")


@damage("impossible-date", events=1)
def _impossible_date(folder):
    edit(folder, "events", 2, {"date": "2019-02-30", "date_precision": "day"})
    return Expected("events.csv", 2, "date", "type")


@damage("enum-typo-suggests-closest", actors=1)
def _enum_typo(folder):
    good = cell(folder, "actors", 2, "kind")
    edit(folder, "actors", 2, {"kind": good[:-1]})
    return Expected("actors.csv", 2, "kind", "enum")


@damage("enum-wrong-case-suggests-closest", capabilities=1)
def _enum_case(folder):
    edit(folder, "capabilities", 2, {"category": "icbm"})
    return Expected("capabilities.csv", 2, "category", "enum")


@damage("pattern-violation-in-id", capabilities=1)
def _pattern(folder):
    edit(folder, "capabilities", 2, {"capability_id": "Not An ID"})
    return Expected("capabilities.csv", 2, "capability_id", "pattern")


@damage("max-length-exceeded", actors=1)
def _max_length(folder):
    edit(folder, "actors", 2, {"evidence": "x" * 301})
    return Expected("actors.csv", 2, "evidence", "max-length")


@damage("whitespace-padded-cell", actors=1)
def _padded(folder):
    edit(folder, "actors", 2, {"name": " " + cell(folder, "actors", 2, "name") + " "})
    return Expected("actors.csv", 2, "name", "whitespace")


@damage("not-a-uri", sources=1)
def _bad_url(folder):
    edit(folder, "sources", 2, {"url": "see the library"})
    return Expected("sources.csv", 2, "url", "format")


# --------------------------------------------------------------------------- keys


@damage("duplicate-primary-key", capabilities=2)
def _dup_pk(folder):
    edit(
        folder,
        "capabilities",
        3,
        {"capability_id": cell(folder, "capabilities", 2, "capability_id")},
    )
    return Expected("capabilities.csv", 3, "capability_id", "primary-key")


@damage("duplicate-composite-key", event_actors=2)
def _dup_composite(folder):
    first = {c: cell(folder, "event_actors", 2, c) for c in ("event_id", "actor_id")}
    edit(folder, "event_actors", 3, first)
    return Expected("event_actors.csv", 3, "event_id", "primary-key")


@damage("unique-name-duplicated", actors=2)
def _dup_name(folder):
    edit(folder, "actors", 3, {"name": cell(folder, "actors", 2, "name")})
    return Expected("actors.csv", 3, "name", "unique")


@damage("dangling-actor-id", capabilities=1)
def _dangling_actor(folder):
    edit(folder, "capabilities", 2, {"actor_id": "ZZQX"})
    return Expected("capabilities.csv", 2, "actor_id", "foreign-key")


@damage("dangling-source-id", events=1)
def _dangling_source(folder):
    edit(folder, "events", 2, {"source_id": "no-such-source"})
    return Expected("events.csv", 2, "source_id", "foreign-key")


@damage("dangling-said-by", claims=1)
def _dangling_said_by(folder):
    edit(folder, "claims", 2, {"said_by": "no-such-source"})
    return Expected("claims.csv", 2, "said_by", "foreign-key")


@damage("dangling-event-id", event_actors=1)
def _dangling_event(folder):
    edit(folder, "event_actors", 2, {"event_id": "no-such-event"})
    return Expected("event_actors.csv", 2, "event_id", "foreign-key")


@damage("dangling-fk-suggests-closest", capabilities=1)
def _dangling_suggest(folder):
    actor = cell(folder, "capabilities", 2, "actor_id")
    edit(folder, "capabilities", 2, {"actor_id": actor + "X"})
    return Expected("capabilities.csv", 2, "actor_id", "foreign-key")


# --------------------------------------------------------------------------- table rules


@damage("count-low-above-count-high", capabilities=1)
def _low_above_high(folder):
    edit(folder, "capabilities", 2, {"count_low": "10", "count_high": "3", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_low", "low-gt-high")


@damage("only-count-low-given", capabilities=1)
def _only_low(folder):
    edit(folder, "capabilities", 2, {"count_low": "5", "count_high": "", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_high", "low-high-pair")


@damage("only-count-high-given", capabilities=1)
def _only_high(folder):
    edit(folder, "capabilities", 2, {"count_low": "", "count_high": "5", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_low", "low-high-pair")


@damage("month-precision-day-not-01", events=1)
def _month_precision(folder):
    edit(folder, "events", 2, {"date": "2018-09-06", "date_precision": "month"})
    return Expected("events.csv", 2, "date", "date-precision")


@damage("year-precision-not-01-01", events=1)
def _year_precision(folder):
    edit(folder, "events", 2, {"date": "2018-09-01", "date_precision": "year"})
    return Expected("events.csv", 2, "date", "date-precision")


@damage("evidence-over-25-words", events=1)
def _long_evidence(folder):
    edit(folder, "events", 2, {"evidence": words(30)})
    return Expected("events.csv", 2, "evidence", "evidence-too-long")


@damage("verbatim-claim-over-25-words", claims=1)
def _long_quote(folder):
    edit(folder, "claims", 2, {"text": words(26), "is_verbatim": "true"})
    return Expected("claims.csv", 2, "text", "verbatim-too-long")


@damage("paraphrase-over-25-words-is-valid", claims=1)
def _long_paraphrase(folder):
    edit(folder, "claims", 2, {"text": words(40), "is_verbatim": "false"})
    return VALID


@damage("date-not-zero-padded", events=1)
def _unpadded_date(folder):
    # Frictionless reads 2019-1-5 as a date; the loaders (numpy) cannot
    edit(folder, "events", 2, {"date": "2019-1-5", "date_precision": "day"})
    return Expected("events.csv", 2, "date", "type")


@damage("date-beyond-pandas-range", events=1)
def _far_date(folder):
    edit(folder, "events", 2, {"date": "2300-01-01", "date_precision": "day"})
    return Expected("events.csv", 2, "date", "out-of-range")


@damage("integer-beyond-int64", capabilities=1)
def _huge_count(folder):
    big = str(2**64)
    edit(folder, "capabilities", 2, {"count_low": "1", "count_high": big, "unit": "missiles"})
    return Expected("capabilities.csv", 2, "count_high", "out-of-range")


@damage("latitude-above-maximum", places=1)
def _latitude(folder):
    edit(folder, "places", 2, {"latitude": "91.5"})
    return Expected("places.csv", 2, "latitude", "maximum")


@damage("longitude-not-a-number", places=1)
def _longitude(folder):
    edit(folder, "places", 2, {"longitude": "124,7"})
    return Expected("places.csv", 2, "longitude", "type")


@damage("dangling-place-id", events=1)
def _dangling_place(folder):
    edit(folder, "events", 2, {"place_id": "no-such-place"})
    return Expected("events.csv", 2, "place_id", "foreign-key")


# --------------------------------------------------------------------------- new rules


@damage("evidence-url-slug", events=1)
def _slug(folder):
    edit(folder, "events", 2, {"evidence": "us-india-sign-comcasa-agreement"})
    return Expected("events.csv", 2, "evidence", "evidence-slug")


@damage("evidence-web-address", relationships=1)
def _address(folder):
    edit(folder, "relationships", 2, {"evidence": "see https://example.org/news/mdr for details"})
    return Expected("relationships.csv", 2, "evidence", "evidence-slug")


@damage("evidence-url-path", actors=1)
def _path(folder):
    edit(folder, "actors", 2, {"evidence": "news/2019/01/missile-defense-review"})
    return Expected("actors.csv", 2, "evidence", "evidence-slug")


@damage("evidence-with-slash-in-prose-is-valid", capabilities=1)
def _slash_in_prose(folder):
    edit(folder, "capabilities", 2, {"evidence": "the deployment of an AN/TPY-2 radar in Turkey"})
    return VALID


@damage("corroborated-without-second-source", capabilities=1)
def _no_second(folder):
    edit(folder, "capabilities", 2, {"confidence": "corroborated", "second_source_id": ""})
    return Expected("capabilities.csv", 2, "second_source_id", "corroboration")


@damage("second-source-same-as-source", relationships=1)
def _same_second(folder):
    source = cell(folder, "relationships", 2, "source_id")
    edit(folder, "relationships", 2, {"confidence": "corroborated", "second_source_id": source})
    return Expected("relationships.csv", 2, "second_source_id", "corroboration")


@damage("second-source-on-single-source-row", events=1, sources=1)
def _second_on_single(folder):
    other = cell(folder, "sources", 2, "source_id")
    edit(folder, "events", 2, {"confidence": "single source", "second_source_id": other})
    return Expected("events.csv", 2, "second_source_id", "corroboration")


@damage("figure-without-unit", capabilities=1)
def _no_unit(folder):
    edit(folder, "capabilities", 2, {"count_low": "5", "count_high": "5", "unit": ""})
    return Expected("capabilities.csv", 2, "unit", "unit-missing")


@damage("unit-without-figure", capabilities=1)
def _unit_alone(folder):
    edit(folder, "capabilities", 2, {"count_low": "", "count_high": "", "unit": "missiles"})
    return Expected("capabilities.csv", 2, "unit", "unit-without-figure")


@damage("view-without-stance", claims=1)
def _view_no_stance(folder):
    edit(folder, "claims", 2, {"claim_kind": "view", "speaker": "An analyst", "stance": ""})
    return Expected("claims.csv", 2, "stance", "view-stance")


@damage("view-without-speaker", claims=1)
def _view_no_speaker(folder):
    edit(folder, "claims", 2, {"claim_kind": "view", "speaker": "", "stance": "mixed"})
    return Expected("claims.csv", 2, "speaker", "view-speaker")


@damage("stance-on-review-text", claims=1)
def _stance_not_view(folder):
    edit(folder, "claims", 2, {"claim_kind": "review text", "stance": "supportive"})
    return Expected("claims.csv", 2, "stance", "view-stance")
