"""Widget builders answer typos the way the loaders do: ValueError naming the closest choice."""

from __future__ import annotations

import importlib

import pytest

import mdr_data.widgets


def _builder(name: str):
    """The builder of tool ``name``: the function of that name in its module."""
    return getattr(importlib.import_module(f"mdr_data.widgets.{name}"), name)


@pytest.mark.parametrize(
    ("build", "suggestion"),
    [
        (lambda: _builder("actor_explorer")(actor="Inida"), "India"),
        (lambda: _builder("capability_compare")(actors=["Chna"]), "China"),
        (lambda: _builder("capability_compare")(category="ICMB"), "ICBM"),
        (lambda: _builder("relationship_network")(focus="Rusia"), "Russia"),
        (lambda: _builder("relationship_network")(kinds=["treaty aliance"]), "treaty alliance"),
        (lambda: _builder("table_browser")(table="actor"), "actors"),
    ],
    ids=["actor", "actors", "category", "focus", "kind", "table"],
)
def test_builders_suggest_the_closest_choice(build, suggestion):
    with pytest.raises(ValueError, match="did you mean") as excinfo:
        build()
    assert repr(suggestion) in str(excinfo.value)


@pytest.mark.parametrize("name", mdr_data.widgets.__all__)
def test_each_tool_module_keeps_its_name_and_holds_its_builder(name):
    module = importlib.import_module(f"mdr_data.widgets.{name}")
    assert getattr(mdr_data.widgets, name) is module  # the package never rebinds it
    assert callable(getattr(module, name))
