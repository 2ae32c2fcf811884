"""The `vaerdispil` command: each subcommand is a thin call into the layers below.

Every error a user can cause ends in one line on stderr and a non-zero exit:
1 for a bad input file, 2 for bad arguments. Nothing reaches a user as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line: 'vaerdispil deck check: error: ...'."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog="vaerdispil",
        description="Værdispillet: a facilitation game about the value partners give and get. "
        "Without a command, the workshop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"vaerdispil {__version__}")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the screens")
    parser.add_argument("--deck", help="deck id or path (default: vaerdispil)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules():
        module.register(commands)
    return parser


def _command_modules() -> list[Any]:
    """The modules that each add subcommands: `register(subparsers)` and `run(args) -> int`."""
    from . import app_commands, deck_commands, print_commands, report_commands, session_commands

    return [app_commands, deck_commands, session_commands, print_commands, report_commands]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        return _run(argv)
    except UsageError as error:
        print(f"vaerdispil: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`vaerdispil deck schema | head`).
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence
        from .crash import crash_message

        print(crash_message(error), file=sys.stderr)
        return 70


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _start_app(args)
    code: int = args.run(args)
    return code


def _start_app(args: argparse.Namespace) -> int:
    from .app_commands import run_play

    return run_play(args)
