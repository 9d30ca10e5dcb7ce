"""Exercises of notebook 03 · Missile defence cooperation (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "03-1",
        level="medium",
        skills=("loader-filter", "set-operations"),
        hint="use mdr_data.relationships(multilateral_format=...) and collect actor_from and "
        "actor_to as a list of actor_id values, each once.",
        right="three states, three edges.",
    ),
    Exercise(
        "03-2",
        level="easy",
        skills=("boolean-mask",),
        hint="count the rows of mdr_data.relationships() whose confidence is 'unverified'.",
        right="each of these is reported only by the news article the course started from.",
    ),
    Exercise(
        "03-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="focus the network tool on Russia and read each remaining edge's direction and "
        "confidence.",
    ),
    Exercise(
        "03-4",
        kind="free text",
        level="easy",
        skills=("loader-filter", "value-counts"),
        hint="filter the relationships to the United States, then count the kind column.",
    ),
)
