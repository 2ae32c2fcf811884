"""The facilitator guide: a deck's workshop script as an A4 PDF to read before and during.

Rounds with their timing, what to say and what to watch for; the materials to bring;
how to print and cut the cards. Labels follow the deck's language (labels.py); every
text from the deck goes through `markup`, so it prints literally.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..deck.catalog import bundled_decks_dir
from ..deck.model import CardKind, Deck, Mode, Round
from ..paths import user_decks_dir
from .common import (
    AUTHOR,
    CREATOR,
    GREY,
    PAPER,
    PrintError,
    Rendered,
    configure_reportlab,
    footer_line,
    markup,
    numbered_canvas,
    paragraphs,
)
from .fonts import FAMILY, FONT_LABEL, Face, describe_char, fonts, missing_chars
from .labels import Labels, labels_for
from .layout import solve

BOX = Color(0.93, 0.93, 0.93)
RULE = Color(0.7, 0.7, 0.7)

_BASE = ParagraphStyle("body", fontName=FAMILY, fontSize=10.5, leading=14.5, spaceAfter=4)
STYLES = {
    "title": ParagraphStyle("title", _BASE, fontName=f"{FAMILY}-Bold", fontSize=22, leading=27,
                            spaceAfter=10),
    "h1": ParagraphStyle("h1", _BASE, fontName=f"{FAMILY}-Bold", fontSize=15, leading=19,
                         spaceBefore=12, spaceAfter=6, keepWithNext=1),
    "h2": ParagraphStyle("h2", _BASE, fontName=f"{FAMILY}-Bold", fontSize=12.5, leading=16,
                         spaceBefore=10, spaceAfter=4, keepWithNext=1),
    "label": ParagraphStyle("label", _BASE, fontName=f"{FAMILY}-Bold", fontSize=10.5,
                            spaceBefore=4, spaceAfter=2, keepWithNext=1),
    "body": _BASE,
    "facts": ParagraphStyle("facts", _BASE, textColor=GREY),
    "prompt": ParagraphStyle("prompt", _BASE, fontName=f"{FAMILY}-Italic", fontSize=11,
                             leading=15),
    "cell": ParagraphStyle("cell", _BASE, spaceAfter=0),
    "cell_right": ParagraphStyle("cell_right", _BASE, spaceAfter=0, alignment=TA_RIGHT),
}



TEXT_WIDTH = 170 * mm - 12
"""The page's 170 mm between the margins, less the frame's 6 pt padding on each side."""
BOTTOM_MARGIN = 22 * mm
FOOT = 0.15 * PAPER["a4"][1]
"""No heading starts in the last 15 % of a page: there it would look cut off from its text."""
HEADING_ROOM = FOOT - BOTTOM_MARGIN + 3 * _BASE.leading
"""The room a heading needs under it (besides its own), or it starts the next page."""
NBSP = "\u00a0"


def heading_break(style: ParagraphStyle) -> CondPageBreak:
    """A page break unless a heading in `style` fits with HEADING_ROOM to spare."""
    return CondPageBreak(HEADING_ROOM + style.spaceBefore + style.leading + style.spaceAfter)


def command(words: str) -> str:
    """A command in bold, its words joined by no-break spaces: a line never ends inside it."""
    return f"<font name='{FAMILY}-Bold'>{markup(words).replace(' ', NBSP)}</font>"

def render_guide(deck: Deck) -> Rendered:
    """The facilitator guide for `deck`, in the deck's language, on A4."""
    configure_reportlab()
    labels = labels_for(deck.language)
    check_guide_glyphs(deck)
    title = labels["guide.title"].format(deck=deck.title)
    buffer = io.BytesIO()
    counted = [0]

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        counted[0] = pages
        footer_line(canvas, 20 * mm, PAPER["a4"][0] - 20 * mm, deck.title,
                    labels["guide.page"].format(page=page, pages=pages))

    document = SimpleDocTemplate(
        buffer, pagesize=PAPER["a4"], leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=18 * mm, bottomMargin=BOTTOM_MARGIN, title=title, author=AUTHOR,
        subject=labels["guide.subject"], creator=CREATOR, keywords=[deck.id, "Værdispillet"],
        invariant=1, pageCompression=1, lang=deck.language, displayDocTitle=True,
        printScaling="None", initialFontName=FAMILY)
    story = list(_story(deck, labels, title))
    document.build(story, canvasmaker=numbered_canvas(footer))
    return Rendered(buffer.getvalue(), counted[0])


def _story(deck: Deck, labels: Labels, title: str) -> Iterable[Flowable]:
    yield Paragraph(markup(title), STYLES["title"])
    if deck.description.strip():
        yield from _heading(labels["guide.description"])
        for text in paragraphs(deck.description):
            yield Paragraph(text, STYLES["body"])
    yield from _heading(labels["guide.overview"])
    yield _overview(deck, labels)
    yield from _heading(labels["guide.materials"])
    yield _bullets(_materials(deck, labels))
    for number, round_ in enumerate(deck.rounds, start=1):
        yield from _round(deck, round_, number, labels)
    yield from _heading(labels["guide.printing"])
    yield _bullets(_printing(deck, labels), numbered=True)


def _heading(text: str, style: str = "h1") -> Iterable[Flowable]:
    yield heading_break(STYLES[style])
    yield Paragraph(text, STYLES[style])


def _mode(round_: Round, labels: Labels) -> str:
    return labels[f"guide.mode.{round_.mode.value}"]


def _overview(deck: Deck, labels: Labels) -> Table:
    cell, right = STYLES["cell"], STYLES["cell_right"]
    rows = [[Paragraph(f"<b>{labels['guide.col.round']}</b>", cell),
             Paragraph(f"<b>{labels['guide.col.mode']}</b>", cell),
             Paragraph(f"<b>{labels['guide.col.minutes']}</b>", right)]]
    untimed = []
    for number, round_ in enumerate(deck.rounds, start=1):
        minutes = str(round_.minutes) if round_.minutes is not None else "–"
        if round_.minutes is None:
            untimed.append(round_.title)
        rows.append([Paragraph(f"{number}. {markup(round_.title)}", cell),
                     Paragraph(_mode(round_, labels), cell), Paragraph(minutes, right)])
    total = sum(round_.minutes or 0 for round_ in deck.rounds)
    rows.append([Paragraph(f"<b>{labels['guide.total']}</b>", cell), "",
                 Paragraph(f"<b>{total}</b>", right)])
    table = Table(rows, colWidths=[width * TEXT_WIDTH / (170 * mm) for width in
                                   (95 * mm, 50 * mm, 25 * mm)], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, GREY),
        ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    if untimed:
        note = labels["guide.total.note"].format(rounds=", ".join(markup(t) for t in untimed))
        return KeepTogether([table, Spacer(1, 3), Paragraph(note, STYLES["facts"])])
    return table


def _kinds(kinds: Iterable[CardKind], labels: Labels) -> str:
    names = [labels[f"guide.kinds.{kind.value}"] for kind in kinds]
    if len(names) > 1:
        return f"{', '.join(names[:-1])} {labels['guide.and']} {names[-1]}"
    return names[0] if names else ""


def _facts(round_: Round, labels: Labels) -> list[str]:
    facts = [_mode(round_, labels)]
    if round_.mode in (Mode.TURNS, Mode.PICK):
        facts.append(labels[f"guide.per.{round_.per.value}"]
                     + (" " + labels[f"guide.draw.{round_.draw.value}"]
                        if round_.mode == Mode.TURNS else ""))
    if round_.mode == Mode.PICK and round_.picks is not None and round_.side is not None:
        facts.append(labels.plural("guide.picks", round_.picks, picks=round_.picks,
                                   side=labels[f"guide.side.{round_.side.value}"]))
    if round_.mode == Mode.VOTE and round_.dots is not None:
        facts.append(labels.plural("guide.dots", round_.dots, dots=round_.dots))
        facts.append(labels["guide.stack" if round_.stack else "guide.no_stack"])
        if round_.secret:
            facts.append(labels["guide.secret"])
    return facts


def _timing(round_: Round, labels: Labels) -> str:
    parts = []
    if round_.minutes is not None:
        parts.append(labels["guide.minutes"].format(minutes=round_.minutes))
    if round_.minutes_per_turn is not None:
        parts.append(labels["guide.per_turn"].format(minutes=f"{round_.minutes_per_turn:g}"))
    return ", ".join(parts) or labels["guide.untimed"]


def _round(deck: Deck, round_: Round, number: int, labels: Labels) -> Iterable[Flowable]:
    heading = labels["guide.round"].format(number=number, title=markup(round_.title))
    facts = " · ".join(_facts(round_, labels))
    block: list[Flowable] = [
        Paragraph(heading, STYLES["h1"]),
        Paragraph(f"<b>{labels['guide.timing']}:</b> {_timing(round_, labels)}"
                  f"<br/><b>{labels['guide.how']}:</b> {facts}", STYLES["facts"]),
    ]
    if round_.cards:
        titles = ", ".join(markup(deck.card(card_id).title) for card_id in round_.cards)
        block.append(Paragraph(f"<b>{labels['guide.cards']}:</b> {titles}", STYLES["facts"]))
    elif round_.kinds:
        kinds = labels["guide.cards.kinds"].format(kinds=_kinds(round_.kinds, labels))
        block.append(Paragraph(f"<b>{labels['guide.cards']}:</b> {kinds}", STYLES["facts"]))
    block.append(Paragraph(labels["guide.prompt"], STYLES["label"]))
    prompt = Table([[Paragraph(markup(round_.prompt), STYLES["prompt"])]], colWidths=[TEXT_WIDTH])
    prompt.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY),
                                ("BACKGROUND", (0, 0), (-1, -1), BOX),
                                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                ("TOPPADDING", (0, 0), (-1, -1), 6),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    block.append(prompt)
    yield heading_break(STYLES["h1"])
    yield KeepTogether(block)
    yield from _heading(labels["guide.guide"], "label")
    for text in paragraphs(round_.guide):
        yield Paragraph(text, STYLES["body"])


Item = str | tuple[str, list[str]]
"""A bullet: its text, or its text and the bullets under it."""


def _materials(deck: Deck, labels: Labels) -> list[Item]:
    items: list[Item] = []
    values = deck.cards_of(CardKind.VALUE)
    if values:
        by_category = [labels["guide.mat.category"].format(
            name=markup(category.name),
            count=sum(1 for card in values if card.category == category.id))
            for category in deck.categories]
        categories = labels.plural("count.category", len(deck.categories),
                                   count=len(deck.categories))
        items.append((labels.plural("guide.mat.value", len(values), count=len(values),
                                    categories=categories), by_category))
    questions = deck.cards_of(CardKind.QUESTION)
    if questions:
        items.append(labels.plural("guide.mat.question", len(questions), count=len(questions)))
    blanks = deck.cards_of(CardKind.BLANK)
    if blanks:
        items.append(labels.plural("guide.mat.blank", len(blanks), count=len(blanks)))
    dots = max((round_.dots or 0 for round_ in deck.rounds if round_.mode == Mode.VOTE), default=0)
    if dots:
        items.append(labels["guide.mat.dots"].format(dots=dots))
    if blanks or any(round_.mode == Mode.AGREE for round_ in deck.rounds):
        items.append(labels["guide.mat.pens"])
    if any(round_.minutes or round_.minutes_per_turn for round_ in deck.rounds):
        items.append(labels["guide.mat.timer"])
    if any(round_.mode == Mode.AGREE for round_ in deck.rounds):
        items.append(labels["guide.mat.paper"])
    items.append(labels["guide.mat.screen"])
    return items


def guide_commands(deck: Deck) -> dict[str, str]:
    """The commands the guide's printing steps name, by their place in the text."""
    base = f"vaerdispil print cards --deck {_deck_reference(deck)} --lang {deck.language}"
    return {"command": base, "calibration": "vaerdispil print calibration",
            "guillotine": f"{base} --gap 0", "shop": f"{base} --per-page 1"}


def _printing(deck: Deck, labels: Labels) -> list[Item]:
    layout = solve("a4", "poker", "long")
    count = math.ceil(len(deck.cards) / layout.per_page)
    sheets = labels.plural("guide.print.sheets", count, cards=len(deck.cards), sheets=count,
                           per_page=layout.per_page)
    commands = {name: command(words) for name, words in guide_commands(deck).items()}
    text = _OPTION_VALUE.sub(lambda found: f"{found[1]}{NBSP}{found[2]}",
                             labels["guide.print.steps"])
    return list(text.format(sheets=sheets, **commands).splitlines())


_OPTION_VALUE = re.compile(r"(--(?:duplex|back-offset|gap|per-page|lang|deck)) (\S+)")
"""An option and its value in running text ("--back-offset X,Y"): kept on one line."""


def _deck_reference(deck: Deck) -> str:
    """How to name the deck on the command line: its id if the catalog finds it by id."""
    folder = Path(deck.source).resolve().parent if deck.source else None
    if folder is None or folder in (bundled_decks_dir().resolve(), user_decks_dir().resolve()):
        return deck.id
    return deck.source


def _bullets(items: list[Item], numbered: bool = False) -> ListFlowable:
    flowables = []
    for item in items:
        if isinstance(item, tuple):
            text, below = item
            flowables.append(ListItem([Paragraph(text, STYLES["body"]),
                                       _bullets(list[Item](below))]))
        else:
            flowables.append(ListItem(Paragraph(item, STYLES["body"])))
    if numbered:
        return ListFlowable(flowables, bulletType="1", bulletFormat="%s.", leftIndent=22,
                            bulletFontName=FAMILY, bulletFontSize=10.5)
    return ListFlowable(flowables, bulletType="bullet", start="•", leftIndent=14,
                        bulletFontName=FAMILY, bulletFontSize=10)


def check_guide_glyphs(deck: Deck) -> None:
    """Raise PrintError if the guide would print a character the font lacks."""
    family = fonts()
    source = deck.source or deck.id
    checks: list[tuple[str, Face, str]] = [
        (deck.title, family.bold, f"{source}: the deck title"),
        (deck.description, family.regular, f"{source}: the deck description"),
    ]
    for category in deck.categories:
        checks.append((category.name, family.regular,
                       f"{source}:{category.line}: category '{category.id}'"))
    for round_ in deck.rounds:
        at = f"{source}:{round_.line}: round '{round_.id}'"
        checks += [(round_.title, family.bold, at), (round_.prompt, family.italic, at),
                   (round_.guide, family.regular, at)]
        for card_id in round_.cards:
            checks.append((deck.card(card_id).title, family.regular, at))
    for text, face, where in checks:
        missing = missing_chars(unicodedata.normalize("NFC", text), face)
        if missing:
            raise PrintError(f"{where}: the font {FONT_LABEL} has no character "
                             f"{describe_char(missing[0])}; remove it or use a character the "
                             "font has")
