"""The one schema: read ``datapackage.json`` once and derive everything else from it.

Field types, vocabularies (``enum`` constraints), descriptions, keys and the pandas
dtypes all come from the Frictionless descriptor shipped in ``mdr_data/data``.

A remixed copy (``data_dir``) may *extend the vocabularies* in its own ``datapackage.json``:
each field's ``enum`` (values and their display order) and the ``x-vocabularies`` styles are
taken from the copy; everything else (tables, columns, types, keys) stays the shipped
contract. A copy without a readable descriptor uses the shipped one.

>>> enum_of(field("actors", "region"))[:2]
['North America', 'Europe']
"""

from __future__ import annotations

import copy
import json
import os
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

DATA_PACKAGE = "mdr_data.data"
DESCRIPTOR_NAME = "datapackage.json"


def shipped_data_dir():
    """Return the folder (a Traversable) holding the shipped CSVs and descriptor."""
    return files(DATA_PACKAGE)


@cache
def _shipped() -> dict:
    return json.loads(shipped_data_dir().joinpath(DESCRIPTOR_NAME).read_text(encoding="utf-8"))


def descriptor(data_dir: str | os.PathLike | None = None) -> dict:
    """Return the descriptor in force for ``data_dir`` (cached; do not mutate).

    The shipped one, with the vocabularies of the copy's own ``datapackage.json`` if it has one.
    """
    if data_dir is None:
        return _shipped()
    path = Path(data_dir) / DESCRIPTOR_NAME
    try:
        stat = path.stat()
    except OSError:
        return _shipped()
    return _extended(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _extended(path: str, _mtime: int, _size: int) -> dict:
    try:
        theirs = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _shipped()
    return merge_vocabularies(_shipped(), theirs) if isinstance(theirs, dict) else _shipped()


def _dict(value: object) -> dict:
    """``value`` if it is a JSON object, else an empty one (a copy's descriptor may be odd)."""
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _their_enums(theirs: dict) -> dict[tuple, list]:
    """(table, column) -> enum list, for every well-formed enum in a copy's descriptor."""
    found = {}
    for entry in map(_dict, _list(theirs.get("resources"))):
        for item in map(_dict, _list(_dict(entry.get("schema")).get("fields"))):
            enum = _dict(item.get("constraints")).get("enum")
            if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
                found[(entry.get("name"), item.get("name"))] = enum
    return found


def merge_vocabularies(base: dict, theirs: dict) -> dict:
    """The ``base`` descriptor with the enums and ``x-vocabularies`` styles of ``theirs``.

    >>> copy_ = {"resources": [{"name": "actors", "schema": {"fields": [
    ...     {"name": "region", "constraints": {"enum": ["Arctic", "Europe"]}}]}}]}
    >>> enum_of(next(f for f in merge_vocabularies(descriptor(), copy_)["resources"][1]
    ...     ["schema"]["fields"] if f["name"] == "region"))
    ['Arctic', 'Europe']
    """
    merged = copy.deepcopy(base)
    enums = _their_enums(theirs)
    for entry in merged["resources"]:
        for item in entry["schema"]["fields"]:
            enum = enums.get((entry["name"], item["name"]))
            if enum and enum_of(item):
                item["constraints"]["enum"] = list(enum)
    styles = theirs.get("x-vocabularies")
    if isinstance(styles, dict):
        vocabularies = merged.setdefault("x-vocabularies", {})
        for name, values in styles.items():
            if isinstance(values, dict):
                vocabularies.setdefault(name, {}).update(
                    {k: v for k, v in values.items() if isinstance(v, dict)}
                )
    return merged


@cache
def table_names() -> tuple[str, ...]:
    """Names of every table, in the order the descriptor lists them."""
    return tuple(resource["name"] for resource in descriptor()["resources"])


def resource(name: str, data_dir: str | os.PathLike | None = None) -> dict:
    """Return the descriptor's resource entry for table ``name`` (KeyError if unknown)."""
    for entry in descriptor(data_dir)["resources"]:
        if entry["name"] == name:
            return entry
    raise KeyError(name)


def fields(name: str, data_dir: str | os.PathLike | None = None) -> list[dict]:
    """Return the field descriptors of table ``name`` in column order."""
    return resource(name, data_dir)["schema"]["fields"]


def field(table: str, column: str, data_dir: str | os.PathLike | None = None) -> dict:
    """Return the descriptor of one column (KeyError if the table has no such column)."""
    for item in fields(table, data_dir):
        if item["name"] == column:
            return item
    raise KeyError(f"{table}.{column}")


def field_names(name: str) -> list[str]:
    """Return the column names of table ``name`` in order."""
    return [field["name"] for field in fields(name)]


def enum_of(field: dict) -> list[str] | None:
    """Return the allowed values of a field, or None if it has no vocabulary."""
    return field.get("constraints", {}).get("enum")


def primary_key(name: str) -> list[str]:
    """Return the primary-key columns of table ``name`` as a list."""
    key = resource(name)["schema"]["primaryKey"]
    return [key] if isinstance(key, str) else list(key)


def foreign_keys(name: str) -> list[tuple[list[str], str, list[str]]]:
    """Return ``(fields, referenced table, referenced fields)`` for each foreign key."""
    out = []
    for fk in resource(name)["schema"].get("foreignKeys", []):
        local = fk["fields"]
        ref = fk["reference"]["fields"]
        out.append(
            (
                [local] if isinstance(local, str) else list(local),
                fk["reference"]["resource"],
                [ref] if isinstance(ref, str) else list(ref),
            )
        )
    return out


def pandas_dtype(field: dict) -> str:
    """Name the pandas dtype a field is loaded as.

    Vocabularies become categoricals (built separately, with the schema's categories),
    integers the nullable ``Int64``, booleans the nullable ``boolean``, dates
    ``datetime64[ns]`` and every other string the ``string`` dtype (same in pandas 2 and 3).
    """
    kind = field["type"]
    if kind == "string" and enum_of(field):
        return "category"
    return {
        "integer": "Int64",
        "boolean": "boolean",
        "date": "datetime64[ns]",
        "number": "Float64",
    }.get(kind, "string")
