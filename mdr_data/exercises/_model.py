"""What an exercise is, and how an answer becomes the text that is hashed (no pandas import).

An answer is *normalised* to one canonical text, then hashed with the exercise id as salt:
``sha256(f"{exercise_id}\\n{normalise(answer)}")``. The same answer gives different digests in
different exercises, so a table of digests of small numbers or common words reveals nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from numbers import Integral, Real

__all__ = [
    "KINDS",
    "LEVELS",
    "Exercise",
    "Feedback",
    "as_items",
    "digest",
    "item_digest",
    "normalise",
]

LEVELS = ("easy", "medium", "stretch")
#: "check": a crisp answer that check() can verify; "free text": marked with the teacher's rubric.
KINDS = ("check", "free text")
EXERCISE_ID = re.compile(r"^\d\d-\d+$")


@dataclass(frozen=True)
class Exercise:
    """One exercise's authored metadata (never its answer).

    ``hint`` is shown for a wrong answer without a targeted message: it says *how* to get the
    answer, never the answer. ``right`` is shown when the answer is right. ``ordered`` says
    whether the order of a list answer matters. ``skills`` are ids from ``notebooks/skills.csv``.
    """

    id: str
    level: str
    skills: tuple[str, ...]
    hint: str
    right: str = "well done."
    ordered: bool = False
    kind: str = "check"

    def __post_init__(self) -> None:
        if not EXERCISE_ID.match(self.id):
            raise ValueError(f"exercise id {self.id!r} is not of the form 'NN-k'")
        if self.level not in LEVELS:
            raise ValueError(f"{self.id}: level {self.level!r} is not one of {LEVELS}")
        if self.kind not in KINDS:
            raise ValueError(f"{self.id}: kind {self.kind!r} is not one of {KINDS}")
        if isinstance(self.skills, str) or not self.skills:
            raise ValueError(f"{self.id}: skills must be a non-empty tuple of skill ids")

    @property
    def notebook(self) -> str:
        """The notebook's two-digit number, e.g. ``"02"``."""
        return self.id[:2]


@dataclass(frozen=True)
class Feedback:
    """The result of ``check``: truthy when right; shows its message in a notebook."""

    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message

    __str__ = __repr__


def _scalar(answer: object) -> object:
    """A NumPy scalar or 0-d array as the Python value it holds."""
    if getattr(answer, "ndim", None) == 0 and hasattr(answer, "item"):
        return answer.item()
    return answer


def as_items(answer: object) -> list | None:
    """The items of a list-like answer (list, tuple, set, Series, Index, array); else None."""
    answer = _scalar(answer)
    if isinstance(answer, str | bytes | dict):
        return None
    if hasattr(answer, "tolist") and not hasattr(answer, "columns"):
        answer = answer.tolist()
    if isinstance(answer, list | tuple | set | frozenset):
        return list(answer)
    return None


def normalise(answer: object, *, ordered: bool = False) -> str:
    """Write an answer in the one canonical form that is hashed.

    Text is stripped, inner white space collapsed, lower-cased; numbers are written canonically
    (``12.0`` → ``"12"``); list-likes are joined with commas, sorted unless ``ordered``.

    >>> normalise("  Some  Text "), normalise(12.0), normalise(["b", "A"]), normalise(True)
    ('some text', '12', 'a,b', 'true')
    >>> normalise([3, 1], ordered=True)
    '3,1'
    """
    answer = _scalar(answer)
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, Integral):
        return str(int(answer))
    if isinstance(answer, Real):
        value = float(answer)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(answer, str):
        return " ".join(answer.split()).lower()
    items = as_items(answer)
    if items is not None:
        texts = [normalise(item) for item in items]
        keep_order = ordered and not isinstance(answer, set | frozenset)
        return ",".join(texts if keep_order else sorted(texts))
    if isinstance(answer, dict):
        return ",".join(sorted(normalise(key) for key in answer))
    return " ".join(str(answer).split()).lower()


def digest(exercise_id: str, answer: object, *, ordered: bool = False) -> str:
    """SHA-256 (hex) of the normalised answer, salted with the exercise id.

    >>> digest("00-1", "x") == digest("00-1", " X ")
    True
    >>> digest("00-1", 3) == digest("00-2", 3)
    False
    """
    text = f"{exercise_id}\n{normalise(answer, ordered=ordered)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_digest(exercise_id: str, item: object) -> str:
    """SHA-256 of one item of a list answer (salted differently from whole answers)."""
    text = f"{exercise_id}\nitem\n{normalise(item)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
