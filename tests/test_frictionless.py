"""The descriptor and data pass Frictionless' own validator, and Frictionless agrees with ours."""

from __future__ import annotations

from pathlib import Path

import corruptions
import frictionless  # a runtime dependency: no skipping, a broken install must fail here
import pytest

import mdr_data
from mdr_data import _schema
from mdr_data.validation import validate

SHIPPED = Path(str(_schema.shipped_data_dir()))


def frictionless_errors(descriptor: Path) -> list[str]:
    report = frictionless.validate(str(descriptor))
    return [
        f"{task.name}: row {getattr(error, 'row_number', '-')}, "
        f"{getattr(error, 'field_name', '-')}: {error.message}"
        for task in report.tasks
        for error in task.errors
    ] + [error.message for error in report.errors]


def test_shipped_datapackage_passes_frictionless():
    errors = frictionless_errors(SHIPPED / _schema.DESCRIPTOR_NAME)
    assert errors == [], "\n".join(errors)


def test_exported_copy_passes_frictionless(tmp_path):
    dest = mdr_data.export(tmp_path / "export")
    errors = frictionless_errors(dest / _schema.DESCRIPTOR_NAME)
    assert errors == [], "\n".join(errors)


def test_synthetic_fixture_passes_frictionless(tmp_path):
    folder = corruptions.write_synthetic(tmp_path / "data")
    errors = frictionless_errors(folder / _schema.DESCRIPTOR_NAME)
    assert errors == [], "\n".join(errors)


# Damages Frictionless checks too: both validators must call the copy invalid.
SHARED = [
    "missing-column",
    "extra-column",
    "columns-out-of-order",
    "extra-cell-in-row",
    "empty-required-cell",
    "garbage-integer",
    "negative-count",
    "bad-boolean",
    "impossible-date",
    "enum-typo-suggests-closest",
    "pattern-violation-in-id",
    "max-length-exceeded",
    "duplicate-primary-key",
    "duplicate-composite-key",
    "unique-name-duplicated",
    "dangling-actor-id",
    "dangling-said-by",
    "dangling-place-id",
    "year-below-minimum",
    "bad-date-format",
    "not-a-uri",
    "latitude-above-maximum",
    "longitude-not-a-number",
]


@pytest.mark.parametrize("damage_id", SHARED)
def test_frictionless_agrees_the_damage_is_invalid(damage_id, tmp_path):
    (damage,) = [d for d in corruptions.DAMAGES if d.id == damage_id]
    folder = corruptions.write_synthetic(tmp_path / "data")
    damage.apply(folder)
    assert validate(folder) != []
    assert frictionless_errors(folder / _schema.DESCRIPTOR_NAME) != []
