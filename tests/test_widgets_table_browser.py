"""The table browser: table, search, column filter, sort, rows, caption and reset."""

from __future__ import annotations

from pathlib import Path

import mdr_data
from mdr_data.widgets.table_browser import ANY, table_browser

MINI = Path(__file__).parent / "fixtures" / "mini_data"


def test_defaults_show_the_actors_table():
    browser = table_browser()
    assert browser.table.value == "actors"
    assert len(browser.current_table) == len(mdr_data.actors())
    assert browser.title.startswith("Table 'actors'")
    assert "<caption>" in browser.output.html.value


def test_choosing_a_table_refills_columns_and_counts_rows():
    browser = table_browser()
    browser.table.value = "capabilities"
    assert list(browser.column.options) == list(mdr_data.load("capabilities").columns)
    assert browser.value.value == ANY
    assert f"of {len(mdr_data.capabilities())} rows" in browser.title


def test_search_and_column_filter_combine():
    browser = table_browser(table="capabilities")
    browser.column.value = "actor_id"
    assert "CHN" in browser.value.options
    browser.value.value = "CHN"
    assert set(browser.current_table["actor_id"]) == {"CHN"}
    browser.search.value = "icbm"
    caps = mdr_data.capabilities(actor="CHN")
    cells = caps.astype(object).fillna("").astype(str)
    mentions = cells.apply(lambda row: "icbm" in " ".join(row).lower(), axis=1)
    expected = caps.loc[mentions, "capability_id"].tolist()
    assert expected, "China's capabilities should mention ICBMs"
    assert sorted(browser.current_table["capability_id"]) == sorted(expected)
    assert len(expected) < len(caps)  # the search narrowed the column filter's rows
    assert "containing 'icbm'" in browser.title and "actor_id = 'CHN'" in browser.title


def test_sort_and_rows():
    browser = table_browser(table="events")
    browser.sort_by.value = "date"
    browser.descending.value = True
    dates = browser.current_table["date"].tolist()
    assert dates == sorted(dates, reverse=True)
    browser.rows.value = 3
    assert len(browser.shown_table) == 3
    assert browser.output.html.value.count("<tr>") == 4  # header + 3 rows


def test_no_match_says_so():
    browser = table_browser()
    browser.search.value = "zzzz-no-such-text"
    assert browser.current_table.empty
    assert "No rows match" in browser.output.html.value


def test_reset_restores_defaults():
    browser = table_browser()
    before = browser.output.html.value
    browser.table.value = "claims"
    browser.search.value = "india"
    browser.reset()
    assert browser.table.value == "actors" and browser.search.value == ""
    assert browser.output.html.value == before


def test_css_classes_and_labels():
    browser = table_browser()
    for name, control in browser.controls.items():
        assert control.description, name
        assert any(c.startswith("mdr-") for c in control._dom_classes), name
    assert "mdr-output" in browser.output.html._dom_classes
    assert "mdr-reset" in browser.reset_button._dom_classes


def test_works_on_a_remixed_copy():
    browser = table_browser(table="actors", data_dir=MINI)
    assert len(browser.current_table) == len(mdr_data.actors(data_dir=MINI))


def test_default_columns_put_source_and_confidence_before_long_text():
    for table in mdr_data.list_tables():
        browser = table_browser(table=table)
        shown = list(browser.shown_table.columns)
        assert "source_id" in shown, table
        if "confidence" in mdr_data.load(table).columns:
            assert "confidence" in shown, table
        long_text = [c for c in ("text", "title", "evidence", "definition", "notes") if c in shown]
        for column in long_text:  # a wide text column never pushes the source off-screen
            assert shown.index(column) > shown.index("source_id"), (table, shown)


def test_columns_control_chooses_and_orders_the_shown_columns():
    browser = table_browser(table="claims")
    browser.columns.value = ("evidence", "confidence", "said_by")
    assert list(browser.shown_table.columns) == ["said_by", "confidence", "evidence"]
    assert "<th>evidence</th>" in browser.output.html.value
    browser.table.value = "actors"
    assert list(browser.shown_table.columns)[:2] == ["actor_id", "name"]
    browser.reset()
    assert browser.columns.value == browser.defaults["columns"]
