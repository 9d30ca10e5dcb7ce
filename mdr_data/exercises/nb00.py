"""Exercises of notebook 00 · Start here (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "00-1",
        level="easy",
        skills=("shape",),
        hint="load the table with mdr_data.load(...) and read the first number of its .shape "
        "(rows, columns).",
        right=".shape gives (rows, columns); len(table) gives the rows too.",
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
        level="medium",
        skills=("value-counts",),
        hint="count the values of the events table's kind column with .value_counts() and read "
        "the count of 'test'.",
        right="value_counts() counts rows per value; pick one value's count by its label.",
    ),
    Exercise(
        "00-4",
        level="medium",
        skills=("dtypes",),
        hint="look at mdr_data.load('capabilities').dtypes and list the names of the columns "
        "whose dtype is Int64.",
        right="the low and high ends of each figure are whole numbers that may be missing: "
        "no figure given is not zero.",
    ),
    Exercise(
        "00-6",
        level="stretch",
        skills=("tables-and-dictionary", "shape"),
        hint="for each name in mdr_data.list_tables(), load the table and read .shape[0]; "
        "answer with the name whose count is largest.",
        right="the rows of a table say how much the data records, table by table.",
    ),
    Exercise(
        "00-5",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the table browser, choose claims, filter claim_kind to view, and read the "
        "speaker, stance, source_id and confidence columns.",
    ),
)
