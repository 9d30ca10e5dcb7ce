"""The relationship network: kinds and focus filter the edges; layout stays put."""

from __future__ import annotations

from pathlib import Path

import mdr_data
from mdr_data import plots, vocabulary
from mdr_data.widgets.relationship_network import ALL_ACTORS, legend_html, relationship_network

MINI = Path(__file__).parent / "fixtures" / "mini_data"


def test_default_shows_every_edge():
    net = relationship_network()
    assert len(net.current_table) == len(mdr_data.relationships())
    assert net.focus.value == ALL_ACTORS
    assert "all actors" in net.title
    assert net.panel.png_bytes[:4] == b"\x89PNG"


def test_focus_keeps_only_that_actors_edges():
    net = relationship_network()
    net.focus.value = "RUS"
    edges = net.current_table
    assert len(edges)
    assert ((edges["actor_from"] == "RUS") | (edges["actor_to"] == "RUS")).all()
    assert "Russia" in net.title


def test_kind_filter():
    net = relationship_network()
    net.kinds.value = ("technology transfer",)
    assert set(net.current_table["kind"].astype(str)) == {"technology transfer"}
    assert "one-way" in net.table_panel.html.value
    assert "unverified" in net.table_panel.html.value


def test_directed_edges_have_arrows_and_formats_are_shaded():
    net = relationship_network()
    edges = mdr_data.relationships()
    assert plots.network_lines(net.panel.ax) == len(edges)
    one_way = int(edges["directed"].fillna(False).sum())  # as drawn: no arrow when unknown
    assert 0 < plots.network_lines(net.panel.ax, plots.HEAD_GID) == one_way < len(edges)
    assert any(type(p).__name__ == "Polygon" for p in net.panel.ax.patches)
    assert "US-Japan-Australia trilateral" in {t.get_text() for t in net.panel.ax.texts}


def _node_positions(net) -> dict[str, tuple[float, float]]:
    """Where each actor's dot is drawn (the first scatter of the figure holds every node)."""
    offsets = net.figure.axes[0].collections[0].get_offsets()
    return dict(zip(net._actors["actor_id"], map(tuple, offsets.tolist()), strict=True))


def test_layout_is_fixed_across_redraws():
    net = relationship_network()
    before = _node_positions(net)
    net.focus.value = "JPN"
    net.kinds.value = ("treaty alliance",)
    after = _node_positions(net)
    assert len(net.current_table) < len(mdr_data.relationships())  # a different picture ...
    assert after == before  # ... with every actor where it was


def test_reset():
    net = relationship_network()
    kinds = net.kinds.value
    net.focus.value = "IND"
    net.kinds.value = kinds[:1]
    net.reset()
    assert net.focus.value == ALL_ACTORS and net.kinds.value == kinds


def test_legend_names_visible_kinds():
    assert "dialogue" in legend_html(["dialogue"], multilateral=True)
    net = relationship_network(data_dir=MINI)
    assert "treaty alliance" in net.legend.value


def test_a_revisited_selection_reuses_its_png_and_still_draws_the_figure():
    net = relationship_network()
    first = net.panel.picture
    net.focus.value = "RUS"
    assert net.panel.picture != first
    net.reset()
    assert net.panel.picture == first
    ax = net.figure.axes[0]
    shown = len(net.current_table)
    assert ax.get_title(loc="left") == f"Relationships of all actors: {shown} shown"
    assert plots.network_lines(ax) == shown
    assert net.panel.svg() == first


def test_the_image_alt_text_lists_the_edges_shown():
    net = relationship_network(focus="RUS")
    alt = net.panel.alt
    assert alt.startswith("Network diagram of the relationships of Russia")
    assert f"{len(net.current_table)} shown: " in alt
    names = mdr_data.actors().set_index("actor_id")["name"]
    edges = net.current_table
    one_way = edges["directed"].fillna(False).astype(bool)
    for a, b, kind, directed in zip(edges["actor_from"], edges["actor_to"],
                                    edges["kind"].astype(str), one_way, strict=True):  # fmt: skip
        assert f"{names[a]} {'→' if directed else '–'} {names[b]} ({kind})" in alt
    assert net.panel.image.value.startswith(
        '<img alt="Network diagram of the relationships of Russia'
    )


def test_the_key_explains_the_node_colours_too():
    """Nodes are coloured by role: the key lists each role drawn with its colour."""
    net = relationship_network()
    roles = set(mdr_data.actors()["role"].astype(str)) & set(net._actors["role"].astype(str))
    for role in roles:
        assert f"node: {role}" in net.legend.value
    colour = vocabulary.style("actors", "role", "ally")["colour"]
    assert f'fill="{colour}"' in legend_html([], roles=["ally"])
