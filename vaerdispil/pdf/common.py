"""What every PDF of vaerdispil shares: errors, escaping, metadata and safe writing.

The card sheets, the facilitator guide and (later) the session summary all build
their bytes in memory with reportlab in invariant mode, so the same input gives the
same bytes, and hand them to `write_atomic`, which never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import files
from .fonts import FAMILY, fallback_markup, fonts

AUTHOR = "vaerdispil"
CREATOR = "vaerdispil (Værdispillet)"

DUPLEX_PREFERENCE = {"long": "DuplexFlipLongEdge", "short": "DuplexFlipShortEdge",
                     "fold": "Simplex", None: "Simplex"}
"""The viewer preference that asks the print dialog for the right kind of printing."""

PAPER = {"a4": (210 * mm, 297 * mm), "letter": (8.5 * 72, 11 * 72)}
"""Page sizes in points: A4 595.28 x 841.89, Letter 612 x 792."""


class PrintError(Exception):
    """A PDF that cannot be made, with one line that says why and what to do."""


@dataclass(frozen=True)
class Rendered:
    """A finished PDF in memory."""

    data: bytes
    pages: int


def markup(text: str) -> str:
    """User text made safe for a reportlab Paragraph: `<`, `&` and quotes print literally.

    Paragraphs parse their text as markup and drop unknown tags silently, so every text
    that comes from a deck or a session goes through here. Blank lines separate
    paragraphs in the source; single line breaks are kept as line breaks.
    """
    escaped = escape(text.strip(), {'"': "&quot;", "'": "&#39;"})
    # Each line on its own: a name in Arabic script is shaped and set right to left.
    return "<br/>".join(fallback_markup(line.strip()) for line in escaped.splitlines())


def paragraphs(text: str) -> list[str]:
    """Split user text into paragraphs at blank lines, each made safe with `markup`."""
    blocks = [block for block in text.strip().split("\n\n") if block.strip()]
    return [markup(block) for block in blocks]


@dataclass(frozen=True)
class Metadata:
    """The document information of a PDF."""

    title: str
    subject: str
    language: str
    """A BCP 47 language tag, such as 'da' or 'en'."""
    keywords: tuple[str, ...] = ()
    author: str = AUTHOR


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], meta: Metadata,
               duplex: str | None = None) -> Canvas:
    """A canvas in invariant mode with title, author, subject, language and print settings.

    The viewer preferences ask for printing at actual size (PrintScaling None) and, for
    card sheets, the flip edge; viewers may ignore them, which is why the printables
    README says "actual size" as well.
    """
    configure_reportlab()
    canvas = Canvas(buffer, pagesize=pagesize, invariant=1, pageCompression=1,
                    lang=meta.language, initialFontName=FAMILY)
    apply_metadata(canvas, meta)
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    canvas.setViewerPreference("Duplex", DUPLEX_PREFERENCE[duplex])
    return canvas


def configure_reportlab() -> None:
    """Register the fonts and make streams binary (Flate only).

    reportlab wraps every compressed stream in ASCII85 by default, which makes files a
    quarter larger and, without its C accelerator, costs much of the time of a card
    sheet. The setting is global to reportlab; every PDF of vaerdispil wants it.
    """
    fonts()
    rl_config.useA85 = 0


def apply_metadata(canvas: Canvas, meta: Metadata) -> None:
    """Set the document information of a canvas (also used from platypus page callbacks)."""
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator(CREATOR)
    canvas.setKeywords(", ".join(meta.keywords))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to a temporary file next to `path`, then rename it into place.

    Raises PrintError with one line naming the path and the fix when it cannot be written.
    """
    try:
        return files.write_atomic(path, data, fix="choose another output file with -o")
    except files.OutputError as error:
        raise PrintError(str(error)) from error



GREY = Color(0.35, 0.35, 0.35)
"""The grey of page footers and quiet text in the guide, summary and report."""


def footer_line(canvas: Canvas, left: float, right: float, left_text: str,
                right_text: str) -> None:
    """The small grey line at the foot of a page: a name at `left`, "Side x af y" ending
    at `right`."""
    canvas.saveState()
    canvas.setFont(FAMILY, 8)
    canvas.setFillColor(GREY)
    canvas.drawString(left, 12 * mm, left_text)
    canvas.drawRightString(right, 12 * mm, right_text)
    canvas.restoreState()


def numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class for platypus that knows the page count when it draws each footer.

    Pages are kept until the document is saved, then `footer(canvas, page, pages)` draws
    "Page x of y" (or anything else that needs the total) on each.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas
