"""`vaerdispil report`: counts across many workshops, as a PDF or a CSV file."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .i18n import cli_plural, cli_text
from .session.errors import SessionError

if TYPE_CHECKING:
    from .outcome import Outcome

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def register(commands: Any) -> None:
    """Add `report` to the command line."""
    report = commands.add_parser("report", help=cli_text("cli.report"),
                                 description=cli_text("cli.report.about"))
    report.add_argument("sessions", metavar=cli_text("cli.metavar.session"), nargs="+",
                        help=cli_text("cli.report.sessions"))
    report.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out_report"),
                        help=cli_text("cli.report.output"))
    report.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                        help=cli_text("cli.report.lang"))
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
            sys.stderr.write(f"\rvaerdispil: {cli_text('cli.report.reading')} [{'#' * filled}"
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
    output = args.output or "vaerdispil-report.pdf"
    form = Path(output).suffix.lower().lstrip(".")
    if form not in ("pdf", "csv"):
        print(cli_text("cli.report.bad_output", output=output), file=sys.stderr)
        return EXIT_USAGE
    def outcomes() -> Iterator[tuple[str, Outcome]]:
        """Each workshop's outcome in turn (read, counted and let go: memory stays flat;
        workshops not yet kept are replayed on every core)."""
        from .outcome_cache import read_outcomes_cached
        from .session_commands import find_session

        resolved: dict[Path, Path] = {}  # each file once: absolute path -> as named
        for name in args.sessions:
            path = find_session(name)
            key = path.resolve()
            if key in resolved:
                print(cli_text("cli.report.twice", path=path), file=sys.stderr)
                continue
            resolved[key] = path
        paths = list(resolved.values())
        progress = Progress(len(paths))
        for number, (path, (result, warnings)) in enumerate(
                zip(paths, read_outcomes_cached(paths, list(resolved))), start=1):
            progress.show(number)
            for warning in warnings:
                progress.say(f"vaerdispil: {warning}")
            yield path.stem, result
        progress.done()

    from .files import OutputError, write_atomic
    from .report import tally, to_csv  # counts and CSV need no reportlab: the PDF only

    try:
        report = tally(outcomes(), getattr(args, "lang", None))
    except SessionError as error:
        return _fail(str(error))
    fix = "choose another output file with -o"
    try:
        if form == "csv":
            path = write_atomic(output, to_csv(report).encode("utf-8"), fix=fix)
            what = (f"{_counted(len(report.values), 'value')}, "
                    f"{_counted(len(report.categories), 'category')}")
        else:
            from .pdf.common import PrintError
            from .pdf.report import render_report

            try:
                rendered = render_report(report)
            except PrintError as error:
                return _fail(str(error))
            path = write_atomic(output, rendered.data, fix=fix)
            what = _counted(rendered.pages, "page")
    except OutputError as error:
        return _fail(str(error))
    language = (cli_text(f"cli.language.{report.language}") if report.language in LANGUAGES
                else report.language)
    print(cli_text("cli.report.wrote", path=path, what=what, lang=language,
                   workshops=_counted(len(report.workshops), "workshop")))
    return EXIT_OK


LANGUAGES = ("da", "en")
"""The report's languages that the line saying what was written can name."""


def _counted(count: int, noun: str) -> str:
    """'1 workshop', '2 workshops' (in the command line's language): the plural entry
    cli.count.NOUN."""
    return cli_plural(f"cli.count.{noun}", count, count=count)
