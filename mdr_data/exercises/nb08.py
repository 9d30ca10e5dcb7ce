"""Exercises of notebook 08 · Contested readings (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "08-1",
        level="easy",
        skills=("text-search", "loc-rows-columns"),
        hint="keep the views whose speaker contains the organisation's name (.str.contains with "
        "case=False), then list their claim_id values.",
        right="a search of the speaker column gathers one organisation's views across themes.",
    ),
    Exercise(
        "08-2",
        level="medium",
        skills=("text-search", "boolean-mask"),
        hint="search the speaker column (not the theme) for a word that every Russian official, "
        "ministry and the president have in common; answer with the claim_id values.",
        right="who speaks is the speaker column: a row about Russia is not always a row by Russia, "
        "and one government speaks through many voices.",
    ),
    Exercise(
        "08-3",
        level="medium",
        skills=("crosstab", "boolean-mask"),
        hint="make pd.crosstab(views['theatre'], views['stance']), compare its supportive and "
        "critical columns row by row, and keep the index of the rows where supportive is larger.",
        right="a crosstab compares two counts per group at a glance; remember that it counts "
        "the statements we recorded, not opinion.",
    ),
    Exercise(
        "08-4",
        kind="free text",
        level="medium",
        skills=("seaborn-plot",),
        hint="sns.countplot(data=views, y='theatre', hue='stance', palette=...) with the colours "
        "of vocabulary.colours('claims', 'stance').",
    ),
    Exercise(
        "08-5",
        level="medium",
        skills=("boolean-mask", "duplicates"),
        hint="keep the critical views, drop the rows that repeat another row's source_id and "
        "evidence (.drop_duplicates(subset=[...])), then count the rows left.",
        right="a count of rows is not a count of statements: one statement recorded twice counts "
        "once.",
    ),
    Exercise(
        "08-6",
        kind="free text",
        level="stretch",
        skills=("widget-explore",),
        hint="in the source reader, theme 'space-based interceptors' (kind view), then kind 'any' "
        "and theme 'space' for the review's own words.",
    ),
)
