"""Vocabularies have one home: the schema's enums (values, order) and its x-vocabularies (looks).

The end-to-end test extends a remixed copy the way a contributor would (schema + CSV rows only)
and checks that every widget can select and show the new values.
"""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pytest

import mdr_data
from mdr_data import _schema, vocabulary
from mdr_data.widgets.actor_explorer import actor_explorer
from mdr_data.widgets.capability_compare import capability_compare
from mdr_data.widgets.relationship_network import relationship_network
from mdr_data.widgets.remix_lab import remix_lab
from mdr_data.widgets.source_reader import source_reader
from mdr_data.widgets.table_browser import table_browser
from mdr_data.widgets.timeline import timeline

#: Columns whose values plots and widgets draw in colour (each value needs a colour).
COLOURED = [
    ("actors", "role"),
    ("relationships", "kind"),
    ("events", "kind"),
    ("capabilities", "purpose"),
    ("capabilities", "theatre"),
    ("claims", "stance"),
]
ENUM_FIELDS = [
    (table, item["name"])
    for table in _schema.table_names()
    for item in _schema.fields(table)
    if _schema.enum_of(item)
]


@pytest.mark.parametrize(("table", "column"), ENUM_FIELDS)
def test_every_value_of_every_vocabulary_has_a_meaning(table, column):
    entries = _schema.descriptor()["x-vocabularies"][vocabulary.vocabulary_name(table, column)]
    for value in vocabulary.values(table, column):
        assert entries.get(value, {}).get("meaning"), f"{table}.{column}: {value!r} has no meaning"


@pytest.mark.parametrize(("table", "column"), COLOURED)
def test_every_drawn_value_has_its_own_colour(table, column):
    entries = _schema.descriptor()["x-vocabularies"][vocabulary.vocabulary_name(table, column)]
    for value in vocabulary.values(table, column):
        assert entries.get(value, {}).get("colour"), f"{table}.{column}: {value!r} has no colour"
    assert set(vocabulary.values("relationships", "kind")) <= {
        k
        for k, v in _schema.descriptor()["x-vocabularies"]["relationships.kind"].items()
        if "linestyle" in v
    }


def test_an_unstyled_value_gets_the_neutral_look():
    assert vocabulary.style("actors", "role", "not a role") == vocabulary.NEUTRAL


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


@pytest.mark.parametrize(
    "path", sorted(Path(mdr_data.__file__).parent.rglob("*.py")), ids=lambda p: p.name
)
def test_no_module_relists_a_vocabulary(path):
    constants = _string_constants(path)
    for table, column in ENUM_FIELDS:
        values = set(vocabulary.values(table, column))
        listed = values & constants
        if len(values) >= 4:
            assert len(listed) < 3, f"{path.name} re-lists {table}.{column}: {sorted(listed)}"


# --------------------------------------------------------------------------- extension path


def _append(folder: Path, table: str, row: dict) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(row)


def _extend_schema(folder: Path) -> None:
    path = folder / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    additions = {
        ("actors", "region"): "Arctic",
        ("relationships", "kind"): "joint exercise",
        ("capabilities", "category"): "directed energy",
    }
    for entry in package["resources"]:
        for item in entry["schema"]["fields"]:
            new = additions.get((entry["name"], item["name"]))
            if new:
                item["constraints"]["enum"].append(new)
    package["x-vocabularies"]["relationships.kind"]["joint exercise"] = {
        "meaning": "forces train together",
        "colour": "#009E73",
        "linestyle": ":",
    }
    path.write_text(json.dumps(package, indent=2), encoding="utf-8")


PROVENANCE = {
    "source_id": "mdr-2019",
    "evidence": "a fragment for the test",
    "confidence": "single source",
}


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    folder = mdr_data.export(tmp_path_factory.mktemp("extended") / "copy")
    _extend_schema(folder)
    _append(
        folder,
        "actors",
        {
            "actor_id": "NORDLAND",
            "name": "Nordland",
            "kind": "state",
            "region": "Arctic",
            "role": "partner",
            "named_in_review": "false",
            **PROVENANCE,
        },
    )
    _append(
        folder,
        "relationships",
        {
            "relationship_id": "usa-nordland-exercise",
            "actor_from": "USA",
            "actor_to": "NORDLAND",
            "kind": "joint exercise",
            "directed": "false",
            "theatre": "global",
            **PROVENANCE,
        },
    )
    _append(
        folder,
        "capabilities",
        {
            "capability_id": "nordland-laser",
            "actor_id": "NORDLAND",
            "category": "directed energy",
            "purpose": "defensive",
            "status": "tested",
            "count_low": "2",
            "count_high": "2",
            "unit": "systems",
            "theatre": "global",
            **PROVENANCE,
        },
    )
    return folder


def test_the_copy_validates_and_loads_the_new_values(extended):
    assert mdr_data.validate(extended) == []
    actors = mdr_data.load("actors", data_dir=extended)
    assert "Arctic" in actors["region"].cat.categories
    assert actors.set_index("actor_id").loc["NORDLAND", "region"] == "Arctic"
    kinds = mdr_data.relationships(kind="joint exercise", data_dir=extended)
    assert list(kinds["relationship_id"]) == ["usa-nordland-exercise"]
    assert vocabulary.style("relationships", "kind", "joint exercise", extended)["linestyle"] == ":"


def test_actor_explorer_reaches_an_actor_in_a_new_region(extended):
    tool = actor_explorer(data_dir=extended)
    assert "Arctic" in tool.region.options
    tool.region.value = "Arctic"
    tool.actor.value = "NORDLAND"
    assert "Nordland" in tool.profile.value
    assert "joint exercise" in tool.relationships_panel.html.value


def test_network_selects_and_draws_a_new_kind(extended):
    tool = relationship_network(data_dir=extended)
    assert "joint exercise" in tool.kinds.options
    tool.kinds.value = ("joint exercise",)
    assert list(tool.current_table["relationship_id"]) == ["usa-nordland-exercise"]
    assert "joint exercise" in tool.legend.value and "#009E73" in tool.legend.value


def test_capability_compare_selects_a_new_category(extended):
    tool = capability_compare(actors=["NORDLAND"], data_dir=extended)
    assert "directed energy" in tool.category.options
    tool.category.value = "directed energy"
    assert list(tool.current_table["capability_id"]) == ["nordland-laser"]


def test_every_other_tool_builds_on_the_extended_copy(extended):
    browser = table_browser("actors", data_dir=extended)
    browser.search.value = "Nordland"
    assert list(browser.current_table["actor_id"]) == ["NORDLAND"]
    lab = remix_lab(data_dir=extended)
    lab.table_name.value = "actors"
    lab.group_by.value = "region"
    assert "Arctic" in set(lab.current_table.iloc[:, 0].astype(str))
    timeline(data_dir=extended)
    source_reader(data_dir=extended)


def test_a_malformed_copy_descriptor_keeps_the_shipped_vocabularies():
    odd = {"resources": ["text", {"name": "actors", "schema": {"fields": [
        {"name": "region", "constraints": "not an object"},
        {"name": "role", "constraints": {"enum": ["United States", "ally", "friend"]}},
    ]}}]}  # fmt: skip
    merged = _schema.merge_vocabularies(_schema.descriptor(), odd)
    fields = {f["name"]: f for f in merged["resources"][1]["schema"]["fields"]}
    assert _schema.enum_of(fields["region"]) == vocabulary.values("actors", "region")
    assert _schema.enum_of(fields["role"]) == ["United States", "ally", "friend"]


def test_the_map_draws_a_new_kind_in_the_copys_colour(tmp_path):
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from mdr_data import maps
    from mdr_data.widgets.map_explorer import legend_html, map_explorer

    folder = mdr_data.export(tmp_path / "copy")
    _extend_schema(folder)
    _append(folder, "relationships", {"relationship_id": "usa-jpn-exercise",
            "actor_from": "USA", "actor_to": "JPN", "kind": "joint exercise",
            "directed": "false", "theatre": "global", **PROVENANCE})  # fmt: skip
    assert mdr_data.validate(folder) == []
    chosen = maps.select("World", kind="joint exercise", data_dir=folder)
    assert list(chosen.relationships["relationship_id"]) == ["usa-jpn-exercise"]
    base = maps.BaseMap(Figure().add_subplot())
    base.draw(chosen)
    arcs = [a for a in base._overlay if type(a).__name__ == "LineCollection"]
    # the copy's colour for its new kind (#009E73), not the grey of a kind the map does not know
    assert arcs and all(to_hex(c) == "#009e73" for a in arcs for c in a.get_colors())
    assert "#009E73" in legend_html(chosen) and "joint exercise" in legend_html(chosen)
    tool = map_explorer(kind="joint exercise", data_dir=folder)
    assert "#009E73" in tool.legend.value
