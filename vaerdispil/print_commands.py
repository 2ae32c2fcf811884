"""`vaerdispil print ...`: card sheets, the duplex test page, the facilitator guide and a
workshop's summary as PDF."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .deck.errors import DeckError

if TYPE_CHECKING:  # the deck loader and the PDF code (reportlab) load only when needed
    from .deck.model import Deck
    from .pdf.common import Rendered

EXIT_OK = 0
EXIT_INVALID = 1


def register(commands: Any) -> None:
    """Add `print cards`, `print calibration`, `print guide` and `print summary`."""
    printing = commands.add_parser("print", help="card sheets, a duplex test page, the "
                                   "facilitator guide and a workshop's summary as PDF")
    printing_commands = printing.add_subparsers(dest="print_command", metavar="COMMAND",
                                                parser_class=type(printing))
    printing_commands.required = True

    cards = printing_commands.add_parser(
        "cards", help="the deck's cards to print, cut out and play with",
        description="Print at actual size (100 %), never 'fit to page'. Two-sided: "
        "flip on the edge given by --duplex. No duplex printer? Use --duplex fold.")
    _deck_options(cards)
    cards.add_argument("-o", "--output", metavar="OUT.pdf",
                       help="where to write (default: DECK-LANG-cards.pdf in this folder)")
    _paper_option(cards)
    cards.add_argument("--size", choices=("poker", "mini", "a6"), default="poker",
                       help="poker 63x88 mm (default), mini 44x63 mm, a6 105x148 mm")
    cards.add_argument("--backs", action=argparse.BooleanOptionalAction, default=True,
                       help="print a back for every card (default: yes)")
    cards.add_argument("--duplex", choices=("long", "short", "fold"), default=None,
                       help="two-sided, flipped on the long (default) or short edge; or fold: "
                       "fronts and backs on one sheet, folded, for printers without duplex")
    cards.add_argument("--back-offset", metavar="X,Y", type=_offset, default=None,
                       help="move the backs X mm right and Y mm up (read X,Y from "
                       "'vaerdispil print calibration')")
    cards.add_argument("--bleed", action="store_true",
                       help="run the colour band past the cut line, for a clean edge")
    cards.set_defaults(run=print_cards)

    calibration = printing_commands.add_parser(
        "calibration", help="a two-sided test page that shows the --back-offset to use")
    calibration.add_argument("-o", "--output", metavar="OUT.pdf",
                             help="where to write (default: vaerdispil-calibration.pdf)")
    _paper_option(calibration)
    calibration.add_argument("--duplex", choices=("long", "short"), default="long",
                             help="the edge you will flip on when printing cards (default: long)")
    calibration.add_argument("--back-offset", metavar="X,Y", type=_offset, default=None,
                             help="shift the back by this much, to check an offset")
    calibration.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                             help="language of the page (default: da)")
    calibration.set_defaults(run=print_calibration)

    guide = printing_commands.add_parser(
        "guide", help="the facilitator guide: rounds, timing, materials, printing")
    _deck_options(guide)
    guide.add_argument("-o", "--output", metavar="OUT.pdf",
                       help="where to write (default: DECK-LANG-guide.pdf in this folder)")
    guide.set_defaults(run=print_guide)

    summary = printing_commands.add_parser(
        "summary", help="a workshop's summary to send to the partners, with an agreement to sign",
        description="The summary of a workshop as A4 PDF: overview, who gives and gets what, "
        "the vote, round by round, actions, and a partnership agreement to sign.")
    summary.add_argument("session", metavar="SESSION", help="a workshop file, or its name in "
                         "the list of saved workshops (vaerdispil sessions list)")
    summary.add_argument("-o", "--output", metavar="OUT.pdf",
                         help="where to write (default: NAME-summary.pdf in this folder)")
    summary.add_argument("--anonymous", action="store_true",
                         help="leave out participants' names (organisations only), for "
                         "sharing beyond the room")
    summary.set_defaults(run=print_summary)


def _deck_options(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps `vaerdispil --deck D print cards` working: a subcommand's own default
    # would otherwise overwrite the value given before the command.
    parser.add_argument("--deck", metavar="D", default=argparse.SUPPRESS,
                        help="deck id or path of a .yaml file (default: vaerdispil)")
    parser.add_argument("--lang", choices=("da", "en"), default=argparse.SUPPRESS,
                        help="which language of the deck (default: Danish)")


def _paper_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help="paper size (default: a4)")


def _offset(text: str) -> tuple[float, float]:
    """'1.5,-0.5' -> (1.5, -0.5), in millimetres."""
    parts = text.replace(" ", "").split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not X,Y in millimetres, such as 1.5,-0.5") from None
    if abs(x) > 20 or abs(y) > 20:
        raise argparse.ArgumentTypeError(f"'{text}': an offset over 20 mm is not a printer's "
                                         "error; check that you printed at actual size")
    return x, y


def _fail(message: str) -> int:
    print(f"vaerdispil: {message}", file=sys.stderr)
    return EXIT_INVALID


def _load(args: argparse.Namespace) -> Deck:
    from .deck.catalog import resolve_deck

    return resolve_deck(getattr(args, "deck", None) or "vaerdispil", getattr(args, "lang", None))


def _deck_failure(error: DeckError) -> int:
    """A bad deck in one line: its first problem, and how many more there are."""
    lines = error.lines()
    more = (f" (and {len(lines) - 1} more problems: see vaerdispil deck check {error.source})"
            if len(lines) > 1 else "")
    return _fail(lines[0] + more)


def _run(make: Callable[[], tuple[Rendered, str]], output: str) -> int:
    """Render, write atomically and report; every expected failure is one line on stderr."""
    from .pdf.common import PrintError, write_atomic

    try:
        rendered, summary = make()
        path = write_atomic(output, rendered.data)
    except PrintError as error:
        return _fail(str(error))
    pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    print(f"wrote {path}: {pages}{summary}")
    return EXIT_OK


def print_cards(args: argparse.Namespace) -> int:
    """`vaerdispil print cards`: write the deck's card sheets."""
    if args.back_offset is not None and (not args.backs or args.duplex == "fold"):
        print("vaerdispil print cards: --back-offset moves the backs of two-sided printing; "
              "it does nothing with --no-backs or --duplex fold", file=sys.stderr)
        return 2
    if args.duplex is not None and not args.backs:
        print("vaerdispil print cards: --duplex needs backs; leave out --no-backs",
              file=sys.stderr)
        return 2
    try:
        deck = _load(args)
    except DeckError as error:
        return _deck_failure(error)
    duplex = args.duplex or "long"
    parts = [deck.id, deck.language, "cards"]
    parts += [part for part, default in ((args.size, "poker"), (args.paper, "a4"),
                                         (duplex if args.backs else "fronts", "long"))
              if part != default]
    output = args.output or "-".join(parts) + ".pdf"

    def make() -> tuple[Rendered, str]:
        from .pdf.cards import CardOptions, render_cards, size_label
        from .pdf.layout import solve

        options = CardOptions(paper=args.paper, size=args.size, backs=args.backs, duplex=duplex,
                              back_offset=args.back_offset or (0.0, 0.0), bleed=args.bleed)
        rendered = render_cards(deck, options)
        layout = solve(args.paper, args.size, duplex if args.backs else None)
        how = {"long": "print two-sided, flip on the long edge",
               "short": "print two-sided, flip on the short edge",
               "fold": "print one-sided, fold on the dashed line"}[duplex] if args.backs \
            else "fronts only"
        return rendered, (f" ({len(deck.cards)} cards, {size_label(args.size)}, "
                          f"{layout.per_page} per page; {how}, at actual size)")

    return _run(make, output)


def print_calibration(args: argparse.Namespace) -> int:
    """`vaerdispil print calibration`: write the two-sided test page."""
    suffix = "".join(f"-{part}" for part, default in ((args.paper, "a4"), (args.duplex, "long"))
                     if part != default)
    output = args.output or f"vaerdispil-calibration{suffix}.pdf"

    def make() -> tuple[Rendered, str]:
        from .pdf.calibration import render_calibration

        rendered = render_calibration(args.paper, args.duplex, getattr(args, "lang", None) or "da",
                                      args.back_offset or (0.0, 0.0))
        return rendered, (f" (print both sides at actual size, flip on the {args.duplex} "
                          "edge, and read X,Y on the back)")

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

        return render_guide(deck), f" (facilitator guide for {deck.title})"

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
            more = f" and {len(rendered.replaced) - 5} more" if len(rendered.replaced) > 5 else ""
            print(f"vaerdispil: note: no font of the PDF has {chars}{more}; printed as "
                  f"{REPLACEMENT}", file=sys.stderr)
        title = result.title or path.stem
        how = "; names left out" if args.anonymous else ""
        return rendered, f" (summary of '{title}'{how})"

    return _run(make, output)
