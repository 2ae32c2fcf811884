"""The first sections of the summary: cover, overview, value map and the vote.

Each section is a function (outcome, labels) -> flowables; an empty result leaves the
section out. The outcome has been made printable (and, if asked, anonymous) already.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from ..exports import finished_at
from ..outcome import OrganisationOutcome, Outcome, PickedValue, VoteResult
from .charts import bar_chart, label_fits
from .common import markup
from .fonts import FAMILY, fonts
from .labels import Labels
from .summary_style import (
    BOX,
    GET_SHADES,
    GIVE_SHADES,
    GREY,
    RULE,
    STYLES,
    WIDTH,
    Grid,
    Para,
    counted,
    format_date,
    joined,
    label,
    listing,
    shade,
    table,
    text,
)

CHART_ROWS = 20
"""Values shown in a vote's chart; the rest (and any cut label) are in a table under it."""


def cover(result: Outcome, labels: dict[str, str], anonymous: bool) -> Iterable[Flowable]:
    """Title, place, date, facilitator, progress, deck, and the organisations at the table.

    The overview follows on the same page when there is room."""
    yield Spacer(1, 6 * mm)
    yield Para(labels["summary.kicker"], STYLES["kicker"])
    yield Para(markup(result.title or labels["summary.untitled"]), STYLES["title"])
    deck = result.deck
    deck_text = deck.get("title", "")
    if deck.get("version"):
        deck_text = labels["cover.deck_version"].format(title=deck_text, version=deck["version"])
    people = sum(len(org.participants) for org in result.organisations)
    orgs = len(result.organisations)
    facts = [
        ("cover.place", markup(result.place)),
        ("cover.date", markup(format_date(result.date, labels))),
        ("cover.facilitator", markup(result.facilitator)),
        ("cover.organisations" if anonymous else "cover.people",
         labels["cover.orgs_count" if anonymous else "cover.people_count"]
         .format(people=counted(people, "participant", labels),
                 orgs=counted(orgs, "organisation", labels))),
        ("cover.status", _progress(result, labels)),
        ("cover.deck", markup(deck_text)),
    ]
    rows = [[label(labels[key]), Para(value, STYLES["cell"])]
            for key, value in facts if value]
    yield table(rows, [40 * mm, WIDTH - 40 * mm], header_rows=0, extra=[
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), ("BACKGROUND", (0, 0), (0, -1), BOX),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    if anonymous:
        yield Spacer(1, 4)
        yield Para(labels["cover.anonymous"], STYLES["small"])
    if result.organisations:
        yield Para(labels["cover.organisations"], STYLES["h2"])
        head = [label(labels["col.organisation"]), label(labels["cover.people"])]
        rows = [[Para(f"<b>{markup(org.name)}</b><br/>"
                           f"<font size='7.5' color='#595959'>{_type(org, labels)}</font>",
                           STYLES["cell"]),
                 text(", ".join(org.participants))]
                for org in result.organisations]
        if anonymous:
            yield table([head[:1]] + [row[:1] for row in rows], [WIDTH])
        else:
            yield table([head] + rows, [75 * mm, WIDTH - 75 * mm])


def _type(org: OrganisationOutcome, labels: dict[str, str]) -> str:
    return markup(labels.get(f"type.{org.type}", org.type))


def _progress(result: Outcome, labels: Labels) -> str:
    played, total = result.progress.get("round", 0), result.progress.get("rounds", 0)
    if result.ended:
        moment = finished_at(result.ended_at)
        if moment is None:
            return labels.plural("cover.ended", total, played=played, rounds=total)
        return labels.plural(
            "cover.ended_at", total, date=format_date(moment.date().isoformat(), labels),
            time=labels["cover.time"].format(hour=moment.hour, minute=moment.minute),
            played=played, rounds=total)
    if played == 0:
        return labels["cover.setup"]
    return labels["cover.stopped"].format(round=played, rounds=total)


# -- overview ---------------------------------------------------------------------------


def overview(result: Outcome, labels: Labels) -> Iterable[Flowable]:
    """The agreed values in the group's words, who commits, the follow-up date, key numbers."""
    yield Para(labels["overview.heading"], STYLES["h1"])
    yield Para(labels["overview.agreed"], STYLES["h2"])
    if not result.agreements:
        yield Para(labels["overview.none"], STYLES["agreed"])
    for agreed in result.agreements:
        lines = [f"<b>{labels['overview.commit']}:</b> "
                 + (joined(agreed.organisations) or labels["overview.nobody"])]
        if agreed.values:
            lines.append(f"<b>{labels['overview.from']}:</b> {joined(agreed.values)}")
        if agreed.dissent:
            lines.append(f"<b>{labels['overview.dissent']}:</b> "
                         + joined([d.get("organisation", "") for d in agreed.dissent]))
        # One cell, so the value and who stands behind it stay on one page when they fit.
        box = Grid([[[Para(markup(agreed.text), STYLES["agreed"]),
                      Para("<br/>".join(lines), STYLES["cell"])]]], colWidths=[WIDTH])
        box.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("LINEBEFORE", (0, 0), (0, -1), 3, GREY),
            ("BACKGROUND", (0, 0), (-1, -1), BOX),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
        yield box
        yield Spacer(1, 6)
    yield Para(labels["overview.follow_up"], STYLES["h2"])
    if result.follow_up:
        yield Para(labels["overview.follow_up.date"].format(
            date=f"<b>{markup(format_date(result.follow_up, labels))}</b>"), STYLES["body"])
    else:
        yield Para(labels["overview.follow_up.none"], STYLES["body"])
    yield Para(labels["overview.numbers"], STYLES["h2"])
    picks = sum(len(org.gives) + len(org.gets) for org in result.organisations)
    numbers = [(len(result.organisations), "overview.count.orgs"),
               (picks, "overview.count.picks"), (len(result.agreements), "overview.count.agreed"),
               (len(result.actions), "overview.count.actions")]
    cells = [[Para(str(count), STYLES["number"]) for count, _ in numbers],
             [Para(labels.plural(key, count), STYLES["number_label"])
              for count, key in numbers]]
    figures = Grid(cells, colWidths=[WIDTH / len(numbers)] * len(numbers))
    figures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FAMILY),
                                 ("BACKGROUND", (0, 0), (-1, -1), BOX),
                                 ("LINEAFTER", (0, 0), (-2, -1), 2, "white"),
                                 ("TOPPADDING", (0, 0), (-1, 0), 8),
                                 ("BOTTOMPADDING", (0, -1), (-1, -1), 8)]))
    yield figures
    shown = [vote for vote in result.votes if vote.visible and vote.leaders]
    if shown:
        yield Spacer(1, 8)
    for vote in shown:
        yield Para(_leaders(vote, labels, named=len(shown) > 1), STYLES["body"])


def _leaders(vote: VoteResult, labels: dict[str, str], named: bool) -> str:
    """'Flest prikker: Lokaler (6 prikker)', or every value that ties for the most."""
    dots = next((int(row["dots"]) for row in vote.tally if row["value"] == vote.leaders[0]), 0)
    amount = counted(dots, "dot", labels)
    if len(vote.leaders) > 1:
        amount = labels["overview.top.each"].format(dots=amount)
    head = labels["overview.top"]
    if named and vote.round:
        head += f" ({markup(vote.round)})"
    return f"<b>{head}:</b> {listing(vote.leaders, labels['summary.and'])} ({amount})"


# -- the value map ----------------------------------------------------------------------


def value_map(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """Organisations against value categories: how many values each gives and gets."""
    yield Para(labels["map.heading"], STYLES["h1"])
    picks = [pick for org in result.organisations for pick in (*org.gives, *org.gets)]
    if not result.organisations or not picks:
        yield Para(labels["map.empty"], STYLES["body"])
        return
    yield Para(labels["map.intro"], STYLES["lead"])
    categories = _categories(result, picks, labels)
    for chunk in _chunks(categories, labels):
        yield _map_table(result, chunk, labels)
        yield Spacer(1, 8)
    # Only what the record says (`balance`): an organisation that was not at the table
    # for both sides, such as a late arrival, is not named here at all.
    lines = []
    for balance in BALANCES:
        names = [org.name for org in result.organisations if org.balance == balance]
        if names:
            lines.append(labels[f"map.{balance}"].format(
                orgs=listing(names, labels["summary.and"])))
    if not lines and all(org.balance == "both" for org in result.organisations):
        lines.append(labels["map.balanced"])
    for line in lines:
        yield Para(line, STYLES["body"])


BALANCES = ("only_gives", "only_gets", "neither")
"""The values of `OrganisationOutcome.balance` that the value map names."""
FLAGS = {"only_gives": "map.flag.gives", "only_gets": "map.flag.gets",
         "neither": "map.flag.neither"}


def _own_label(labels: dict[str, str]) -> str:
    return labels["map.own"]


def _category(pick: PickedValue, labels: dict[str, str]) -> str:
    return pick.category or _own_label(labels)


def _categories(result: Outcome, picks: list[PickedValue], labels: dict[str, str]) -> list[str]:
    """The deck's categories in order, then any other category a pick has (own values last)."""
    names = list(dict.fromkeys(result.categories))
    for pick in picks:
        name = _category(pick, labels)
        if name not in names and name != _own_label(labels):
            names.append(name)
    if any(not pick.category for pick in picks):
        names.append(_own_label(labels))
    return names


ORG_WIDTH = 42 * mm
TOTAL_WIDTH = 20 * mm
SUB_MIN = 9 * mm


def _chunks(categories: list[str], labels: dict[str, str]) -> list[list[str]]:
    """Categories in groups narrow enough for one table across the page, evenly split."""
    face = fonts().bold
    longest = max(face.width(word, 7.5) for name in categories for word in name.split())
    per_category = max(2 * SUB_MIN, longest + 10)
    fits = max(1, int((WIDTH - ORG_WIDTH - TOTAL_WIDTH) // per_category))
    tables = -(-len(categories) // fits)
    size = -(-len(categories) // tables)
    return [categories[i:i + size] for i in range(0, len(categories), size)]


def _map_table(result: Outcome, categories: list[str], labels: dict[str, str]) -> Table:
    sub = (WIDTH - ORG_WIDTH - TOTAL_WIDTH) / (2 * len(categories))
    counts = []
    for org in result.organisations:
        gives = Counter(_category(pick, labels) for pick in org.gives)
        gets = Counter(_category(pick, labels) for pick in org.gets)
        counts.append((org, gives, gets))
    top = max((n for _, gives, gets in counts for n in (*gives.values(), *gets.values())),
              default=0)
    head_style = STYLES["cell_head"].clone("map_head", fontSize=7.5, leading=9, alignment=1)
    first = [label(labels["map.organisation"])]
    second: list[Flowable | str] = [""]
    for name in categories:
        first += [Para(markup(name), head_style), ""]
        second += [Para(labels["map.give"], head_style),
                   Para(labels["map.get"], head_style)]
    first += [Para(labels["map.total"], head_style), ""]
    second += [Para(labels["map.give"], head_style), Para(labels["map.get"], head_style)]
    rows: list[list[Flowable | str]] = [first, second]
    style: list[tuple] = [("SPAN", (0, 0), (0, 1))]
    for index in range(len(categories) + 1):
        column = 1 + 2 * index
        style.append(("SPAN", (column, 0), (column + 1, 0)))
        style.append(("LINEBEFORE", (column, 0), (column, -1), 0.6 if index < len(categories)
                      else 1.2, GREY))
    for row_number, (org, gives, gets) in enumerate(counts, start=2):
        name = f"<b>{markup(org.name)}</b>"
        if org.balance in FLAGS:
            name += (f"<br/><font size='7.5' color='#595959'><i>{labels[FLAGS[org.balance]]}"
                     "</i></font>")
        row: list[Flowable | str] = [Para(name, STYLES["cell"])]
        for index, category in enumerate(categories):
            for side, found, shades in ((0, gives, GIVE_SHADES), (1, gets, GET_SHADES)):
                count = found.get(category, 0)
                row.append(Para(str(count) if count else "", STYLES["cell_center"]))
                fill = shade(count, top, shades)
                if fill is not None:
                    style.append(("BACKGROUND", (1 + 2 * index + side, row_number),
                                  (1 + 2 * index + side, row_number), fill))
        row += [Para(f"<b>{len(org.gives)}</b>", STYLES["cell_center"]),
                Para(f"<b>{len(org.gets)}</b>", STYLES["cell_center"])]
        rows.append(row)
    widths = [ORG_WIDTH] + [sub] * (2 * len(categories)) + [TOTAL_WIDTH / 2] * 2
    style += [("LEFTPADDING", (1, 0), (-1, -1), 1), ("RIGHTPADDING", (1, 0), (-1, -1), 1),
              ("VALIGN", (1, 0), (-1, 0), "BOTTOM")]
    return table(rows, widths, header_rows=2, extra=style)


# -- votes ------------------------------------------------------------------------------


def votes(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """Each vote's tally as a bar chart with the numbers, or why there is none."""
    yield Para(labels["votes.heading"], STYLES["h1"])
    if not result.votes:
        yield Para(labels["votes.not_played"], STYLES["body"])
        return
    for vote in result.votes:
        if len(result.votes) > 1 or vote.round:
            yield Para(markup(vote.round), STYLES["h2"])
        if not vote.visible:
            yield Para(labels["votes.hidden"], STYLES["body"])
            continue
        dotted = [(str(row["value"]), int(row["dots"])) for row in vote.tally if row["dots"]]
        if not dotted:
            yield Para(labels["votes.none"], STYLES["body"])
            continue
        total = sum(dots for _, dots in dotted)
        shown = dotted[:CHART_ROWS]
        label_width = 62 * mm
        chart = bar_chart([value for value, _ in shown], [[dots for _, dots in shown]], WIDTH,
                          label_width, description=labels["votes.chart"])
        # The caption keeps with the chart, and the headings with the caption: a heading
        # never stays alone at the foot of a page. (A KeepTogether here would break that
        # chain: platypus does not group a heading with a KeepTogether.)
        yield Para(labels["votes.caption"].format(dots=counted(total, "dot", labels)),
                   STYLES["caption"])
        yield chart
        if len(dotted) > len(shown) or not all(label_fits(v, label_width - 8) for v, _ in shown):
            yield Para(labels["votes.table"], STYLES["small_lead"])
            rows = [[label(labels["votes.col.value"]), label(labels["votes.col.dots"])]]
            rows += [[text(value), Para(str(dots), STYLES["cell_num"])]
                     for value, dots in dotted]
            yield table(rows, [WIDTH - 25 * mm, 25 * mm])
        if vote.undotted:
            yield Spacer(1, 4)
            yield Para(labels["votes.zero"].format(values=joined(vote.undotted)),
                       STYLES["small"])
