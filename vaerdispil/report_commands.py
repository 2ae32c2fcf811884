"""`vaerdispil report`: counts across many workshops, as a PDF or a CSV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .session.errors import SessionError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def register(commands: Any) -> None:
    """Add `report` to the command line."""
    report = commands.add_parser(
        "report", help="which values are picked and agreed most often, across workshops",
        description="Counts across several workshops: the values and categories picked "
        "and agreed most often, and giving and getting per kind of organisation. "
        "Write a PDF to read, or a CSV file for a spreadsheet.")
    report.add_argument("sessions", metavar="SESSION", nargs="+",
                        help="workshop files, or their names in the list of saved workshops")
    report.add_argument("-o", "--output", metavar="OUT.pdf|OUT.csv",
                        help="where to write; .pdf or .csv (default: vaerdispil-report.pdf)")
    report.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                        help="language of the report: its labels, and the names of values and "
                        "categories, also from workshops played in another language "
                        "(default: the first workshop's)")
    report.set_defaults(run=run_report)


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"vaerdispil: {message}", file=sys.stderr)
    return code


def run_report(args: argparse.Namespace) -> int:
    """`vaerdispil report`: read every workshop, count, and write the PDF or CSV."""
    from .session_commands import read_outcome

    output = args.output or "vaerdispil-report.pdf"
    form = Path(output).suffix.lower().lstrip(".")
    if form not in ("pdf", "csv"):
        print(f"vaerdispil report: -o must name a .pdf or .csv file, not '{output}' "
              "(see vaerdispil report --help)", file=sys.stderr)
        return EXIT_USAGE
    outcomes = []
    seen: set[Path] = set()
    for name in args.sessions:
        try:
            path, result, warnings = read_outcome(name)
        except SessionError as error:
            return _fail(str(error))
        key = path.resolve()
        if key in seen:
            print(f"vaerdispil: {path}: named more than once; counted once", file=sys.stderr)
            continue
        seen.add(key)
        for warning in warnings:
            print(f"vaerdispil: {warning}", file=sys.stderr)
        outcomes.append(result)

    from .pdf.common import PrintError, write_atomic
    from .pdf.report import render_report, tally, to_csv

    report = tally(outcomes, getattr(args, "lang", None))
    try:
        if form == "csv":
            path = write_atomic(output, to_csv(report).encode("utf-8"))
            what = (f"{_counted(len(report.values), 'value', 'values')}, "
                    f"{_counted(len(report.categories), 'category', 'categories')}")
        else:
            rendered = render_report(report)
            path = write_atomic(output, rendered.data)
            what = _counted(rendered.pages, "page", "pages")
    except PrintError as error:
        return _fail(str(error))
    language = LANGUAGES.get(report.language, report.language)
    print(f"wrote {path}: {what}, in {language} "
          f"({_counted(len(outcomes), 'workshop', 'workshops')})")
    return EXIT_OK


LANGUAGES = {"da": "Danish", "en": "English"}
"""The names of the report's languages, for the line that says what was written."""


def _counted(count: int, one: str, many: str) -> str:
    """'1 workshop', '2 workshops'."""
    return f"{count} {one if count == 1 else many}"
