"""Exercises of notebook 07 · Reading sources critically (authored text only: no answers)."""

from mdr_data.exercises._model import Exercise

EXERCISES = (
    Exercise(
        "07-1",
        level="medium",
        skills=("boolean-mask", "loc-rows-columns", "string-methods"),
        hint="keep the texts of the claims whose claim_id starts with 's400-value', pull out the "
        "number just before 'billion' with .str.extract (allow a decimal point: "
        "r'(\\d+(?:\\.\\d+)?) billion'), and give the different numbers, each once.",
        right="several values, each kept with its own source and date; none is silently preferred.",
    ),
    Exercise(
        "07-2",
        level="medium",
        skills=("boolean-mask", "combine-masks"),
        hint="three conditions joined with &: said_by is 'mdr-2019', is_verbatim is true, "
        "confidence is 'corroborated'; then .sum() the mask.",
        right="only a few of the review's sentences are quoted word for word by two independent "
        "sources.",
    ),
    Exercise(
        "07-3",
        kind="free text",
        level="medium",
        skills=("widget-explore",),
        hint="in the source reader, compare the claims of the theme 'the document' and their "
        "confidence.",
    ),
    Exercise(
        "07-4",
        kind="free text",
        level="stretch",
        skills=("export-validate", "append-row"),
        hint="export a copy, append your row to its claims.csv with pandas, then run "
        "mdr_data.validate on the copy.",
    ),
    Exercise(
        "07-5",
        level="medium",
        skills=("combine-masks", "loc-rows-columns"),
        hint="keep the rows said by the review AND verbatim (&), test each text with `text in "
        "preface`, and keep the claim_id values of the rows found.",
        right="a quotation found word for word in the full text is confirmed; the others are "
        "undecided, not wrong: the rest of the review was not readable.",
    ),
    Exercise(
        "07-6",
        level="medium",
        skills=("merge-roles", "string-methods", "combine-masks"),
        hint="in pairs (corroborated claims merged with the sources twice), test publisher and "
        "second_publisher with .str.contains('wire story') and combine the two tests with |.",
        right="these rows rest on a wire story; their corroboration holds only because the other "
        "source is not a copy of that same wire.",
    ),
    Exercise(
        "07-7",
        kind="free text",
        level="stretch",
        skills=("set-index-lookup", "merge-roles"),
        hint="apply the four steps of the verification section to the row; compare it with the "
        "row more-than-20-states.",
    ),
)
