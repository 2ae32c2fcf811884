"""The ready-made PDFs in printables/: regenerate them all in one step.

    python -m vaerdispil.pdf.printables [FOLDER]      (default: ./printables)

Run it from the repository root after changing a bundled deck or the PDF code; a test
(tests/test_printables.py) fails while the committed files differ from what this makes.
Output is byte-identical for the same decks, code and reportlab version.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..deck.catalog import resolve_deck
from .calibration import render_calibration
from .cards import CardOptions, render_cards
from .common import Rendered, write_atomic
from .guide import render_guide

BUNDLED = ("vaerdispil", "vaerdispil-kort", "kommune-helhedsplan", "civilsamfund", "medborgercenter")
LANGUAGES = ("da", "en")
COMMAND = "python -m vaerdispil.pdf.printables printables"
"""How to regenerate the printables, from the repository root."""


def _cards(deck_id: str, language: str, duplex: str) -> Rendered:
    return render_cards(resolve_deck(deck_id, language), CardOptions(duplex=duplex))


def _guide(deck_id: str, language: str) -> Rendered:
    return render_guide(resolve_deck(deck_id, language))


def printables() -> dict[str, Callable[[], Rendered]]:
    """Every printable by file name, with the function that makes it."""
    made: dict[str, Callable[[], Rendered]] = {}
    for deck_id in BUNDLED:
        for language in LANGUAGES:
            made[f"{deck_id}-{language}-cards-a4-duplex-long.pdf"] = partial(
                _cards, deck_id, language, "long")
            made[f"{deck_id}-{language}-cards-a4-fold.pdf"] = partial(
                _cards, deck_id, language, "fold")
            made[f"{deck_id}-{language}-guide.pdf"] = partial(_guide, deck_id, language)
    for language in LANGUAGES:
        made[f"calibration-a4-long-{language}.pdf"] = partial(
            render_calibration, "a4", "long", language)
    return made


def regenerate(folder: Path) -> list[Path]:
    """Write every printable into `folder` (created if missing); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(folder / name, make().data) for name, make in printables().items()]


def main(argv: list[str] | None = None) -> int:
    """Regenerate the printables; the folder is the first argument (default: printables)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "printables")
    for path in regenerate(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
