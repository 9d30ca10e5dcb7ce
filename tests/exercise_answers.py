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
from pathlib import Path

import nbformat
import pandas as pd

import mdr_data

__all__ = ["REFERENCES", "Answers", "reference"]

REPO = Path(__file__).resolve().parent.parent


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


# --- 07 · Reading sources critically -----------------------------------------------------------


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
            (
                int((said & claims["source_id"].isin(["mdr-2019", "mdr-2019-usni"])).sum()),
                "that counts the USNI News reprint too: mdr-2019-usni is a source of its own; "
                "the question asks for source_id 'mdr-2019', the review as published.",
            ),
        ),
    )


def _notebook_value(notebook: str, name: str) -> object:
    """The value a teaching cell of a master notebook gives ``name`` (``name = ...`` cells)."""
    master = nbformat.read(REPO / "solutions" / notebook, as_version=4)
    cell = next(c for c in master.cells if c.source.startswith(f"{name} = "))
    scope: dict = {}
    exec(cell.source, scope)  # a literal assignment written by us, not learner input
    return scope[name]


@reference("07-5")
def _07_5() -> Answers:
    preface = _notebook_value("07-reading-sources-critically.ipynb", "preface")
    claims = mdr_data.claims()
    quotes = claims[(claims["said_by"] == "mdr-2019") & (claims["is_verbatim"])]
    found = [text in preface for text in quotes["text"]]
    answer = quotes.loc[found, "claim_id"].tolist()
    wrong = [
        (
            quotes["claim_id"].tolist(),
            "those are all the review's verbatim quotations: keep only those whose text is in "
            "preface (text in preface is True or False).",
        ),
        (quotes.loc[found, "text"].tolist(), "those are the texts: answer with their claim_id."),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


def _corroborated_pairs() -> pd.DataFrame:
    first = mdr_data.sources()[["source_id", "publisher"]]
    second = first.rename(
        columns={"source_id": "second_source_id", "publisher": "second_publisher"}
    )
    claims = mdr_data.claims()
    corroborated = claims[claims["confidence"] == "corroborated"]
    pairs = corroborated.merge(first, on="source_id", how="left", validate="many_to_one")
    return pairs.merge(second, on="second_source_id", how="left", validate="many_to_one")


@reference("07-6")
def _07_6() -> Answers:
    pairs = _corroborated_pairs()
    wire_first = pairs["publisher"].str.contains("wire story", na=False)
    wire_second = pairs["second_publisher"].str.contains("wire story", na=False)
    answer = pairs.loc[wire_first | wire_second, "claim_id"].tolist()
    every = mdr_data.claims().merge(
        mdr_data.sources()[["source_id", "publisher"]], on="source_id", how="left"
    )
    wrong = [
        (
            pairs.loc[wire_first, "claim_id"].tolist(),
            "you tested the first source only: the second source can be a wire story too "
            "(| combines the two tests).",
        ),
        (
            pairs.loc[wire_second, "claim_id"].tolist(),
            "you tested the second source only: test the first source's publisher too.",
        ),
        (
            every.loc[every["publisher"].str.contains("wire story", na=False), "claim_id"].tolist(),
            "that list holds claims that are not corroborated: start from the corroborated rows.",
        ),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


# --- 08 · Contested readings -------------------------------------------------------------------


def _views() -> pd.DataFrame:
    claims = mdr_data.claims()
    return claims[claims["claim_kind"] == "view"]


def _not_right(right: object, wrong: list[tuple[object, str]]) -> tuple:
    """The wrong answers that today's data makes neither right nor empty (check() answers an
    empty list itself, before any digest)."""
    return tuple((value, message) for value, message in wrong if value != right and value != [])


SPEAKERS_NOT_IDS = "those are speakers: answer with the claim_id values of their rows."


@reference("08-1")
def _08_1() -> Answers:
    views = _views()
    heritage = views["speaker"].str.contains("heritage", case=False, na=False)
    return Answers(
        views.loc[heritage, "claim_id"].tolist(),
        wrong=((views.loc[heritage, "speaker"].tolist(), SPEAKERS_NOT_IDS),),
    )


@reference("08-2")
def _08_2() -> Answers:
    views = _views()
    russian = views["speaker"].str.contains("Russia", case=False, na=False)
    one_spelling = views["speaker"].str.contains("Russian Ministry of Foreign Affairs", na=False)
    ids = views.loc[russian, "claim_id"].tolist()
    wrong = [
        (
            views.loc[views["theme"] == "Russia", "claim_id"].tolist(),
            "those are the views whose theme is Russia — what a row is about, not who speaks. "
            "Search the speaker column.",
        ),
        (
            views.loc[one_spelling, "claim_id"].tolist(),
            "those are the foreign ministry's statements written one way only; the government "
            "also speaks through its president and its officials, named in other words.",
        ),
        (views.loc[russian, "speaker"].tolist(), SPEAKERS_NOT_IDS),
    ]
    return Answers(ids, wrong=_not_right(ids, wrong))


@reference("08-3")
def _08_3() -> Answers:
    views = _views()
    by_theatre = pd.crosstab(views["theatre"], views["stance"])
    by_theme = pd.crosstab(views["theme"], views["stance"])
    more = by_theatre["supportive"] > by_theatre["critical"]
    answer = by_theatre.index[more].tolist()
    wrong = [
        (
            by_theme.index[by_theme["supportive"] > by_theme["critical"]].tolist(),
            "those are themes: count the views by the theatre column.",
        ),
        (
            by_theatre.index[by_theatre["critical"] > by_theatre["supportive"]].tolist(),
            "those are the theatres where critics outnumber supporters: the question asks for "
            "the reverse.",
        ),
        (
            by_theatre.index[by_theatre["supportive"] >= by_theatre["critical"]].tolist(),
            "a tie is not outnumbering: compare with >, not >=.",
        ),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


@reference("08-5")
def _08_5() -> Answers:
    views = _views()
    critical = views[views["stance"] == "critical"]
    repeat = ["source_id", "evidence"]
    answer = len(critical.drop_duplicates(subset=repeat))
    wrong = [
        (
            len(critical),
            "that counts rows: a statement recorded twice is counted twice. Drop the rows that "
            "repeat another row's source_id and evidence.",
        ),
        (
            critical["source_id"].nunique(),
            "that counts sources: one source can hold several different statements.",
        ),
        (
            critical["speaker"].nunique(),
            "that counts speakers: one speaker can make several different statements.",
        ),
        (
            len(views.drop_duplicates(subset=repeat)),
            "that counts the statements of every stance: keep the critical views first.",
        ),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


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


# --- 05 · Europe and NATO ----------------------------------------------------------------------


def _05_without(right: object, wrong: list[tuple[object, str]]) -> tuple:
    """The wrong answers that today's data does not make equal to the right one."""
    return tuple((value, message) for value, message in wrong if value != right)


def _capabilities_at_places() -> pd.DataFrame:
    sites = mdr_data.places()[["place_id", "actor_id"]].rename(columns={"actor_id": "host_id"})
    return mdr_data.capabilities().merge(sites, on="place_id", how="inner", validate="many_to_one")


@reference("05-1")
def _05_1_europe() -> Answers:
    dates = mdr_data.events().set_index("event_id")["date"]
    start = dates["deveselu-groundbreaking"]
    days = (dates["deveselu-certified"] - start).days
    years = "that is a number of years: answer with the number of days (a Timedelta's .days)."
    return Answers(
        days,
        wrong=_05_without(
            days,
            [
                (-days, "subtract the earlier date (the start of construction) from the later."),
                (days + 1, "you counted both end days: the difference of the two dates is asked."),
                (
                    (dates["deveselu-technical-capability"] - start).days,
                    "that ends on the day the main components were declared complete and handed "
                    "over: the question asks for the certification ceremony.",
                ),
                (days // 365, years),
                (round(days / 365.25), years),
            ],
        ),
    )


@reference("05-2")
def _05_2_europe() -> Answers:
    events = mdr_data.events()
    nato = events.merge(mdr_data.event_actors(actor="NATO"), on="event_id").sort_values("date")
    milestones = nato[nato["kind"] == "milestone"]
    answer = milestones["event_id"].tolist()
    all_milestones = events[events["kind"] == "milestone"].sort_values("date")
    in_europe = all_milestones[all_milestones["theatre"] == "Europe"]
    return Answers(
        answer,
        wrong=_05_without(
            answer,
            [
                (
                    nato["event_id"].tolist(),
                    "those are all the events NATO took part in: keep those of kind 'milestone'.",
                ),
                (milestones["title"].tolist(), "those are titles: answer with the event_id."),
                (
                    in_europe["event_id"].tolist(),
                    "some of these are milestones NATO took no part in: join the events to "
                    "event_actors and keep NATO's rows.",
                ),
                (
                    all_milestones["event_id"].tolist(),
                    "those are the milestones of every actor and theatre: keep the events NATO "
                    "took part in (event_actors).",
                ),
            ],
        ),
    )


@reference("05-3")
def _05_3_europe() -> Answers:
    events = mdr_data.events()
    europe = events[events["theatre"] == "Europe"]
    per_year = europe.groupby(europe["date"].dt.year).size()
    if (per_year == per_year.max()).sum() != 1:
        raise ValueError("05-3 needs one busiest year; the data now has a tie")
    busiest = int(per_year.idxmax())
    every_theatre = events.groupby(events["date"].dt.year).size()
    return Answers(
        busiest,
        wrong=_05_without(
            busiest,
            [
                (
                    int(per_year.max()),
                    "that is how many events the busiest year has: answer with the year.",
                ),
                (
                    int(per_year.index.max()),
                    "that is the latest year with a Europe event, not the busiest: count the "
                    "events per year.",
                ),
                (
                    int(every_theatre.idxmax()),
                    "that is the busiest year of all theatres: keep the Europe events first.",
                ),
            ],
        ),
    )


@reference("05-4")
def _05_4_europe() -> Answers:
    joined = _capabilities_at_places()
    outside = joined[joined["theatre"] != "Europe"]
    hosts = sorted(outside["host_id"].unique())
    in_europe = sorted(joined.loc[joined["theatre"] == "Europe", "host_id"].unique())
    return Answers(
        hosts,
        wrong=_05_without(
            hosts,
            [
                (
                    sorted(outside["actor_id"].unique()),
                    "that is who operates the systems (the capability's actor_id); the question "
                    "asks for the country each place is in (the place's actor_id).",
                ),
                (_actor_names(hosts), NAMES_NOT_IDS),
                (
                    in_europe,
                    "those are the host countries in Europe: keep the rows whose theatre is not "
                    "Europe.",
                ),
                (
                    sorted(set(in_europe) | set(hosts)),
                    "you kept the rows of every theatre: leave out those whose theatre is Europe.",
                ),
            ],
        ),
    )


# --- 06 · The Middle East ----------------------------------------------------------------------

GULF_PARTNERS = ["SAU", "ARE", "QAT", "KWT", "BHR"]


@reference("06-1")
def _06_1_middle_east() -> Answers:
    capabilities = mdr_data.capabilities()
    early = capabilities["status"].isin(["tested", "in development"])
    middle_east = capabilities["theatre"] == "Middle East"
    answer = sorted(capabilities.loc[early & middle_east, "actor_id"].unique())
    return Answers(
        answer,
        wrong=_05_without(
            answer,
            [
                (_actor_names(answer), NAMES_NOT_IDS),
                (
                    sorted(capabilities.loc[early, "actor_id"].unique()),
                    "you kept the rows of every theatre: keep those whose theatre is Middle East.",
                ),
            ],
        ),
    )


@reference("06-2")
def _06_2_middle_east() -> Answers:
    capabilities = mdr_data.capabilities()
    middle_east = capabilities[capabilities["theatre"] == "Middle East"]
    table = middle_east.pivot_table(
        index="actor_id", columns="purpose", values="capability_id", aggfunc="count", fill_value=0
    )
    answer = int(table.loc["IRN", "offensive"])
    iran = capabilities[capabilities["actor_id"] == "IRN"]
    return Answers(
        answer,
        wrong=_05_without(
            answer,
            [
                (
                    int(table.loc["IRN"].sum()),
                    "that counts all of Iran's Middle East rows: read the offensive column only.",
                ),
                (
                    int(table["offensive"].sum()),
                    "that is the whole offensive column: read Iran's row of it.",
                ),
                (
                    int((iran["purpose"] == "offensive").sum()),
                    "that counts Iran's offensive rows in every theatre: keep the Middle East.",
                ),
            ],
        ),
    )


@reference("06-3")
def _06_3_middle_east() -> Answers:
    capabilities = mdr_data.capabilities()
    gulf = capabilities[capabilities["actor_id"].isin(GULF_PARTNERS)]
    per_partner = gulf.groupby("actor_id").agg(
        rows=("capability_id", "size"), sources=("source_id", "nunique")
    )
    one_source = per_partner[(per_partner["rows"] > 1) & (per_partner["sources"] == 1)]
    answer = one_source.index.item()
    single_row = per_partner.index[(per_partner["rows"] == 1) & (per_partner["sources"] == 1)]
    wrong = [
        (_actor_names([answer])[0], NAMES_NOT_IDS),
        (
            per_partner["rows"].idxmax(),
            "that partner has the most rows, and they rest on several sources: compare the "
            "number of rows with the number of sources.",
        ),
        *(
            (
                actor,
                "that partner's row does come from one source, but it has only one row: the "
                "question asks for more than one.",
            )
            for actor in single_row
        ),
    ]
    return Answers(answer, wrong=_05_without(answer, wrong))


@reference("06-4")
def _06_4_middle_east() -> Answers:
    capabilities = mdr_data.capabilities()
    rows = capabilities[capabilities["actor_id"] == "HIZBOLLAH"]
    low, high = int(rows["count_low"].min()), int(rows["count_high"].max())
    one_end = "that is one end: give both, the lowest and the highest figure, as [low, high]."
    return Answers(
        [low, high],
        also_right=((low, high),),
        wrong=(
            ((low + high) / 2, "a range stays a range: give both ends, not their mean."),
            (
                int(rows["count_high"].sum()),
                "never add two sources' estimates of the same arsenal: give the lowest and the "
                "highest figure as [low, high].",
            ),
            (low, one_end),
            (high, one_end),
        ),
    )
