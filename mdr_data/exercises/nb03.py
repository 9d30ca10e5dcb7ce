"""Exercises of notebook 03 · Missile defence cooperation (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "03-1",
        level="medium",
        skills=("merge", "combine-masks"),
        hint="join the relationships to the actors' names with .merge (as for the to_name "
        "column), keep kind 'arms purchase' & actor_from 'USA', and list the to_name values, "
        "each once.",
        right="merge turns ids into names you can read and print.",
    ),
    Exercise(
        "03-2",
        level="easy",
        skills=("boolean-mask",),
        hint="count the rows of the relationships table whose confidence is 'unverified'.",
        right="each of these is reported only by the news article the course started from.",
    ),
    Exercise(
        "03-3",
        level="medium",
        skills=("crosstab",),
        hint="pd.crosstab(edges['theatre'], edges['kind']) and read the cell of row "
        "'Indo-Pacific', column 'host nation' with .loc[row, column].",
        right="a crosstab counts every pair of values at once.",
    ),
    Exercise(
        "03-4",
        level="medium",
        skills=("combine-masks",),
        hint="NATO can be at either end: actor_from == 'NATO' | actor_to == 'NATO', each in "
        "parentheses, then .sum().",
        right="| keeps the rows where either condition holds.",
    ),
    Exercise(
        "03-5",
        level="stretch",
        skills=("merge", "crosstab", "sort-values"),
        hint="keep the Middle East rows of the named edges, crosstab from_name by to_name, add "
        "the United States' row to its column, and read the largest.",
        right="a mutual edge is stored in one direction only: count both.",
    ),
    Exercise(
        "03-6",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="select every kind, focus the network tool on Russia and read each remaining "
        "edge's direction and confidence.",
    ),
)
