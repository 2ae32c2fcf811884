"""The embedded font: DejaVu Sans in four faces, registered with reportlab once.

The TrueType files ship inside the package (vaerdispil/fonts/), so the PDFs look the
same on every machine, and every character is checked against the font's own table
of characters: reportlab has no fallback font, so a missing character would otherwise
print as an empty box.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "VaerdispilSans"
"""The family name the fonts are registered under (Paragraph markup uses it too)."""

FONT_LABEL = "DejaVu Sans"
"""The font's real name, for messages."""

_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}

ASCENT = 0.93
"""Height above the baseline, in em, that covers accented capitals such as Å."""
DESCENT = 0.24
"""Depth below the baseline, in em."""


def fonts_dir() -> Path:
    """The folder of the bundled font files, inside the installed package."""
    return Path(str(resources.files("vaerdispil"))) / "fonts"


@dataclass(frozen=True)
class Face:
    """One registered face: its reportlab name, widths and the characters it has."""

    name: str
    widths: dict[int, float]
    """Advance widths in 1/1000 em, by code point."""
    default_width: float
    codepoints: frozenset[int]
    _cache: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def has(self, char: str) -> bool:
        """Whether the face can print this character."""
        return ord(char) in self.codepoints or char.isspace()

    def width(self, text: str, size: float) -> float:
        """The width of `text` at `size` points (words are measured once and remembered)."""
        units = self._cache.get(text)
        if units is None:
            get = self.widths.get
            default = self.default_width
            units = sum(get(ord(char), default) for char in text)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[text] = units
        return units * 0.001 * size


@dataclass(frozen=True)
class Fonts:
    """The four faces of the family."""

    regular: Face
    bold: Face
    italic: Face
    bold_italic: Face


_lock = threading.Lock()
_fonts: Fonts | None = None


def fonts() -> Fonts:
    """Register the bundled faces with reportlab (once, thread-safe) and return them."""
    global _fonts
    with _lock:
        if _fonts is None:
            folder = fonts_dir()
            faces = {}
            for style, filename in _FILES.items():
                suffix = style.title().replace("_", "")
                name = FAMILY if style == "regular" else f"{FAMILY}-{suffix}"
                font = TTFont(name, str(folder / filename))
                pdfmetrics.registerFont(font)
                face = font.face
                faces[style] = Face(name, dict(face.charWidths), float(face.defaultWidth),
                                    frozenset(face.charToGlyph))
            pdfmetrics.registerFontFamily(FAMILY, normal=faces["regular"].name,
                                          bold=faces["bold"].name, italic=faces["italic"].name,
                                          boldItalic=faces["bold_italic"].name)
            # Paragraph markup (<b>, <i>) in the guide looks the family up through these.
            addMapping(FAMILY, 0, 0, faces["regular"].name)
            addMapping(FAMILY, 1, 0, faces["bold"].name)
            addMapping(FAMILY, 0, 1, faces["italic"].name)
            addMapping(FAMILY, 1, 1, faces["bold_italic"].name)
            _fonts = Fonts(**faces)
        return _fonts


def clear_width_cache() -> None:
    """Forget the measured words (benchmarks start each run cold)."""
    if _fonts is not None:
        for face in (_fonts.regular, _fonts.bold, _fonts.italic, _fonts.bold_italic):
            face._cache.clear()


def missing_chars(text: str, face: Face) -> list[str]:
    """The distinct characters of `text` that `face` cannot print, in order of appearance."""
    lacking = set(map(ord, text)) - face.codepoints
    if not lacking:
        return []
    return [char for char in dict.fromkeys(text) if ord(char) in lacking and not char.isspace()]


def describe_char(char: str) -> str:
    """A character as people can find it: 'U+1F680 (ROCKET)'."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
