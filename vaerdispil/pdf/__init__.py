"""Printable PDFs: card sheets, the duplex test page and the facilitator guide.

Each is a function from a deck (and options) to the bytes of a PDF, in reportlab's
invariant mode, so the same input gives the same bytes; `common.write_atomic` puts the
bytes on disk. Shared pieces for later PDFs (the session summary): `fonts` (the embedded
DejaVu Sans and its character check), `text` (line breaking, words hyphenated by pyphen's
dictionaries) and `common` (errors, escaping for Paragraph, metadata, numbered pages,
safe writing). A card sheet's parts: `layout` (grid, marks, bleed), `cardface` (one
card), `symbols` (signs that read in grey), `sheetlabel` (the sheet's number and side).
Nothing here imports Textual.
"""

from importlib import import_module
from typing import Any

_WHERE = {
    "render_calibration": "calibration", "CardOptions": "cards",
    "MissingGlyphError": "cards", "render_cards": "cards", "CardFitError": "cardface",
    "UnknownCardError": "cards", "cards_to_print": "cards",
    "PrintError": "common", "Rendered": "common", "write_atomic": "common",
    "render_guide": "guide",
}
"""Where each public name lives: imported when first used, so that a command needing one
PDF (or none: a CSV report) does not load them all."""

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
