"""Exercises of notebook 04 · India: a case study (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "04-1",
        level="medium",
        skills=("set-index-lookup", "date-arithmetic"),
        hint="read the two dates with events.set_index('event_id').loc[id, 'date'], subtract "
        "the earlier from the later and take .days.",
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
        level="easy",
        skills=("date-parts", "boolean-mask"),
        hint="compare events['date'].dt.month with the month's number and count the True "
        "values (.sum()).",
        right=".dt.month reads the month of every date at once.",
    ),
    Exercise(
        "04-4",
        level="easy",
        skills=("loader-filter", "boolean-mask", "loc-rows-columns"),
        hint="filter mdr_data.claims(theme='Iran', verbatim=True), keep the rows said by "
        "'mdr-2019' and read their source_id column.",
        right="we read the review's words in a report about it, not in the review itself.",
    ),
    Exercise(
        "04-5",
        level="stretch",
        skills=("set-index-lookup", "date-arithmetic"),
        hint="look both dates up by event_id, subtract the earlier (the contract) from the later "
        "(the release) and take .days.",
        right="about three and a half months: the contract came first.",
    ),
    Exercise(
        "04-6",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the timeline, look for two lines about one step and compare their sources.",
    ),
    Exercise(
        "04-7",
        kind="free text",
        level="medium",
        skills=("merge", "sort-values"),
        hint="join India's rows of event_actors to the events' dates on event_id, then sort by "
        "date.",
    ),
)
