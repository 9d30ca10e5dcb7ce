"""Loaders for the tables: one function per table, plus ``load``, ``describe`` and ``export``.

Every loader reads its CSV through :mod:`importlib.resources` (or from a remixed copy given as
``data_dir``), applies the dtypes the schema in ``datapackage.json`` prescribes and returns a
fresh DataFrame: mutating a result never changes the next load.

>>> import mdr_data
>>> "actors" in mdr_data.list_tables()
True
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from mdr_data import _schema

__all__ = [
    "actors",
    "capabilities",
    "claims",
    "describe",
    "event_actors",
    "events",
    "export",
    "glossary",
    "list_tables",
    "load",
    "places",
    "relationships",
    "resolve_actor",
    "sources",
]

DataDir = str | os.PathLike | None

# (table name, data dir key) -> typed DataFrame, never handed out (callers get copies).
_cache: dict[tuple[str, str], pd.DataFrame] = {}
# data dir key -> signature of its files when it last validated clean.
_validated: dict[str, tuple] = {}

_BOOLEAN_WORDS = {"true": True, "false": False, "1": True, "0": False}


# --------------------------------------------------------------------------- reading


def _dir_key(data_dir: DataDir) -> str:
    return "" if data_dir is None else str(Path(data_dir).resolve())


def _dir_signature(folder: Path) -> tuple:
    """Sizes and modification times of a folder's CSVs: changes when a file is edited."""
    signature = []
    for name in _schema.table_names():
        path = folder / f"{name}.csv"
        try:
            stat = path.stat()
        except OSError:
            signature.append((name, None))
        else:
            signature.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


def data_version(data_dir: DataDir) -> tuple | None:
    """A key that changes whenever a remixed copy's files change (None for the shipped data).

    Widgets put it in their cache keys, so an edited copy is read again.

    >>> data_version(None) is None
    True
    """
    return None if data_dir is None else _dir_signature(Path(data_dir))


def _check_remixed_dir(data_dir: DataDir) -> None:
    """Validate a remixed data folder once (again whenever one of its files changes)."""
    from mdr_data.validation import check_data_dir  # imported when needed (Frictionless)

    key = _dir_key(data_dir)
    folder = Path(key)
    signature = _dir_signature(folder) if folder.is_dir() else None
    if signature is not None and _validated.get(key) == signature:
        return
    check_data_dir(data_dir)
    _validated[key] = signature
    for cached in [k for k in _cache if k[1] == key]:
        del _cache[cached]


def _typed_column(field: dict, cells: tuple[str, ...]):
    """Convert one column of raw CSV cells ('' = missing) to the schema's dtype."""
    dtype = _schema.pandas_dtype(field)
    if dtype == "category":
        categories = _schema.enum_of(field)
        code_of = {term: code for code, term in enumerate(categories)}
        codes = [code_of.get(cell, -1) for cell in cells]
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories))
    if dtype == "Int64":
        return pd.array([int(cell) if cell else None for cell in cells], dtype=pd.Int64Dtype())
    if dtype == "Float64":
        return pd.array([float(cell) if cell else None for cell in cells], dtype=pd.Float64Dtype())
    if dtype == "boolean":
        values = [_BOOLEAN_WORDS[cell.lower()] if cell else None for cell in cells]
        return pd.array(values, dtype=pd.BooleanDtype())
    if dtype == "datetime64[ns]":
        # numpy parses ISO dates directly; much cheaper than pd.to_datetime on a cold start.
        days = np.array([cell or "NaT" for cell in cells], dtype="datetime64[D]")
        return days.astype("datetime64[ns]")
    return pd.array([cell or None for cell in cells], dtype=pd.StringDtype())


def _parse(text: str, name: str, data_dir: DataDir = None) -> pd.DataFrame:
    """Build the typed table from CSV text whose header matches the schema (validated)."""
    rows = list(csv.reader(io.StringIO(text)))
    header, records = rows[0], rows[1:]
    columns = list(zip(*records, strict=True)) if records else [()] * len(header)
    by_name = dict(zip(header, columns, strict=True))
    return pd.DataFrame(
        {
            field["name"]: _typed_column(field, by_name[field["name"]])
            for field in _schema.fields(name, data_dir)
        },
        index=pd.RangeIndex(len(records)),
    )


def _read(name: str, data_dir: DataDir = None) -> pd.DataFrame:
    """Return the cached typed table (not a copy: callers must not mutate it)."""
    if name not in _schema.table_names():
        raise ValueError(unknown_value_message("table", name, _schema.table_names()))
    if data_dir is not None:
        if not isinstance(data_dir, str | os.PathLike):
            raise TypeError(
                f"data_dir must be a path (str or os.PathLike), not {type(data_dir).__name__}"
            )
        _check_remixed_dir(data_dir)
    key = (name, _dir_key(data_dir))
    cached = _cache.get(key)
    if cached is None:
        folder = _schema.shipped_data_dir() if data_dir is None else Path(data_dir)
        text = folder.joinpath(f"{name}.csv").read_text(encoding="utf-8-sig")
        cached = _cache[key] = _parse(text, name, data_dir)
    return cached


# --------------------------------------------------------------------------- filters


def unknown_value_message(what: str, value: object, choices: Iterable[str]) -> str:
    """The error message for a value not among ``choices``: the closest ones, or the list.

    Shared by the loaders and the widget builders so every typo gets the same help.

    >>> unknown_value_message("category", "ICMB", ["ICBM", "SSBN"])
    "unknown category 'ICMB': did you mean 'ICBM'?"
    """
    return f"unknown {what} {value!r}" + choices_hint(value, choices)


def choices_hint(value: object, choices: Iterable[str]) -> str:
    """``": did you mean 'x'?"`` for the closest choices, else ``"; choose from …"``.

    >>> choices_hint("zzz", ["a", "b"])
    "; choose from 'a', 'b'"
    """
    choices = list(dict.fromkeys(choices))
    lowered = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(str(value).lower(), list(lowered), n=3, cutoff=0.5)
    if close:
        return ": did you mean " + " or ".join(repr(lowered[c]) for c in close) + "?"
    shown = ", ".join(repr(c) for c in choices[:12])
    more = ", …" if len(choices) > 12 else ""
    return f"; choose from {shown}{more}"


def _as_values(argument: str, value: object) -> list[str]:
    """Accept one string or a list/tuple/set of strings; anything else is a TypeError."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(item, str) for item in value
    ):
        return list(value)
    raise TypeError(f"{argument} must be a string or a list of strings, not {type(value).__name__}")


def _match_vocabulary(
    table: str, column: str, argument: str, value: object, data_dir: DataDir = None
) -> list[str]:
    """Map filter values onto a column's vocabulary, case-insensitively."""
    vocabulary = _schema.enum_of(_schema.field(table, column, data_dir))
    by_lower = {term.lower(): term for term in vocabulary}
    matched = []
    for item in _as_values(argument, value):
        term = by_lower.get(item.strip().lower())
        if term is None:
            raise ValueError(unknown_value_message(f"{argument}", item, vocabulary))
        matched.append(term)
    return matched


def resolve_actor(value: str, *, data_dir: DataDir = None) -> str:
    """Return the ``actor_id`` for an actor id or name, matched case-insensitively.

    >>> resolve_actor("china"), resolve_actor("ind")
    ('CHN', 'IND')
    """
    if not isinstance(value, str):
        raise TypeError(f"actor must be a string, not {type(value).__name__}")
    table = _read("actors", data_dir)
    wanted = value.strip().lower()
    for actor_id, name in zip(table["actor_id"], table["name"], strict=True):
        if wanted in (actor_id.lower(), name.lower()):
            return actor_id
    choices = list(table["actor_id"]) + list(table["name"])
    raise ValueError(unknown_value_message("actor", value, choices))


def _resolve_actors(value: object, data_dir: DataDir) -> list[str]:
    return [resolve_actor(item, data_dir=data_dir) for item in _as_values("actor", value)]


def _filtered(frame: pd.DataFrame, mask) -> pd.DataFrame:
    return frame.loc[mask].reset_index(drop=True)


# --------------------------------------------------------------------------- loaders


def list_tables() -> list[str]:
    """Return the names of every table, in schema order.

    >>> list_tables()[:3]
    ['sources', 'actors', 'capabilities']
    """
    return list(_schema.table_names())


def load(name: str, *, data_dir: DataDir = None) -> pd.DataFrame:
    """Load any table by name, unfiltered; ``data_dir`` reads a remixed copy instead.

    A remixed copy is validated against the schema first: problems raise
    :class:`mdr_data.validation.DataValidationError` naming file, row and column.

    >>> load("sources").columns[0]
    'source_id'
    """
    if not isinstance(name, str):
        raise TypeError(f"table name must be a string, not {type(name).__name__}")
    return _read(name, data_dir).copy()


def sources(*, kind: str | None = None, data_dir: DataDir = None) -> pd.DataFrame:
    """Every source the other tables cite; ``kind`` is 'primary' or 'secondary'.

    >>> sources(kind="primary")["kind"].unique().tolist()
    ['primary']
    """
    table = _read("sources", data_dir)
    if kind is not None:
        table = _filtered(
            table, table["kind"].isin(_match_vocabulary("sources", "kind", "kind", kind, data_dir))
        )
    return table.copy()


def actors(
    *,
    region: str | list[str] | None = None,
    role: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """States, alliances and groups, optionally filtered by region, role or kind.

    >>> actors(role="united states")["actor_id"].tolist()
    ['USA']
    """
    table = _read("actors", data_dir)
    for column, value in (("region", region), ("role", role), ("kind", kind)):
        if value is not None:
            wanted = _match_vocabulary("actors", column, column, value, data_dir)
            table = _filtered(table, table[column].isin(wanted))
    return table.copy()


def places(
    *,
    actor: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    theatre: str | list[str] | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """Named sites (interceptor fields, radars, bases) with coordinates, optionally filtered.

    >>> set(places(kind="interceptor site")["kind"]) <= {"interceptor site"}
    True
    """
    table = _read("places", data_dir)
    if actor is not None:
        table = _filtered(table, table["actor_id"].isin(_resolve_actors(actor, data_dir)))
    for column, value in (("kind", kind), ("theatre", theatre)):
        if value is not None:
            wanted = _match_vocabulary("places", column, column, value, data_dir)
            table = _filtered(table, table[column].isin(wanted))
    return table.copy()


def capabilities(
    *,
    actor: str | list[str] | None = None,
    category: str | list[str] | None = None,
    status: str | list[str] | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """Missile and missile-defence capabilities; ``actor`` takes ids or names.

    Counts stay as the source gives them: ``count_low``..``count_high`` is a range.

    >>> capabilities(actor="china", category="ICBM")[["count_low", "count_high"]].iloc[0].tolist()
    [75, 100]
    """
    table = _read("capabilities", data_dir)
    if actor is not None:
        table = _filtered(table, table["actor_id"].isin(_resolve_actors(actor, data_dir)))
    for column, value in (("category", category), ("status", status)):
        if value is not None:
            wanted = _match_vocabulary("capabilities", column, column, value, data_dir)
            table = _filtered(table, table[column].isin(wanted))
    return table.copy()


def relationships(
    *,
    actor: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    multilateral_format: str | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """Edges between actors; ``actor`` matches either end of an edge.

    Rows sharing ``multilateral_format`` together form one multilateral arrangement.

    >>> {"COMCASA", "S-400 contract"} <= set(relationships(actor="IND")["instrument"])
    True
    """
    table = _read("relationships", data_dir)
    if actor is not None:
        wanted = _resolve_actors(actor, data_dir)
        table = _filtered(table, table["actor_from"].isin(wanted) | table["actor_to"].isin(wanted))
    if kind is not None:
        table = _filtered(
            table,
            table["kind"].isin(_match_vocabulary("relationships", "kind", "kind", kind, data_dir)),
        )
    if multilateral_format is not None:
        formats = _read("relationships", data_dir)["multilateral_format"].dropna().unique()
        by_lower = {name.lower(): name for name in formats}
        wanted_formats = []
        for item in _as_values("multilateral_format", multilateral_format):
            if item.strip().lower() not in by_lower:
                raise ValueError(unknown_value_message("multilateral_format", item, formats))
            wanted_formats.append(by_lower[item.strip().lower()])
        table = _filtered(table, table["multilateral_format"].isin(wanted_formats))
    return table.copy()


def _year_bound(argument: str, value: object) -> pd.Timestamp:
    if isinstance(value, bool) or not isinstance(value, int | str | pd.Timestamp):
        raise TypeError(
            f"{argument} must be a year (int) or an ISO date string, not {type(value).__name__}"
        )
    if isinstance(value, int):
        if not 1900 <= value <= 2100:
            raise ValueError(f"{argument}={value} is not a plausible year (1900–2100)")
        return pd.Timestamp(year=value, month=1, day=1)
    try:
        return pd.Timestamp(value)
    except ValueError:
        raise ValueError(f"{argument}={value!r} is not an ISO date such as '2018-09-06'") from None


def events(
    *,
    actor: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    start: int | str | None = None,
    end: int | str | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """Dated events, in date order; ``start``/``end`` take a year or an ISO date (inclusive).

    A year as ``end`` includes the whole year.

    >>> events(actor="India", start=2018, end=2018)["date"].dt.year.unique().tolist()
    [2018]
    """
    table = _read("events", data_dir)
    if actor is not None:
        links = _read("event_actors", data_dir)
        ids = links.loc[links["actor_id"].isin(_resolve_actors(actor, data_dir)), "event_id"]
        table = _filtered(table, table["event_id"].isin(ids))
    if kind is not None:
        table = _filtered(
            table, table["kind"].isin(_match_vocabulary("events", "kind", "kind", kind, data_dir))
        )
    if start is not None:
        table = _filtered(table, table["date"] >= _year_bound("start", start))
    if end is not None:
        bound = _year_bound("end", end)
        if isinstance(end, int):
            bound = pd.Timestamp(year=end, month=12, day=31)
        table = _filtered(table, table["date"] <= bound)
    return table.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def event_actors(
    *,
    actor: str | list[str] | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """Which actor played which role in which event (join it to ``events`` on event_id).

    >>> event_actors().columns[:3].tolist()
    ['event_id', 'actor_id', 'role']
    """
    table = _read("event_actors", data_dir)
    if actor is not None:
        table = _filtered(table, table["actor_id"].isin(_resolve_actors(actor, data_dir)))
    return table.copy()


def claims(
    *,
    actor: str | list[str] | None = None,
    theme: str | list[str] | None = None,
    verbatim: bool | None = None,
    data_dir: DataDir = None,
) -> pd.DataFrame:
    """What the review asserts (and what others said about the document), one row per claim.

    ``said_by`` names who made a claim; ``source_id`` where we read it.

    >>> set(claims(theme="india")["theme"])
    {'India'}
    """
    table = _read("claims", data_dir)
    if actor is not None:
        table = _filtered(table, table["actor_id"].isin(_resolve_actors(actor, data_dir)))
    if theme is not None:
        table = _filtered(
            table,
            table["theme"].isin(_match_vocabulary("claims", "theme", "theme", theme, data_dir)),
        )
    if verbatim is not None:
        if not isinstance(verbatim, bool):
            raise TypeError(f"verbatim must be True or False, not {type(verbatim).__name__}")
        table = _filtered(table, table["is_verbatim"] == verbatim)
    return table.copy()


def glossary(*, term: str | None = None, data_dir: DataDir = None) -> pd.DataFrame:
    """Terms and acronyms defined in our own words; ``term`` looks one up case-insensitively.

    >>> glossary(term="icbm")["expansion"].iloc[0]
    'intercontinental ballistic missile'
    """
    table = _read("glossary", data_dir)
    if term is not None:
        wanted = _as_values("term", term)
        by_lower = {t.lower(): t for t in table["term"]}
        for item in wanted:
            if item.strip().lower() not in by_lower:
                raise ValueError(unknown_value_message("term", item, table["term"]))
        table = _filtered(
            table, table["term"].isin([by_lower[item.strip().lower()] for item in wanted])
        )
    return table.copy()


# --------------------------------------------------------------------------- metadata


def describe(name: str) -> pd.DataFrame:
    """Return the data dictionary of a table, straight from ``datapackage.json``.

    >>> describe("capabilities").loc[lambda d: d["name"] == "count_low", "dtype"].item()
    'Int64'
    """
    if not isinstance(name, str):
        raise TypeError(f"table name must be a string, not {type(name).__name__}")
    if name not in _schema.table_names():
        raise ValueError(unknown_value_message("table", name, _schema.table_names()))
    key = _schema.primary_key(name)
    rows = []
    for field in _schema.fields(name):
        constraints = field.get("constraints", {})
        vocabulary = _schema.enum_of(field)
        rows.append(
            {
                "name": field["name"],
                "type": field["type"],
                "dtype": _schema.pandas_dtype(field),
                "required": bool(constraints.get("required")) or field["name"] in key,
                "primary_key": field["name"] in key,
                "description": field["description"],
                "allowed_values": " | ".join(vocabulary) if vocabulary else None,
            }
        )
    frame = pd.DataFrame(rows)
    frame["allowed_values"] = frame["allowed_values"].astype("string")
    for column in ("name", "type", "dtype", "description"):
        frame[column] = frame[column].astype("string")
    return frame


def export(dest: str | os.PathLike, *, data_dir: DataDir = None, overwrite: bool = False) -> Path:
    """Write every CSV plus ``datapackage.json`` into ``dest`` for R, Excel or frictionless.

    Refuses to write into a folder that already holds files unless ``overwrite=True``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sorted(p.name for p in export(tmp + "/mdr").iterdir())[:2]
    ['actors.csv', 'capabilities.csv']
    """
    if not isinstance(dest, str | os.PathLike):
        raise TypeError(f"dest must be a path (str or os.PathLike), not {type(dest).__name__}")
    target = Path(dest)
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not overwrite:
        raise FileExistsError(f"{target} is not empty; pass overwrite=True to replace its files")
    if data_dir is not None:
        _check_remixed_dir(data_dir)
    source = _schema.shipped_data_dir() if data_dir is None else Path(data_dir)
    target.mkdir(parents=True, exist_ok=True)
    for name in [*(f"{table}.csv" for table in _schema.table_names())]:
        with source.joinpath(name).open("rb") as src, open(target / name, "wb") as out:
            shutil.copyfileobj(src, out)
    shipped = _schema.shipped_data_dir().joinpath(_schema.DESCRIPTOR_NAME)
    (target / _schema.DESCRIPTOR_NAME).write_bytes(shipped.read_bytes())
    return target
