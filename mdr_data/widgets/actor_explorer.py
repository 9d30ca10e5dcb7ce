"""Notebook 01's actor explorer: pick a region, then an actor; see its role, ties and claims.

Every line of output is attributed: the role names the source the actors table records it from
(the review itself names only some actors), the relationships and claims carry ``source_id`` and
``confidence``, and claims name who said them.

>>> from mdr_data.widgets.actor_explorer import actor_explorer
>>> explorer = actor_explorer(actor="IND")
>>> explorer.region.value, "India" in explorer.title
('South Asia', True)
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

import mdr_data
from mdr_data.views import actor_relationships
from mdr_data.widgets._base import (
    TablePanel,
    Tool,
    add_classes,
    labelled,
    refill,
    source_phrase,
)

__all__ = ["ActorExplorer", "actor_explorer"]

#: What the relationships panel shows of :func:`mdr_data.views.actor_relationships`.
#: (source and confidence before the longer text columns, so they stay in view)
RELATIONSHIP_COLUMNS = [
    "with",
    "kind",
    "direction",
    "year",
    "source_id",
    "confidence",
    "instrument",
    "multilateral_format",
]
#: Who said it and where we read it come before the claim's text, so they stay in view.
CLAIM_COLUMNS = ["said_by", "source_id", "confidence", "theme", "is_verbatim", "text"]
UNVERIFIED_WARNING = " This is reported only by the news article the course started from."


class ActorExplorer(Tool):
    """The actor explorer; build it with :func:`actor_explorer`.

    Controls: ``region``, ``actor`` (its options follow the region). State: ``current_table``
    (the claims about the actor), ``current_relationships``, ``current_actor`` (its row as a
    dict), ``title``.
    """

    def __init__(self, actor: str | None = None, *, data_dir=None):
        super().__init__(data_dir)
        self._actors = mdr_data.actors(data_dir=self.data_dir)
        self._claims = mdr_data.claims(data_dir=self.data_dir)
        actor = _first_actor(self._actors, actor, self.data_dir)
        present = set(self._actors["region"].astype(str))
        # The categories are the schema's region vocabulary (a remixed copy's, if it has one).
        regions = [r for r in self._actors["region"].cat.categories if r in present]
        region = _region_of(self._actors, actor) if actor else (regions or ["(no actors)"])[0]
        self.region = labelled(
            widgets.Dropdown(options=regions or [region], value=region), "region", "Region:"
        )
        options = _actor_options(self._actors, region)
        self.actor = labelled(
            widgets.Dropdown(options=options, value=actor if options else None), "actor", "Actor:"
        )
        self.profile = add_classes(widgets.HTML(), "mdr-output", "mdr-output-profile")
        self.relationships_panel = TablePanel("relationships", heading="Relationships")
        self.claims_panel = TablePanel("claims", heading="What is claimed about it")
        self._finish(
            {"region": self.region, "actor": self.actor},
            [self.profile, self.relationships_panel.html, self.claims_panel.html],
        )

    def _on_control_change(self, name: str) -> None:
        if name == "region":
            refill(self.actor, _actor_options(self._actors, self.region.value))

    def _before_reset(self) -> None:
        self.actor.options = _actor_options(self._actors, self.defaults["region"])

    def update(self) -> None:
        """Show the selected actor's role, relationships and the claims about it."""
        actor = self.actor.value
        row, relationships, claims = self.cached(
            actor, lambda: _selection(self._actors, self._claims, actor, self.data_dir)
        )
        self.current_actor = row
        self.current_relationships, self.current_table = relationships, claims
        name = row.get("name")
        if name is None:
            self.title = "No actor selected (the actors table is empty)"
        else:
            source = source_phrase([row["source_id"]], data_dir=self.data_dir)
            self.title = f"{name}: recorded as '{row['role']}', according to {source}"
        self.profile.value = _profile_html(self.title, row)
        about_relationships, about_claims = _captions(name, relationships, claims, self.data_dir)
        self.relationships_panel.show(relationships, **about_relationships)
        self.claims_panel.show(claims[CLAIM_COLUMNS], **about_claims)


def _selection(
    actors, claims, actor: str | None, data_dir
) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The actor's row, its relationships (seen from it) and the claims about it."""
    if actor is None:  # the actors table is empty
        return {}, pd.DataFrame(columns=RELATIONSHIP_COLUMNS), claims.iloc[0:0]
    row = actors[actors["actor_id"] == actor].iloc[0].to_dict()
    edges = actor_relationships(actor, data_dir=data_dir)
    table = edges[RELATIONSHIP_COLUMNS].astype({"kind": str, "confidence": str})
    return row, table, claims[claims["actor_id"] == actor].reset_index(drop=True)


def _captions(name: str | None, relationships, claims, data_dir) -> tuple[dict, dict]:
    """Caption and empty-table message of the relationships and of the claims table."""
    if name is None:
        return {"caption": "No relationships"}, {"caption": "No claims"}
    sources = source_phrase(relationships["source_id"], data_dir=data_dir)
    return (
        {
            "caption": f"Relationships of {name} ({len(relationships)})",
            "sources": sources if len(relationships) else None,
            "empty_message": f"No relationships of {name} are recorded.",
        },
        {
            "caption": f"Claims about {name} ({len(claims)}): said_by names who made each "
            "claim, source_id where we read it",
            "empty_message": f"No claims about {name} are recorded.",
        },
    )


def _first_actor(actors: pd.DataFrame, actor: str | None, data_dir) -> str | None:
    """The actor asked for (id or name), else India, else the first actor (None if none)."""
    if actor is not None:
        return mdr_data.resolve_actor(actor, data_dir=data_dir)
    if "IND" in set(actors["actor_id"]):
        return "IND"
    return actors["actor_id"].iloc[0] if len(actors) else None


def _region_of(actors: pd.DataFrame, actor: str) -> str:
    return str(actors.loc[actors["actor_id"] == actor, "region"].iloc[0])


def _actor_options(actors: pd.DataFrame, region: str) -> list[tuple[str, str]]:
    part = actors[actors["region"].astype(str) == region]
    return list(zip(part["name"], part["actor_id"], strict=True))


def _profile_html(title: str, row: dict) -> str:
    """The actor's heading and one paragraph: kind, region, named or not, confidence."""
    if not row:
        return f"<h3>{html.escape(title)}</h3>"
    named = "named in the review" if row["named_in_review"] else "not named in the review"
    confidence = str(row["confidence"])
    warning = UNVERIFIED_WARNING if confidence == "unverified" else ""
    return (
        f"<h3>{html.escape(title)}</h3>"
        f"<p><b>{html.escape(row['name'])}</b> ({html.escape(str(row['kind']))}, "
        f"{html.escape(str(row['region']))}) is {named}. "
        f"Confidence: <b>{html.escape(confidence)}</b>.{html.escape(warning)}</p>"
    )


def actor_explorer(actor: str | None = None, *, data_dir=None) -> ActorExplorer:
    """Build the actor explorer, starting on ``actor`` (id or name; default India).

    >>> explorer = actor_explorer("China")
    >>> set(explorer.current_table["actor_id"]) <= {"CHN"}
    True
    """
    return ActorExplorer(actor, data_dir=data_dir)
