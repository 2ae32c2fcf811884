"""The report across workshops: what a municipality learns from many Værdispil sessions.

`tally` counts over the outcomes of several workshops: which values and categories
are picked (as given or gotten) and agreed most often, and how giving and getting
balance out per kind of organisation. `to_csv` writes the counts for a spreadsheet;
`render_report` makes an A4 PDF with tables and charts, labelled in one language.

What is counted, exactly:
- a value's *gives* and *gets*: picks of it by organisations (one organisation picking
  the same value in two rounds counts twice); values are told apart by their words
  and category, so a deck's card and a group's own value of the same words differ;
- a value's *agreed*: shared values (agreements) that name it;
- *workshops*: the workshops where the value (or category) was picked or agreed;
- per kind of organisation: the organisations of that kind over all workshops, their
  picks to each side, and how many of them picked to one side only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from ..outcome import Outcome
from .charts import bar_chart
from .common import (AUTHOR, CREATOR, Rendered, configure_reportlab, footer_line, markup,
                     numbered_canvas)
from .fonts import FAMILY
from .labels import labels_for
from .summary import printable
from .summary_style import (
    BOTTOM_MARGIN,
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

OWN = ""
"""The category of an organisation's own value (a blank card)."""


@dataclass
class Count:
    """How often a value, a category or a kind of organisation came up."""

    name: str
    category: str = ""
    gives: int = 0
    gets: int = 0
    agreed: int = 0
    organisations: int = 0
    only_gives: int = 0
    only_gets: int = 0
    workshops: set[int] = field(default_factory=set)
    """Indexes of the workshops where it came up."""

    @property
    def picks(self) -> int:
        """Picks to either side."""
        return self.gives + self.gets


@dataclass(frozen=True)
class Workshop:
    """One workshop in the report."""

    title: str
    place: str
    date: str
    organisations: int
    picks: int
    agreed: int
    actions: int


@dataclass(frozen=True)
class Report:
    """The counts over several workshops, most frequent first."""

    workshops: list[Workshop]
    values: list[Count]
    categories: list[Count]
    types: list[Count]
    language: str


def tally(outcomes: Iterable[Outcome], language: str | None = None) -> Report:
    """Count values, categories and kinds of organisation over the workshops' outcomes."""
    outcomes = list(outcomes)
    values: dict[tuple[str, str], Count] = {}
    categories: dict[str, Count] = {}
    types: dict[str, Count] = {}
    category_order: list[str] = []
    workshops = []
    def value(index: int, title: str, category: str) -> Count:
        found = values.setdefault((title, category), Count(title, category))
        found.workshops.add(index)
        categories.setdefault(category, Count(category)).workshops.add(index)
        return found

    for index, result in enumerate(outcomes):
        for name in result.categories:
            if name not in category_order:
                category_order.append(name)
        picks = 0
        for org in result.organisations:
            kind = types.setdefault(org.type, Count(org.type))
            kind.workshops.add(index)
            kind.organisations += 1
            kind.gives += len(org.gives)
            kind.gets += len(org.gets)
            kind.only_gives += bool(org.gives and not org.gets)
            kind.only_gets += bool(org.gets and not org.gives)
            for pick in org.gives:
                value(index, pick.value, pick.category).gives += 1
                categories[pick.category].gives += 1
            for pick in org.gets:
                value(index, pick.value, pick.category).gets += 1
                categories[pick.category].gets += 1
            picks += len(org.gives) + len(org.gets)
        for agreed in result.agreements:
            names = list(agreed.categories) + [OWN] * (len(agreed.values) - len(agreed.categories))
            for title, category in dict.fromkeys(zip(agreed.values, names)):
                value(index, title, category).agreed += 1
                categories[category].agreed += 1
        workshops.append(Workshop(result.title, result.place, result.date,
                                  len(result.organisations), picks, len(result.agreements),
                                  len(result.actions)))
    ranked = sorted(values.values(), key=lambda c: (-c.picks, -c.agreed, c.name.casefold()))
    order = {name: number for number, name in enumerate(category_order + [OWN])}
    grouped = sorted(categories.values(),
                     key=lambda c: (-c.picks, -c.agreed, order.get(c.name, len(order)), c.name))
    kinds = sorted(types.values(), key=lambda c: (-c.organisations, c.name))
    if language is None:
        language = outcomes[0].language if outcomes else "da"
    return Report(workshops, ranked, grouped, kinds, language)


CSV_COLUMNS = ("table", "name", "category", "gives", "gets", "picks", "agreed", "workshops",
               "organisations", "only_gives", "only_gets", "actions", "date", "place")
"""One table per kind of row (workshop, value, category, org_type); empty where it does not
apply. Organisation kinds are given by their ids (helhedsplan, kommune, ...)."""


def to_csv(report: Report) -> str:
    """The counts as CSV (UTF-8, comma-separated, one header), for further analysis."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for workshop in report.workshops:
        writer.writerow({"table": "workshop", "name": workshop.title, "picks": workshop.picks,
                         "agreed": workshop.agreed, "organisations": workshop.organisations,
                         "actions": workshop.actions, "date": workshop.date,
                         "place": workshop.place})
    for count in report.values:
        writer.writerow({"table": "value", "name": count.name, "category": count.category,
                         **_numbers(count)})
    for count in report.categories:
        writer.writerow({"table": "category", "name": count.name, **_numbers(count)})
    for count in report.types:
        writer.writerow({"table": "org_type", "name": count.name, "gives": count.gives,
                         "gets": count.gets, "picks": count.picks,
                         "workshops": len(count.workshops),
                         "organisations": count.organisations, "only_gives": count.only_gives,
                         "only_gets": count.only_gets})
    return buffer.getvalue()


def _numbers(count: Count) -> dict[str, int]:
    return {"gives": count.gives, "gets": count.gets, "picks": count.picks,
            "agreed": count.agreed, "workshops": len(count.workshops)}



# -- the PDF ------------------------------------------------------------------------------

CHART_VALUES = 15
"""Values in the report's chart (all of them are in the table)."""


def render_report(report: Report) -> Rendered:
    """The report as an A4 PDF: the workshops, values, categories and kinds of organisation."""
    configure_reportlab()
    labels = labels_for(report.language)
    report, _ = printable(report)
    count = len(report.workshops)
    title = (labels["report.title"].format(count=count) if count != 1
             else labels["report.title.one"])
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


def _story(report: Report, labels: dict[str, str], title: str) -> Iterable[Flowable]:
    own = labels["map.own"]
    yield Para(markup(title), STYLES["title"])
    yield Para(labels["report.intro"], STYLES["body"])

    yield Para(labels["report.workshops"], STYLES["h2"])
    rows: list[list[Flowable | str]] = [_heads(
        ("workshop", "place", "date", "orgs", "agreed_values", "actions"), labels, 3)]
    for workshop in report.workshops:
        rows.append([text(workshop.title), text(workshop.place),
                     text(format_date(workshop.date, labels)), _num(workshop.organisations),
                     _num(workshop.agreed), _num(workshop.actions)])
    yield table(rows, [WIDTH - 131 * mm, 34 * mm, 30 * mm, 23 * mm, 22 * mm, 22 * mm])

    yield Para(labels["report.values"], STYLES["h2"])
    if not report.values:
        yield Para(labels["report.none"], STYLES["body"])
    else:
        shown = report.values[:CHART_VALUES]
        yield Para(labels["report.values.chart"].format(count=len(shown)), STYLES["caption"])
        yield bar_chart([_value_name(c, labels) for c in shown],
                        [[c.gives for c in shown], [c.gets for c in shown],
                         [c.agreed for c in shown]], WIDTH, 62 * mm,
                        names=[labels["report.col.gives"], labels["report.col.gets"],
                               labels["report.col.agreed"]])
        yield Spacer(1, 6)
        rows = [_heads(("value", "category", "gives", "gets", "picks", "agreed", "workshops"),
                       labels, 2)]
        for c in report.values:
            rows.append([text(c.name), text(c.category or own), *map(_num, (
                c.gives, c.gets, c.picks, c.agreed, len(c.workshops)))])
        yield table(rows, [WIDTH - 128 * mm, 40 * mm] + [17.6 * mm] * 5, zebra=True)

    if report.categories:
        yield Para(labels["report.categories"], STYLES["h2"])
        rows = [_heads(("category", "gives", "gets", "picks", "agreed", "workshops"), labels, 1)]
        for c in report.categories:
            rows.append([text(c.name or own), *map(_num, (
                c.gives, c.gets, c.picks, c.agreed, len(c.workshops)))])
        yield table(rows, [WIDTH - 100 * mm] + [20 * mm] * 5, zebra=True)

    if report.types:
        yield Para(labels["report.types"], STYLES["h2"])
        yield Para(labels["report.types.intro"], STYLES["small"])
        names = [labels.get(f"type.{c.name}", c.name) for c in report.types]
        yield Para(labels["report.types"], STYLES["caption"])
        yield bar_chart(names, [[c.gives for c in report.types], [c.gets for c in report.types]],
                        WIDTH, 45 * mm, names=[labels["report.col.gives"],
                                               labels["report.col.gets"]])
        yield Spacer(1, 6)
        rows = [_heads(("type", "orgs", "gives", "gets", "per_org_gives", "per_org_gets",
                        "only_gives", "only_gets"), labels, 1)]
        for c, name in zip(report.types, names):
            rows.append([text(name), *map(_num, (c.organisations, c.gives, c.gets)),
                         _num(_per(c.gives, c.organisations, labels)),
                         _num(_per(c.gets, c.organisations, labels)),
                         _num(c.only_gives), _num(c.only_gets)])
        yield table(rows, [WIDTH - 133 * mm] + [19 * mm] * 7, zebra=True)


def _value_name(count: Count, labels: dict[str, str]) -> str:
    return count.name if count.category else f"{count.name} {labels['report.own']}"


def _per(total: int, organisations: int, labels: dict[str, str]) -> str:
    """An average with one decimal, written the language's way ('1,5' in Danish)."""
    if not organisations:
        return "–"
    return f"{total / organisations:.1f}".replace(".", labels["report.decimal"])


def _heads(keys: Iterable[str], labels: dict[str, str], text_columns: int) -> list[Flowable | str]:
    """A header row: the first `text_columns` left-aligned, the number columns right-aligned."""
    return [label(labels[f"report.col.{key}"], "cell_head" if index < text_columns
                  else "cell_head_num") for index, key in enumerate(keys)]


def _num(value: int | str) -> Flowable:
    return Para(str(value), STYLES["cell_num"])
