"""Notebook 05's source reader: who said a claim, where we read it, and how sure we are.

Pick a theme (and, optionally, a confidence level) and then a claim: a card shows the claim's
text — a verbatim quote or our paraphrase —, who made it (``said_by``) next to where we read
it (``source_id``: the source's title, publisher and kind), its confidence, the evidence
fragment and any notes. The table below lists every claim of the selection, so
disagreements between sources (the 108- and the 81-page report) stand side by side.

>>> reader = source_reader()
>>> reader.theme.value = "the document"
>>> set(reader.current_table["theme"]) <= {"the document"}
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from mdr_data import vocabulary
from mdr_data.views import claims_with_sources
from mdr_data.widgets._base import TABLE_CSS, TablePanel, Tool, add_classes, labelled, refill

__all__ = [
    "SourceReader",
    "claim_card_html",
    "source_reader",
]

_TABLE_COLUMNS = {
    "claim_id": "Claim",
    "theme": "Theme",
    "text": "Text",
    "kind_of_text": "Quote or paraphrase",
    "said_by": "Said by",
    "source_id": "Read in",
    "confidence": "Confidence",
}


def _select(claims: pd.DataFrame, theme: str, confidence: str) -> pd.DataFrame:
    """The claims of one theme ("all": every theme) and confidence ("any": every level)."""
    keep = pd.Series(True, index=claims.index)
    if theme != "all":
        keep &= claims["theme"] == theme
    if confidence != "any":
        keep &= claims["confidence"] == confidence
    return claims.loc[keep.to_numpy(dtype=bool)].reset_index(drop=True)


def _claim_options(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """One dropdown option per claim: its id and the start of its text."""
    options = []
    for claim_id, text in zip(frame["claim_id"], frame["text"], strict=True):
        text = _text(text) or ""
        short = text if len(text) <= 70 else text[:67].rstrip() + "…"
        options.append((f"{claim_id}: {short}", str(claim_id)))
    return options


def _title(theme: str, confidence: str, count: int) -> str:
    about = "all themes" if theme == "all" else f"the theme '{theme}'"
    sure = "any confidence" if confidence == "any" else f"confidence '{confidence}'"
    claims = f"{count} claim{'' if count == 1 else 's'}"
    return (
        f"Claims on {about}, {sure}: {claims} — who said each (said_by) and where we read it "
        "(source_id), as recorded in mdr_data.claims()"
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


def claim_card_html(claim: pd.Series) -> str:
    """Describe one row of :func:`claims_with_sources` as an HTML card (text escaped).

    >>> row = claims_with_sources().iloc[0]
    >>> "Said by" in claim_card_html(row) and "Where we read it" in claim_card_html(row)
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


class SourceReader(Tool):
    """The source reader: ``.theme``, ``.confidence`` and ``.claim`` (Dropdowns).

    State for tests: ``.current_table`` (the claims of the selection, joined to their
    sources), ``.current_claim`` (the selected row, or None), ``.title``.
    """

    def __init__(self, data_dir: str | None = None):
        super().__init__(data_dir)
        self._all = claims_with_sources(data_dir=self.data_dir)
        present = set(self._all["theme"].dropna().astype(str))
        themes = [t for t in vocabulary.values("claims", "theme", self.data_dir) if t in present]
        levels = vocabulary.values("claims", "confidence", self.data_dir)
        self.theme = labelled(
            widgets.Dropdown(options=[("All themes", "all"), *((t, t) for t in themes)]),
            "theme",
            "Theme:",
        )
        self.confidence = labelled(
            widgets.Dropdown(options=[("Any confidence", "any"), *((c, c) for c in levels)]),
            "confidence",
            "Confidence:",
        )
        self.claim = labelled(
            widgets.Dropdown(options=_claim_options(self._all), layout={"width": "95%"}),
            "claim",
            "Claim:",
        )
        self.card = add_classes(widgets.HTML(), "mdr-output", "mdr-output-claim")
        self.table = TablePanel("claims")
        self._finish(
            {"theme": self.theme, "confidence": self.confidence, "claim": self.claim},
            [self.card, self.table.html],
            rows=[[self.theme, self.confidence], [self.claim]],
        )

    def _selection(self, theme: str, confidence: str) -> pd.DataFrame:
        return self.cached((theme, confidence), lambda: _select(self._all, theme, confidence))

    def _on_control_change(self, name: str) -> None:
        if name in ("theme", "confidence"):
            selection = self._selection(self.theme.value, self.confidence.value)
            refill(self.claim, _claim_options(selection))

    def _before_reset(self) -> None:
        defaults = self._selection(self.defaults["theme"], self.defaults["confidence"])
        self.claim.options = _claim_options(defaults)

    def update(self) -> None:
        """Show the selected claim's card and the table of the selection."""
        theme, confidence = self.theme.value, self.confidence.value
        frame = self.current_table = self._selection(theme, confidence)
        self.title = _title(theme, confidence, len(frame))
        chosen = frame.loc[frame["claim_id"] == self.claim.value]
        self.current_claim = chosen.iloc[0] if len(chosen) else None
        card = "<p class='mdr-empty'><i>No claim matches this selection.</i></p>"
        if self.current_claim is not None:
            card = claim_card_html(self.current_claim)
        self.card.value = TABLE_CSS + card
        self.table.show(
            frame[list(_TABLE_COLUMNS)].rename(columns=_TABLE_COLUMNS),
            caption=self.title,
            empty_message="No claims match: choose another theme or confidence.",
        )


def source_reader(data_dir: str | None = None) -> SourceReader:
    """Build the source reader (notebook 05); display the returned object.

    >>> reader = source_reader()
    >>> reader.confidence.value = "corroborated"
    >>> set(reader.current_table["confidence"]) <= {"corroborated"}
    True
    >>> reader.reset(); reader.confidence.value
    'any'
    """
    return SourceReader(data_dir)
