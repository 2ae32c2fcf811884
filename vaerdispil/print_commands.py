"""`vaerdispil print ...`: card sheets, the duplex test page, the facilitator guide and a
workshop's summary as PDF."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .deck.errors import DeckError
from .i18n import cli_plural, cli_text

if TYPE_CHECKING:  # the deck loader and the PDF code (reportlab) load only when needed
    from .deck.model import Deck
    from .pdf.common import Rendered

EXIT_OK = 0
EXIT_INVALID = 1


def register(commands: Any) -> None:
    """Add `print cards`, `print calibration`, `print guide` and `print summary`."""
    printing = commands.add_parser("print", help=cli_text("cli.print"))
    printing_commands = printing.add_subparsers(dest="print_command",
                                                metavar=cli_text("cli.metavar.command"),
                                                parser_class=type(printing))
    printing_commands.required = True

    cards = printing_commands.add_parser("cards", help=cli_text("cli.print.cards"),
                                         description=cli_text("cli.print.cards_about"))
    _deck_options(cards)
    cards.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out_pdf"),
                       help=cli_text("cli.print.cards_output"))
    _paper_option(cards)
    cards.add_argument("--size", choices=("poker", "mini", "a6"), default="poker",
                       help=cli_text("cli.print.size"))
    cards.add_argument("--backs", action=argparse.BooleanOptionalAction, default=True,
                       help=cli_text("cli.print.backs"))
    cards.add_argument("--duplex", choices=("long", "short", "fold"), default=None,
                       help=cli_text("cli.print.duplex"))
    cards.add_argument("--back-offset", metavar="X,Y", type=_offset, default=None,
                       help=cli_text("cli.print.offset"))
    cards.add_argument("--bleed", action=argparse.BooleanOptionalAction, default=True,
                       help=cli_text("cli.print.bleed"))
    cards.add_argument("--gap", metavar="MM", type=_gap, default=None, help=cli_text("cli.print.gap"))
    cards.add_argument("--per-page", metavar="1", type=_per_page, default=None,
                       help=cli_text("cli.print.per_page"))
    cards.add_argument("--cards", metavar="ID,ID", type=_ids, default=None,
                       help=cli_text("cli.print.only_cards"))
    cards.add_argument("--copies", metavar="N", type=_count(1), default=1, help=cli_text("cli.print.copies"))
    cards.add_argument("--blank-copies", metavar="N", type=_count(0), default=None,
                       help=cli_text("cli.print.blank_copies"))
    cards.add_argument("--list-cards", action="store_true", help=cli_text("cli.print.list_cards"))
    cards.add_argument("--second", metavar="LANG", default=None,
                       help=cli_text("cli.print.second"))
    cards.set_defaults(run=print_cards)

    calibration = printing_commands.add_parser("calibration",
                                               help=cli_text("cli.print.calibration"))
    calibration.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out_pdf"),
                             help=cli_text("cli.print.calibration_output"))
    _paper_option(calibration)
    calibration.add_argument("--duplex", choices=("long", "short"), default="long",
                             help=cli_text("cli.print.calibration_duplex"))
    calibration.add_argument("--back-offset", metavar="X,Y", type=_offset, default=None,
                             help=cli_text("cli.print.calibration_offset"))
    calibration.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                             help=cli_text("cli.print.calibration_lang"))
    calibration.set_defaults(run=print_calibration)

    guide = printing_commands.add_parser("guide", help=cli_text("cli.print.guide"))
    _deck_options(guide)
    guide.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out_pdf"),
                       help=cli_text("cli.print.guide_output"))
    guide.set_defaults(run=print_guide)

    summary = printing_commands.add_parser("summary", help=cli_text("cli.print.summary"),
                                           description=cli_text("cli.print.summary_about"))
    summary.add_argument("session", metavar=cli_text("cli.metavar.session"),
                         help=cli_text("cli.print.summary_session"))
    summary.add_argument("-o", "--output", metavar=cli_text("cli.metavar.out_pdf"),
                         help=cli_text("cli.print.summary_output"))
    summary.add_argument("--anonymous", action="store_true",
                         help=cli_text("cli.print.anonymous"))
    summary.set_defaults(run=print_summary)


def _deck_options(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps `vaerdispil --deck D print cards` working: a subcommand's own default
    # would otherwise overwrite the value given before the command.
    parser.add_argument("--deck", metavar="D", default=argparse.SUPPRESS,
                        help=cli_text("cli.print.deck"))
    parser.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                        help=cli_text("cli.print.lang"))


def _paper_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help=cli_text("cli.print.paper"))


def _offset(text: str) -> tuple[float, float]:
    """'1.5,-0.5' -> (1.5, -0.5), in millimetres."""
    parts = text.replace(" ", "").split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text("cli.print.offset_form", text=text)) from None
    if abs(x) > 20 or abs(y) > 20:
        raise argparse.ArgumentTypeError(cli_text("cli.print.offset_big", text=text))
    return x, y


def _gap(text: str) -> float:
    """'0' or '3'...'20' -> millimetres between cards."""
    try:
        gap = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text("cli.print.gap_form", text=text)) from None
    if not (gap == 0 or 3 <= gap <= 20):
        raise argparse.ArgumentTypeError(cli_text("cli.print.gap_form", text=text))
    return gap


def _per_page(text: str) -> int:
    if text.strip() != "1":
        raise argparse.ArgumentTypeError(cli_text("cli.print.per_page_form", text=text))
    return 1


def _ids(text: str) -> tuple[str, ...]:
    """'a, b,c' -> ('a', 'b', 'c')."""
    ids = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not ids:
        raise argparse.ArgumentTypeError(cli_text("cli.print.ids_form", text=text))
    return ids


def _count(low: int) -> Callable[[str], int]:
    """A whole number from `low` to 100."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = -1
        if not low <= number <= 100:
            raise argparse.ArgumentTypeError(cli_text("cli.print.count_form", text=text, low=low))
        return number

    parse.__name__ = "count"
    return parse


def _fail(message: str) -> int:
    print(f"vaerdispil: {message}", file=sys.stderr)
    return EXIT_INVALID


def _load(args: argparse.Namespace) -> Deck:
    from .deck.catalog import resolve_deck

    return resolve_deck(getattr(args, "deck", None) or "vaerdispil", getattr(args, "lang", None))


def _deck_failure(error: DeckError) -> int:
    """A bad deck in one line: its first problem, and how many more there are."""
    lines = error.lines()
    more = (cli_plural("cli.print.more_problems", len(lines) - 1, count=len(lines) - 1,
                       source=error.source) if len(lines) > 1 else "")
    return _fail(lines[0] + more)


def _run(make: Callable[[], tuple[Rendered, str]], output: str) -> int:
    """Render, write atomically and report; every expected failure is one line on stderr."""
    from .pdf.common import PrintError, write_atomic

    try:
        rendered, summary = make()
        path = write_atomic(output, rendered.data)
    except PrintError as error:
        return _fail(str(error))
    pages = cli_plural("cli.count.page", rendered.pages, count=rendered.pages)
    print(cli_text("cli.print.wrote", path=path, pages=pages, summary=summary))
    return EXIT_OK


def print_cards(args: argparse.Namespace) -> int:
    """`vaerdispil print cards`: write the deck's card sheets."""
    if args.back_offset is not None and (not args.backs or args.duplex == "fold"):
        print(cli_text("cli.print.offset_needs_backs"), file=sys.stderr)
        return 2
    if args.duplex is not None and not args.backs:
        print(cli_text("cli.print.duplex_needs_backs"), file=sys.stderr)
        return 2
    if args.per_page == 1:
        clash = ("--duplex fold" if args.duplex == "fold" else
                 "--back-offset" if args.back_offset is not None else
                 "--gap" if args.gap is not None else None)
        if clash:
            print(cli_text("cli.print.shop_conflict", option=clash), file=sys.stderr)
            return 2
    try:
        deck = _load(args)
        second = None
        if args.second:
            from .deck.catalog import resolve_deck

            if args.second == deck.language:
                print(cli_text("cli.print.second_same", lang=args.second), file=sys.stderr)
                return 2
            try:
                second = resolve_deck(deck.id, args.second)
            except DeckError as error:
                if error.source != deck.id:  # a broken translation file: its own problems
                    raise
                return _fail(_no_translation(deck.id, args.second))
    except DeckError as error:
        return _deck_failure(error)
    from .pdf.cards import CardOptions, UnknownCardError, cards_to_print

    duplex = args.duplex or "long"
    options = CardOptions(paper=args.paper, size=args.size, backs=args.backs, duplex=duplex,
                          back_offset=args.back_offset or (0.0, 0.0), bleed=args.bleed,
                          gap=args.gap, per_page=args.per_page, cards=args.cards or (),
                          copies=args.copies, blank_copies=args.blank_copies, second=second)
    if args.list_cards:
        for card in deck.cards:
            print(f"{card.id}\t{card.title}")
        return EXIT_OK
    try:
        printed = cards_to_print(deck, options)
    except UnknownCardError as error:
        hint = cli_text("cli.print.did_you_mean", suggestion=error.suggestion) if error.suggestion else ""
        command = " ".join(["vaerdispil print cards", *_deck_words(args), "--list-cards"])
        print("vaerdispil: " + cli_text("cli.print.unknown_card", source=deck.source or deck.id,
                                    card_id=error.card_id, hint=hint, command=command),
              file=sys.stderr)
        return 2
    output = args.output or _cards_file(deck, args, duplex)

    def make() -> tuple[Rendered, str]:
        from .pdf.cards import layout_for, render_cards, size_label

        rendered = render_cards(deck, options)
        if options.shop:
            how = cli_text("cli.print.how.shop")
        else:
            how = cli_text(f"cli.print.how.{duplex if args.backs else 'fronts'}")
        return rendered, cli_plural("cli.print.cards_done", len(printed), cards=len(printed),
                                    size=size_label(args.size),
                                    per_page=layout_for(options).per_page, how=how)

    return _run(make, output)


def _no_translation(deck_id: str, language: str) -> str:
    """That a deck has no translation into `language`, and which translations there are."""
    from .deck.catalog import find_decks

    known: dict[str, list[str]] = {}
    for entry in find_decks(translations=True):
        if entry.translation and entry.deck is not None:
            known.setdefault(entry.deck.id, []).append(entry.deck.language)
    there = "; ".join(f"{ident}: {', '.join(sorted(codes))}" for ident, codes in known.items())
    return cli_text("cli.print.no_translation", deck=deck_id, lang=language,
                    known=there or "-")


def _deck_words(args: argparse.Namespace) -> list[str]:
    """The --deck and --lang the command was given, to repeat in a hint."""
    words = []
    for option in ("deck", "lang"):
        value = getattr(args, option, None)
        if value:
            words += [f"--{option}", value if " " not in value else f'"{value}"']
    return words


def _cards_file(deck: Deck, args: argparse.Namespace, duplex: str) -> str:
    """DECK-LANG-cards[-SIZE][-PAPER][-LAYOUT].pdf, naming what differs from the default."""
    parts = [deck.id, deck.language, "cards"]
    if getattr(args, "second", None):
        parts[1:2] = [deck.language, args.second]
    if args.size != "poker":
        parts.append(args.size)
    if args.per_page == 1:
        return "-".join(parts + ["shop"]) + ".pdf"
    parts += [part for part, default in ((args.paper, "a4"),
                                         (duplex if args.backs else "fronts", "long"))
              if part != default]
    if args.gap is not None:
        parts.append(f"gap{args.gap:g}")
    if args.cards:
        parts.append("some")
    return "-".join(parts) + ".pdf"


def print_calibration(args: argparse.Namespace) -> int:
    """`vaerdispil print calibration`: write the two-sided test page."""
    suffix = "".join(f"-{part}" for part, default in ((args.paper, "a4"), (args.duplex, "long"))
                     if part != default)
    output = args.output or f"vaerdispil-calibration{suffix}.pdf"

    def make() -> tuple[Rendered, str]:
        from .pdf.calibration import render_calibration

        rendered = render_calibration(args.paper, args.duplex, getattr(args, "lang", None) or "da",
                                      args.back_offset or (0.0, 0.0))
        return rendered, cli_text("cli.print.calibration_done",
                                  edge=cli_text(f"cli.print.edge.{args.duplex}"))

    return _run(make, output)


def print_guide(args: argparse.Namespace) -> int:
    """`vaerdispil print guide`: write the facilitator guide."""
    try:
        deck = _load(args)
    except DeckError as error:
        return _deck_failure(error)
    output = args.output or f"{deck.id}-{deck.language}-guide.pdf"

    def make() -> tuple[Rendered, str]:
        from .pdf.guide import render_guide

        return render_guide(deck), cli_text("cli.print.guide_done", title=deck.title)

    return _run(make, output)


def print_summary(args: argparse.Namespace) -> int:
    """`vaerdispil print summary`: write a workshop's summary."""
    from .session.errors import SessionError
    from .session_commands import read_outcome

    try:
        path, result, warnings = read_outcome(args.session)
    except SessionError as error:
        return _fail(str(error))
    for warning in warnings:
        print(f"vaerdispil: {warning}", file=sys.stderr)
    suffix = "-anonymous" if args.anonymous else ""
    output = args.output or f"{path.stem}-summary{suffix}.pdf"

    def make() -> tuple[Rendered, str]:
        from .pdf.fonts import describe_char
        from .pdf.summary import REPLACEMENT, render_summary

        rendered = render_summary(result, anonymous=args.anonymous)
        if rendered.replaced:
            chars = ", ".join(describe_char(char) for char in rendered.replaced[:5])
            more = (cli_text("cli.print.no_font_more", count=len(rendered.replaced) - 5)
                    if len(rendered.replaced) > 5 else "")
            print(cli_text("cli.print.no_font", chars=chars, more=more, replacement=REPLACEMENT),
                  file=sys.stderr)
        title = result.title or path.stem
        how = cli_text("cli.print.names_left_out") if args.anonymous else ""
        return rendered, cli_text("cli.print.summary_done", title=title, how=how)

    return _run(make, output)
