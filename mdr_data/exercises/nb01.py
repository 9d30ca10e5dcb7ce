"""Exercises of notebook 01 · Actors and alignments (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "01-1",
        level="easy",
        skills=("boolean-mask", "loc-rows-columns"),
        hint="keep Canada's row with a mask on the name column and read its role column with "
        ".loc[mask, 'role'] (.item() gives the single value).",
        right="a label we chose from the NORAD relationship; the notes say so.",
    ),
    Exercise(
        "01-2",
        level="easy",
        skills=("boolean-mask", "combine-masks", "loc-rows-columns"),
        hint="combine two masks with &: region equal to 'Middle East' and role equal to "
        "'partner'; answer with the values of the name column as a list (.tolist()).",
        right="& keeps the rows where both conditions hold.",
    ),
    Exercise(
        "01-3",
        level="medium",
        skills=("missing-values",),
        hint="second_source_id is missing where a row has no second source: .isna() then .sum().",
        right="a missing second source is why most such rows are not 'corroborated'.",
    ),
    Exercise(
        "01-4",
        level="medium",
        skills=("string-methods", "loc-rows-columns"),
        hint="search the notes column with .str.contains('Aegis Ashore', na=False) and answer "
        "with the actor_id values of the rows it keeps, as a list.",
        right=".str.contains() finds a phrase in a text column; na=False skips missing notes.",
    ),
    Exercise(
        "01-5",
        level="stretch",
        skills=("isin", "combine-masks", "loc-rows-columns"),
        hint="region .isin() the two regions gives the rows inside them; ~ turns that mask "
        "around; combine it with role equal to 'ally' using &, and list the name column.",
        right="~ negates a mask: outside the regions, not inside them.",
    ),
    Exercise(
        "01-6",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the actor explorer, read the confidence column of Australia's relationships.",
    ),
    Exercise(
        "01-7",
        kind="free text",
        level="stretch",
        skills=("isin", "plot-on-axes"),
        hint="keep the rows of maps.countries() whose iso3 .isin(hosts['iso3']), then colour "
        "them on axes from plt.subplots().",
    ),
)
