"""The README's pictures of the two-language cards: the first sheet of each ready-made
printables/vaerdispil-da-LANG-cards-a4-duplex-long.pdf, drawn with pdftoppm.

    .venv/bin/python docs/two_language_cards.py        (writes docs/cards-da-*.png)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = ("ar", "fa", "ur", "so", "tr", "uk")


def main() -> None:
    for language in LANGUAGES:
        source = HERE.parent / "printables" / f"vaerdispil-da-{language}-cards-a4-duplex-long.pdf"
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile",
                        str(source), str(HERE / f"cards-da-{language}")], check=True)


if __name__ == "__main__":
    main()
