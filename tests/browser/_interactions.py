"""What a learner does with each notebook's main widget, and what they must then see.

Each function gets a ``LabNotebook`` whose cells have all run, changes one control through the
UI (select, keyboard, click) and waits for the visible output to change the expected way. The
widgets carry CSS classes ``mdr-<control>`` and ``mdr-output-<name>`` (see
``mdr_data/widgets/_base.py``); assertions are on text (titles, captions), never on pixels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ._ui import dropdown_options, expect_text, expect_text_changes, select_dropdown

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from ._lab import LabNotebook

Interaction = Callable[["LabNotebook"], None]


def selected_label(scope: Locator, css_class: str) -> str:
    select = scope.locator(f".{css_class} select").first
    return select.evaluate("(s) => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text")


# --------------------------------------------------------------------------- per tool


def explore_actor(scope: Locator) -> None:
    """Actor explorer: switch region, then actor; the profile title and captions follow."""
    profile = scope.locator(".mdr-output-profile").first
    before = profile.inner_text()
    region = selected_label(scope, "mdr-region")
    regions = [r for r in dropdown_options(scope, "mdr-region") if r != region]
    target = "East Asia" if "East Asia" in regions else regions[0]
    select_dropdown(scope, "mdr-region", target)
    expect_text_changes(profile, before)
    actor = selected_label(scope, "mdr-actor")
    assert actor, f"after choosing region {target!r} no actor is selected"
    expect_text(profile, f"{actor}: cast as")
    others = [a for a in dropdown_options(scope, "mdr-actor") if a != actor]
    if others:
        select_dropdown(scope, "mdr-actor", others[0])
        expect_text(profile, f"{others[0]}: cast as")
        expect_text(scope.locator(".mdr-output-claims caption").first, f"about {others[0]}")


#: notebook file-name prefix (e.g. "01-") → interaction
INTERACTIONS: dict[str, Interaction] = {}


def interaction_for(path: str) -> Interaction | None:
    name = path.rsplit("/", 1)[-1]
    for prefix, interaction in INTERACTIONS.items():
        if re.match(re.escape(prefix), name):
            return interaction
    return None


#: dashboard file-name prefix → interaction on a ``VoilaApp``
VOILA_INTERACTIONS: dict[str, Callable] = {}


def voila_interaction_for(name: str) -> Callable | None:
    for prefix, interaction in VOILA_INTERACTIONS.items():
        if name.startswith(prefix):
            return interaction
    return None
