"""Exercises of notebook 06 · The Middle East (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "06-1",
        level="easy",
        skills=("boolean-mask", "isin"),
        hint="keep the capability rows whose theatre is 'Middle East', then those whose status "
        ".isin() the two statuses, and answer with the different actor_id values.",
        right="two stages short of service: missiles, space launchers and defences still being "
        "tested or developed.",
    ),
    Exercise(
        "06-2",
        level="medium",
        skills=("boolean-mask", "pivot-table", "loc-rows-columns"),
        hint="pivot the Middle East rows with index='actor_id', columns='purpose', "
        "values='capability_id', aggfunc='count', then read one cell with .loc[actor, purpose].",
        right="a pivot table shows the whole actor × purpose picture at once; one cell is one "
        "count of rows.",
    ),
    Exercise(
        "06-3",
        level="medium",
        skills=("isin", "groupby", "groupby-agg", "combine-masks"),
        hint="keep the Gulf partners' rows with .isin(), then .groupby('actor_id').agg(rows=(…, "
        "'size'), sources=('source_id', 'nunique')), and keep the partner with rows > 1 and "
        "sources == 1.",
        right="many rows can rest on one report: count the sources, not only the rows.",
    ),
    Exercise(
        "06-4",
        level="medium",
        skills=("boolean-mask",),
        hint="keep the two HIZBOLLAH rows, then take the smallest count_low and the largest "
        "count_high; answer with both, as a list [low, high].",
        right="two estimates make a range; adding or averaging them would invent a figure no "
        "source gives.",
        ordered=True,
    ),
    Exercise(
        "06-5",
        kind="free text",
        level="stretch",
        skills=("isin", "merge", "seaborn-facets"),
        hint="keep the Middle East rows of ISR and USA that carry a figure, merge in the actors' "
        "names for the labels, then sns.catplot(..., kind='bar', col='unit', sharex=False).",
    ),
)
