"""Claims about the data are true (issue 11).

A sentence in a notebook that describes the data ("25 rows", "two capability rows count the
interceptors at Deveselu", "Iran, which the review casts as a rogue state") must match the
tables, and no sentence or chart title may attribute to the review what the data says comes from
elsewhere. Three checks, on the master notebooks (``solutions/``: the learner copies are made
from them) and on the package's titles:

1. ``MISATTRIBUTIONS``: phrasings known to be false for this data, e.g. calling every role "the
   review's own category" or colouring a map "by the role the review casts them in" (most actors
   are not named in the review, ``named_in_review``; their role comes from NATO, AIPAC or a news
   report).
2. ``cast as`` sentences: "X, which the review casts as a Y" is true only when the actors table
   says the review names X and records the role Y.
3. ``DATA_SENTENCES``: each sentence that states a count or picks out rows is registered with the
   computation that makes it true; the test recomputes it. A registered sentence no longer in its
   notebook is skipped (the notebook was rewritten), never failed.

Add a sentence to ``DATA_SENTENCES`` when you write one; better still, compute it in a cell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import mdr_data

REPO = Path(__file__).resolve().parent.parent
MASTERS = sorted((REPO / "solutions").glob("[0-9][0-9]-*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _prose(path: Path) -> str:
    """The notebook's markdown, one string (bold and code marks kept)."""
    return "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")


def _code(path: Path) -> str:
    return "\n".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code")


def _flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces (sentences span lines)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- 1. misattributions

#: (pattern, why it is false for this data); searched in every master's prose, case-insensitive.
MISATTRIBUTIONS = [
    (
        r"review's own categor",
        "the roles are our classification from the cited sources: the review names only some "
        "actors (named_in_review), the others' roles come from NATO, AIPAC or news reports",
    ),
    (
        r"roles? (?:that |which )?the (?:2019 )?(?:review|MDR) casts",
        "a map or chart of every actor is coloured by the role the actors table records; for "
        "actors the review does not name, that role does not come from the review",
    ),
    (
        r"(?:first|last|only the) (?:two|three|four|five) rows (?:are|is) the review",
        "which rows are the review speaking depends on said_by: compute it, do not count rows",
    ),
    (
        r"every (?:figure|row|number) in these tables (?:remains|is) the US Department of "
        r"Defense's assessment",
        "rows come from NATO and US records, news reports, think tanks and critics' views too: "
        "a row is what the source named in it states",
    ),
    (
        r"labelled with its date and (?:`event_id`|id\b)",
        "the timeline labels each event with its date and the start of its title (names, not ids)",
    ),
    (
        r"according to the (?:2019 MDR|review) as reported by",
        "a table's rows each cite their own source, and not every source reports the review",
    ),
]

#: Titles in code cells (title=..., set_title(...), suptitle(...)) must not say "casts".
TITLE_IN_CODE = re.compile(r"""(?:title\s*=|set_title\(|suptitle\()\s*f?["']([^"']*)["']""")


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_no_sentence_attributes_to_the_review_what_comes_from_elsewhere(path):
    prose = _flat(_prose(path))
    found = []
    for pattern, why in MISATTRIBUTIONS:
        for match in re.finditer(pattern, prose, flags=re.IGNORECASE):
            context = prose[max(0, match.start() - 80) : match.end() + 40]
            found.append(f"…{context}… — {why}")
    for title in TITLE_IN_CODE.findall(_code(path)):
        if re.search(r"\bcasts?\b", title, flags=re.IGNORECASE):
            found.append(f"chart title {title!r}: say what the table records, not what it casts")
    assert not found, f"{path.name}:\n" + "\n".join(found)


# --------------------------------------------------------------------------- 2. "casts as"

CAST_AS = re.compile(
    r"\**([A-Z][A-Za-z .'-]+?)\**,? (?:which|whom) the (?:2019 )?(?:review|MDR) casts as "
    r"(?:an? )?\**([a-z-]+(?: [a-z-]+)?)"
)


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_what_the_review_casts_an_actor_as_is_what_the_table_records(path):
    actors = mdr_data.actors().set_index("name")
    wrong = []
    for name, role in CAST_AS.findall(_flat(_prose(path))):
        if name not in actors.index:
            wrong.append(f"{name!r}: not an actor's name in the actors table")
            continue
        row = actors.loc[name]
        if not bool(row["named_in_review"]):
            wrong.append(f"{name}: the review does not name it (named_in_review is False)")
        if not role.startswith(str(row["role"])):
            wrong.append(f"{name}: the table records the role {row['role']!r}, not {role!r}")
    assert not wrong, f"{path.name}: " + "; ".join(wrong)


# --------------------------------------------------------------------------- 3. data sentences


def _deveselu_interceptor_rows() -> int:
    caps = mdr_data.capabilities()
    return int(((caps["place_id"] == "deveselu") & (caps["unit"] == "interceptors")).sum())


def _uae_pac3_rows() -> int:
    caps = mdr_data.capabilities(actor="ARE")
    return int(caps["system"].str.contains("PAC-3", regex=False).fillna(False).sum())


def _most_common_said_by() -> str:
    return mdr_data.claims()["said_by"].value_counts().index[0]


NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}

#: notebook prefix → (pattern whose group 1 is the stated value, what the data gives, how to
#: compare). A pattern not found is skipped: the sentence was rewritten.
DATA_SENTENCES: list[tuple[str, str, Callable[[], object]]] = [
    (
        "05",
        r"(\w+) capability rows count the interceptors at Deveselu",
        _deveselu_interceptor_rows,
    ),
    (
        "06",
        r"Read the (\w+) rows about the United Arab Emirates' Patriot PAC-3",
        _uae_pac3_rows,
    ),
    (
        "06",
        r"(\w+) capability rows estimate Hizbollah's arsenal",
        lambda: len(mdr_data.capabilities(actor="HIZBOLLAH")),
    ),
    (
        "07",
        r"`said_by` is who made the claim \((?:usually|most often) the review, `([\w-]+)`",
        _most_common_said_by,
    ),
]


def _as_value(text: str) -> object:
    word = text.lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word, text)


@pytest.mark.parametrize(
    ("prefix", "pattern", "truth"),
    DATA_SENTENCES,
    ids=[f"{prefix}:{pattern[:40]}" for prefix, pattern, _ in DATA_SENTENCES],
)
def test_sentences_that_describe_the_data_match_it(prefix, pattern, truth):
    paths = [p for p in MASTERS if p.name.startswith(f"{prefix}-")]
    assert paths, f"no master notebook {prefix}-*"
    match = re.search(pattern, _flat(_prose(paths[0])), flags=re.IGNORECASE)
    assert match is not None, (
        f"the sentence is no longer in {paths[0].name}: remove its entry from DATA_SENTENCES"
    )
    stated, actual = _as_value(match.group(1)), truth()
    assert stated == actual, f"{paths[0].name}: {match.group(0)!r} says {stated}, data: {actual}"


def test_usually_means_most_of_the_rows():
    """ "usually the review" would claim a majority of said_by; the review is the commonest."""
    for path in MASTERS:
        prose = _flat(_prose(path))
        if re.search(r"said_by` is who made the claim \(usually the review", prose):
            said_by = mdr_data.claims()["said_by"]
            assert (said_by == "mdr-2019").mean() > 0.5, (
                f"{path.name}: 'usually the review', but the review made "
                f"{int((said_by == 'mdr-2019').sum())} of {len(said_by)} claims"
            )


# --------------------------------------------------------------------------- package titles


def test_package_chart_titles_say_what_the_table_records():
    from matplotlib.figure import Figure

    from mdr_data import maps, plots

    role_title = plots.role_chart(Figure().add_subplot(), mdr_data.actors()).get_title(loc="left")
    rows = mdr_data.capabilities(actor="USA")
    range_title = plots.range_chart(Figure().add_subplot(), rows).get_title(loc="left")
    for title in (role_title, range_title, maps.alt_text("Europe")):
        assert not re.search(r"\bcasts?\b|2019 MDR as reported", title), title


def test_widget_titles_name_the_rows_sources_not_the_review():
    from mdr_data.widgets.actor_explorer import actor_explorer
    from mdr_data.widgets.capability_compare import capability_compare

    explorer = actor_explorer("Germany")  # not named in the review: its role is NATO's
    assert "cast" not in explorer.title and "NATO" in explorer.title
    tool = capability_compare(actors=["USA"])
    assert "2019 MDR" not in tool.title and "according to" in tool.title
