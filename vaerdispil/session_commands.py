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


def list_saved(out: TextIO) -> int:
    """Print the saved workshops as a table."""
    from .session.store import list_sessions, local_time

    infos = list_sessions()
    if not infos:
        out.write(cli_text("cli.sessions.none", folder=sessions_dir()) + "\n")
        return 0
    rows = [tuple(cli_text("cli.sessions.columns").split("|"))]
    for info in infos:
        if info.problem:
            rows.append((info.path.stem, "", cli_text("cli.sessions.damaged",
                                                      problem=info.problem), "", "", "", ""))
            continue
        progress = (cli_text("cli.sessions.setup") if info.round == 0 else
                    cli_text("cli.sessions.round", round=info.round, rounds=info.rounds))
        if info.ended:
            progress = cli_text("cli.sessions.ended")
        rows.append((info.path.stem, info.date, info.title, info.deck, progress,
                     ", ".join(info.organisations), local_time(info.last_change)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")
    out.write("\n" + cli_text("cli.sessions.folder", folder=sessions_dir()) + "\n")
    return 0


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
