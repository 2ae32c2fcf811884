"""Where cards go on a sheet: the grid, the backs behind the fronts, the cut marks and the
bleed (the sheet's label finds its place in sheetlabel.py).

All lengths are in points (1/72 inch); the constants are given in millimetres.

Two kinds of grid. The usual one (for scissors or a knife) leaves gutters between
cards, so each card keeps cut marks of its own: a mark crosses each gutter on the line
of the cards' edges, and cutting one card out leaves the marks of its neighbours. With
`gap=0` the cards touch and share their cut lines, which run straight across the sheet
and are marked in the margins only: for a guillotine, and one more row of poker cards
on Letter. A card size is laid out upright or turned a quarter, whichever gives more
cards per page.

Colour that reaches a card's edge (the band) runs past it, the bleed, so a cut a little
outside the line shows no white: as far as the gutter (half of it) and the printable
area allow, and never onto a neighbour that shares the cut line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

from .common import PAPER

CARD_SIZES = {"poker": (63 * mm, 88 * mm), "mini": (44 * mm, 63 * mm), "a6": (105 * mm, 148 * mm)}
"""Card width and height, portrait."""

SAFE_MARGIN = 5 * mm
"""No card, colour or text comes closer than this to the edge of the paper."""
MARK_EDGE = 4 * mm
"""Cut marks may come this close: office printers print to about 4.2 mm, so at worst the
outer tip of a mark is lost."""
MARK_GAP = 0.5 * mm
"""Marks start this far outside the card, so a cut a little outside shows no mark."""
MARK_MIN = 3 * mm
"""The shortest cut mark the grid leaves room for: long enough to lay a ruler on."""
MARK_MAX = 6 * mm
"""The longest cut mark in a margin."""
MARK_VISIBLE = 0.8 * mm
"""Marks shorter than this are left out."""
MIN_GUTTER = 3 * mm
MAX_GUTTER = 6 * mm
FOLD_GAP = 1 * mm
"""Cut marks and colour stop this far from the fold line."""
BLEED = 2 * mm
"""How far colour runs past a card's edge on a sheet (less where the gutter is narrow)."""
SHOP_BLEED = 3 * mm
"""The bleed a print shop asks for, around a card printed on a page of its own."""

OUTER = MARK_EDGE + MARK_GAP + MARK_MIN
"""The least room between a card and the edge of the paper."""
FOLD_SIDE = MARK_GAP + MARK_MIN + FOLD_GAP
"""The least room between a card and the fold line."""

Duplex = Literal["long", "short", "fold"]
Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1."""


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

    @property
    def length(self) -> float:
        return abs(self.x1 - self.x0) + abs(self.y1 - self.y0)


@dataclass(frozen=True)
class Bleed:
    """How far colour may run past each edge of a card, in the page's directions."""

    left: float
    bottom: float
    right: float
    top: float

    def local(self, angle: int) -> Bleed:
        """The same, in the card's own directions (left, bottom, right, top of the card)."""
        if angle == 90:  # the card's top points left
            return Bleed(self.bottom, self.right, self.top, self.left)
        if angle == 180:
            return Bleed(self.right, self.top, self.left, self.bottom)
        if angle == 270:
            return Bleed(self.top, self.left, self.bottom, self.right)
        return self


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
    """marks[i] are the cut marks that fronts[i] brings (a mark two cards share is listed
    with the first of them)."""
    fold: Segment | None
    bleeds: tuple[Bleed, ...]
    """bleeds[i]: how far the colour of fronts[i] may run past its edges."""
    gutters: tuple[float, float]
    shared_lines: bool
    """Cards touch and share cut lines (gap 0): every line is marked in the margins."""
    duplex: Duplex | None = None

    @property
    def per_page(self) -> int:
        """How many cards one page holds."""
        return len(self.fronts)

    @property
    def bleed(self) -> float:
        """The most any card's colour runs past its edge."""
        return max((max(b.left, b.bottom, b.right, b.top) for b in self.bleeds), default=0.0)

    def marks_for(self, used: int) -> list[Segment]:
        """The marks of a page that holds the first `used` cards."""
        count = self.per_page if self.shared_lines else used
        return [segment for marks in self.marks[:count] for segment in marks]


def _fit(length: float, card: float, low: float, high: float,
         gap: float | None) -> tuple[int, float, float]:
    """Cards along one axis: (count, offset of the first card from `low`'s edge, gutter).

    `gap` None: gutters between MIN_GUTTER and MAX_GUTTER, as room allows; else exactly
    `gap` (0: the cards touch).
    """
    room = length - low - high
    least = MIN_GUTTER if gap is None else gap
    count = 0
    while (count + 1) * card + count * least <= room + 1e-6:
        count += 1
    if count == 0:
        return 0, 0.0, 0.0
    spare = room - count * card
    if gap is None:
        gutter = min(MAX_GUTTER, spare / (count - 1)) if count > 1 else 0.0
    else:
        gutter = gap if count > 1 else 0.0
    left_over = spare - (count - 1) * gutter
    return count, low + left_over / 2, gutter


def _grid(region: Rect, card: tuple[float, float], margins: Rect, angle: int,
          gap: float | None) -> tuple[list[Slot], int, int, tuple[float, float]]:
    """Slots in a region (x, y, w, h) with least margins (left, right, bottom, top)."""
    rx, ry, rw, rh = region
    w, h = (card[1], card[0]) if angle else card
    columns, x0, gx = _fit(rw, w, margins[0], margins[1], gap)
    rows, y0, gy = _fit(rh, h, margins[3], margins[2], gap)  # counted from the top
    slots = []
    for row in range(rows):
        for column in range(columns):
            x = rx + x0 + column * (w + gx)
            y = ry + rh - y0 - h - row * (h + gy)  # y0 is measured from the region's top
            slots.append(Slot(x, y, w, h, angle))
    return slots, columns, rows, (gx, gy)


def solve(paper: str, size: str, duplex: Duplex | None, gap: float | None = None) -> SheetLayout:
    """The layout of a card sheet; `duplex` None prints fronts only; `gap` None leaves
    gutters with cut marks of each card's own, 0 shares cut lines (see the module)."""
    page = PAPER[paper]
    card = CARD_SIZES[size]
    width, height = page
    best: tuple[int, int, int, SheetLayout] | None = None
    folds = ("horizontal", "vertical") if duplex == "fold" else (None,)
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
            slots, columns, rows, gutters = _grid(region, card, margins, angle, gap)
            if not slots:
                continue
            layout = _finish(page, card, slots, columns, rows, gutters, duplex, fold, gap == 0)
            key = (len(slots), -angle, -fold_preference)
            if best is None or key > best[:3]:
                best = (*key, layout)
    if best is None:
        raise ValueError(f"a {size} card does not fit on {paper} paper")
    return best[3]


def solve_single(size: str) -> SheetLayout:
    """One card on a page of its own size plus SHOP_BLEED all round, for a print shop:
    no marks (the PDF's trim box says where to cut), the back on the next page."""
    w, h = CARD_SIZES[size]
    page = (w + 2 * SHOP_BLEED, h + 2 * SHOP_BLEED)
    slot = Slot(SHOP_BLEED, SHOP_BLEED, w, h, 0)
    bleed = Bleed(SHOP_BLEED, SHOP_BLEED, SHOP_BLEED, SHOP_BLEED)
    return SheetLayout(page, (w, h), 1, 1, (slot,), (slot,), False, ((),), None, (bleed,),
                       (0.0, 0.0), False, "long")


def _finish(page: tuple[float, float], card: tuple[float, float], fronts: list[Slot],
            columns: int, rows: int, gutters: tuple[float, float], duplex: Duplex | None,
            fold: str | None, shared: bool) -> SheetLayout:
    width, height = page
    if duplex == "long" or fold == "vertical":
        backs = [Slot(width - s.x1, s.y, s.w, s.h, (-s.angle) % 360) for s in fronts]
    elif duplex == "short" or fold == "horizontal":
        backs = [Slot(s.x, height - s.y1, s.w, s.h, (180 - s.angle) % 360) for s in fronts]
    else:
        backs = []
    fold_line = None
    if fold == "horizontal":
        fold_line = Segment(SAFE_MARGIN, height / 2, width - SAFE_MARGIN, height / 2)
    elif fold == "vertical":
        fold_line = Segment(width / 2, SAFE_MARGIN, width / 2, height - SAFE_MARGIN)
    obstacles = fronts + (backs if fold else [])
    marks = _all_marks(fronts, obstacles, page, fold_line)
    bleeds = tuple(_bleed(slot, obstacles, page, fold_line) for slot in fronts)
    return SheetLayout(page, card, columns, rows, tuple(fronts), tuple(backs), bool(fold),
                       marks, fold_line, bleeds, gutters, shared, duplex)


# -- bleed ---------------------------------------------------------------------------------

def _bleed(slot: Slot, others: list[Slot], page: tuple[float, float],
           fold: Segment | None) -> Bleed:
    """How far colour may run past each side: half the way to a neighbour, no closer
    than SAFE_MARGIN to the paper's edge or FOLD_GAP to the fold, at most BLEED."""
    sides = []
    for dx, dy in ((-1, 0), (0, -1), (1, 0), (0, 1)):
        if dx:
            room = slot.x - SAFE_MARGIN if dx < 0 else page[0] - SAFE_MARGIN - slot.x1
        else:
            room = slot.y - SAFE_MARGIN if dy < 0 else page[1] - SAFE_MARGIN - slot.y1
        for other in others:
            if other is slot:
                continue
            distance = _distance_beside(slot, other, dx, dy)
            if distance is not None:
                room = min(room, distance / 2)
        if fold is not None:
            if dy and fold.y0 == fold.y1 and (fold.y0 - slot.y) * dy > 0:
                room = min(room, (fold.y0 - slot.y1 if dy > 0 else slot.y - fold.y0) - FOLD_GAP)
            if dx and fold.x0 == fold.x1 and (fold.x0 - slot.x) * dx > 0:
                room = min(room, (fold.x0 - slot.x1 if dx > 0 else slot.x - fold.x0) - FOLD_GAP)
        sides.append(max(0.0, min(BLEED, room)))
    return Bleed(*sides)


def _distance_beside(slot: Slot, other: Slot, dx: int, dy: int) -> float | None:
    """How far `other` is from `slot`'s side in direction (dx, dy), if it lies beside it."""
    eps = 1e-6
    if dx and other.y < slot.y1 - eps and other.y1 > slot.y + eps:
        distance = other.x - slot.x1 if dx > 0 else slot.x - other.x1
    elif dy and other.x < slot.x1 - eps and other.x1 > slot.x + eps:
        distance = other.y - slot.y1 if dy > 0 else slot.y - other.y1
    else:
        return None
    return distance if distance > -eps else None


# -- cut marks -----------------------------------------------------------------------------

def _all_marks(fronts: list[Slot], obstacles: list[Slot], page: tuple[float, float],
               fold: Segment | None) -> tuple[tuple[Segment, ...], ...]:
    """Each card's marks, a mark that two cards share listed with the first."""
    seen: set[tuple[int, int, int, int]] = set()
    result = []
    for slot in fronts:
        own = []
        for segment in _marks(slot, obstacles, page, fold):
            key = _key(segment)
            if key not in seen:
                seen.add(key)
                own.append(segment)
        result.append(tuple(own))
    return tuple(result)


def _key(segment: Segment) -> tuple[int, int, int, int]:
    ends = sorted([(round(segment.x0 * 100), round(segment.y0 * 100)),
                   (round(segment.x1 * 100), round(segment.y1 * 100))])
    return (*ends[0], *ends[1])


def _marks(slot: Slot, obstacles: list[Slot], page: tuple[float, float],
           fold: Segment | None) -> list[Segment]:
    """Marks on the lines of the card's edges, outward from each corner: across a gutter
    to the next card's corner, or into the margin; none where a card shares the line."""
    segments = []
    corners = ((slot.x, slot.y, -1, -1), (slot.x1, slot.y, 1, -1),
               (slot.x, slot.y1, -1, 1), (slot.x1, slot.y1, 1, 1))
    for cx, cy, sx, sy in corners:
        for dx, dy in ((0, sy), (sx, 0)):
            run = _free_run(cx, cy, dx, dy, slot, obstacles, page, fold)
            if run is None:
                continue
            start, end = run
            if end - start >= MARK_VISIBLE:
                segments.append(Segment(cx + dx * start, cy + dy * start,
                                        cx + dx * end, cy + dy * end))
    return segments


def _free_run(cx: float, cy: float, dx: int, dy: int, slot: Slot, obstacles: list[Slot],
              page: tuple[float, float], fold: Segment | None) -> tuple[float, float] | None:
    """Where a mark from the corner (cx, cy) in direction (dx, dy) starts and ends, as
    distances from the corner; None where the line runs on along a touching card."""
    eps = 1e-6
    if dx:
        free = (page[0] - MARK_EDGE - cx) if dx > 0 else (cx - MARK_EDGE)
    else:
        free = (page[1] - MARK_EDGE - cy) if dy > 0 else (cy - MARK_EDGE)
    free = min(free, MARK_MAX)
    if fold is not None:
        if dy and fold.y0 == fold.y1 and (fold.y0 - cy) * dy > 0:
            free = min(free, abs(fold.y0 - cy) - FOLD_GAP)
        if dx and fold.x0 == fold.x1 and (fold.x0 - cx) * dx > 0:
            free = min(free, abs(fold.x0 - cx) - FOLD_GAP)
    nearest: tuple[float, bool] | None = None
    for other in obstacles:
        if other is slot:
            continue
        if dx and other.y - eps <= cy <= other.y1 + eps:
            distance = other.x - cx if dx > 0 else cx - other.x1
            aligned = abs(cy - other.y) < eps or abs(cy - other.y1) < eps
        elif dy and other.x - eps <= cx <= other.x1 + eps:
            distance = other.y - cy if dy > 0 else cy - other.y1
            aligned = abs(cx - other.x) < eps or abs(cx - other.x1) < eps
        else:
            continue
        if distance > -eps and (nearest is None or distance < nearest[0]):
            nearest = (distance, aligned)
    if nearest is not None and nearest[0] <= free + eps:
        distance, aligned = nearest
        if distance <= eps:
            return None  # the line runs on along a card that touches this one
        if aligned:  # across the gutter, to the next card's corner on the same line
            gap = min(MARK_GAP, max(0.0, (distance - MARK_MIN) / 2))
            return gap, distance - gap
        return MARK_GAP, distance / 2
    return MARK_GAP, free
