"""One card, front and back: fitting its text and drawing it in the card's own coordinates.

The front has a colour band with the category's name, shape and pattern (so the colour
is never the only sign, and a grey print still sorts by eye: symbols.py), the title,
the text, an optional example at the bottom, and a footer with the deck's title and the
card's id. Nothing is drawn on the cut line itself; the band runs past it (the bleed).
Backs show the deck's title and the kind of card, in words and as a symbol, so value,
question and blank cards part face down, but no card can be told from its back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..deck.model import Card, CardKind, Deck
from .common import PrintError
from .fonts import ASCENT, Fonts, arabic_fonts
from .layout import SHOP_BLEED, Bleed
from .symbols import Look, draw_kind, draw_pattern, draw_shape, looks
from .text import RTL_LANGUAGES, Block, fit_line, set_block, set_rtl_block

MIN_TEXT = 8.0
"""The smallest size text is shrunk to, in points: smaller is hard to read at a table."""
STEP = 0.5


@dataclass(frozen=True)
class CardStyle:
    """Design sizes of one card size (fonts in points, the rest in points too)."""

    pad: float
    band: float
    band_text: float
    title: float
    body: float
    example: float
    footer: float
    writing_line: float
    back_title: float
    back_kind: float
    pattern: float
    """The least width of the band's pattern inside the card's padding, after the
    category's name (it runs on over the padding and the bleed)."""
    period: float
    """How far apart the pattern's stripes or dots are."""
    footer_lift: float = 0.0
    """How much higher than usual the footer stands (see for_shop)."""


STYLES = {
    "poker": CardStyle(pad=4 * mm, band=8 * mm, band_text=9, title=15, body=10.5, example=9,
                       footer=6, writing_line=7 * mm, back_title=15, back_kind=11,
                       pattern=9 * mm, period=1.8 * mm),
    "mini": CardStyle(pad=3 * mm, band=6.5 * mm, band_text=8, title=10.5, body=8.5, example=8,
                      footer=5.5, writing_line=6 * mm, back_title=11, back_kind=9,
                      pattern=6 * mm, period=1.5 * mm),
    "a6": CardStyle(pad=7 * mm, band=13 * mm, band_text=13, title=22, body=15, example=13,
                    footer=8, writing_line=10 * mm, back_title=26, back_kind=17,
                    pattern=16 * mm, period=2.6 * mm),
}

SAFE_TEXT = 3 * mm
"""No text comes closer than this to a card's edge (its descenders aside)."""


def for_shop(style: CardStyle) -> CardStyle:
    """The style for a print shop: the footer inside the 3 mm safe area shops ask for,
    where a cut a little inside the line never reaches it."""
    return replace(style, footer_lift=max(0.0, SAFE_TEXT - style.pad * 0.6))


QUESTION_BAND = Color(0.86, 0.86, 0.86)
LINE_GREY = Color(0.6, 0.6, 0.6)
FOOTER_GREY = Color(0.35, 0.35, 0.35)
SYMBOL = 0.42
"""The radius of a band's symbol, in ems of the band's text."""


class CardFitError(PrintError):
    """A card whose text does not fit even at the smallest size."""


def _luminance(colour: Color) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red) + 0.7152 * channel(colour.green)
            + 0.0722 * channel(colour.blue))


def text_colour_on(colour: Color) -> Color:
    """Black or white, whichever contrasts more with `colour` (so dark colours still read)."""
    light = _luminance(colour)
    return black if (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) else white


@dataclass(frozen=True)
class Second:
    """The card in a second language (a resident's), in its own block under the first:
    right to left, flush right, for Arabic script."""

    title: Block
    text: Block
    example: Block


@dataclass(frozen=True)
class Front:
    """A card's front, fitted to its size and ready to draw."""

    card: Card
    band: Block
    band_height: float
    band_fill: Color | None
    band_ink: Color
    look: Look | None
    """The category's shape and pattern (value cards)."""
    title: Block
    text: Block
    example: Block
    footer_font: str
    footer_left: str
    footer_right: str
    writing_lines: int
    footer_at: float = 0.0
    """The footer's baseline."""
    second: Second | None = None


@dataclass(frozen=True)
class Back:
    """A card's back: the deck's title, and the kind of card in words and as a symbol."""

    title: Block
    kind: Block
    kind_name: str


def band_of(card: Card, deck: Deck, labels: dict[str, str]) -> tuple[str, Color | None]:
    """The band's label and fill: the category's name and colour, or the kind of card."""
    if card.category:
        category = deck.category(card.category)
        return category.name, HexColor(category.colour)
    if card.kind == CardKind.QUESTION:
        return labels["kind.question"], QUESTION_BAND
    return labels[f"kind.{card.kind.value}"], None


def where(card: Card, deck: Deck) -> str:
    """'FILE:LINE: card 'id'' for messages."""
    line = f":{card.line}" if card.line else ""
    return f"{deck.source or deck.id}{line}: card '{card.id}'"


def _second_blocks(card: Card, language: str, fonts: Fonts, style: CardStyle, scale: float,
                   body: float, inner: float, example: bool) -> tuple[Second, bool]:
    """The second language's title, text and example at this size; whether every word
    fitted its line (a right-to-left word is never broken)."""
    title_size = max(MIN_TEXT, style.title * scale * 0.85)
    example_size = max(MIN_TEXT, style.example * scale)
    words = card.example if example else ""
    if language in RTL_LANGUAGES:
        script = arabic_fonts()
        title, fit_title = set_rtl_block(card.title, script.bold, fonts.bold, title_size,
                                         inner, 1.25)
        text, fit_text = set_rtl_block(card.text, script.regular, fonts.regular, body, inner,
                                       1.3)
        lines, fit_example = set_rtl_block(words, script.regular, fonts.regular, example_size,
                                           inner, 1.3)
        return Second(title, text, lines), fit_title and fit_text and fit_example
    title = set_block(card.title, fonts.bold, title_size, inner, 1.15, language=language,
                      eager=False)
    text = set_block(card.text, fonts.regular, body, inner, language=language)
    lines = set_block(words, fonts.italic, example_size, inner, language=language)
    return Second(title, text, lines), True


def fit_front(card: Card, deck: Deck, fonts: Fonts, style: CardStyle, size: tuple[float, float],
              labels: dict[str, str], size_name: str, second: Card | None = None,
              second_language: str = "", note: str = "") -> Front:
    """Set the card's text at the design size, shrinking in steps down to MIN_TEXT.

    With `second` (the same card in a resident's language), both stand on the face, each
    in its own block; where both examples do not fit even at the smallest size, the
    examples are left out (the titles and texts never are). `note` is said in the footer
    (that a translation is not yet reviewed).

    Raises CardFitError naming the card and its line in the deck file if even the
    smallest size does not fit: text is never cut off.
    """
    width, height = size
    inner = width - 2 * style.pad
    language = deck.language
    label, fill = band_of(card, deck, labels)
    look = looks(deck.categories).get(card.category) if card.category else None
    room = inner - symbol_room(style) - (style.pattern + pattern_gap(style) if look else 0.0)
    band = set_block(label, fonts.bold, style.band_text, room, 1.1, language=language,
                     eager=False)
    band_height = max(style.band, band.height + style.band_text)
    footer_top = footer_base(style) + ASCENT * style.footer
    top = height - band_height - style.pad * 0.8
    bottom = footer_top + 1.5 * mm
    has_example = bool(card.example.strip())
    tries = (True, False) if second is not None and has_example else (has_example,)
    for with_example in tries:
        body = style.body
        while body >= MIN_TEXT - 1e-6:
            scale = body / style.body
            title = set_block(card.title, fonts.bold, max(MIN_TEXT, style.title * scale),
                              inner, 1.15, language=language, eager=False)
            text = set_block(card.text, fonts.regular, body, inner, language=language)
            example = set_block(card.example if with_example else "", fonts.italic,
                                max(MIN_TEXT, style.example * scale), inner,
                                lead=labels["example"] if with_example else "",
                                lead_face=fonts.bold_italic, language=language)
            need = title.height
            if text.lines:
                need += 0.5 * body + text.height
            if example.lines:
                need += 0.9 * body + example.height
            other, fits = None, True
            if second is not None:
                other, fits = _second_blocks(second, second_language, fonts, style, scale,
                                             body, inner, with_example)
                need += 1.2 * body + other.title.height
                if other.text.lines:
                    need += 0.4 * body + other.text.height
                if other.example.lines:
                    need += 0.6 * body + other.example.height
            lines = 0
            if card.kind == CardKind.BLANK:
                lines = int((top - bottom - need) // style.writing_line)
                need += 2 * style.writing_line  # room to write on, at the least
            if fits and need <= top - bottom + 1e-6:
                footer = note or deck.title  # the title is on the back
                deck_title = fit_line(footer, fonts.regular, style.footer,
                                      inner - fonts.regular.width(card.id + "  ", style.footer))
                return Front(card, band, band_height, fill, text_colour_on(fill or white),
                             look, title, text, example, fonts.regular.name, deck_title,
                             card.id, lines, footer_base(style), other)
            body -= STEP
    parts = "title, text and example" if has_example else "title and text"
    fixes = "shorten the text" + (" or the example" if has_example else "")
    if second is not None:
        parts += f" in both languages ({language} and {second_language})"
    larger = "" if size_name == "a6" else ", or print larger cards with --size a6"
    raise CardFitError(f"{where(card, deck)}: the {parts} do not fit on a {size_name} card "
                       f"({width / mm:.0f} x {height / mm:.0f} mm) even at {MIN_TEXT:g} pt; "
                       f"{fixes}{larger}")


def footer_base(style: CardStyle) -> float:
    """The footer's baseline."""
    return style.pad * 0.6 + style.footer_lift


def symbol_room(style: CardStyle) -> float:
    """The width a band's symbol takes before the name, with its gap."""
    return style.band_text * (2 * SYMBOL + 0.45)


def fit_back(deck: Deck, kind: CardKind, fonts: Fonts, style: CardStyle,
             size: tuple[float, float], labels: dict[str, str]) -> Back:
    """The back for one kind of card, shrinking the deck's title if it is long."""
    width, height = size
    inner = width - 2 * style.pad
    title_size = style.back_title
    while True:
        title = set_block(deck.title, fonts.bold, title_size, inner, 1.15,
                          language=deck.language, eager=False)
        if title.height <= height * 0.3 or title_size <= MIN_TEXT:
            break
        title_size -= STEP
    kind_block = set_block(labels[f"kind.{kind.value}"], fonts.bold, style.back_kind, inner,
                           language=deck.language, eager=False)
    return Back(title, kind_block, kind.value)


def pattern_start(front: Front, style: CardStyle, width: float) -> float:
    """Where the band's pattern begins, after the category's name."""
    start = style.pad + symbol_room(style) + front.band.width() + pattern_gap(style)
    return min(start, width - style.pad - style.pattern)


def pattern_gap(style: CardStyle) -> float:
    """The room between a category's name and its pattern."""
    return 0.7 * style.band_text


def band_form(front: Front) -> str:
    """The name of the form that holds a band's signs: the category's shape and pattern,
    or the kind's symbol (see define_band_forms)."""
    return f"band-{front.look.index}" if front.look is not None else f"band-{front.card.kind.value}"


def define_band_forms(canvas: Canvas, fronts: list[Front], style: CardStyle,
                      size: tuple[float, float]) -> None:
    """Draw the signs of every kind of band once, as forms that each card then places:
    the patterns are many small shapes, and a deck has only a few kinds of band."""
    width, height = size
    for front in fronts:
        name = band_form(front)
        if canvas.hasForm(name):
            continue
        top, right = height + SHOP_BLEED, width + SHOP_BLEED
        canvas.beginForm(name, -SHOP_BLEED, height - front.band_height, right, top)
        band_bottom = height - front.band_height
        band_top = height - (front.band_height - front.band.height) / 2
        symbol_y = band_top - ASCENT * front.band.size * 0.62
        radius = SYMBOL * style.band_text
        if front.look is not None:
            start = pattern_start(front, style, width)
            canvas.saveState()
            path = canvas.beginPath()
            path.rect(start, band_bottom, right - start, top - band_bottom)
            canvas.clipPath(path, stroke=0, fill=0)
            draw_pattern(canvas, front.look, start, band_bottom, right, top, style.period)
            canvas.restoreState()
            draw_shape(canvas, front.look.shape, style.pad + radius, symbol_y, radius,
                       front.band_ink)
        else:
            draw_kind(canvas, front.card.kind.value, style.pad + radius, symbol_y,
                      radius * 1.15, front.band_ink, front.band_fill or white)
        canvas.endForm()


def draw_front(canvas: Canvas, front: Front, style: CardStyle, size: tuple[float, float],
               bleed: Bleed) -> None:
    """Draw a front with its lower left corner at the origin; the band's colour runs
    past the card's edges by `bleed` (in the card's own directions). The band's signs
    come from forms that define_band_forms made beforehand."""
    width, height = size
    pad = style.pad
    band_bottom = height - front.band_height
    band_top = height - (front.band_height - front.band.height) / 2
    if front.band_fill is not None:
        canvas.setFillColor(front.band_fill)
        canvas.rect(-bleed.left, band_bottom, width + bleed.left + bleed.right,
                    front.band_height + bleed.top, stroke=0, fill=1)
    else:
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(0, band_bottom, width, band_bottom)
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(-bleed.left, band_bottom, width + bleed.left + bleed.right,
              front.band_height + bleed.top)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.doForm(band_form(front))
    canvas.restoreState()
    canvas.setFillColor(front.band_ink)
    front.band.draw(canvas, pad + symbol_room(style), band_top)
    canvas.setFillColor(black)
    y = band_bottom - pad * 0.8
    front.title.draw(canvas, pad, y)
    y -= front.title.height
    if front.text.lines:
        y -= 0.5 * front.text.size
        front.text.draw(canvas, pad, y)
        y -= front.text.height
    if front.second is not None:
        y = _draw_second(canvas, front, style, width, y)
    base = front.footer_at
    bottom = base + ASCENT * style.footer + 1.5 * mm
    if front.second is not None and front.second.example.lines:
        other = front.second.example
        bottom += other.height
        other.draw(canvas, pad, bottom)
        bottom += 0.6 * front.text.size
    if front.example.lines:
        top = bottom + front.example.height
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.4)
        rule = top + 0.45 * front.example.size
        canvas.line(pad, rule, pad + 8 * mm, rule)
        canvas.setFillColor(black)
        front.example.draw(canvas, pad, top)
    if front.writing_lines:
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        line_y = y - style.writing_line
        for _ in range(front.writing_lines):
            canvas.line(pad, line_y, width - pad, line_y)
            line_y -= style.writing_line
    canvas.setFillColor(FOOTER_GREY)
    canvas.setFont(front.footer_font, style.footer)
    canvas.drawString(pad, base, front.footer_left)
    canvas.drawRightString(width - pad, base, front.footer_right)


def _draw_second(canvas: Canvas, front: Front, style: CardStyle, width: float,
                 y: float) -> float:
    """The second language's block under the first, after a short rule (at the right,
    where right-to-left text begins); returns where it ends."""
    second = front.second
    assert second is not None
    pad, body = style.pad, front.text.size
    y -= 0.6 * body
    canvas.setStrokeColor(LINE_GREY)
    canvas.setLineWidth(0.6)
    if second.title.rtl:
        canvas.line(width - pad - 12 * mm, y, width - pad, y)
    else:
        canvas.line(pad, y, pad + 12 * mm, y)
    y -= 0.6 * body
    canvas.setFillColor(black)
    second.title.draw(canvas, pad, y)
    y -= second.title.height
    if second.text.lines:
        y -= 0.4 * body
        second.text.draw(canvas, pad, y)
        y -= second.text.height
    return y


def draw_back(canvas: Canvas, back: Back, size: tuple[float, float]) -> None:
    """Draw a back with its lower left corner at the origin: the deck's title, the kind's
    symbol and its name below, as one group in the middle of the card."""
    width, height = size
    radius = min(width, height) * 0.16
    gap = back.kind.size * 1.4
    total = back.title.height + 2 * gap + 2 * radius + back.kind.height
    top = height / 2 + total / 2
    canvas.setFillColor(black)
    back.title.draw(canvas, width / 2, top, align="centre")
    centre = top - back.title.height - gap - radius
    draw_kind(canvas, back.kind_name, width / 2, centre, radius, FOOTER_GREY)
    canvas.setFillColor(black)
    back.kind.draw(canvas, width / 2, centre - radius - gap, align="centre")
