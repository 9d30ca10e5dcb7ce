"""The map explorer and mdr_data.maps: regions zoom, arcs follow the kind, bands follow ranges."""

from __future__ import annotations

import csv

import pytest
from kernel_loop import run_as_in_a_kernel

import mdr_data
from mdr_data import maps
from mdr_data.widgets.map_explorer import ALL_KINDS, legend_html, map_explorer


@pytest.fixture(scope="module")
def grown_data(tmp_path_factory):
    """A remixed copy with a place and an offensive capability whose range is in kilometres."""
    folder = mdr_data.export(tmp_path_factory.mktemp("maps") / "data")
    _blank_dangling_place_ids(folder)
    _append(folder / "sources.csv", {"source_id": "test-source", "title": "Test",
            "publisher": "Tests", "kind": "secondary", "url": "https://example.org/"})  # fmt: skip
    _append(folder / "places.csv", {"place_id": "test-site", "name": "Test Site",
            "actor_id": "PRK", "kind": "launch site", "latitude": "39.66", "longitude": "124.7",
            "theatre": "Indo-Pacific", "source_id": "test-source", "evidence": "a test row",
            "confidence": "single source"})  # fmt: skip
    _append(folder / "capabilities.csv", {"capability_id": "prk-test-missile",
            "actor_id": "PRK", "category": "ballistic missile", "purpose": "offensive",
            "system": "Test missile", "status": "tested", "count_low": "1000",
            "count_high": "1500", "unit": "kilometres", "theatre": "Indo-Pacific",
            "place_id": "test-site", "source_id": "test-source", "evidence": "a test row",
            "confidence": "single source"})  # fmt: skip
    assert mdr_data.validate(folder) == []
    return folder


def _blank_dangling_place_ids(folder) -> None:
    """Rows may name a place whose coordinates are still being sourced (data in flux)."""
    with (folder / "places.csv").open(encoding="utf-8", newline="") as handle:
        known = {row["place_id"] for row in csv.DictReader(handle)}
    for name in ("capabilities", "events"):
        path = folder / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, list(reader)
        for row in rows:
            if row.get("place_id") and row["place_id"] not in known:
                row["place_id"] = ""
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def _append(path, row: dict) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(row)


def test_the_image_changes_when_the_region_changes():
    tool = map_explorer()
    world = tool.panel.png_bytes
    assert world[:4] == b"\x89PNG"
    tool.region.value = "Europe"
    assert tool.panel.png_bytes != world
    xmin, xmax = (float(x) for x in tool.figure.axes[0].get_xlim())
    assert (xmin, xmax) == maps.REGIONS["Europe"][:2]


@pytest.mark.parametrize("region", list(maps.REGIONS))
def test_alt_text_names_the_region(region):
    tool = map_explorer(region=region)
    where = "the world" if region == "World" else region
    assert tool.alt.startswith(f"Map of {'the ' if region == 'Indo-Pacific' else ''}{where}.")
    assert tool.panel.image.tooltip == tool.alt
    assert where in tool.description.value


def test_kind_filters_the_arcs():
    tool = map_explorer(region="Indo-Pacific")
    tool.kind.value = "treaty alliance"
    drawn = tool.selection.relationships
    assert set(drawn["kind"].astype(str)) == {"treaty alliance"}
    children = tool.figure.axes[0].get_children()
    arcs = [p for c in children if type(c).__name__ == "LineCollection" for p in c.get_paths()]
    assert len(arcs) == len(drawn) == 3
    assert "United States–Japan (treaty alliance)" in tool.alt
    tool.kind.value = ALL_KINDS
    assert len(tool.selection.relationships) > 3


def test_actors_without_a_shape_are_listed_not_placed():
    chosen = maps.select("Middle East")
    assert {"HIZBOLLAH", "HUTHIS", "SOUTH_ASIA"} <= set(chosen.off_map["actor_id"])
    assert not {"HIZBOLLAH", "HUTHIS"} & set(chosen.points)
    edges = mdr_data.relationships()
    edges = edges[edges["theatre"].astype(str).isin(["Middle East", "global"])]
    off = set(chosen.off_map["actor_id"])
    touching = edges["actor_from"].isin(off) | edges["actor_to"].isin(off)
    assert chosen.hidden_relationships == int(touching.sum()) >= 2  # Iran's missile supply
    assert "Hizbollah" in legend_html(chosen)
    assert "Hizbollah (non-state group)" in maps.alt_text(selection=chosen)


def test_bad_input_gives_a_clear_error():
    with pytest.raises(ValueError, match="unknown region 'Europa': did you mean 'Europe'"):
        map_explorer(region="Europa")
    with pytest.raises(ValueError, match="unknown relationship kind 'treaty'"):
        map_explorer(kind="treaty")
    with pytest.raises(ValueError, match="capability with a range in kilometres"):
        map_explorer(capability="chn-icbm")  # counted in missiles, not a range


def test_range_band_from_a_place(grown_data):
    tool = map_explorer(region="Indo-Pacific", data_dir=grown_data)
    assert "prk-test-missile" in [value for _, value in tool.capability.options]
    before = tool.panel.png_bytes
    tool.capability.value = "prk-test-missile"
    assert tool.panel.png_bytes != before
    (ring,) = tool.selection.rings
    assert (ring["low"], ring["high"], ring["from"]) == (1000, 1500, "Test Site")
    assert "1,000–1,500 km from Test Site" in tool.alt
    assert "Test Site (North Korea)" in tool.alt
    bands = [p for p in tool.figure.axes[0].patches if type(p).__name__ == "PathPatch"]
    assert bands


def test_circle_around_a_pole_is_closed_along_it():
    ring = maps.circle(-150.0, 65.0, 9000.0)
    assert ring[:, 1].max() == 90.0


def test_learners_can_join_their_own_table_to_the_shapes():
    import pandas as pd
    from matplotlib.figure import Figure

    mine = pd.DataFrame({"iso3": ["ROU", "POL"], "colour": ["#E69F00", "#56B4E9"]})
    joined = maps.countries().merge(mine, on="iso3")
    assert joined["name"].tolist() == ["Poland", "Romania"]
    base = maps.BaseMap(Figure().add_subplot())
    base.colour(dict(zip(joined["iso3"], joined["colour"], strict=True)))
    filled = {k for k, c in zip(base.keys, base.shapes.get_facecolor(), strict=True)
              if tuple(c[:3]) != (228 / 255, 228 / 255, 228 / 255)}  # fmt: skip
    assert filled == {"ROU", "POL"}


@pytest.mark.parametrize("region", ["Europe", "World"])
def test_the_fast_redraw_paints_what_a_full_draw_paints(region):
    """BaseMap.render pastes cached countries and labels: the pixels must match canvas.draw()."""
    tool = map_explorer(region=region)
    capabilities = [value for _, value in tool.capability.options if value]
    for capability in capabilities[:2]:
        tool.capability.value = capability
        fast, full = _fast_and_full_pixels(tool)
        assert tool.base._labels, "the map should have names or place markers to paste"
        assert abs(fast - full).max() <= 8  # alpha blending may round differently


def _fast_and_full_pixels(tool):
    """The tool's figure by BaseMap.render, then by a full canvas.draw() (as int arrays)."""
    import matplotlib
    import numpy as np

    tool.panel.ensure_drawn()
    canvas = tool.panel.figure.canvas
    with matplotlib.rc_context({"text.hinting": "no_hinting"}):
        tool.base.render()
        fast = np.asarray(canvas.buffer_rgba()).astype(int)
        canvas.draw()
        full = np.asarray(canvas.buffer_rgba()).astype(int)
    return fast, full


@pytest.mark.parametrize("region", ["World", "Middle East"])
def test_the_first_picture_is_what_a_full_draw_paints(region):
    """The first picture is rendered before the figure was ever drawn in full (the title's place
    must not wait for one)."""
    fast, full = _fast_and_full_pixels(map_explorer(region=region))
    assert abs(fast - full).max() <= 8


def test_the_fast_redraw_is_right_after_another_region_was_drawn():
    """The axes' box follows the region's aspect: pasting World's countries after Europe was
    drawn must also put the arcs and names where World's box has them."""
    tool = map_explorer(region="World")
    tool.region.value = "Europe"  # Europe's countries drawn in full: Europe's box
    tool.region.value = "World"  # World's picture, from the cache
    tool.kind.value = tool.kind.options[1][1]  # World's countries pasted, arcs drawn on them
    fast, full = _fast_and_full_pixels(tool)
    assert abs(fast - full).max() <= 8


def test_a_capability_change_reuses_the_region_selection():
    plain = maps.select("Europe")
    capability = maps.range_capabilities()["capability_id"].iloc[0]
    banded = maps.select("Europe", capability=capability)
    assert banded.relationships is plain.relationships and banded.capability == capability
    assert banded.rings and not plain.rings


def _built_and_idle(region: str, monkeypatch, idle_s: float = 3.0):
    """A map explorer built in a kernel's event loop, then left idle (or ``idle_s`` passed)."""
    import asyncio

    async def look() -> object:
        tool = map_explorer(region=region)  # prefetching starts 0.3 s after it is shown
        for _ in range(int(idle_s / 0.05)):
            await asyncio.sleep(0.05)
            if not tool._idle.pending:
                break
        return tool

    return run_as_in_a_kernel(look, monkeypatch)


def test_idle_time_prefetches_every_other_region_without_changing_what_is_shown(monkeypatch):
    tool = _built_and_idle("Europe", monkeypatch)
    assert not tool._idle.pending and tool._idle.error is None
    assert tool.region.value == "Europe" and tool.title.startswith("Europe:")
    assert tool.alt.startswith("Map of Europe.") and 'alt="Map of Europe.' in tool.panel.image.value
    europe = maps.select("Europe")
    assert [float(x) for x in tool.figure.axes[0].get_xlim()] == list(europe.extent[:2])
    assert len(tool.base._backgrounds._values) == 1  # prefetched pictures keep no layers
    drawn = []
    monkeypatch.setattr(tool.base, "draw", lambda *a, **k: drawn.append(a))
    for region in maps.REGIONS:
        tool.region.value = region
        assert tool.title.startswith(f"{region}:")
        assert tool.panel.picture == map_explorer(region=region).panel.picture, region
    assert drawn == []  # every region's picture was ready


def test_outside_a_running_event_loop_nothing_is_prefetched():
    tool = map_explorer(region="World")  # a script or a test: no kernel, nobody looking
    tool.kind.value = tool.kind.options[1][1]
    assert not tool._idle.pending and len(tool.panel._pictures._values) == 2
