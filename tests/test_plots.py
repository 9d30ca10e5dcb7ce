"""Static plots: ranges as ranges, readable fonts, colour-blind palette, no global state."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import mdr_data
from mdr_data import plots, views, vocabulary


@pytest.fixture
def ax():
    return Figure(figsize=(8, 5)).add_subplot()


def test_range_chart_draws_ranges_points_and_missing(ax):
    rows = pd.DataFrame(
        {
            "actor_id": ["A", "B", "C"],
            "category": ["ICBM", "SSBN", "ASAT"],
            "system": [pd.NA, "X-class", pd.NA],
            "status": ["deployed", "deployed", "in development"],
            "count_low": pd.array([75, 4, None], dtype="Int64"),
            "count_high": pd.array([100, 4, None], dtype="Int64"),
            "confidence": ["unverified", "corroborated", "single source"],
        }
    )
    plots.range_chart(ax, rows, names={"A": "Aland", "B": "Bland", "C": "Cland"})
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert [(b.get_x(), b.get_width()) for b in bars] == [(75, 25)]
    assert bars[0].get_hatch() == "//"  # unverified is hatched, not only coloured
    texts = [t.get_text() for t in ax.texts]
    assert {"75", "100", "4", "no figure given"} <= set(texts)
    assert len(ax.collections) == 1  # the single figure is a point
    assert "according to" in ax.get_title(loc="left")
    assert ax.get_legend() is not None


def test_range_chart_on_real_data(ax):
    rows = mdr_data.capabilities(actor="China").head(10)  # up to 10 rows: two-line labels
    plots.range_chart(ax, rows)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(rows)
    assert all(label.startswith("China: ") for label in labels), labels


def test_role_chart_counts_roles(ax):
    actors = mdr_data.actors()
    plots.role_chart(ax, actors)
    heights = sorted(int(b.get_width()) for b in ax.patches)
    assert heights == sorted(actors["role"].value_counts().loc[lambda s: s > 0].tolist())


def test_network_layout_groups_regions_and_is_stable():
    actors = mdr_data.actors()
    first = plots.network_layout(actors)
    assert first == plots.network_layout(actors)
    assert set(first) == set(actors["actor_id"])
    # Walking clockwise from the top of the circle, the regions come one block at a time, in
    # the schema's order.
    clockwise = sorted(first, key=lambda a: math.atan2(first[a][0], first[a][1]) % (2 * math.pi))
    region = dict(zip(actors["actor_id"], actors["region"].astype(str), strict=True))
    blocks = [region[a] for a in clockwise]
    blocks = [r for i, r in enumerate(blocks) if i == 0 or r != blocks[i - 1]]
    order = vocabulary.values("actors", "region")
    assert blocks == sorted(set(blocks), key=order.index)


def test_network_draws_edges_formats_and_legend(ax):
    edges = mdr_data.relationships()
    plots.network(ax, edges, mdr_data.actors(), focus="USA")
    assert plots.network_lines(ax) == len(edges)
    one_way = int(edges["directed"].fillna(False).sum())
    assert 0 < plots.network_lines(ax, plots.HEAD_GID) == one_way < len(edges)
    assert ax.get_legend() is not None
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert "treaty alliance" in labels and "multilateral format" in labels


def test_network_edges_are_shaped_as_matplotlib_would_shape_each_arrow():
    """Edges are drawn many to a patch, shaped as matplotlib's arc3 and -|> would shape each."""
    from matplotlib.patches import ArrowStyle, ConnectionStyle

    chords = np.array([[(0.1, 0.9), (-0.7, -0.4)], [(0.5, 0.0), (0.5, 0.8)]])
    rads, widths, scale = np.array([0.0, -0.36]), np.array([2.5, 4.0]), (60.0, 75.0)
    curves, heads = plots._arrows(chords, rads, widths, np.array([True, True]), scale)
    for chord, rad, width, curve, head in zip(chords, rads, widths, curves, heads, strict=True):
        points = ConnectionStyle.Arc3(rad=rad).connect(*(chord * scale))
        line, tip = ArrowStyle("-|>")(points, 22, width)[0]
        np.testing.assert_allclose(curve * scale, line.vertices)
        np.testing.assert_allclose(head[:3] * scale, tip.vertices[:3])
    mutual, _ = plots._arrows(chords, rads, widths, np.array([False, False]), scale)
    np.testing.assert_allclose(mutual[:, [0, 2]], chords)


def test_fonts_are_large_and_palette_is_colour_blind_safe():
    assert plots.BASE_FONT_SIZE >= 14
    assert plots.theme()["font.size"] >= 14
    for table, column in (("actors", "role"), ("relationships", "kind"), ("events", "kind")):
        for value, colour in vocabulary.colours(table, column).items():
            assert colour in plots.OKABE_ITO.values(), (table, column, value)


def test_style_is_local():
    before = matplotlib.rcParams["font.size"]
    with plots.style():
        assert matplotlib.rcParams["font.size"] == plots.BASE_FONT_SIZE
    assert matplotlib.rcParams["font.size"] == before


def test_importing_the_package_does_not_import_plotting():
    import subprocess
    import sys

    code = "import sys, mdr_data; print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_long_selections_summarise_rows_without_a_figure(ax):
    caps = mdr_data.capabilities()
    plots.range_chart(ax, caps)
    missing = int((caps["count_low"].isna() & caps["count_high"].isna()).sum())
    assert len(ax.get_yticks()) == len(caps) - missing
    assert any(f"+ {missing} rows with no figure given" in t.get_text() for t in ax.texts)


def test_network_can_keep_colour_for_roles_only(ax):
    """edge_colour draws every edge in one colour, so colour means the role alone; the node
    colours get their own legend from role_handles."""
    edges, actors = mdr_data.relationships(), mdr_data.actors()
    plots.network(ax, edges, actors, edge_colour="#555555")
    edges_drawn = [p for p in ax.patches if (p.get_gid() or "").startswith("network-")]
    assert {matplotlib.colors.to_hex(p.get_edgecolor()) for p in edges_drawn} == {"#555555"}
    legend_lines = ax.get_legend().get_lines()
    assert {matplotlib.colors.to_hex(line.get_color()) for line in legend_lines} == {"#555555"}
    handles = plots.role_handles(actors)
    assert [h.get_label() for h in handles] == [
        r for r in vocabulary.values("actors", "role") if r in set(actors["role"].astype(str))
    ]
    for handle in handles:
        colour = vocabulary.style("actors", "role", handle.get_label())["colour"]
        assert handle.get_markerfacecolor() == colour


def test_compact_range_labels_name_the_actor():
    """Beyond 10 rows the labels shorten to one line, but still read a name, not an id."""
    frame = views.figures(unit="kilometres")
    assert len(frame) > 10
    ax = Figure().add_subplot()
    plots.range_chart(ax, frame)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any(label.startswith("China: ") for label in labels)
    assert not any(label.startswith("CHN: ") for label in labels)
