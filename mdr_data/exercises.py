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
        "the review's own wording casts India as a Major Defense Partner.",
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
