"""Maps of the review's regional picture, drawn with plain matplotlib on shipped country shapes.

Countries are coloured by their role in the actors table (our classification), relationships are
arcs between countries, places (interceptor sites, radars, bases) are labelled markers, and an
offensive capability whose range the data records in kilometres can be drawn as a band from its
low to its high figure. The shapes are Natural Earth's 1:110m countries (public domain), shipped in
``mdr_data/geo`` by ``scripts/build_world_geometry.py``: nothing is downloaded.

Why not geopandas: the course environment stays as it is (geopandas, shapely, pyproj and pyogrio
add ~148 MB and ~120 ms of import; drawing these shapes is a PolyCollection away). Learners still
practise the real skill behind a choropleth, a join on ISO codes (:func:`countries`).

The projection is plate carrée (longitude and latitude as x and y) with the vertical scale
stretched by 1/cos of the region's middle latitude, so a region's shapes look right locally.
Actors without a country shape (alliances, groups of states, non-state groups) are never placed
at an invented point: the map lists them, with how many of their relationships are not drawn.

>>> from matplotlib.figure import Figure
>>> ax = Figure(figsize=(9, 5)).add_subplot()
>>> _ = region_map(ax, "Europe")
>>> ax.get_title(loc="left")
'Europe: roles, relationships and places in the course data'
>>> alt_text("Europe").startswith("Map of Europe.")
True
"""

from __future__ import annotations

import functools
import json
import math
import os
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import resources

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

import mdr_data
from mdr_data import tables, vocabulary
from mdr_data._memo import Memo
from mdr_data.tables import unknown_value_message

__all__ = [
    "REGIONS",
    "BaseMap",
    "MapSelection",
    "alt_text",
    "countries",
    "range_capabilities",
    "region_map",
    "select",
    "vocabulary_look",
]

DataDir = str | os.PathLike | None


def _regions() -> tuple[dict, dict]:
    """Each map region's extent and the theatres it shows, from the ``theatre`` vocabulary.

    A theatre with a ``map_extent`` in ``x-vocabularies`` is a region (named by its
    ``map_name``); the 'global' theatre's map is the whole world and shows every row.
    """
    extents, theatres = {}, {}
    order = vocabulary.values("capabilities", "theatre")
    world = [t for t in order if t == "global"]
    for theatre in world + [t for t in order if t != "global"]:
        look = vocabulary.style("capabilities", "theatre", theatre)
        if "map_extent" not in look:
            continue
        name = look.get("map_name", theatre)
        extents[name] = tuple(float(v) for v in look["map_extent"])
        theatres[name] = None if theatre == "global" else (theatre, "global")
    return extents, theatres


#: Extent of each region's map, (west, east, south, north) in degrees, and the rows (by their
#: ``theatre``) it shows (``None``: every row). Both come from the schema's theatre vocabulary.
REGIONS, REGION_THEATRES = _regions()
GEOMETRY_FILE = "countries-110m.json"
LAND, SEA, BORDER = "#e4e4e4", "#eef5fb", "#ffffff"
EARTH_RADIUS_KM = 6371.0
FONT = 12
#: Beyond this many relationships, parallel arcs of one pair and kind are drawn as one (issue 13:
#: a fan of identical curves is unreadable, and each costs the redraw).
MAX_ARCS = 150
#: At most this many place names are written on a map (markers are drawn for every place).
MAX_PLACE_NAMES = 60
#: A description lists at most this many items of one kind, then counts the rest.
MAX_LISTED = 100
#: Names and place markers are drawn at this z-order and above (over arcs and bands).
LABEL_ZORDER = 6


# --------------------------------------------------------------------------- vocabulary looks


def vocabulary_look(table: str, column: str, value: str, data_dir: DataDir = None) -> dict:
    """Colour, line style and marker of one vocabulary value (from :mod:`mdr_data.vocabulary`;
    ``data_dir``: a remixed copy's own vocabularies).

    >>> vocabulary_look("actors", "role", "ally")["colour"]
    '#56B4E9'
    """
    look = vocabulary.style(table, column, value, data_dir)
    return {"colour": look["colour"], "linestyle": look["linestyle"], "marker": look["marker"]}


# --------------------------------------------------------------------------- geometry


@functools.lru_cache(maxsize=1)
def _geometry() -> dict:
    text = resources.files("mdr_data.geo").joinpath(GEOMETRY_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _ring(flat: list[float]) -> np.ndarray:
    return np.asarray(flat, dtype=float).reshape(-1, 2)


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))) / 2


@functools.lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[str, ...], tuple[np.ndarray, ...]]:
    """Every country outline (largest first, so enclosed countries draw on top) and its key.

    A ring reaching past 180° (Russia, Fiji) is added a second time shifted by -360°. Holes are
    not drawn: the countries inside them are drawn over their neighbour instead.
    """
    document = _geometry()
    items = []
    for group in ("countries", "other_areas"):
        for key, country in document[group].items():
            for polygon in country["polygons"]:
                ring = _ring(polygon[0])
                items.append((key, ring))
                if ring[:, 0].max() > 180:
                    items.append((key, ring - np.array([360.0, 0.0])))
    items.sort(key=lambda item: -_area(item[1]))
    keys, rings = zip(*items, strict=True)
    return keys, rings


@functools.lru_cache(maxsize=16)
def _outlines_in(extent: tuple[float, float, float, float]) -> tuple[tuple, tuple]:
    """The outlines (and keys) whose bounding box meets ``extent``: those a region draws.

    Drawing only these makes a region's first picture ~6 ms faster (a third of the shapes).
    """
    keys, rings = _outlines()
    west, east, south, north = extent
    shown = [
        index
        for index, ring in enumerate(rings)
        if ring[:, 0].max() >= west and ring[:, 0].min() <= east
        and ring[:, 1].max() >= south and ring[:, 1].min() <= north
    ]  # fmt: skip
    return tuple(keys[i] for i in shown), tuple(rings[i] for i in shown)


def countries() -> pd.DataFrame:
    """One row per country shape: ``iso3``, ``name`` and a label point (``lon``, ``lat``).

    Join your own table to it on ISO 3166 alpha-3 codes, then colour the map with
    :meth:`BaseMap.colour`.

    >>> table = countries()
    >>> table.loc[table["iso3"] == "ROU", "name"].item()
    'Romania'
    >>> len(table) > 170
    True
    """
    rows = [
        (iso3, country["name"], country["label"][0], country["label"][1])
        for iso3, country in _geometry()["countries"].items()
    ]
    return pd.DataFrame(rows, columns=["iso3", "name", "lon", "lat"]).astype(
        {"iso3": "string", "name": "string"}
    )


def _label_points() -> dict[str, tuple[float, float]]:
    return {iso3: tuple(c["label"]) for iso3, c in _geometry()["countries"].items()}


def circle(lon: float, lat: float, km: float, points: int = 181) -> np.ndarray:
    """The points ``km`` from (lon, lat) on a sphere, as a ring in plate carrée coordinates.

    Longitudes are kept continuous (a ring may pass 180°); a ring around a pole is closed along
    the pole, so it fills the right side of the map.

    >>> ring = circle(0.0, 0.0, 1000.0)
    >>> round(float(ring[:, 1].max()), 1)  # 1000 km north of the equator is about 9 degrees
    9.0
    """
    d = km / EARTH_RADIUS_KM
    phi, lam = math.radians(lat), math.radians(lon)
    bearing = np.linspace(0, 2 * math.pi, points)
    sin_phi2 = math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * np.cos(bearing)
    phi2 = np.arcsin(np.clip(sin_phi2, -1, 1))
    lam2 = lam + np.arctan2(
        np.sin(bearing) * math.sin(d) * math.cos(phi), math.cos(d) - math.sin(phi) * sin_phi2
    )
    lons = np.degrees(np.unwrap(lam2))
    lats = np.degrees(phi2)
    ring = np.column_stack([lons, lats])
    if abs(lons[-1] - lons[0]) > 180:  # the ring goes round a pole
        pole = 90.0 if lat > 0 else -90.0
        ring = np.vstack([ring, [[lons[-1], pole], [lons[0], pole], ring[:1][0]]])
    return ring


def arc(start, end, rad: float, points: int = 24) -> np.ndarray:
    """A curved line from ``start`` to ``end`` (lon, lat), bent sideways by ``rad`` × length.

    >>> arc((0, 0), (10, 0), 0.2, points=3).round(1).tolist()
    [[0.0, 0.0], [5.0, 2.0], [10.0, 0.0]]
    """
    p0, p2 = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    middle, delta = (p0 + p2) / 2, p2 - p0
    control = middle + 2 * rad * np.array([-delta[1], delta[0]])
    t = np.linspace(0, 1, points)[:, None]
    return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * control + t**2 * p2


# --------------------------------------------------------------------------- what a map shows


@dataclass
class MapSelection:
    """What one map shows; built by :func:`select`, drawn by :class:`BaseMap`."""

    region: str
    kind: str | None
    capability: str | None
    actors: pd.DataFrame
    points: dict[str, tuple[float, float]]
    off_map: pd.DataFrame
    relationships: pd.DataFrame
    hidden_relationships: int
    places: pd.DataFrame
    rings: list[dict] = field(default_factory=list)
    #: The remixed copy the rows come from (None: the shipped data); its vocabularies' looks.
    data_dir: str | None = None

    def look(self, table: str, column: str, value: str) -> dict:
        """Colour, line style and marker of a vocabulary value, in this data's vocabularies."""
        return vocabulary_look(table, column, value, self.data_dir)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return REGIONS[self.region]

    @property
    def key(self) -> tuple:
        """What the picture depends on (for a picture cache)."""
        return (self.region, self.kind, self.capability)


def _check_choice(what: str, value: object, choices) -> None:
    choices = list(choices)
    if value not in choices:
        raise ValueError(unknown_value_message(what, value, choices))


def range_capabilities(*, data_dir: DataDir = None) -> pd.DataFrame:
    """Offensive capabilities whose figure is a range in kilometres (those a map can draw).

    >>> set(range_capabilities()["unit"].astype(str)) <= {"kilometres"}
    True
    """
    caps = mdr_data.capabilities(data_dir=data_dir)
    mask = (caps["unit"].astype("string") == "kilometres") & (
        caps["purpose"].astype("string") == "offensive"
    )
    mask &= caps["count_low"].notna() | caps["count_high"].notna()
    return caps.loc[mask.fillna(False)].reset_index(drop=True)


def _in_theatre(frame: pd.DataFrame, region: str) -> pd.Series:
    theatres = REGION_THEATRES[region]
    if theatres is None:
        return pd.Series(True, index=frame.index)
    return frame["theatre"].astype("string").isin(theatres).fillna(False)


def _places(region: str, data_dir: DataDir) -> pd.DataFrame:
    places = mdr_data.load("places", data_dir=data_dir)
    west, east, south, north = REGIONS[region]
    lon, lat = places["longitude"].astype(float), places["latitude"].astype(float)
    inside = lon.between(west, east) & lat.between(south, north)
    return places.loc[inside].reset_index(drop=True)


def _ring_rows(capability: str | None, points, data_dir: DataDir) -> list[dict]:
    if capability is None:
        return []
    caps = _selections.get(
        ("ranges", *_version(data_dir)), lambda: range_capabilities(data_dir=data_dir)
    )
    _check_choice("capability with a range in kilometres", capability, caps["capability_id"])
    row = caps.loc[caps["capability_id"] == capability].iloc[0]
    places = _selections.get(
        ("places", *_version(data_dir)),
        lambda: mdr_data.load("places", data_dir=data_dir).set_index("place_id"),
    )
    if isinstance(row["place_id"], str) and row["place_id"] in places.index:
        place = places.loc[row["place_id"]]
        centre, where = (float(place["longitude"]), float(place["latitude"])), place["name"]
    elif row["actor_id"] in points:
        centre, where = points[row["actor_id"]], "the middle of the country"
    else:
        return []
    low = row["count_low"] if pd.notna(row["count_low"]) else row["count_high"]
    high = row["count_high"] if pd.notna(row["count_high"]) else low
    system = row["system"] if isinstance(row["system"], str) and row["system"] else ""
    return [
        {
            "capability_id": capability,
            "actor_id": row["actor_id"],
            "label": system or str(row["category"]),
            "centre": centre,
            "from": where,
            "low": int(low),
            "high": int(high),
            "source_id": row["source_id"],
            "confidence": str(row["confidence"]),
        }
    ]


def select(
    region: str = "World",
    *,
    kind: str | None = None,
    capability: str | None = None,
    data_dir: DataDir = None,
) -> MapSelection:
    """Choose what a map of ``region`` shows: relationships of ``kind`` (all if None) in the
    region's theatre, the places inside its extent, and the range band of ``capability``.

    >>> chosen = select("Indo-Pacific", kind="treaty alliance")
    >>> sorted(set(chosen.relationships["actor_to"]))
    ['AUS', 'JPN', 'KOR']
    >>> select("Europa")
    Traceback (most recent call last):
    ...
    ValueError: unknown region 'Europa': did you mean 'Europe'?
    """
    _check_choice("region", region, REGIONS)
    version = _version(data_dir)
    chosen = _selections.get(
        ("relationships", region, kind, *version), lambda: _select(region, kind, data_dir)
    )
    if capability is None:
        return chosen
    rings = _selections.get(
        ("rings", capability, *version), lambda: _ring_rows(capability, chosen.points, data_dir)
    )
    return replace(chosen, capability=capability, rings=rings)


#: Selections and range bands already made, by what they depend on and the data version: a
#: capability change reuses its region's selection (the frames they hold are read-only); a
#: remixed copy whose files change gets new keys.
_selections = Memo(size=128)


def _version(data_dir: DataDir) -> tuple:
    return (tables.data_version(data_dir), str(data_dir))


def _select(region: str, kind, data_dir: DataDir) -> MapSelection:
    actors = mdr_data.actors(data_dir=data_dir)
    edges = mdr_data.relationships(data_dir=data_dir)
    if kind is not None:
        _check_choice("relationship kind", kind, list(edges["kind"].cat.categories))
    labels = _label_points()
    iso3 = actors["iso3"].astype("string")
    has_shape = iso3.isin(list(labels)).fillna(False)
    points = {
        a: labels[i] for a, i in zip(actors["actor_id"][has_shape], iso3[has_shape], strict=True)
    }
    edges = edges.loc[_in_theatre(edges, region)]
    if kind is not None:
        edges = edges.loc[edges["kind"].astype("string") == kind]
    drawable = edges["actor_from"].isin(list(points)) & edges["actor_to"].isin(list(points))
    return MapSelection(
        region=region,
        kind=kind,
        capability=None,
        actors=actors,
        points=points,
        off_map=actors.loc[~has_shape].reset_index(drop=True),
        relationships=edges.loc[drawable].reset_index(drop=True),
        hidden_relationships=int((~drawable).sum()),
        places=_places(region, data_dir),
        data_dir=None if data_dir is None else os.fspath(data_dir),
    )


def _names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def _listing(items: list[str]) -> str:
    if len(items) > MAX_LISTED:
        items = [*items[:MAX_LISTED], f"and {len(items) - MAX_LISTED:,} more"]
    return ", ".join(items) if items else "none"


def alt_text(
    region: str = "World",
    *,
    kind: str | None = None,
    capability: str | None = None,
    data_dir: DataDir = None,
    selection: MapSelection | None = None,
) -> str:
    """A text description of the map (for screen readers and the alt attribute).

    >>> text = alt_text("Indo-Pacific", kind="treaty alliance")
    >>> text.split(". ")[0]
    'Map of the Indo-Pacific'
    >>> "United States–Japan (treaty alliance)" in text
    True
    """
    chosen = selection or select(region, kind=kind, capability=capability, data_dir=data_dir)
    names = _names(chosen.actors)
    where = "the world" if chosen.region == "World" else chosen.region
    where = f"the {where}" if chosen.region == "Indo-Pacific" else where
    parts = [f"Map of {where}"]
    roles: dict[str, list[str]] = {}
    west, east, south, north = chosen.extent
    inside = {a for a, (x, y) in chosen.points.items() if west <= x <= east and south <= y <= north}
    for actor, role in zip(
        chosen.actors["actor_id"], chosen.actors["role"].astype(str), strict=True
    ):
        if actor in inside:
            roles.setdefault(role, []).append(names[actor])
    parts.append(
        "Countries coloured by their role in the course's actors table (our classification): "
        + "; ".join(f"{role}: {_listing(who)}" for role, who in roles.items())
    )
    arcs = [
        f"{names[a]}–{names[b]} ({k})"
        for a, b, k in zip(
            chosen.relationships["actor_from"],
            chosen.relationships["actor_to"],
            chosen.relationships["kind"].astype(str),
            strict=True,
        )
    ]
    parts.append(f"{len(arcs)} relationships drawn as arcs: {_listing(arcs)}")
    sites = [
        f"{n} ({names.get(a, a)})"
        for n, a in zip(*_cols(chosen.places, "name", "actor_id"), strict=True)
    ]
    parts.append(f"Places marked: {_listing(sites)}")
    for ring in chosen.rings:
        parts.append(
            f"Range band of {names.get(ring['actor_id'], ring['actor_id'])}'s {ring['label']}: "
            f"{ring['low']:,}–{ring['high']:,} km from {ring['from']}"
        )
    off = [f"{n} ({k})" for n, k in zip(*_cols(chosen.off_map, "name", "kind"), strict=True)]
    parts.append(
        f"Not on the map, having no country shape: {_listing(off)}; "
        f"{chosen.hidden_relationships} of this region's relationships involve them and are "
        "not drawn"
    )
    return ". ".join(parts) + "."


def _cols(frame: pd.DataFrame, *columns: str) -> list[list]:
    return [frame[c].astype(str).tolist() for c in columns]


# --------------------------------------------------------------------------- drawing


class _CachedRendering:
    """How a :class:`BaseMap` redraws fast: countries and labels kept as pixels (issue 13)."""

    ax: object
    shapes: PolyCollection
    _overlay: list
    _labels: list
    _backgrounds: Memo
    _label_layers: Memo
    #: False inside :meth:`layers_not_kept`.
    keep_layers: bool = True

    def render(self) -> None:
        """Draw the figure on its Agg canvas: what ``canvas.draw()`` draws, made faster.

        The country shapes (most of a full draw) are rasterised once per extent, colours, size
        and dpi, the names and place markers (their text is the rest) once per region, on a
        transparent layer; a redraw pastes both and draws only the arcs, bands and titles.
        """
        canvas = self.ax.figure.canvas
        # The box of an Axes with an aspect is set when it is drawn: pasting a region's saved
        # countries after another region was drawn in full must still place arcs in this box.
        self.ax.apply_aspect()
        canvas.restore_region(self._layer(self._backgrounds, _background_key(self), _bare_pixels))
        labels = {id(a) for a in self._labels}
        rest = [a for a in self._overlay if id(a) not in labels] + self._titles()
        rest.sort(key=lambda a: a.get_zorder())
        for artist in (a for a in rest if a.get_zorder() < LABEL_ZORDER):
            self.ax.draw_artist(artist)
        if self._labels:
            x, y, layer = self._layer(self._label_layers, _label_key(self), _label_pixels)
            renderer = canvas.get_renderer()
            gc = renderer.new_gc()
            renderer.draw_image(gc, x, y, layer)
            gc.restore()
        for artist in (a for a in rest if a.get_zorder() >= LABEL_ZORDER):
            self.ax.draw_artist(artist)

    def _layer(self, kept: Memo, key: tuple, draw: Callable) -> object:
        if self.keep_layers or key in kept:
            return kept.get(key, lambda: draw(self))
        return draw(self)

    @contextmanager
    def layers_not_kept(self) -> Iterator[None]:
        """Render without keeping new layers: for a picture drawn before anyone looks at it
        (a prefetch), so a kernel holds the layers of the regions its student visited only."""
        self.keep_layers = False
        try:
            yield
        finally:
            self.keep_layers = True

    def _titles(self) -> list:
        return [self.ax.title, self.ax._left_title, self.ax._right_title]

    def _add_label(self, artist):
        """Put a name or place marker on the overlay (drawn once per region: :meth:`render`)."""
        self._labels.append(artist)
        self._overlay.append(artist)
        return artist


def _background_key(base: BaseMap) -> tuple:
    figure, ax = base.ax.figure, base.ax
    return (
        ax.get_xlim(), ax.get_ylim(), base.shapes.get_facecolor().tobytes(),
        figure.dpi, tuple(figure.get_size_inches()),
    )  # fmt: skip


def _bare_pixels(base: BaseMap):
    """The figure drawn without overlay or titles: the saved pixels of the countries."""
    canvas = base.ax.figure.canvas
    shown = [a for a in base._overlay + base._titles() if a.get_visible()]
    for artist in shown:
        artist.set_visible(False)
    try:
        canvas.draw()
    finally:
        for artist in shown:
            artist.set_visible(True)
    return canvas.copy_from_bbox(base.ax.figure.bbox)


def _label_key(base: BaseMap) -> tuple:
    xlim, ylim, _colours, dpi, size = _background_key(base)  # the labels lie on any colours
    key: list = [xlim, ylim, dpi, size]
    for artist in base._labels:
        if isinstance(artist, Line2D):
            key.append((artist.get_marker(), artist.get_xydata().tobytes()))
        else:
            key.append((artist.get_text(), artist.get_position(), artist.get_fontsize()))
    return tuple(key)


def _label_pixels(base: BaseMap) -> tuple[int, int, np.ndarray]:
    """The names and place markers alone, drawn on a transparent image of the figure.

    Returns the box that holds them (about a third of the figure: ~2% of the pixels are text
    or markers, spread over the map) with its offset from the bottom left.
    """
    from matplotlib.backends.backend_agg import RendererAgg

    figure = base.ax.figure
    width, height = figure.canvas.get_width_height(physical=True)
    renderer = RendererAgg(width, height, figure.dpi)
    for artist in sorted(base._labels, key=lambda a: a.get_zorder()):
        artist.draw(renderer)
    pixels = np.asarray(renderer.buffer_rgba())[::-1]  # bottom row first, as draw_image takes it
    drawn = pixels[..., 3] > 0
    rows, columns = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    if not len(rows):
        return 0, 0, pixels[:1, :1].copy()
    bottom, top, left, right = rows[0], rows[-1] + 1, columns[0], columns[-1] + 1
    return int(left), int(bottom), pixels[bottom:top, left:right].copy()


class BaseMap(_CachedRendering):
    """The country shapes on one Axes, drawn once; :meth:`draw` changes only what sits on them.

    The shapes are one PolyCollection added when the BaseMap is made. A redraw recolours it
    (one array of colours) and replaces the overlay (arcs, markers, labels, bands, legend); a
    region keeps only the outlines that reach into it (made once per region, then reused).

    >>> from matplotlib.figure import Figure
    >>> base = BaseMap(Figure(figsize=(9, 5)).add_subplot())
    >>> base.colour({"ROU": "#E69F00"}, extent=REGIONS["Europe"])
    >>> [float(x) for x in base.ax.get_xlim()]
    [-12.0, 48.0]
    """

    def __init__(self, ax) -> None:
        self.ax = ax
        self.keys, rings = _outlines_in(REGIONS["World"])
        self.shapes = PolyCollection(
            rings, facecolors=LAND, edgecolors=BORDER, linewidths=0.5, zorder=1
        )
        ax.add_collection(self.shapes, autolim=False)
        self._overlay: list = []
        self._labels: list = []  # the overlay's names and place markers
        # Saved pixels (see render), up to one per region visited: countries ~1.6 MB at
        # 800 × 500 pixels, names and markers ~0.5 MB (cropped to what is drawn).
        self._backgrounds = Memo(size=len(REGIONS))
        self._label_layers = Memo(size=len(REGIONS))
        ax.set_facecolor(SEA)
        ax.set_xticks([])
        ax.set_yticks([])

    def colour(self, colours: dict[str, str], *, extent=REGIONS["World"]) -> None:
        """Fill the countries named in ``colours`` (ISO alpha-3 → colour), others plain land.

        Also zooms to ``extent`` (west, east, south, north) and clears the overlay.
        """
        _zoom(self, extent)
        self.shapes.set_facecolor([colours.get(key, LAND) for key in self.keys])
        self._clear_overlay()

    def _clear_overlay(self) -> None:
        for artist in self._overlay:
            artist.remove()
        self._overlay = []
        self._labels = []
        if self.ax.get_legend() is not None:
            self.ax.get_legend().remove()

    def _add(self, artist):
        self._overlay.append(artist)
        return artist

    def draw(
        self,
        chosen: MapSelection,
        *,
        title: str | None = None,
        legend: bool = True,
        off_map_note: bool = True,
    ):
        """Draw one selection: role colours, arcs, places, range bands, the off-map list.

        ``legend`` and ``off_map_note`` False leave the key and the list of actors without a
        shape to the caller (the map widget shows them as HTML: text is costly in a PNG).
        """
        roles = dict(zip(chosen.actors["actor_id"], chosen.actors["role"].astype(str), strict=True))
        self.colour(_role_colours(chosen, roles), extent=chosen.extent)
        _draw_rings(self, chosen)
        arcs = _draw_arcs(self, chosen)
        _draw_names(self, chosen)
        _draw_places(self, chosen)
        if off_map_note:
            _draw_off_map(self, chosen)
        # y fixed at the top of the box: matplotlib would place the title when the figure is
        # drawn in full, and render draws the countries' figure with the titles hidden.
        title = _map_title(chosen, title, arcs)
        self.ax.set_title(title, loc="left", fontsize=FONT + 2, y=1.0)
        if legend:
            _legend(self, chosen, roles)
        return self.ax


def _zoom(base: BaseMap, extent) -> None:
    """Show ``extent``: keep the outlines reaching into it, set the limits and the aspect."""
    keys, rings = _outlines_in(tuple(float(v) for v in extent))
    if keys is not base.keys:
        base.keys = keys
        base.shapes.set_verts(rings)
    west, east, south, north = extent
    base.ax.set_xlim(west, east)
    base.ax.set_ylim(south, north)
    base.ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))


# --------------------------------------------------------------------------- map layers
# What BaseMap.draw puts on the country shapes, one layer per function.


def _role_colours(chosen: MapSelection, roles: dict[str, str]) -> dict[str, str]:
    """ISO alpha-3 code -> the colour of its actor's role, for the actors drawn as countries."""
    iso3 = dict(zip(chosen.actors["actor_id"], chosen.actors["iso3"].astype("string"), strict=True))
    colours = {r: chosen.look("actors", "role", r)["colour"] for r in set(roles.values())}
    return {iso3[a]: colours[roles[a]] for a in chosen.points}


def _map_title(chosen: MapSelection, title: str | None, arcs: int) -> str:
    """The given title, or one naming the region and kind; says when parallel arcs merged."""
    if title is None:
        what = f"{chosen.kind} relationships" if chosen.kind else "relationships"
        title = f"{chosen.region}: roles, {what} and places in the course data"
    if arcs < len(chosen.relationships):
        merged = f"{len(chosen.relationships):,} relationships drawn as {arcs:,} arcs"
        title = f"{title}\n({merged}: parallel ones of one kind merged)"
    return title


def _ends(base: BaseMap, chosen: MapSelection, start, end) -> tuple[tuple, tuple]:
    """An arc's ends: on a regional map, the shorter way round, nearest the region."""
    if chosen.region == "World":
        return start, end
    lon = min((end[0] - 360, end[0], end[0] + 360), key=lambda x: abs(x - start[0]))
    west, east, _, _ = chosen.extent
    middle = (west + east) / 2 - (start[0] + lon) / 2
    shift = 360.0 * round(middle / 360.0)
    return (start[0] + shift, start[1]), (lon + shift, end[1])


def _draw_arcs(base: BaseMap, chosen: MapSelection) -> int:
    """One LineCollection per look (64 FancyArrowPatches cost ~100 ms per PNG; this ~5 ms).
    Returns how many arcs were drawn (fewer than the relationships beyond :data:`MAX_ARCS`).
    """
    seen: dict[frozenset, int] = {}
    groups: dict[tuple[str, str], list[np.ndarray]] = {}
    edges = chosen.relationships
    if len(edges) > MAX_ARCS:
        pairs = pd.concat([edges["actor_from"], edges["actor_to"], edges["kind"]], axis=1)
        edges = edges.loc[~pairs.duplicated()]
    # One look per kind (a remixed copy's schema is read for each).
    looks = {k: chosen.look("relationships", "kind", k) for k in set(edges["kind"].astype(str))}
    for source, target, kind in zip(
        edges["actor_from"], edges["actor_to"], edges["kind"].astype(str), strict=True
    ):
        pair = frozenset((source, target))
        index = seen[pair] = seen.get(pair, -1) + 1
        start, end = _ends(base, chosen, chosen.points[source], chosen.points[target])
        rad = (0.25 + 0.12 * (index // 2)) * (1 if index % 2 == 0 else -1)
        look = looks[kind]
        groups.setdefault((look["colour"], look["linestyle"]), []).append(arc(start, end, rad))
    for (colour, linestyle), curves in groups.items():
        base._add(
            base.ax.add_collection(
                LineCollection(
                    curves, colors=colour, linestyles=linestyle, linewidths=2.2, zorder=4
                ),
                autolim=False,
            )
        )
    return len(edges)


def _draw_names(base: BaseMap, chosen: MapSelection) -> None:
    if chosen.region == "World":  # too many to read at this scale; the alt text has them
        return
    west, east, south, north = chosen.extent
    names = _names(chosen.actors)
    named: set[tuple[float, float]] = set()  # one name per spot (actors sharing a country)
    for actor, (lon, lat) in chosen.points.items():
        if west <= lon <= east and south <= lat <= north and (lon, lat) not in named:
            named.add((lon, lat))
            base._add_label(
                base.ax.text(
                    lon, lat, names[actor], ha="center", va="center", fontsize=FONT - 2,
                    zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7,
                          "linewidth": 0},
                )
            )  # fmt: skip


def _draw_places(base: BaseMap, chosen: MapSelection) -> None:
    places = chosen.places
    kinds = places["kind"].astype(str).to_numpy()
    lons, lats = places["longitude"].to_numpy(float), places["latitude"].to_numpy(float)
    for kind in sorted(set(kinds)):
        # One Line2D of markers per kind: as drawn as a scatter (area 70 pt²), made in a tenth of
        # the time (ax.scatter sets up a collection and its data limits on every redraw).
        base._add_label(
            base.ax.add_line(
                Line2D(
                    lons[kinds == kind], lats[kinds == kind], linestyle="none",
                    marker=chosen.look("places", "kind", kind)["marker"],
                    markersize=math.sqrt(70), markerfacecolor="black",
                    markeredgecolor="white", markeredgewidth=1.2, zorder=7,
                )
            )
        )  # fmt: skip
    # Short names (up to the first bracket or comma) as plain Text: long names and
    # Annotations cost ~5 ms each per PNG. One name per spot, and at most MAX_PLACE_NAMES.
    labels = dict.fromkeys(
        (short_name(name), float(lon), float(lat))
        for name, lon, lat in zip(
            places["name"].astype(str), places["longitude"], places["latitude"], strict=True
        )
    )
    if len(labels) > MAX_PLACE_NAMES:
        base._add_label(
            base.ax.text(
                0.01, 0.01, f"{len(labels) - MAX_PLACE_NAMES:,} more places marked, not named",
                transform=base.ax.transAxes, fontsize=FONT - 3, style="italic", zorder=8,
            )
        )  # fmt: skip
    for name, lon, lat in list(labels)[:MAX_PLACE_NAMES]:
        base._add_label(
            base.ax.text(
                lon, lat, "  " + name, fontsize=FONT - 3,
                ha="left", va="center", zorder=7,
            )
        )  # fmt: skip


def _draw_rings(base: BaseMap, chosen: MapSelection) -> None:
    for ring in chosen.rings:
        colour = chosen.look("actors", "role", _role(chosen, ring["actor_id"]))["colour"]
        outer = circle(*ring["centre"], ring["high"])
        if ring["low"] < ring["high"]:
            inner = circle(*ring["centre"], ring["low"])[::-1]
            path = Path.make_compound_path(Path(outer, closed=False), Path(inner))
        else:
            path = Path(outer)
        hatch = "//" if ring["confidence"] == "unverified" else None
        for shift in (0.0, -360.0, 360.0):
            base._add(
                # add_artist, not add_patch: the limits are set; updating them from each
                # band's path cost more than drawing it
                base.ax.add_artist(
                    PathPatch(
                        path.transformed(_shift(shift)), facecolor=colour, alpha=0.25,
                        edgecolor=colour, linewidth=1.5, hatch=hatch, zorder=2,
                    )
                )
            )  # fmt: skip


def _draw_off_map(base: BaseMap, chosen: MapSelection) -> None:
    if chosen.off_map.empty:
        return
    names = ", ".join(chosen.off_map["name"].astype(str))
    text = f"No country shape, not drawn: {names}"
    if chosen.hidden_relationships:
        text += f" ({chosen.hidden_relationships} relationships with them not shown)"
    # Wrapped here, not by matplotlib's wrap=True (which costs ~80 ms per PNG).
    text = textwrap.fill(text, width=90)
    base._add(
        base.ax.text(
            0.01, 0.01, text, transform=base.ax.transAxes, ha="left", va="bottom",
            fontsize=FONT - 4, style="italic", zorder=8,
            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.85, "linewidth": 0},
        )
    )  # fmt: skip


def _legend(base: BaseMap, chosen: MapSelection, roles: dict[str, str]) -> None:
    shown_roles = {roles[a] for a in chosen.points}
    order = list(chosen.actors["role"].cat.categories)
    handles = [
        Patch(facecolor=chosen.look("actors", "role", r)["colour"], label=r,
              edgecolor="black", linewidth=0.5)
        for r in order if r in shown_roles
    ]  # fmt: skip
    for kind in dict.fromkeys(chosen.relationships["kind"].astype(str)):
        look = chosen.look("relationships", "kind", kind)
        handles.append(
            Line2D([0], [0], color=look["colour"], linestyle=look["linestyle"], lw=2.2,
                   label=kind)
        )  # fmt: skip
    for kind in sorted(set(chosen.places["kind"].astype(str))):
        handles.append(
            Line2D([0], [0], marker=chosen.look("places", "kind", kind)["marker"],
                   color="black", lw=0,
                   markersize=8, label=kind)
        )  # fmt: skip
    for ring in chosen.rings:
        handles.append(
            Patch(facecolor="grey", alpha=0.4, label=f"{ring['label']}: "
                  f"{ring['low']:,}–{ring['high']:,} km")
        )  # fmt: skip
    base.ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=FONT - 3,
        frameon=False, title="Role · relationship · place", title_fontsize=FONT - 3,
    )  # fmt: skip


def short_name(name: str) -> str:
    """A place's name up to its first bracket or comma, for labels on the map.

    >>> short_name("Fort Greely, Alaska"), short_name("Rota (Naval Station Rota)")
    ('Fort Greely', 'Rota')
    """
    return name.split(" (")[0].split(",")[0]


def _role(chosen: MapSelection, actor: str) -> str:
    match = chosen.actors.loc[chosen.actors["actor_id"] == actor, "role"]
    return str(match.iloc[0]) if len(match) else "other"


def _shift(dx: float):
    from matplotlib.transforms import Affine2D

    return Affine2D().translate(dx, 0)


def region_map(
    ax,
    region: str = "World",
    *,
    kind: str | None = None,
    capability: str | None = None,
    data_dir: DataDir = None,
    title: str | None = None,
):
    """Draw the map of ``region`` on ``ax`` (see :func:`select` for what it shows); return ax.

    >>> from matplotlib.figure import Figure
    >>> ax = region_map(Figure(figsize=(9, 5)).add_subplot(), "Middle East")
    >>> [float(x) for x in ax.get_xlim()]
    [24.0, 66.0]
    """
    chosen = select(region, kind=kind, capability=capability, data_dir=data_dir)
    return BaseMap(ax).draw(chosen, title=title)
