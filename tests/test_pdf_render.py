"""Rendered pages (pdftoppm from poppler-utils): ink only on cards, cut marks, fold line and
label; none on a card's edge.

Skipped when pdftoppm is not installed (Debian/Ubuntu: apt-get install poppler-utils).
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_pdf_cards import bundled, rendered
from vaerdispil.pdf.cardface import STYLES, fit_front, pattern_start
from vaerdispil.pdf.cards import CardOptions, render_cards
from vaerdispil.pdf.common import PAPER
from vaerdispil.pdf.fonts import fonts
from vaerdispil.pdf.labels import labels_for
from vaerdispil.pdf.layout import CARD_SIZES, MARK_EDGE, Bleed, Rect, SheetLayout, Slot, solve
from vaerdispil.pdf.sheetlabel import SheetLabel
from vaerdispil.pdf.symbols import looks

DPI = 72
"""One pixel per point: page coordinates are pixel coordinates (y flipped)."""
INK = 235
"""A gray level below this (0 black, 255 white) counts as something drawn."""

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm (poppler-utils) is not installed")


def render_page(pdf: bytes, page: int, folder: Path, dpi: int = DPI) -> tuple[int, int, bytes]:
    """One page as an 8-bit gray image: (width, height, pixels row by row from the top)."""
    source = folder / "sheet.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(source), str(folder / "page")], check=True,
                   capture_output=True)
    return parse_pgm((folder / "page.pgm").read_bytes())


def parse_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Parse a binary PGM (P5) file with 8-bit samples."""
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at) + 1
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    assert magic == b"P5" and maxval == 255
    pixels = data[at + 1:at + 1 + width * height]
    assert len(pixels) == width * height
    return width, height, pixels


def allowed_mask(width: int, height: int, layout: SheetLayout, boxes: list[Slot],
                 bleeds: list[Bleed] | None, marks: bool, fold: bool,
                 label: Rect | None = None) -> bytearray:
    """1 where ink may be: the cards (and their bleed), the cut marks, the fold line, the
    sheet's label."""
    mask = bytearray(width * height)

    def allow(x0: float, y0: float, x1: float, y1: float, grow: float) -> None:
        # Page points (origin bottom left) to pixel rows (origin top left).
        left, right = int(x0 - grow), int(x1 + grow) + 1
        top, bottom = int(height - y1 - grow), int(height - y0 + grow) + 1
        for row in range(max(0, top), min(height, bottom)):
            start = row * width
            mask[start + max(0, left):start + min(width, right)] = b"\x01" * (
                min(width, right) - max(0, left))

    for number, box in enumerate(boxes):
        b = bleeds[number] if bleeds and number < len(bleeds) else Bleed(0, 0, 0, 0)
        allow(box.x - b.left, box.y - b.bottom, box.x1 + b.right, box.y1 + b.top, 1.5)
    if marks:
        for s in layout.marks_for(layout.per_page):
            allow(min(s.x0, s.x1), min(s.y0, s.y1), max(s.x0, s.x1), max(s.y0, s.y1), 1.5)
    if fold and layout.fold is not None:
        f = layout.fold
        allow(f.x0, f.y0 - 5, f.x1, f.y1 + 5, 1.5) if f.y0 == f.y1 else allow(
            f.x0 - 5, f.y0, f.x1 + 5, f.y1, 1.5)
    if label is not None:
        allow(*label, 1.5)
    return mask


def label_box(layout: SheetLayout, pages: int) -> Rect:
    """Where the sheet's label is on the fronts' page."""
    sheet_label = SheetLabel(bundled(), layout, labels_for("da"), fonts(), pages, True)
    assert sheet_label.place is not None
    return sheet_label.place[0]


def stray_ink(width: int, height: int, pixels: bytes, mask: bytearray) -> list[tuple[int, int]]:
    return [(i % width, i // width) for i, value in enumerate(pixels)
            if value < INK and not mask[i]][:10]


@pytest.mark.parametrize("paper,size,duplex,bleed", [
    ("a4", "poker", "long", False),
    ("a4", "poker", "long", True),
    ("letter", "mini", "short", True),
    ("a4", "poker", "fold", True),
    ("a4", "a6", "long", True),
])
def test_nothing_is_drawn_outside_cards_marks_and_margins(
        tmp_path: Path, paper: str, size: str, duplex: str, bleed: bool) -> None:
    pdf = rendered(paper, size, duplex, bleed=bleed)
    layout = solve(paper, size, duplex)  # type: ignore[arg-type]
    width, height, pixels = render_page(pdf, 1, tmp_path)
    assert abs(width - PAPER[paper][0]) <= 1 and abs(height - PAPER[paper][1]) <= 1
    boxes = list(layout.fronts) + (list(layout.backs) if duplex == "fold" else [])
    sheets = -(-len(bundled().cards) // layout.per_page)
    mask = allowed_mask(width, height, layout, boxes, list(layout.bleeds) if bleed else None,
                        marks=True, fold=True, label=label_box(layout, sheets))
    assert stray_ink(width, height, pixels, mask) == []
    # The printer's unprintable border stays empty (marks may come to MARK_EDGE).
    edge = int(MARK_EDGE) - 1
    for row in range(height):
        line = pixels[row * width:(row + 1) * width]
        if row < edge or row >= height - edge:
            assert min(line) >= INK, row
        else:
            assert min(line[:edge]) >= INK and min(line[width - edge:]) >= INK, row
    # And each card has ink on it (the text was drawn, not lost).
    for slot in layout.fronts:
        inside = [pixels[y * width + x] for y in range(int(height - slot.y1) + 8,
                                                       int(height - slot.y) - 8, 4)
                  for x in range(int(slot.x) + 8, int(slot.x1) - 8, 4)]
        assert min(inside) < 100


def test_no_line_is_drawn_on_a_cards_edge(tmp_path: Path) -> None:
    """A cut a little off the line leaves no grey sliver: nothing marks the trim line
    itself, inside the card, where the band does not reach (no outline)."""
    pdf = rendered("a4", "poker", "long")
    layout = solve("a4", "poker", "long")
    width, height, pixels = render_page(pdf, 1, tmp_path)
    for slot in layout.fronts:
        top, bottom = int(height - slot.y1) + 40, int(height - slot.y) - 3  # below the band
        for x in (int(slot.x) - 1, int(slot.x), int(slot.x1), int(slot.x1) + 1):  # on the edges
            assert min(pixels[y * width + x] for y in range(top, bottom)) >= INK, (slot, x)
        for row in (int(height - slot.y) - 1, int(height - slot.y)):  # on the bottom edge
            assert min(pixels[row * width + x] for x in range(int(slot.x) + 2,
                                                              int(slot.x1) - 2)) >= INK


def test_backs_have_ink_only_inside_the_cards(tmp_path: Path) -> None:
    pdf = rendered("a4", "poker", "long", offset=(2.0, -1.0))
    layout = solve("a4", "poker", "long")
    width, height, pixels = render_page(pdf, 2, tmp_path)
    shift = 72 / 25.4
    moved = [Slot(s.x + 2 * shift, s.y - 1 * shift, s.w, s.h, s.angle) for s in layout.backs]
    sheets = -(-len(bundled().cards) // layout.per_page)
    x0, y0, x1, y1 = label_box(layout, sheets)
    label = (layout.page[0] - x1, y0, layout.page[0] - x0, y1)  # seen from the back
    mask = allowed_mask(width, height, layout, moved, None, marks=False, fold=False,
                        label=label)
    assert stray_ink(width, height, pixels, mask) == []


def test_category_bands_differ_in_grey(tmp_path: Path) -> None:
    """On a grey printer the categories still sort by eye: each band's pattern gives it a
    grey value of its own, evenly spread, whatever the deck's colours."""
    deck = bundled()
    firsts = {next(card.id for card in deck.cards if card.category == category.id)
              for category in deck.categories}
    printed = [card.id for card in deck.cards if card.id in firsts]  # in the deck's order
    options = CardOptions(cards=tuple(sorted(firsts)), backs=False)
    pdf = render_cards(deck, options).data
    layout = solve("a4", "poker", None)
    scale = 2  # 144 dpi: thin stripes come out as drawn
    width, _, pixels = render_page(pdf, 1, tmp_path, DPI * scale)
    style, size = STYLES["poker"], CARD_SIZES["poker"]
    found = {}
    for slot, card_id in zip(layout.fronts, printed):
        card = deck.card(card_id)
        front = fit_front(card, deck, fonts(), style, size, labels_for("da"), "poker")
        x0 = int((slot.x + pattern_start(front, style, size[0])) * scale) + 1
        top = int((layout.page[1] - slot.y1) * scale) + 1
        rows = range(top, int(top + front.band_height * scale) - 2)
        values = [pixels[y * width + x] for y in rows
                  for x in range(x0, int(slot.x1 * scale) - 1)]
        found[deck.category(card.category).name] = sum(values) / len(values)
    print({name: round(value) for name, value in found.items()})
    greys = sorted(found.values())
    assert len(greys) == len(deck.categories) >= 7
    gaps = [b - a for a, b in itertools.pairwise(greys)]
    assert min(gaps) >= 12, found  # of 255: clearly apart
    assert greys[-1] - greys[0] >= 100
    # And each has a sign and a pattern of its own, besides its name and colour.
    signs = looks(deck.categories).values()
    assert len({look.shape for look in signs}) == len({look.pattern for look in signs}) == len(
        deck.categories)


def test_the_band_runs_past_the_cards_edge_by_default(tmp_path: Path) -> None:
    layout = solve("a4", "poker", "long")
    width, height, pixels = render_page(rendered(), 1, tmp_path)
    for slot, bleed in zip(layout.fronts, layout.bleeds):
        row = int(height - slot.y1 - bleed.top / 2)  # above the top edge, in the bleed
        assert pixels[row * width + int(slot.x + slot.w / 3)] < INK, slot
        column = int(slot.x - bleed.left / 2)  # left of the left edge, beside the band
        assert pixels[int(height - slot.y1 + 8) * width + column] < INK, slot
    _, _, plain = render_page(rendered(bleed=False), 1, tmp_path)
    slot = layout.fronts[0]
    assert plain[int(height - slot.y1 - 2) * width + int(slot.x + slot.w / 3)] >= INK
