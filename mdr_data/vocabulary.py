"""Controlled vocabularies: their values in display order, and how each value looks and reads.

One home for every vocabulary: the values and their order are the field's ``enum`` in
``datapackage.json``; colour, line style, hatch, marker and plain-language meaning come from the
descriptor's ``x-vocabularies`` mapping, keyed by the field's ``x-vocabulary`` name (shared
vocabularies such as ``confidence``) or else by ``"table.column"``. A value with no entry yet
gets the neutral :data:`NEUTRAL` look, so a new value never breaks a chart. Plots and widgets
look everything up here; no module re-lists a vocabulary.

>>> values("actors", "role")[:3]
['United States', 'ally', 'partner']
>>> style("relationships", "kind", "treaty alliance")["linestyle"]
'-'
>>> style("actors", "role", "a role nobody styled yet")["colour"]
'#999999'
>>> meaning("capabilities", "confidence", "single source")
'one source states it (reprints of one wire story count once)'
"""

from __future__ import annotations

import os

from mdr_data import _schema

__all__ = ["NEUTRAL", "colours", "meaning", "style", "values", "vocabulary_name"]

DataDir = str | os.PathLike | None

#: The look of a value that has no style yet: grey, solid, no hatch, a round marker.
NEUTRAL = {"colour": "#999999", "linestyle": "-", "hatch": "", "marker": "o", "meaning": ""}


def vocabulary_name(table: str, column: str, data_dir: DataDir = None) -> str:
    """The key of a column's entry in ``x-vocabularies``.

    >>> vocabulary_name("events", "confidence"), vocabulary_name("actors", "role")
    ('confidence', 'actors.role')
    """
    return _schema.field(table, column, data_dir).get("x-vocabulary", f"{table}.{column}")


def values(table: str, column: str, data_dir: DataDir = None) -> list[str]:
    """The allowed values of a column, in display order (ValueError if it has no vocabulary).

    >>> values("capabilities", "purpose")
    ['offensive', 'defensive', 'counter-space', 'sensing']
    """
    enum = _schema.enum_of(_schema.field(table, column, data_dir))
    if not enum:
        raise ValueError(f"{table}.{column} has no controlled vocabulary")
    return list(enum)


def style(table: str, column: str, value: str, data_dir: DataDir = None) -> dict:
    """Colour, linestyle, hatch, marker and meaning of one value (neutral where unset).

    >>> style("capabilities", "confidence", "unverified")["hatch"]
    '//'
    """
    entries = _schema.descriptor(data_dir).get("x-vocabularies", {})
    entry = entries.get(vocabulary_name(table, column, data_dir), {}).get(value, {})
    return {**NEUTRAL, **entry}


def meaning(table: str, column: str, value: str, data_dir: DataDir = None) -> str:
    """The plain-language meaning of one value ('' when none is written yet).

    >>> meaning("actors", "role", "rogue state")
    "the review's term for North Korea and Iran"
    """
    return style(table, column, value, data_dir)["meaning"]


def colours(table: str, column: str, data_dir: DataDir = None) -> dict[str, str]:
    """Value -> colour for a whole vocabulary, in display order.

    >>> list(colours("claims", "stance"))
    ['supportive', 'critical', 'mixed']
    """
    return {v: style(table, column, v, data_dir)["colour"] for v in values(table, column, data_dir)}
