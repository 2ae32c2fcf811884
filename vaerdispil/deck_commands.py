"""`vaerdispil deck ...`: list, check and describe decks."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import TYPE_CHECKING, Any, TextIO

from .i18n import cli_plural, cli_text

if TYPE_CHECKING:  # the loader (and YAML) load only when a deck command runs
    from .deck.model import Deck


def register(commands: Any) -> None:
    """Add `deck list`, `deck check` and `deck schema` to the command line."""
    deck = commands.add_parser("deck", help=cli_text("cli.deck_group"))
    deck_commands = deck.add_subparsers(dest="deck_command",
                                        metavar=cli_text("cli.metavar.command"),
                                        parser_class=type(deck))
    deck_commands.required = True
    deck_commands.add_parser("list", help=cli_text("cli.deck.list")).set_defaults(
        run=lambda args: list_decks(sys.stdout))
    check_parser = deck_commands.add_parser("check", help=cli_text("cli.deck.check"))
    check_parser.add_argument("files", nargs="+", metavar=cli_text("cli.metavar.file"),
                              help=cli_text("cli.deck.files"))
    check_parser.set_defaults(run=lambda args: check(args.files, sys.stdout))
    deck_commands.add_parser("schema", help=cli_text("cli.deck.schema")).set_defaults(
        run=lambda args: schema(sys.stdout))


def list_decks(out: TextIO) -> int:
    """Print the bundled and user decks as a table; 0 if all load, 1 if any is broken."""
    from .deck.catalog import bundled_decks_dir, find_decks
    from .paths import user_decks_dir

    entries = find_decks(translations=True)
    rows = [tuple(cli_text("cli.deck.columns").split("|"))]
    broken = 0
    for entry in entries:
        where = cli_text("cli.deck.bundled") if entry.bundled else str(entry.path)
        if entry.deck:
            deck = entry.deck
            title = deck.title
            if deck.reviewed is not None:  # a translation file: said, and whether reviewed
                title = cli_text("cli.deck.reviewed" if deck.reviewed else "cli.deck.unreviewed",
                                 title=title)
            rows.append((deck.id, deck.language, str(len(deck.cards)), title, where))
        else:
            broken += 1
            count = len(entry.error.problems) if entry.error else 0
            rows.append((entry.path.stem, "?", "-",
                         cli_plural("cli.deck.broken", count, count=count, path=entry.path),
                         where))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        out.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])))
        out.write(f"  {row[4]}\n".rstrip(" ") if row[4] else "\n")
    out.write("\n" + cli_text("cli.deck.folders", bundled=bundled_decks_dir(),
                              own=user_decks_dir()) + "\n")
    return 1 if broken else 0


def check(files: list[str], out: TextIO) -> int:
    """Validate deck files, and the translations between decks of one id; 0 if all is well."""
    from pathlib import Path

    from .deck.catalog import load_deck_file
    from .deck.loader import DeckError
    from .deck.translation import compare_translations

    decks: list[Deck] = []
    failed = 0
    for name in files:
        try:
            deck = load_deck_file(Path(name))  # a translation: checked against its deck
        except DeckError as error:
            failed += 1
            for line in error.lines():
                out.write(line + "\n")
            continue
        decks.append(deck)
    by_id: defaultdict[str, list[Deck]] = defaultdict(list)
    for deck in decks:
        if deck.reviewed is None:  # a translation file is checked against its deck as read
            by_id[deck.id].append(deck)
    mismatched: set[str] = set()
    for group in by_id.values():
        for other in group[1:]:
            if other.language == group[0].language:
                continue
            problems = compare_translations(group[0], other)
            for line in problems:
                out.write(line + "\n")
            if problems:
                mismatched.update((group[0].source, other.source))
    for deck in decks:
        if deck.source not in mismatched:
            kinds = ", ".join(f"{len(deck.cards_of(kind))} {kind}" for kind in
                              sorted({card.kind for card in deck.cards}))
            cards, rounds = len(deck.cards), len(deck.rounds)
            out.write(cli_text("cli.deck.ok", source=deck.source, id=deck.id,
                               lang=deck.language, kinds=kinds,
                               cards=cli_plural("cli.count.card", cards, count=cards),
                               rounds=cli_plural("cli.count.round", rounds, count=rounds)) + "\n")
    return 1 if failed or mismatched else 0


def schema(out: TextIO) -> int:
    """Print the JSON Schema of the deck format."""
    from .deck.spec import json_schema_text

    out.write(json_schema_text())
    return 0
