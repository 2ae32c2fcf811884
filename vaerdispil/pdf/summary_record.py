"""The later sections of the summary: round by round, actions, open questions, agreement.

Each section is a function (outcome, labels) -> flowables; an empty result leaves the
section out (disagreement and open questions appear only when there are some).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..outcome import Action, NoteRecord, Outcome, TurnRecord
from .common import markup
from .fonts import FAMILY
from .summary_style import (
    GREY,
    STYLES,
    WIDTH,
    Para,
    format_date,
    joined,
    label,
    listing,
    table,
    text,
)

BETWEEN_NAMED = 6
"""Up to this many organisations are named in the agreement's first line; more are counted."""


def _who(name: str, organisation: str) -> str:
    """'Aisha (Netto)', or the organisation alone when it is the one named (escaped)."""
    if name and organisation and name != organisation:
        return f"{markup(name)} ({markup(organisation)})"
    return markup(name or organisation)


# -- round by round ---------------------------------------------------------------------


def rounds(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """Each round played: the cards and who answered, the picks with reasons, the notes."""
    yield Para(labels["rounds.heading"], STYLES["h1"])
    by_round: dict[str, list[NoteRecord]] = {}
    for note in result.notes:
        by_round.setdefault(note.round, []).append(note)
    turns: dict[str, list[TurnRecord]] = {}
    for turn in result.turns:
        turns.setdefault(turn.round, []).append(turn)
    known = {record.title for record in result.rounds}
    before = [note for title, notes in by_round.items() if title not in known for note in notes]
    if before:
        yield Para(labels["rounds.before"], STYLES["h2"])
        yield from _notes(before, labels)
    if not result.rounds and not before:
        yield Para(labels["summary.none"], STYLES["body"])
    for record in result.rounds:
        yield Para(labels["rounds.round"].format(number=record.number or "",
                                                      title=markup(record.title)), STYLES["h2"])
        shown = False
        if turns.get(record.title):
            yield Para(labels["rounds.turns"], STYLES["h3"])
            yield _turns(turns[record.title], labels)
            shown = True
        picks = [(org.name, pick) for org in result.organisations
                 for pick in (*org.gives, *org.gets) if pick.round == record.title]
        if picks:
            yield Para(labels["rounds.picks"], STYLES["h3"])
            yield _picks(picks, labels)
            shown = True
        if record.mode == "vote":
            yield Para(labels["rounds.see_votes"], STYLES["small"])
            shown = True
        elif record.mode == "agree":
            yield Para(labels["rounds.see_agreed"], STYLES["small"])
            shown = True
        if by_round.get(record.title):
            yield Para(labels["rounds.notes"], STYLES["h3"])
            yield from _notes(by_round[record.title], labels)
            shown = True
        if not shown:
            yield Para(labels["rounds.empty"], STYLES["small"])


def _turns(records: list[TurnRecord], labels: dict[str, str]) -> Table:
    rows: list[list[Flowable | str]] = [[label(labels["col.who"]), label(labels["col.card"]),
                                         label(labels["col.outcome"])]]
    for turn in records:
        outcome = labels.get(f"turn.{turn.outcome or 'open'}", turn.outcome)
        rows.append([Para(_who(turn.who, turn.organisation), STYLES["cell"]),
                     text(turn.card), Para(markup(outcome), STYLES["cell"])])
    return table(rows, [60 * mm, WIDTH - 95 * mm, 35 * mm])


def _picks(picks: list, labels: dict[str, str]) -> Table:
    sides = {pick.side for _, pick in picks}
    head = [label(labels["col.organisation"]), label(labels["col.value"]),
            label(labels["col.reason"])]
    widths = [45 * mm, 50 * mm, WIDTH - 95 * mm]
    if len(sides) > 1:
        head.insert(1, label(""))  # gives or gets: the words in the column say it
        widths = [42 * mm, 14 * mm, 45 * mm, WIDTH - 101 * mm]
    rows: list[list[Flowable | str]] = [head]
    for org, pick in picks:
        value = f"<b>{markup(pick.value)}</b>"
        if pick.category:
            value += f"<br/><font size='7.5' color='#595959'>{markup(pick.category)}</font>"
        row: list[Flowable | str] = [text(org), Para(value, STYLES["cell"]),
                                     text(pick.reason)]
        if len(sides) > 1:
            row.insert(1, Para(labels.get(f"side.{pick.side}", pick.side), STYLES["cell"]))
        rows.append(row)
    return table(rows, widths)


def _notes(notes: list[NoteRecord], labels: dict[str, str]) -> Iterable[Flowable]:
    for note in notes:
        who = _who(note.who, note.organisation)
        prefix = f"<b>{who}:</b> " if who else ""
        yield Para(prefix + markup(note.text), STYLES["note"])


# -- actions ----------------------------------------------------------------------------


def _by_due(items: list[Action]) -> list[Action]:
    """Actions by date, those without a date last (ties keep the order they were agreed)."""
    return sorted(items, key=lambda action: (not action.due, action.due))


def actions(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """What, who, by when, and a box to tick."""
    yield Para(labels["actions.heading"], STYLES["h1"])
    if not result.actions:
        yield Para(labels["actions.none"], STYLES["body"])
        return
    yield Para(labels["actions.intro"], STYLES["small_lead"])
    tick = STYLES["cell_center"].clone("tick", fontSize=16, leading=17)
    rows: list[list[Flowable | str]] = [[label(labels["actions.done"]),
                                         label(labels["actions.what"]),
                                         label(labels["actions.who"]),
                                         label(labels["actions.due"])]]
    for action in _by_due(result.actions):
        who = f"<b>{markup(action.organisation)}</b>"
        if action.person:
            who += f"<br/>{markup(action.person)}"
        rows.append([Para("☐", tick), text(action.what), Para(who, STYLES["cell"]),
                     Para(markup(format_date(action.due, labels)) if action.due
                               else f"<i>{labels['summary.no_date']}</i>", STYLES["cell"])])
    yield table(rows, [14 * mm, WIDTH - 98 * mm, 50 * mm, 34 * mm],
                extra=[("VALIGN", (0, 1), (0, -1), "MIDDLE"),
                       ("TOPPADDING", (0, 1), (-1, -1), 6),
                       ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])


# -- disagreement and open questions ----------------------------------------------------


def is_question(value: str) -> bool:
    """Whether a note ends in a question mark (closing quotes and brackets aside)."""
    return value.rstrip(" \t\n\"'»«“”’)]").endswith(("?", "？"))


def open_questions(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """Disagreement with agreed values; unanswered question cards and notes that ask.

    Nothing at all when none were recorded: the section is then left out.
    """
    dissent = [agreed for agreed in result.agreements if agreed.dissent]
    unanswered = [turn for turn in result.turns
                  if turn.card and turn.outcome in ("passed", "skipped")]
    asked = [note for note in result.notes if is_question(note.text)]
    if not (dissent or unanswered or asked):
        return
    yield Para(labels["open.heading"], STYLES["h1"])
    if dissent:
        yield Para(labels["open.dissent"], STYLES["h2"])
        for agreed in dissent:
            yield Para(labels["open.dissent.about"].format(value=markup(agreed.text)),
                            STYLES["h3"])
            for item in agreed.dissent:
                yield Para(f"<b>{markup(item.get('organisation', ''))}:</b> "
                                f"{markup(item.get('text', ''))}", STYLES["note"])
    if unanswered or asked:
        yield Para(labels["open.questions"], STYLES["h2"])
        yield Para(labels["open.questions.intro"], STYLES["small_lead"])
        for turn in unanswered:
            outcome = labels.get(f"turn.{turn.outcome}", turn.outcome)
            yield Para(labels["open.unanswered"].format(
                card=markup(turn.card), who=_who(turn.who, turn.organisation),
                outcome=markup(outcome)), STYLES["note"])
        yield from _notes(asked, labels)


# -- the partnership agreement ----------------------------------------------------------


def agreement_page(result: Outcome, labels: dict[str, str]) -> Iterable[Flowable]:
    """A non-binding partnership agreement: brings and gets, values, actions, review, signatures.

    It starts a page of its own (summary.py), and its title repeats on any page after that.
    Under each value stand the organisations behind it and any that disagree, and why.
    """
    word_and = labels["summary.and"]
    yield Para(labels["agreement.heading"], STYLES["h1"])
    names = [org.name for org in result.organisations]
    if names:
        between = (labels["agreement.between"].format(orgs=listing(names, word_and))
                   if len(names) <= BETWEEN_NAMED else
                   labels["agreement.between_many"].format(count=len(names)))
        yield Para(between, STYLES["h3"])
    facts = [result.title, result.place, format_date(result.date, labels)]
    yield Para(" · ".join(markup(part) for part in facts if part), STYLES["small"])
    yield Para(labels["agreement.intro"], STYLES["body"])

    yield Para(labels["agreement.values"], STYLES["h2"])
    if result.agreements:
        items = []
        for agreed in result.agreements:
            behind = joined(agreed.organisations) or labels["overview.nobody"]
            line = (f"<b>{markup(agreed.text)}</b><br/><font size='8.5' color='#595959'>"
                    f"{labels['overview.commit']}: {behind}</font>")
            for item in agreed.dissent:
                why = markup(item.get("text", ""))
                line += (f"<br/><font size='8.5'>{labels['overview.dissent']}: "
                         f"<b>{markup(item.get('organisation', ''))}</b>"
                         f"{': ' + why if why else ''}</font>")
            items.append(ListItem(Para(line, STYLES["body"])))
        yield ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=16,
                           bulletFontName=FAMILY, bulletFontSize=10)
    else:
        yield Para(labels["agreement.values.none"], STYLES["body"])

    if result.organisations:
        yield Para(labels["agreement.brings"], STYLES["h2"])
        rows: list[list[Flowable | str]] = [[label(labels["col.organisation"]),
                                             label(labels["agreement.col.brings"]),
                                             label(labels["agreement.col.gets"])]]
        for org in result.organisations:
            gives = joined(list(dict.fromkeys(pick.value for pick in org.gives)), "; ") or "–"
            gets = joined(list(dict.fromkeys(pick.value for pick in org.gets)), "; ") or "–"
            rows.append([Para(f"<b>{markup(org.name)}</b>", STYLES["cell"]),
                         Para(gives, STYLES["cell"]), Para(gets, STYLES["cell"])])
        yield table(rows, [50 * mm, (WIDTH - 50 * mm) / 2, (WIDTH - 50 * mm) / 2])

    yield Para(labels["agreement.actions"], STYLES["h2"])
    if result.actions:
        items = []
        for action in _by_due(result.actions):
            who = ", ".join(markup(part) for part in (action.organisation, action.person) if part)
            due = (", " + labels["agreement.by"].format(date=markup(format_date(action.due,
                                                                                 labels)))
                   if action.due else "")
            items.append(ListItem(Para(f"{markup(action.what)} <font color='#595959'>"
                                            f"({who}{due})</font>", STYLES["body"])))
        yield ListFlowable(items, bulletType="bullet", start="•", leftIndent=14,
                           bulletFontName=FAMILY, bulletFontSize=10)
    else:
        yield Para(labels["agreement.actions.none"], STYLES["body"])

    yield Para(labels["agreement.review"], STYLES["h2"])
    if result.follow_up:
        yield Para(labels["agreement.review.date"].format(
            date=f"<b>{markup(format_date(result.follow_up, labels))}</b>"), STYLES["body"])
    else:
        yield Para(labels["agreement.review.blank"], STYLES["body"])

    if result.organisations:
        yield from _signatures(names, labels)


def _signatures(names: list[str], labels: dict[str, str]) -> Iterable[Flowable]:
    """A line to sign per organisation, two across, all kept on one page with their heading.

    Only a list of signatures longer than a page goes on over the next, between two pairs,
    and never with one organisation's line alone: the last two pairs stay together.
    """
    gap = 12 * mm
    column = (WIDTH - gap) / 2
    rows: list[list[Flowable | str]] = []
    commands: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), FAMILY),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for start in range(0, len(names), 2):
        pair = names[start:start + 2]
        top = len(rows)
        space: list[Flowable | str] = [Spacer(1, 12 * mm), "", ""]
        signed: list[Flowable | str] = ["", "", ""]
        for index, name in enumerate(pair):
            signed[2 * index] = Para(f"<b>{markup(name)}</b><br/><font size='8' "
                                     f"color='#595959'>{labels['agreement.sign']}</font>",
                                     STYLES["cell"])
            commands.append(("LINEABOVE", (2 * index, top + 1), (2 * index, top + 1), 0.8,
                             GREY))
        rows += [space, signed]
        commands += [("NOSPLIT", (0, top), (-1, top + 1)),
                     ("TOPPADDING", (0, top), (-1, top), 0),
                     ("BOTTOMPADDING", (0, top), (-1, top), 0),
                     ("BOTTOMPADDING", (0, top + 1), (-1, top + 1), 4 * mm)]
    if len(names) % 2 and len(names) > 2:  # the last line alone: keep it with the pair above
        commands.append(("NOSPLIT", (0, len(rows) - 4), (-1, len(rows) - 1)))
    grid = Table(rows, colWidths=[column, gap, column], hAlign="LEFT")  # rows stay whole
    grid.setStyle(TableStyle(commands))
    yield KeepTogether([Para(labels["agreement.signatures"], STYLES["h2"]), Spacer(1, 4), grid])
