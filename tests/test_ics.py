"""The calendar file: the follow-up and every action's deadline, for Outlook, Google and
Apple calendars. Parsed back with icalendar, and checked against RFC 5545's rules that
calendar programs refuse files over."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import FakeClock, run_cli
from tests.test_exports import saved  # noqa: F401 - the fixture: a finished workshop


def events(text: str) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(text)
    return [part for part in calendar.walk("VEVENT")]


def test_the_calendar_holds_the_follow_up_and_every_deadline(
        saved: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "vollsmose.ics"
    code, _, err = run_cli(capsys, "export", str(saved), "--format", "ics", "-o", str(target))
    assert code == 0 and err == f"Wrote {target}\n"
    raw = target.read_bytes()
    found = events(raw.decode("utf-8"))
    by_day = {part.decoded("dtstart"): part for part in found}
    assert set(by_day) == {date(2026, 12, 15), date(2027, 1, 31), date(2027, 3, 1)}
    key = by_day[date(2026, 12, 15)]
    assert str(key["summary"]) == "Aftale: Lav en nøgleaftale"
    assert "Hvem: Aisha, Netto" in str(key["description"])
    assert "Fra værkstedet: Værksted i Vollsmose · Vollsmose · 2026-11-22" in str(
        key["description"])
    assert key.decoded("dtend") == date(2026, 12, 16)  # all day: the end is the next day
    follow_up = by_day[date(2027, 3, 1)]
    assert str(follow_up["summary"]) == "Opfølgning: Værksted i Vollsmose"
    assert "- Find to frivillige (Bo, B1909 | *fodbold*), 2027-01-31" in str(
        follow_up["description"])
    # What calendar programs insist on (RFC 5545): CRLF line ends, no line over 75
    # octets, one VERSION and PRODID, a UID and DTSTAMP on every event, all UIDs unique.
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.count(b"VERSION:2.0") == 1
    assert raw.count(b"PRODID:") == 1
    assert all("uid" in part and "dtstamp" in part for part in found)
    assert len({str(part["uid"]) for part in found}) == 3


def test_the_same_workshop_gives_the_same_events(
        saved: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    """Importing a later export again updates the events instead of adding copies."""
    _, first, _ = run_cli(capsys, "export", str(saved), "--format", "ics")
    _, second, _ = run_cli(capsys, "export", str(saved), "--format", "ics")
    assert first == second
    assert [str(part["uid"]) for part in events(first)] == \
        [str(part["uid"]) for part in events(second)]


def test_a_workshop_with_no_dates_is_an_empty_calendar(
        tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_tui_workshop import netto_game

    game = netto_game(tmp_path / "plain.jsonl", clock)
    game.add_action("Ring til klubben", next(iter(game.state.organisations)), "Aisha", "")
    game.close()
    code, out, _ = run_cli(capsys, "export", str(tmp_path / "plain.jsonl"), "--format", "ics")
    assert code == 0 and events(out) == []  # an action with no date is not a calendar event
    assert "BEGIN:VCALENDAR" in out


async def test_the_summary_screen_writes_the_calendar(
        saved: Path, clock: FakeClock) -> None:  # noqa: F811
    from vaerdispil.session.game import Game
    from vaerdispil.tui.app import VaerdispilApp

    game = Game.open(saved, clock=clock)
    app = VaerdispilApp(game.deck, "da", game=game, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_summary()
        await pilot.pause()
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = saved.with_suffix(".ics")
    assert {part.decoded("dtstart") for part in events(written.read_text(encoding="utf-8"))} \
        == {date(2026, 12, 15), date(2027, 1, 31), date(2027, 3, 1)}
