"""Notebook 03's relationship network: filter edges by kind and focus on one actor.

The layout is computed once from the actors table (a circle grouped by region, see
:func:`mdr_data.plots.network_layout`), so nodes never move between redraws; edges are styled by
kind, one-way edges carry arrows and multilateral formats are shaded. The visible edges are
listed below the figure with their sources.

>>> from mdr_data.widgets.relationship_network import relationship_network
>>> net = relationship_network(focus="JPN")
>>> all("JPN" in pair for pair in zip(net.current_table["actor_from"],
...                                   net.current_table["actor_to"]))
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

import mdr_data
from mdr_data import plots, vocabulary
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import (
    FigurePanel,
    TablePanel,
    Tool,
    add_classes,
    clear_axes,
    labelled,
    source_phrase,
)

__all__ = ["ALL_ACTORS", "RelationshipNetwork", "relationship_network"]

#: The edge table shows this many rows; the others are one click away (a collapsed list), so a
#: Reset to all kinds lays out 25 rows in the browser, not 64 (issue 13).
OPEN_ROWS = 25

ALL_ACTORS = ""
UNVERIFIED_NOTE = (
    "Edges marked 'unverified' are reported only by the news article the course started from."
)
#: (source and confidence before the longer text columns, so they stay in view)
TABLE_COLUMNS = [
    "from",
    "to",
    "kind",
    "direction",
    "year",
    "source_id",
    "confidence",
    "instrument",
    "multilateral_format",
]


_DASHES = {"-": "", "--": "8,4", ":": "2,4", "-.": "8,3,2,3"}


def legend_html(
    kinds, *, multilateral: bool = False, directed: bool = False, roles=(), data_dir=None
) -> str:
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
            f'fill="{plots.FORMAT_LOOK["facecolor"]}" stroke="{plots.FORMAT_LOOK["edgecolor"]}" '
            f'stroke-width="2" stroke-dasharray="4,2"/></svg> multilateral format (thick edges, '
            "shaded)</li>"
        )
    if directed:
        items.append("<li>→ arrow: one-way (from giver, seller or designator)</li>")
    for role in roles:  # the node colours: the role in the actors table
        colour = vocabulary.style("actors", "role", role, data_dir)["colour"]
        items.append(
            f'<li><svg width="44" height="14" aria-hidden="true"><circle cx="22" cy="7" r="6" '
            f'fill="{colour}" stroke="black"/></svg> node: {html.escape(role)}</li>'
        )
    return (
        '<div class="mdr-legend" style="font-size:14px"><b>Key</b>'
        '<ul style="list-style:none;padding-left:0;margin:4px 0">' + "".join(items) + "</ul></div>"
    )


class RelationshipNetwork(Tool):
    """The relationship network; build it with :func:`relationship_network`.

    Controls: ``kinds`` (multi-select), ``focus`` (an actor id, or ``""`` for all).
    State: ``current_table`` (visible edges), ``figure``, ``title``.
    """

    def __init__(self, kinds=None, focus: str | None = None, *, data_dir=None):
        super().__init__(data_dir)
        self._edges = mdr_data.relationships(data_dir=self.data_dir)
        actors = mdr_data.actors(data_dir=self.data_dir)
        linked = set(self._edges["actor_from"]) | set(self._edges["actor_to"])
        self._actors = actors[actors["actor_id"].isin(linked)].reset_index(drop=True)
        self._names = dict(zip(actors["actor_id"], actors["name"], strict=True))
        self._positions = plots.network_layout(self._actors)
        self.kinds = _kinds_control(self._edges, kinds)
        self.focus = _focus_control(self._actors, self._names, focus, self.data_dir)
        self.panel = FigurePanel(
            "network",
            figsize=(7.5, 5.4),
            dpi=100,  # sharp on a projector (100–120 dpi)
            fmt="svg",  # text stays text: cheaper to draw, smaller to send (issue 13)
            margins={"left": 0.01, "right": 0.99, "top": 0.92, "bottom": 0.01},
        )
        self.legend = add_classes(widgets.HTML(), "mdr-output", "mdr-output-network-legend")
        self.table_panel = TablePanel("network-table", open_rows=OPEN_ROWS)
        self._finish(
            {"kinds": self.kinds, "focus": self.focus},
            [widgets.HBox([self.panel.image, self.legend]), self.table_panel.html],
        )

    def update(self) -> None:
        """Redraw the network and the edge table for the selected kinds and focus."""
        kinds, focus = tuple(self.kinds.value), self.focus.value
        edges = self.cached((kinds, focus), lambda: _visible(self._edges, kinds, focus))
        self.current_table = edges
        who = self._names.get(focus, focus) if focus else "all actors"
        what = ", ".join(kinds) if kinds else "no kind selected"
        # Each source once, in order of first citation (not once per edge: ×100 data has 6,400).
        sources = source_phrase(edges["source_id"].unique(), data_dir=self.data_dir)
        self.title = (
            f"Relationships of {who} ({len(edges)} shown; kinds: {what}), according to {sources}"
        )
        # The picture is a pure function of the selection and of the data read at build time.
        alt = _alt_text(edges, who, what, self._names)
        self.panel.show((kinds, focus), lambda: self._draw(edges, focus, who), alt=alt)
        self.legend.value = _key(self, edges)
        every_kind = set(kinds) == set(self.kinds.options)
        _show_table(self.table_panel, _table(edges, self._names), who, what, every_kind, sources)

    def _draw(self, edges: pd.DataFrame, focus: str, who: str) -> None:
        clear_axes(self.panel.ax)
        plots.network(
            self.panel.ax,
            edges,
            self._actors,
            focus=focus or None,
            positions=self._positions,
            title=f"Relationships of {who}: {len(edges)} shown",
            legend=False,
            max_edges=plots.MAX_NETWORK_EDGES,
            data_dir=self.data_dir,
        )


def _key(tool: RelationshipNetwork, edges: pd.DataFrame) -> str:
    """The key beside the figure: the kinds drawn, formats, arrows, and the node colours.

    Many selections share one key, so each key is written once (the roles never change).
    """
    present = set(edges["kind"].unique().astype(str))
    kinds = tuple(k for k in tool.kinds.options if k in present)
    multilateral = bool(edges["multilateral_format"].notna().any())
    directed = bool(edges["directed"].fillna(False).any())
    roles = tool.cached("roles", lambda: _roles(tool._actors, tool.data_dir))
    return tool.cached(
        ("key", kinds, multilateral, directed),
        lambda: legend_html(
            kinds, multilateral=multilateral, directed=directed, roles=roles, data_dir=tool.data_dir
        ),
    )


def _roles(actors: pd.DataFrame, data_dir) -> list[str]:
    """The roles of the actors drawn, in the vocabulary's order (the node colours' key)."""
    present = set(actors["role"].dropna().astype(str))
    return [r for r in vocabulary.values("actors", "role", data_dir) if r in present]


def _show_table(panel: TablePanel, shown: pd.DataFrame, who, what, every_kind, sources) -> None:
    """The edge table under a short caption; its sources in a collapsed list under it."""
    note = UNVERIFIED_NOTE if "unverified" in set(shown["confidence"]) else None
    # With every kind selected, the caption does not list them: the key beside the figure does.
    kinds = "every kind" if every_kind else f"kinds: {what}"
    caption = f"Relationships of {who} ({len(shown)} shown; {kinds})"
    panel.show(shown, caption, empty_message="No relationships match.", note=note, sources=sources)


def _kinds_control(edges: pd.DataFrame, kinds) -> widgets.SelectMultiple:
    """The kinds present, in the schema's order; all selected, or those asked for."""
    present = set(edges["kind"].astype(str))
    options = [k for k in edges["kind"].cat.categories if k in present]
    if kinds is None:
        kinds = tuple(options)
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [k for k in kinds if k not in options]
    if unknown:
        raise ValueError(unknown_value_message("relationship kind", unknown[0], options))
    control = widgets.SelectMultiple(
        options=options, value=kinds, rows=min(max(len(options), 3), 10)
    )
    return labelled(control, "kinds", "Kinds:")


def _focus_control(actors: pd.DataFrame, names: dict, focus, data_dir) -> widgets.Dropdown:
    """Every actor with a relationship, or all of them (``ALL_ACTORS``, the default)."""
    focus = ALL_ACTORS if not focus else mdr_data.resolve_actor(focus, data_dir=data_dir)
    options = [("(all actors)", ALL_ACTORS), *((names[a], a) for a in actors["actor_id"])]
    return labelled(widgets.Dropdown(options=options, value=focus), "focus", "Focus on:")


def _visible(edges: pd.DataFrame, kinds: tuple[str, ...], focus: str) -> pd.DataFrame:
    """The edges of the selected kinds, touching ``focus`` if one is chosen."""
    mask = edges["kind"].isin(list(kinds))
    if focus:
        mask &= (edges["actor_from"] == focus) | (edges["actor_to"] == focus)
    return edges.loc[mask].reset_index(drop=True)


#: The alt text lists at most this many edges, then counts the rest.
ALT_EDGES = 100


def _alt_text(edges: pd.DataFrame, who: str, what: str, names: dict[str, str]) -> str:
    """The network in words: how many edges, then each as "A → B (kind)" or "A – B (kind)"."""
    head = f"Network diagram of the relationships of {who} (kinds: {what}): {len(edges)} shown"
    if edges.empty:
        return head + "."
    listed = edges.head(ALT_EDGES)  # a screen reader's listener wants the gist, then the table
    directed = listed["directed"].fillna(False).astype(bool)  # as drawn: no arrow when unknown
    items = [
        f"{names.get(a, a)} {'→' if one_way else '–'} {names.get(b, b)} ({kind})"
        for a, b, kind, one_way in zip(listed["actor_from"], listed["actor_to"], listed["kind"],
                                       directed, strict=True)
    ]  # fmt: skip
    if len(edges) > ALT_EDGES:
        items.append(f"and {len(edges) - ALT_EDGES:,} more (see the table)")
    return f"{head}: " + "; ".join(items) + "."


def _table(edges: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The edges as the table under the figure shows them."""
    directed = edges["directed"].fillna(False).astype(bool)
    return pd.DataFrame(
        {
            "from": [names.get(a, a) for a in edges["actor_from"]],
            "to": [names.get(a, a) for a in edges["actor_to"]],
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


def relationship_network(kinds=None, focus: str | None = None, *, data_dir=None):
    """Build the relationship network; ``kinds`` limits edge kinds, ``focus`` picks an actor.

    >>> net = relationship_network(kinds=["technology transfer"])
    >>> set(net.current_table["kind"].astype(str)) <= {"technology transfer"}
    True
    """
    return RelationshipNetwork(kinds, focus, data_dir=data_dir)
