"""`vaerdispil sessions list` and `vaerdispil export`: saved workshops and their outcome."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .paths import SESSION_SUFFIX as SUFFIX
from .paths import sessions_dir
from .session.errors import SessionError

if TYPE_CHECKING:  # the engine loads only when a command needs it
    from .outcome import Outcome

FORMATS = ("md", "csv", "json")
"""What `export` writes (exports.RENDER has one renderer for each; a test checks)."""


def register(commands: Any) -> None:
    """Add `sessions list` and `export` to the command line."""
    sessions = commands.add_parser("sessions", help="saved workshops")
    session_commands = sessions.add_subparsers(dest="sessions_command", metavar="COMMAND",
                                               parser_class=type(sessions))
    session_commands.required = True
    session_commands.add_parser(
        "list", help="saved workshops with title, date, deck, progress"
    ).set_defaults(run=lambda args: list_saved(sys.stdout))

    export = commands.add_parser("export", help="write what a workshop decided: md, csv or json")
    export.add_argument("session", metavar="SESSION", help="a workshop file, or its name in "
                        "the list of saved workshops")
    export.add_argument("--format", choices=FORMATS, default="md")
    export.add_argument("-o", "--output", metavar="OUT", help="file to write (default: print)")
    export.set_defaults(run=lambda args: export_session(args.session, args.format, args.output,
                                                        sys.stdout))


def find_session(name: str) -> Path:
    """A session file named by path, or by its name in the sessions folder."""
    path = Path(name).expanduser()
    if path.exists() or path.suffix == SUFFIX or "/" in name:
        return path
    saved = sessions_dir() / f"{name}{SUFFIX}"
    return saved if saved.exists() else path


def read_outcome(name: str) -> tuple[Path, Outcome, list[str]]:
    """A workshop's file, its outcome and any warning (a dropped torn last line).

    Raises SessionError with one line naming the file when it cannot be read or replayed.
    """
    from .outcome import outcome
    from .session.game import replay

    replayed = replay(find_session(name))
    try:
        result = outcome(replayed.state, replayed.deck)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        # Events that name cards the workshop's own deck lacks: damage, said in one line.
        raise SessionError(f"{replayed.path}: the workshop could not be replayed; it is damaged "
                           "(vaerdispil opens it to say where)") from None
    return replayed.path, result, replayed.warnings


def list_saved(out: TextIO) -> int:
    """Print the saved workshops as a table."""
    from .session.store import list_sessions, local_time

    infos = list_sessions()
    if not infos:
        out.write(f"No saved workshops in {sessions_dir()}\n")
        return 0
    rows = [("NAME", "DATE", "TITLE", "DECK", "PROGRESS", "ORGANISATIONS", "LAST CHANGE")]
    for info in infos:
        if info.problem:
            rows.append((info.path.stem, "", "damaged: " + info.problem, "", "", "", ""))
            continue
        progress = "set-up" if info.round == 0 else f"round {info.round} of {info.rounds}"
        if info.ended:
            progress = "ended"
        rows.append((info.path.stem, info.date, info.title, info.deck, progress,
                     ", ".join(info.organisations), local_time(info.last_change)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")
    out.write(f"\nWorkshops are saved in {sessions_dir()}\n")
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
    print(f"Wrote {output}", file=sys.stderr)
    return 0
