"""Exercises of notebook 04 · India: a case study (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "04-1",
        level="medium",
        skills=("set-index-lookup", "date-arithmetic"),
        hint="subtract the dates of the events sta1-announced and sta1-rule-published "
        "(a Timedelta has .days).",
        right="an announcement and the rule that formalised it are two dated steps.",
    ),
    Exercise(
        "04-2",
        level="medium",
        skills=("boolean-mask", "loc-rows-columns", "set-operations"),
        hint="take the event_id values mdr_data.event_actors() lists for IND and those it lists "
        "for RUS, and keep the ones in both (a set intersection); answer with a list.",
        right="a summit and the contract concluded at it.",
    ),
    Exercise(
        "04-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the timeline, look for two lines about one step and compare their sources.",
    ),
    Exercise(
        "04-4",
        level="easy",
        skills=("loader-filter", "select-columns"),
        hint="filter mdr_data.claims(theme='India', verbatim=True) and read the source_id column.",
        right="we read the review's words in a wire report, not in the review itself.",
    ),
    Exercise(
        "04-5",
        kind="free text",
        level="medium",
        skills=("loader-filter", "merge", "sort-values"),
        hint="join India's rows of event_actors to the events' dates on event_id, then sort by "
        "date.",
    ),
)
