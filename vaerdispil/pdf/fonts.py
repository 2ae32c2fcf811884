"""The embedded font: DejaVu Sans in four faces, registered with reportlab once.

The TrueType files ship inside the package (vaerdispil/fonts/), so the PDFs look the
same on every machine, and every character is checked against the font's own table
of characters: reportlab has no fallback font, so a missing character would otherwise
print as an empty box.
"""

from __future__ import annotations

import re
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


# -- other scripts ----------------------------------------------------------------------

ARABIC_FAMILY = "VaerdispilArabic"
"""The family for Arabic script (Arabic, Urdu, Persian, Sorani...): Noto Sans Arabic."""

_ARABIC_FILES = {"regular": "NotoSansArabic-Regular.ttf", "bold": "NotoSansArabic-Bold.ttf"}

_ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_RUN = re.compile(f"[{_ARABIC_LETTERS}]+(?:[ \u00a0\u060c.,:;!?()0-9-]+[{_ARABIC_LETTERS}]+)*")
"""A stretch of Arabic-script words (with the spaces and punctuation between them), which
is shaped and laid out right to left as one."""

_arabic: Fonts | None = None


def arabic_fonts() -> Fonts:
    """Register the Arabic-script faces (once, thread-safe): bold for bold, regular for
    italic (the script has no italic), so <b> and <i> work inside a name too."""
    global _arabic
    fonts()  # the main family first: its lock, its mappings
    with _lock:
        if _arabic is None:
            folder = fonts_dir()
            faces = {}
            for style, filename in _ARABIC_FILES.items():
                name = ARABIC_FAMILY if style == "regular" else f"{ARABIC_FAMILY}-Bold"
                font = TTFont(name, str(folder / filename))
                pdfmetrics.registerFont(font)
                faces[style] = Face(name, dict(font.face.charWidths),
                                    float(font.face.defaultWidth),
                                    frozenset(font.face.charToGlyph))
            pdfmetrics.registerFontFamily(ARABIC_FAMILY, normal=faces["regular"].name,
                                          bold=faces["bold"].name,
                                          italic=faces["regular"].name,
                                          boldItalic=faces["bold"].name)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(ARABIC_FAMILY, bold, italic,
                               faces["bold" if bold else "regular"].name)
            _arabic = Fonts(faces["regular"], faces["bold"], faces["regular"], faces["bold"])
        return _arabic


def printable_codepoints() -> frozenset[int]:
    """Characters that print in every face, through the fallback chain: the main family,
    then Arabic script (shaped before it is drawn)."""
    main, arabic = fonts(), arabic_fonts()
    return ((main.regular.codepoints & main.bold.codepoints & main.italic.codepoints
             & main.bold_italic.codepoints)
            | (arabic.regular.codepoints & arabic.bold.codepoints))


def shape_arabic(run: str) -> str:
    """An Arabic-script run as it must be drawn: letters joined (presentation forms) and
    in visual order, right to left (reportlab draws left to right and does no shaping)."""
    import arabic_reshaper
    from bidi.algorithm import get_display  # the Python one mirrors brackets; the Rust one does not

    return str(get_display(arabic_reshaper.reshape(run), base_dir="R"))


def fallback_markup(escaped: str) -> str:
    """Paragraph markup (already escaped) with each Arabic-script run shaped and set in
    the Arabic face; text in the main family's scripts is left as it is."""
    if not ARABIC_RUN.search(escaped):
        return escaped
    arabic_fonts()
    return ARABIC_RUN.sub(
        lambda found: f'<font name="{ARABIC_FAMILY}">{shape_arabic(found.group())}</font>',
        escaped)


_FALLBACK_TAG = re.compile(rf'<font name="{ARABIC_FAMILY}">|<(/?)(b|strong)>')


def bold_fallbacks(text: str, bold: bool = False) -> str:
    """Paragraph markup with each Arabic-script run in the bold face where the text
    around it is bold (inside <b>, or a bold style): a <font name> tag in reportlab
    resets bold, so the bold face is named outright."""
    if not isinstance(text, str) or ARABIC_FAMILY not in text:
        return text
    depth = 1 if bold else 0

    def swap(found: re.Match[str]) -> str:
        nonlocal depth
        if found.group(2):  # <b>, </b>, <strong>, </strong>
            depth += -1 if found.group(1) else 1
            return found.group()
        return f'<font name="{ARABIC_FAMILY}-Bold">' if depth > 0 else found.group()

    return _FALLBACK_TAG.sub(swap, text)
