"""Exercises of notebook 01 · Actors and alignments (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "01-1",
        level="easy",
        skills=("boolean-mask", "loc-rows-columns"),
        hint="find India's row in mdr_data.actors() (or pick India in the explorer) and read "
        "its role column.",
        right="a role from the review's own categories, tied to India's status in US policy.",
    ),
    Exercise(
        "01-2",
        level="easy",
        skills=("loader-filter",),
        hint="filter mdr_data.actors(role=...) and answer with a list of actor_id values.",
        right="the review groups them under one label.",
    ),
    Exercise(
        "01-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the actor explorer, read the confidence column of Australia's relationships.",
    ),
    Exercise(
        "01-4",
        kind="free text",
        level="medium",
        skills=("boolean-mask", "loc-rows-columns", "value-counts"),
        hint="keep the claims whose said_by is the review, then count them by theme.",
    ),
)
