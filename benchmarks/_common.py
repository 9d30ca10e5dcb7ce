"""Shared pieces of the benchmarks: result rows, statistics, budgets and fresh-process timing."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: The repository root (benchmarks/ sits directly below it).
REPO = Path(__file__).resolve().parent.parent

PASS, MISS, INFO = "PASS", "MISS", "info"


@dataclass
class Figure:
    """One measured figure: printed as a table row and written as one JSON record.

    ``budget`` is the largest value that passes (same unit as ``value``); figures without a
    budget (anchors, context) have status ``info``. ``value`` is None when it could not be
    measured (then a budgeted figure is a MISS and ``note`` says why).
    """

    key: str
    label: str
    value: float | None
    unit: str
    budget: float | None = None
    note: str = ""
    status: str = field(default="")
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.status:
            self.status = judge(self.value, self.budget)

    def as_dict(self) -> dict:
        return asdict(self)


def judge(value: float | None, budget: float | None) -> str:
    """PASS when the value is within budget, MISS when over it or missing; info without one."""
    if budget is None:
        return INFO
    if value is None or math.isnan(value):
        return MISS
    return PASS if value <= budget else MISS


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def percentile(values: Sequence[float], q: int) -> float:
    """The q-th percentile (1–99) with linear interpolation between closest ranks
    (``statistics.quantiles``, inclusive method)."""
    if not values:
        return math.nan
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=100, method="inclusive")[q - 1])


def fresh_env(*, pycache_prefix: str | None = None, **extra: str) -> dict[str, str]:
    """Environment for child processes: the repo importable, a headless matplotlib backend.

    With ``pycache_prefix``, bytecode is cached in that folder (``PYTHONPYCACHEPREFIX``) even
    where ``PYTHONDONTWRITEBYTECODE`` is set: a user's checkout imports ``mdr_data`` from
    cached bytecode, as it imports pandas, so timing a compile on every import would be unfair.
    """
    env = dict(os.environ)
    if pycache_prefix is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache_prefix
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["MPLBACKEND"] = "Agg"
    env.update(extra)
    return env


def run_child(
    code: str,
    *,
    timeout: float = 300,
    args: Iterable[str] = (),
    argv: Iterable[str] = (),
    pycache_prefix: str | None = None,
) -> dict:
    """Run ``code`` in a fresh interpreter (``args``: interpreter options, ``argv``: its
    ``sys.argv[1:]``, ``pycache_prefix``: see :func:`fresh_env`); it must print one JSON
    object as its last line."""
    completed = subprocess.run(
        [sys.executable, *args, "-c", code, *argv],
        cwd=REPO,
        env=fresh_env(pycache_prefix=pycache_prefix),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        tail = "\n".join(completed.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"child process failed (exit {completed.returncode}):\n{tail}")
    lines = completed.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError("child process printed nothing")
    result = json.loads(lines[-1])
    result["_stderr"] = completed.stderr
    return result


def format_value(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit == "×":
        return f"{value:.2f}×"
    if unit in ("ms", "µs/row"):
        return f"{value:.1f} {unit}"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:g} {unit}".strip()


def format_budget(budget: float | None, unit: str) -> str:
    return "—" if budget is None else "≤ " + format_value(budget, unit)
