"""Reference answers of the self-checked exercises — never shipped to students.

For each exercise of kind "check" (mdr_data/exercises/nbNN.py), one function decorated with
``@reference("NN-k")`` computes the answer from the data the way the model solution does, and
returns :class:`Answers`: the right answer, optionally other forms that are just as right, and
common WRONG answers, each with a message aimed at that mistake (it must not give the answer).

``scripts/build_exercise_digests.py`` turns these into ``mdr_data/exercises/digests.json``;
``tests/test_exercises.py`` checks that every reference passes and every wrong answer gets its
own message. Generic mistakes need no entry: check() already answers a Timedelta, a DataFrame or
a Series where a single value is expected, None, and (from the item digests) a list with a
missing, an extra or a repeated item, or the right items in the wrong order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

import mdr_data

__all__ = ["REFERENCES", "Answers", "reference"]


@dataclass(frozen=True)
class Answers:
    """The right answer, equivalent right forms, and (wrong answer, targeted message) pairs."""

    right: object
    also_right: tuple = ()
    wrong: tuple[tuple[object, str], ...] = ()


#: exercise id -> function computing its Answers from the shipped data.
REFERENCES: dict[str, Callable[[], Answers]] = {}


def reference(exercise_id: str):
    """Register the decorated function as the reference answer of ``exercise_id``."""

    def register(func: Callable[[], Answers]) -> Callable[[], Answers]:
        if exercise_id in REFERENCES:
            raise ValueError(f"two references for {exercise_id}")
        REFERENCES[exercise_id] = func
        return func

    return register


def _actor_names(actor_ids) -> list[str]:
    names = mdr_data.actors().set_index("actor_id")["name"]
    return [names[actor_id] for actor_id in actor_ids]


NAMES_NOT_IDS = (
    "those are names: answer with the actor_id values (the short codes of the actor_id column)."
)


# --- 00 · Start here ---------------------------------------------------------------------------


@reference("00-1")
def _00_1() -> Answers:
    return Answers(len(mdr_data.list_tables()))


@reference("00-2")
def _00_2() -> Answers:
    primary = mdr_data.sources(kind="primary")
    by_dod = primary["publisher"].str.contains("Department of Defense")
    answer = primary.loc[by_dod, "source_id"].iloc[0]
    row = primary.set_index("source_id").loc[answer]
    return Answers(
        answer,
        wrong=(
            (row["publisher"], "that is the publisher: answer with the row's source_id."),
            (row["title"], "that is the title: answer with the row's source_id."),
            (
                "mdr-2019-usni",
                "that is a reprint of the review by a news site; the question asks for the "
                "review as its publisher released it.",
            ),
            (
                "dod-briefing-2019-01-17",
                "that is the briefing at the review's release, not the review itself.",
            ),
        ),
    )


# --- 01 · Actors and alignments ----------------------------------------------------------------


@reference("01-1")
def _01_1() -> Answers:
    actors = mdr_data.actors()
    india = actors.loc[actors["actor_id"] == "IND"]
    return Answers(
        india["role"].item(),
        wrong=(
            (india["region"].item(), "that is India's region: answer with its role."),
            (
                "Major Defense Partner",
                "that is a US designation (an event in notebook 04); answer with the value of "
                "the role column, one of the review's categories.",
            ),
        ),
    )


@reference("01-2")
def _01_2() -> Answers:
    ids = mdr_data.actors(role="rogue state")["actor_id"].tolist()
    return Answers(ids, wrong=((_actor_names(ids), NAMES_NOT_IDS),))


# --- 02 · Offensive missile capabilities -------------------------------------------------------


@reference("02-1")
def _02_1() -> Answers:
    icbm = mdr_data.capabilities(actor="China", category="ICBM")
    missiles = icbm[icbm["unit"] == "missiles"]
    low, high = missiles[["count_low", "count_high"]].iloc[0].tolist()
    other_units = icbm[icbm["unit"] != "missiles"]
    wrong = [
        ((low + high) / 2, "a range stays a range: give both ends, [low, high], not their mean."),
        (low, "that is one end of the range: give both ends as a list [low, high]."),
        (high, "that is one end of the range: give both ends as a list [low, high]."),
    ]
    for _, row in other_units.iterrows():
        wrong.append(
            (
                [row["count_low"], row["count_high"]],
                f"that row counts {row['unit']}, not missiles: read the unit column.",
            )
        )
    return Answers([low, high], also_right=((low, high),), wrong=tuple(wrong))


@reference("02-2")
def _02_2() -> Answers:
    china = mdr_data.capabilities(actor="China")
    no_figure = china["count_low"].isna() & china["count_high"].isna()
    return Answers(
        int(no_figure.sum()),
        wrong=(
            (len(china), "that counts all of China's rows: keep those with no figure at all."),
            (0, "a missing count is not zero: .isna() finds the missing values."),
        ),
    )


# --- 03 · Missile defence cooperation ----------------------------------------------------------


@reference("03-1")
def _03_1() -> Answers:
    tri = mdr_data.relationships(multilateral_format="US-Japan-Australia trilateral")
    members = sorted(set(tri["actor_from"]) | set(tri["actor_to"]))
    return Answers(
        members,
        wrong=(
            (_actor_names(members), NAMES_NOT_IDS),
            (
                sorted(set(members) - {"USA"}),
                "the United States is a member of the format too: collect actor_from as well "
                "as actor_to.",
            ),
        ),
    )


@reference("03-2")
def _03_2() -> Answers:
    edges = mdr_data.relationships()
    return Answers(
        int((edges["confidence"] == "unverified").sum()),
        wrong=((len(edges), "that counts every relationship: keep the unverified ones."),),
    )


# --- 04 · India: a case study ------------------------------------------------------------------


@reference("04-1")
def _04_1() -> Answers:
    events = mdr_data.events().set_index("event_id")
    days = (events.loc["sta1-rule-published", "date"] - events.loc["sta1-announced", "date"]).days
    return Answers(
        days,
        wrong=(
            (-days, "subtract the earlier date from the later one."),
            (days + 1, "you counted both end days: the difference of the two dates is asked."),
        ),
    )


@reference("04-2")
def _04_2() -> Answers:
    links = mdr_data.event_actors()
    india = set(links.loc[links["actor_id"] == "IND", "event_id"])
    russia = set(links.loc[links["actor_id"] == "RUS", "event_id"])
    titles = mdr_data.events().set_index("event_id")["title"]
    both = sorted(india & russia)
    return Answers(
        both,
        wrong=(
            (
                sorted(india | russia),
                "those are the events India OR Russia took part in: keep those in both (&).",
            ),
            ([titles[e] for e in both], "those are titles: answer with the event_id values."),
        ),
    )


@reference("04-4")
def _04_4() -> Answers:
    quotes = mdr_data.claims(theme="India", verbatim=True)
    answer = quotes["source_id"].unique()[0]
    publisher = mdr_data.sources().set_index("source_id").loc[answer, "publisher"]
    return Answers(
        answer,
        wrong=(
            (
                quotes["said_by"].iloc[0],
                "that is who said the words (said_by); the question asks where we read them "
                "(source_id).",
            ),
            (publisher, "that is the publisher: answer with the source_id."),
        ),
    )


# --- 05 · Reading sources critically -----------------------------------------------------------


@reference("07-1")
def _05_1() -> Answers:
    claims = mdr_data.claims()
    pages = claims.loc[claims["claim_id"].str.startswith("doc-pages"), "text"]
    numbers = pages.str.extract(r"(\d+)")[0].astype(int)
    return Answers(
        sorted(set(numbers)),
        wrong=(
            (
                numbers.tolist(),
                "some numbers appear more than once: give each different number once.",
            ),
        ),
    )


@reference("07-2")
def _05_2() -> Answers:
    claims = mdr_data.claims()
    said = claims["said_by"] == "mdr-2019"
    read = claims["source_id"] == "mdr-2019"
    return Answers(
        int((said & read).sum()),
        wrong=(
            (
                int(said.sum()),
                "that counts every claim the review made; keep those whose source_id is the "
                "review too (& combines two conditions).",
            ),
            (int((said | read).sum()), "| keeps rows meeting either condition; you need both."),
        ),
    )


# --- 06 · Remix lab ----------------------------------------------------------------------------


def _capabilities_with_source_kind() -> pd.DataFrame:
    sources = mdr_data.sources()[["source_id", "kind"]].rename(columns={"kind": "source_kind"})
    return mdr_data.capabilities().merge(sources, on="source_id", how="left")


@reference("09-1")
def _06_1() -> Answers:
    counts = mdr_data.claims()["confidence"].value_counts()
    return Answers(
        counts.idxmax(),
        wrong=((int(counts.max()), "that is how many claims: answer with the level's name."),),
    )


@reference("09-2")
def _06_2() -> Answers:
    tidy = _capabilities_with_source_kind()
    primary_sources = (mdr_data.sources()["kind"] == "primary").sum()
    return Answers(
        int((tidy["source_kind"] == "primary").sum()),
        wrong=(
            (len(tidy), "that counts every capability row: keep those on a primary source."),
            (
                int(primary_sources),
                "that counts primary sources; the question asks for capability rows.",
            ),
        ),
    )
