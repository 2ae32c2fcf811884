"""Card sheets: a deck as a PDF to print on an office printer, cut out and play with.

`render_cards(deck, CardOptions(...))` returns the PDF's bytes; nothing here touches
the disk (the CLI writes the result with `write_atomic`).
"""

from __future__ import annotations

import difflib
import io
import unicodedata
from dataclasses import dataclass

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..deck.model import Card, CardKind, Deck
from .cardface import (
    STYLES,
    CardFitError,
    CardStyle,
    Front,
    define_band_forms,
    draw_back,
    draw_front,
    fit_back,
    fit_front,
    for_shop,
    where,
)
from .common import Metadata, PrintError, Rendered, new_canvas
from .fonts import FONT_LABEL, Face, Fonts, describe_char, fonts, missing_chars
from .labels import Labels, labels_for
from .layout import (
    CARD_SIZES,
    SHOP_BLEED,
    Bleed,
    SheetLayout,
    Slot,
    solve,
    solve_single,
)
from .sheetlabel import SheetLabel

PAPER_NAMES = {"a4": "A4", "letter": "Letter"}
MARK_INK = black
MARK_WIDTH = 0.5
"""Cut marks in points: clearly visible, still thin enough to aim at."""
FOLD_INK = Color(0.45, 0.45, 0.45)


class MissingGlyphError(PrintError):
    """Text with a character the embedded font does not have."""


class UnknownCardError(PrintError):
    """--cards named a card the deck does not have."""

    def __init__(self, message: str, card_id: str, suggestion: str | None) -> None:
        super().__init__(message)
        self.card_id = card_id
        self.suggestion = suggestion


@dataclass(frozen=True)
class CardOptions:
    """How to print a deck."""

    paper: str = "a4"
    """a4 or letter."""
    size: str = "poker"
    """poker (63 x 88 mm), mini (44 x 63 mm) or a6 (105 x 148 mm)."""
    backs: bool = True
    duplex: str = "long"
    """long or short (two-sided, flipped on that edge) or fold (both sides on one sheet)."""
    back_offset: tuple[float, float] = (0.0, 0.0)
    """Millimetres to move the backs right and up (as seen on the back), for duplex."""
    bleed: bool = True
    """Run the colour band past the cut line, so a cut a little outside shows no white."""
    gap: float | None = None
    """Millimetres between cards: None for gutters with marks of each card's own, 0 for
    cards that share cut lines (a guillotine)."""
    per_page: int | None = None
    """1: each card on a page of its own size with 3 mm bleed (a print shop)."""
    cards: tuple[str, ...] = ()
    """Only these cards (by id; empty: all), in the deck's order."""
    copies: int = 1
    """How many of each card."""
    blank_copies: int | None = None
    """How many of each blank card (None: as `copies`)."""
    second: Deck | None = None
    """The same deck in a resident's language (deck.translated): each card's words in both,
    each in its own block, the second right to left where its script is."""

    @property
    def shop(self) -> bool:
        """One card a page, for a print shop."""
        return self.per_page == 1


def size_label(size: str) -> str:
    """'poker (63 x 88 mm)'."""
    width, height = CARD_SIZES[size]
    return f"{size} ({width / mm:.0f} x {height / mm:.0f} mm)"


def layout_for(options: CardOptions) -> SheetLayout:
    """The sheet layout the options ask for."""
    if options.shop:
        return solve_single(options.size)
    gap = None if options.gap is None else options.gap * mm
    return solve(options.paper, options.size, options.duplex if options.backs else None, gap)


def cards_to_print(deck: Deck, options: CardOptions) -> list[Card]:
    """The cards in print order: the deck's order, each as many times as asked.

    Raises UnknownCardError for an id in `options.cards` that the deck lacks.
    """
    chosen = set(options.cards)
    if chosen:
        ids = [card.id for card in deck.cards]
        for card_id in options.cards:
            if card_id not in ids:
                close = difflib.get_close_matches(card_id, ids, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise UnknownCardError(
                    f"{deck.source or deck.id}: no card with the id '{card_id}'; {hint}each "
                    "card's id is at the foot of the card", card_id, close[0] if close else None)
    printed = []
    for card in deck.cards:
        if chosen and card.id not in chosen:
            continue
        copies = options.copies
        if card.kind == CardKind.BLANK and options.blank_copies is not None:
            copies = options.blank_copies
        printed += [card] * copies
    return printed


def render_cards(deck: Deck, options: CardOptions | None = None) -> Rendered:
    """The deck's cards as a PDF: fronts, and backs unless options.backs is False.

    Raises MissingGlyphError for a character the font lacks and CardFitError for a card
    whose text does not fit; both name the card and its line in the deck file.
    UnknownCardError for a card in options.cards that the deck lacks.
    """
    options = options or CardOptions()
    printed = cards_to_print(deck, options)
    if not printed:
        raise PrintError(f"{deck.source or deck.id}: there are no cards to print")
    family = fonts()
    labels = labels_for(deck.language)
    check_glyphs(deck, family)
    if options.second is not None:
        check_second(deck, options.second, family)
    style = STYLES[options.size]
    card_size = CARD_SIZES[options.size]
    layout = layout_for(options)
    wanted = {card.id for card in printed}
    fitted = _fit_all(deck, [card for card in deck.cards if card.id in wanted], family, style,
                      card_size, labels, options.size, options.shop, options.second)
    fronts = [fitted[card.id] for card in printed]
    backs = {kind: fit_back(deck, kind, family, style, card_size, labels)
             for kind in {card.kind for card in printed}} if options.backs else {}
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, layout.page, _metadata(deck, options, labels, len(printed)),
                        options.duplex if options.backs and not options.shop else None)
    if options.shop:
        width, height = layout.page
        canvas.setBleedBox((0, 0, width, height))
        canvas.setTrimBox((SHOP_BLEED, SHOP_BLEED, width - SHOP_BLEED, height - SHOP_BLEED))
    # Every back of a kind is the same drawing, and so are the marks of every full page:
    # each is drawn once as a form and placed many times (smaller and faster).
    for kind, back in sorted(backs.items()):
        canvas.beginForm(f"back-{kind.value}", 0, 0, *card_size)
        draw_back(canvas, back, card_size)
        canvas.endForm()
    define_band_forms(canvas, list(fitted.values()), style, card_size)
    no_bleed = Bleed(0.0, 0.0, 0.0, 0.0)
    local = [no_bleed if not options.bleed else bleed.local(slot.angle)
             for slot, bleed in zip(layout.fronts, layout.bleeds)]
    per_page = layout.per_page
    sheets = -(-len(fronts) // per_page)
    label = None if options.shop else SheetLabel(deck, layout, labels, family, sheets,
                                                  bool(backs))
    pages = 0
    for sheet, start in enumerate(range(0, len(fronts), per_page), start=1):
        chunk = fronts[start:start + per_page]
        for number, (slot, front) in enumerate(zip(layout.fronts, chunk)):
            _enter(canvas, slot)
            draw_front(canvas, front, style, card_size, local[number])
            canvas.restoreState()
        _draw_marks(canvas, layout, len(chunk))
        if layout.backs_on_front_page and backs:
            _draw_fold(canvas, layout, labels["fold.here"], family)
            _draw_backs(canvas, layout, chunk)
        if label is not None:
            label.draw(canvas, sheet, "both" if layout.backs_on_front_page and backs
                       else "front")
        canvas.showPage()
        pages += 1
        if backs and not layout.backs_on_front_page:
            if label is not None:
                label.draw(canvas, sheet, "back")
            canvas.translate(options.back_offset[0] * mm, options.back_offset[1] * mm)
            _draw_backs(canvas, layout, chunk)
            canvas.showPage()
            pages += 1
    canvas.save()
    return Rendered(buffer.getvalue(), pages)


def _metadata(deck: Deck, options: CardOptions, labels: Labels, count: int) -> Metadata:
    if options.shop:
        layout = labels["layout.shop"]
    else:
        layout = labels[f"layout.{options.duplex}" if options.backs else "layout.fronts"]
    subject = labels.plural("cards.subject", count, count=count, size=size_label(options.size),
                            paper=PAPER_NAMES[options.paper], layout=layout)
    return Metadata(title=labels["cards.title"].format(deck=deck.title), subject=subject,
                    language=deck.language, keywords=(deck.id, "Værdispillet", options.size))


def _fit_all(deck: Deck, cards: list[Card], family: Fonts, style: CardStyle,
             card_size: tuple[float, float], labels: Labels, size: str,
             shop: bool = False, second: Deck | None = None) -> dict[str, Front]:
    """Fit every card; if some do not fit, name the first and count the others. For a
    print shop the footer stands in the safe area, unless the card's text needs the room.
    With `second`, each card's words in that deck's language stand under its own."""
    fronts, failures = {}, []
    note = ""
    if second is not None and not second.reviewed:
        note = labels["cards.unreviewed"].format(language=second.language)
    for card in cards:
        other = second.card(card.id) if second is not None else None
        language = second.language if second is not None else ""
        try:
            if shop:
                try:
                    fronts[card.id] = fit_front(card, deck, family, for_shop(style), card_size,
                                                labels, size, other, language, note)
                    continue
                except CardFitError:
                    pass
            fronts[card.id] = fit_front(card, deck, family, style, card_size, labels, size,
                                        other, language, note)
        except CardFitError as error:
            failures.append(error)
    if failures:
        more = f" (and {len(failures) - 1} more cards like it)" if len(failures) > 1 else ""
        raise CardFitError(f"{failures[0]}{more}")
    return fronts


def _enter(canvas: Canvas, slot: Slot) -> None:
    """Save the graphics state and move the origin to the card's lower left corner."""
    canvas.saveState()
    if slot.angle == 0:
        canvas.translate(slot.x, slot.y)
    elif slot.angle == 90:
        canvas.translate(slot.x + slot.w, slot.y)
        canvas.rotate(90)
    elif slot.angle == 180:
        canvas.translate(slot.x + slot.w, slot.y + slot.h)
        canvas.rotate(180)
    else:
        canvas.translate(slot.x, slot.y + slot.h)
        canvas.rotate(270)


def _draw_backs(canvas: Canvas, layout: SheetLayout, chunk: list[Front]) -> None:
    for slot, front in zip(layout.backs, chunk):
        _enter(canvas, slot)
        canvas.doForm(f"back-{front.card.kind.value}")
        canvas.restoreState()


def _draw_marks(canvas: Canvas, layout: SheetLayout, used: int) -> None:
    segments = layout.marks_for(used)
    if not segments:
        return
    name = f"marks-{layout.per_page if layout.shared_lines else used}"
    if not canvas.hasForm(name):
        canvas.beginForm(name)
        canvas.setStrokeColor(MARK_INK)
        canvas.setLineWidth(MARK_WIDTH)
        canvas.lines([(s.x0, s.y0, s.x1, s.y1) for s in segments])
        canvas.endForm()
    canvas.doForm(name)


def _draw_fold(canvas: Canvas, layout: SheetLayout, label: str, family: Fonts) -> None:
    """The dashed fold line, with a label over it where no cut mark is."""
    fold = layout.fold
    if fold is None:
        return
    canvas.saveState()
    canvas.setStrokeColor(FOLD_INK)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(fold.x0, fold.y0, fold.x1, fold.y1)
    first = layout.fronts[0]
    size = 6.5
    text_width = family.italic.width(label, size)
    if fold.y0 == fold.y1:
        canvas.translate(first.x + first.w / 2, fold.y0)
    else:
        canvas.translate(fold.x0, first.y + first.h / 2)
        canvas.rotate(90)
    canvas.setFillColor(white)
    canvas.rect(-text_width / 2 - 1.5, -size * 0.45, text_width + 3, size * 0.9, stroke=0, fill=1)
    canvas.setFillColor(FOLD_INK)
    canvas.setFont(family.italic.name, size)
    canvas.drawCentredString(0, -size * 0.33, label)
    canvas.restoreState()


def check_second(deck: Deck, second: Deck, family: Fonts) -> None:
    """Raise PrintError if `second` is not `deck` in another language, and
    MissingGlyphError for a character of its words that no bundled font prints (Arabic
    script is checked as it is drawn: shaped, in Noto Sans Arabic, and what that font
    lacks in DejaVu Sans)."""
    from .fonts import arabic_fonts
    from .text import RTL_LANGUAGES, shape_line

    if second.id != deck.id or [c.id for c in second.cards] != [c.id for c in deck.cards]:
        raise PrintError(f"{second.source}: this is not the deck {deck.id} in another "
                         "language; choose a translation of the deck you print")
    rtl = second.language in RTL_LANGUAGES
    script = arabic_fonts() if rtl else None
    problems: list[str] = []
    for card in second.cards:
        for what, text in (("title", card.title), ("text", card.text),
                           ("example", card.example)):
            shown = shape_line(text) if rtl else unicodedata.normalize("NFC", text)
            for char in dict.fromkeys(shown):
                if char.isspace() or (script is not None and script.regular.has(char)):
                    continue
                face = family.bold if what == "title" else family.regular
                if not face.has(char):
                    problems.append(f"{where(card, second)}: no bundled font has the "
                                    f"character {describe_char(char)} (in the {what}); "
                                    "remove it or use a character the fonts have")
    if problems:
        more = f" (and {len(problems) - 1} more like it)" if len(problems) > 1 else ""
        raise MissingGlyphError(problems[0] + more)


def check_glyphs(deck: Deck, family: Fonts | None = None) -> None:
    """Raise MissingGlyphError if any printed text has a character the font lacks."""
    family = family or fonts()
    problems: list[str] = []

    def check(text: str, face: Face, what: str, context: str) -> None:
        for char in missing_chars(unicodedata.normalize("NFC", text), face):
            problems.append(f"{context}: the font {FONT_LABEL} has no character "
                            f"{describe_char(char)} (in the {what}); remove it or use a "
                            "character the font has")

    source = deck.source or deck.id
    check(deck.title, family.bold, "deck title", source)
    check(deck.title, family.regular, "deck title", source)
    for category in deck.categories:
        at = f"{source}:{category.line}" if category.line else source
        check(category.name, family.bold, "category name", f"{at}: category '{category.id}'")
    for card in deck.cards:
        context = where(card, deck)
        check(card.title, family.bold, "title", context)
        check(card.text, family.regular, "text", context)
        check(card.example, family.italic, "example", context)
    if problems:
        more = f" (and {len(problems) - 1} more like it)" if len(problems) > 1 else ""
        raise MissingGlyphError(problems[0] + more)

