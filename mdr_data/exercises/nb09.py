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
        right="most capability rows rest on reporting, not on the review or an official record.",
    ),
    Exercise(
        "09-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the question builder: table capabilities, group by unit; read the longest bar's "
        "label, then the unit column.",
    ),
    Exercise(
        "09-4",
        kind="free text",
        level="stretch",
        skills=("export-validate", "append-row", "loader-filter"),
        hint="append your row to the copy's relationships.csv, validate the copy, then load it "
        "with data_dir=folder.",
    ),
    Exercise(
        "09-5",
        level="medium",
        skills=("sort-values", "iloc-position"),
        hint="sort figures(unit='kilometres') by count_high, largest first, and read the "
        "source_id of the first row.",
        right="a figure is only as good as its source: name the source_id whenever you quote one.",
    ),
)
