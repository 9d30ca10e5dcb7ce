"""The regional picture on a map: choose a region, a kind of relationship and a missile's range.

Countries are coloured by their role in the actors table, relationships are arcs, places are
labelled markers, and an offensive capability whose range the data records in kilometres is a
band from its low to its high figure (see :mod:`mdr_data.maps`). The country shapes are drawn
once per region; a change redraws only what sits on them, a selection already seen reuses its
picture, and while the student looks at a map the kernel draws the other regions' maps
(:mod:`mdr_data.widgets._idle`), so a change of region is mostly a picture already made. The
key is HTML beside the map, and a text description (the map's alt text) sits under it.

>>> from mdr_data.widgets.map_explorer import map_explorer
>>> tool = map_explorer(region="Europe")
>>> tool.alt.startswith("Map of Europe.")
True
>>> tool.region.value = "Indo-Pacific"; tool.title.startswith("Indo-Pacific")
True
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

import mdr_data
from mdr_data import maps
from mdr_data.tables import unknown_value_message
from mdr_data.widgets._base import FigurePanel, Tool, add_classes, labelled
from mdr_data.widgets._idle import IdleWork

__all__ = ["ALL_KINDS", "NO_CAPABILITY", "MapExplorer", "map_explorer"]

ALL_KINDS = ""
NO_CAPABILITY = ""


def _swatch(colour: str, *, line: str | None = None, marker: str | None = None) -> str:
    if line is not None:
        dash = {"-": "", "--": "8,4", ":": "2,4", "-.": "8,3,2,3"}.get(line, "")
        return (
            f'<svg width="36" height="12" aria-hidden="true"><line x1="0" y1="6" x2="36" y2="6" '
            f'stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/></svg>'
        )
    if marker is not None:
        return f'<span aria-hidden="true" style="display:inline-block;width:36px">{marker}</span>'
    return (
        f'<svg width="36" height="12" aria-hidden="true"><rect width="36" height="12" '
        f'fill="{colour}" stroke="black" stroke-width="0.5"/></svg>'
    )


_MARKER_GLYPHS = {"^": "▲", "D": "◆", "s": "■", "P": "✚", "*": "★", "v": "▼"}


def legend_html(chosen: maps.MapSelection) -> str:
    """The map's key as HTML: roles shown, relationship kinds drawn, kinds of place, bands.

    >>> "ally" in legend_html(maps.select("Indo-Pacific"))
    True
    """
    roles = dict(zip(chosen.actors["actor_id"], chosen.actors["role"].astype(str), strict=True))
    shown = {roles[a] for a in chosen.points}
    items = []
    for role in chosen.actors["role"].cat.categories:
        if role in shown:
            colour = chosen.look("actors", "role", role)["colour"]
            items.append(f"{_swatch(colour)} {html.escape(role)}")
    for kind in dict.fromkeys(chosen.relationships["kind"].astype(str)):
        look = chosen.look("relationships", "kind", kind)
        items.append(f"{_swatch(look['colour'], line=look['linestyle'])} {html.escape(kind)}")
    for kind in sorted(set(chosen.places["kind"].astype(str))):
        glyph = _MARKER_GLYPHS.get(chosen.look("places", "kind", kind)["marker"], "●")
        items.append(f"{_swatch('', marker=glyph)} {html.escape(kind)}")
    for ring in chosen.rings:
        band = f"{ring['label']}: {ring['low']:,}–{ring['high']:,} km (band = low to high)"
        items.append(f"{_swatch('#bbbbbb')} {html.escape(band)}")
    if not chosen.off_map.empty:
        off = maps._listing(list(chosen.off_map["name"].astype(str)))
        items.append(
            f"<i>No country shape, not drawn: {html.escape(off)} "
            f"({chosen.hidden_relationships} relationships with them not shown)</i>"
        )
    return (
        '<div class="mdr-legend" style="font-size:14px;max-width:18em"><b>Key</b>'
        '<ul style="list-style:none;padding-left:0;margin:4px 0">'
        + "".join(f"<li>{item}</li>" for item in items)
        + "</ul></div>"
    )


def _kinds_present(data_dir) -> list[str]:
    """The relationship kinds that occur in the data, in the vocabulary's order."""
    kinds = mdr_data.relationships(data_dir=data_dir)["kind"]
    present = set(kinds.astype(str))
    return [k for k in kinds.cat.categories if k in present]


def _capability_options(data_dir) -> list[tuple[str, str]]:
    """(label, capability_id) for every capability with a range in kilometres, '(none)' first."""
    ranges = maps.range_capabilities(data_dir=data_dir)
    actors = mdr_data.actors(data_dir=data_dir)
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    return [("(none)", NO_CAPABILITY)] + [
        (f"{names.get(a, a)}: {s if isinstance(s, str) else c}", cid)
        for a, s, c, cid in zip(
            ranges["actor_id"],
            ranges["system"],
            ranges["category"].astype(str),
            ranges["capability_id"],
            strict=True,
        )
    ]


def _check_choices(region, kind, capability, kinds, capability_options) -> None:
    """A clear ValueError (with 'did you mean') for a region, kind or capability not offered."""
    for what, value, choices in (
        ("region", region, list(maps.REGIONS)),
        ("relationship kind", kind or ALL_KINDS, [ALL_KINDS, *kinds]),
        ("capability with a range in kilometres", capability or NO_CAPABILITY,
         [cid for _, cid in capability_options]),
    ):  # fmt: skip
        if value not in choices:
            raise ValueError(unknown_value_message(what, value, [c for c in choices if c]))


def _regions_after(region: str) -> list[str]:
    """The other regions, the menu's next one first (as a student going down the menu).

    >>> _regions_after("Europe")[0] == list(maps.REGIONS)[list(maps.REGIONS).index("Europe") + 1]
    True
    """
    regions = list(maps.REGIONS)
    here = regions.index(region)
    return regions[here + 1 :] + regions[:here]


def _description_html(alt: str) -> str:
    return (
        f'<p class="mdr-alt" style="font-size:13px;max-width:60em">'
        f"<b>What the map shows.</b> {html.escape(alt)}</p>"
    )


def _title(chosen: maps.MapSelection) -> str:
    """The map's title: region, kind and how many relationships are drawn."""
    what = f"{chosen.kind} relationships" if chosen.kind else "all relationships"
    return f"{chosen.region}: {what} ({len(chosen.relationships)} drawn)"


def _menus(region, kind, capability, data_dir) -> tuple[widgets.Dropdown, ...]:
    """The region, kind and capability menus (a clear error for a choice not offered)."""
    kinds = _kinds_present(data_dir)
    capability_options = _capability_options(data_dir)
    _check_choices(region, kind, capability, kinds, capability_options)
    region_menu = labelled(
        widgets.Dropdown(options=list(maps.REGIONS), value=region), "region", "Region:"
    )
    kind_menu = labelled(
        widgets.Dropdown(options=[("(all kinds)", ALL_KINDS)] + [(k, k) for k in kinds],
                         value=kind or ALL_KINDS),
        "kind",
        "Relationships:",
    )  # fmt: skip
    capability_menu = labelled(
        widgets.Dropdown(options=capability_options, value=capability or NO_CAPABILITY),
        "capability",
        "Missile range:",
    )
    return region_menu, kind_menu, capability_menu


class MapExplorer(Tool):
    """The map explorer; build it with :func:`map_explorer`.

    Controls: ``region``, ``kind`` (``""`` for every kind), ``capability`` (``""`` for none).
    State: ``selection`` (a :class:`mdr_data.maps.MapSelection`), ``figure``, ``title``, ``alt``.
    """

    def __init__(self, region="World", kind=None, capability=None, *, data_dir=None):
        super().__init__(data_dir)
        self.region, self.kind, self.capability = _menus(region, kind, capability, data_dir)
        self.panel = FigurePanel(
            "map",
            figsize=(8.0, 5.0),
            dpi=100,  # sharp on a projector (100–120 dpi)
            margins={"left": 0.01, "right": 0.99, "top": 0.92, "bottom": 0.01},
        )
        self.base = maps.BaseMap(self.panel.ax)
        self.panel.render = self.base.render  # the countries drawn once per region
        self.legend = add_classes(widgets.HTML(), "mdr-output", "mdr-output-map-legend")
        self.description = add_classes(widgets.HTML(), "mdr-output", "mdr-output-map-alt")
        self._idle = IdleWork()  # prefetches the other regions while the student looks
        self._finish(
            {"region": self.region, "kind": self.kind, "capability": self.capability},
            [widgets.HBox([self.panel.image, self.legend]), self.description],
        )

    def _select(self, region: str) -> maps.MapSelection:
        return maps.select(
            region,
            kind=self.kind.value or None,
            capability=self.capability.value or None,
            data_dir=self.data_dir,
        )

    def _drawing(self, chosen: maps.MapSelection) -> Callable[[], object]:
        """What draws the map of ``chosen`` (the key and the off-map list are HTML beside it)."""
        title = _title(chosen)
        return lambda: self.base.draw(chosen, title=title, legend=False, off_map_note=False)

    def _prefetch_regions(self) -> None:
        """When idle, draw the other regions' maps for this kind and capability (a region's
        first map is the costly change: see :mod:`mdr_data.widgets._idle`)."""

        def prefetch(region: str) -> None:
            chosen = self._select(region)
            with self.base.layers_not_kept():  # memory: layers only for regions visited
                self.panel.prefetch(chosen.key, self._drawing(chosen))

        self._idle.start(
            (lambda r=r: prefetch(r) for r in _regions_after(self.region.value)),
            batch=(self.kind.value, self.capability.value),
        )

    def update(self) -> None:
        """Redraw the map, its key and its description for the current controls."""
        chosen = self.selection = self._select(self.region.value)
        self.title = _title(chosen)
        self.alt = maps.alt_text(selection=chosen)
        self.panel.show(chosen.key, self._drawing(chosen), alt=self.alt)
        self.panel.image.tooltip = self.alt
        self.legend.value = legend_html(chosen)
        self.description.value = _description_html(self.alt)
        self._prefetch_regions()


def map_explorer(
    region: str = "World",
    kind: str | None = None,
    capability: str | None = None,
    *,
    data_dir=None,
) -> MapExplorer:
    """Build the map explorer (it displays itself in a notebook).

    ``region`` is one of :data:`mdr_data.maps.REGIONS`; ``kind`` a relationship kind in the data
    (None for all); ``capability`` a capability id from
    :func:`mdr_data.maps.range_capabilities` (None for no range band). ``data_dir`` reads a
    remixed copy of the tables.

    >>> map_explorer(region="Europa")
    Traceback (most recent call last):
    ...
    ValueError: unknown region 'Europa': did you mean 'Europe'?
    """
    return MapExplorer(region, kind, capability, data_dir=data_dir)
