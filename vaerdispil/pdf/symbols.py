"""Signs that tell cards apart without colour: a shape and a pattern for each category,
and a symbol for each kind of card.

Most office printers print grey. A category's band then keeps its name, and also shows
a shape before the name and a pattern after it, in a darker shade of its own colour.
The patterns differ in kind (stripes, dots, checks ...) and in how much of the band they
cover, chosen so that the bands' grey values are spread evenly from light to dark,
whatever the deck's colours. Everything is drawn as paths, so no font is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from ..deck.model import Category

SHAPES = ("circle", "square", "triangle", "diamond", "star", "plus", "ring", "triangle_down",
          "square_ring", "hexagon")
"""The category shapes, in the order of the deck's categories (then round again)."""
PATTERNS = ("diagonal", "dots", "horizontal", "grid", "back_diagonal", "checks", "vertical",
            "crosshatch")
"""The category patterns, in the order of the deck's categories."""

SHADE = 0.35
"""A pattern's ink: the category's colour at this share of its brightness."""
LIGHTEST = 0.1
"""The least share of a band a pattern covers: every category shows its pattern."""
DARKEST = 0.85
"""The most: some of the colour always shows."""
DARK_END = 0.25
"""The grey value (0 black, 1 white) the darkest band is aimed at."""


def grey(colour: Color) -> float:
    """The grey value a greyscale printer or renderer gives a colour (0.3 R + 0.59 G +
    0.11 B, as poppler and most printer drivers reckon it)."""
    return 0.3 * colour.red + 0.59 * colour.green + 0.11 * colour.blue


@dataclass(frozen=True)
class Look:
    """How a category's band looks: its colour, shape, pattern, and the pattern's ink and
    coverage."""

    index: int
    colour: Color
    shape: str
    pattern: str
    ink: Color
    coverage: float

    @property
    def band_grey(self) -> float:
        """The grey value of the patterned part of the band."""
        return grey(self.colour) * (1 - self.coverage) + grey(self.ink) * self.coverage


@lru_cache(maxsize=32)
def looks(categories: tuple[Category, ...]) -> dict[str, Look]:
    """Each category's look, by id: shapes and patterns in the deck's order, coverage so
    that the bands' grey values are spread evenly, the lightest colour the lightest band.

    Going from the lightest colour to the darkest, each band is aimed an equal step below
    the one before (the steps shared out over what is left down to DARK_END), or lower
    where its own colour is darker than that aim even with the lightest pattern.
    """
    colours = [HexColor(category.colour) for category in categories]
    order = sorted(range(len(colours)), key=lambda i: -grey(colours[i]))
    lightest, darkest = 1 - (1 - SHADE) * LIGHTEST, 1 - (1 - SHADE) * DARKEST
    result = {}
    previous = 0.0
    for rank, index in enumerate(order):
        colour = colours[index]
        own = grey(colour)
        if rank == 0:
            target = own * lightest
        else:
            floor = max(DARK_END, grey(colours[order[-1]]) * darkest)
            target = min(own * lightest, previous - (previous - floor) / (len(order) - rank))
        target = max(target, own * darkest)
        coverage = (own - target) / (own * (1 - SHADE)) if own > 0 else LIGHTEST
        coverage = min(DARKEST, max(LIGHTEST, coverage))
        ink = Color(colour.red * SHADE, colour.green * SHADE, colour.blue * SHADE)
        look = Look(index, colour, SHAPES[index % len(SHAPES)], PATTERNS[index % len(PATTERNS)],
                    ink, coverage)
        result[categories[index].id] = look
        previous = look.band_grey
    return result


# -- shapes ------------------------------------------------------------------------------

def draw_shape(canvas: Canvas, shape: str, cx: float, cy: float, r: float,
               ink: Color) -> None:
    """A category's shape centred at (cx, cy), `r` from the centre to its outline."""
    canvas.saveState()
    canvas.setFillColor(ink)
    canvas.setStrokeColor(ink)
    outline = shape in ("ring", "square_ring")
    canvas.setLineWidth(max(0.6, r * 0.28))
    if shape in ("circle", "ring"):
        canvas.circle(cx, cy, r * (0.86 if outline else 1), stroke=int(outline),
                      fill=int(not outline))
    elif shape in ("square", "square_ring"):
        side = r * (1.5 if outline else 1.7)
        canvas.rect(cx - side / 2, cy - side / 2, side, side, stroke=int(outline),
                    fill=int(not outline))
    else:
        _polygon(canvas, _points(shape, cx, cy, r))
    canvas.restoreState()


def _points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    def ring(count: int, radius: float, start: float) -> list[tuple[float, float]]:
        return [(cx + radius * math.cos(start + k * 2 * math.pi / count),
                 cy + radius * math.sin(start + k * 2 * math.pi / count)) for k in range(count)]

    if shape == "triangle":
        return ring(3, r * 1.1, math.pi / 2)
    if shape == "triangle_down":
        return ring(3, r * 1.1, -math.pi / 2)
    if shape == "diamond":
        return ring(4, r * 1.1, math.pi / 2)
    if shape == "hexagon":
        return ring(6, r, 0.0)
    if shape == "star":
        outer, inner = ring(5, r * 1.15, math.pi / 2), ring(5, r * 0.5, math.pi / 2 + math.pi / 5)
        return [point for pair in zip(outer, inner) for point in pair]
    # plus
    a, b = r * 0.95, r * 0.34
    return [(cx - b, cy + a), (cx + b, cy + a), (cx + b, cy + b), (cx + a, cy + b),
            (cx + a, cy - b), (cx + b, cy - b), (cx + b, cy - a), (cx - b, cy - a),
            (cx - b, cy - b), (cx - a, cy - b), (cx - a, cy + b), (cx - b, cy + b)]


def _polygon(canvas: Canvas, points: list[tuple[float, float]]) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


# -- patterns ----------------------------------------------------------------------------

def draw_pattern(canvas: Canvas, look: Look, x0: float, y0: float, x1: float, y1: float,
                 period: float) -> None:
    """The category's pattern over the rectangle, with lines or dots `period` apart; the
    caller clips it. Stripes and dots are laid from the origin, so the pattern lines up
    from card to card."""
    canvas.setFillColor(look.colour)
    canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
    c, p = look.coverage, period
    canvas.setStrokeColor(look.ink)
    canvas.setFillColor(look.ink)
    kind = look.pattern
    if kind in ("grid", "crosshatch"):
        c = 1 - math.sqrt(1 - c)  # two sets of lines: each covers this share
    if kind in ("diagonal", "back_diagonal", "crosshatch", "horizontal", "vertical", "grid"):
        directions = {"diagonal": (1,), "back_diagonal": (-1,), "crosshatch": (1, -1),
                      "horizontal": ("h",), "vertical": ("v",), "grid": ("h", "v")}[kind]
        for direction in directions:
            _stripes(canvas, direction, c, p, x0, y0, x1, y1)
    elif kind == "dots":
        radius = p * math.sqrt(c / math.pi)
        if radius > p / 2:  # dots that would touch: light dots on the ink instead
            canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
            canvas.setFillColor(look.colour)
            radius = p * math.sqrt((1 - c) / math.pi)
        path = canvas.beginPath()
        for row in range(math.floor(y0 / p), math.ceil(y1 / p) + 1):
            shift = p / 2 if row % 2 else 0.0
            for column in range(math.floor(x0 / p) - 1, math.ceil(x1 / p) + 1):
                path.circle(column * p + shift, row * p, radius)
        canvas.drawPath(path, stroke=0, fill=1)
    else:  # checks: a square in each cell
        side = p * math.sqrt(c)
        path = canvas.beginPath()
        for row in range(math.floor(y0 / p), math.ceil(y1 / p) + 1):
            for column in range(math.floor(x0 / p), math.ceil(x1 / p) + 1):
                path.rect(column * p + (p - side) / 2, row * p + (p - side) / 2, side, side)
        canvas.drawPath(path, stroke=0, fill=1)


def _stripes(canvas: Canvas, direction: object, share: float, p: float, x0: float,
             y0: float, x1: float, y1: float) -> None:
    """Parallel lines covering `share` of the rectangle, `p` apart (measured across)."""
    canvas.setLineWidth(share * p)
    canvas.setLineCap(0)
    lines = []
    if direction == "h":
        for k in range(math.floor(y0 / p), math.ceil(y1 / p) + 1):
            lines.append((x0, k * p, x1, k * p))
    elif direction == "v":
        for k in range(math.floor(x0 / p), math.ceil(x1 / p) + 1):
            lines.append((k * p, y0, k * p, y1))
    else:  # 45 degrees: y = x * d + k * p * sqrt(2)
        d = 1 if direction == 1 else -1
        step = p * math.sqrt(2)
        low = min(y0 - d * x0, y0 - d * x1)
        high = max(y1 - d * x0, y1 - d * x1)
        for k in range(math.floor(low / step) - 1, math.ceil(high / step) + 2):
            b = k * step
            lines.append((x0 - p, d * (x0 - p) + b, x1 + p, d * (x1 + p) + b))
    canvas.lines(lines)


# -- kinds of card -------------------------------------------------------------------------

def draw_kind(canvas: Canvas, kind: str, cx: float, cy: float, r: float, ink: Color,
              paper: Color = white) -> None:
    """The symbol of a kind of card: value a gem, question a question mark in a ring,
    blank an empty sheet with a pencil stroke."""
    canvas.saveState()
    canvas.setFillColor(ink)
    canvas.setStrokeColor(ink)
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    if kind == "value":
        outer = [(cx, cy + r), (cx + r * 0.8, cy), (cx, cy - r), (cx - r * 0.8, cy)]
        _polygon(canvas, outer)
        canvas.setFillColor(paper)
        _polygon(canvas, [(x * 0.45 + cx * 0.55, y * 0.45 + cy * 0.55) for x, y in outer])
    elif kind == "question":
        canvas.setLineWidth(r * 0.16)
        canvas.circle(cx, cy, r * 0.92, stroke=1, fill=0)
        canvas.setLineWidth(r * 0.2)
        path = canvas.beginPath()
        path.arc(cx - r * 0.3, cy - r * 0.02, cx + r * 0.3, cy + r * 0.58, startAng=180,
                 extent=-225)
        path.lineTo(cx, cy - r * 0.2)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.circle(cx, cy - r * 0.5, r * 0.12, stroke=0, fill=1)
    else:
        canvas.setLineWidth(r * 0.12)
        canvas.rect(cx - r * 0.62, cy - r * 0.85, r * 1.24, r * 1.7, stroke=1, fill=0)
        canvas.setLineWidth(r * 0.1)
        for k in range(3):
            y = cy + r * (0.35 - k * 0.4)
            canvas.line(cx - r * 0.38, y, cx + (r * 0.38 if k < 2 else r * 0.05), y)
    canvas.restoreState()
