"""The session summary: the PDF the partners take home after a workshop.

A function from a workshop's `Outcome` (outcome.py) to the bytes of an A4 PDF, in
reportlab's invariant mode (the same session gives the same bytes): a cover, a
one-page overview, the value map, the vote, round by round, the actions to tick off,
disagreement and open questions, and a non-binding partnership agreement to sign.
Labels follow the session's language (labels.py); the sections are built in
summary_parts.py and summary_record.py.

Before anything is laid out, every text of the outcome is made printable (see
`printable`) and, for a summary that goes beyond the room, stripped of participants'
names (see `anonymised`).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache
from typing import Any, TypeVar

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate
from reportlab.platypus.flowables import Flowable

from ..outcome import Action, NoteRecord, Outcome, TurnRecord
from .common import CREATOR, Rendered, configure_reportlab, numbered_canvas
from .fonts import FAMILY, fonts
from .labels import labels_for
from .summary_parts import cover, overview, value_map, votes
from .summary_record import actions, agreement_page, open_questions, rounds
from .summary_style import BOTTOM_MARGIN, GREY, LEFT, MARGIN, PAGE, TOP_MARGIN, format_date

REPLACEMENT = "\ufffd"
"""What a character the font lacks prints as (U+FFFD REPLACEMENT CHARACTER)."""

T = TypeVar("T")


@dataclass(frozen=True)
class SummaryRendered(Rendered):
    """A summary PDF in memory, with the characters that had to be replaced."""

    replaced: tuple[str, ...] = ()
    """Characters of the session that the font lacks, printed as U+FFFD, in order seen."""


def render_summary(result: Outcome, anonymous: bool = False) -> SummaryRendered:
    """The summary of a workshop as an A4 PDF in the session's language.

    With `anonymous`, participants' names are left out everywhere: organisations only.
    """
    configure_reportlab()
    labels = labels_for(result.language)
    result, replaced = printable(result)  # first, so names and texts are both in NFC
    if anonymous:
        result = anonymised(result)
    title = result.title or labels["summary.untitled"]
    date = format_date(result.date, labels)
    where = ", ".join(part for part in (result.place, date) if part)
    buffer = io.BytesIO()
    counted = [0]
    footer_left = " · ".join(part for part in (title, date) if part)

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        counted[0] = pages
        for key, heading in getattr(canvas, "sections", ()):
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(heading, key, level=0)
        canvas.saveState()
        canvas.setFont(FAMILY, 8)
        canvas.setFillColor(GREY)
        number = labels["summary.page"].format(page=page, pages=pages)
        right = PAGE[0] - LEFT
        canvas.drawRightString(right, 12 * mm, number)
        room = right - LEFT - fonts().regular.width(number, 8) - 12
        if anonymous:
            note = labels["summary.anonymous"]
            canvas.drawCentredString(PAGE[0] / 2, 12 * mm, note)
            room = PAGE[0] / 2 - fonts().regular.width(note, 8) / 2 - LEFT - 12
        canvas.drawString(LEFT, 12 * mm, _cut(footer_left, room, 8))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=labels["summary.title"].format(title=title),
        author=result.facilitator or "vaerdispil", creator=CREATOR,
        subject=labels["summary.subject"].format(where=f" ({where})" if where else ""),
        keywords=["Værdispillet", result.deck.get("id", ""), result.place],
        invariant=1, pageCompression=1, lang=result.language, displayDocTitle=True,
        printScaling="None", initialFontName=FAMILY)
    document.build(list(_story(result, labels, anonymous)),
                   canvasmaker=_canvas_with_sections(footer))
    return SummaryRendered(buffer.getvalue(), counted[0], replaced)


ALONE = ("overview.heading", "agreement.heading")
"""Sections that always start a page: the overview, and the agreement (to print and sign)."""


def _story(result: Outcome, labels: dict[str, str], anonymous: bool) -> Iterable[Flowable]:
    sections: list[tuple[str, Callable[[Outcome, dict[str, str]], Iterable[Flowable]], bool]] = [
        ("overview.heading", overview, True),
        ("map.heading", value_map, True),
        ("votes.heading", votes, False),
        ("rounds.heading", rounds, True),
        ("actions.heading", actions, True),
        ("open.heading", open_questions, False),
        ("agreement.heading", agreement_page, True),
    ]
    yield from cover(result, labels, anonymous)
    for key, build, new_page in sections:
        flowables = list(build(result, labels))
        if not flowables:
            continue
        # The heading marks the section's start for the outline when it is drawn (so the
        # bookmark lands where the heading does, after any move to the next page).
        flowables[0].section = (key, labels[key])  # type: ignore[attr-defined]
        # A section that only says there is nothing to show does not take a page of its own.
        yield PageBreak() if new_page and (len(flowables) > 2 or key in ALONE) else _Gap()
        yield from flowables


class _Gap(Flowable):
    """Space between two sections that share a page (nothing at the top of a page)."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def getSpaceBefore(self) -> float:
        return 14.0

    def draw(self) -> None:
        pass


def _canvas_with_sections(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """The numbered canvas, plus each page's section starts, bookmarked when pages are final.

    Pages are held back until the page count is known, so a bookmark must be made then
    (in the footer), not when the heading is drawn.
    """
    base: Any = numbered_canvas(footer)

    class SummaryCanvas(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.sections: list[tuple[str, str]] = []
            """(key, heading) of the sections that start on the page being drawn."""

        def showPage(self) -> None:
            super().showPage()
            self.sections = []

    return SummaryCanvas


def _cut(value: str, width: float, size: float) -> str:
    face = fonts().regular
    if face.width(value, size) <= width:
        return value
    while value and face.width(value + "…", size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


# -- making every text printable ------------------------------------------------------


@lru_cache(maxsize=1)
def _printable_codepoints() -> frozenset[int]:
    """Characters every face of the font has (text may print regular, bold or italic)."""
    family = fonts()
    return (family.regular.codepoints & family.bold.codepoints & family.italic.codepoints
            & family.bold_italic.codepoints)


_JOINERS = frozenset([0x200D, *range(0xFE00, 0xFE10)])
"""Zero-width joiner and variation selectors: they only steer emoji and shaping, which the
font cannot do, so they are always left out."""


def printable(result: T) -> tuple[T, tuple[str, ...]]:
    """Every text of `result` in NFC, with characters the font lacks replaced by U+FFFD.

    Unlike the card sheets, which refuse a deck with such a character (the deck's author
    can fix the file and print again), the summary prints anyway: its texts were typed
    during the workshop, and the facilitator who presses one key afterwards must get a
    PDF to send, not an error. reportlab has no fallback font, so an unknown character
    would otherwise print as nothing or a wrong glyph; a visible U+FFFD says something
    was there, and the returned characters let the command line name them.
    Invisible formatting characters the font lacks, the zero-width joiner and the
    variation selectors of emoji are dropped rather than replaced.
    """
    have = _printable_codepoints() - _JOINERS
    replaced: dict[str, None] = {}

    def clean(value: str) -> str:
        value = unicodedata.normalize("NFC", value)
        lacking = set(map(ord, value)) - have
        if not lacking:
            return value
        out = []
        for char in value:
            if ord(char) not in lacking or char.isspace():
                out.append(char)
            elif ord(char) in _JOINERS or unicodedata.category(char) == "Cf":
                continue
            else:
                replaced[char] = None
                out.append(REPLACEMENT)
        return "".join(out)

    return _map_text(result, clean), tuple(replaced)


def _map_text(value: Any, change: Callable[[str], str]) -> Any:
    """`value` with `change` applied to every string inside it (dataclasses, lists, dicts)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_text(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _map_text(item, change) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _map_text(getattr(value, f.name), change)
                                 for f in fields(value)})
    return value


# -- leaving out participants' names --------------------------------------------------


def anonymised(result: Outcome) -> Outcome:
    """The outcome with participants' names left out: organisations only.

    Lists of participants go; a turn or a note is credited to the person's organisation;
    an action keeps its organisation and loses its person. Names also come out of the
    free texts (notes, reasons, agreed values, disagreement, actions, title, place): a
    participant's full name, and each part of it, is replaced where it stands as a whole
    word (case-sensitive) by the organisation in brackets, '[Netto]'. The facilitator is
    not a participant: as the sender of the summary, their name stays on the cover.
    """
    owners: dict[str, str] = {}
    for org in result.organisations:
        for person in org.participants:
            owners.setdefault(person, org.name)
    for record in [*result.turns, *result.notes]:
        if record.who and record.who != record.organisation:
            owners.setdefault(record.who, record.organisation)
    for action in result.actions:
        if action.person:
            owners.setdefault(action.person, action.organisation)
    scrub = _name_scrubber(owners)

    def turn(record: TurnRecord) -> TurnRecord:
        return replace(record, who=record.organisation)

    def note(record: NoteRecord) -> NoteRecord:
        return replace(record, who=record.organisation, text=scrub(record.text))

    def action(record: Action) -> Action:
        return replace(record, person="", what=scrub(record.what))

    organisations = [
        replace(org, participants=[],
                gives=[replace(pick, reason=scrub(pick.reason), value=scrub(pick.value))
                       for pick in org.gives],
                gets=[replace(pick, reason=scrub(pick.reason), value=scrub(pick.value))
                      for pick in org.gets])
        for org in result.organisations]
    agreements = [
        replace(agreed, text=scrub(agreed.text), values=[scrub(v) for v in agreed.values],
                dissent=[{**d, "text": scrub(d.get("text", ""))} for d in agreed.dissent])
        for agreed in result.agreements]
    votes = [replace(vote, tally=[{**row, "value": scrub(str(row["value"]))}
                                  for row in vote.tally]) for vote in result.votes]
    return replace(result, title=scrub(result.title), place=scrub(result.place),
                   organisations=organisations, agreements=agreements, votes=votes,
                   turns=[turn(t) for t in result.turns], notes=[note(n) for n in result.notes],
                   actions=[action(a) for a in result.actions])


_WORD = re.compile(r"\w+")


def _name_scrubber(owners: dict[str, str]) -> Callable[[str], str]:
    """A function that replaces participants' names in a text with '[organisation]'."""
    words: dict[str, str] = {}
    for name, org in owners.items():
        name = " ".join(name.split())
        if not name:
            continue
        words.setdefault(name, org)
        for part in name.split(" "):
            if len(part) > 1:
                words.setdefault(part, org)
    if not words:
        return lambda value: value
    ordered = sorted(words, key=len, reverse=True)  # "Aisha Ali" before "Aisha"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    parts = {part for name in words for part in _WORD.findall(name)}

    def scrub(value: str) -> str:
        # Most texts name nobody, and a set of their words shows it much faster than the
        # pattern does (a name can only stand in a text whose words include its own).
        if parts.isdisjoint(_WORD.findall(value)):
            return value
        return pattern.sub(lambda found: f"[{words[found.group(0)]}]" if words[found.group(0)]
                           else "[…]", value)

    return scrub
