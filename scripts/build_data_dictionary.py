"""Write docs/data-dictionary.md from mdr_data/data/datapackage.json (the one schema).

Usage: python scripts/build_data_dictionary.py [--check]
With --check, exit 1 (and say so) if the committed file is out of date instead of writing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from mdr_data import _schema, describe

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"


def render() -> str:
    """Return the data dictionary as Markdown."""
    package = _schema.descriptor()
    lines = [
        f"# Data dictionary: {package['title']}",
        "",
        "<!-- Generated from datapackage.json by scripts/build_data_dictionary.py; do not edit -->",
        "",
        package["description"],
        "",
        "Load any table with `mdr_data.load(name)` or its own loader; `mdr_data.describe(name)`",
        "returns the same information as a DataFrame.",
        "",
    ]
    for name in _schema.table_names():
        resource = _schema.resource(name)
        keys = ", ".join(f"`{k}`" for k in _schema.primary_key(name))
        lines += [f"## `{name}`", "", resource["description"], "", f"Primary key: {keys}."]
        for local, target, remote in _schema.foreign_keys(name):
            lines.append(f"`{', '.join(local)}` → `{target}.{', '.join(remote)}`.")
        lines += [
            "",
            "| column | dtype | required | description | allowed values |",
            "|---|---|---|---|---|",
        ]
        for row in describe(name).itertuples():
            allowed = "" if pd.isna(row.allowed_values) else row.allowed_values.replace(" | ", ", ")
            lines.append(
                f"| `{row.name}` | {row.dtype} | {'yes' if row.required else ''} | "
                f"{row.description} | {allowed} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run python scripts/build_data_dictionary.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
