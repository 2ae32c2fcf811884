"""Rendered pages (pdftoppm from poppler-utils): ink only on cards, cut marks and fold line.

Skipped when pdftoppm is not installed (Debian/Ubuntu: apt-get install poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_pdf_cards import rendered
from vaerdispil.pdf.common import PAPER
from vaerdispil.pdf.layout import SAFE_MARGIN, SheetLayout, Slot, solve

DPI = 72
"""One pixel per point: page coordinates are pixel coordinates (y flipped)."""
INK = 235
"""A gray level below this (0 black, 255 white) counts as something drawn."""

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                reason="pdftoppm (poppler-utils) is not installed")


def render_page(pdf: bytes, page: int, folder: Path) -> tuple[int, int, bytes]:
    """One page as an 8-bit gray image: (width, height, pixels row by row from the top)."""
    source = folder / "sheet.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
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
                 bleed: float, marks: bool, fold: bool) -> bytearray:
    """1 where ink may be: the cards (and bleed), the cut marks, the fold line."""
    mask = bytearray(width * height)

    def allow(x0: float, y0: float, x1: float, y1: float, grow: float) -> None:
        # Page points (origin bottom left) to pixel rows (origin top left).
        left, right = int(x0 - grow), int(x1 + grow) + 1
        top, bottom = int(height - y1 - grow), int(height - y0 + grow) + 1
        for row in range(max(0, top), min(height, bottom)):
            start = row * width
            mask[start + max(0, left):start + min(width, right)] = b"\x01" * (
                min(width, right) - max(0, left))

    for box in boxes:
        allow(box.x, box.y, box.x1, box.y1, bleed + 1.5)
    if marks:
        for segments in layout.marks:
            for s in segments:
                allow(min(s.x0, s.x1), min(s.y0, s.y1), max(s.x0, s.x1), max(s.y0, s.y1), 1.5)
    if fold and layout.fold is not None:
        f = layout.fold
        allow(f.x0, f.y0 - 5, f.x1, f.y1 + 5, 1.5) if f.y0 == f.y1 else allow(
            f.x0 - 5, f.y0, f.x1 + 5, f.y1, 1.5)
    return mask


def stray_ink(width: int, height: int, pixels: bytes, mask: bytearray) -> list[tuple[int, int]]:
    return [(i % width, i // width) for i, value in enumerate(pixels)
            if value < INK and not mask[i]][:10]


@pytest.mark.parametrize("paper,size,duplex,bleed", [
    ("a4", "poker", "long", False),
    ("a4", "poker", "long", True),
    ("letter", "mini", "short", False),
    ("a4", "poker", "fold", False),
    ("a4", "a6", "long", True),
])
def test_nothing_is_drawn_outside_cards_marks_and_margins(
        tmp_path: Path, paper: str, size: str, duplex: str, bleed: bool) -> None:
    pdf = rendered(paper, size, duplex, bleed=bleed)
    layout = solve(paper, size, duplex)  # type: ignore[arg-type]
    width, height, pixels = render_page(pdf, 1, tmp_path)
    assert abs(width - PAPER[paper][0]) <= 1 and abs(height - PAPER[paper][1]) <= 1
    boxes = list(layout.fronts) + (list(layout.backs) if duplex == "fold" else [])
    mask = allowed_mask(width, height, layout, boxes, layout.bleed if bleed else 0.0,
                        marks=True, fold=True)
    assert stray_ink(width, height, pixels, mask) == []
    # The printer's unprintable border stays empty.
    edge = int(SAFE_MARGIN) - 1
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


def test_backs_have_ink_only_inside_the_cards(tmp_path: Path) -> None:
    pdf = rendered("a4", "poker", "long", offset=(2.0, -1.0))
    layout = solve("a4", "poker", "long")
    width, height, pixels = render_page(pdf, 2, tmp_path)
    shift = 72 / 25.4
    moved = [Slot(s.x + 2 * shift, s.y - 1 * shift, s.w, s.h, s.angle) for s in layout.backs]
    mask = allowed_mask(width, height, layout, moved, 0.0, marks=False, fold=False)
    assert stray_ink(width, height, pixels, mask) == []
