"""Exercises of notebook 02 · Missile capabilities: offence and defence (no answers here)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "02-1",
        level="easy",
        skills=("boolean-mask", "combine-masks", "select-columns", "iloc-position"),
        hint="keep China's ICBM row whose unit is 'missiles' and answer with a list [low, high] "
        "read from its count_low and count_high.",
        right="a range, not a single number — and only the news article reports it.",
        ordered=True,
    ),
    Exercise(
        "02-2",
        level="easy",
        skills=("boolean-mask", "combine-masks", "missing-values"),
        hint="combine purpose equal to 'offensive' with count_low .isna() using &, then .sum().",
        right="a missing figure means 'no figure given', not zero.",
    ),
    Exercise(
        "02-3",
        level="medium",
        skills=("boolean-mask", "loc-rows-columns", "nunique"),
        hint="keep the defensive rows' source_id column with .loc and count its distinct values "
        "with .nunique().",
        right="several rows can rest on one source: distinct sources are fewer than rows.",
    ),
    Exercise(
        "02-4",
        level="medium",
        skills=("combine-masks", "sort-values"),
        hint="keep the offensive rows in kilometres, sort them by count_high with "
        "ascending=False and read the first capability_id.",
        right="sort_values(ascending=False) puts the largest first.",
    ),
    Exercise(
        "02-5",
        level="medium",
        skills=("boolean-mask", "groupby", "nunique", "sort-values"),
        hint="keep the defensive rows, count the distinct source_id per actor_id with "
        ".groupby(...)['source_id'].nunique(), .drop('USA'), sort, largest first, and give the "
        "actor's name (the names dict).",
        right="after the United States, the data on this buyer of THAAD and Patriot draws on "
        "the most sources.",
    ),
    Exercise(
        "02-6",
        level="stretch",
        skills=("boolean-mask", "combine-masks", "isin"),
        hint="keep the Hwasong-15 rows, leave out the distances flown (read the notes; "
        "~ .isin() drops a list of ids), then subtract the smallest count_low from the largest "
        "count_high.",
        right="a distance flown on a lofted test is not a range: the notes say which is which.",
    ),
    Exercise(
        "02-7",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the comparison tool, read each interceptor row's status and source_id: what "
        "does each figure count?",
    ),
)
