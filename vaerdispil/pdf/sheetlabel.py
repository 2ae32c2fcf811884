"""The sheet's label: "Værdispillet · ark 3 af 8 · forside" in a margin of every sheet, so
a dropped pile goes back in order.

It goes where there is room on the page: in a margin (or gutter) beside a card near the
middle, clear of every card, its colour and its marks, and no closer than LABEL_EDGE to
the paper's edge; upright, or else up the side of the page; as large as fits, down to
4.5 pt. On the back of a two-sided sheet it stands where the front's label is, seen
through the paper.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..deck.model import Deck
from .fonts import ASCENT, DESCENT, Fonts
from .layout import SAFE_MARGIN, Bleed, Rect, SheetLayout, Slot

LABEL_INK = Color(0.35, 0.35, 0.35)
LABEL_SIZES = (7.0, 6.5, 6.0, 5.5, 5.0, 4.5)
"""Sizes tried for the label, largest first, until one fits."""
LABEL_CLEARANCE = 0.6 * mm
"""Room kept between the label and any card, colour or mark."""
LABEL_EDGE = 4.5 * mm
"""The label may come this close to the paper's edge (small text; office printers print
to about 4.2 mm)."""
BAND_ZONE = 16 * mm
"""How deep, from a card's top, colour may reach its sides (the band, at its tallest)."""


class SheetLabel:
    """"Værdispillet · ark 3 af 8 · forside" in a margin of every sheet, so a dropped pile
    goes back in order; on the back page where the front's label is, seen through."""

    def __init__(self, deck: Deck, layout: SheetLayout, labels: dict[str, str],
                 family: Fonts, sheets: int, backs: bool) -> None:
        self.labels, self.sheets, self.deck = labels, sheets, deck
        self.face = family.regular
        self.layout = layout
        widest = max((self._text(sheets, side) for side in ("front", "back", "both")),
                     key=lambda text: self.face.width(text, 1))
        self.place: tuple[tuple[float, float, float, float], int, float] | None = None
        for size in LABEL_SIZES:
            found = label_place(layout, self.face.width(widest, size) + 1,
                                (ASCENT + DESCENT) * size)
            if found is not None:
                self.place = (*found, size)
                break

    def _text(self, sheet: int, side: str) -> str:
        return self.labels["sheet.label"].format(deck=self.deck.title, sheet=sheet,
                                                 sheets=self.sheets,
                                                 side=self.labels[f"sheet.{side}"])

    def draw(self, canvas: Canvas, sheet: int, side: str) -> None:
        if self.place is None:
            return
        (x0, y0, x1, y1), angle, size = self.place
        width, height = self.layout.page
        if side == "back":  # the same place, seen from the back of the sheet
            if self.layout.duplex == "short":
                y0, y1 = height - y1, height - y0
            else:
                x0, x1 = width - x1, width - x0
        canvas.saveState()
        canvas.setFillColor(LABEL_INK)
        canvas.setFont(self.face.name, size)
        if angle == 0:
            canvas.drawCentredString((x0 + x1) / 2, y0 + DESCENT * size,
                                     self._text(sheet, side))
        else:
            canvas.translate(x1 - DESCENT * size, (y0 + y1) / 2)
            canvas.rotate(90)
            canvas.drawCentredString(0, 0, self._text(sheet, side))
        canvas.restoreState()


def label_place(layout: SheetLayout, width: float, height: float) -> tuple[Rect, int] | None:
    """Where a label `width` long and `height` tall fits on the fronts' page, and its
    angle (0, or 90 up the side of the page): centred on a card near the middle, in the
    margin beyond it if there is room, else in a gutter; clear of cards, colour and
    marks; None if nowhere."""
    page_w, page_h = layout.page
    blocked = _ink(layout)
    cards = layout.fronts + (layout.backs if layout.backs_on_front_page else ())
    for angle in (0, 90):
        axis = 1 if angle == 0 else 0
        low = min(s.y if axis else s.x for s in cards)
        high = max(s.y1 if axis else s.x1 for s in cards)
        candidates = []
        for slot in layout.fronts:
            for side in (1, -1):  # above (or right of) the card, or below (or left)
                edge = (slot.y1 if axis else slot.x1) if side > 0 else (slot.y if axis else slot.x)
                in_margin = edge == (high if side > 0 else low)
                centre = abs((slot.x + slot.x1) / 2 - page_w / 2) + abs(
                    (slot.y + slot.y1) / 2 - page_h / 2)
                candidates.append((not in_margin, side > 0, centre, slot, side))
        for *_, slot, side in sorted(candidates, key=lambda c: c[:3]):
            box = _label_box(slot, side, angle, width, height, blocked, layout.page)
            if box is not None:
                return box, angle
    return None


def _label_box(slot: Slot, side: int, angle: int, width: float, height: float,
               blocked: list[Rect], page: tuple[float, float]) -> Rect | None:
    """A label box beside one side of `slot`, centred on it, as far from the card as the
    room to the next ink (or LABEL_EDGE) allows."""
    if angle == 0:
        centre, along = (slot.x + slot.x1) / 2, (0, 1)
    else:
        centre, along = (slot.y + slot.y1) / 2, (1, 0)
    lo, hi = centre - width / 2, centre + width / 2
    span = page[0] if angle == 0 else page[1]
    if lo < SAFE_MARGIN or hi > span - SAFE_MARGIN:
        return None
    axis = 1 if along == (0, 1) else 0  # 1: the label stacks in y, 0: in x
    near = (slot.y1 if axis else slot.x1) if side > 0 else (slot.y if axis else slot.x)
    limit = (page[axis] - LABEL_EDGE) if side > 0 else LABEL_EDGE
    inner, outer = near, limit
    for rect in blocked:
        across = (rect[0], rect[2]) if axis else (rect[1], rect[3])
        if across[0] >= hi or across[1] <= lo:
            continue
        start, end = (rect[1], rect[3]) if axis else (rect[0], rect[2])
        if side > 0 and end > inner - 1e-6 and start < outer:
            if start >= near - 1e-6 + LABEL_CLEARANCE:
                outer = min(outer, start - LABEL_CLEARANCE)
            else:
                inner = max(inner, end + LABEL_CLEARANCE)
        elif side < 0 and start < inner + 1e-6 and end > outer:
            if end <= near + 1e-6 - LABEL_CLEARANCE:
                outer = max(outer, end + LABEL_CLEARANCE)
            else:
                inner = min(inner, start - LABEL_CLEARANCE)
    room = (outer - inner) * side
    if room < height - 1e-6:
        return None
    mid = (inner + outer) / 2
    a, b = mid - height / 2, mid + height / 2
    return (lo, a, hi, b) if axis else (a, lo, b, hi)


def label_room(layout: SheetLayout, width: float = 30 * mm) -> float:
    """The height of the tallest label `width` wide that fits (in 0.25 mm steps, up to
    10 mm; 0 if none)."""
    for quarters in range(40, 0, -1):
        if label_place(layout, width, quarters * mm / 4) is not None:
            return quarters * mm / 4
    return 0.0


def _ink(layout: SheetLayout) -> list[Rect]:
    """Rectangles the label must keep clear of: cards, their colour, marks, the fold."""
    c = LABEL_CLEARANCE
    rects: list[Rect] = []
    for index, slot in enumerate(layout.fronts):
        rects += _colour_boxes(slot, layout.bleeds[index])
    if layout.backs_on_front_page:
        rects += [(s.x, s.y, s.x1, s.y1) for s in layout.backs]
    for segment in layout.marks_for(layout.per_page):
        rects.append((min(segment.x0, segment.x1) - c, min(segment.y0, segment.y1) - c,
                      max(segment.x0, segment.x1) + c, max(segment.y0, segment.y1) + c))
    if layout.fold is not None:
        f = layout.fold
        rects.append((f.x0 - 3 * mm, f.y0 - 3 * mm, f.x1 + 3 * mm, f.y1 + 3 * mm))
    return rects


def _colour_boxes(slot: Slot, bleed: Bleed) -> list[Rect]:
    """The card's rectangle, and its band with the band's bleed (the top all along, the
    sides as deep as BAND_ZONE)."""
    local = bleed.local(slot.angle)
    w, h = (slot.w, slot.h) if slot.angle in (0, 180) else (slot.h, slot.w)
    points = [_to_page(slot, x, y) for x, y in ((-local.left, h - BAND_ZONE),
                                                 (w + local.right, h + local.top))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [(slot.x, slot.y, slot.x1, slot.y1), (min(xs), min(ys), max(xs), max(ys))]


def _to_page(slot: Slot, x: float, y: float) -> tuple[float, float]:
    """A point in the card's own coordinates on the page (see cards._enter)."""
    if slot.angle == 90:
        return slot.x + slot.w - y, slot.y + x
    if slot.angle == 180:
        return slot.x + slot.w - x, slot.y + slot.h - y
    if slot.angle == 270:
        return slot.x + y, slot.y + slot.h - x
    return slot.x + x, slot.y + y


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6
