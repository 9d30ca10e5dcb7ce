"""The loaders: schema-driven dtypes, provenance, keys, filters, errors and immutability."""

from __future__ import annotations

import csv
import hashlib
import shutil
import socket
from pathlib import Path

import pandas as pd
import pytest

import mdr_data
from mdr_data import _schema

TABLES = mdr_data.list_tables()
DATA_DIR = Path(str(_schema.shipped_data_dir()))
PROVENANCE_TABLES = [name for name in TABLES if "evidence" in _schema.field_names(name)]
ENUM_FIELDS = [
    (name, field["name"])
    for name in TABLES
    for field in _schema.fields(name)
    if _schema.enum_of(field)
]


def _shipped_hashes() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(DATA_DIR.iterdir())
        if path.suffix in {".csv", ".json"}
    }


# ----------------------------------------------------------------- every table, by the schema


def test_every_schema_table_has_a_loader():
    assert [r["name"] for r in _schema.descriptor()["resources"]] == TABLES
    for name in TABLES:
        assert callable(getattr(mdr_data, name)), name


@pytest.mark.parametrize("name", TABLES)
def test_columns_and_dtypes_follow_the_schema(name):
    table = mdr_data.load(name)
    assert list(table.columns) == _schema.field_names(name)
    for field in _schema.fields(name):
        column = table[field["name"]]
        expected = _schema.pandas_dtype(field)
        if expected == "category":
            assert isinstance(column.dtype, pd.CategoricalDtype), field["name"]
            assert list(column.cat.categories) == _schema.enum_of(field)
        elif expected == "string":
            assert isinstance(column.dtype, pd.StringDtype), field["name"]
        else:
            assert str(column.dtype) == expected, field["name"]


@pytest.mark.parametrize("name", TABLES)
def test_table_is_not_empty_and_accessors_agree(name):
    via_load = mdr_data.load(name)
    via_function = getattr(mdr_data, name)()
    assert len(via_load) > 0, f"{name} has no rows"
    if name == "events":  # events() sorts by date
        via_load = via_load.sort_values(["date", "event_id"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(via_load, via_function)


@pytest.mark.parametrize("name", TABLES)
def test_every_field_is_described(name):
    dictionary = mdr_data.describe(name)
    assert list(dictionary["name"]) == _schema.field_names(name)
    assert dictionary["description"].str.len().min() > 15
    assert _schema.resource(name).get("description")


@pytest.mark.parametrize("name", TABLES)
def test_primary_keys_are_unique_and_complete(name):
    table = mdr_data.load(name)
    key = _schema.primary_key(name)
    assert table[key].notna().all().all()
    duplicated = table[table.duplicated(key, keep=False)]
    assert duplicated.empty, duplicated[key]


@pytest.mark.parametrize(
    ("name", "columns", "target", "target_columns"),
    [(name, *fk) for name in TABLES for fk in _schema.foreign_keys(name)],
    ids=lambda v: v if isinstance(v, str) else ",".join(v),
)
def test_foreign_keys_resolve(name, columns, target, target_columns):
    table = mdr_data.load(name)
    keys = set(mdr_data.load(target)[target_columns[0]])
    values = table[columns[0]].dropna()
    assert set(values) <= keys, sorted(set(values) - keys)


@pytest.mark.parametrize(("name", "column"), ENUM_FIELDS, ids=[f"{t}.{c}" for t, c in ENUM_FIELDS])
def test_vocabularies_are_respected(name, column):
    raw = pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)
    field = next(f for f in _schema.fields(name) if f["name"] == column)
    used = set(raw[column]) - {""}
    assert used <= set(_schema.enum_of(field)), used - set(_schema.enum_of(field))


@pytest.mark.parametrize("name", PROVENANCE_TABLES)
def test_provenance_is_complete_on_every_row(name):
    table = mdr_data.load(name)
    assert table["source_id"].notna().all()
    assert (table["evidence"].str.strip().str.len() > 0).all()
    words = table["evidence"].str.split().str.len()
    assert (words <= 25).all(), table.loc[words > 25, "evidence"].tolist()


def test_verbatim_claims_are_short_quotes():
    verbatim = mdr_data.claims(verbatim=True)
    assert not verbatim.empty
    assert (verbatim["text"].str.split().str.len() <= 25).all()


def test_counts_are_ranges_as_the_source_states_them():
    caps = mdr_data.capabilities()
    both = caps.dropna(subset=["count_low", "count_high"])
    assert (both["count_low"] <= both["count_high"]).all()
    assert (caps["count_low"].isna() == caps["count_high"].isna()).all()
    icbm = mdr_data.capabilities(actor="CHN", category="ICBM").iloc[0]
    assert (icbm["count_low"], icbm["count_high"]) == (75, 100)


def test_review_and_seed_article_are_sources():
    table = mdr_data.sources()
    review = table.loc[table["source_id"] == "mdr-2019"].iloc[0]
    assert review["kind"] == "primary"
    assert review["published"] == pd.Timestamp("2019-01-17")
    assert (table["kind"] == "secondary").any()


def test_unverified_facts_are_never_attributed_to_the_review():
    for name in ("capabilities", "relationships", "events", "claims", "actors"):
        table = mdr_data.load(name)
        unverified = table[table["confidence"] == "unverified"]
        assert (unverified["source_id"] != "mdr-2019").all(), name


def test_disagreements_are_recorded_not_resolved():
    pages = mdr_data.claims(theme="the document")
    texts = " ".join(pages["text"])
    assert "108" in texts and "81" in texts


def test_trilateral_is_queryable_as_one_format():
    trilateral = mdr_data.relationships(multilateral_format="us-japan-australia trilateral")
    members = set(trilateral["actor_from"]) | set(trilateral["actor_to"])
    assert members == {"USA", "JPN", "AUS"}
    assert set(mdr_data.relationships(actor="AUS")["relationship_id"]) >= set(
        trilateral.loc[
            (trilateral["actor_from"] == "AUS") | (trilateral["actor_to"] == "AUS"),
            "relationship_id",
        ]
    )


# ----------------------------------------------------------------- filters


@pytest.mark.parametrize("value", ["CHN", "chn", "China", "CHINA", " china "])
def test_actor_filter_takes_ids_and_names_case_insensitively(value):
    table = mdr_data.capabilities(actor=value)
    assert not table.empty
    assert set(table["actor_id"]) == {"CHN"}


def test_actor_filter_takes_a_list():
    table = mdr_data.capabilities(actor=["China", "RUS"])
    assert set(table["actor_id"]) == {"CHN", "RUS"}


def test_relationships_match_either_end():
    table = mdr_data.relationships(actor="IND")
    assert ((table["actor_from"] == "IND") | (table["actor_to"] == "IND")).all()
    assert {"COMCASA", "STA-1", "S-400 contract"} <= set(table["instrument"].dropna())


def test_vocabulary_filters_are_case_insensitive():
    assert set(mdr_data.capabilities(category="icbm")["category"]) == {"ICBM"}
    assert set(mdr_data.sources(kind="PRIMARY")["kind"]) == {"primary"}


def test_events_filter_by_actor_and_years_in_date_order():
    table = mdr_data.events(actor="India", start=2018, end=2018)
    assert not table.empty
    assert (table["date"].dt.year == 2018).all()
    assert table["date"].is_monotonic_increasing


def test_valid_filter_with_no_rows_keeps_columns_and_dtypes():
    full = mdr_data.capabilities()
    empty = mdr_data.capabilities(actor="USA", category="SSBN")
    assert empty.empty
    assert list(empty.columns) == list(full.columns)
    assert (empty.dtypes == full.dtypes).all()


def test_glossary_lookup():
    assert mdr_data.glossary(term="comcasa")["term"].tolist() == ["COMCASA"]


# ----------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "suggestion"),
    [
        (lambda: mdr_data.capabilities(actor="Chna"), "China"),
        (lambda: mdr_data.relationships(actor="Inida"), "India"),
        (lambda: mdr_data.events(actor="russa"), "Russia"),
        (lambda: mdr_data.capabilities(category="ICMB"), "ICBM"),
        (lambda: mdr_data.relationships(kind="treaty aliance"), "treaty alliance"),
        (lambda: mdr_data.actors(region="south asa"), "South Asia"),
        (lambda: mdr_data.claims(theme="chinaa"), "China"),
        (lambda: mdr_data.load("actor"), "actors"),
        (lambda: mdr_data.describe("capabilites"), "capabilities"),
        (lambda: mdr_data.glossary(term="COMCASSA"), "COMCASA"),
    ],
)
def test_unknown_values_raise_value_error_with_suggestion(call, suggestion):
    with pytest.raises(ValueError, match=r"did you mean") as excinfo:
        call()
    assert repr(suggestion) in str(excinfo.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: mdr_data.capabilities(actor=42),
        lambda: mdr_data.capabilities(actor=["CHN", 3]),
        lambda: mdr_data.relationships(kind={"kind": "x"}),
        lambda: mdr_data.events(start=2018.5),
        lambda: mdr_data.events(end=True),
        lambda: mdr_data.claims(verbatim="yes"),
        lambda: mdr_data.load(3),
        lambda: mdr_data.describe(None),
        lambda: mdr_data.load("actors", data_dir=123),
        lambda: mdr_data.export(42),
    ],
)
def test_wrong_types_raise_type_error(call):
    with pytest.raises(TypeError, match="must be"):
        call()


def test_bad_dates_raise_value_error():
    with pytest.raises(ValueError, match="ISO date"):
        mdr_data.events(start="last year")
    with pytest.raises(ValueError, match="plausible year"):
        mdr_data.events(end=18)


# ----------------------------------------------------------------- safety


@pytest.mark.parametrize("name", TABLES)
def test_mutating_a_result_never_changes_the_next_load(name):
    first = getattr(mdr_data, name)()
    before = first.copy()
    first.iloc[:, 0] = None
    first["extra"] = 1
    first.iloc[0, 1] = first.iloc[-1, 1]
    pd.testing.assert_frame_equal(getattr(mdr_data, name)(), before)


def test_no_call_modifies_the_shipped_files(tmp_path):
    before = _shipped_hashes()
    for name in TABLES:
        table = mdr_data.load(name)
        table.iloc[:, 0] = None
    mdr_data.export(tmp_path / "copy")
    mdr_data.validate()
    assert _shipped_hashes() == before


def test_no_call_opens_a_network_socket(monkeypatch):
    attempts = []  # recorded as well as refused: a broad `except` in the code must not hide one

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in TABLES:
        assert len(mdr_data.load(name)) > 0, name
        assert len(mdr_data.describe(name)) == len(mdr_data.load(name).columns), name
    assert set(mdr_data.capabilities(actor="china")["actor_id"]) == {"CHN"}
    assert mdr_data.validate() == []
    assert attempts == []


# ----------------------------------------------------------------- remixing


def test_export_round_trips_through_data_dir(tmp_path):
    dest = mdr_data.export(tmp_path / "remix")
    assert {p.name for p in dest.iterdir()} == {f"{n}.csv" for n in TABLES} | {"datapackage.json"}
    for name in TABLES:
        pd.testing.assert_frame_equal(mdr_data.load(name, data_dir=dest), mdr_data.load(name))


def test_export_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        mdr_data.export(tmp_path)
    assert mdr_data.export(tmp_path, overwrite=True) == tmp_path
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_loading_an_edited_copy_sees_the_edit(tmp_path):
    dest = mdr_data.export(tmp_path / "remix")
    assert mdr_data.load("glossary", data_dir=dest).equals(mdr_data.glossary())
    with open(dest / "glossary.csv", "a", encoding="utf-8") as handle:
        handle.write("Remix,,A term a student added.,mdr-2019\n")
    edited = mdr_data.glossary(data_dir=dest)
    assert edited["term"].iloc[-1] == "Remix"
    assert "Remix" not in set(mdr_data.glossary()["term"])


def test_loading_a_corrupted_copy_names_file_row_and_column(tmp_path):
    dest = mdr_data.export(tmp_path / "remix")
    path = dest / "capabilities.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("count_low")] = "many"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(mdr_data.DataValidationError) as excinfo:
        mdr_data.capabilities(data_dir=dest)
    assert "capabilities.csv:2:count_low:" in str(excinfo.value)
    assert isinstance(excinfo.value, ValueError)


def test_missing_data_dir_is_a_clear_error(tmp_path):
    with pytest.raises(mdr_data.DataValidationError, match="nowhere"):
        mdr_data.load("actors", data_dir=tmp_path / "nowhere")


def test_shipped_copy_is_untouched_by_remix_work(tmp_path):
    before = _shipped_hashes()
    dest = tmp_path / "remix"
    shutil.copytree(DATA_DIR, dest, ignore=shutil.ignore_patterns("__*"))
    (dest / "actors.csv").write_text("broken", encoding="utf-8")
    with pytest.raises(mdr_data.DataValidationError):
        mdr_data.actors(data_dir=dest)
    assert _shipped_hashes() == before
