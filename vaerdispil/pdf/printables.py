"""The ready-made PDFs in printables/: regenerate them all in one step.

    python -m vaerdispil.pdf.printables [FOLDER]      (default: ./printables)

Run it from the repository root after changing a bundled deck or the PDF code; a test
(tests/test_printables.py) fails while the committed files differ from what this makes.
Output is byte-identical for the same decks, code and reportlab version. Where pdftoppm
(poppler-utils) is installed, it also draws the README's picture of a sheet of cards,
PREVIEW: one card of each category and a question, from the Danish main deck.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
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
SHOP_DECKS = ("vaerdispil",)
GUIDE_ONLY = ("opfoelgning",)
"""Decks whose guide alone is ready-made: the follow-up meeting's value cards are the main
deck's (print its own questions with: print cards --deck opfoelgning --cards ID,ID)."""
"""Decks that also get a PDF for a print shop (one card a page, 3 mm bleed)."""
SECOND_LANGUAGES = ("ar", "fa", "ur", "so", "tr", "uk")
"""The residents' languages the main deck is ready-made in, beside the Danish."""
PREVIEW = "preview-vaerdispil-da-cards.png"
PREVIEW_DPI = 70


def _cards(deck_id: str, language: str, duplex: str) -> Rendered:
    return render_cards(resolve_deck(deck_id, language), CardOptions(duplex=duplex))


def _shop(deck_id: str, language: str) -> Rendered:
    return render_cards(resolve_deck(deck_id, language), CardOptions(per_page=1))


def _two_languages(deck_id: str, second: str) -> Rendered:
    deck = resolve_deck(deck_id, "da")
    return render_cards(deck, CardOptions(duplex="long", second=resolve_deck(deck_id, second)))


def preview_sheet() -> Rendered:
    """A sheet with the first card of each category and the first question: what the
    README shows."""
    deck = resolve_deck("vaerdispil", "da")
    chosen = [next(card.id for card in deck.cards if card.category == category.id)
              for category in deck.categories]
    chosen += [card.id for card in deck.cards if card.kind.value == "question"][:1]
    return render_cards(deck, CardOptions(cards=tuple(chosen[:9]), backs=False))


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
            if deck_id in SHOP_DECKS:
                made[f"{deck_id}-{language}-cards-poker-print-shop.pdf"] = partial(
                    _shop, deck_id, language)
    for second in SECOND_LANGUAGES:
        made[f"vaerdispil-da-{second}-cards-a4-duplex-long.pdf"] = partial(
            _two_languages, "vaerdispil", second)
    for deck_id in GUIDE_ONLY:
        for language in LANGUAGES:
            made[f"{deck_id}-{language}-guide.pdf"] = partial(_guide, deck_id, language)
    for language in LANGUAGES:
        made[f"calibration-a4-long-{language}.pdf"] = partial(
            render_calibration, "a4", "long", language)
    return made


def regenerate(folder: Path) -> list[Path]:
    """Write every printable into `folder` (created if missing); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(folder / name, make().data) for name, make in printables().items()]


def write_preview(folder: Path) -> Path | None:
    """Draw PREVIEW into `folder` with pdftoppm; None if pdftoppm is not installed."""
    if shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "preview.pdf"
        source.write_bytes(preview_sheet().data)
        subprocess.run(["pdftoppm", "-r", str(PREVIEW_DPI), "-png", "-singlefile", str(source),
                        str(Path(scratch) / "preview")], check=True, capture_output=True)
        return write_atomic(folder / PREVIEW, (Path(scratch) / "preview.png").read_bytes())


def main(argv: list[str] | None = None) -> int:
    """Regenerate the printables; the folder is the first argument (default: printables)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "printables")
    for path in regenerate(folder):
        print(f"wrote {path}")
    preview = write_preview(folder)
    print(f"wrote {preview}" if preview else
          f"left {folder / PREVIEW} as it was: pdftoppm (poppler-utils) is not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
