"""Exercises of notebook 09 · Remix lab (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "09-1",
        level="easy",
        skills=("value-counts",),
        hint="count mdr_data.claims() by confidence (value_counts) and answer with the most "
        "frequent level, as text.",
        right="most claims rest on one source (a wire story and its reprints count once).",
    ),
    Exercise(
        "09-2",
        level="easy",
        skills=("merge", "boolean-mask"),
        hint="in tidy_capabilities() (capabilities joined to their sources), count the rows "
        "whose source_kind is 'primary'.",
        right="nearly every capability figure comes from reporting about the review.",
    ),
    Exercise(
        "09-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the question builder, look at which rows the United States' bar adds up.",
    ),
    Exercise(
        "09-4",
        kind="free text",
        level="stretch",
        skills=("export-validate", "append-row", "loader-filter"),
        hint="append your row to the copy's relationships.csv, validate the copy, then load it "
        "with data_dir=folder.",
    ),
)
