"""`vaerdispil sessions list` and `vaerdispil export`: saved workshops and their outcome."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .i18n import cli_text
from .paths import sessions_dir
from .session.errors import SessionError

if TYPE_CHECKING:  # the engine loads only when a command needs it
    from .outcome import Outcome

FORMATS = ("md", "csv", "json", "ics")
"""What `export` writes (exports.RENDER has one renderer for each; a test checks)."""


def register(commands: Any) -> None:
    """Add `sessions list` and `export` to the command line."""
    sessions = commands.add_parser("sessions", help=cli_text("cli.sessions"))
    session_commands = sessions.add_subparsers(dest="sessions_command",
                                               metavar=cli_text("cli.metavar.command"),
                                               parser_class=type(sessions))
    session_commands.required = True
    session_commands.add_parser(
        "list", help=cli_text("cli.sessions.list")
    ).set_defaults(run=lambda args: list_saved(sys.stdout))

    export = commands.add_parser("export", help=cli_text("cli.export"))
    export.add_argument("session", metavar=cli_text("cli.metavar.session"),
                        help=cli_text("cli.session.arg"))
    export.add_argument("--format", choices=FORMATS, default="md",
                        help=cli_text("cli.export.format"))
    export.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out"),
                        help=cli_text("cli.export.output"))
    export.set_defaults(run=lambda args: export_session(args.session, args.format, args.output,
                                                        sys.stdout))


def find_session(name: str) -> Path:
    """A session file named by path, or by its name in the sessions folder (the one rule
    for every command: session.store.resolve_session); raises SessionError."""
    from .session.store import resolve_session

    return resolve_session(name).path


def read_outcome(name: str, kept: bool = False) -> tuple[Path, Outcome, list[str]]:
    """A workshop's file, its outcome and any warning (a dropped torn last line).
    `kept`: from the outcome cache while it is true to the file (the report's way).

    Raises SessionError with one line naming the file when it cannot be read or replayed.
    """
    path = find_session(name)
    if kept:
        from .outcome_cache import read_outcome_cached

        return (path, *read_outcome_cached(path))
    return (path, *outcome_of(path))


def outcome_of(path: Path, counted_only: bool = False) -> tuple[Outcome, list[str]]:
    """Replay a workshop's log into its outcome (and its warnings; `counted_only`: see
    outcome.outcome); SessionError if not."""
    from .outcome import outcome
    from .session.replay import replay

    replayed = replay(path)
    try:
        result = outcome(replayed.state, replayed.deck, counted_only)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        # Events that name cards the workshop's own deck lacks: damage, said in one line.
        raise SessionError(cli_text("cli.session.replay", path=replayed.path)) from None
    return result, replayed.warnings


ORGANISATIONS_COLUMN = 5
"""The column of the saved list that is cut to fit a narrow terminal: the partners."""
LEFT_OUT_FIRST = (3, 6, 5)
"""The columns left out, in this order, while even that does not fit: the deck, the last
change, the partners (the name, date, title and progress always show)."""


def list_saved(out: TextIO) -> int:
    """Print the saved workshops as a table, newest first. On a terminal narrower than
    the table the partners' column is cut to fit ("…"); into a file or a pipe every row
    is whole. A damaged file's row says why after its name, whatever the columns."""
    from .session.store import list_sessions, local_time

    infos = list_sessions()
    if not infos:
        out.write(cli_text("cli.sessions.none", folder=sessions_dir()) + "\n")
        return 0
    header = tuple(cli_text("cli.sessions.columns").split("|"))
    rows: list[tuple[str, ...]] = []
    for info in infos:
        if info.problem:  # a damaged file: its name, then why (no columns)
            rows.append((info.path.stem,
                         cli_text("cli.sessions.damaged", problem=info.problem)))
            continue
        progress = (cli_text("cli.sessions.setup") if info.round == 0 else
                    cli_text("cli.sessions.round", round=info.round, rounds=info.rounds))
        if info.ended:
            progress = cli_text("cli.sessions.ended")
        rows.append((info.path.stem, info.date, info.title, info.deck, progress,
                     ", ".join(info.organisations), local_time(info.last_change)))
    whole = [header, *(row for row in rows if len(row) == len(header))]
    widths = [max(len(row[i]) for row in whole) for i in range(len(header))]
    widths[0] = max(len(row[0]) for row in [header, *rows])
    shown = _fit(widths, len(header[ORGANISATIONS_COLUMN]), _terminal_width(out))
    for row in [header, *rows]:
        if len(row) < len(header):
            out.write(f"{row[0].ljust(widths[0])}  {row[1]}\n")
            continue
        cells = [_cut(row[column], widths[column]).ljust(widths[column]) for column in shown]
        out.write("  ".join(cells).rstrip() + "\n")
    out.write("\n" + cli_text("cli.sessions.folder", folder=sessions_dir()) + "\n")
    return 0


def _fit(widths: list[int], least: int, room: int | None) -> list[int]:
    """The columns to show in `room` characters (all of them where room is None), leaving
    out LEFT_OUT_FIRST in turn while the rest does not fit with the partners' column
    `least` wide; that column's width in `widths` is cut to what is left."""
    shown = list(range(len(widths)))
    if room is None:
        return shown

    def needed(columns: list[int], partners: int) -> int:
        return sum(partners if column == ORGANISATIONS_COLUMN else widths[column]
                   for column in columns) + 2 * (len(columns) - 1)

    for column in LEFT_OUT_FIRST:
        if needed(shown, min(least, widths[ORGANISATIONS_COLUMN])) < room:
            break
        shown.remove(column)
    if ORGANISATIONS_COLUMN in shown:
        widths[ORGANISATIONS_COLUMN] -= max(0, needed(shown, widths[ORGANISATIONS_COLUMN])
                                            - (room - 1))
    return shown


def _terminal_width(out: TextIO) -> int | None:
    """The columns of the terminal `out` writes to; None for a file or a pipe."""
    import os

    try:
        return os.get_terminal_size(out.fileno()).columns if out.isatty() else None
    except (AttributeError, OSError, ValueError):
        return None


def _cut(cell: str, width: int) -> str:
    """A cell in at most `width` characters, cut with "…" where it is longer."""
    return cell if len(cell) <= width else cell[:max(0, width - 1)] + "…"


def export_session(name: str, form: str, output: str | None, out: TextIO) -> int:
    """Write a workshop's outcome; one line on stderr and exit 1 if it cannot be read."""
    from .exports import RENDER
    from .files import OutputError, write_atomic

    try:
        _, result, warnings = read_outcome(name)
    except SessionError as error:
        print(f"vaerdispil: {error}", file=sys.stderr)
        return 1
    for warning in warnings:  # a dropped torn line, said as print summary says it
        print(f"vaerdispil: {warning}", file=sys.stderr)
    text = RENDER[form](result)
    if output is None:
        out.write(text)
        return 0
    try:
        write_atomic(output, text, fix="choose another file with -o")
    except OutputError as error:
        print(f"vaerdispil: {error}", file=sys.stderr)
        return 1
    print(cli_text("cli.export.wrote", path=output), file=sys.stderr)
    return 0
