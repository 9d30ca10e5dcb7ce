"""Build mdr_data/geo/countries-110m.json: Natural Earth 1:110m countries keyed by ISO alpha-3.

The shapes come from the npm package ``world-atlas`` (v2, ISC licence), a TopoJSON redistribution
of Natural Earth 4.1.0 Admin 0 boundaries (public domain). world-atlas keys countries by ISO 3166-1
numeric code; ``pycountry`` (used here only, not a dependency of the package) maps them to alpha-3.
Run it by hand when the shapes should change; its output is committed, so nothing is downloaded
when the package runs::

    npm install --prefix /tmp/npm world-atlas@2.0.2
    python -m pip install pycountry   # into any Python, not the course environment
    python scripts/build_world_geometry.py /tmp/npm/node_modules/world-atlas/countries-110m.json

Output (compact JSON, coordinates in degrees rounded to 2 decimals, about 1 km)::

    {"source": ..., "countries": {"ROU": {"name": "Romania", "label": [lon, lat],
                                          "polygons": [[[lon, lat, lon, lat, ...], hole...], ...]}},
     "other_areas": {"Kosovo": {...}}}

Rings are flat lists ``[lon0, lat0, lon1, lat1, ...]``; the first ring of a polygon is its outline,
any further rings are holes. ``label`` is the centroid of the country's largest polygon, where the
maps draw arcs and names. Areas with no ISO 3166 code (Kosovo, Northern Cyprus, Somaliland in
Natural Earth) are kept under ``other_areas`` by name so the world has no gaps.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "mdr_data" / "geo" / "countries-110m.json"
SOURCE = {
    "source_id": "natural-earth-110m",
    "title": "Natural Earth 1:110m Admin 0 countries, via world-atlas 2.0.2 (TopoJSON)",
    "publisher": "Natural Earth; redistributed by the npm package world-atlas (Mike Bostock)",
    "url": "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
    "licence": "Natural Earth: public domain; world-atlas: ISC",
    "built_by": "scripts/build_world_geometry.py",
}
DECIMALS = 2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Turn TopoJSON's quantised, delta-encoded arcs into lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    """Join the arcs of one ring (a negative index ~i means arc i reversed)."""
    points: list[tuple[float, float]] = []
    for index in indices:
        part = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(part[1:] if points else part)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (Russia's and Fiji's rings cross it).

    A ring may then reach beyond 180°; the maps draw such a ring a second time shifted by -360°.
    A ring around a pole (Antarctica) ends 360° from where it starts: it is closed along the pole.
    """
    out = [points[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in itertools.pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = 90.0 if sum(y for _, y in out) > 0 else -90.0
        out += [(out[-1][0], pole), (out[0][0], pole), out[0]]
    if min(x for x, _ in out) < -180:
        out = [(x + 360, y) for x, y in out]
    return out


def area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    """Signed area and centroid of a ring in plain lon/lat (good enough for a label point)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*points, strict=True)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return a / 2, (cx / (3 * a), cy / (3 * a))


def flat(points: list[tuple[float, float]]) -> list[float]:
    out: list[float] = []
    for x, y in points:
        out += [round(x, DECIMALS), round(y, DECIMALS)]
    return out


def shape(geometry: dict, arcs: list) -> dict:
    """One country: its polygons as flat rings, and a label point in its largest polygon."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    rings = [[unwrap(ring(arcs, r)) for r in polygon] for polygon in polygons]
    largest = max(rings, key=lambda p: abs(area_and_centroid(p[0])[0]))
    _, (lon, lat) = area_and_centroid(largest[0])
    lon = lon - 360 if lon > 180 else lon
    return {
        "label": [round(lon, DECIMALS), round(lat, DECIMALS)],
        "polygons": [[flat(r) for r in polygon] for polygon in rings],
    }


def build(topology: dict) -> dict:
    """Map world-atlas's numeric ids to alpha-3 and return the output document."""
    import pycountry  # only the build needs it

    arcs = decode_arcs(topology)
    countries, others = {}, {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        entry = {"name": name, **shape(geometry, arcs)}
        numeric = geometry.get("id")
        record = pycountry.countries.get(numeric=numeric) if numeric else None
        if record is None:
            others[name] = entry
        else:
            countries[record.alpha_3] = entry
    return {
        **SOURCE,
        "countries": dict(sorted(countries.items())),
        "other_areas": dict(sorted(others.items())),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    document = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {len(document['countries'])} countries, "
        f"{len(document['other_areas'])} other areas ({', '.join(document['other_areas'])}), "
        f"{args.out.stat().st_size / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
