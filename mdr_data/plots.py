"""Static plots for the notebooks and widgets: one colour-blind-safe look, readable when projected.

Every function takes a matplotlib ``ax`` and a DataFrame from :mod:`mdr_data` and returns the
``ax``. Charts that widgets redraw use plain matplotlib primitives (fast enough to redraw in well
under 80 ms); static charts use seaborn. Nothing
here changes matplotlib's global state: :func:`style` is a context manager around
:func:`matplotlib.rc_context`, and fonts are set explicitly.

The palette is Okabe and Ito's (distinguishable with the common colour-vision deficiencies);
meaning never rests on colour alone (line styles, markers, hatching and labels repeat it).

>>> from matplotlib.figure import Figure
>>> import mdr_data
>>> ax = Figure().add_subplot()
>>> _ = range_chart(ax, mdr_data.capabilities(actor="China", category="ICBM"))
>>> "ICBM" in ax.get_title(loc="left")
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from contextlib import contextmanager

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Polygon
from matplotlib.path import Path
from matplotlib.ticker import MaxNLocator

from mdr_data import vocabulary

__all__ = [
    "BASE_FONT_SIZE",
    "FORMAT_LOOK",
    "OKABE_ITO",
    "actor_colours",
    "network",
    "network_layout",
    "network_lines",
    "range_chart",
    "role_chart",
    "role_handles",
    "style",
    "theme",
]

#: Okabe–Ito colour-blind-safe palette (black last, for text-like marks).
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
_CYCLE = [
    OKABE_ITO[name]
    for name in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue")
] + [OKABE_ITO["yellow"], OKABE_ITO["grey"]]

#: Base font size in points: readable from the back of a classroom.
BASE_FONT_SIZE = 14

#: Look of a multilateral format's shading in the network (not a vocabulary: one look for all).
#: Pale grey with a dashed black outline, so it shares no colour with a role (yellow is one).
FORMAT_LOOK = {"facecolor": "#eeeeee", "edgecolor": "#000000", "linewidth": 2, "linestyle": "--"}


def theme() -> dict:
    """Return the rcParams of the course look (pass to ``matplotlib.rc_context``).

    >>> theme()["font.size"]
    14
    """
    return {
        "font.size": BASE_FONT_SIZE,
        "axes.titlesize": BASE_FONT_SIZE + 2,
        "axes.labelsize": BASE_FONT_SIZE,
        "xtick.labelsize": BASE_FONT_SIZE - 1,
        "ytick.labelsize": BASE_FONT_SIZE - 1,
        "legend.fontsize": BASE_FONT_SIZE - 2,
        "axes.prop_cycle": matplotlib.cycler(color=_CYCLE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    }


@contextmanager
def style():
    """Apply :func:`theme` inside a ``with`` block only (no global change).

    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["font.size"]
    14.0
    """
    with matplotlib.rc_context(theme()):
        yield


def actor_colours(actor_ids: Iterable[str]) -> dict[str, str]:
    """Give each actor a stable palette colour, in the order given (cycling past 8).

    >>> actor_colours(["CHN", "RUS"])["RUS"]
    '#E69F00'
    """
    return {actor: _CYCLE[i % len(_CYCLE)] for i, actor in enumerate(dict.fromkeys(actor_ids))}


def _names() -> dict[str, str]:
    import mdr_data

    table = mdr_data.actors()
    return dict(zip(table["actor_id"], table["name"], strict=True))


_ABBREVIATED = re.compile(r"[^,(]*\(([A-Z][A-Za-z0-9-]*)\)")


def _short(text: str, width: int = 32) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _fmt(value: int) -> str:
    return f"{int(value):,}"


# --------------------------------------------------------------------------- range chart


#: The most rows a widget's range chart draws (more cannot be told apart on a projected chart).
MAX_RANGE_ROWS = 30


def range_chart(
    ax,
    frame: pd.DataFrame,
    *,
    names: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
    title: str | None = None,
    according_to: str = "the sources in the capabilities table",
    max_rows: int | None = None,
):
    """Draw capability counts as ranges: a bar from low to high, a point for a single figure.

    One row per capability (``count_low``/``count_high`` as the source gives them); rows with
    no count read "no figure given" instead of a zero (beyond 10 rows they are summarised in
    one line under the axis instead). Unverified rows are hatched. With ``max_rows`` (a widget
    passes :data:`MAX_RANGE_ROWS`), at most that many rows are drawn and the line under the axis
    counts the others.

    >>> from matplotlib.figure import Figure
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"actor_id": ["CHN"], "category": ["ICBM"], "system": [pd.NA],
    ...     "count_low": [75], "count_high": [100], "confidence": ["unverified"]})
    >>> ax = range_chart(Figure().add_subplot(), rows, names={"CHN": "China"})
    >>> [t.get_text() for t in ax.texts]
    ['75', '100']
    """
    names = names if names is not None else _names()
    colours = colours if colours is not None else actor_colours(frame["actor_id"])
    compact = len(frame) > 10  # many rows: one-line labels so the figure stays readable
    missing = frame["count_low"].isna() & frame["count_high"].isna()
    hidden = int(missing.sum()) if compact else 0
    if hidden:
        # Long selections: rows without a figure are summarised in one line, not drawn one by one.
        frame = frame.loc[~missing]
    more = max(len(frame) - max_rows, 0) if max_rows is not None else 0
    if more:  # beyond what a reader can tell apart: counted under the axis, not drawn
        frame = frame.iloc[:max_rows]
    marks = _RangeMarks(ax, pad=_largest_count(frame) * 0.03)
    labels = []
    for y, row in zip(range(len(frame) - 1, -1, -1), _range_rows(frame), strict=True):
        labels.append((y, _range_label(row, names, compact=compact)))
        hatch = vocabulary.style("capabilities", "confidence", row["confidence"])["hatch"]
        marks.add(y, row["low"], row["high"], colours.get(row["actor"], OKABE_ITO["grey"]), hatch)
    marks.draw()
    _range_axes(ax, labels, compact=compact, top=marks.top, pad=marks.pad)
    if hidden or more:
        _note_hidden_rows(ax, hidden, more)
    categories = sorted(set(frame["category"].astype(str)))
    if title is None:
        title = f"{', '.join(categories) or 'Capabilities'} counts, according to {according_to}"
    ax.set_title(title, fontsize=BASE_FONT_SIZE + 1, loc="left", y=1.02)
    if "unverified" in set(frame["confidence"].astype(str)):
        _unverified_legend(ax)
    return ax


def _largest_count(frame: pd.DataFrame) -> int:
    """The largest figure in ``count_low``/``count_high`` (1 when there is none)."""
    counts = [*frame["count_high"].dropna(), *frame["count_low"].dropna()]
    return max([int(v) for v in counts] + [1])


def _range_rows(frame: pd.DataFrame):
    """One dict per capability row: actor, category, system, status, low, high, confidence."""
    statuses = frame["status"].astype(str) if "status" in frame else [""] * len(frame)
    columns = zip(
        frame["actor_id"],
        frame["category"].astype(str),
        frame["system"],
        statuses,
        frame["count_low"],
        frame["count_high"],
        frame["confidence"].astype(str),
        strict=True,
    )
    keys = ("actor", "category", "system", "status", "low", "high", "confidence")
    return [dict(zip(keys, values, strict=True)) for values in columns]


def _range_label(row: dict, names: dict[str, str], *, compact: bool) -> str:
    """A y-axis label: "China: ICBM" over "deployed: DF-41", or one short line when compact
    ("China: DF-41, deployed")."""
    system, status, category = row["system"], row["status"], row["category"]
    named = isinstance(system, str) and bool(system)
    if compact:
        # "Ground-Based Interceptor (GBI), Fort Greely" -> "GBI, Fort Greely"
        what = _ABBREVIATED.sub(r"\1", system) if named else category
        who = names.get(row["actor"], row["actor"])  # a name, not an id, even when compact
        return _short(f"{who}: {what}, {status}", 40)
    detail = f"{status}: {system}" if named else status
    head = f"{names.get(row['actor'], row['actor'])}: {category}"
    return f"{_short(head)}\n{_short(detail)}"


class _RangeMarks:
    """Collects the bars (a range) and points (one figure) of a range chart, then draws them
    with one call per hatch; labels the ends and writes "no figure given" where there is none."""

    def __init__(self, ax, *, pad: float):
        self.ax, self.pad, self.top = ax, pad, 0
        self.bars: dict[str, list] = {}  # hatch -> [(y, low, high, colour)]
        self.points: dict[str, list] = {}  # hatch -> [(x, y, colour)]

    def add(self, y: float, low, high, colour: str, hatch: str) -> None:
        ax, pad, size = self.ax, self.pad, BASE_FONT_SIZE - 1
        if pd.isna(low) and pd.isna(high):
            ax.text(
                0, y, "no figure given", va="center", fontsize=size, style="italic", color="#555"
            )
            return
        low, high = int(high if pd.isna(low) else low), int(low if pd.isna(high) else high)
        if high > low:
            self.bars.setdefault(hatch, []).append((y, low, high, colour))
            ax.text(low - pad, y, _fmt(low), va="center", ha="right", fontsize=size)
            ax.text(high + pad, y, _fmt(high), va="center", ha="left", fontsize=size)
        else:
            self.points.setdefault(hatch, []).append((low, y, colour))
            ax.text(low + pad * 1.5, y, _fmt(low), va="center", ha="left", fontsize=size)
        self.top = max(self.top, high)

    def draw(self) -> None:
        for hatch, items in self.bars.items():
            ys, lows, highs, colours = zip(*items, strict=True)
            widths = [high - low for low, high in zip(lows, highs, strict=True)]
            self.ax.barh(ys, widths, left=lows, height=0.5, color=colours, hatch=hatch,
                         edgecolor="black", linewidth=1)  # fmt: skip
        for hatch, items in self.points.items():
            xs, ys, colours = zip(*items, strict=True)
            marker = "D" if hatch else "o"  # a hatched point also differs in shape
            self.ax.scatter(
                xs,
                ys,
                s=140,
                c=list(colours),
                edgecolors="black",
                zorder=3,
                hatch=hatch or None,
                marker=marker,
            )


def _range_axes(ax, labels: list, *, compact: bool, top: int, pad: float) -> None:
    """Row labels as y ticks, limits with room for the end labels, the x-axis caption."""
    fs = BASE_FONT_SIZE
    ax.set_yticks([y for y, _ in labels])
    ax.set_yticklabels([label for _, label in labels], fontsize=fs - 3 if compact else fs - 2)
    ax.set_ylim(-0.7, max(len(labels), 1) - 0.3)
    ax.set_xlim(-pad * 2 if top else 0, (top or 1) * 1.18 + pad)
    ax.set_xlabel("Number the source gives (a bar spans a range low–high)", fontsize=fs)
    ax.tick_params(axis="x", labelsize=fs - 2)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _note_hidden_rows(ax, hidden: int, more: int = 0) -> None:
    """One line under the axis instead of ``hidden`` rows without a figure and ``more`` rows
    beyond the chart's ``max_rows``."""
    left_out = [f"{hidden:,} rows with no figure given"] if hidden else []
    left_out += [f"{more:,} more rows (see the table)"] if more else []
    ax.text(
        0.0,
        -0.06 - 0.5 / max(ax.figure.get_size_inches()[1], 1),
        f"+ {' and '.join(left_out)}, not drawn",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=BASE_FONT_SIZE - 2,
        style="italic",
        color="#555555",
    )


def _unverified_legend(ax) -> None:
    """Say what the hatching means (meaning never rests on colour alone)."""
    key = Patch(
        facecolor="white", edgecolor="black", hatch="//", label="unverified: news article only"
    )
    ax.legend(handles=[key], loc="lower right", fontsize=BASE_FONT_SIZE - 3, frameon=False)


# --------------------------------------------------------------------------- role chart


def role_chart(ax, actors: pd.DataFrame, *, title: str | None = None):
    """Bar chart: how many actors the actors table records in each role (``mdr_data.actors()``).

    >>> from matplotlib.figure import Figure
    >>> import mdr_data
    >>> ax = role_chart(Figure().add_subplot(), mdr_data.actors())
    >>> ax.get_xlabel()
    'Number of actors'
    """
    import seaborn as sns  # only this static chart uses it; widget redraws stay on matplotlib

    fs = BASE_FONT_SIZE
    counts = actors["role"].astype(str).value_counts()
    order = [role for role in vocabulary.values("actors", "role") if role in counts.index]
    order += [role for role in counts.index if role not in order]  # roles a remixed copy added
    values = [int(counts[role]) for role in order]
    sns.barplot(
        x=values,
        y=order,
        hue=order,
        palette=[vocabulary.style("actors", "role", role)["colour"] for role in order],
        legend=False,
        orient="h",
        saturation=1,  # keep the Okabe–Ito colours as they are
        edgecolor="black",
        ax=ax,
    )
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for y, value in enumerate(values):
        ax.text(value + 0.05, y, str(value), va="center", fontsize=fs - 1)
    ax.set_xlabel("Number of actors", fontsize=fs)
    ax.tick_params(labelsize=fs - 1)
    ax.set_title(
        title or "Actors per role in the actors table (our classification, from the cited sources)",
        fontsize=fs + 1,
        loc="left",
        y=1.02,
    )
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


# --------------------------------------------------------------------------- network


def network_layout(actors: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Place actors on a circle, grouped by region (the vocabulary's order), in table order within.

    The layout depends only on the actors table, so it never jumps between redraws.

    >>> import pandas as pd
    >>> pos = network_layout(pd.DataFrame({"actor_id": ["A", "B"],
    ...                                    "region": ["Europe", "East Asia"]}))
    >>> [round(v, 2) for v in pos["A"]]
    [0.0, 1.0]
    """
    regions = actors["region"]
    order = (
        regions.cat.categories if hasattr(regions, "cat") else vocabulary.values("actors", "region")
    )
    region_rank = {region: i for i, region in enumerate(order)}
    ordered = sorted(
        enumerate(zip(actors["actor_id"], regions.astype(str), strict=True)),
        key=lambda item: (region_rank.get(item[1][1], len(region_rank)), item[0]),
    )
    n = max(len(ordered), 1)
    positions = {}
    for k, (_, (actor, _region)) in enumerate(ordered):
        angle = math.pi / 2 - 2 * math.pi * k / n
        positions[actor] = (math.cos(angle), math.sin(angle))
    return positions


def network(
    ax,
    edges: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    focus: str | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
    title: str | None = None,
    legend: bool = True,
    edge_colour: str | None = None,
    max_edges: int | None = None,
    data_dir=None,
):
    """Draw relationships between actors on a fixed circular layout (no networkx).

    Edges are coloured and dashed by kind, directed edges carry an arrow, parallel edges curve
    apart, and each multilateral format is shaded as a polygon with its name. Actors outside
    ``edges`` are drawn faded; ``focus`` (an actor id) is ringed. Nodes are coloured by role
    (:func:`role_handles` gives their legend). ``edge_colour`` draws every edge in that one
    colour (dashed by kind still), so that colour means one thing only: the actor's role.
    With more than ``max_edges`` relationships (a widget passes :data:`MAX_NETWORK_EDGES`),
    parallel ones that look the same (one pair, kind, direction) are drawn as one line, and a
    second title line says so: dozens of identical curves between two dots are unreadable.

    >>> from matplotlib.figure import Figure
    >>> import mdr_data
    >>> ax = network(Figure().add_subplot(), mdr_data.relationships(), mdr_data.actors())
    >>> ax.get_title(loc="left").startswith("Relationships")
    True
    """
    positions = positions if positions is not None else network_layout(actors)
    formats = _draw_formats(ax, edges, positions)
    lines = edges
    if max_edges is not None and len(edges) > max_edges:
        keys = {"from": edges["actor_from"], "to": edges["actor_to"], "kind": edges["kind"],
                "directed": edges["directed"].fillna(False).astype(bool),
                "multilateral": edges["multilateral_format"].notna()}  # fmt: skip
        lines = edges.loc[~pd.DataFrame(keys).duplicated()]
        merged = f"{len(edges):,} relationships drawn as {len(lines):,} lines"
        title = f"{title or 'Relationships'}\n({merged}: parallel ones of one kind merged)"
    _draw_edges(ax, lines, positions, data_dir, colour=edge_colour)
    _draw_nodes(ax, edges, actors, positions, focus, data_dir)
    _frame_network(ax, title)
    if legend:
        has_formats = bool(len(formats))
        _edge_legend(ax, edges, has_formats=has_formats, data_dir=data_dir, colour=edge_colour)
    return ax


#: A widget's network merges look-alike parallel edges beyond this many relationships.
MAX_NETWORK_EDGES = 150


def role_handles(actors: pd.DataFrame, data_dir=None) -> list[Line2D]:
    """Legend entries for the node colours of :func:`network`: one per role present.

    >>> import mdr_data
    >>> [h.get_label() for h in role_handles(mdr_data.actors(region="Europe"))]
    ['ally', 'competitor']
    """
    present = set(actors["role"].dropna().astype(str))
    return [
        Line2D(
            [0],
            [0],
            marker="o",
            linestyle="",
            markersize=12,
            markeredgecolor="black",
            markerfacecolor=vocabulary.style("actors", "role", role, data_dir)["colour"],
            label=role,
        )
        for role in vocabulary.values("actors", "role", data_dir)
        if role in present
    ]


def _draw_formats(ax, edges: pd.DataFrame, positions: dict) -> list[str]:
    """Shade each multilateral format as a polygon around its members, named at its centre."""
    formats = sorted(edges["multilateral_format"].dropna().unique())
    for k, name in enumerate(formats):
        part = edges[edges["multilateral_format"] == name]
        members = [
            a for a in dict.fromkeys([*part["actor_from"], *part["actor_to"]]) if a in positions
        ]
        if len(members) < 2:
            continue
        points = [positions[a] for a in members]
        cx = sum(p[0] for p in points) / len(points)
        cy = sum(p[1] for p in points) / len(points)
        points.sort(key=lambda p: math.atan2(p[1] - cy, p[0] - cx))
        ax.add_patch(Polygon(points, closed=True, zorder=0, **FORMAT_LOOK))
        ax.text(
            cx * 0.6,
            cy * 0.6 - 0.08 * k,
            name,
            ha="center",
            va="center",
            fontsize=BASE_FONT_SIZE - 3,
            style="italic",
            zorder=4,
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8, "linewidth": 0},
        )
    return formats


def _curvature(seen: dict, source: str, target: str) -> float:
    """Parallel edges between one pair curve apart: 0, +0.18, -0.18, +0.36, …"""
    pair = frozenset((source, target))
    index = seen.get(pair, 0)
    seen[pair] = index + 1
    return 0.0 if index == 0 else 0.18 * ((index + 1) // 2) * (1 if index % 2 else -1)


#: How far an edge stops short of a node's centre, in points (the dot's radius and a margin).
_NODE_GAP_POINTS = 14


def _shortened(start, end, gap: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """``start`` and ``end`` each moved ``gap`` (data units) towards the other.

    >>> _shortened((0.0, 0.0), (1.0, 0.0), 0.1)
    ((0.1, 0.0), (0.9, 0.0))
    """
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= 2 * gap:
        return (x0, y0), (x1, y1)
    dx, dy = (x1 - x0) / length * gap, (y1 - y0) / length * gap
    return (x0 + dx, y0 + dy), (x1 - dx, y1 - dy)


#: Edge widths in points, and the one-way arrow head (``-|>`` at mutation scale 22, as
#: FancyArrowPatch draws it): its length and half-width in points.
_ARROW = {"width": 2.5, "multilateral_width": 4.0, "head_length": 0.4 * 22, "head_width": 0.2 * 22}
_CURVE_CODES = [Path.MOVETO, Path.CURVE3, Path.CURVE3]
_HEAD_CODES = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]


def _points_per_unit(ax) -> tuple[float, float]:
    """How many points one data unit spans on ``ax``, across and up (limits of _frame_network)."""
    (x0, x1), (y0, y1) = _network_limits(ax)
    box = ax.get_position()
    width, height = ax.figure.get_size_inches()
    across, up = max(box.width * width, 1e-3), max(box.height * height, 1e-3)
    return across * 72 / (x1 - x0), up * 72 / (y1 - y0)


def _arrows(chords, rads, widths, directed, scale) -> tuple[np.ndarray, np.ndarray]:
    """Every edge's curve (n, 3, 2) and arrow head (n, 4, 2) in data units, all at once.

    The geometry of FancyArrowPatch's arc3 connection and ``-|>`` style, worked out in points:
    the control point sits off the chord's middle by ``rad`` times its length; a one-way
    curve ends at the head's tip, drawn back from the end by half the line's width so the
    stroke does not overshoot (checked against matplotlib's own in the tests).
    """
    k = np.asarray(scale, dtype=float)
    start, end = chords[:, 0] * k, chords[:, 1] * k
    d = end - start
    control = (start + end) / 2 + rads[:, None] * np.stack([d[:, 1], -d[:, 0]], axis=1)
    back = control - end
    length = np.hypot(back[:, 0], back[:, 1])
    back = back / np.where(length == 0, 1.0, length)[:, None]
    head = math.hypot(_ARROW["head_length"], _ARROW["head_width"])
    cos_t, sin_t = _ARROW["head_length"] / head, _ARROW["head_width"] / head
    tip = end + (0.5 * widths / sin_t)[:, None] * back
    bx, by = back[:, 0] * head, back[:, 1] * head
    left = np.stack([cos_t * bx + sin_t * by, -sin_t * bx + cos_t * by], axis=1)
    right = np.stack([cos_t * bx - sin_t * by, sin_t * bx + cos_t * by], axis=1)
    heads = np.stack([tip + left, tip, tip + right, np.zeros_like(tip)], axis=1)
    curves = np.stack([start, control, np.where(directed[:, None], tip, end)], axis=1)
    return curves / k, heads / k


def _compound(shapes: np.ndarray, codes: list) -> Path:
    """One Path of ``n`` shapes (n, len(codes), 2) that share their codes."""
    return Path(shapes.reshape(-1, 2), codes * len(shapes))


def _draw_edges(ax, edges: pd.DataFrame, positions: dict, data_dir=None, colour=None) -> None:
    """One curve per relationship, coloured (unless ``colour`` is given) and dashed by kind;
    one-way ones end in an arrow head. Edges that look alike share one patch (cheap to draw)."""
    looks = _looks("relationships", "kind", edges["kind"].astype(str), data_dir)
    rows = zip(
        edges["actor_from"],
        edges["actor_to"],
        edges["kind"].astype(str),
        edges["directed"].fillna(False),
        edges["multilateral_format"],
        strict=True,
    )
    scale = _points_per_unit(ax)
    # The ends stop short of the dots: moved in along the chord (no clipping at draw time).
    gap = _NODE_GAP_POINTS / scale[1]
    seen: dict[frozenset, int] = {}
    chords, rads, directed, keys = [], [], [], []
    for source, target, kind, one_way, fmt in rows:
        if source in positions and target in positions:
            chords.append(_shortened(positions[source], positions[target], gap))
            rads.append(_curvature(seen, source, target))
            directed.append(bool(one_way))
            width = _ARROW["multilateral_width" if isinstance(fmt, str) and fmt else "width"]
            keys.append((colour or looks[kind]["colour"], looks[kind]["linestyle"], width))
    if not keys:
        return
    widths, directed = np.array([key[2] for key in keys]), np.array(directed)
    curves, heads = _arrows(np.array(chords), np.array(rads), widths, directed, scale)
    for k, look in enumerate(dict.fromkeys(keys)):
        chosen = np.array([key == look for key in keys])
        style = {"color": look[0], "linestyle": look[1], "linewidth": look[2], "zorder": 2}
        # add_artist, not add_patch: no data limits to update (they are set explicitly).
        edge_path = _compound(curves[chosen], _CURVE_CODES)
        ax.add_artist(PathPatch(edge_path, fill=False, gid=f"{EDGE_GID}-{k}", **style))
        if (chosen & directed).any():
            head_path = _compound(heads[chosen & directed], _HEAD_CODES)
            ax.add_artist(PathPatch(head_path, gid=f"{HEAD_GID}-{k}", **style))


#: The ``gid`` prefix of the patches holding a network's edges, and of their arrow heads.
EDGE_GID, HEAD_GID = "network-edges", "network-heads"


def network_lines(ax, gid: str = EDGE_GID) -> int:
    """How many edges :func:`network` drew on ``ax`` as lines (``HEAD_GID``: arrow heads).

    >>> from matplotlib.figure import Figure
    >>> import mdr_data
    >>> edges = mdr_data.relationships()
    >>> network_lines(network(Figure().add_subplot(), edges, mdr_data.actors())) == len(edges)
    True
    """
    return sum(
        int((patch.get_path().codes == Path.MOVETO).sum())
        for patch in ax.patches
        if (patch.get_gid() or "").startswith(f"{gid}-")
    )


def _looks(table: str, column: str, values: Iterable[str], data_dir=None) -> dict[str, dict]:
    """The style of each distinct value (looked up once, not once per row)."""
    return {v: vocabulary.style(table, column, v, data_dir) for v in dict.fromkeys(values)}


def _draw_nodes(ax, edges, actors: pd.DataFrame, positions: dict, focus, data_dir=None) -> None:
    """Actors as dots coloured by role; actors outside ``edges`` faded, ``focus`` ringed."""
    involved = set(edges["actor_from"].unique()) | set(edges["actor_to"].unique())
    ids = [a for a in actors["actor_id"] if a in positions]
    roles = dict(zip(actors["actor_id"], actors["role"].astype(str), strict=True))
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    xs = [positions[a][0] for a in ids]
    ys = [positions[a][1] for a in ids]
    looks = _looks("actors", "role", roles.values(), data_dir)
    colours = [looks[roles[a]]["colour"] for a in ids]
    alphas = [1.0 if (a in involved or not len(edges)) else 0.25 for a in ids]
    ax.scatter(
        xs,
        ys,
        s=260,
        c=colours,
        edgecolors="black",
        linewidths=1,
        zorder=3,
        alpha=None if all(v == 1.0 for v in alphas) else alphas,
    )
    if focus in positions:
        x, y = positions[focus]
        ax.scatter([x], [y], s=700, facecolors="none", edgecolors="black", linewidths=2.5, zorder=3)
    for a, x, y, alpha in zip(ids, xs, ys, alphas, strict=True):
        ax.text(
            x * 1.13,
            y * 1.13,
            names.get(a, a),
            ha="left" if x > 0.15 else "right" if x < -0.15 else "center",
            va="bottom" if y > 0.5 else "top" if y < -0.5 else "center",
            fontsize=BASE_FONT_SIZE - 1,
            alpha=max(alpha, 0.45),
            zorder=4,
            fontweight="bold" if a == focus else "normal",
        )


def _network_limits(ax) -> tuple[tuple[float, float], tuple[float, float]]:
    """The network's x- and y-limits: equal scales (without set_aspect) once the x-limits are
    widened to the axes' width/height ratio."""
    box = ax.get_position()
    width, height = ax.figure.get_size_inches()
    ratio = (box.width * width) / (box.height * height) if box.height else 1.0
    half = 1.35 * max(ratio, 1.3)
    return (-half, half), (-1.35, 1.35)


def _frame_network(ax, title: str | None) -> None:
    """The network's limits (:func:`_network_limits`), no axes, and its title."""
    xlim, ylim = _network_limits(ax)
    ax.set_ylim(*ylim)
    ax.set_xlim(*xlim)
    ax.axis("off")
    ax.set_title(
        title or "Relationships between actors, as recorded in the course tables",
        fontsize=BASE_FONT_SIZE + 1,
        loc="left",
        y=1.02,
    )


def _edge_legend(ax, edges: pd.DataFrame, *, has_formats: bool, data_dir=None, colour=None) -> None:
    """Legend of the relationship kinds drawn, in vocabulary order (new kinds last)."""
    present = list(dict.fromkeys(edges["kind"].astype(str)))
    order = vocabulary.values("relationships", "kind", data_dir)
    kinds = [k for k in order if k in present] + [k for k in present if k not in order]
    handles = []
    for kind in kinds:
        look = vocabulary.style("relationships", "kind", kind, data_dir)
        handles.append(
            Line2D(
                [0],
                [0],
                color=colour or look["colour"],
                linestyle=look["linestyle"],
                lw=2.5,
                label=kind,
            )
        )
    if has_formats:
        handles.append(Patch(alpha=0.5, label="multilateral format", **FORMAT_LOOK))
    if handles:
        ax.legend(
            handles=handles,
            loc="center left",
            bbox_to_anchor=(1.0, 0.5),
            fontsize=BASE_FONT_SIZE - 4,
            frameon=False,
            title="arrow = one-way",
            title_fontsize=BASE_FONT_SIZE - 4,
        )
