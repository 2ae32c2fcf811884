"""The workshop's dates for the partners' calendars: an iCalendar (.ics) file.

One all-day event for each action with a deadline (what, who and which organisation,
from which workshop), and one for the follow-up meeting (with every action in its text).
Outlook, Google Calendar and Apple Calendar import it. The events' UIDs follow from the
workshop and the action, so importing a later export again updates the same events
instead of adding copies.

The format (line folding at 75 octets, escaping, DTSTAMP) is the icalendar library's.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from .i18n import text as t
from .outcome import Action, Outcome

PRODUCT = "-//vaerdispil//Værdispillet//DA"


def _uid(result: Outcome, *parts: str) -> str:
    """The same for the same workshop and event, export after export."""
    seed = "\x1f".join((result.title, result.place, result.date, result.facilitator, *parts))
    return f"{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:32]}@vaerdispil"


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _owner(action: Action) -> str:
    return ", ".join(part for part in (action.person, action.organisation) if part)


def _workshop(result: Outcome) -> str:
    return " · ".join(part for part in (result.title, result.place, result.date) if part)


def to_ics(result: Outcome, stamp: datetime | None = None) -> str:
    """The calendar file's text. `stamp` (DTSTAMP, when the file was made) defaults to the
    moment the workshop was finished, else now."""
    from icalendar import Calendar, Event

    lang = result.language
    if stamp is None:
        stamp = (datetime.fromisoformat(result.ended_at) if result.ended_at
                 else datetime.now(timezone.utc))
    stamp = stamp.astimezone(timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", result.title or t(lang, "app.title"))
    workshop = _workshop(result)

    def all_day(day: date, summary: str, description: str, uid: str) -> None:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy all day
        calendar.add_component(event)

    for number, action in enumerate(result.actions, 1):
        day = _day(action.due)
        if day is None:
            continue
        lines = [action.what]
        if _owner(action):
            lines.append(f"{t(lang, 'export.who')}: {_owner(action)}")
        lines.append(f"{t(lang, 'calendar.from')}: {workshop}")
        all_day(day, t(lang, "calendar.action", what=action.what), "\n".join(lines),
                _uid(result, "action", str(number), action.what))
    follow_up = _day(result.follow_up)
    if follow_up is not None:
        lines = [f"{t(lang, 'calendar.from')}: {workshop}", ""]
        if result.actions:
            lines.append(f"{t(lang, 'export.actions')}:")
            for action in result.actions:
                who = f" ({_owner(action)})" if _owner(action) else ""
                due = f", {action.due}" if action.due else ""
                lines.append(f"- {action.what}{who}{due}")
        all_day(follow_up, t(lang, "calendar.follow_up", title=result.title or workshop),
                "\n".join(lines).rstrip(), _uid(result, "follow-up"))
    return calendar.to_ical().decode("utf-8")
