"""Derived tables: the joins and reshaped views that notebooks and widgets share.

Every function takes the same ``data_dir`` as the loaders, returns a fresh DataFrame and never
changes the tables it reads. Notebooks import joins from here (never from a widget module);
widgets only map their controls onto these views.

>>> import mdr_data.views as views
>>> bool(views.claims_with_sources(theme="the document")["source_publisher"].notna().all())
True
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

import mdr_data
from mdr_data import _schema
from mdr_data.tables import _match_vocabulary, choices_hint, unknown_value_message

__all__ = [
    "actor_relationships",
    "claims_with_sources",
    "count_by",
    "event_summaries",
    "events_with_actors",
    "figure_text",
    "figures",
    "format_when",
    "group_columns",
    "measures",
    "pandas_recipe",
    "rows_by_theatre",
    "tidy_capabilities",
]

DataDir = str | os.PathLike | None

#: Columns that carry free text or identifiers unique to a row: never offered for grouping.
_FREE_TEXT = {"evidence", "notes", "text", "title", "url", "locator", "definition", "expansion"}
#: Extra string columns worth grouping by (besides vocabularies, booleans and foreign keys).
_GROUPABLE_EXTRAS = {"multilateral_format", "instrument", "publisher", "system", "year"}
#: Label of the group of rows whose value is missing.
MISSING_LABEL = "(empty)"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --------------------------------------------------------------------------- joins


def claims_with_sources(
    *, theme: str | None = None, confidence: str | None = None, data_dir: DataDir = None
) -> pd.DataFrame:
    """Claims joined to the sources table twice: for who said them and for where we read them.

    Adds ``said_by_title``/``_publisher``/``_kind``/``_published``, the same four columns
    prefixed ``source_`` for ``source_id``, and ``kind_of_text`` ("verbatim quote" or
    "paraphrase"). ``theme`` and ``confidence`` filter (case-insensitive, exact values).

    >>> frame = claims_with_sources(confidence="corroborated")
    >>> {"said_by_publisher", "source_title", "kind_of_text"} <= set(frame.columns)
    True
    """
    claims = mdr_data.claims(theme=theme, data_dir=data_dir)
    if confidence is not None:
        claims = _only(claims, "claims", "confidence", confidence, data_dir)
    sources = mdr_data.sources(data_dir=data_dir).set_index("source_id")
    frame = claims.assign(
        kind_of_text=claims["is_verbatim"]
        .map({True: "verbatim quote", False: "paraphrase"})
        .astype("string"),
    )
    for prefix, key in (("said_by", "said_by"), ("source", "source_id")):
        for column in ("title", "publisher", "kind", "published"):
            values = frame[key].map(sources[column]) if len(sources) else pd.NA
            frame[f"{prefix}_{column}"] = values
    for column in ("said_by_kind", "source_kind"):
        frame[column] = frame[column].astype("string")
    return frame.reset_index(drop=True)


def _only(frame, table: str, column: str, value: object, data_dir: DataDir) -> pd.DataFrame:
    """Rows whose ``column`` equals one vocabulary value, matched case-insensitively (the
    loaders' own matching; one value only, so a unit filter never mixes units)."""
    if not isinstance(value, str):
        vocabulary = _schema.enum_of(_schema.field(table, column, data_dir))
        raise ValueError(unknown_value_message(column, value, vocabulary))
    (term,) = _match_vocabulary(table, column, column, value, data_dir)
    return frame.loc[frame[column] == term]


def tidy_capabilities(*, data_dir: DataDir = None) -> pd.DataFrame:
    """Capabilities joined to their actor and their source: one tidy row per capability.

    Adds ``actor_name``, ``region`` and ``role`` (from actors) and ``source_title``,
    ``source_publisher`` and ``source_kind`` (from sources) after the capability's columns.

    >>> frame = tidy_capabilities()
    >>> frame.loc[frame["capability_id"] == "chn-icbm", "actor_name"].tolist()
    ['China']
    """
    capabilities = mdr_data.capabilities(data_dir=data_dir)
    actors = mdr_data.actors(data_dir=data_dir)[["actor_id", "name", "region", "role"]]
    sources = mdr_data.sources(data_dir=data_dir)[["source_id", "title", "publisher", "kind"]]
    return capabilities.merge(
        actors.rename(columns={"name": "actor_name"}),
        on="actor_id",
        how="left",
        validate="many_to_one",
    ).merge(
        sources.rename(
            columns={
                "title": "source_title",
                "publisher": "source_publisher",
                "kind": "source_kind",
            }
        ),
        on="source_id",
        how="left",
        validate="many_to_one",
    )


def figures(*, unit: str | None = None, data_dir: DataDir = None) -> pd.DataFrame:
    """Capabilities that carry a figure, with the actor's name and a ``figure`` label.

    One unit per chart: pass ``unit`` (e.g. 'kilometres') to keep only that unit, and never add
    or plot figures of different units together. A range stays a range ("75–100") and a bound
    keeps its words ("more than 100,000", from ``count_qualifier``).

    >>> km = figures(unit="kilometres")
    >>> set(km["unit"]) == {"kilometres"} and bool((km["count_low"] <= km["count_high"]).all())
    True
    """
    frame = tidy_capabilities(data_dir=data_dir)
    frame = frame[frame["count_low"].notna()]
    if unit is not None:
        frame = _only(frame, "capabilities", "unit", unit, data_dir)
    label = [
        figure_text(low, high, qualifier)
        for low, high, qualifier in zip(
            frame["count_low"], frame["count_high"], frame["count_qualifier"], strict=True
        )
    ]
    return frame.assign(figure=pd.array(label, dtype="string")).reset_index(drop=True)


def figure_text(low, high, qualifier=None) -> str:
    """A figure as the source states it: a range stays a range, a bound keeps its words.

    >>> figure_text(75, 100), figure_text(100000, 100000, "more than"), figure_text(400, 400)
    ('75–100', 'more than 100,000', '400')
    """
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return f"{qualifier} {text}" if isinstance(qualifier, str) and qualifier else text


def events_with_actors(*, data_dir: DataDir = None) -> pd.DataFrame:
    """One row per event and actor taking part: the event's columns, the actor's name and role.

    >>> frame = events_with_actors()
    >>> {"event_id", "date", "actor_id", "actor_name", "role"} <= set(frame.columns)
    True
    """
    links = mdr_data.event_actors(data_dir=data_dir).drop(columns=["source_id", "evidence"])
    names = mdr_data.actors(data_dir=data_dir)[["actor_id", "name"]]
    events = mdr_data.events(data_dir=data_dir)
    frame = events.merge(links, on="event_id", how="inner", validate="one_to_many")
    frame = frame.merge(names.rename(columns={"name": "actor_name"}), on="actor_id", how="left")
    return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def format_when(date: pd.Timestamp, precision: str) -> str:
    """Write a date only as precisely as its source gives it.

    >>> day = pd.Timestamp("2018-09-06")
    >>> format_when(day, "day"), format_when(day, "month"), format_when(day, "year")
    ('6 Sep 2018', 'Sep 2018', '2018')
    """
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def event_summaries(*, data_dir: DataDir = None) -> pd.DataFrame:
    """Every event with a readable date (``when``) and the actors that took part.

    ``actor_ids`` is a frozenset per event (empty when none is recorded) and ``actor_names``
    their names joined by commas.

    >>> frame = event_summaries()
    >>> frame.loc[frame["event_id"] == "s400-contract", "actor_names"].item()
    'India, Russia'
    """
    events = mdr_data.events(data_dir=data_dir)
    links = events_with_actors(data_dir=data_dir)
    links = links.assign(actor_name=links["actor_name"].fillna(links["actor_id"]))
    by_event = links.groupby("event_id", sort=False)
    actor_ids = by_event["actor_id"].agg(frozenset)
    actor_names = by_event["actor_name"].agg(lambda names: ", ".join(sorted(names)))
    frame = events.assign(
        when=[
            format_when(d, str(p))
            for d, p in zip(events["date"], events["date_precision"], strict=True)
        ],
        actor_ids=events["event_id"].map(actor_ids),
        actor_names=events["event_id"].map(actor_names).astype("string"),
    )
    frame["actor_ids"] = [
        ids if isinstance(ids, frozenset) else frozenset() for ids in frame["actor_ids"]
    ]
    return frame


def actor_relationships(actor: str, *, data_dir: DataDir = None) -> pd.DataFrame:
    """An actor's relationships seen from that actor: who with, what kind, which direction.

    ``direction`` is 'mutual' for undirected rows, 'to' when the actor is ``actor_from`` of a
    directed row (it buys, grants, supplies…) and 'from' when it is ``actor_to``.

    >>> frame = actor_relationships("India")
    >>> {"with_id", "with", "kind", "direction"} <= set(frame.columns)
    True
    """
    actor_id = mdr_data.resolve_actor(actor, data_dir=data_dir)
    edges = mdr_data.relationships(actor=actor_id, data_dir=data_dir)
    names = mdr_data.actors(data_dir=data_dir).set_index("actor_id")["name"]
    outgoing = (edges["actor_from"] == actor_id).to_numpy(dtype=bool)
    other = edges["actor_to"].where(outgoing, edges["actor_from"])
    directed = edges["directed"].fillna(False).to_numpy(dtype=bool)
    direction = np.where(~directed, "mutual", np.where(outgoing, "to", "from"))
    front = pd.DataFrame(
        {
            "with_id": other.astype("string"),
            "with": other.map(names).fillna(other).astype("string"),
            "direction": pd.array(direction, dtype="string"),
        }
    )
    rest = edges.drop(columns=["actor_from", "actor_to", "directed"])
    return pd.concat([front, rest], axis=1)


# --------------------------------------------------------------------------- counts


def group_columns(table: str) -> list[str]:
    """Columns of ``table`` worth grouping by: vocabularies, booleans, keys into other tables.

    >>> group_columns("claims")[:4]
    ['said_by', 'claim_kind', 'stance', 'source_id']
    """
    key = set(_schema.primary_key(table))
    foreign = {f for fields, _ref, _cols in _schema.foreign_keys(table) for f in fields}
    out = []
    for field in _schema.fields(table):
        name = field["name"]
        if name in _FREE_TEXT or (name in key and len(key) == 1):
            continue
        if (
            _schema.enum_of(field)
            or field["type"] == "boolean"
            or name in foreign
            or name in _GROUPABLE_EXTRAS
        ):
            out.append(name)
    return out


def measures(table: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the measures offered for ``table``: rows, or distinct sources.

    Figures are never summed across rows: they come in different units (missiles, kilometres,
    ships…) and as ranges; compare them with :func:`figures`, one unit at a time.

    >>> [value for _label, value in measures("capabilities")]
    ['rows', 'sources']
    """
    out = [("Number of rows", "rows")]
    if "source_id" in _schema.field_names(table):
        out.append(("Number of distinct sources (source_id)", "sources"))
    return out


def measure_label(table: str, measure: str) -> str:
    """The label of a measure of ``table`` (ValueError naming the choices if unknown)."""
    labels = dict((value, label) for label, value in measures(table))
    if measure not in labels:
        raise ValueError(unknown_value_message(f"measure for table {table!r}", measure, labels))
    return labels[measure]


def pandas_recipe(table: str, by: str, measure: str = "rows") -> str:
    """The pandas code that answers the question (what the remix lab shows under its chart).

    >>> print(pandas_recipe("claims", "confidence"))
    mdr_data.load("claims").groupby("confidence", observed=True, dropna=False).size()
    """
    measure_label(table, measure)
    head = f'mdr_data.load("{table}").groupby("{by}", observed=True, dropna=False)'
    return head + (".size()" if measure == "rows" else '["source_id"].nunique()')


def count_by(
    table: str, by: str, measure: str = "rows", *, data_dir: DataDir = None
) -> pd.DataFrame:
    """Group a table by one column and measure each group; largest first, ties by name.

    Missing values form their own group, labelled "(empty)". The value column is named after
    the measure (e.g. "Number of rows").

    >>> count_by("claims", "confidence").columns.tolist()
    ['confidence', 'Number of rows']
    """
    if table not in mdr_data.list_tables():
        raise ValueError(unknown_value_message("table", table, mdr_data.list_tables()))
    frame = mdr_data.load(table, data_dir=data_dir)
    if by not in frame.columns:
        raise ValueError(
            f"table {table!r} has no column {by!r}{choices_hint(by, group_columns(table))}"
        )
    label = measure_label(table, measure)
    groups = frame[by].astype("string").fillna(MISSING_LABEL).rename(by)
    grouped = frame.groupby(groups, sort=False)
    values = grouped.size() if measure == "rows" else grouped["source_id"].nunique()
    result = values.rename(label).reset_index()
    result[by] = result[by].astype("string")
    result[label] = result[label].astype("Int64")
    order = np.lexsort((result[by].to_numpy(dtype=object), -result[label].to_numpy()))
    return result.iloc[order].reset_index(drop=True)


def rows_by_theatre(*, data_dir: DataDir = None) -> pd.DataFrame:
    """How many rows each table has in each theatre (homeland, Indo-Pacific, Europe, …).

    >>> table = rows_by_theatre()
    >>> {"capabilities", "events"} <= set(table.columns)
    True
    """
    counts = {}
    for name in mdr_data.list_tables():
        frame = mdr_data.load(name, data_dir=data_dir)
        if "theatre" in frame.columns:
            counts[name] = frame["theatre"].value_counts(sort=False)
    table = pd.DataFrame(counts).fillna(0).astype("int64")
    table.index.name = "theatre"
    return table.assign(total=table.sum(axis=1))
