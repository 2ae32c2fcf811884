"""`vaerdispil report`: counts across many workshops, as a PDF or a CSV file."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .session.errors import SessionError

if TYPE_CHECKING:
    from .outcome import Outcome

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


class Progress:
    """A progress line on stderr once reading has taken more than a second, and only on
    a terminal (never in a log or a pipe)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self.shown = False
        self.terminal = sys.stderr.isatty()

    def show(self, number: int) -> None:
        """Workshop `number` of the total is read."""
        if self.terminal and time.monotonic() - self.started > 1.0:
            width = 30
            filled = width * number // max(1, self.total)
            sys.stderr.write(f"\rvaerdispil: reading workshops [{'#' * filled}"
                             f"{'.' * (width - filled)}] {number}/{self.total}")
            sys.stderr.flush()
            self.shown = True

    def say(self, line: str) -> None:
        """A line of its own, not mixed into the progress line."""
        self.done()
        print(line, file=sys.stderr)

    def done(self) -> None:
        """End the progress line, if one was shown."""
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False


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
    def outcomes() -> Iterator[Outcome]:
        """Each workshop's outcome in turn (read, counted and let go: memory stays flat)."""
        seen: set[Path] = set()
        progress = Progress(len(args.sessions))
        for number, name in enumerate(args.sessions, start=1):
            path, result, warnings = read_outcome(name)
            progress.show(number)
            key = path.resolve()
            if key in seen:
                progress.say(f"vaerdispil: {path}: named more than once; counted once")
                continue
            seen.add(key)
            for warning in warnings:
                progress.say(f"vaerdispil: {warning}")
            yield result
        progress.done()

    from .pdf.common import PrintError, write_atomic
    from .pdf.report import render_report, tally, to_csv

    try:
        report = tally(outcomes(), getattr(args, "lang", None))
    except SessionError as error:
        return _fail(str(error))
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
          f"({_counted(len(report.workshops), 'workshop', 'workshops')})")
    return EXIT_OK


LANGUAGES = {"da": "Danish", "en": "English"}
"""The names of the report's languages, for the line that says what was written."""


def _counted(count: int, one: str, many: str) -> str:
    """'1 workshop', '2 workshops'."""
    return f"{count} {one if count == 1 else many}"
