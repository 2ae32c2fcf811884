"""The `vaerdispil` command: each subcommand is a thin call into the layers below.

Every error a user can cause ends in one line on stderr and a non-zero exit:
1 for a bad input file, 2 for bad arguments. Nothing reaches a user as a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from . import __version__
from .i18n import CLI_LANGUAGE, LANGUAGES, cli_plural, cli_text

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help, with its word "usage:" in the command line's language."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups,
                          cli_text("cli.usage") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, in the command line's language, and errors in one line:
    'vaerdispil deck check: the following arguments are required: FILE (see ... --help)'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = cli_text("cli.positionals")
        self._optionals.title = cli_text("cli.options")
        for action in self._actions:
            if "-h" in action.option_strings:
                action.help = cli_text("cli.help")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, cli_text("cli.error", prog=self.prog,
                                       message=_argparse_words(message)) + "\n")


_ARGUMENT = r"argument (?P<name>[^:]+): (?P<message>.*)"
"""argparse's frame for a problem with one argument: 'argument --lang: ...'."""

_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (?P<names>.+)", "cli.arg.required"),
    (r"unrecognized arguments: (?P<words>.+)", "cli.arg.unrecognized"),
    (r"one of the arguments (?P<names>.+) is required", "cli.arg.one_required"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "cli.arg.ambiguous"),
    (r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", "cli.arg.choice"),
    (r"invalid \S+ value: (?P<value>.+)", "cli.arg.type"),
    (r"expected one argument", "cli.arg.one"),
    (r"expected at most one argument", "cli.arg.at_most_one"),
    (r"expected at least one argument", "cli.arg.at_least_one"),
    (r"expected (?P<count>\d+) arguments?", "cli.arg.count"),
    (r"ignored explicit argument (?P<value>.+)", "cli.arg.explicit"),
    (r"not allowed with argument (?P<other>.+)", "cli.arg.not_with"),
)
"""argparse's own English messages (it has no Danish), and the keys that say them
(patterns compiled only when a message is to be said: most runs have none)."""


def _argparse_words(message: str) -> str:
    """An argparse error message in the command line's language. argparse words its
    messages in English; a message it words in a way not listed here stays English."""
    if CLI_LANGUAGE.get() == "en":
        return message
    argument = re.fullmatch(_ARGUMENT, message, re.DOTALL)
    if argument:
        return f"{argument['name']}: {_argparse_words(argument['message'])}"
    for pattern, key in _ARGPARSE_MESSAGES:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found and "count" in found.groupdict():
            return cli_plural(key, int(found["count"]), **found.groupdict())
        if found:
            return cli_text(key, **found.groupdict())
    return message


def choose_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The command line's language: the last `--lang da|en` on the line; else the locale
    (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: the first one set), Danish for da*, else English.

    Read before the parser is built, as the parser's own words (its --help) depend on it.
    """
    chosen = None
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) > 2 and "--lang".startswith(name):  # argparse takes --la for --lang too
            if not equals:
                value = next(words, "")
            if value in LANGUAGES:
                chosen = value
    if chosen:
        return chosen
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        setting = environ.get(variable)
        if setting:
            first = setting.split(":")[0].lower()
            danish = first[:2] == "da" and (len(first) == 2 or first[2] in "_.@-")
            return "da" if danish else "en"
    return "en"


def build_parser(language: str | None = None,
                 argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, in `language` (default: the command line's language of this
    run). Given the command line `argv` that names a command, only that command's part is
    built (its module alone is imported: the rest would only slow a short command down);
    else every subcommand's."""
    token = CLI_LANGUAGE.set(language) if language else None
    try:
        return _build_parser(command_word(argv) if argv is not None else None)
    finally:
        if token is not None:
            CLI_LANGUAGE.reset(token)


COMMANDS = {"play": "app_commands", "demo": "app_commands", "serve": "app_commands",
            "deck": "deck_commands", "sessions": "session_commands",
            "export": "session_commands", "print": "print_commands",
            "report": "report_commands"}
"""Each subcommand and the module that adds it (a test checks that this is complete)."""

_GLOBAL_WITH_VALUE = ("--lang", "--deck")
"""The top-level options that take a value (the word after them is not a command)."""


def command_word(argv: Sequence[str]) -> str | None:
    """The subcommand the command line names, or None (none, or help or --version first,
    or a word that is no command: then the whole parser says what there is)."""
    words = iter(argv)
    for word in words:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
        name, equals, _ = word.partition("=")
        # argparse takes an option's unambiguous start (--la for --lang) too.
        if not (len(name) > 2 and any(option.startswith(name) for option in _GLOBAL_WITH_VALUE)):
            return None  # -h, --version, --, or an unknown option
        if not equals:
            next(words, None)  # its value
    return None


def _build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="vaerdispil", description=cli_text("cli.description"))
    parser.add_argument("--version", action="version", version=f"vaerdispil {__version__}",
                        help=cli_text("cli.version"))
    parser.add_argument("--lang", choices=("da", "en"), help=cli_text("cli.lang"))
    parser.add_argument("--deck", help=cli_text("cli.deck"))
    commands = parser.add_subparsers(dest="command", metavar=cli_text("cli.metavar.command"),
                                     parser_class=_Parser)
    for module in _command_modules(only):
        module.register(commands)
    return parser


def _command_modules(only: str | None = None) -> list[Any]:
    """The modules that each add subcommands: `register(subparsers)` and `run(args) -> int`
    (only the one that adds the command `only`, if given)."""
    import importlib

    names = [COMMANDS[only]] if only else list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f".{name}", __package__) for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. It speaks the language of --lang, or
    else of the locale (choose_language)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    token = CLI_LANGUAGE.set(choose_language(arguments, os.environ))
    try:
        return _main(arguments)
    finally:
        CLI_LANGUAGE.reset(token)


def _main(argv: Sequence[str]) -> int:
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


def _run(argv: Sequence[str]) -> int:
    args = build_parser(argv=argv).parse_args(argv)
    if args.command is None:
        return _start_app(args)
    code: int = args.run(args)
    return code


def _start_app(args: argparse.Namespace) -> int:
    from .app_commands import run_play

    return run_play(args)
