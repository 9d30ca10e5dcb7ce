"""Exercises of notebook 05 · Europe and NATO (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "05-1",
        level="easy",
        skills=("boolean-mask", "loc-rows-columns", "date-arithmetic"),
        hint="find the two Deveselu events (the start of construction and the certification), "
        "take each date with .loc[mask, 'date'].item(), subtract the earlier from the later and "
        "read .days.",
        right="a site takes years from the first spade to certification; name the step you date.",
    ),
    Exercise(
        "05-2",
        level="medium",
        skills=("loader-filter", "merge", "sort-values"),
        hint="merge mdr_data.events(kind='milestone') with mdr_data.event_actors(actor='NATO') on "
        "event_id, sort by date and answer with the event_id column as a list.",
        right="an inner merge is also a filter: it keeps only the events NATO took part in.",
        ordered=True,
    ),
    Exercise(
        "05-3",
        level="medium",
        skills=("boolean-mask", "date-parts", "groupby", "seaborn-plot"),
        hint="keep the events whose theatre is Europe, add their year with .dt.year, count the "
        "events per year (groupby(...).size() or sns.countplot) and answer with the busiest year.",
        right="a bar chart per year shows when the European story was busiest — and your chart "
        "shows which years had nothing at all.",
    ),
    Exercise(
        "05-4",
        level="stretch",
        skills=("merge", "boolean-mask"),
        hint="rename the places' actor_id to host_id before merging on place_id, keep the rows "
        "whose theatre is not 'Europe', and answer with the different host_id values.",
        right="the same join answers a question about any theatre: the host is the place's "
        "actor_id, not the capability's.",
    ),
    Exercise(
        "05-5",
        kind="free text",
        level="medium",
        skills=("boolean-mask", "merge"),
        hint="keep the Europe claims of kind 'view', read speaker, stance, is_verbatim and text in "
        "full, and merge the sources table for the publisher and date.",
    ),
)
