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

from ._ui import (
    TIMEOUT_MS,
    dropdown_options,
    expect_alt,
    expect_text,
    expect_text_changes,
    press_slider,
    select_dropdown,
    selected_label,
    wait_until,
)

if TYPE_CHECKING:
    from playwright.sync_api import Locator

    from ._lab import LabNotebook

Interaction = Callable[["LabNotebook"], None]


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

    def profile_names_selected_actor() -> str | None:
        actor, text = selected_label(scope, "mdr-actor"), profile.inner_text()
        ok = actor and text.startswith(f"{actor}: recorded as")
        return None if ok else f"actor menu {actor!r}, profile {text[:80]!r}"

    wait_until(scope, profile_names_selected_actor)
    actor = selected_label(scope, "mdr-actor")
    others = [a for a in dropdown_options(scope, "mdr-actor") if a != actor]
    if others:
        select_dropdown(scope, "mdr-actor", others[0])
        expect_text(profile, f"{others[0]}: recorded as")
        expect_text(scope.locator(".mdr-output-claims caption").first, f"about {others[0]}")


def caption(scope: Locator, output: str) -> Locator:
    """The table caption of the output panel ``mdr-output-<output>``."""
    return scope.locator(f".mdr-output-{output} caption").first


def _number_after(text: str, pattern: str) -> int:
    match = re.search(pattern, text)
    assert match, f"no {pattern!r} in {text!r}"
    return int(match.group(1))


def browse_tables(scope: Locator) -> None:
    """00 table browser: choose the claims table, then show fewer rows with the keyboard."""
    shown = caption(scope, "table")
    expect_text(shown, "Table 'actors'")
    select_dropdown(scope, "mdr-table", "claims")
    expect_text(shown, "Table 'claims'")
    rows = _number_after(shown.inner_text(), r"showing (\d+)")
    press_slider(scope, "mdr-rows", "ArrowLeft", times=3)
    # continuous_update=False: the value is sent when the keyboard change is committed.
    expect_text(shown, f"showing {rows - 3},")


def compare_capabilities(scope: Locator) -> None:
    """02 capability comparison: it opens on figures in one unit; then one category, China
    alone, then another unit; caption, rows and alt text follow."""
    table = caption(scope, "capability-table")
    unit = selected_label(scope, "mdr-unit")
    assert unit and unit != "(no figure given)", f"the default view shows no figures: {unit!r}"
    expect_text(table, re.compile(rf"^All capability categories, in {unit}: "))
    select_dropdown(scope, "mdr-category", "ICBM")
    expect_text(table, re.compile(rf"^ICBM, in {unit}: "))
    scope.locator(".mdr-actors select").first.select_option(label="China")
    expect_text(table, re.compile(rf"^ICBM, in {unit}: China, according to"))
    first_row = scope.locator(".mdr-output-capability-table tbody tr").first
    expect_text(first_row, "ICBM")
    expect_text(first_row, "China")
    # The chart's alt text says what it shows now: China's ICBM figures, row by row.
    alt = expect_alt(scope, "capabilities", re.compile(r"^Range chart\. .*China, ICBM"))
    assert "Russia, ICBM" not in alt, alt  # Russia was selected before: the alt text follows
    select_dropdown(scope, "mdr-unit", "missiles")
    expect_text(table, re.compile(r"^ICBM, in missiles: China, according to"))
    expect_text(first_row, "75–100")


def focus_network(scope: Locator) -> None:
    """03 relationship network: focus on Russia; the caption and edge table follow."""
    table = caption(scope, "network-table")
    expect_text(table, "Relationships of all actors")
    # Notebook 03 opens the tool on a few kinds (a readable default); Russia has edges in them.
    select_dropdown(scope, "mdr-focus", "Russia")
    expect_text(table, re.compile(r"^Relationships of Russia \(\d+ shown"))
    # The notebook shows the tool twice (at the top and in its section): one view's rows.
    rows = scope.locator(".mdr-output-network-table").first.locator("tbody tr")
    assert rows.count() >= 1, "no edge row shown for Russia"
    alt = expect_alt(scope, "network", "Network diagram of the relationships of Russia")
    assert f"{rows.count()} shown: " in alt, alt


def explore_timeline(scope: Locator) -> None:
    """04 timeline: India and Russia, then move the start year right by keyboard."""
    table = caption(scope, "events")
    select_dropdown(scope, "mdr-actors", "India and Russia")
    expect_text(table, "Events involving India and Russia, ")
    start = _number_after(table.inner_text(), r", (\d{4})[–-]")
    press_slider(scope, "mdr-year-range", "ArrowRight")
    expect_text(table, f"Events involving India and Russia, {start + 1}")
    expect_alt(scope, "timeline", f"Timeline. Events involving India and Russia, {start + 1}")


def read_sources(scope: Locator) -> None:
    """05 source reader: theme India; the caption and the claim card follow."""
    table = caption(scope, "claims")
    card = scope.locator(".mdr-output-claim").first
    before = card.inner_text()
    select_dropdown(scope, "mdr-theme", "India")
    expect_text(table, "Claims on the theme 'India'")
    claim = selected_label(scope, "mdr-claim")
    claim_id = claim.split(":", 1)[0]
    assert claim_id, "no claim selected after choosing the theme India"
    if claim_id not in before:
        expect_text_changes(card, before)
    expect_text(card, claim_id)


def read_views(scope: Locator) -> None:
    """08 source reader opened on views: one debate's views, then every kind of statement."""
    table = caption(scope, "claims")
    card = scope.locator(".mdr-output-claim").first
    expect_text(table, "kind 'view'")
    assert selected_label(scope, "mdr-claim-kind") == "view"
    select_dropdown(scope, "mdr-theme", "space-based interceptors")
    theme = "Claims on the theme 'space-based interceptors'"
    expect_text(table, f"{theme}, any confidence, kind 'view'")
    claim_id = selected_label(scope, "mdr-claim").split(":", 1)[0]
    assert claim_id, "no view selected after choosing the theme space-based interceptors"
    expect_text(card, claim_id)
    expect_text(card, "Stance:")
    expect_text(scope.locator(".mdr-output-claims thead").first, "Speaker")
    select_dropdown(scope, "mdr-claim-kind", "Any kind")
    expect_text(
        table,
        re.compile(rf"^{re.escape(theme)}, any confidence: \d+ claim"),
    )


def remix(scope: Locator) -> None:
    """06 remix lab: switch to the capabilities table; caption and recipe follow."""
    table = caption(scope, "remix")
    select_dropdown(scope, "mdr-table", "capabilities")
    expect_text(table, "in the capabilities table")
    expect_text(scope.locator(".mdr-output-recipe").first, "capabilities")
    expect_alt(scope, "remix", re.compile(r"^Bar chart\. .* in the capabilities table"))


def _map_description(scope: Locator) -> Locator:
    """The map explorer's "What the map shows" paragraph (its alt text as HTML)."""
    return scope.locator(".mdr-output-map-alt").first


def map_host_nations(scope: Locator) -> None:
    """05 map explorer on Europe: host-nation relationships only; description and alt follow."""
    description = _map_description(scope)
    expect_text(description, "Map of Europe")
    before = description.inner_text()
    select_dropdown(scope, "mdr-kind", "host nation")
    expect_text_changes(description, before)
    expect_text(description, re.compile(r"\d+ relationships drawn as arcs: .*\(host nation\)"))
    text = description.inner_text()
    assert "(treaty alliance)" not in text and "(membership)" not in text, text
    expect_alt(scope, "map", re.compile(r"^Map of Europe\..*\(host nation\)"))
    # Another region: a new picture on screen, and its alt text names the region (issue 14).
    from playwright.sync_api import expect

    image = scope.locator(".mdr-output-map img").first
    europe = image.get_attribute("src")
    select_dropdown(scope, "mdr-region", "Middle East")
    expect(image).not_to_have_attribute("src", europe or "", timeout=TIMEOUT_MS)
    expect_alt(scope, "map", re.compile(r"^Map of (the )?Middle East\."))


def map_missile_supply(scope: Locator) -> None:
    """06 map explorer on the Middle East: missile supply runs to groups without a country
    shape, so no line is drawn and the description says why."""
    description = _map_description(scope)
    expect_text(description, re.compile(r"Map of (the )?Middle East"))
    select_dropdown(scope, "mdr-kind", "missile supply")
    expect_text(description, "0 relationships drawn as arcs: none")
    expect_text(description, "Hizbollah (non-state group)")
    expect_alt(scope, "map", re.compile(r"^Map of (the )?Middle East\..*0 relationships drawn"))


#: notebook file-name prefix (e.g. "01-") → what a learner does with its main widget
INTERACTIONS: dict[str, Interaction] = {
    "00-": lambda notebook: browse_tables(notebook.scope()),
    "01-": lambda notebook: explore_actor(notebook.scope()),
    "02-": lambda notebook: compare_capabilities(notebook.scope()),
    "03-": lambda notebook: focus_network(notebook.scope()),
    "04-": lambda notebook: explore_timeline(notebook.scope()),
    "05-": lambda notebook: map_host_nations(notebook.scope()),
    "06-": lambda notebook: map_missile_supply(notebook.scope()),
    "07-": lambda notebook: read_sources(notebook.scope()),
    "08-": lambda notebook: read_views(notebook.scope()),
    "09-": lambda notebook: remix(notebook.scope()),
    "actor-explorer": lambda notebook: explore_actor(notebook.scope()),
}


def interaction_for(path: str) -> Interaction | None:
    name = path.rsplit("/", 1)[-1]
    for prefix, interaction in INTERACTIONS.items():
        if re.match(re.escape(prefix), name):
            return interaction
    return None


#: dashboard file-name prefix → interaction on a ``VoilaApp``
VOILA_INTERACTIONS: dict[str, Callable] = {
    "actor-explorer": lambda app: explore_actor(app.page.locator("body")),
}


def voila_interaction_for(name: str) -> Callable | None:
    for prefix, interaction in VOILA_INTERACTIONS.items():
        if name.startswith(prefix):
            return interaction
    return None
