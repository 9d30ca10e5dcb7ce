"""Notebook 03's relationship network: filter edges by kind and focus on one actor.

The layout is computed once from the actors table (a circle grouped by region, see
:func:`mdr_data.plots.network_layout`), so nodes never move between redraws; edges are styled by
kind, one-way edges carry arrows and multilateral formats are shaded. The visible edges are
listed below the figure with their sources.

>>> from mdr_data.widgets import relationship_network
>>> net = relationship_network(focus="JPN")
>>> all("JPN" in pair for pair in zip(net.current_table["actor_from"],
...                                   net.current_table["actor_to"]))
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

import mdr_data
from mdr_data import plots, vocabulary
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import (
    FigurePanel,
    TablePanel,
    Tool,
    add_classes,
    labelled,
    source_phrase,
)

__all__ = ["ALL_ACTORS", "RelationshipNetwork", "relationship_network"]

ALL_ACTORS = ""
#: How many pictures of selections already drawn are kept (the oldest is dropped first).
TABLE_COLUMNS = [
    "from",
    "to",
    "kind",
    "direction",
    "instrument",
    "year",
    "multilateral_format",
    "source_id",
    "confidence",
]


_DASHES = {"-": "", "--": "8,4", ":": "2,4", "-.": "8,3,2,3"}


def legend_html(kinds, *, multilateral: bool = False, directed: bool = False, data_dir=None) -> str:
    """The network's key as HTML (text a screen reader can read; no glyphs to render per PNG).

    >>> "treaty alliance" in legend_html(["treaty alliance"])
    True
    """
    items = []
    for kind in kinds:
        look = vocabulary.style("relationships", "kind", kind, data_dir)
        dash = _DASHES.get(look["linestyle"], "")
        items.append(
            f'<li><svg width="44" height="12" aria-hidden="true"><line x1="0" y1="6" x2="44" '
            f'y2="6" stroke="{look["colour"]}" stroke-width="3" stroke-dasharray="{dash}"/>'
            f"</svg> {html.escape(kind)}</li>"
        )
    if multilateral:
        items.append(
            f'<li><svg width="44" height="12" aria-hidden="true"><rect width="44" height="12" '
            f'fill="{plots.OKABE_ITO["yellow"]}" stroke="{plots.OKABE_ITO["orange"]}" '
            f'stroke-width="2"/></svg> multilateral format (thick edges, shaded)</li>'
        )
    if directed:
        items.append("<li>→ arrow: one-way (from giver, seller or designator)</li>")
    return (
        '<div class="mdr-legend" style="font-size:14px"><b>Key</b>'
        '<ul style="list-style:none;padding-left:0;margin:4px 0">' + "".join(items) + "</ul></div>"
    )


class RelationshipNetwork(Tool):
    """The relationship network; build it with :func:`relationship_network`.

    Controls: ``kinds`` (multi-select), ``focus`` (an actor id, or ``""`` for all).
    State: ``current_table`` (visible edges), ``figure``, ``title``. The PNG of a selection
    already drawn is reused; ``figure`` is redrawn when read.
    """

    def __init__(self, kinds=None, focus: str | None = None, *, data_dir=None):
        super().__init__()
        self.data_dir = data_dir
        self._edges = mdr_data.relationships(data_dir=data_dir)
        actors = mdr_data.actors(data_dir=data_dir)
        linked = set(self._edges["actor_from"]) | set(self._edges["actor_to"])
        self._actors = actors[actors["actor_id"].isin(linked)].reset_index(drop=True)
        self._names = dict(zip(actors["actor_id"], actors["name"], strict=True))
        self._positions = plots.network_layout(self._actors)
        self._cache: dict[tuple, pd.DataFrame] = {}
        present = set(self._edges["kind"].astype(str))
        vocabulary = [k for k in self._edges["kind"].cat.categories if k in present]
        if kinds is None:
            kinds = tuple(vocabulary)
        else:
            kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
            unknown = [k for k in kinds if k not in vocabulary]
            if unknown:
                raise ValueError(unknown_value_message("relationship kind", unknown[0], vocabulary))
        focus = ALL_ACTORS if not focus else mdr_data.resolve_actor(focus, data_dir=data_dir)
        self.kinds = labelled(
            widgets.SelectMultiple(
                options=vocabulary, value=kinds, rows=min(max(len(vocabulary), 3), 10)
            ),
            "kinds",
            "Kinds:",
        )
        self.focus = labelled(
            widgets.Dropdown(
                options=[("(all actors)", ALL_ACTORS)]
                + [(self._names[a], a) for a in self._actors["actor_id"]],
                value=focus,
            ),
            "focus",
            "Focus on:",
        )
        self.panel = FigurePanel(
            "network",
            figsize=(7.5, 5.4),
            dpi=80,
            margins={"left": 0.01, "right": 0.99, "top": 0.92, "bottom": 0.01},
        )
        self.legend = add_classes(widgets.HTML(), "mdr-output", "mdr-output-network-legend")
        self.table_panel = TablePanel("network-table")
        self._finish(
            {"kinds": self.kinds, "focus": self.focus},
            [widgets.HBox([self.panel.image, self.legend]), self.table_panel.html],
        )

    def _visible(self, kinds: tuple[str, ...], focus: str) -> pd.DataFrame:
        key = (kinds, focus)
        if key not in self._cache:
            edges = self._edges
            mask = edges["kind"].astype(str).isin(list(kinds))
            if focus:
                mask &= (edges["actor_from"] == focus) | (edges["actor_to"] == focus)
            self._cache[key] = edges.loc[mask].reset_index(drop=True)
        return self._cache[key]

    @property
    def figure(self) -> Figure:
        """The network of the current selection (drawn on demand when its PNG came from cache)."""
        self.panel.ensure_drawn()
        return self.panel.figure

    def _draw(self, edges: pd.DataFrame, focus: str) -> None:
        who = self._names.get(focus, focus) if focus else "all actors"
        self.panel.clear()
        plots.network(
            self.panel.ax,
            edges,
            self._actors,
            focus=focus or None,
            positions=self._positions,
            title=f"Relationships of {who}: {len(edges)} shown",
            legend=False,
            data_dir=self.data_dir,
        )

    def update(self) -> None:
        """Redraw the network and the edge table for the selected kinds and focus."""
        kinds = tuple(self.kinds.value)
        focus = self.focus.value
        edges = self._visible(kinds, focus)
        self.current_table = edges
        who = self._names.get(focus, focus) if focus else "all actors"
        what = ", ".join(kinds) if kinds else "no kind selected"
        sources = source_phrase(edges["source_id"], data_dir=self.data_dir)
        self.title = (
            f"Relationships of {who} ({len(edges)} shown; kinds: {what}), according to {sources}"
        )
        # The picture is a pure function of the selection (and of the data read when the tool
        # was built), so a selection drawn before reuses its PNG.
        self.panel.show((kinds, focus), lambda: self._draw(edges, focus))
        present = set(edges["kind"].astype(str))
        self.legend.value = legend_html(
            [k for k in self.kinds.options if k in present],
            multilateral=bool(edges["multilateral_format"].notna().any()),
            directed=bool(edges["directed"].fillna(False).any()),
            data_dir=self.data_dir,
        )
        directed = edges["directed"].fillna(False).astype(bool)
        shown = pd.DataFrame(
            {
                "from": [self._names.get(a, a) for a in edges["actor_from"]],
                "to": [self._names.get(a, a) for a in edges["actor_to"]],
                "kind": edges["kind"].astype(str).tolist(),
                "direction": ["one-way →" if d else "mutual" for d in directed],
                "instrument": edges["instrument"].tolist(),
                "year": edges["year"].tolist(),
                "multilateral_format": edges["multilateral_format"].tolist(),
                "source_id": edges["source_id"].tolist(),
                "confidence": edges["confidence"].astype(str).tolist(),
            },
            columns=TABLE_COLUMNS,
        )
        note = None
        if "unverified" in set(shown["confidence"]):
            note = (
                "Edges marked 'unverified' are reported only by the news article the course "
                "started from."
            )
        self.table_panel.show(shown, self.title, empty_message="No relationships match.", note=note)


def relationship_network(kinds=None, focus: str | None = None, *, data_dir=None):
    """Build the relationship network; ``kinds`` limits edge kinds, ``focus`` picks an actor.

    >>> net = relationship_network(kinds=["technology transfer"])
    >>> set(net.current_table["kind"].astype(str)) <= {"technology transfer"}
    True
    """
    return RelationshipNetwork(kinds, focus, data_dir=data_dir)
