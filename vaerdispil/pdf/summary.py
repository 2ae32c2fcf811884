"""The session summary: the PDF the partners take home after a workshop.

A function from a workshop's `Outcome` (outcome.py) to the bytes of an A4 PDF, in
reportlab's invariant mode (the same session gives the same bytes): a cover, the
overview, the value map, the vote, round by round, the actions to tick off,
disagreement and open questions, and a non-binding partnership agreement to sign.
The sections follow each other on the page (no page is left half empty for a short
section); the agreement alone starts a page, and repeats its title on any page after
that. Labels follow the session's language (labels.py); the sections are built in
summary_parts.py and summary_record.py.

Before anything is laid out, every text of the outcome is made printable (see
`printable`) and, for a summary that goes beyond the room, stripped of people's names
(see `anonymised`).
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
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.flowables import Flowable

from ..outcome import Action, NoteRecord, Outcome, TurnRecord
from .common import AUTHOR, CREATOR, Rendered, configure_reportlab, numbered_canvas
from .fonts import FAMILY, fonts, printable_codepoints
from .labels import labels_for
from .summary_parts import cover, overview, value_map, votes
from .summary_record import actions, agreement_page, open_questions, rounds
from .summary_style import (
    BOTTOM_MARGIN,
    FRAME_PADDING,
    GREY,
    LEFT,
    MARGIN,
    PAGE,
    STYLES,
    TOP_MARGIN,
    WIDTH,
    KeepWithStart,
    Para,
    format_date,
)
from .summary_then import then_and_now

REPLACEMENT = "\u25a1"
"""What a character no font of the PDF has prints as: U+25A1 WHITE SQUARE, the box that
stands for a missing character (not U+FFFD, which looks like broken text)."""

NEUTRAL_AUTHOR = "Værdispillet"
"""The PDF's author when names are left out (otherwise the facilitator's name)."""

CONTINUED_HEIGHT = 12 * mm
"""Room at the top of an agreement page after the first, for the repeated title."""

T = TypeVar("T")


@dataclass(frozen=True)
class SummaryRendered(Rendered):
    """A summary PDF in memory, with the characters that had to be replaced."""

    replaced: tuple[str, ...] = ()
    """Characters of the session that the font lacks, printed as REPLACEMENT, in order seen."""


def render_summary(result: Outcome, anonymous: bool = False) -> SummaryRendered:
    """The summary of a workshop as an A4 PDF in the session's language.

    With `anonymous`, the names of participants and facilitator are left out everywhere
    (text, metadata, outline): organisations only.
    """
    configure_reportlab()
    labels = labels_for(result.language)
    result, replaced = printable(result)  # first, so names and texts are both in NFC
    if anonymous:
        result = anonymised(result, labels["cover.facilitator"])
    title = result.title or labels["summary.untitled"]
    date = format_date(result.date, labels)
    where = ", ".join(part for part in (result.place, date) if part)
    buffer = io.BytesIO()
    counted = [0]

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        counted[0] = pages
        for key, heading in getattr(canvas, "sections", ()):
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(heading, key, level=0)
        canvas.saveState()
        canvas.setFont(FAMILY, 8)
        canvas.setFillColor(GREY)
        number = labels["summary.page"].format(page=page, pages=pages)
        if anonymous:
            number = f"{labels['summary.anonymous']} · {number}"
        right = PAGE[0] - LEFT
        canvas.drawRightString(right, 12 * mm, number)
        room = right - LEFT - fonts().regular.width(number, 8) - 12
        canvas.drawString(LEFT, 12 * mm, footer_text(title, date, room))
        canvas.restoreState()

    def continued(canvas: Canvas, _document: BaseDocTemplate) -> None:
        """The agreement's title again at the top of each of its pages after the first."""
        heading = Para(labels["agreement.continued"], STYLES["continued"])
        _, height = heading.wrap(WIDTH, CONTINUED_HEIGHT)
        heading.drawOn(canvas, LEFT, PAGE[1] - TOP_MARGIN - FRAME_PADDING - height)

    document = BaseDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=labels["summary.title"].format(title=title),
        author=NEUTRAL_AUTHOR if anonymous else (result.facilitator or AUTHOR),
        creator=CREATOR,
        subject=labels["summary.subject"].format(where=f" ({where})" if where else ""),
        keywords=["Værdispillet", result.deck.get("id", ""), result.place],
        invariant=1, pageCompression=1, lang=result.language, displayDocTitle=True,
        printScaling="None", initialFontName=FAMILY)
    document.keepTogetherClass = KeepWithStart  # headings keep with the start of a table
    width, height = PAGE[0] - 2 * MARGIN, PAGE[1] - TOP_MARGIN - BOTTOM_MARGIN
    frame = Frame(MARGIN, BOTTOM_MARGIN, width, height, id="normal")
    lower = Frame(MARGIN, BOTTOM_MARGIN, width, height - CONTINUED_HEIGHT, id="continued")
    document.addPageTemplates([
        PageTemplate("page", [frame], pagesize=PAGE),
        PageTemplate("agreement", [frame], pagesize=PAGE, autoNextPageTemplate="more"),
        PageTemplate("more", [lower], onPage=continued, pagesize=PAGE)])
    document.build(list(_story(result, labels, anonymous)),
                   canvasmaker=_canvas_with_sections(footer))
    return SummaryRendered(buffer.getvalue(), counted[0], replaced)


SECTIONS: list[tuple[str, Callable[[Outcome, dict[str, str]], Iterable[Flowable]]]] = [
    ("overview.heading", overview),
    ("then.heading", then_and_now),
    ("map.heading", value_map),
    ("votes.heading", votes),
    ("rounds.heading", rounds),
    ("actions.heading", actions),
    ("open.heading", open_questions),
    ("agreement.heading", agreement_page),
]
"""The sections after the cover, in order."""

OWN_PAGE = "agreement.heading"
"""The one section that starts a page of its own: the agreement, to print and sign. The
others follow each other on the same page, so no page is left half empty."""


def _story(result: Outcome, labels: dict[str, str], anonymous: bool) -> Iterable[Flowable]:
    yield from cover(result, labels, anonymous)
    for key, build in SECTIONS:
        flowables = list(build(result, labels))
        if not flowables:
            continue
        # The heading marks the section's start for the outline when it is drawn (so the
        # bookmark lands where the heading does, after any move to the next page).
        flowables[0].section = (key, labels[key])  # type: ignore[attr-defined]
        if key == OWN_PAGE:
            # Its pages after the first repeat its title (the "more" page template).
            yield NextPageTemplate("agreement")
            yield PageBreak()
        else:
            yield _Gap()
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


def footer_text(title: str, date: str, width: float, size: float = 8) -> str:
    """'Title · date' within `width` points: the title shortened, never the date.

    Without room for a few letters of the title, the date stands alone.
    """
    face = fonts().regular
    if not date:
        return _cut(title, width, size)
    whole = " · ".join(part for part in (title, date) if part)
    if face.width(whole, size) <= width:
        return whole
    tail = " · " + date
    short = _cut(title, width - face.width(tail, size), size)
    if len(short.rstrip("…")) < 3:
        return date
    return short + tail


_TRAILING = " \t,.;:·-–—/|([{"
"""What a shortened text does not end in before its '…'."""


def _cut(value: str, width: float, size: float) -> str:
    """`value` within `width` points, shortened with '…' after a whole word if it can be
    (cut inside a word only when that word alone is too long), never after punctuation."""
    face = fonts().regular
    value = " ".join(value.split())
    if face.width(value, size) <= width:
        return value
    fits = value
    while fits and face.width(fits + "…", size) > width:
        fits = fits[:-1]
    if not fits:
        return ""
    space = fits.rfind(" ")
    whole_words = value[len(fits):len(fits) + 1] in (" ", "")
    if not whole_words and space > len(fits) // 2:
        fits = fits[:space]
    fits = fits.rstrip(_TRAILING)
    return fits + "…" if fits else ""


# -- making every text printable ------------------------------------------------------


@lru_cache(maxsize=1)
def _printable_codepoints() -> frozenset[int]:
    """Characters every face prints (text may be regular, bold or italic), through the
    fallback chain: the main family, then Arabic script (shaped in `markup`)."""
    return printable_codepoints()


_JOINERS = frozenset([0x200D, *range(0xFE00, 0xFE10)])
"""Zero-width joiner and variation selectors: they only steer emoji and shaping, which the
font cannot do, so they are always left out."""


def printable(result: T) -> tuple[T, tuple[str, ...]]:
    """Every text of `result` in NFC, with characters the font lacks replaced by a white square (REPLACEMENT).

    Unlike the card sheets, which refuse a deck with such a character (the deck's author
    can fix the file and print again), the summary prints anyway: its texts were typed
    during the workshop, and the facilitator who presses one key afterwards must get a
    PDF to send, not an error. reportlab has no fallback font, so an unknown character
    would otherwise print as nothing or a wrong glyph; a visible box says something
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


def anonymised(result: Outcome, facilitator: str = "facilitator") -> Outcome:
    """The outcome with the names of people left out: organisations only.

    Lists of participants go; a turn or a note is credited to the person's organisation;
    an action keeps its organisation and loses its person; the facilitator's name goes
    (from the cover and the PDF's author as well). Names also come out of the free texts
    (notes, reasons, values, agreed values, disagreement, actions, title, place): a
    person's full name, and each part of it, is replaced where it stands as a whole word
    (case-sensitive) by the organisation in brackets, '[Netto]', or for the facilitator
    by the word `facilitator` in brackets.
    """
    owners: dict[str, str] = {}
    for person in result.people:  # everyone, those who left early too
        owners.setdefault(person["name"], person["organisation"])
    for org in result.organisations:
        for person in org.participants:
            owners.setdefault(person, org.name)
    for record in [*result.turns, *result.notes]:
        if record.who and record.who != record.organisation:
            owners.setdefault(record.who, record.organisation)
    for action in result.actions:
        if action.person:
            owners.setdefault(action.person, action.organisation)
    for review in result.reviews:  # a follow-up: the owners of the actions then
        if review.person:
            owners.setdefault(review.person, review.organisation)
    if result.facilitator:
        owners.setdefault(result.facilitator, facilitator)
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
                                  for row in vote.tally],
                     leaders=[scrub(value) for value in vote.leaders],
                     undotted=[scrub(value) for value in vote.undotted])
             for vote in result.votes]
    reviews = [replace(review, person="", subject=scrub(review.subject), note=scrub(review.note),
                       detail=(", ".join(part for part in (review.organisation, review.due)
                                         if part) if review.kind == "action"
                               else scrub(review.detail)))
               for review in result.reviews]
    return replace(result, title=scrub(result.title), place=scrub(result.place),
                   facilitator="", reviews=reviews,
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
    pattern = re.compile("|".join(map(_whole, ordered)))
    parts = {part for name in words for part in _WORD.findall(name)}
    wordless = any(not _WORD.search(name) for name in words)

    def scrub(value: str) -> str:
        # Most texts name nobody, and a set of their words shows it much faster than the
        # pattern does (a name can only stand in a text whose words include its own).
        if not wordless:
            found = set(_WORD.findall(value))
            found.update(word[:-1] for word in list(found) if word.endswith("s"))  # genitive
            if parts.isdisjoint(found):
                return value
        return pattern.sub(lambda found: f"[{words[found.group(0)]}]" if words[found.group(0)]
                           else "[…]", value)

    return scrub


def _whole(name: str) -> str:
    """A pattern for `name` standing as a whole word: no letter or digit just before or
    after it, where it begins or ends with one ('<Bo>' may stand right after a letter),
    but for a genitive s ('Mettes kontor' becomes '[Facilitator]s kontor')."""
    start = r"(?<!\w)" if _WORD.match(name[0]) else ""
    end = r"(?=s?(?!\w))" if _WORD.match(name[-1]) else ""
    return start + re.escape(name) + end
