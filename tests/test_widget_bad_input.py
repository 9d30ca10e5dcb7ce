"""Widget builders answer typos the way the loaders do: ValueError naming the closest choice."""

from __future__ import annotations

import pytest

from mdr_data import widgets


@pytest.mark.parametrize(
    ("build", "suggestion"),
    [
        (lambda: widgets.actor_explorer(actor="Inida"), "India"),
        (lambda: widgets.capability_compare(actors=["Chna"]), "China"),
        (lambda: widgets.capability_compare(category="ICMB"), "ICBM"),
        (lambda: widgets.relationship_network(focus="Rusia"), "Russia"),
        (lambda: widgets.relationship_network(kinds=["treaty aliance"]), "treaty alliance"),
        (lambda: widgets.table_browser(table="actor"), "actors"),
    ],
    ids=["actor", "actors", "category", "focus", "kind", "table"],
)
def test_builders_suggest_the_closest_choice(build, suggestion):
    with pytest.raises(ValueError, match="did you mean") as excinfo:
        build()
    assert repr(suggestion) in str(excinfo.value)
