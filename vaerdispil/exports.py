"""The outcome of a workshop as Markdown, CSV or JSON, and its dates as iCalendar."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime, timezone

from .i18n import plural
from .i18n import text as t
from .outcome import Outcome

FORMATS = ("md", "csv", "json", "ics")


def to_markdown(result: Outcome) -> str:
    """A readable summary: agreed values first, then give/get, votes, actions, notes."""
    lang = result.language

    def md(text: str) -> str:
        """Escape what Markdown would read as formatting; user text stays text."""
        for char in "\\`*_[]<>#|":
            text = text.replace(char, "\\" + char)
        return text

    out = [f"# {md(result.title or t(lang, 'app.title'))}", ""]
    facts = [(t(lang, "export.place"), result.place), (t(lang, "export.date"), result.date),
             (t(lang, "export.facilitator"), result.facilitator),
             (t(lang, "export.deck"), f"{result.deck['title']} {result.deck['version']}".strip())]
    out += [f"- {label}: {md(value)}" for label, value in facts if value]
    out += [f"- {progress(result)}", ""]
    out += review_lines(result, md)

    out += [f"## {t(lang, 'export.agreed')}", ""]
    for agreement in result.agreements:
        out.append(f"- **{md(agreement.text)}**")
        if agreement.organisations:
            out.append(f"  - {t(lang, 'export.commit')}: "
                       f"{md(', '.join(agreement.organisations))}")
        if agreement.values:
            out.append(f"  - {t(lang, 'export.from_values')}: {md(', '.join(agreement.values))}")
        for dissent in agreement.dissent:
            out.append(f"  - {t(lang, 'export.dissent')}: {md(dissent['organisation'])}: "
                       f"{md(dissent['text'])}")
    if not result.agreements:
        out.append(t(lang, "export.none"))
    if result.follow_up:
        out += ["", f"{t(lang, 'export.follow_up')}: {result.follow_up}"]

    out += ["", f"## {t(lang, 'export.give_get')}", ""]
    for org in result.organisations:
        out.append(f"### {md(org.name)}")
        if org.participants:
            out.append(md(", ".join(org.participants)))
        for label, picks in ((t(lang, "export.gives"), org.gives), (t(lang, "export.gets"), org.gets)):
            for pick in picks:
                reason = f": {md(pick.reason)}" if pick.reason else ""
                out.append(f"- {label}: **{md(pick.value)}**{reason}")
        out.append("")

    for vote in result.votes:
        out += [f"## {t(lang, 'export.votes')}: {md(vote.round)}", ""]
        if not vote.visible:
            out.append(t(lang, "export.hidden"))
        for row in vote.tally:
            dots = plural(lang, "export.dots", row["dots"], count=row["dots"])
            out.append(f"- {md(row['value'])}: {dots}")
        out.append("")

    out += [f"## {t(lang, 'export.actions')}", ""]
    if result.actions:
        out += [f"| {t(lang, 'export.what')} | {t(lang, 'export.who')} | {t(lang, 'export.due')} |",
                "| --- | --- | --- |"]
        for action in result.actions:
            who = ", ".join(x for x in (action.organisation, action.person) if x)
            out.append(f"| {md(action.what)} | {md(who)} | {action.due} |")
    else:
        out.append(t(lang, "export.none"))

    out += ["", f"## {t(lang, 'export.notes')}", ""]
    for note in result.notes:
        where = " · ".join(md(x) for x in (note.round, note.who) if x)
        out.append(f"- {where}: {md(note.text)}" if where else f"- {md(note.text)}")
    if not result.notes:
        out.append(t(lang, "export.none"))
    return "\n".join(out).rstrip() + "\n"


def finished_at(value: str) -> datetime | None:
    """When a workshop was finished (`Outcome.ended_at`, UTC) in the local time zone."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:  # written without a zone: UTC, as the record keeps time
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def progress(result: Outcome) -> str:
    """How far the workshop came: when it was finished, or the round it stopped in."""
    lang = result.language
    played, rounds = result.progress.get("round", 0), result.progress.get("rounds", 0)
    if result.ended:
        moment = finished_at(result.ended_at)
        if moment is None:
            return plural(lang, "export.ended", rounds, played=played, rounds=rounds)
        return plural(lang, "export.ended_at", rounds, date=moment.date().isoformat(),
                      hour=moment.hour, minute=moment.minute, played=played, rounds=rounds)
    if played == 0:
        return t(lang, "export.setup")
    return t(lang, "export.stopped", round=played, rounds=rounds)


CSV_COLUMNS = ("section", "round", "organisation", "person", "value", "side", "dots", "text",
               "due")


def to_csv(result: Outcome) -> str:
    """One row per recorded thing, with a section column, for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for agreement in result.agreements:
        writer.writerow({"section": "agreed", "text": agreement.text,
                         "organisation": "; ".join(agreement.organisations),
                         "value": "; ".join(agreement.values)})
        for dissent in agreement.dissent:
            writer.writerow({"section": "dissent", "organisation": dissent["organisation"],
                             "value": agreement.text, "text": dissent["text"]})
    for org in result.organisations:
        for pick in [*org.gives, *org.gets]:
            writer.writerow({"section": "pick", "round": pick.round, "organisation": org.name,
                             "value": pick.value, "side": pick.side, "text": pick.reason})
    for vote in result.votes:
        for row in vote.tally:
            writer.writerow({"section": "vote", "round": vote.round, "value": row["value"],
                             "dots": row["dots"]})
    for action in result.actions:
        writer.writerow({"section": "action", "organisation": action.organisation,
                         "person": action.person, "text": action.what, "due": action.due})
    for note in result.notes:
        writer.writerow({"section": "note", "round": note.round, "person": note.who,
                         "text": note.text})
    if result.follow_up:
        writer.writerow({"section": "follow_up", "due": result.follow_up})
    return buffer.getvalue()


def to_json(result: Outcome) -> str:
    """Everything, structured."""
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"




REVIEW_SECTIONS = (("action", "review.section.actions"),
                   ("gave", "review.section.promises"), ("agreed", "review.section.values"))


def review_lines(result: Outcome, md: Callable[[str], str]) -> list[str]:
    """A follow-up's record of how it went since the workshop it follows (Markdown)."""
    if not result.follows:
        return []
    lang = result.language
    then = result.follows
    title = then.get("title") or then.get("name", "")
    out = [f"## {t(lang, 'review.heading', title=md(title), date=then.get('date', ''))}", ""]
    for kind, heading in REVIEW_SECTIONS:
        kinds = ("gave", "got") if kind == "gave" else (kind,)
        records = [record for record in result.reviews if record.kind in kinds]
        if not records:
            continue
        out += [f"### {t(lang, heading)}", ""]
        for record in records:
            said = (t(lang, f"review.{record.kind}.{record.status}") if record.status
                    else t(lang, "review.open"))
            what = (t(lang, f"review.{record.kind}", org=record.subject)
                    if record.kind in ("gave", "got") else record.subject)
            detail = f" ({md(record.detail)})" if record.detail else ""
            note = f": {md(record.note)}" if record.note else ""
            out.append(f"- {md(what)}{detail}: **{said}**{note}")
        out.append("")
    return out


def to_ics(result: Outcome) -> str:
    """The follow-up date and the actions' deadlines, for calendars (see ics.py)."""
    from .ics import to_ics as render

    return render(result)


RENDER = {"md": to_markdown, "csv": to_csv, "json": to_json, "ics": to_ics}
