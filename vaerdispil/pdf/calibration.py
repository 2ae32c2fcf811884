"""A two-sided test page that shows how far a printer shifts the backs.

The front has a bold vertical and a bold horizontal line, and a 100 mm ruler to check
that the page was printed at actual size. The back has two millimetre scales, 20 mm
each way, where those lines land when the sheet is flipped on the chosen edge. Printed
on ordinary 80 g/m² paper and held up to a window, the number where the front's line
crosses a scale is the `--back-offset` to use: a tick labelled k is drawn k mm from
where the line belongs, so if the printer moves the back by e, the line meets the tick
k = -e, which is the correction. The lines are thick and long, and nothing else on the
front lies behind the scales, so they show through thin paper clearly. The scale's
numbers stand in two rows, so no two touch.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .common import PAPER, Metadata, Rendered, new_canvas
from .fonts import Fonts, fonts
from .labels import labels_for
from .text import set_block

LINE_X = 70 * mm
"""Where the front's vertical line is, from the left edge."""
LINE_Y = 95 * mm
"""Where the front's horizontal line is, from the bottom edge."""
HALF_LINE = 40 * mm
LINE_WIDTH = 2.0
"""The front's lines, in points: bold enough to see through 80 g/m² paper."""
SCALE = 20
"""The scales run from -SCALE to +SCALE millimetres (as far as --back-offset goes)."""
NUMBER_SIZE = 8
ROW = 3.6 * mm
"""How far below the scale its numbers stand: multiples of 10 in the first row, the
fives between them in the second, so neighbours never touch."""


def render_calibration(paper: str = "a4", duplex: str = "long", language: str = "da",
                       offset: tuple[float, float] = (0.0, 0.0)) -> Rendered:
    """The test page: front and back, for flipping on the `duplex` edge (long or short)."""
    labels = labels_for(language)
    family = fonts()
    width, height = PAPER[paper]
    meta = Metadata(title=labels["cal.title"], subject=labels["cal.subject"], language=language,
                    keywords=("Værdispillet", "calibration", duplex))
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (width, height), meta, duplex)
    command = f"vaerdispil print cards --duplex {duplex} --back-offset X,Y"
    _front(canvas, family, labels, (width, height), duplex, command)
    canvas.showPage()
    canvas.translate(offset[0] * mm, offset[1] * mm)
    _back(canvas, family, labels, (width, height), duplex, offset)
    canvas.showPage()
    canvas.save()
    return Rendered(buffer.getvalue(), 2)


def _text(canvas: Canvas, family: Fonts, heading: str, body: str, width: float,
          top: float) -> float:
    """A heading and lines of text from the top left; returns where the text ends."""
    x = 20 * mm
    block = set_block(heading, family.bold, 15, width - 2 * x, 1.2)
    canvas.setFillColor(black)
    block.draw(canvas, x, top)
    top -= block.height + 5 * mm
    for line in body.splitlines():
        block = set_block(line, family.regular, 10.5, width - 2 * x, 1.3)
        block.draw(canvas, x, top)
        top -= block.height + 2.5 * mm
    return top


def _front(canvas: Canvas, family: Fonts, labels: dict[str, str], page: tuple[float, float],
           duplex: str, command: str) -> None:
    width, height = page
    steps = labels["cal.front.steps"].format(flip=labels[f"cal.flip.{duplex}"], command=command)
    bottom = _text(canvas, family, labels["cal.front.heading"], steps, width, height - 20 * mm)
    # The ruler: exactly 100 mm, with a tick every centimetre.
    y = bottom - 12 * mm
    x0 = (width - 100 * mm) / 2
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.6)
    canvas.line(x0, y, x0 + 100 * mm, y)
    for cm in range(11):
        tick = 4 * mm if cm in (0, 10) else 2 * mm
        canvas.line(x0 + cm * 10 * mm, y, x0 + cm * 10 * mm, y + tick)
    canvas.setFont(family.regular.name, 8)
    canvas.drawCentredString(width / 2, y - 5 * mm, labels["cal.ruler"])
    # The lines that show through to the back.
    canvas.setLineWidth(LINE_WIDTH)
    canvas.line(LINE_X, LINE_Y - HALF_LINE, LINE_X, LINE_Y + HALF_LINE)
    canvas.line(width - LINE_X - HALF_LINE, LINE_Y, width - LINE_X + HALF_LINE, LINE_Y)


def _back(canvas: Canvas, family: Fonts, labels: dict[str, str], page: tuple[float, float],
          duplex: str, offset: tuple[float, float]) -> None:
    width, height = page
    body = labels["cal.back.steps"]
    if offset != (0.0, 0.0):
        body += "\n" + labels["cal.offset"].format(x=f"{offset[0]:g}", y=f"{offset[1]:g}")
    _text(canvas, family, labels["cal.back.heading"], body, width, height - 20 * mm)
    # Where the front's lines land on this side.
    if duplex == "long":
        vertical_x, vertical_mid = width - LINE_X, LINE_Y
        horizontal_y, horizontal_mid = LINE_Y, LINE_X
    else:
        vertical_x, vertical_mid = LINE_X, height - LINE_Y
        horizontal_y, horizontal_mid = height - LINE_Y, width - LINE_X
    canvas.setStrokeColor(black)
    canvas.setFillColor(black)
    # X: a horizontal scale across the vertical line, half way along it.
    canvas.setLineWidth(0.35)
    canvas.line(vertical_x - SCALE * mm, vertical_mid, vertical_x + SCALE * mm, vertical_mid)
    canvas.setFont(family.regular.name, NUMBER_SIZE)
    for k in range(-SCALE, SCALE + 1):
        x = vertical_x + k * mm
        canvas.line(x, vertical_mid, x, vertical_mid + _tick(k))
        if k % 5 == 0:
            row = 1 if k % 10 == 0 else 2
            canvas.drawCentredString(x, vertical_mid - row * ROW, _number(k))
    canvas.setFont(family.bold.name, 8)
    canvas.drawCentredString(vertical_x, vertical_mid + 8 * mm, labels["cal.scale.x"])
    # Y: a vertical scale across the horizontal line; its numbers are 5 mm apart in
    # height, more than a line of them, so one row will do.
    canvas.setFont(family.regular.name, NUMBER_SIZE)
    canvas.line(horizontal_mid, horizontal_y - SCALE * mm, horizontal_mid,
                horizontal_y + SCALE * mm)
    for k in range(-SCALE, SCALE + 1):
        y = horizontal_y + k * mm
        canvas.line(horizontal_mid, y, horizontal_mid + _tick(k), y)
        if k % 5 == 0:
            canvas.drawRightString(horizontal_mid - 1.5 * mm, y - 3, _number(k))
    canvas.setFont(family.bold.name, 8)
    canvas.drawString(horizontal_mid + 7 * mm, horizontal_y - 3, labels["cal.scale.y"])


def _tick(k: int) -> float:
    """Tick length: long every 5 mm, so the millimetres between are easy to count."""
    return 5 * mm if k % 5 == 0 else (3 * mm if k % 2 == 0 else 2 * mm)


def _number(k: int) -> str:
    return f"{k:+d}" if k else "0"
