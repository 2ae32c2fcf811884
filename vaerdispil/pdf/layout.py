"""Where cards go on a sheet: the grid, the backs behind the fronts, and the cut marks.

All lengths are in points (1/72 inch); the constants are given in millimetres.

The grid keeps every mark at least `SAFE_MARGIN` from the paper's edge, which every
office printer can print, and leaves gutters between cards, so each card has its own
short cut marks: cutting one card out leaves the marks of its neighbours. A card size
is laid out upright or turned a quarter, whichever gives more cards per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

from .common import PAPER

CARD_SIZES = {"poker": (63 * mm, 88 * mm), "mini": (44 * mm, 63 * mm), "a6": (105 * mm, 148 * mm)}
"""Card width and height, portrait."""

SAFE_MARGIN = 5 * mm
"""Nothing is drawn closer than this to the edge of the paper."""
MARK_GAP = 0.5 * mm
"""Cut marks start this far outside the card, so a cut a little outside shows no mark."""
MARK_MIN = 2 * mm
"""The shortest cut mark in an outer margin."""
MARK_MAX = 5 * mm
"""The longest cut mark."""
MARK_VISIBLE = 0.8 * mm
"""Marks shorter than this are left out."""
MIN_GUTTER = 3 * mm
MAX_GUTTER = 6 * mm
FOLD_GAP = 1 * mm
"""Cut marks stop this far from the fold line."""
BLEED = 2 * mm
"""How far the colour band runs past the card edge when bleed is on (less if crowded)."""

OUTER = SAFE_MARGIN + MARK_GAP + MARK_MIN
"""The least room between a card and the edge of the paper."""
FOLD_SIDE = MARK_GAP + MARK_MIN + FOLD_GAP
"""The least room between a card and the fold line."""

Duplex = Literal["long", "short", "fold"]


@dataclass(frozen=True)
class Slot:
    """A card's place on a page: its rectangle and how far the card is turned (degrees)."""

    x: float
    y: float
    w: float
    h: float
    angle: int
    """0 upright; 90 turned anticlockwise (the card's top points left); 180; 270."""

    @property
    def x1(self) -> float:
        return self.x + self.w

    @property
    def y1(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Segment:
    """A straight line to draw, from (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class SheetLayout:
    """The fronts of one page, the backs that go with them, and the marks."""

    page: tuple[float, float]
    card: tuple[float, float]
    """Card width and height, portrait, in points."""
    columns: int
    rows: int
    fronts: tuple[Slot, ...]
    """In reading order: top row first, left to right."""
    backs: tuple[Slot, ...]
    """backs[i] is the back of fronts[i]: on the next page (duplex) or the same (fold)."""
    backs_on_front_page: bool
    marks: tuple[tuple[Segment, ...], ...]
    """marks[i] are the cut marks around fronts[i]."""
    fold: Segment | None
    bleed: float
    gutters: tuple[float, float]

    @property
    def per_page(self) -> int:
        """How many cards one page holds."""
        return len(self.fronts)


def _fit(length: float, card: float, low: float, high: float) -> tuple[int, float, float]:
    """Cards along one axis: (count, offset of the first card from `low`'s edge, gutter)."""
    room = length - low - high
    count = 0
    while (count + 1) * card + count * MIN_GUTTER <= room + 1e-6:
        count += 1
    if count == 0:
        return 0, 0.0, 0.0
    spare = room - count * card
    gutter = min(MAX_GUTTER, spare / (count - 1)) if count > 1 else 0.0
    left_over = spare - (count - 1) * gutter
    return count, low + left_over / 2, gutter


def _grid(region: tuple[float, float, float, float], card: tuple[float, float],
          margins: tuple[float, float, float, float], angle: int) -> tuple[list[Slot], int, int,
                                                                        tuple[float, float]]:
    """Slots in a region (x, y, w, h) with least margins (left, right, bottom, top)."""
    rx, ry, rw, rh = region
    w, h = (card[1], card[0]) if angle else card
    columns, x0, gx = _fit(rw, w, margins[0], margins[1])
    rows, y0, gy = _fit(rh, h, margins[3], margins[2])  # counted from the top
    slots = []
    for row in range(rows):
        for column in range(columns):
            x = rx + x0 + column * (w + gx)
            y = ry + rh - y0 - h - row * (h + gy)  # y0 is measured from the region's top
            slots.append(Slot(x, y, w, h, angle))
    return slots, columns, rows, (gx, gy)


def solve(paper: str, size: str, duplex: Duplex | None) -> SheetLayout:
    """The layout of a card sheet; `duplex` None prints fronts only."""
    page = PAPER[paper]
    card = CARD_SIZES[size]
    width, height = page
    best: tuple[int, int, int, SheetLayout] | None = None
    folds: tuple[str | None, ...] = ("horizontal", "vertical") if duplex == "fold" else (None,)
    for fold_preference, fold in enumerate(folds):
        for angle in (0, 90):
            if fold == "horizontal":
                region = (0.0, height / 2, width, height / 2)
                margins = (OUTER, OUTER, FOLD_SIDE, OUTER)
            elif fold == "vertical":
                region = (0.0, 0.0, width / 2, height)
                margins = (OUTER, FOLD_SIDE, OUTER, OUTER)
            else:
                region = (0.0, 0.0, width, height)
                margins = (OUTER, OUTER, OUTER, OUTER)
            slots, columns, rows, gutters = _grid(region, card, margins, angle)
            if not slots:
                continue
            layout = _finish(page, card, slots, columns, rows, gutters, duplex, fold)
            key = (len(slots), -angle, -fold_preference)
            if best is None or key > best[:3]:
                best = (*key, layout)
    if best is None:
        raise ValueError(f"a {size} card does not fit on {paper} paper")
    return best[3]


def _finish(page: tuple[float, float], card: tuple[float, float], fronts: list[Slot],
            columns: int, rows: int, gutters: tuple[float, float], duplex: Duplex | None,
            fold: str | None) -> SheetLayout:
    width, height = page
    if duplex == "long":
        backs = [Slot(width - s.x1, s.y, s.w, s.h, (-s.angle) % 360) for s in fronts]
    elif duplex == "short":
        backs = [Slot(s.x, height - s.y1, s.w, s.h, (180 - s.angle) % 360) for s in fronts]
    elif fold == "horizontal":
        backs = [Slot(s.x, height - s.y1, s.w, s.h, (180 - s.angle) % 360) for s in fronts]
    elif fold == "vertical":
        backs = [Slot(width - s.x1, s.y, s.w, s.h, (-s.angle) % 360) for s in fronts]
    else:
        backs = []
    fold_line = None
    if fold == "horizontal":
        fold_line = Segment(SAFE_MARGIN, height / 2, width - SAFE_MARGIN, height / 2)
    elif fold == "vertical":
        fold_line = Segment(width / 2, SAFE_MARGIN, width / 2, height - SAFE_MARGIN)
    obstacles = fronts + (backs if fold else [])
    marks = tuple(tuple(_marks(slot, obstacles, page, fold_line)) for slot in fronts)
    bleed = min(BLEED, *(g / 2 for g in gutters if g), _room_to_edges(fronts, page) - SAFE_MARGIN)
    if fold_line is not None:
        bleed = min(bleed, _room_to_fold(fronts, fold_line) - FOLD_GAP)
    return SheetLayout(page, card, columns, rows, tuple(fronts), tuple(backs), bool(fold),
                       marks, fold_line, max(0.0, bleed), gutters)


def _room_to_edges(slots: list[Slot], page: tuple[float, float]) -> float:
    return min(min(s.x, s.y, page[0] - s.x1, page[1] - s.y1) for s in slots)


def _room_to_fold(slots: list[Slot], fold: Segment) -> float:
    if fold.y0 == fold.y1:
        return min(abs(s.y - fold.y0) if s.y >= fold.y0 else abs(fold.y0 - s.y1) for s in slots)
    return min(abs(s.x - fold.x0) if s.x >= fold.x0 else abs(fold.x0 - s.x1) for s in slots)


def _marks(slot: Slot, obstacles: list[Slot], page: tuple[float, float],
           fold: Segment | None) -> list[Segment]:
    """Short marks on the lines of the card's edges, outward from each corner."""
    segments = []
    corners = ((slot.x, slot.y, -1, -1), (slot.x1, slot.y, 1, -1),
               (slot.x, slot.y1, -1, 1), (slot.x1, slot.y1, 1, 1))
    for cx, cy, sx, sy in corners:
        # Along the vertical edge line, away from the card (up or down) ...
        free = _free_run(cx, cy, 0, sy, slot, obstacles, page, fold)
        if free - MARK_GAP >= MARK_VISIBLE:
            segments.append(Segment(cx, cy + sy * MARK_GAP, cx, cy + sy * free))
        # ... and along the horizontal edge line (left or right).
        free = _free_run(cx, cy, sx, 0, slot, obstacles, page, fold)
        if free - MARK_GAP >= MARK_VISIBLE:
            segments.append(Segment(cx + sx * MARK_GAP, cy, cx + sx * free, cy))
    return segments


def _free_run(cx: float, cy: float, dx: int, dy: int, slot: Slot, obstacles: list[Slot],
              page: tuple[float, float], fold: Segment | None) -> float:
    """How long a mark from (cx, cy) in direction (dx, dy) may be."""
    eps = 1e-6
    if dx:
        free = (page[0] - SAFE_MARGIN - cx) if dx > 0 else (cx - SAFE_MARGIN)
    else:
        free = (page[1] - SAFE_MARGIN - cy) if dy > 0 else (cy - SAFE_MARGIN)
    free = min(free, MARK_MAX)
    for other in obstacles:
        if other is slot:
            continue
        if dx and other.y - eps <= cy <= other.y1 + eps:
            distance = other.x - cx if dx > 0 else cx - other.x1
        elif dy and other.x - eps <= cx <= other.x1 + eps:
            distance = other.y - cy if dy > 0 else cy - other.y1
        else:
            continue
        if distance > eps:
            free = min(free, distance / 2)  # the neighbour's mark takes the other half
    if fold is not None:
        if dy and fold.y0 == fold.y1 and (fold.y0 - cy) * dy > 0:
            free = min(free, abs(fold.y0 - cy) - FOLD_GAP)
        if dx and fold.x0 == fold.x1 and (fold.x0 - cx) * dx > 0:
            free = min(free, abs(fold.x0 - cx) - FOLD_GAP)
    return free
