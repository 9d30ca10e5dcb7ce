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
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd

from mdr_data import vocabulary
from mdr_data.tables import data_version, unknown_value_message
from mdr_data.views import claims_with_sources
from mdr_data.widgets._base import TABLE_CSS, TablePanel, Tool, add_classes, labelled

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


def _vocabulary(table: str, column: str, data_dir=None) -> list[str]:
    return vocabulary.values(table, column, data_dir)


@lru_cache(maxsize=8)
def _joined(data_dir: str | None, version: tuple | None = None) -> pd.DataFrame:
    """:func:`mdr_data.views.claims_with_sources`, cached per data version."""
    return claims_with_sources(data_dir=data_dir)


def _select(frame: pd.DataFrame, theme: str | None, confidence: str | None) -> pd.DataFrame:
    for column, value in (("theme", theme), ("confidence", confidence)):
        if value is None:
            continue
        choices = {v.lower(): v for v in frame[column].cat.categories}  # the schema's order
        if not isinstance(value, str) or value.strip().lower() not in choices:
            raise ValueError(unknown_value_message(column, value, choices.values()))
        frame = frame.loc[frame[column] == choices[value.strip().lower()]]
    return frame.reset_index(drop=True)


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
        super().__init__()
        self.data_dir = None if data_dir is None else str(data_dir)
        self._all = _joined(self.data_dir, data_version(self.data_dir))
        present = set(self._all["theme"].dropna().astype(str))
        themes = [t for t in _vocabulary("claims", "theme", data_dir) if t in present]
        self.theme = labelled(
            widgets.Dropdown(options=[("All themes", "all"), *((t, t) for t in themes)]),
            "theme",
            "Theme:",
        )
        self.confidence = labelled(
            widgets.Dropdown(
                options=[
                    ("Any confidence", "any"),
                    *((c, c) for c in _vocabulary("claims", "confidence", data_dir)),
                ]
            ),
            "confidence",
            "Confidence:",
        )
        self.claim = labelled(
            widgets.Dropdown(options=self._claim_options("all", "any")), "claim", "Claim:"
        )
        self.claim.layout.width = "95%"
        self.card = add_classes(widgets.HTML(), "mdr-output", "mdr-output-claim")
        self.table = TablePanel("claims")
        self.current_table = pd.DataFrame()
        self.current_claim: pd.Series | None = None
        self._finish(
            {"theme": self.theme, "confidence": self.confidence, "claim": self.claim},
            [self.card, self.table.html],
            rows=[[self.theme, self.confidence], [self.claim]],
        )

    # ------------------------------------------------------------------ selection

    def _selection(self, theme: str, confidence: str) -> pd.DataFrame:
        return _select(
            self._all,
            None if theme == "all" else theme,
            None if confidence == "any" else confidence,
        )

    def _claim_options(self, theme: str, confidence: str) -> list[tuple[str, str]]:
        frame = self._selection(theme, confidence)
        options = []
        for claim_id, text in zip(frame["claim_id"], frame["text"], strict=True):
            text = _text(text) or ""
            short = text if len(text) <= 70 else text[:67].rstrip() + "…"
            options.append((f"{claim_id}: {short}", str(claim_id)))
        return options

    def _refill_claims(self) -> None:
        options = self._claim_options(self.theme.value, self.confidence.value)
        keep = self.claim.value
        self.claim.options = options
        values = [value for _label, value in options]
        self.claim.value = keep if keep in values else (values[0] if values else None)

    def _on_control_change(self, name: str) -> None:
        if name in ("theme", "confidence"):
            self._refill_claims()

    def _before_reset(self) -> None:
        self.claim.options = self._claim_options(
            self.defaults["theme"], self.defaults["confidence"]
        )

    # ------------------------------------------------------------------ output

    def update(self) -> None:
        """Show the selected claim's card and the table of the selection."""
        theme, confidence = self.theme.value, self.confidence.value
        frame = self._selection(theme, confidence)
        self.current_table = frame
        about = "all themes" if theme == "all" else f"the theme '{theme}'"
        sure = "any confidence" if confidence == "any" else f"confidence '{confidence}'"
        count = f"{len(frame)} claim{'' if len(frame) == 1 else 's'}"
        self.title = (
            f"Claims on {about}, {sure}: {count} — who said each (said_by) and where we "
            "read it (source_id), as recorded in mdr_data.claims()"
        )
        chosen = frame.loc[frame["claim_id"] == self.claim.value]
        if len(chosen):
            self.current_claim = chosen.iloc[0]
            card = claim_card_html(self.current_claim)
        else:
            self.current_claim = None
            card = "<p class='mdr-empty'><i>No claim matches this selection.</i></p>"
        self.card.value = TABLE_CSS + card
        shown = frame[list(_TABLE_COLUMNS)].rename(columns=_TABLE_COLUMNS)
        self.table.show(
            shown,
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
