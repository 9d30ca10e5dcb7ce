"""Command line: ``python -m mdr_data validate|export|list|describe``.

Exit status: 0 on success, 1 when ``validate`` finds problems, 2 on any other error
(bad arguments, unknown table, a destination that is not empty). Never a traceback.

>>> main(["list"]) == 0  # doctest: +ELLIPSIS
sources
...
True
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import textwrap

from mdr_data import _schema

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class _Failure(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _cmd_validate(args) -> int:
    from mdr_data.validation import _run  # imports Frictionless: only when validating

    problems, tables, rows = _run(args.dir)
    shown = str(_schema.shipped_data_dir()) if args.dir is None else args.dir
    for problem in problems:
        print(problem)
    sys.stdout.flush()
    if problems:
        count = len(problems)
        print(f"{count} problem{'' if count == 1 else 's'} found in {shown}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{shown}: valid ({tables} tables, {rows} rows)", file=sys.stderr)
    return EXIT_OK


def _cmd_export(args) -> int:
    import mdr_data

    try:
        path = mdr_data.export(args.dest, overwrite=args.overwrite)
    except FileExistsError as exc:
        message = str(exc)
        if os.path.isdir(args.dest):
            message = f"{args.dest} is not empty; pass --overwrite to replace its files"
        raise _Failure(message) from None
    print(path)
    return EXIT_OK


def _cmd_list(args) -> int:
    import mdr_data

    for name in mdr_data.list_tables():
        print(name)
    return EXIT_OK


def _cmd_describe(args) -> int:
    names = list(_schema.table_names())
    if args.table not in names:
        close = difflib.get_close_matches(args.table.lower(), names, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise _Failure(f"unknown table {args.table!r}{hint} (tables: {', '.join(names)})")

    import mdr_data

    frame = mdr_data.describe(args.table)
    print(f"{args.table}: {len(frame)} columns")
    for record in frame.to_dict("records"):
        items = iter(record.items())
        _key, title = next(items)
        print(f"\n{title}")
        for key, value in items:
            if isinstance(value, (list, tuple)):
                value = ", ".join(map(str, value))
            if _blank(value):
                continue
            lines = textwrap.wrap(str(value), width=92) or [""]
            print(f"  {key + ':':<16}{lines[0]}")
            for line in lines[1:]:
                print(f"  {'':<16}{line}")
    return EXIT_OK


def _blank(value) -> bool:
    """True for None, NaN, pd.NA and empty strings (never raises on pd.NA)."""
    if value is None or isinstance(value, str):
        return not value
    try:
        return bool(value != value)  # NaN
    except TypeError:  # pd.NA refuses bool()
        return True


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``python -m mdr_data``."""
    parser = argparse.ArgumentParser(
        prog="python -m mdr_data",
        description="The 2019 Missile Defense Review's regional picture as tidy tables: "
        "check a (remixed) data folder, export the data, list and describe the tables.",
        epilog="Exit status: 0 success, 1 validation problems found, 2 error.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "validate",
        help="check a data folder against the shipped schema",
        description="Check every CSV of a data folder against the shipped datapackage.json "
        "(columns, types, vocabularies, keys, provenance, word limits). Prints one line per "
        "problem as FILE:ROW:COLUMN: REASON (row 1 is the header) to stdout and a summary "
        "to stderr; exits 1 if there is any problem.",
    )
    check.add_argument(
        "dir", nargs="?", default=None, metavar="DIR", help="data folder (default: shipped data)"
    )
    check.set_defaults(run=_cmd_validate)

    export = commands.add_parser(
        "export",
        help="copy the data (CSVs + datapackage.json) into a folder",
        description="Write the tables and their datapackage.json into DEST, ready to remix.",
    )
    export.add_argument("dest", metavar="DEST", help="destination folder (created if needed)")
    export.add_argument(
        "--overwrite", action="store_true", help="replace the files if DEST already has some"
    )
    export.set_defaults(run=_cmd_export)

    listing = commands.add_parser("list", help="print the table names, one a line")
    listing.set_defaults(run=_cmd_list)

    describe = commands.add_parser(
        "describe",
        help="print the columns of a table: type, dtype, required, description, vocabulary",
    )
    describe.add_argument("table", metavar="TABLE", help="table name (see `list`)")
    describe.set_defaults(run=_cmd_describe)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help (0), or bad arguments (2, after a usage message)
        return EXIT_OK if exit_.code in (0, None) else EXIT_ERROR
    try:
        return args.run(args)
    except _Failure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. piped into head): stay quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # never a traceback
        message = str(exc).splitlines()[0] if str(exc) else ""
        print(f"error: {type(exc).__name__}: {message}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
