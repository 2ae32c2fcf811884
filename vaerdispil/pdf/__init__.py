"""Printable PDFs: card sheets, the duplex test page and the facilitator guide.

Each is a function from a deck (and options) to the bytes of a PDF, in reportlab's
invariant mode, so the same input gives the same bytes; `common.write_atomic` puts the
bytes on disk. Shared pieces for later PDFs (the session summary): `fonts` (the embedded
DejaVu Sans and its character check), `text` (line breaking with hyphenation) and
`common` (errors, escaping for Paragraph, metadata, numbered pages, safe writing).
Nothing here imports Textual.
"""

from .calibration import render_calibration
from .cards import CardOptions, MissingGlyphError, render_cards
from .cardface import CardFitError
from .common import PrintError, Rendered, write_atomic
from .guide import render_guide

__all__ = ["CardFitError", "CardOptions", "MissingGlyphError", "PrintError", "Rendered",
           "render_calibration", "render_cards", "render_guide", "write_atomic"]
