"""Self-checks for the notebook exercises: ``check("02-1", answer)`` says right or not yet.

Only a SHA-256 digest of each normalised expected answer is stored, never the answer, so reading
this file does not give answers away. Normalisation: text is stripped and lower-cased; numbers
are written canonically (``75.0`` → ``"75"``); lists, tuples, sets, pandas Series and Index are
sorted (so order does not matter) and joined with commas.

>>> check("00-1", 8)
✓ Right: list_tables() returns one name per table.
>>> check("00-1", 7)
Not yet: count the names in mdr_data.list_tables() (len() helps).
>>> check("00-1", None)
Not yet: replace None with your answer, then run the cell again.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from numbers import Integral, Real

__all__ = ["EXERCISES", "Exercise", "Feedback", "check", "digest", "normalise"]


@dataclass(frozen=True)
class Exercise:
    """One self-checking exercise: the digest of its answer, a hint and a note when right."""

    digest: str
    hint: str
    right: str = "well done."


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`: truthy when right; shows its message in a notebook."""

    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    __str__ = __repr__


def normalise(answer: object) -> str:
    """Write an answer in the one canonical form that is hashed.

    >>> normalise("  Partner "), normalise(75.0), normalise(["USA", "jpn"]), normalise(True)
    ('partner', '75', 'jpn,usa', 'true')
    """
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, Integral):
        return str(int(answer))
    if isinstance(answer, Real):
        value = float(answer)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(answer, str):
        return " ".join(answer.split()).lower()
    if hasattr(answer, "tolist") and not isinstance(answer, str | bytes):
        answer = answer.tolist()
    if isinstance(answer, list | tuple | set | frozenset | dict):
        return ",".join(sorted(normalise(item) for item in answer))
    return " ".join(str(answer).split()).lower()


def digest(answer: object) -> str:
    """SHA-256 (hex) of the normalised answer: what :data:`EXERCISES` stores.

    >>> digest("x") == digest(" X ")
    True
    """
    return hashlib.sha256(normalise(answer).encode("utf-8")).hexdigest()


#: exercise id ("NN-k": notebook NN, exercise k) -> Exercise. Add entries; never store answers.
EXERCISES: dict[str, Exercise] = {
    "00-1": Exercise(
        "2c624232cdd221771294dfbb310aca000a0df6ac8b66b696d90ef06fdefb64a3",
        "count the names in mdr_data.list_tables() (len() helps).",
        "list_tables() returns one name per table.",
    ),
    "00-2": Exercise(
        "3989512ec991b0c69e71a6fb2d6740285dc3d1c0aadda8dbe5dc6537494289ff",
        "look for the row of mdr_data.sources() whose kind is 'primary' and whose publisher is "
        "the US Department of Defense; answer with its source_id.",
        "every row that cites the review itself names this source_id.",
    ),
    "01-1": Exercise(
        "7f3fa48ca885678134842fa7456f3ece53a97f843b610185d900ac4e467c7490",
        "find India's row in mdr_data.actors() (or pick India in the explorer) and read its role.",
        "a role from the review's own categories, tied to India's status in US policy.",
    ),
    "01-2": Exercise(
        "a2a41ed5d409b21f19f0b9a5ed2c258b55cf3fa00a1b44423cd024d9ce2c929f",
        "filter mdr_data.actors(role=...) and answer with a list of actor_id values.",
        "the review groups them under one label.",
    ),
    "02-1": Exercise(
        "a678de510463646fba28457c52dd7df13410a8a2a264250ec1acaeccb7bc379d",
        "answer with a list [low, high] read from count_low and count_high of China's ICBM row.",
        "a range, not a single number — and only the news article reports it.",
    ),
    "02-2": Exercise(
        "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35",
        "count China's rows in mdr_data.capabilities(actor='China') where count_low is missing "
        "(.isna().sum() helps).",
        "a missing count means 'no figure given', not zero.",
    ),
    "03-1": Exercise(
        "0d889c5a4a36a302f567cc982df51bc541ff443d510c22525202046dd851d987",
        "use mdr_data.relationships(multilateral_format=...) and collect actor_from and actor_to "
        "as a list of actor_id values.",
        "three states, three edges.",
    ),
    "03-2": Exercise(
        "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce",
        "count the rows of mdr_data.relationships() whose confidence is 'unverified'.",
        "each of these is reported only by the news article the course started from.",
    ),
    "04-1": Exercise(
        "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a",
        "subtract the dates of the events sta1-announced and sta1-rule-published "
        "(a Timedelta has .days).",
        "an announcement and the rule that formalised it are two dated steps.",
    ),
    "04-2": Exercise(
        "8f651138641849a23f2b8166d3bec5af0000fe1e9ec968eb160c28e62ae3dac0",
        "take the event_id values mdr_data.event_actors() lists for IND and those it lists for "
        "RUS, and keep the ones in both (a set intersection); answer with a list.",
        "a summit and the contract concluded at it.",
    ),
    "04-4": Exercise(
        "669d2b24fc37de00a5e64ad917d39cc0945ede03ebd340a555b59504f578dc92",
        "filter mdr_data.claims(theme='India', verbatim=True) and read the source_id column.",
        "we read the review's words in a wire report, not in the review itself.",
    ),
    "05-1": Exercise(
        "c83c2bd6c1162193f5ba0bcb6440e79638310300558f36960cf2e261e9f1f925",
        "keep the claims whose claim_id starts with 'doc-pages' and pull the number out of each "
        "text (.str.extract(r'(\\d+)') helps); answer with the different numbers, each once.",
        "three figures, each kept with its own source; none is silently preferred.",
    ),
    "05-2": Exercise(
        "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9",
        "count the claims whose said_by AND source_id are both 'mdr-2019'.",
        "every claim of the review reaches us through another source.",
    ),
    "06-1": Exercise(
        "62dac5112507f811e62bc3d18fbf3bf1f8d57867768166ab1d320b5534ff455e",
        "count mdr_data.claims() by confidence (value_counts) and answer with the most "
        "frequent level, as text.",
        "most claims rest on one source (a wire story and its reprints count once).",
    ),
    "06-2": Exercise(
        "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
        "in tidy_capabilities(), count the rows whose source_kind is 'primary'.",
        "nearly every capability figure comes from reporting about the review.",
    ),
}


def check(exercise_id: str, answer: object) -> Feedback:
    """Check an answer to exercise ``exercise_id`` without revealing the expected one.

    An unknown id is a ValueError naming the closest id.

    >>> check("01-2", ["PRK", "IRN"]).correct
    True
    >>> check("00-01", 8)
    Traceback (most recent call last):
    ...
    ValueError: unknown exercise '00-01': did you mean '00-1'?
    """
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        close = difflib.get_close_matches(str(exercise_id), list(EXERCISES), n=1, cutoff=0.0)
        hint = f": did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown exercise {exercise_id!r}{hint}")
    exercise = EXERCISES[exercise_id]
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(False, "Not yet: replace None with your answer, then run the cell again.")
    if digest(answer) == exercise.digest:
        return Feedback(True, f"✓ Right: {exercise.right}")
    return Feedback(False, f"Not yet: {exercise.hint}")
