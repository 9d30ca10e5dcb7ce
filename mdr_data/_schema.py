"""The one schema: read ``datapackage.json`` once and derive everything else from it.

Field types, vocabularies (``enum`` constraints), descriptions, keys and the pandas
dtypes all come from the Frictionless descriptor shipped in ``mdr_data/data``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

DATA_PACKAGE = "mdr_data.data"
DESCRIPTOR_NAME = "datapackage.json"


def shipped_data_dir():
    """Return the folder (a Traversable) holding the shipped CSVs and descriptor."""
    return files(DATA_PACKAGE)


@cache
def descriptor() -> dict:
    """Return the parsed shipped ``datapackage.json`` (cached; do not mutate)."""
    return json.loads(shipped_data_dir().joinpath(DESCRIPTOR_NAME).read_text(encoding="utf-8"))


@cache
def table_names() -> tuple[str, ...]:
    """Names of every table, in the order the descriptor lists them."""
    return tuple(resource["name"] for resource in descriptor()["resources"])


def resource(name: str) -> dict:
    """Return the descriptor's resource entry for table ``name`` (KeyError if unknown)."""
    for entry in descriptor()["resources"]:
        if entry["name"] == name:
            return entry
    raise KeyError(name)


def fields(name: str) -> list[dict]:
    """Return the field descriptors of table ``name`` in column order."""
    return resource(name)["schema"]["fields"]


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
