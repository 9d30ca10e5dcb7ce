"""The source reader (notebooks 07 and 08): who said a claim, where we read it, how sure we are.

Pick a theme (and, optionally, a confidence level and a kind of statement: the review's text, a
report, or a view) and then a claim: a card shows the claim's text — a verbatim quote or our
paraphrase —, what kind of statement it is, who made it (``said_by``; for a report or a view
also the ``speaker``, and a view's ``stance``) next to where we read it (``source_id``: the
source's title, publisher and kind), its confidence, the evidence fragment and any notes. The
table below lists every claim of the selection, so disagreements between sources (the 108- and
the 81-page report) stand side by side; for views it shows the speaker and the stance.

>>> reader = source_reader()
>>> reader.theme.value = "the document"
>>> set(reader.current_table["theme"]) <= {"the document"}
True
>>> views = source_reader(claim_kind="view")
>>> set(views.current_table["claim_kind"]), "Stance" in views.table.html.value
({'view'}, True)
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from mdr_data import vocabulary
from mdr_data.tables import unknown_value_message
from mdr_data.views import claims_with_sources
from mdr_data.widgets._base import (
    MAX_TABLE_ROWS,
    TABLE_CSS,
    TablePanel,
    Tool,
    add_classes,
    labelled,
    refill,
)

__all__ = [
    "SourceReader",
    "claim_card_html",
    "source_reader",
]

#: Who said it, where we read it and how sure we are come before the text, so all three stay in
#: view in a projected notebook; the text wraps in the last column (never cut).
_TABLE_COLUMNS = {
    "claim_id": "Claim",
    "said_by": "Said by",
    "source_id": "Read in",
    "confidence": "Confidence",
    "theme": "Theme",
    "kind_of_text": "Quote or paraphrase",
    "text": "Text",
}
#: The table of a selection of views: who holds each view and how they judge the review.
_VIEW_COLUMNS = {
    "claim_id": "Claim",
    "speaker": "Speaker",
    "stance": "Stance",
    "source_id": "Read in",
    "confidence": "Confidence",
    "theme": "Theme",
    "text": "Text",
}
#: The table shows this many claims of the selection; the others are one click away (a
#: collapsed list under it), so a change lays out ~25 rows in the browser, not 119 (issue 13).
OPEN_ROWS = 25


def _select(claims: pd.DataFrame, theme: str, confidence: str, kind: str = "any") -> pd.DataFrame:
    """The claims of one theme ("all": every theme), confidence and claim_kind ("any": all)."""
    keep = pd.Series(True, index=claims.index)
    if theme != "all":
        keep &= claims["theme"] == theme
    if confidence != "any":
        keep &= claims["confidence"] == confidence
    if kind != "any":
        keep &= claims["claim_kind"] == kind
    return claims.loc[keep.to_numpy(dtype=bool)].reset_index(drop=True)


def _claim_options(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """One dropdown option per claim: its id and the start of its text; the claims the table
    shows, at most :data:`~mdr_data.widgets._base.MAX_TABLE_ROWS` (its note counts the others)."""
    options = []
    frame = frame.head(MAX_TABLE_ROWS)
    for claim_id, text in zip(frame["claim_id"], frame["text"], strict=True):
        text = _text(text) or ""
        short = text if len(text) <= 70 else text[:67].rstrip() + "…"
        options.append((f"{claim_id}: {short}", str(claim_id)))
    return options


def _title(theme: str, confidence: str, count: int, kind: str = "any") -> str:
    about = "all themes" if theme == "all" else f"the theme '{theme}'"
    sure = "any confidence" if confidence == "any" else f"confidence '{confidence}'"
    what = "" if kind == "any" else f", kind '{kind}'"
    claims = f"{count} claim{'' if count == 1 else 's'}"
    return (
        f"Claims on {about}, {sure}{what}: {claims} — who said each (said_by) and where we read "
        "it (source_id), as recorded in mdr_data.claims()"
    )


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _source_words(title: object, publisher: object, kind: object, published: object) -> str:
    parts = [f"<i>{html.escape(_text(title) or 'untitled')}</i>"]
    if _text(publisher):
        parts.append(html.escape(_text(publisher)))
    if isinstance(published, pd.Timestamp):
        parts.append(f"{published.day} {published:%b %Y}")
    if _text(kind):
        parts.append(f"{html.escape(_text(kind))} source")
    return ", ".join(parts)


def _kind_items(claim: pd.Series) -> list[str]:
    """Card lines for the kind of statement, its speaker and (for a view) its stance."""
    items = []
    kind = _text(claim.get("claim_kind"))
    if kind:
        meaning = vocabulary.meaning("claims", "claim_kind", kind)
        items.append(f"<li><b>Kind:</b> {html.escape(kind)} — {html.escape(meaning)}</li>")
    if _text(claim.get("speaker")):
        items.append(f"<li><b>Speaker:</b> {html.escape(_text(claim['speaker']))}</li>")
    stance = _text(claim.get("stance"))
    if stance:
        meaning = vocabulary.meaning("claims", "stance", stance)
        items.append(f"<li><b>Stance:</b> {html.escape(stance)} — {html.escape(meaning)}</li>")
    return items


def claim_card_html(claim: pd.Series) -> str:
    """Describe one row of :func:`claims_with_sources` as an HTML card (text escaped).

    >>> row = claims_with_sources().iloc[0]
    >>> "Said by" in claim_card_html(row) and "Where we read it" in claim_card_html(row)
    True
    >>> views = claims_with_sources()
    >>> card = claim_card_html(views[views["claim_kind"] == "view"].iloc[0])
    >>> "Speaker:" in card and "Stance:" in card
    True
    """
    verbatim = bool(claim["is_verbatim"]) if _text(claim["is_verbatim"]) else False
    text = html.escape(_text(claim["text"]) or "")
    if verbatim:
        body = (
            "<p><b>Verbatim quote</b> (the claimant's exact words, as the source reproduces "
            f"them):</p><blockquote style='font-size:1.15em'>“{text}”</blockquote>"
        )
    else:
        body = (
            "<p><b>Paraphrase</b> (our own words, not a quotation):</p>"
            f"<p style='font-size:1.15em;margin-left:2em'>{text}</p>"
        )
    said = _source_words(
        claim["said_by_title"],
        claim["said_by_publisher"],
        claim["said_by_kind"],
        claim["said_by_published"],
    )
    read = _source_words(
        claim["source_title"],
        claim["source_publisher"],
        claim["source_kind"],
        claim["source_published"],
    )
    same = claim["said_by"] == claim["source_id"]
    relay = (
        "We read the claim where it was made."
        if same
        else "We read it second-hand: this source reports what the claimant said."
    )
    confidence = _text(claim["confidence"]) or "unknown"
    where = _text(claim["locator"]) or "no page or section given (never guessed)"
    items = [
        *_kind_items(claim),
        f"<li><b>Said by:</b> {said} <code>{html.escape(str(claim['said_by']))}</code></li>",
        f"<li><b>Where we read it:</b> {read} <code>{html.escape(str(claim['source_id']))}</code>"
        f" — {html.escape(where)}. {relay}</li>",
        f"<li><b>Confidence:</b> {html.escape(confidence)} — "
        f"{html.escape(vocabulary.meaning('claims', 'confidence', confidence))}</li>",
        f"<li><b>Evidence in the source:</b> “{html.escape(_text(claim['evidence']) or '')}”</li>",
    ]
    if _text(claim["notes"]):
        items.append(f"<li><b>Notes:</b> {html.escape(_text(claim['notes']))}</li>")
    heading = f"{claim['claim_id']} (theme: {claim['theme']})"
    return (
        f"<div class='mdr-claim-card'><h4>{html.escape(heading)}</h4>{body}"
        f"<ul>{''.join(items)}</ul></div>"
    )


def _menu(name: str, description: str, first: tuple[str, str], values: list[str]):
    """A labelled Dropdown: ``first`` (label, value) for 'no filter', then ``values``."""
    return labelled(widgets.Dropdown(options=[first, *((v, v) for v in values)]), name, description)


def _kinds(claim_kind: str, data_dir: str | None) -> list[str]:
    """The claim_kind values; ValueError naming the closest if ``claim_kind`` is not one."""
    kinds = vocabulary.values("claims", "claim_kind", data_dir)
    if claim_kind != "any" and claim_kind not in kinds:
        raise ValueError(unknown_value_message("claim_kind", claim_kind, ["any", *kinds]))
    return kinds


def _table(panel: TablePanel, frame: pd.DataFrame, title: str, kind: str) -> str:
    """The HTML of ``panel`` showing the claims of ``frame`` under ``title``.

    A tool keeps it per selection: a claim change, or a return to a selection (a Reset), then
    neither rebuilds it (~5 ms for 119 claims) nor re-sends it (issue 13).
    """
    columns = _VIEW_COLUMNS if kind == "view" else _TABLE_COLUMNS
    panel.show(
        frame[list(columns)].rename(columns=columns),
        caption=title,
        empty_message="No claims match: choose another theme, confidence or kind.",
    )
    return panel.html.value


class SourceReader(Tool):
    """The source reader: ``.theme``, ``.confidence``, ``.kind`` and ``.claim`` (Dropdowns).

    ``claim_kind`` is the kind of statement shown first (and restored by Reset): "any", or a
    value of claims.claim_kind such as "view". State for tests: ``.current_table`` (the claims
    of the selection, joined to their sources), ``.current_claim`` (the selected row, or None),
    ``.title``.
    """

    def __init__(self, data_dir: str | None = None, *, claim_kind: str = "any"):
        super().__init__(data_dir)
        kinds = _kinds(claim_kind, self.data_dir)
        self._all = claims_with_sources(data_dir=self.data_dir)
        present = set(self._all["theme"].dropna().astype(str))
        themes = [t for t in vocabulary.values("claims", "theme", self.data_dir) if t in present]
        levels = vocabulary.values("claims", "confidence", self.data_dir)
        self.theme = _menu("theme", "Theme:", ("All themes", "all"), themes)
        self.confidence = _menu("confidence", "Confidence:", ("Any confidence", "any"), levels)
        self.kind = _menu("claim-kind", "Kind:", ("Any kind", "any"), kinds)
        self.kind.value = claim_kind
        first = self._selection("all", "any", claim_kind)
        self.claim = labelled(
            widgets.Dropdown(options=_claim_options(first), layout={"width": "95%"}),
            "claim",
            "Claim:",
        )
        self.card = add_classes(widgets.HTML(), "mdr-output", "mdr-output-claim")
        self.table = TablePanel("claims", open_rows=OPEN_ROWS)
        controls = {"theme": self.theme, "confidence": self.confidence, "kind": self.kind}
        self._finish(
            {**controls, "claim": self.claim},
            [self.card, self.table.html],
            rows=[[self.theme, self.confidence, self.kind], [self.claim]],
        )

    def _selection(self, theme: str, confidence: str, kind: str) -> pd.DataFrame:
        key = (theme, confidence, kind)
        return self.cached(key, lambda: _select(self._all, theme, confidence, kind))

    def _on_control_change(self, name: str) -> None:
        if name in ("theme", "confidence", "kind"):
            self._offer(self.theme.value, self.confidence.value, self.kind.value)

    def _before_reset(self) -> None:
        self._offer(self.defaults["theme"], self.defaults["confidence"], self.defaults["kind"])

    def _offer(self, theme: str, confidence: str, kind: str) -> None:
        """Offer the claims of a selection (not re-sent when unchanged: 119 are ~12 KB)."""
        key = ("options", theme, confidence, kind)
        options = self.cached(key, lambda: _claim_options(self._selection(*key[1:])))
        if tuple(options) != tuple(self.claim.options):
            with self.claim.hold_sync():  # new options and choice in one message
                refill(self.claim, options)

    def update(self) -> None:
        """Show the selected claim's card and the table of the selection."""
        theme, confidence, kind = self.theme.value, self.confidence.value, self.kind.value
        frame = self.current_table = self._selection(theme, confidence, kind)
        self.title = title = _title(theme, confidence, len(frame), kind)
        chosen = frame.loc[frame["claim_id"] == self.claim.value]
        self.current_claim = chosen.iloc[0] if len(chosen) else None
        card = "<p class='mdr-empty'><i>No claim matches this selection.</i></p>"
        if self.current_claim is not None:
            card = claim_card_html(self.current_claim)
        self.card.value = TABLE_CSS + card
        key = ("table", theme, confidence, kind)  # built once per selection (see _table)
        self.table.html.value = self.cached(key, lambda: _table(self.table, frame, title, kind))
        self.table.caption = title


def source_reader(data_dir: str | None = None, *, claim_kind: str = "any") -> SourceReader:
    """Build the source reader (notebooks 07 and 08); display the returned object.

    ``claim_kind="view"`` opens it on the views (critics, supporters, other governments); the
    Kind menu changes it, and Reset comes back to it.

    >>> reader = source_reader()
    >>> reader.confidence.value = "corroborated"
    >>> set(reader.current_table["confidence"]) <= {"corroborated"}
    True
    >>> reader.reset(); reader.confidence.value
    'any'
    """
    return SourceReader(data_dir, claim_kind=claim_kind)
