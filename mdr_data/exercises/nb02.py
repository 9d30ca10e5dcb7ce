"""Exercises of notebook 02 · Offensive missile capabilities (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "02-1",
        level="easy",
        skills=("loader-filter", "select-columns", "iloc-position"),
        hint="answer with a list [low, high] read from count_low and count_high of China's ICBM "
        "row that counts missiles (look at the unit column).",
        right="a range, not a single number — and only the news article reports it.",
        ordered=True,
    ),
    Exercise(
        "02-2",
        level="easy",
        skills=("loader-filter", "missing-values", "combine-masks"),
        hint="count China's rows in mdr_data.capabilities(actor='China') where count_low and "
        "count_high are both missing (.isna() and .sum() help).",
        right="a missing count means 'no figure given', not zero.",
    ),
    Exercise(
        "02-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the comparison tool, read each interceptor row's status and source_id: what "
        "does each figure count?",
    ),
    Exercise(
        "02-4",
        kind="free text",
        level="medium",
        skills=("boolean-mask", "groupby"),
        hint="keep the unverified capability rows, then count them per actor_id.",
    ),
)
