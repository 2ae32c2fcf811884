"""Card sheets: pages, sizes, every card's text where it belongs, backs behind fronts."""

from __future__ import annotations

import io
import math
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.deck.loader import load_deck
from vaerdispil.deck.model import Deck
from vaerdispil.pdf.cardface import STYLES, CardFitError, fit_front
from vaerdispil.pdf.cards import CardOptions, MissingGlyphError, render_cards
from vaerdispil.pdf.common import PAPER
from vaerdispil.pdf.fonts import fonts
from vaerdispil.pdf.labels import labels_for
from vaerdispil.pdf.layout import (CARD_SIZES, MARK_EDGE, MARK_MAX, MARK_MIN, SAFE_MARGIN, Slot,
                                   solve)
from vaerdispil.pdf.sheetlabel import LABEL_EDGE, SheetLabel

MM = 72 / 25.4
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)

Matrix = tuple[float, float, float, float, float, float]


# --- helpers shared with the other PDF tests ---------------------------------------------

def deck_file(tmp_path: Path, cards: str, title: str = "Testspil", name: str = "t.da.yaml",
              category_name: str = "Ting og tid") -> Path:
    """A small Danish deck file with the given YAML for its cards."""
    path = tmp_path / name
    path.write_text(f"""\
format: 1
id: test
language: da
title: {title}
categories:
  - id: ting
    name: {category_name}
    colour: "#F3A468"
  - id: moerk
    name: Mørk kategori
    colour: "#203040"
cards:
{cards}
rounds:
  - id: vaelg
    title: Vælg
    mode: pick
    kinds: [value]
    side: give
    picks: 2
    prompt: Vælg to kort.
    guide: Lad alle vælge.
""", encoding="utf-8")
    return path


def card_yaml(card_id: str, title: str, text: str, kind: str = "value",
              category: str | None = "ting", example: str = "") -> str:
    """One card as YAML lines (text values are double-quoted YAML strings)."""
    lines = [f"  - id: {card_id}", f"    kind: {kind}"]
    if category and kind == "value":
        lines.append(f"    category: {category}")
    lines.append(f"    title: {quote(title)}")
    if text:
        lines.append(f"    text: {quote(text)}")
    if example:
        lines.append(f"    example: {quote(example)}")
    return "\n".join(lines) + "\n"


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def words(text: str) -> str:
    """Text with every run of whitespace made one space (line breaks do not matter)."""
    return " ".join(text.split())


def flat(text: str) -> str:
    """Text without whitespace, hyphens and soft hyphens, so line breaks do not matter."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies `first`, then `then` (PDF row-vector convention)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = then
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def text_positions(page: PageObject) -> list[tuple[str, float, float]]:
    """Every piece of page-level text with the page position of its origin."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = apply(tuple(cm), tm[4], tm[5])  # type: ignore[arg-type]
            found.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


def ids_on(page: PageObject, deck: Deck) -> list[tuple[str, float, float]]:
    """The card ids in the cards' footers (regular type), with their page positions: a
    band's name (bold) may wrap onto a line that reads like an id ("anerkendelse")."""
    ids = {card.id for card in deck.cards}
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict[str, object] | None,
              size: float) -> None:
        if text.strip() in ids and "Bold" not in str((font or {}).get("/BaseFont", "")):
            x, y = apply(tuple(cm), tm[4], tm[5])  # type: ignore[arg-type]
            found.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


def form_placements(page: PageObject) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each form drawn on the page (name, and the page rectangle its box lands on)."""
    content = ContentStream(page.get_contents(), page.pdf)
    xobjects = page["/Resources"]["/XObject"]
    ctm: Matrix = (1, 0, 0, 1, 0, 0)
    stack: list[Matrix] = []
    placed = []
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = multiply(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif operator == b"Do":
            form = xobjects[operands[0]].get_object()
            x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
            corners = [apply(ctm, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            placed.append((str(operands[0]), (min(xs), min(ys), max(xs), max(ys))))
    return placed


def slot_of(slots: tuple[Slot, ...], x: float, y: float) -> int:
    """The index of the slot that contains the point."""
    hits = [i for i, s in enumerate(slots) if s.x - 0.5 <= x <= s.x1 + 0.5
            and s.y - 0.5 <= y <= s.y1 + 0.5]
    assert len(hits) == 1, (x, y, hits)
    return hits[0]


@cache
def bundled(language: str = "da") -> Deck:
    return resolve_deck("vaerdispil", language)


@cache
def rendered(paper: str = "a4", size: str = "poker", duplex: str | None = "long",
             language: str = "da", offset: tuple[float, float] = (0.0, 0.0),
             bleed: bool = True) -> bytes:
    options = CardOptions(paper=paper, size=size, backs=duplex is not None,
                          duplex=duplex or "long", back_offset=offset, bleed=bleed)
    return render_cards(bundled(language), options).data


# --- layout --------------------------------------------------------------------------------

PER_PAGE = {("a4", "poker"): 9, ("a4", "mini"): 18, ("a4", "a6"): 2,
            ("letter", "poker"): 8, ("letter", "mini"): 16, ("letter", "a6"): 2}
PER_FOLD = {("a4", "poker"): 4, ("a4", "mini"): 8, ("a4", "a6"): 1,
            ("letter", "poker"): 4, ("letter", "mini"): 8, ("letter", "a6"): 1}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", ["poker", "mini", "a6"])
@pytest.mark.parametrize("duplex", [None, "long", "short", "fold"])
def test_pages_page_size_and_cards_per_page(paper: str, size: str, duplex: str | None) -> None:
    pdf = reader(rendered(paper, size, duplex))
    per_page = (PER_FOLD if duplex == "fold" else PER_PAGE)[paper, size]
    sheets = math.ceil(85 / per_page)
    assert len(pdf.pages) == sheets * (2 if duplex in ("long", "short") else 1)
    width, height = A4 if paper == "a4" else LETTER
    for page in (pdf.pages[0], pdf.pages[-1]):
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.01)
    assert len(ids_on(pdf.pages[0], bundled())) == per_page


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", ["poker", "mini", "a6"])
@pytest.mark.parametrize("duplex", [None, "long", "fold"])
def test_cards_have_their_size_and_margins_and_gutters(paper: str, size: str,
                                                       duplex: str | None) -> None:
    layout = solve(paper, size, duplex)  # type: ignore[arg-type]
    width, height = PAPER[paper]
    card = sorted(CARD_SIZES[size])
    for slot in layout.fronts + layout.backs:
        assert sorted((slot.w, slot.h)) == pytest.approx(card)
        assert slot.x >= SAFE_MARGIN + 2 * MM and slot.y >= SAFE_MARGIN + 2 * MM
        assert slot.x1 <= width - SAFE_MARGIN - 2 * MM and slot.y1 <= height - SAFE_MARGIN - 2 * MM
    pages = [layout.fronts + layout.backs] if duplex == "fold" else [layout.fronts, layout.backs]
    for cards in pages:
        for a in cards:
            for b in cards:
                if a is not b:  # no two cards touch: every card keeps its own cut marks
                    assert (a.x1 + 2.9 * MM <= b.x or b.x1 + 2.9 * MM <= a.x
                            or a.y1 + 2.9 * MM <= b.y or b.y1 + 2.9 * MM <= a.y)


def test_poker_cards_are_63_by_88_mm_nine_to_an_a4_page() -> None:
    layout = solve("a4", "poker", "long")
    assert (layout.columns, layout.rows) == (3, 3)
    assert all(s.angle == 0 for s in layout.fronts)
    first = layout.fronts[0]
    assert (first.w, first.h) == pytest.approx((63 * MM, 88 * MM))


LAYOUTS = [(paper, size, duplex, gap) for paper in ("a4", "letter")
           for size in ("poker", "mini", "a6") for duplex in (None, "long", "fold")
           for gap in (None, 0.0)]


@pytest.mark.parametrize("paper,size,duplex,gap", LAYOUTS)
def test_cut_marks_are_long_outside_every_card_and_inside_the_printable_area(
        paper: str, size: str, duplex: str | None, gap: float | None) -> None:
    layout = solve(paper, size, duplex, gap)  # type: ignore[arg-type]
    width, height = PAPER[paper]
    cards = layout.fronts + (layout.backs if duplex == "fold" else ())
    marks = layout.marks_for(layout.per_page)
    assert marks
    for m in marks:
        # At least 3 mm: a ruler lines up on it. In a margin at most 6 mm.
        assert MARK_MIN - 0.01 <= m.length <= max(MARK_MAX, max(layout.gutters)) + 0.01, m
        assert m.x0 == m.x1 or m.y0 == m.y1
        edge_lines = {c.x for c in cards} | {c.x1 for c in cards}
        assert (m.x0 == m.x1 and min(abs(m.x0 - x) for x in edge_lines) < 1e-6) or \
            min(abs(m.y0 - y) for y in {c.y for c in cards} | {c.y1 for c in cards}) < 1e-6
        for t in (0.02, 0.5, 0.98):
            x, y = m.x0 + t * (m.x1 - m.x0), m.y0 + t * (m.y1 - m.y0)
            assert MARK_EDGE - 0.01 <= x <= width - MARK_EDGE + 0.01
            assert MARK_EDGE - 0.01 <= y <= height - MARK_EDGE + 0.01
            for card in cards:  # never on or across any card
                assert not (card.x + 0.01 < x < card.x1 - 0.01
                            and card.y + 0.01 < y < card.y1 - 0.01), (m, card)
    # Every corner of every card has a mark on both of its edge lines (own or shared).
    for card in layout.fronts:
        for cx, cy in ((card.x, card.y), (card.x1, card.y), (card.x, card.y1), (card.x1, card.y1)):
            vertical = [m for m in marks if m.x0 == m.x1 and abs(m.x0 - cx) < 1e-6]
            horizontal = [m for m in marks if m.y0 == m.y1 and abs(m.y0 - cy) < 1e-6]
            assert vertical and horizontal, (card, cx, cy)


def test_a4_poker_marks_are_3_mm_even_in_its_narrow_gutters() -> None:
    layout = solve("a4", "poker", "long")
    assert layout.gutters[0] == pytest.approx(3 * MM)
    lengths = sorted(m.length / MM for m in layout.marks_for(9))
    assert lengths[0] == pytest.approx(3.0) and lengths[-1] == pytest.approx(5.5)


def test_gap_0_shares_cut_lines_and_fits_nine_poker_cards_on_letter() -> None:
    assert solve("letter", "poker", "long").per_page == 8
    layout = solve("letter", "poker", "long", 0.0)
    assert layout.per_page == 9 and layout.shared_lines and layout.gutters == (0.0, 0.0)
    for a, b in zip(layout.fronts, layout.fronts[1:]):
        if a.y == b.y:
            assert b.x == pytest.approx(a.x1)  # neighbours touch: one cut for both
    # Marks only in the margins, one for each line, on every page, even a last short one.
    assert layout.marks_for(1) == layout.marks_for(9)
    xs = sorted({m.x0 for m in layout.marks_for(9) if m.x0 == m.x1})
    assert len(xs) == 4
    # No colour runs onto a neighbour: bleed only where a card meets the margin.
    middle = layout.bleeds[4]
    assert (middle.left, middle.right, middle.top, middle.bottom) == (0, 0, 0, 0)
    assert layout.bleeds[0].top > 0 and layout.bleeds[0].left > 0 and layout.bleeds[0].right == 0


def test_colour_bleeds_past_the_edge_by_default_but_never_onto_a_neighbour() -> None:
    layout = solve("a4", "poker", "long")
    for number, bleed in enumerate(layout.bleeds):
        assert min(bleed.left, bleed.right, bleed.top, bleed.bottom) >= 1.5 * MM - 0.01
        assert max(bleed.left, bleed.right, bleed.top, bleed.bottom) <= 2 * MM + 0.01
        if number % 3 < 2:  # a neighbour to the right: half the gutter each
            assert bleed.right <= layout.gutters[0] / 2 + 0.01


# --- text ----------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["da", "en"])
def test_every_card_title_and_text_is_on_its_page(language: str) -> None:
    deck = bundled(language)
    pdf = reader(rendered(language=language))
    layout = solve("a4", "poker", "long")
    fronts = [page.extract_text() for page in pdf.pages[::2]]
    for number, card in enumerate(deck.cards):
        page_text = fronts[number // layout.per_page]
        text = flat(page_text)
        assert flat(card.title) in text, card.id
        assert flat(card.text) in text, card.id
        assert flat(card.example) in text, card.id
        assert card.id in page_text.split()
        category = deck.category(card.category).name if card.category else None
        if category:
            assert flat(category) in text


def test_every_card_is_in_its_slot_in_deck_order() -> None:
    deck = bundled()
    pdf = reader(rendered("letter", "poker", None))
    layout = solve("letter", "poker", None)
    for page_number, page in enumerate(pdf.pages):
        for text, x, y in ids_on(page, deck):
            index = deck.cards.index(deck.card(text))
            assert index // layout.per_page == page_number
            assert slot_of(layout.fronts, x, y) == index % layout.per_page


def test_fonts_are_embedded_truetype() -> None:
    pdf = reader(rendered())
    for page in (pdf.pages[0], pdf.pages[1]):
        fonts_used = page["/Resources"]["/Font"]
        assert fonts_used
        for font in fonts_used.values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType"
            assert "DejaVuSans" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]


def test_metadata_and_print_preferences() -> None:
    pdf = reader(rendered())
    assert pdf.metadata.title == "Værdispillet: kort til print"
    assert pdf.metadata.author == "vaerdispil"
    assert "85 kort" in pdf.metadata.subject and "lange kant" in pdf.metadata.subject
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/ViewerPreferences"]["/PrintScaling"] == "/None"
    assert root["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipLongEdge"
    english = reader(rendered(duplex="short", language="en"))
    assert english.trailer["/Root"]["/Lang"] == "en"
    assert english.trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipShortEdge"
    assert english.metadata.title == "The Value Game: cards to print"


def test_same_deck_gives_identical_bytes() -> None:
    some = tuple(card.id for card in bundled().cards[::7])
    for options in (CardOptions(duplex="fold"), CardOptions(gap=0, paper="letter", cards=some),
                    CardOptions(per_page=1, cards=some, copies=2)):
        assert render_cards(bundled(), options).data == render_cards(bundled(), options).data


# --- backs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize("paper,size", [("a4", "poker"), ("letter", "poker"), ("a4", "mini")])
def test_each_back_lands_behind_its_front(duplex: str, paper: str, size: str) -> None:
    deck = bundled()
    pdf = reader(rendered(paper, size, duplex))
    width, height = PAPER[paper]
    layout = solve(paper, size, duplex)  # type: ignore[arg-type]
    for sheet in range(0, len(pdf.pages), 2):
        fronts = {text: (x, y) for text, x, y in ids_on(pdf.pages[sheet], deck)}
        backs = form_placements(pdf.pages[sheet + 1])
        assert len(backs) == len(fronts)
        for card_id, (x, y) in fronts.items():
            front = layout.fronts[slot_of(layout.fronts, x, y)]
            # Where that card's rectangle is, seen from the back of the sheet.
            if duplex == "long":
                behind = (width - front.x1, front.y, width - front.x, front.y1)
            else:
                behind = (front.x, height - front.y1, front.x1, height - front.y)
            matches = [name for name, box in backs
                       if all(abs(a - b) < 0.01 for a, b in zip(box, behind))]
            assert matches == [f"/FormXob.back-{deck.card(card_id).kind.value}"], card_id


def test_back_offset_moves_every_back() -> None:
    plain = form_placements(reader(rendered()).pages[1])
    moved = form_placements(reader(rendered(offset=(1.5, -2.0))).pages[1])
    for (name, box), (name2, box2) in zip(plain, moved):
        assert name == name2
        assert box2[0] - box[0] == pytest.approx(1.5 * MM)
        assert box2[1] - box[1] == pytest.approx(-2.0 * MM)


def test_fold_puts_each_back_mirrored_across_the_fold_line_on_the_same_page() -> None:
    deck = bundled()
    pdf = reader(rendered(duplex="fold"))
    layout = solve("a4", "poker", "fold")
    assert layout.fold is not None
    fold_y = layout.fold.y0
    page = pdf.pages[0]
    fronts = {t: (x, y) for t, x, y in ids_on(page, deck)}
    backs = [(n, b) for n, b in form_placements(page) if n.startswith("/FormXob.back")]
    assert len(fronts) == len(backs) == 4
    for card_id, (x, y) in fronts.items():
        front = layout.fronts[slot_of(layout.fronts, x, y)]
        assert front.y > fold_y  # fronts above the fold, backs below
        behind = (front.x, 2 * fold_y - front.y1, front.x1, 2 * fold_y - front.y)
        assert any(all(abs(a - b) < 0.01 for a, b in zip(box, behind)) for _, box in backs)
    assert "fold her" in page.extract_text()


def test_backs_name_the_deck_and_the_kind_of_card_only() -> None:
    for language, words in (("da", ("Værdikort", "Spørgsmål", "Tomt kort")),
                            ("en", ("Value card", "Question", "Blank card"))):
        deck = bundled(language)
        pdf = reader(rendered(language=language))
        backs = " ".join(pdf.pages[i].extract_text() for i in range(1, len(pdf.pages), 2))
        for word in words:
            assert word in backs
        assert deck.title in backs
        assert not any(card.id in backs.split() for card in deck.cards)


def test_no_backs_prints_fronts_only() -> None:
    pdf = reader(rendered(duplex=None))
    assert len(pdf.pages) == math.ceil(len(bundled().cards) / 9)
    assert "Værdikort" not in pdf.pages[1].extract_text()
    assert "bagside" not in pdf.pages[1].extract_text()


# --- what users write ----------------------------------------------------------------------

def test_markup_in_a_deck_prints_literally(tmp_path: Path) -> None:
    cards = card_yaml("tegn", 'Vi <b>giver</b> & "tager"', "A &amp; B <i>kursiv</i> 'x' <br/>",
                      example="<font size=40>stor</font>")
    deck = load_deck(deck_file(tmp_path, cards, title="Spil & <leg>", category_name="<b>Kat</b>"))
    text = words(reader(render_cards(deck).data).pages[0].extract_text())
    for literal in ('Vi <b>giver</b> & "tager"', "A &amp; B <i>kursiv</i> 'x' <br/>",
                    "<font size=40>stor</font>", "<b>Kat</b>", "Spil & <leg>"):
        assert literal in text


def test_a_card_too_long_even_at_8_pt_names_the_card_and_its_line(tmp_path: Path) -> None:
    long_text = " ".join(["samarbejde"] * 120)[:400]
    cards = card_yaml("fin", "Fin", "Kort tekst.") + card_yaml(
        "alt-for-lang", "Alt for lang", long_text, example=" ".join(["eksempel"] * 37)[:300])
    path = deck_file(tmp_path, cards)
    deck = load_deck(path)
    with pytest.raises(CardFitError) as caught:
        render_cards(deck)
    message = str(caught.value)
    line = deck.card("alt-for-lang").line
    assert message.startswith(f"{path}:{line}: card 'alt-for-lang':")
    assert "8 pt" in message and "--size a6" in message and "\n" not in message
    # The same card fits on an A6 card.
    render_cards(deck, CardOptions(size="a6"))


def test_longer_text_shrinks_but_never_below_8_pt(tmp_path: Path) -> None:
    text = " ".join(["Vi mødes og taler sammen om det, vi giver hinanden."] * 7)
    example = " ".join(["Skolen låner salen ud om aftenen."] * 5)
    cards = card_yaml("mange-ord", "Mange ord", text, example=example)
    deck = load_deck(deck_file(tmp_path, cards))
    front = fit_front(deck.cards[0], deck, fonts(), STYLES["poker"], CARD_SIZES["poker"],
                      labels_for("da"), "poker")
    assert 8 <= front.text.size < STYLES["poker"].body


@pytest.mark.parametrize("char,code", [("\U0001F680", "U+1F680"), ("中", "U+4E2D")])
def test_a_character_the_font_lacks_names_the_card_and_the_character(
        tmp_path: Path, char: str, code: str) -> None:
    cards = card_yaml("fin", "Fin", "Tekst.") + card_yaml("raket", f"Op {char} op", "Tekst.")
    path = deck_file(tmp_path, cards)
    deck = load_deck(path)
    with pytest.raises(MissingGlyphError) as caught:
        render_cards(deck)
    message = str(caught.value)
    assert message.startswith(f"{path}:{deck.card('raket').line}: card 'raket':")
    assert code in message and "title" in message


def test_danish_letters_and_typography_print(tmp_path: Path) -> None:
    title = "Æblegrød på ø – „citat“ ’s"
    cards = card_yaml("dansk", title, "ÆØÅ æøå é ü … – — €")
    deck = load_deck(deck_file(tmp_path, cards))
    text = words(reader(render_cards(deck).data).pages[0].extract_text())
    assert title in text and "ÆØÅ æøå é ü … – — €" in text


def test_long_danish_compounds_break_with_a_hyphen_and_stay_on_the_card(tmp_path: Path) -> None:
    word = "Beboerrådgivningsmedarbejdersamarbejdsaftalen"
    deck = load_deck(deck_file(tmp_path, card_yaml("lang", "Ord", f"Se {word} og {word}.")))
    front = fit_front(deck.cards[0], deck, fonts(), STYLES["poker"], CARD_SIZES["poker"],
                      labels_for("da"), "poker")
    inner = CARD_SIZES["poker"][0] - 2 * STYLES["poker"].pad
    assert any(line.endswith("-") for line in front.text.lines)
    assert all(fonts().regular.width(line, front.text.size) <= inner + 0.01
               for line in front.text.lines)
    assert flat("".join(front.text.lines)) == flat(f"Se {word} og {word}.")
    text = reader(render_cards(deck).data).pages[0].extract_text()
    assert flat(word) in flat(text)


def test_blank_cards_have_lines_to_write_on() -> None:
    deck = bundled()
    blank = next(card for card in deck.cards if card.kind.value == "blank")
    front = fit_front(blank, deck, fonts(), STYLES["poker"], CARD_SIZES["poker"],
                      labels_for("da"), "poker")
    assert front.writing_lines >= 4


def test_dark_category_colours_get_white_text(tmp_path: Path) -> None:
    deck = load_deck(deck_file(tmp_path, card_yaml("m", "Mørk", "Tekst.", category="moerk")
                               + card_yaml("l", "Lys", "Tekst.")))
    fronts = [fit_front(card, deck, fonts(), STYLES["poker"], CARD_SIZES["poker"],
                        labels_for("da"), "poker") for card in deck.cards]
    assert fronts[0].band_ink.rgb() == (1, 1, 1)
    assert fronts[1].band_ink.rgb() == (0, 0, 0)


# --- the sheet's label ---------------------------------------------------------------------

def test_every_sheet_says_its_number_and_side() -> None:
    sheets = math.ceil(len(bundled().cards) / 9)
    pdf = reader(rendered())
    assert f"Værdispillet · ark 1 af {sheets} · forside" in pdf.pages[0].extract_text()
    assert f"Værdispillet · ark 1 af {sheets} · bagside" in pdf.pages[1].extract_text()
    assert f"ark {sheets} af {sheets} · bagside" in pdf.pages[-1].extract_text()
    english = reader(rendered(language="en"))
    assert f"sheet 2 of {sheets} · front" in english.pages[2].extract_text()
    assert f"sheet 2 of {sheets} · back" in english.pages[3].extract_text()
    fold = reader(rendered(duplex="fold"))
    assert "ark 1 af" in fold.pages[0].extract_text()
    assert "forside og bagside" in fold.pages[0].extract_text()


@pytest.mark.parametrize("paper,size,duplex,gap", LAYOUTS)
def test_the_sheet_label_fits_in_a_margin_of_every_layout(
        paper: str, size: str, duplex: str | None, gap: float | None) -> None:
    layout = solve(paper, size, duplex, gap)  # type: ignore[arg-type]
    label = SheetLabel(bundled(), layout, labels_for("da"), fonts(), 99, duplex is not None)
    assert label.place is not None
    (x0, y0, x1, y1), _, size_pt = label.place
    assert size_pt >= 5
    width, height = PAPER[paper]
    assert LABEL_EDGE - 0.01 <= min(x0, y0) and max(x1 - width, y1 - height) <= -LABEL_EDGE + 0.01
    for card in layout.fronts + (layout.backs if duplex == "fold" else ()):
        assert x1 <= card.x or card.x1 <= x0 or y1 <= card.y or card.y1 <= y0, card


def test_backs_of_each_kind_differ_face_down() -> None:
    page = reader(rendered()).pages
    forms = {}
    for number in range(1, len(page), 2):
        for name, form in page[number]["/Resources"]["/XObject"].items():
            if name.startswith("/FormXob.back-"):
                forms[name] = form.get_object().get_data()
    assert set(forms) == {"/FormXob.back-value", "/FormXob.back-question", "/FormXob.back-blank"}
    assert len(set(forms.values())) == 3
    for data in forms.values():
        assert b" re" in data or b" m " in data  # a symbol is drawn, not the words alone
