"""Notebook 01's actor explorer: pick a region, then an actor; see its role, ties and claims.

Every line of output is attributed: the role names the source that casts the actor in it, the
relationships and claims carry ``source_id`` and ``confidence``, and claims name who said them.

>>> from mdr_data.widgets import actor_explorer
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
from mdr_data.widgets._base import TablePanel, Tool, add_classes, labelled, source_phrase

__all__ = ["ActorExplorer", "actor_explorer"]

RELATIONSHIP_COLUMNS = [
    "with",
    "kind",
    "direction",
    "instrument",
    "year",
    "multilateral_format",
    "source_id",
    "confidence",
]
CLAIM_COLUMNS = ["said_by", "theme", "text", "is_verbatim", "source_id", "confidence"]


#: What the relationships panel shows of :func:`mdr_data.views.actor_relationships`.
_RELATIONSHIP_COLUMNS = [
    "with",
    "kind",
    "direction",
    "instrument",
    "year",
    "multilateral_format",
    "source_id",
    "confidence",
]


class ActorExplorer(Tool):
    """The actor explorer; build it with :func:`actor_explorer`.

    Controls: ``region``, ``actor`` (its options follow the region). State: ``current_table``
    (the claims about the actor), ``current_relationships``, ``current_actor`` (its row as a
    dict), ``title``.
    """

    def __init__(self, actor: str | None = None, *, data_dir=None):
        super().__init__()
        self.data_dir = data_dir
        self._actors = mdr_data.actors(data_dir=data_dir)
        self._relationships = mdr_data.relationships(data_dir=data_dir)
        self._claims = mdr_data.claims(data_dir=data_dir)
        self._names = dict(zip(self._actors["actor_id"], self._actors["name"], strict=True))
        self._cache: dict[str, tuple] = {}
        present = set(self._actors["region"].astype(str))
        # The categories are the schema's region vocabulary (a remixed copy's, if it has one).
        order = self._actors["region"].cat.categories
        regions = [r for r in order if r in present] or ["(no actors yet)"]
        if actor is not None:
            actor = mdr_data.resolve_actor(actor, data_dir=data_dir)
        elif "IND" in self._names:
            actor = "IND"
        elif len(self._actors):
            actor = self._actors["actor_id"].iloc[0]
        region = self._region_of(actor) if actor else regions[0]
        self.region = labelled(widgets.Dropdown(options=regions, value=region), "region", "Region:")
        options = self._actor_options(region)
        self.actor = labelled(
            widgets.Dropdown(options=options, value=actor if options else None),
            "actor",
            "Actor:",
        )
        self.profile = add_classes(widgets.HTML(), "mdr-output", "mdr-output-profile")
        self.relationships_panel = TablePanel("relationships", heading="Relationships")
        self.claims_panel = TablePanel("claims", heading="What is claimed about it")
        self._finish(
            {"region": self.region, "actor": self.actor},
            [self.profile, self.relationships_panel.html, self.claims_panel.html],
        )

    # ------------------------------------------------------------------ data

    def _region_of(self, actor: str) -> str:
        row = self._actors.loc[self._actors["actor_id"] == actor, "region"]
        return str(row.iloc[0])

    def _actor_options(self, region: str) -> list[tuple[str, str]]:
        part = self._actors[self._actors["region"].astype(str) == region]
        return list(zip(part["name"], part["actor_id"], strict=True))

    def _selection(self, actor: str) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
        """The actor's row, relationships (seen from it) and claims (cached per actor)."""
        if actor not in self._cache:
            row = self._actors[self._actors["actor_id"] == actor].iloc[0].to_dict()
            edges = actor_relationships(actor, data_dir=self.data_dir)
            table = edges[_RELATIONSHIP_COLUMNS].astype({"kind": str, "confidence": str})
            claims = self._claims[self._claims["actor_id"] == actor].reset_index(drop=True)
            self._cache[actor] = (row, table, claims)
        return self._cache[actor]

    # ------------------------------------------------------------------ reactions

    def _on_control_change(self, name: str) -> None:
        if name == "region":
            options = self._actor_options(self.region.value)
            self.actor.options = options
            self.actor.value = options[0][1] if options else None

    def _before_reset(self) -> None:
        self.actor.options = self._actor_options(self.defaults["region"])

    def update(self) -> None:
        """Show the selected actor's role, relationships and the claims about it."""
        actor = self.actor.value
        if actor is None:
            self.current_actor = {}
            self.current_relationships = self._relationships.iloc[0:0]
            self.current_table = self._claims.iloc[0:0]
            self.title = "No actor selected (the actors table is empty)"
            self.profile.value = f"<h3>{html.escape(self.title)}</h3>"
            self.relationships_panel.show(self.current_relationships, "No relationships")
            self.claims_panel.show(self.current_table, "No claims")
            return
        row, relationships, claims = self._selection(actor)
        self.current_actor = row
        self.current_relationships = relationships
        self.current_table = claims
        name = row["name"]
        source = source_phrase([row["source_id"]], data_dir=self.data_dir)
        self.title = f"{name}: cast as '{row['role']}', according to {source}"
        named = "named in the review" if row["named_in_review"] else "not named in the review"
        confidence = str(row["confidence"])
        warning = ""
        if confidence == "unverified":
            warning = " This is reported only by the news article the course started from."
        self.profile.value = (
            f"<h3>{html.escape(self.title)}</h3>"
            f"<p><b>{html.escape(name)}</b> ({html.escape(str(row['kind']))}, "
            f"{html.escape(str(row['region']))}) is {named}. "
            f"Confidence: <b>{html.escape(confidence)}</b>.{html.escape(warning)}</p>"
        )
        self.relationships_panel.show(
            relationships[RELATIONSHIP_COLUMNS],
            f"Relationships of {name} ({len(relationships)}); sources: "
            f"{source_phrase(relationships['source_id'], data_dir=self.data_dir)}",
            empty_message=f"No relationships of {name} are recorded.",
        )
        self.claims_panel.show(
            claims[CLAIM_COLUMNS],
            f"Claims about {name} ({len(claims)}): said_by names who made each claim, "
            f"source_id where we read it",
            empty_message=f"No claims about {name} are recorded.",
        )


def actor_explorer(actor: str | None = None, *, data_dir=None) -> ActorExplorer:
    """Build the actor explorer, starting on ``actor`` (id or name; default India).

    >>> explorer = actor_explorer("China")
    >>> set(explorer.current_table["actor_id"]) <= {"CHN"}
    True
    """
    return ActorExplorer(actor, data_dir=data_dir)
