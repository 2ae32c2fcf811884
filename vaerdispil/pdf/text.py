"""Text set straight onto the canvas: measured, broken into lines, long words hyphenated.

Card text never goes through reportlab's Paragraph: its markup parser is the slowest
part of making a card sheet, and plain strings drawn with text objects can never be
read as markup, so `<b>`, `&amp;` and quotes in a deck print exactly as written.

Long words are broken at syllable boundaries with a hyphen (Danish compounds such as
"samarbejdsaftale" are long); an author can also put soft hyphens (U+00AD) into a word
to choose the breaks. A word with no sensible break that is wider than a whole line
is cut where it must be, never clipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass
from typing import NamedTuple

from reportlab.pdfgen.canvas import Canvas

from .fonts import ASCENT, DESCENT, Face

SOFT_HYPHEN = "\u00ad"
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
"""Where words are split: not at no-break spaces (U+00A0), which keep words together."""
_LETTERS = re.compile(r"[^\W\d_]+")

_VOWELS = frozenset("aeiouyæøåéèêëáàâäíìîïóòôöúùûüœ")
_KEEP_TOGETHER = frozenset({"ch", "sh", "th", "ph", "gh"})
"""Consonant pairs that sound as one and go to the next line together (English)."""
_ONSETS = frozenset({"bl", "br", "dr", "fl", "fr", "gl", "gr", "hj", "hv", "kl", "kn", "kr", "kv",
                     "pl", "pr", "sk", "sl", "sm", "sn", "sp", "st", "sv", "tr", "tv",
                     "skr", "spl", "spr", "str"})
"""Consonant groups that begin words, and so may begin the second part of a compound."""

LONG_WORD = 0.5
"""A word wider than this share of the line is hyphenated instead of moved down whole."""
MIN_ROOM = 0.25
"""Hyphenate into the end of a line only if this share of the line is still free."""
PREFER_STRONG = 0.6
"""Take a break between the parts of a compound over a later syllable break if its head
is at least this share as wide ("beboerrådgivnings-medarbejder", not "...me-darbejder")."""


class Break(NamedTuple):
    """A place to break a word: the head to print (with its hyphen) and the tail."""

    head: str
    tail: str
    strong: bool
    """Between the parts of a compound (or at a hyphen the author wrote), not just a syllable."""


def syllable_breaks(run: str, language: str = "da") -> list[tuple[int, bool]]:
    """Positions inside a run of letters where a hyphen may go, and whether each is strong.

    Between two vowels one consonant goes to the next line ("ha-ve"), and of several the
    last one ("kunst-ner"), as the Danish consonant rule says. Compounds are guessed at:
    in Danish a linking s after another consonant ends the first part
    ("samarbejds-aftale", "kommunikations-medarbejder"), and a group that can begin a
    word goes to the next line whole ("fælles-spisning", "under-standing"). A lone
    consonant before an s and a vowel is never split off, because "bydel-saktivitet"
    reads wrong. At least three letters stay on either side.
    """
    low = run.lower()
    n = len(low)
    groups: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if low[i] in _VOWELS:
            start = i
            while i < n and low[i] in _VOWELS:
                i += 1
            groups.append((start, i))
        else:
            i += 1
    points = []
    for (_, end), (start, _) in zip(groups, groups[1:]):
        found = _cluster_break(low[end:start], linking_s=language == "da")
        if found is not None and 3 <= end + found[0] <= n - 3:
            points.append((end + found[0], found[1]))
    return points


def _cluster_break(cluster: str, linking_s: bool) -> tuple[int, bool] | None:
    """Where to break a group of consonants between two vowels (offset into the group),
    and whether the break is likely between the parts of a compound."""
    size = len(cluster)
    if size == 1:
        return 0, False
    if cluster[-2:] in _KEEP_TOGETHER:
        return size - 2, False
    if cluster[-2:] == "ck":
        return size, False
    if size == 2:
        return None if cluster[1] == "s" and cluster[0] != "s" else (1, False)
    for at in range(size - 1, 0 if linking_s else size, -1):
        rest = cluster[at + 1:]
        if cluster[at] == "s" and cluster[at - 1] != "s" and (len(rest) <= 1 or rest in _ONSETS):
            return at + 1, True
    for length in (3, 2):
        if size > length and cluster[-length:] in _ONSETS:
            return size - length, True
    return size - 1, False


def break_options(word: str, language: str = "da") -> list[Break]:
    """Ways to break `word`, the longest head first.

    The head carries the hyphen to print; soft hyphens are removed from both parts.
    An author's soft hyphens, when present, are the only syllable breaks used.
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
            if match.end() - match.start() < 6:
                continue
            for point, strong in syllable_breaks(match.group(), language):
                at = match.start() + point
                options[at] = Break(clean[:at] + "-", clean[at:], strong)
    for at, char in enumerate(clean):
        if char == "-" and 1 < at < len(clean) - 1 and clean[at + 1].isalnum():
            options[at + 1] = Break(clean[:at + 1], clean[at + 1:], True)
    return [options[at] for at in sorted(options, reverse=True)]


def _split_to_fit(word: str, face: Face, size: float, room: float,
                  language: str) -> tuple[str, str] | None:
    fitting = [option for option in break_options(word, language)
               if face.width(option.head, size) <= room]
    if not fitting:
        return None
    longest = face.width(fitting[0].head, size)
    for option in fitting:
        if option.strong and face.width(option.head, size) >= PREFER_STRONG * longest:
            return option.head, option.tail
    return fitting[0].head, fitting[0].tail


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
            split = _split_to_fit(word, face, size, room, language)
            if split is None and not line:
                split = _cut_to_fit(word, face, size, room)
            if split is not None:
                line.append(split[0])
                queue.appendleft(split[1])
                lines.append(" ".join(line))
                line, used, avail = [], 0.0, width
                continue
        if line:
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
    """Lines of text in one face and size, ready to draw; `lead` is a label before line one."""

    lines: tuple[str, ...]
    face: Face
    size: float
    leading: float
    lead: str = ""
    lead_face: Face | None = None
    indent: float = 0.0

    @property
    def height(self) -> float:
        """The height from the top of the first line to the bottom of the last."""
        if not self.lines:
            return 0.0
        return (ASCENT + DESCENT) * self.size + (len(self.lines) - 1) * self.leading

    def draw(self, canvas: Canvas, x: float, top: float, align: str = "left") -> None:
        """Draw the block with the top of its first line at `top`.

        With align "centre", `x` is the centre of every line (the lead is not drawn).
        """
        if not self.lines:
            return
        baseline = top - ASCENT * self.size
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
