"""Exercises of notebook 00 · Start here (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "00-1",
        level="easy",
        skills=("tables-and-dictionary",),
        hint="count the names in mdr_data.list_tables() (len() helps).",
        right="list_tables() returns one name per table.",
    ),
    Exercise(
        "00-2",
        level="easy",
        skills=("loader-filter", "select-columns"),
        hint="among mdr_data.sources(kind='primary'), find the review itself — published by the "
        "US Department of Defense, not a briefing, a news item or a reprint — and answer with "
        "its source_id.",
        right="every row that cites the review itself names this source_id.",
    ),
    Exercise(
        "00-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="filter the claims table's theme column in the table browser and compare the "
        "page counts and who reports each.",
    ),
    Exercise(
        "00-4",
        kind="free text",
        level="easy",
        skills=("loader-filter", "select-columns"),
        hint="mdr_data.glossary(term='ICBM') returns the glossary's row for the term.",
    ),
)
