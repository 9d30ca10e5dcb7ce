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
IDS_NOT_NAMES = "those are actor_id codes: answer with the names (the name column)."


# --- 00 · Start here ---------------------------------------------------------------------------


@reference("00-1")
def _00_1() -> Answers:
    capabilities = mdr_data.load("capabilities")
    rows, columns = capabilities.shape
    return Answers(
        rows,
        wrong=(
            (columns, "that is the number of columns: .shape is (rows, columns)."),
            (len(mdr_data.list_tables()), "that is the number of tables, not of rows."),
        ),
    )


@reference("00-2")
def _00_2() -> Answers:
    primary = mdr_data.sources(kind="primary")
    answer = primary["source_id"].iloc[0]
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


@reference("00-3")
def _00_3() -> Answers:
    events = mdr_data.load("events")
    kinds = events["kind"].value_counts()
    return Answers(
        int(kinds["test"]),
        wrong=(
            (len(events), "that counts every event: read the count of the kind 'test'."),
            ("test", "that is the kind itself: answer with how many events have it."),
        ),
    )


@reference("00-4")
def _00_4() -> Answers:
    dtypes = mdr_data.load("capabilities").dtypes
    columns = dtypes[dtypes == "Int64"].index.tolist()
    return Answers(
        columns,
        wrong=(
            (["Int64"], "that is the dtype: answer with the names of the columns that have it."),
            (
                [*columns, "unit"],
                "unit is a category (a fixed list of words), not a number: leave it out.",
            ),
        ),
    )


@reference("00-6")
def _00_6() -> Answers:
    rows = {name: mdr_data.load(name).shape[0] for name in mdr_data.list_tables()}
    largest = max(rows, key=rows.get)
    smallest = min(rows, key=rows.get)
    return Answers(
        largest,
        wrong=(
            (rows[largest], "that is how many rows it has: answer with the table's name."),
            (smallest, "that table has the fewest rows: look for the most."),
        ),
    )


# --- 01 · Actors and alignments ----------------------------------------------------------------


def _actor_ids(mask) -> list[str]:
    actors = mdr_data.actors()
    return actors.loc[mask(actors), "actor_id"].tolist()


@reference("01-1")
def _01_1() -> Answers:
    actors = mdr_data.actors()
    canada = actors.loc[actors["name"] == "Canada"]
    return Answers(
        str(canada["role"].item()),
        wrong=(
            (canada["actor_id"].item(), "that is Canada's actor_id: answer with its role."),
            (str(canada["region"].item()), "that is Canada's region: answer with its role."),
        ),
    )


@reference("01-2")
def _01_2() -> Answers:
    ids = _actor_ids(lambda a: (a["region"] == "Middle East") & (a["role"] == "partner"))
    region = _actor_ids(lambda a: a["region"] == "Middle East")
    partners = _actor_ids(lambda a: a["role"] == "partner")
    return Answers(
        _actor_names(ids),
        wrong=(
            (ids, IDS_NOT_NAMES),
            (
                _actor_names(region),
                "those are all actors of the Middle East: keep only the partners (&).",
            ),
            (
                _actor_names(partners),
                "those are all partners: keep only those in the Middle East (&).",
            ),
        ),
    )


@reference("01-3")
def _01_3() -> Answers:
    second = mdr_data.actors()["second_source_id"]
    return Answers(
        int(second.isna().sum()),
        wrong=(
            (int(second.notna().sum()), "that counts the rows that have a second source."),
            (len(second), "that counts every actor: keep those whose second_source_id is missing."),
        ),
    )


@reference("01-4")
def _01_4() -> Answers:
    ids = _actor_ids(lambda a: a["notes"].str.contains("Aegis Ashore", na=False))
    return Answers(ids, wrong=((_actor_names(ids), NAMES_NOT_IDS),))


@reference("01-5")
def _01_5() -> Answers:
    regions = ["Europe", "Middle East"]
    ids = _actor_ids(lambda a: ~a["region"].isin(regions) & (a["role"] == "ally"))
    inside = _actor_ids(lambda a: a["region"].isin(regions) & (a["role"] == "ally"))
    return Answers(
        _actor_names(ids),
        wrong=(
            (ids, IDS_NOT_NAMES),
            (
                _actor_names(inside),
                "those are the allies inside Europe and the Middle East: ~ turns a mask around.",
            ),
        ),
    )


# --- 02 · Missile capabilities: offence and defence ---------------------------------------------


@reference("02-1")
def _02_1() -> Answers:
    caps = mdr_data.capabilities()
    icbm = caps[(caps["actor_id"] == "CHN") & (caps["category"] == "ICBM")]
    missiles = icbm[icbm["unit"] == "missiles"]
    low, high = missiles[["count_low", "count_high"]].iloc[0].tolist()
    wrong = [
        ((low + high) / 2, "a range stays a range: give both ends, [low, high], not their mean."),
        (low, "that is one end of the range: give both ends as a list [low, high]."),
        (high, "that is one end of the range: give both ends as a list [low, high]."),
    ]
    for row in icbm[icbm["unit"] != "missiles"].itertuples():
        wrong.append(
            (
                [row.count_low, row.count_high],
                f"that row counts {row.unit}, not missiles: read the unit column.",
            )
        )
    return Answers([low, high], also_right=((low, high),), wrong=tuple(wrong))


@reference("02-2")
def _02_2() -> Answers:
    caps = mdr_data.capabilities()
    offensive = caps["purpose"] == "offensive"
    no_figure = caps["count_low"].isna()
    return Answers(
        int((offensive & no_figure).sum()),
        wrong=(
            (
                int(no_figure.sum()),
                "that counts rows of every purpose: keep the offensive ones (&).",
            ),
            (int(offensive.sum()), "that counts every offensive row: keep those with no figure."),
            (0, "a missing figure is not zero: .isna() finds the missing values."),
        ),
    )


@reference("02-3")
def _02_3() -> Answers:
    caps = mdr_data.capabilities()
    sources = caps.loc[caps["purpose"] == "defensive", "source_id"]
    return Answers(
        sources.nunique(),
        wrong=(
            (len(sources), "that counts rows; .nunique() counts the different sources."),
            (caps["source_id"].nunique(), "that counts the sources of every purpose."),
        ),
    )


@reference("02-4")
def _02_4() -> Answers:
    caps = mdr_data.capabilities()
    km = caps[(caps["purpose"] == "offensive") & (caps["unit"] == "kilometres")]
    top = km.sort_values("count_high", ascending=False).iloc[0]
    smallest = km.sort_values("count_high").iloc[0]
    return Answers(
        top["capability_id"],
        wrong=(
            (top["system"], "that is the system's name: answer with the row's capability_id."),
            (top["actor_id"], "that is the actor: answer with the row's capability_id."),
            (
                smallest["capability_id"],
                "that is the smallest: sort with ascending=False to put the largest first.",
            ),
        ),
    )


@reference("02-5")
def _02_5() -> Answers:
    caps = mdr_data.capabilities()
    defensive = caps[caps["purpose"] == "defensive"]
    per_actor = defensive.groupby("actor_id")["source_id"].nunique().drop("USA")
    answer = per_actor.sort_values(ascending=False).index[0]
    return Answers(
        _actor_names([answer])[0],
        wrong=(
            ("United States", "the question leaves out the United States: .drop('USA') first."),
            (answer, "that is the actor_id: answer with the actor's name."),
            (int(per_actor.max()), "that is how many sources: answer with the actor's name."),
        ),
    )


@reference("02-6")
def _02_6() -> Answers:
    caps = mdr_data.capabilities()
    hwasong15 = caps[caps["system"] == "Hwasong-15"]
    flown = hwasong15["capability_id"].str.contains("-flight-")
    ranges = hwasong15[~flown]
    answer = int(ranges["count_high"].max() - ranges["count_low"].min())
    everything = int(hwasong15["count_high"].max() - hwasong15["count_low"].min())
    return Answers(
        answer,
        wrong=(
            (
                everything,
                "that includes a distance flown on the lofted test, which is not a range: "
                "read the notes and leave those rows out.",
            ),
            (int(ranges["count_high"].max()), "that is the largest range: subtract the smallest."),
        ),
    )


# --- 03 · Missile defence cooperation ----------------------------------------------------------


@reference("03-1")
def _03_1() -> Answers:
    edges = mdr_data.relationships()
    sold = edges[(edges["kind"] == "arms purchase") & (edges["actor_from"] == "USA")]
    ids = sorted(set(sold["actor_to"]))
    all_buyers = sorted(set(edges.loc[edges["kind"] == "arms purchase", "actor_to"]))
    return Answers(
        _actor_names(ids),
        wrong=(
            (ids, "those are actor_ids: merge with the actors table and answer with the names."),
            (
                _actor_names(all_buyers),
                "those are the buyers of every seller: keep the rows whose actor_from is the "
                "United States (&).",
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


@reference("03-3")
def _03_3() -> Answers:
    edges = mdr_data.relationships()
    table = pd.crosstab(edges["theatre"], edges["kind"])
    return Answers(
        int(table.loc["Indo-Pacific", "host nation"]),
        wrong=(
            (
                int(table["host nation"].sum()),
                "that counts host nation rows in every theatre: read the Indo-Pacific row.",
            ),
            (
                int(table.loc["Indo-Pacific"].sum()),
                "that counts every Indo-Pacific row: read the host nation column.",
            ),
        ),
    )


@reference("03-4")
def _03_4() -> Answers:
    edges = mdr_data.relationships()
    start, end = edges["actor_from"] == "NATO", edges["actor_to"] == "NATO"
    return Answers(
        int((start | end).sum()),
        wrong=(
            (int(start.sum()), "you counted one end only (actor_from): combine both ends with |."),
            (int(end.sum()), "you counted one end only (actor_to): combine both ends with |."),
        ),
    )


@reference("03-5")
def _03_5() -> Answers:
    edges = mdr_data.relationships()
    names = mdr_data.actors().set_index("actor_id")["name"]
    middle_east = edges[edges["theatre"] == "Middle East"]
    with_us = middle_east[(middle_east["actor_from"] == "USA") | (middle_east["actor_to"] == "USA")]
    other = with_us["actor_from"].where(with_us["actor_to"] == "USA", with_us["actor_to"])
    counts = other.value_counts()
    answer = counts.index[0]
    one_way = with_us.loc[with_us["actor_from"] == "USA", "actor_to"].value_counts()
    wrong = [(answer, "that is an actor_id: answer with the actor's name.")]
    if one_way.index[0] != answer:
        wrong.append(
            (
                names[one_way.index[0]],
                "you counted one direction only: add the edges that run to the United States.",
            )
        )
    return Answers(names[answer], wrong=tuple(wrong))


# --- 04 · India: a case study ------------------------------------------------------------------


def _days_between(earlier: str, later: str) -> int:
    dates = mdr_data.events().set_index("event_id")["date"]
    return (dates[later] - dates[earlier]).days


@reference("04-1")
def _04_1() -> Answers:
    days = _days_between("sta1-announced", "sta1-rule-published")
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
            (
                sorted(india - russia),
                "those are India's events without Russia: keep those in both (&).",
            ),
            ([titles[e] for e in both], "those are titles: answer with the event_id values."),
        ),
    )


@reference("04-3")
def _04_3() -> Answers:
    dates = mdr_data.events()["date"]
    september = dates.dt.month == 9
    return Answers(
        int(september.sum()),
        wrong=(
            (len(dates), "that counts every event: keep those whose .dt.month is 9."),
            (int((dates.dt.day == 9).sum()), "that counts the 9th day of a month: use .dt.month."),
            (
                int((september & (dates.dt.year == 2018)).sum()),
                "that counts September 2018 only: the question asks for any year.",
            ),
        ),
    )


@reference("04-4")
def _04_4() -> Answers:
    quotes = mdr_data.claims(theme="Iran", verbatim=True)
    review = quotes[quotes["said_by"] == "mdr-2019"]
    answer = review["source_id"].unique()[0]
    publisher = mdr_data.sources().set_index("source_id").loc[answer, "publisher"]
    return Answers(
        answer,
        wrong=(
            (
                "mdr-2019",
                "that is who said the words (said_by); the question asks where we read them "
                "(source_id).",
            ),
            (publisher, "that is the publisher: answer with the source_id."),
        ),
    )


@reference("04-5")
def _04_5() -> Answers:
    days = _days_between("s400-contract", "mdr-released")
    return Answers(
        days,
        wrong=(
            (-days, "the order is wrong: subtract the earlier date (the contract) from the later."),
            (days + 1, "you counted both end days: the difference of the two dates is asked."),
        ),
    )


# --- 07 · Reading sources critically -----------------------------------------------------------


@reference("07-1")
def _07_1() -> Answers:
    claims = mdr_data.claims()
    values = claims.loc[claims["claim_id"].str.startswith("s400-value"), "text"]
    billions = values.str.extract(r"(\d+(?:\.\d+)?) billion")[0].astype(float)
    whole = values.str.extract(r"(\d+) billion")[0].astype(int)
    first_number = values.str.extract(r"(\d+)")[0].astype(int)
    answer = sorted(set(billions))
    wrong = [
        (
            billions.tolist(),
            "some numbers appear more than once: give each different number once.",
        ),
        (
            sorted(set(whole)),
            "the pattern cut the numbers at the decimal point: let it take a point and more "
            "digits too.",
        ),
        (
            sorted(set(first_number)),
            "that is the first number in each text (the 400 of 'S-400'): take the number just "
            "before 'billion'.",
        ),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


@reference("07-2")
def _07_2() -> Answers:
    claims = mdr_data.claims()
    said = claims["said_by"] == "mdr-2019"
    verbatim = claims["is_verbatim"].fillna(False)
    corroborated = claims["confidence"] == "corroborated"
    answer = int((said & verbatim & corroborated).sum())
    wrong = [
        (
            int((said & verbatim).sum()),
            "that counts the review's quotations of every confidence: add the condition on "
            "confidence.",
        ),
        (
            int((said & corroborated).sum()),
            "that counts quotations and paraphrases alike: add the condition on is_verbatim.",
        ),
        (
            int((verbatim & corroborated).sum()),
            "that counts every claimant's quotations: keep those said by the review.",
        ),
        (
            int((said | verbatim | corroborated).sum()),
            "| keeps rows meeting any of the conditions; you need all three (&).",
        ),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


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


# --- 09 · Remix lab ----------------------------------------------------------------------------


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


@reference("09-5")
def _09_5() -> Answers:
    from mdr_data.views import figures

    longest = figures(unit="kilometres").sort_values("count_high", ascending=False)
    top = longest.iloc[0]
    answer = top["source_id"]
    wrong = [
        (top["system"], "that is the system: answer with the source_id of its row (who says so)."),
        (top["actor_id"], "that is the actor: answer with the source_id of the row."),
        (top["actor_name"], "that is the actor: answer with the source_id of the row."),
        (
            int(longest.index[0]),
            "that is the row's index label: read the source_id column of that row.",
        ),
        (int(top["count_high"]), "that is the range: answer with the source_id of its row."),
    ]
    return Answers(answer, wrong=_not_right(answer, wrong))


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
