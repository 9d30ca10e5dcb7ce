"""Performance benchmarks of mdr-teaching, against the budgets of issue #6 ("Fast to use").

Run ``python -m benchmarks`` (or ``make bench``): it prints one table of every figure with its
budget and PASS/MISS and writes the same as JSON to ``benchmarks/results/latest.json``.
Sections (``--only``): ``import`` (import + load vs ``import pandas``), ``growth`` (tables
inflated 10× and 100×), ``widgets`` (value change → output re-rendered, every tool) and
``notebooks`` (every learner notebook headless). ``--quick`` uses few repetitions (the smoke
test in ``tests/test_benchmarks.py``); the budgets are targets, not tests.
"""

SECTIONS = ("import", "growth", "widgets", "browser", "notebooks")
