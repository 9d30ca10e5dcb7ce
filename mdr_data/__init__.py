"""mdr_data: the 2019 US Missile Defense Review's regional picture as tidy, sourced tables.

One loader per table (``sources``, ``actors``, ``capabilities``, ``relationships``,
``places``, ``events``, ``event_actors``, ``claims``, ``glossary``), plus ``load(name)``,
``list_tables()``, ``describe(name)``, ``export(dest)`` and ``validate(data_dir)``.
Widget builders (``mdr_data.widgets``), plots (``mdr_data.plots``) and self-checks
(``mdr_data.exercises``) are submodules imported on first use, so importing the data
costs little beyond importing pandas.

>>> import mdr_data
>>> mdr_data.capabilities(actor="China").iloc[0]["actor_id"]
'CHN'
"""

from mdr_data.tables import (
    actors,
    capabilities,
    claims,
    describe,
    event_actors,
    events,
    export,
    glossary,
    list_tables,
    load,
    places,
    relationships,
    resolve_actor,
    sources,
)

__version__ = "0.1.0"

__all__ = [
    "DataValidationError",
    "Problem",
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
    "validate",
]

# The validator loads on first use (and Frictionless, 0.3 s, on the first validation), keeping
# `import mdr_data` close to the cost of importing pandas alone.
_FROM_VALIDATION = {"DataValidationError", "Problem", "validate"}


def __getattr__(name: str):
    if name in _FROM_VALIDATION:
        from mdr_data import validation

        return getattr(validation, name)
    raise AttributeError(f"module 'mdr_data' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _FROM_VALIDATION)
