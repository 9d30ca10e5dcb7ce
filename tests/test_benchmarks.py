"""Smoke test of the benchmarks (``python -m benchmarks``): it runs and reports every figure.

This checks the harness, not the budgets: each expected figure is present with a positive number
and a PASS/MISS status where it has a budget (a MISS is a finding for ``make bench``, not a test
failure). One ``--quick`` run of the import, growth and widget sections (~25 s) is shared by the
tests; the notebook section executes the first notebook only and carries the ``notebooks`` mark;
the browser section (one change per control in JupyterLab in Chromium, ~2 min) carries the
``browser`` mark and skips, like the browser tests, where Chromium is missing (fails if ``CI`` is
set). The README's Performance table must match the committed full run.
"""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUDGETED = {"PASS", "MISS"}


def _run(tmp_path: Path, *sections: str, timeout: float = 300) -> tuple[dict, str]:
    out = tmp_path / "bench.json"
    only = [arg for section in sections for arg in ("--only", section)]
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", *only, "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return json.loads(out.read_text(encoding="utf-8")), completed.stdout


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> tuple[dict, str]:
    return _run(tmp_path_factory.mktemp("bench"), "import", "growth", "widgets")


def _widget_modules() -> list[str]:
    """Found independently of the harness: the public modules in mdr_data/widgets/."""
    return sorted(
        p.stem for p in (REPO / "mdr_data" / "widgets").glob("*.py") if not p.stem.startswith("_")
    )


def _check(report: dict, keys: list[str], *, budgeted: set[str]) -> None:
    figures = report["figures"]
    missing = [key for key in keys if key not in figures]
    assert not missing, f"figures missing from the report: {missing}"
    for key in keys:
        figure = figures[key]
        value = figure["value"]
        if key.startswith("anchor.") and importlib.util.find_spec("palmerpenguins") is None:
            continue  # reported as n/a without the bench extra
        assert isinstance(value, int | float) and math.isfinite(value) and value > 0, (key, figure)
        if key in budgeted:
            assert figure["status"] in BUDGETED, (key, figure)
            assert figure["budget"] is not None and figure["budget"] > 0, (key, figure)
            assert figure["status"] == ("PASS" if value <= figure["budget"] else "MISS")


def test_report_shape(quick_run):
    report, stdout = quick_run
    assert report["quick"] is True
    assert report["summary"]["crashed"] == []
    assert not [k for k in report["figures"] if k.endswith(".error")]
    for figure in report["figures"].values():
        assert figure["status"] in {"PASS", "MISS", "info"}
        assert (figure["status"] == "info") == (figure["budget"] is None)
    assert "mdr_data import+load / pandas import =" in stdout
    assert "load all tables vs load_penguins =" in stdout


def test_import_section(quick_run):
    report, _ = quick_run
    keys = ["import.pandas_ms", "import.mdr_data_ms", "import.added_ms", "import.load_all_ms",
            "import.ratio", "anchor.penguins_ms", "anchor.load_vs_penguins"]  # fmt: skip
    _check(report, keys, budgeted={"import.ratio"})


def test_growth_section(quick_run):
    report, _ = quick_run
    loads = [f"growth.load_{f}x_ms" for f in (1, 10, 100)]
    budgeted = {
        "growth.load_ratio_10x",
        "growth.load_ratio_100x",
        "growth.per_row_100x_vs_10x",
        "growth.filter_10x_median_ms",
        "growth.filter_100x_median_ms",
    }
    _check(report, [*loads, "growth.filter_1x_median_ms", *budgeted], budgeted=budgeted)
    rows = [report["figures"][key]["extra"]["rows"] for key in loads]
    assert rows[1] == 10 * rows[0] and rows[2] == 100 * rows[0]
    scaled = [f"growth.widget.{m}.10x_median_ms" for m in _widget_modules()]
    takes_data_dir = [
        k for k in scaled if report["figures"].get(k, {}).get("note") != "builder takes no data_dir"
    ]
    _check(report, takes_data_dir, budgeted=set(takes_data_dir))


def test_widget_section(quick_run):
    report, _ = quick_run
    modules = _widget_modules()
    if not modules:
        pytest.skip("no widget modules yet")
    keys = [f"widgets.{m}.{stat}" for m in modules for stat in ("median_ms", "p95_ms")]
    _check(report, keys, budgeted=set(keys))
    for module in modules:
        controls = report["figures"][f"widgets.{module}.median_ms"]["extra"]["controls"]
        assert controls, f"no controls driven in {module}"
        assert all(c["changes"] > 0 for c in controls.values()), (module, controls)


@pytest.mark.notebooks
def test_notebook_section(tmp_path):
    notebooks = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        pytest.skip("no notebooks yet")
    report, _ = _run(tmp_path, "notebooks")
    memory = f"notebooks.{notebooks[0].stem}_rss_mib"
    keys = ["notebooks.empty_kernel_s", "notebooks.empty_kernel_rss_mib",
            f"notebooks.{notebooks[0].stem}_s", memory, "notebooks.total_s"]  # fmt: skip
    _check(report, keys, budgeted={"notebooks.total_s", memory})
    assert report["figures"][memory]["extra"]["uss_mib"] > 0
    assert report["figures"]["notebooks.total_s"]["extra"]["executed"] == [notebooks[0].name]


@pytest.mark.browser
def test_browser_section(tmp_path):
    """Every tool's every control changed in JupyterLab in Chromium (one change each with
    --quick), and the first notebook's time to first interaction."""
    from benchmarks import browser

    reason = browser.unavailable()
    if reason is not None:
        if browser.ci():
            pytest.fail(f"browser benchmarks cannot run: {reason} (CI is set)", pytrace=False)
        pytest.skip(f"browser benchmarks cannot run: {reason}")
    report, stdout = _run(tmp_path, "browser", timeout=900)
    figures = report["figures"]
    assert "browser.skipped" not in figures, figures.get("browser.skipped")
    for module in _widget_modules():
        keys = [k for k in figures if k.startswith(f"browser.{module}.")]
        assert keys, f"no browser figures for {module}"
        controls = {k.split(".")[2] for k in keys}
        assert "reset" in controls, (module, sorted(controls))
        medians = [k for k in keys if k.endswith(".median_ms")]
        _check(report, medians, budgeted=set(medians))
    first = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))[0].stem
    key = f"browser.first_interaction.{first}_s"
    _check(report, [key], budgeted={key})
    assert "change → on screen" in stdout


def test_readme_performance_table_matches_the_committed_full_run():
    """The README's Performance table is generated from benchmarks/reference-run.json."""
    completed = subprocess.run(
        [sys.executable, "scripts/build_performance_table.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads((REPO / "benchmarks" / "reference-run.json").read_text(encoding="utf-8"))
    assert report["quick"] is False, "the README must show a full run, not --quick"
    assert set(report["sections"]) >= {"import", "growth", "widgets", "browser", "notebooks"}
