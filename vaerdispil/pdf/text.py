"""Text set straight onto the canvas: measured, broken into lines, long words hyphenated.

Card text never goes through reportlab's Paragraph: its markup parser is the slowest
part of making a card sheet, and plain strings drawn with text objects can never be
read as markup, so `<b>`, `&amp;` and quotes in a deck print exactly as written.

Long words are broken with a hyphen where the language's hyphenation dictionary allows
(LibreOffice's Danish and English patterns, through pyphen), never with fewer than three
letters on either side; Danish compounds such as "samarbejdsaftale" are long. An author
can put soft hyphens (U+00AD) into a word to choose its breaks, and they win. A word
with no allowed break that is wider than a whole line is cut where it must be, never
clipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pyphen
from reportlab.pdfgen.canvas import Canvas

from .fonts import ASCENT, DESCENT, Face

SOFT_HYPHEN = "\u00ad"
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
"""Where words are split: not at no-break spaces (U+00A0), which keep words together."""
_LETTERS = re.compile(r"[^\W\d_]+")

_VOWELS = frozenset("aeiouyæøåéèêëáàâäíìîïóòôöúùûüœ")

HYPHENATION = {"da": "da_DK", "en": "en_GB"}
"""The pyphen dictionary for a deck's language; other languages get pyphen's own match
for the language, if it has one, and otherwise no breaks but the author's."""
EDGE_LETTERS = 3
"""A break leaves at least this many letters on either side."""

LONG_WORD = 0.5
"""A word wider than this share of the line is hyphenated instead of moved down whole."""
MIN_ROOM = 0.25
"""Hyphenate into the end of a line only if this share of the line is still free."""
MIN_HEAD = 0.5
"""A word that would fit on the next line is broken between syllables only if at least
this share of its letters stays on this one: "ple-jehjemmet" moves down whole."""
PREFER_STRONG = 0.6
"""Take a break at a compound's seam or an author's hyphen over a later break if its head
is at least this share as wide ("helheds-planen", not "helhedspla-nen")."""


class Break(NamedTuple):
    """A place to break a word: the head to print (with its hyphen) and the tail."""

    head: str
    tail: str
    strong: bool
    """At a hyphen or soft hyphen the author wrote, or at what looks like the seam of a
    compound; not just between two syllables."""


@lru_cache(maxsize=16)
def _dictionary(language: str) -> pyphen.Pyphen | None:
    name = HYPHENATION.get(language) or pyphen.language_fallback(language)
    if name is None:
        return None
    return pyphen.Pyphen(lang=name, left=EDGE_LETTERS, right=EDGE_LETTERS)


def hyphenation_dictionary(language: str) -> str | None:
    """The name of the pyphen dictionary used for `language` (None: breaks at the author's
    hyphens only)."""
    return HYPHENATION.get(language) or pyphen.language_fallback(language)


@lru_cache(maxsize=65536)
def syllable_breaks(run: str, language: str = "da") -> tuple[int, ...]:
    """Positions inside a run of letters where the language's dictionary allows a hyphen.

    The dictionaries are LibreOffice's (through pyphen). At least three letters stay on
    either side. Where the dictionary allows two breaks next to each other ("me-d-ar"
    in "samarbejdsmedarbejder"), only the later one is kept: "med-arbejder" reads
    right, "me-darbejder" does not.
    """
    dictionary = _dictionary(language)
    if dictionary is None or len(run) < 2 * EDGE_LETTERS:
        return ()
    points = [int(point) for point in dictionary.positions(run) if not point.data]
    return tuple(point for point in points if point + 1 not in points)


def _between_parts(head: str, tail: str, language: str) -> bool:
    """Whether a dictionary break looks like the seam of a Danish compound: after a
    linking s that follows a consonant ("helheds-planen", "afdelings-mødet")."""
    head = head.lower()
    return (language == "da" and head[-1] == "s" and head[-2] not in _VOWELS
            and tail[0].lower() not in _VOWELS)


def break_options(word: str, language: str = "da") -> list[Break]:
    """Ways to break `word`, the longest head first.

    The head carries the hyphen to print; soft hyphens are removed from both parts.
    An author's soft hyphens, when present, are the only breaks inside words; a hyphen
    the author wrote is always a break (without a second hyphen).
    """
    options: dict[int, Break] = {}
    if SOFT_HYPHEN in word:
        parts = word.split(SOFT_HYPHEN)
        for k in range(1, len(parts)):
            head, tail = "".join(parts[:k]), "".join(parts[k:])
            if head and tail:
                options[len(head)] = Break(head + "-", tail, True)
        clean = word.replace(SOFT_HYPHEN, "")
    else:
        clean = word
        for match in _LETTERS.finditer(clean):
            if match.end() - match.start() < 2 * EDGE_LETTERS:
                continue
            run = match.group()
            for point in syllable_breaks(run, language):
                at = match.start() + point
                options[at] = Break(clean[:at] + "-", clean[at:],
                                    _between_parts(run[:point], run[point:], language))
    for at, char in enumerate(clean):
        if (char == "-" and clean[at + 1:at + 2].isalnum()
                and min(_letter_count(clean[:at]), _letter_count(clean[at:])) >= EDGE_LETTERS):
            options[at + 1] = Break(clean[:at + 1], clean[at + 1:], True)
    return [options[at] for at in sorted(options, reverse=True)]


def clear_hyphenation_cache() -> None:
    """Forget the words already looked up (benchmarks start each run cold)."""
    syllable_breaks.cache_clear()
    for dictionary in pyphen.hdcache.values():
        dictionary.cache.clear()


def _split_to_fit(word: str, face: Face, size: float, room: float, language: str,
                  optional: bool = False) -> tuple[str, str] | None:
    """The longest head of `word` that fits in `room` (an author's hyphen preferred);
    when the break is `optional`, none but a seam that leaves less than MIN_HEAD."""
    fitting = [option for option in break_options(word, language)
               if face.width(option.head, size) <= room]
    if optional:
        letters = _letter_count(word)
        fitting = [option for option in fitting
                   if option.strong or _letter_count(option.head) >= MIN_HEAD * letters]
    if not fitting:
        return None
    longest = face.width(fitting[0].head, size)
    for option in fitting:
        if option.strong and face.width(option.head, size) >= PREFER_STRONG * longest:
            return option.head, option.tail
    return fitting[0].head, fitting[0].tail


def _letter_count(text: str) -> int:
    return sum(len(run) for run in _LETTERS.findall(text))


def _cut_to_fit(word: str, face: Face, size: float, room: float) -> tuple[str, str]:
    """Cut a word with no usable break where it must be (at least one character)."""
    clean = word.replace(SOFT_HYPHEN, "")
    for at in range(len(clean) - 1, 0, -1):
        head = clean[:at] + "-"
        if face.width(head, size) <= room:
            return head, clean[at:]
    return clean[:1], clean[1:]


def wrap(text: str, face: Face, size: float, width: float, indent: float = 0.0,
         language: str = "da", eager: bool = True) -> list[str]:
    """Break `text` into lines no wider than `width` (the first line `indent` narrower).

    A word wider than the line is always hyphenated; with `eager`, so is a long word that
    would leave much of a line empty (for running text, not for titles).
    """
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    avail = width - indent
    space = face.width(" ", size)
    queue = deque(word for word in _SPACES.split(text.strip()) if word)
    while queue:
        word = queue.popleft()
        shown = word.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in word else word
        word_width = face.width(shown, size)
        need = used + space + word_width if line else word_width
        if need <= avail + 1e-6:
            line.append(shown)
            used = need
            continue
        room = avail - used - space if line else avail
        long_word = eager and word_width > LONG_WORD * width and room >= MIN_ROOM * width
        if word_width > avail or long_word:
            split = _split_to_fit(word, face, size, room, language,
                                  optional=word_width <= width)
            if split is None and not line and word_width > width:
                split = _cut_to_fit(word, face, size, room)
            if split is not None:
                line.append(split[0])
                queue.appendleft(split[1])
                lines.append(" ".join(line))
                line, used, avail = [], 0.0, width
                continue
        if line or avail < width:  # after a lead, the first line may stay empty
            lines.append(" ".join(line))
            line, used, avail = [], 0.0, width
            queue.appendleft(word)
            continue
        line.append(shown)  # pragma: no cover - _cut_to_fit always splits an empty line
        used = word_width
    if line:
        lines.append(" ".join(line))
    return lines


@dataclass(frozen=True)
class Block:
    """Lines of text in one face and size, ready to draw; `lead` is a label before line one.

    A right-to-left block (set_rtl_block) holds its lines shaped and in visual order, set
    flush right in a box `box` wide; what its face lacks (Latin letters in a Danish name,
    brackets) is drawn in `other`."""

    lines: tuple[str, ...]
    face: Face
    size: float
    leading: float
    lead: str = ""
    lead_face: Face | None = None
    indent: float = 0.0
    rtl: bool = False
    other: Face | None = None
    box: float = 0.0

    @property
    def height(self) -> float:
        """The height from the top of the first line to the bottom of the last."""
        if not self.lines:
            return 0.0
        return (ASCENT + DESCENT) * self.size + (len(self.lines) - 1) * self.leading

    def width(self) -> float:
        """The width of the widest line (the first with its indent)."""
        if self.rtl:
            return max((mixed_width(line, self.face, self.other, self.size)
                        for line in self.lines), default=0.0)
        widths = [self.face.width(line, self.size) for line in self.lines]
        if widths:
            widths[0] += self.indent
        return max(widths, default=0.0)

    def draw(self, canvas: Canvas, x: float, top: float, align: str = "left") -> None:
        """Draw the block with the top of its first line at `top`.

        With align "centre", `x` is the centre of every line (the lead is not drawn).
        """
        if not self.lines:
            return
        baseline = top - ASCENT * self.size
        if self.rtl:
            for number, line in enumerate(self.lines):
                line_width = mixed_width(line, self.face, self.other, self.size)
                start = x - line_width / 2 if align == "centre" else x + self.box - line_width
                self._draw_runs(canvas, line, start, baseline - number * self.leading)
            return
        if align == "centre":
            text = canvas.beginText(x, baseline)
            text.setFont(self.face.name, self.size, self.leading)
            for number, line in enumerate(self.lines):
                half = self.face.width(line, self.size) / 2
                text.setTextOrigin(x - half, baseline - number * self.leading)
                text.textOut(line)
            canvas.drawText(text)
            return
        if self.lead and self.lead_face is not None:
            label = canvas.beginText(x, baseline)
            label.setFont(self.lead_face.name, self.size)
            label.textOut(self.lead)
            canvas.drawText(label)
        text = canvas.beginText(x + self.indent, baseline)
        text.setFont(self.face.name, self.size, self.leading)
        text.textLine(self.lines[0])
        if len(self.lines) > 1:
            text.setTextOrigin(x, baseline - self.leading)
            for line in self.lines[1:]:
                text.textLine(line)
        canvas.drawText(text)


    def _draw_runs(self, canvas: Canvas, line: str, x: float, baseline: float) -> None:
        """One visual line, left to right, each run in the face that has its characters."""
        text = canvas.beginText(x, baseline)
        for face, run in face_runs(line, self.face, self.other):
            text.setFont(face.name, self.size)
            text.textOut(run)
        canvas.drawText(text)


def face_runs(line: str, face: Face, other: Face | None) -> list[tuple[Face, str]]:
    """`line` cut into runs by the face that prints them: `face` where it has the
    character, else `other` (spaces stay with the run they are in)."""
    runs: list[tuple[Face, str]] = []
    for char in line:
        chosen = face if other is None or face.has(char) else other
        if runs and (runs[-1][0] is chosen or char == " "):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return runs


def mixed_width(text: str, face: Face, other: Face | None, size: float) -> float:
    """The width of `text` drawn as face_runs draws it."""
    return sum(run_face.width(run, size) for run_face, run in face_runs(text, face, other))


RTL_LANGUAGES = frozenset(("ar", "fa", "ur", "ps", "ckb", "he", "yi"))
"""Languages written right to left."""


def shape_line(text: str) -> str:
    """A line of right-to-left text as drawn: Arabic letters in their joined forms, and
    the whole in visual order (numbers and Latin words inside keep their own order)."""
    import arabic_reshaper
    from bidi.algorithm import get_display  # the Python one mirrors brackets; the Rust one does not

    return str(get_display(arabic_reshaper.reshape(text), base_dir="R"))


def set_rtl_block(text: str, face: Face, other: Face, size: float, width: float,
                  leading: float = 1.22) -> tuple[Block, bool]:
    """Right-to-left text set in lines no wider than `width`: broken between words in
    reading order (never inside a word: Arabic script takes no hyphens), then each line
    shaped and put in visual order. Returns the block and whether every word fitted
    (a word wider than the line needs a smaller size)."""
    text = unicodedata.normalize("NFC", text)
    words = [word for word in _SPACES.split(text.strip()) if word]
    space = mixed_width(" ", face, other, size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    fits = True
    for word in words:
        word_width = mixed_width(shape_line(word), face, other, size)
        fits = fits and word_width <= width + 1e-6
        need = used + space + word_width if line else word_width
        if line and need > width + 1e-6:
            lines.append(" ".join(line))
            line, need = [], word_width
        line.append(word)
        used = need
    if line:
        lines.append(" ".join(line))
    shaped = tuple(shape_line(each) for each in lines)
    return Block(shaped, face, size, leading * size, rtl=True, other=other, box=width), fits


def set_block(text: str, face: Face, size: float, width: float, leading: float = 1.22,
              lead: str = "", lead_face: Face | None = None, language: str = "da",
              eager: bool = True) -> Block:
    """Wrap `text` into a Block; `leading` is a multiple of the size (see `wrap`)."""
    text = unicodedata.normalize("NFC", text)
    indent = 0.0
    if lead and lead_face is not None:
        indent = lead_face.width(lead + " ", size)
    lines = tuple(wrap(text, face, size, width, indent, language, eager)) if text.strip() else ()
    if lead and not lines:
        lines = ("",)
    return Block(lines, face, size, leading * size, lead, lead_face, indent)


def fit_line(text: str, face: Face, size: float, width: float) -> str:
    """`text` on one line, shortened with an ellipsis if it is too wide (for footers)."""
    text = unicodedata.normalize("NFC", text)
    if face.width(text, size) <= width:
        return text
    while text and face.width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
