"""One card, front and back: fitting its text and drawing it in the card's own coordinates.

The front has a colour band with the category's name (so the colour is never the
only sign), the title, the text, an optional example at the bottom, and a footer with
the deck's title and the card's id. Backs show the deck's title and the kind of card
only, so a card cannot be told from its back.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..deck.model import Card, CardKind, Deck
from .common import PrintError
from .fonts import ASCENT, Fonts
from .text import Block, fit_line, set_block

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


STYLES = {
    "poker": CardStyle(pad=4 * mm, band=8 * mm, band_text=9, title=15, body=10.5, example=9,
                       footer=6, writing_line=7 * mm, back_title=15, back_kind=9),
    "mini": CardStyle(pad=3 * mm, band=6.5 * mm, band_text=8, title=10.5, body=8.5, example=8,
                      footer=5.5, writing_line=6 * mm, back_title=11, back_kind=8),
    "a6": CardStyle(pad=7 * mm, band=13 * mm, band_text=13, title=22, body=15, example=13,
                    footer=8, writing_line=10 * mm, back_title=26, back_kind=14),
}

QUESTION_BAND = Color(0.86, 0.86, 0.86)
LINE_GREY = Color(0.6, 0.6, 0.6)
OUTLINE_GREY = Color(0.75, 0.75, 0.75)
FOOTER_GREY = Color(0.35, 0.35, 0.35)


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
class Front:
    """A card's front, fitted to its size and ready to draw."""

    card: Card
    band: Block
    band_height: float
    band_fill: Color | None
    band_ink: Color
    title: Block
    text: Block
    example: Block
    footer_font: str
    footer_left: str
    footer_right: str
    writing_lines: int


@dataclass(frozen=True)
class Back:
    """A card's back: the deck's title and the kind of card, centred."""

    title: Block
    kind: Block


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


def fit_front(card: Card, deck: Deck, fonts: Fonts, style: CardStyle, size: tuple[float, float],
              labels: dict[str, str], size_name: str) -> Front:
    """Set the card's text at the design size, shrinking in steps down to MIN_TEXT.

    Raises CardFitError naming the card and its line in the deck file if even the
    smallest size does not fit: text is never cut off.
    """
    width, height = size
    inner = width - 2 * style.pad
    language = deck.language
    label, fill = band_of(card, deck, labels)
    band = set_block(label, fonts.bold, style.band_text, inner, 1.1, language=language,
                     eager=False)
    band_height = max(style.band, band.height + style.band_text)
    footer_top = style.pad * 0.6 + ASCENT * style.footer
    top = height - band_height - style.pad * 0.8
    bottom = footer_top + 1.5 * mm
    has_example = bool(card.example.strip())
    body = style.body
    while body >= MIN_TEXT - 1e-6:
        scale = body / style.body
        title = set_block(card.title, fonts.bold, max(MIN_TEXT, style.title * scale), inner,
                          1.15, language=language, eager=False)
        text = set_block(card.text, fonts.regular, body, inner, language=language)
        example = set_block(card.example, fonts.italic, max(MIN_TEXT, style.example * scale),
                            inner, lead=labels["example"] if has_example else "",
                            lead_face=fonts.bold_italic, language=language)
        need = title.height
        if text.lines:
            need += 0.5 * body + text.height
        if example.lines:
            need += 0.9 * body + example.height
        lines = 0
        if card.kind == CardKind.BLANK:
            lines = int((top - bottom - need) // style.writing_line)
            need += 2 * style.writing_line  # room to write on, at the least
        if need <= top - bottom + 1e-6:
            deck_title = fit_line(deck.title, fonts.regular, style.footer,
                                  inner - fonts.regular.width(card.id + "  ", style.footer))
            return Front(card, band, band_height, fill, text_colour_on(fill or white), title,
                         text, example, fonts.regular.name, deck_title, card.id, lines)
        body -= STEP
    parts = "title, text and example" if has_example else "title and text"
    fixes = "shorten the text" + (" or the example" if has_example else "")
    larger = "" if size_name == "a6" else ", or print larger cards with --size a6"
    raise CardFitError(f"{where(card, deck)}: the {parts} do not fit on a {size_name} card "
                       f"({width / mm:.0f} x {height / mm:.0f} mm) even at {MIN_TEXT:g} pt; "
                       f"{fixes}{larger}")


def fit_back(deck: Deck, kind: CardKind, fonts: Fonts, style: CardStyle,
             size: tuple[float, float], labels: dict[str, str]) -> Back:
    """The back for one kind of card, shrinking the deck's title if it is long."""
    width, height = size
    inner = width - 2 * style.pad
    title_size = style.back_title
    while True:
        title = set_block(deck.title, fonts.bold, title_size, inner, 1.15,
                          language=deck.language, eager=False)
        if title.height <= height * 0.5 or title_size <= MIN_TEXT:
            break
        title_size -= STEP
    kind_block = set_block(labels[f"kind.{kind.value}"], fonts.regular, style.back_kind, inner)
    return Back(title, kind_block)


def draw_front(canvas: Canvas, front: Front, style: CardStyle, size: tuple[float, float],
               bleed: float) -> None:
    """Draw a front with its lower left corner at the origin."""
    width, height = size
    pad = style.pad
    band_bottom = height - front.band_height
    if front.band_fill is not None:
        canvas.setFillColor(front.band_fill)
        canvas.rect(-bleed, band_bottom, width + 2 * bleed, front.band_height + bleed,
                    stroke=0, fill=1)
    else:
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(0, band_bottom, width, band_bottom)
    if not bleed:
        canvas.setStrokeColor(OUTLINE_GREY)
        canvas.setLineWidth(0.4)
        canvas.rect(0, 0, width, height, stroke=1, fill=0)
    canvas.setFillColor(front.band_ink)
    front.band.draw(canvas, pad, height - (front.band_height - front.band.height) / 2)
    canvas.setFillColor(black)
    y = band_bottom - pad * 0.8
    front.title.draw(canvas, pad, y)
    y -= front.title.height
    if front.text.lines:
        y -= 0.5 * front.text.size
        front.text.draw(canvas, pad, y)
        y -= front.text.height
    footer_base = pad * 0.6
    if front.example.lines:
        top = footer_base + ASCENT * style.footer + 1.5 * mm + front.example.height
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
    canvas.drawString(pad, footer_base, front.footer_left)
    canvas.drawRightString(width - pad, footer_base, front.footer_right)


def draw_back(canvas: Canvas, back: Back, size: tuple[float, float]) -> None:
    """Draw a back with its lower left corner at the origin."""
    width, height = size
    gap = back.kind.size * 1.2
    total = back.title.height + gap + back.kind.height
    top = height / 2 + total / 2
    canvas.setFillColor(black)
    back.title.draw(canvas, width / 2, top, align="centre")
    rule_y = top - back.title.height - gap / 2
    canvas.setStrokeColor(LINE_GREY)
    canvas.setLineWidth(0.6)
    canvas.line(width * 0.4, rule_y, width * 0.6, rule_y)
    canvas.setFillColor(FOOTER_GREY)
    back.kind.draw(canvas, width / 2, top - back.title.height - gap, align="centre")
