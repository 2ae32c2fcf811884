"""The report across workshops as an A4 PDF, with tables and charts, labelled in one
language. What is counted, and how, is vaerdispil.report's (`tally`; `to_csv` writes the
same counts for a spreadsheet); this module only draws them."""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable

from ..report import (  # noqa: F401 - the counts live in the core; re-exported here
    CSV_COLUMNS,
    Count,
    Report,
    Workshop,
    own_category,
    tally,
    to_csv,
)
from .charts import LABEL_SIZE, bar_chart
from .common import (
    AUTHOR,
    CREATOR,
    Rendered,
    configure_reportlab,
    footer_line,
    markup,
    numbered_canvas,
)
from .fonts import FAMILY, fonts
from .labels import Labels, labels_for
from .summary import printable
from .summary_style import (
    BOTTOM_MARGIN,
    FRAME_HEIGHT,
    LEFT,
    MARGIN,
    PAGE,
    STYLES,
    TOP_MARGIN,
    WIDTH,
    Para,
    format_date,
    label,
    table,
    text,
)

CHART_VALUES = 15
"""Values in the report's chart (all of them are in the table)."""


def render_report(report: Report) -> Rendered:
    """The report as an A4 PDF: the workshops, values, categories and kinds of organisation."""
    configure_reportlab()
    labels = labels_for(report.language)
    report, _ = printable(report)
    count = len(report.workshops)
    title = labels.plural("report.title", count, count=count)
    buffer = io.BytesIO()
    counted = [0]

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        counted[0] = pages
        footer_line(canvas, LEFT, PAGE[0] - LEFT, title,
                    labels["summary.page"].format(page=page, pages=pages))

    document = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=title, author=AUTHOR, creator=CREATOR,
        subject=labels["report.subject"], keywords=["Værdispillet", "rapport"], invariant=1,
        pageCompression=1, lang=report.language, displayDocTitle=True, printScaling="None",
        initialFontName=FAMILY)
    document.build(list(_story(report, labels, title)), canvasmaker=numbered_canvas(footer))
    return Rendered(buffer.getvalue(), counted[0])


H2 = ParagraphStyle("report_h2", STYLES["h2"], keepWithNext=0)
"""Headings: kept with what they head by `_section`, not by platypus's keepWithNext (which
would move a whole long table to the next page with its heading)."""
INTRO = ParagraphStyle("report_intro", STYLES["small"], keepWithNext=0)
CAPTION = ParagraphStyle("report_caption", STYLES["caption"], keepWithNext=0)
HEAD = ParagraphStyle("report_head", STYLES["cell_head"], splitLongWords=0)
"""Column headers break between words only (their columns are made wide enough)."""
HEAD_NUM = ParagraphStyle("report_head_num", STYLES["cell_head_num"], splitLongWords=0)
CELL_PADDING = 8.0
"""A table cell's left and right padding together (see summary_style.table)."""
CHART_LABEL_MIN = 45 * mm
CHART_LABEL_MAX = 80 * mm
"""The room for a chart's labels: as wide as the longest label needs, within these."""
FOOT = 0.15 * PAGE[1]
"""No heading starts in the last 15 % of a page, where it looks cut off from what it heads."""
HEADING_ROOM = FOOT - BOTTOM_MARGIN + STYLES["h2"].spaceBefore + STYLES["h2"].leading + 3 * 11.5
"""The room a heading asks for at least: itself and three lines, above the page's last 15 %."""
KEPT_ROWS = 3
"""A heading starts a page unless it fits with its table's header and this many rows."""
SHORT_TABLE = 6
"""A table of up to this many rows stays whole on the page of its heading, if it can."""


def _partnerships(report: Report, labels: dict[str, str]) -> Iterable[Flowable]:
    """Each workshop with the follow-up meetings that follow it: the meetings, and what
    the follow-ups said of the actions, the promises and the values (in the screens'
    own words)."""
    if not report.partnerships:
        return
    from ..game.review import STATUSES
    from ..i18n import text as i18n_text

    language = report.language if report.language in ("da", "en") else "da"
    rows: list[list[Flowable | str]] = [[label(labels["report.col.partnership"]),
                                         label(labels["report.col.meetings"]),
                                         label(labels["report.col.reviewed"])]]
    for chain in report.partnerships:
        meetings = [report.workshops[number] for number in chain]
        said: dict[str, int] = {}
        for meeting in meetings:
            for status, count in meeting.reviewed.items():
                said[status] = said.get(status, 0) + count
        words = []
        for kind in ("action", "gave", "agreed"):
            parts = [f"{i18n_text(language, f'review.{kind}.{status}')} {said[status]}"
                     for status in STATUSES[kind] if said.get(status)]
            if parts:
                words.append(f"{labels[f'report.reviewed.{kind}']}: {', '.join(parts)}")
        rows.append([text(meetings[0].title),
                     Para("<br/>".join(markup(f"{format_date(m.date, labels)}: {m.title}")
                                       for m in meetings), STYLES["cell"]),
                     Para("<br/>".join(markup(line) for line in words) or "–", STYLES["cell"])])
    yield from _section([Para(labels["report.partnerships"], H2),
                         Para(labels["report.partnerships.intro"], INTRO)],
                        table(rows, [45 * mm, WIDTH - 115 * mm, 70 * mm]))


def _story(report: Report, labels: Labels, title: str) -> Iterable[Flowable]:
    yield Para(markup(title), STYLES["title"])
    yield Para(labels["report.intro"], STYLES["body"])
    yield Para(labels["report.language"], STYLES["body"])

    keys = ("workshop", "place", "date", "orgs", "agreed_values", "actions")
    rows: list[list[Flowable | str]] = [_heads(keys, labels, 3)]
    widest_date = 0.0
    for workshop in report.workshops:
        date = format_date(workshop.date, labels)
        widest_date = max(widest_date, fonts().regular.width(date, STYLES["cell"].fontSize))
        rows.append([text(workshop.title), text(workshop.place), text(date),
                     _num(workshop.organisations), _num(workshop.agreed),
                     _num(workshop.actions)])
    # A date on one line ("28. november 2025"), as far as the page allows.
    date_width = min(max(30 * mm, widest_date + CELL_PADDING + 1), 40 * mm)
    yield from _section([Para(labels["report.workshops"], H2)], table(
        rows, _widths(keys, labels, [0, 34 * mm, date_width, 18 * mm, 18 * mm, 18 * mm])))
    yield from _partnerships(report, labels)

    heading = Para(labels["report.values"], H2)
    if not report.values:
        yield CondPageBreak(HEADING_ROOM)
        yield KeepTogether([heading, Para(labels["report.none"], STYLES["body"])])
    else:
        shown = report.values[:CHART_VALUES]
        names, width, cut = _chart_labels(
            [c.name for c in shown], [labels["report.own"] if c.own else "" for c in shown])
        caption = labels.plural("report.values.chart", len(shown), count=len(shown))
        if cut:
            caption = f"{caption}. {labels['report.values.cut']}"
        yield CondPageBreak(HEADING_ROOM)
        yield KeepTogether([
            heading, Para(caption, CAPTION),
            bar_chart(names, [[c.gives for c in shown], [c.gets for c in shown],
                              [c.agreed for c in shown]], WIDTH, width,
                      names=[labels["report.col.gives"], labels["report.col.gets"],
                             labels["report.col.agreed"]])])
        yield Spacer(1, 6)
        keys = ("value", "category", "gives", "gets", "picks", "agreed", "workshops")
        rows = [_heads(keys, labels, 2)]
        for c in report.values:
            rows.append([text(c.name), text(c.category or "–"), *map(_num, (
                c.gives, c.gets, c.picks, c.agreed, len(c.workshops)))])
        yield table(rows, _widths(keys, labels, [0, 40 * mm] + [14 * mm] * 5), zebra=True)

    if report.categories:
        keys = ("category", "gives", "gets", "picks", "agreed", "workshops")
        rows = [_heads(keys, labels, 1)]
        for c in report.categories:
            rows.append([text(c.name or "–"), *map(_num, (
                c.gives, c.gets, c.picks, c.agreed, len(c.workshops)))])
        yield from _section([Para(labels["report.categories"], H2)], table(
            rows, _widths(keys, labels, [0] + [20 * mm] * 5), zebra=True))

    if report.types:
        kinds = [labels.get(f"type.{c.name}", c.name) for c in report.types]
        names, width, _ = _chart_labels(kinds, [""] * len(kinds))
        yield CondPageBreak(HEADING_ROOM)
        yield KeepTogether([
            Para(labels["report.types"], H2), Para(labels["report.types.intro"], INTRO),
            Para(labels["report.types.chart"], CAPTION),
            bar_chart(names, [[c.gives for c in report.types], [c.gets for c in report.types]],
                      WIDTH, width, names=[labels["report.col.gives"],
                                           labels["report.col.gets"]])])
        yield Spacer(1, 6)
        keys = ("type", "orgs", "gives", "gets", "per_org_gives", "per_org_gets",
                "only_gives", "only_gets")
        rows = [_heads(keys, labels, 1)]
        for c, name in zip(report.types, kinds):
            rows.append([text(name), *map(_num, (c.organisations, c.gives, c.gets)),
                         _num(_per(c.gives, c.organisations, labels)),
                         _num(_per(c.gets, c.organisations, labels)),
                         _num(c.only_gives), _num(c.only_gets)])
        yield table(rows, _widths(keys, labels, [0] + [15 * mm] * 7), zebra=True)


class _RoomFor(CondPageBreak):
    """A page break unless a heading fits at the foot of the page together with the start of
    its table (the header row and the first rows; a short table whole)."""

    def __init__(self, heading: list[Flowable], grid: Table) -> None:
        super().__init__(0)
        self._heading = heading
        self._grid = grid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        needed = 0.0
        for part in self._heading:
            needed += part.wrapOn(self.canv, availWidth, availHeight)[1]
            needed += part.getSpaceBefore() + part.getSpaceAfter()
        self._grid.wrapOn(self.canv, availWidth, availHeight)
        heights = list(self._grid._rowHeights)
        body = len(heights) - 1
        needed += sum(heights[:1 + (body if body <= SHORT_TABLE else KEPT_ROWS)])
        # Never ask for more than an empty page holds: a break there would not help.
        self.height = min(max(needed, HEADING_ROOM), FRAME_HEIGHT - 1)
        return super().wrap(availWidth, availHeight)


def _section(heading: list[Flowable], grid: Table) -> Iterable[Flowable]:
    """A heading and its table: the heading never stays alone at the foot of a page."""
    yield _RoomFor(heading, grid)
    yield from heading
    yield grid


def _chart_labels(names: list[str], markers: list[str]) -> tuple[list[str], float, bool]:
    """Chart labels that show whole: the room for them (as much as the longest needs,
    within limits), each name shortened at a word boundary with '…' where it does not fit,
    its marker ('(egen værdi)') always whole; and whether any name was shortened."""
    face = fonts().regular
    full = [" ".join(f"{name} {marker}".split()) for name, marker in zip(names, markers)]
    widest = max((face.width(line, LABEL_SIZE) for line in full), default=0.0)
    # bar_chart cuts a label wider than its room less 8 points: stay a little inside that.
    room = min(max(widest + 9, CHART_LABEL_MIN), CHART_LABEL_MAX)
    shown = [_shorten(name, marker, room - 9) for name, marker in zip(names, markers)]
    return shown, room, shown != full


def _shorten(name: str, marker: str, width: float) -> str:
    """`name` and `marker` on one line within `width` points, the name shortened after a
    whole word with '…' if need be. Only a single word wider than the room is cut inside."""
    face = fonts().regular

    def fits(line: str) -> bool:
        return face.width(line, LABEL_SIZE) <= width

    words = name.split()
    tail = f" {marker}" if marker else ""
    if fits(" ".join(words) + tail):
        return " ".join(words) + tail
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count]).rstrip(",;:.-–—/(&")
        if head and fits(f"{head}…{tail}"):
            return f"{head}…{tail}"
    word = words[0] if words else ""
    while word and not fits(f"{word}…{tail}"):
        word = word[:-1]
    return f"{word}…{tail}"


def _widths(keys: Iterable[str], labels: dict[str, str], widths: list[float]) -> list[float]:
    """Column widths for a table of these header keys: each column at least as wide as its
    header's longest word (headers break between words, never inside one); the first
    column takes the rest of the page's width."""
    bold = fonts().bold
    size = HEAD.fontSize
    result = list(widths)
    for index, key in enumerate(keys):
        longest = max((bold.width(word, size) for word in labels[f"report.col.{key}"].split()),
                      default=0.0)
        if index:
            result[index] = max(result[index], longest + CELL_PADDING + 1)
    result[0] = WIDTH - sum(result[1:])
    return result


def _per(total: int, organisations: int, labels: dict[str, str]) -> str:
    """An average with one decimal, written the language's way ('1,5' in Danish)."""
    if not organisations:
        return "–"
    return f"{total / organisations:.1f}".replace(".", labels["report.decimal"])


def _heads(keys: Iterable[str], labels: dict[str, str], text_columns: int) -> list[Flowable | str]:
    """A header row: the first `text_columns` left-aligned, the number columns right-aligned."""
    return [Para(labels[f"report.col.{key}"], HEAD if index < text_columns else HEAD_NUM)
            for index, key in enumerate(keys)]


def _num(value: int | str) -> Flowable:
    return Para(str(value), STYLES["cell_num"])
