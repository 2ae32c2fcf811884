"""Styles and small building blocks shared by the session summary and the report.

Every text from a session reaches a Paragraph through `markup` (common.py), so it
prints literally; labels (labels.py) are trusted and may hold <b>. Tables wrap every
cell in a Paragraph, repeat their header rows on each page and may split inside a
row, so a long text breaks across pages instead of running off the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable, _listWrapOn

from .common import GREY, PAPER, markup
from .fonts import FAMILY, bold_fallbacks
from .labels import Labels

PAGE = PAPER["a4"]
MARGIN = 20 * mm
FRAME_PADDING = 6.0
"""platypus keeps text this far inside the page margins (its frames' default padding)."""
LEFT = MARGIN + FRAME_PADDING
"""Where text starts on the page; footers line up with it."""
WIDTH = PAGE[0] - 2 * LEFT
"""The width text and tables may take, in points."""
TOP_MARGIN = 18 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_HEIGHT = PAGE[1] - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING
"""The height text may take on a page, in points."""

INK = Color(0.1, 0.1, 0.1)
RULE = Color(0.72, 0.72, 0.72)
BOX = Color(0.94, 0.94, 0.94)
HEAD = Color(0.88, 0.89, 0.91)
"""Header rows of tables: light enough for black text on any printer."""

GIVE_SHADES = (Color(0.90, 0.93, 0.97), Color(0.78, 0.85, 0.93), Color(0.65, 0.76, 0.89),
               Color(0.52, 0.65, 0.83))
"""Cell fills for 'gives', lightest to darkest; black numbers stay readable on all four."""
GET_SHADES = (Color(0.98, 0.93, 0.86), Color(0.96, 0.85, 0.71), Color(0.93, 0.76, 0.56),
              Color(0.89, 0.66, 0.42))
"""Cell fills for 'gets' (a warm hue, so the two sides differ in colour as well as place)."""

class Para(Paragraph):
    """A Paragraph that breaks its lines once per width.

    A table wraps each cell to measure the rows, again when it splits at a page end,
    and again when it draws; the lines only depend on the width, so they are kept.
    On a summary of hundreds of pages this saves a good part of the time.
    """

    _wrapped: tuple[float, object, float] | None = None
    """(width, the broken lines, height) of the latest wrap."""

    def __init__(self, text: str, style: Any, *args: Any, **kwargs: Any) -> None:
        bold = str(getattr(style, "fontName", "")).endswith(("-Bold", "-BoldItalic"))
        super().__init__(bold_fallbacks(text, bold), style, *args, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # A split copies attributes into new paragraphs: trust the memo only if the lines
        # it names are still this paragraph's own.
        memo = self._wrapped
        if memo is not None and memo[0] == availWidth and \
                self.__dict__.get("blPara") is memo[1]:
            self.width, self.height = availWidth, memo[2]
            return availWidth, memo[2]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, size[1])
        return size

    def draw(self) -> None:
        # A section's heading tells the canvas where the section starts (for the PDF's
        # outline); see summary.py.
        section = getattr(self, "section", None)
        marks = getattr(self.canv, "sections", None)
        if section is not None and marks is not None:
            marks.append(section)
        super().draw()


class Grid(Table):
    """A Table that splits a row across pages only when it starts a page.

    Rows normally move whole to the next page. Only a row that does not fit on an empty
    page is split inside (splitInRow). reportlab would otherwise also split a tall row
    into the space left at the foot of a page, repeating the header there: a header in
    the middle of a page.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None:
            at_top = bool(getattr(frame, "_atTop", False))
        else:  # inside a KeepTogether: judge by the room left
            at_top = availHeight > FRAME_HEIGHT / 2
        self.splitInRow = 1 if at_top else 0
        return list(super().split(availWidth, availHeight))


class _NotAtTop:
    """Stands in for a frame that already holds something (see KeepWithStart)."""

    _atTop = False


class KeepWithStart(KeepTogether):
    """Headings kept with the start of what follows them, not with all of it.

    platypus keeps a heading (keepWithNext) together with the whole of the next flowable,
    so a heading before a long table or text moves both to the next page, and the page it
    leaves may be mostly empty. Here, when the headings and the beginning of what follows
    fit in the room left (the flowable agrees to split there: a table at least one row
    under its header, a paragraph a few lines), they stay on this page and the rest goes
    on over the next; otherwise everything moves, as before. A heading never ends a page.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H > aH and len(self._content) > 1 and self._starts_here(aW, aH):
            return list(self._content)
        return list(super().split(aW, aH))

    def _starts_here(self, aW: float, aH: float) -> bool:
        *heads, last = self._content
        _, used = _listWrapOn(heads, aW, self.canv)
        room = aH - used - heads[-1].getSpaceAfter() - last.getSpaceBefore()
        if room <= 0:
            return False
        # Ask as the frame will, once the headings stand in it.
        last._frame = _NotAtTop()  # type: ignore[attr-defined]
        last.canv = self.canv
        try:
            parts = last.split(aW, room)
        finally:
            del last._frame  # type: ignore[attr-defined]
        return len(parts) > 1


_BASE = ParagraphStyle("body", fontName=FAMILY, fontSize=10, leading=13.5, spaceAfter=4,
                       textColor=INK)
STYLES = {
    "kicker": ParagraphStyle("kicker", _BASE, fontSize=12, leading=15, textColor=GREY,
                             spaceAfter=6),
    "title": ParagraphStyle("title", _BASE, fontName=f"{FAMILY}-Bold", fontSize=26,
                            leading=31, spaceAfter=14),
    "h1": ParagraphStyle("h1", _BASE, fontName=f"{FAMILY}-Bold", fontSize=17, leading=21,
                         spaceBefore=4, spaceAfter=8, keepWithNext=1),
    "h2": ParagraphStyle("h2", _BASE, fontName=f"{FAMILY}-Bold", fontSize=12.5, leading=16,
                         spaceBefore=10, spaceAfter=4, keepWithNext=1),
    "h3": ParagraphStyle("h3", _BASE, fontName=f"{FAMILY}-Bold", fontSize=10.5, leading=14,
                         spaceBefore=6, spaceAfter=2, keepWithNext=1),
    "body": _BASE,
    "lead": ParagraphStyle("lead", _BASE, keepWithNext=1),
    "small": ParagraphStyle("small", _BASE, fontSize=8.5, leading=11, textColor=GREY),
    "small_lead": ParagraphStyle("small_lead", _BASE, fontSize=8.5, leading=11, textColor=GREY,
                                 keepWithNext=1),
    "caption": ParagraphStyle("caption", _BASE, fontSize=8.5, leading=11, textColor=GREY,
                              keepWithNext=1),
    "continued": ParagraphStyle("continued", _BASE, fontName=f"{FAMILY}-Bold", fontSize=12.5,
                                leading=16, textColor=GREY, spaceAfter=0),
    "agreed": ParagraphStyle("agreed", _BASE, fontName=f"{FAMILY}-Bold", fontSize=13,
                             leading=17, spaceAfter=2),
    "note": ParagraphStyle("note", _BASE, fontSize=9.5, leading=12.5, leftIndent=10,
                           spaceAfter=5),
    "cell": ParagraphStyle("cell", _BASE, fontSize=9, leading=11.5, spaceAfter=0),
    "cell_small": ParagraphStyle("cell_small", _BASE, fontSize=7.5, leading=9, spaceAfter=0,
                                 textColor=GREY),
    "cell_head": ParagraphStyle("cell_head", _BASE, fontName=f"{FAMILY}-Bold", fontSize=8.5,
                                leading=10.5, spaceAfter=0),
    "cell_head_num": ParagraphStyle("cell_head_num", _BASE, fontName=f"{FAMILY}-Bold",
                                    fontSize=8.5, leading=10.5, spaceAfter=0,
                                    alignment=TA_RIGHT),
    "cell_center": ParagraphStyle("cell_center", _BASE, fontSize=9, leading=11, spaceAfter=0,
                                  alignment=TA_CENTER),
    "cell_num": ParagraphStyle("cell_num", _BASE, fontSize=9, leading=11.5, spaceAfter=0,
                               alignment=TA_RIGHT),
    "number": ParagraphStyle("number", _BASE, fontName=f"{FAMILY}-Bold", fontSize=22,
                             leading=26, alignment=TA_CENTER, spaceAfter=0),
    "number_label": ParagraphStyle("number_label", _BASE, fontSize=8.5, leading=11,
                                   alignment=TA_CENTER, textColor=GREY, spaceAfter=0),
}


def text(value: str, style: str = "cell") -> Paragraph:
    """User text in a Paragraph, printed literally."""
    return Para(markup(value), STYLES[style])


def label(value: str, style: str = "cell_head") -> Paragraph:
    """A label (trusted text that may hold <b>) in a Paragraph."""
    return Para(value, STYLES[style])


def joined(names: Sequence[str], separator: str = ", ") -> str:
    """Names joined for a Paragraph, each escaped."""
    return separator.join(markup(name) for name in names if name)


def listing(names: Sequence[str], word_and: str) -> str:
    """'A, B og C' (escaped), for running text."""
    names = [markup(name) for name in names if name]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word_and} {names[-1]}"


def table(rows: list[list[Flowable | str]], widths: Sequence[float], header_rows: int = 1,
          extra: Sequence[tuple] = (), zebra: bool = False) -> Table:
    """A table that repeats its header on each page and can split a tall row across pages."""
    result = Grid(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, GREY),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [white, BOX]))
    result.setStyle(TableStyle(commands + list(extra)))
    return result


def shade(count: int, top: int, shades: Sequence[Color]) -> Color | None:
    """The fill for a count: none for 0, then darker in steps up to the table's highest."""
    if count <= 0 or top <= 0:
        return None
    step = -(-count * len(shades) // top)  # ceil(count / top * levels), 1..levels
    return shades[min(len(shades), max(1, step)) - 1]


def counted(count: int, noun: str, labels: Labels) -> str:
    """'1 deltager', '3 deltagere': the plural label count.NOUN, filled in."""
    return labels.plural(f"count.{noun}", count, count=count)


def format_date(value: str, labels: dict[str, str]) -> str:
    """'2027-03-01' as people write it: '1. marts 2027' or '1 March 2027'."""
    parts = value.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return value
    year, month, day = (int(part) for part in parts)
    months = labels["summary.months"].split()
    if not 1 <= month <= 12:
        return value
    return labels["summary.date"].format(day=day, month=months[month - 1], year=year)
