"""Exports hold everything the group decided; `sessions list` shows the saved workshops."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest

from tests.conftest import CARDS, FakeClock, run_cli
from vaerdispil.cli import main
from vaerdispil.deck.loader import load_deck
from vaerdispil.exports import to_csv, to_json, to_markdown
from vaerdispil.outcome import outcome
from vaerdispil.session.game import Game
from vaerdispil.session.store import new_session_path

DECK = load_deck(CARDS / "vaerdispil.da.yaml")


def complete_workshop(path: Path, clock: FakeClock) -> Game:
    """A whole workshop through the engine: every round mode, with edits and an undo."""
    g = Game.new(path, DECK, seed=3, clock=clock, title="Værksted i Vollsmose",
                 place="Vollsmose", date="2026-11-22", facilitator="Mette")
    netto = g.add_organisation("Netto", "virksomhed")
    club = g.add_organisation("B1909 | *fodbold*", "forening")
    home = g.add_organisation("Plejehjemmet", "institution")
    aisha = g.add_participant("Aisha", netto)
    bo = g.add_participant("Bo", club)
    cem = g.add_participant("Cem", home)
    g.next_round()
    for _ in range(3):
        g.draw()
        clock.advance(90)
        g.end_turn()
    g.note("Bo: klubben mangler trænere <b>nu</b> & altid", taker=bo)
    g.next_round()  # give
    g.pick(netto, "lokaler", reason="Baglokalet om tirsdagen")
    g.pick(club, "blank-1", text="Fodbold for alle børn", reason="Vi har bolde")
    g.pick(home, "frivillige")
    g.undo()  # the nursing home changes its mind
    g.pick(home, "lokal-viden")
    g.next_round()  # get
    g.pick(home, "frivillige", reason="Nogen at gå tur med")
    g.pick(club, "lokaler")
    g.next_round()  # dialogue
    g.choose("hvad-koster-det")
    g.end_turn()
    g.next_round()  # secret vote
    for person, value in ((aisha, "card:lokaler"), (bo, "card:frivillige"), (cem, "card:lokaler")):
        g.vote(person, value, 3)
        g.finish_vote(person)
    g.next_round()  # agreement
    agreed = g.agree("Vi låner hinandens lokaler", ["card:lokaler"], [netto, club, home])
    g.dissent(agreed, home, "Kun om formiddagen")
    g.edit(agreed, "text", "Vi deler lokaler")
    g.add_action("Lav en nøgleaftale", netto, "Aisha", "2026-12-15")
    g.add_action("Find to frivillige", club, "Bo", "2027-01-31")
    g.set_follow_up("2027-03-01")
    g.end_session()
    return g


@pytest.fixture
def saved(vaerdispil_home: Path, clock: FakeClock) -> Path:
    path = new_session_path("Værksted i Vollsmose", "2026-11-22")
    complete_workshop(path, clock).close()
    return path



def test_markdown_export_holds_everything(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", saved.stem)
    assert code == 0
    for expected in [
        "# Værksted i Vollsmose",
        "- **Vi deler lokaler**",
        "  - Står bag: Netto, B1909 \\| \\*fodbold\\*",  # not the one that disagrees
        "  - Uenig: Plejehjemmet: Kun om formiddagen",
        "Vi følger op: 2027-03-01",
        "- Giver: **Lokaler**: Baglokalet om tirsdagen",
        "- Giver: **Fodbold for alle børn**: Vi har bolde",
        "- Får: **Frivillige**: Nogen at gå tur med",
        "- Lokaler: 6 prikker",
        "- Frivillige: 3 prikker",
        "| Lav en nøgleaftale | Netto, Aisha | 2026-12-15 |",
        "| Find to frivillige | B1909 \\| \\*fodbold\\*, Bo | 2027-01-31 |",
        "- Hvem er vi? · Bo: Bo: klubben mangler trænere \\<b\\>nu\\</b\\> & altid",
    ]:
        assert expected in out.splitlines(), expected
    assert "Vi låner hinandens lokaler" not in out  # the latest wording counts
    assert "Giver: **Frivillige**" not in out  # the undone pick is gone
    # When it was finished (09:04:30 UTC: the 22nd in every time zone of Europe).
    assert re.search(r"^- Afsluttet 2026-11-22 kl\. \d{1,2}\.04 efter 6 af 6 runder$", out,
                     re.MULTILINE)
    assert "Ikke afsluttet" not in out


@contextmanager
def local_zone(zone: str) -> Iterator[None]:
    """Local time in `zone` (a POSIX TZ value, such as 'CET-1'), whatever the machine's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", zone)
        time.tzset()
        try:
            yield
        finally:
            patch.undo()
            time.tzset()


@pytest.fixture
def time_zone() -> Iterator[None]:
    """Local time as in Copenhagen in winter (CET, UTC+1)."""
    with local_zone("CET-1"):
        yield


def small_workshop(path: Path, clock: FakeClock, end: bool = True) -> Game:
    """One dot, one agreed value made from an organisation's own words."""
    g = Game.new(path, DECK, seed=5, clock=clock, title="Lille møde", date="2027-05-03")
    org = g.add_organisation("Netto", "virksomhed")
    person = g.add_participant("Aisha", org)
    for _ in range(2):
        g.next_round()
    own = g.pick(org, "blank-1", text="Kaffe om fredagen")
    g.pick(org, "lokaler")
    for _ in range(3):
        g.next_round()
    g.vote(person, f"own:{own}", 1)
    g.finish_vote(person)
    g.next_round()
    g.agree("Vi drikker kaffe sammen", [f"own:{own}"], [org])
    if end:
        clock.advance(2 * 3600 + 40 * 60)
        g.end_session()
    return g


def small_outcome(tmp_path: Path, clock: FakeClock, end: bool = True):  # type: ignore[no-untyped-def]
    with mock.patch("os.fsync"):
        game = small_workshop(tmp_path / "small.jsonl", clock, end)
    result = outcome(game.state, game.deck)
    game.close()
    return result


def test_exports_say_one_dot_and_when_it_ended(tmp_path: Path, clock: FakeClock,
                                               time_zone: None) -> None:
    result = small_outcome(tmp_path, clock)
    markdown = to_markdown(result).splitlines()
    assert "- Kaffe om fredagen: 1 prik" in markdown
    assert "- Lokaler: 0 prikker" in markdown
    # 11.40 UTC (9.00 and 2 hours 40 minutes) is 12.40 in Copenhagen in November.
    assert "- Afsluttet 2026-11-22 kl. 12.40 efter 6 af 6 runder" in markdown
    assert not any("1 prikker" in line for line in markdown)
    english = to_markdown(replace(result, language="en")).splitlines()
    assert "- Kaffe om fredagen: 1 dot" in english and "- Lokaler: 0 dots" in english
    assert "- Finished on 2026-11-22 at 12:40, after 6 of 6 rounds" in english


def test_an_unfinished_workshop_says_where_it_stopped(tmp_path: Path, clock: FakeClock) -> None:
    result = small_outcome(tmp_path, clock, end=False)
    assert result.ended_at == ""
    markdown = to_markdown(result)
    assert "- Ikke afsluttet: stoppede i runde 6 af 6\n" in markdown
    assert "Afsluttet" not in markdown


def test_own_words_export_with_a_category(tmp_path: Path, clock: FakeClock) -> None:
    result = small_outcome(tmp_path, clock)
    data = json.loads(to_json(result))
    assert data["agreements"][0]["values"] == ["Kaffe om fredagen"]
    assert data["agreements"][0]["categories"] == ["Egen værdi"]
    assert data["organisations"][0]["gives"][0]["category"] == "Egen værdi"
    assert data["votes"][0]["leaders"] == ["Kaffe om fredagen"]
    assert data["votes"][0]["undotted"] == ["Lokaler"]
    assert data["ended_at"] == "2026-11-22T11:40:00.000Z"
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    assert {"section": "vote", "value": "Kaffe om fredagen", "dots": "1"}.items() \
        <= next(row for row in rows if row["section"] == "vote").items()


def test_csv_and_json_exports(saved: Path, capsys: pytest.CaptureFixture[str],
                              tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, _, err = run_cli(capsys, "export", str(saved), "--format", "csv", "-o", str(target))
    assert code == 0 and err == f"Wrote {target}\n"
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    sections = [row["section"] for row in rows]
    assert sections.count("pick") == 5 and sections.count("action") == 2
    assert {"section": "vote", "round": "Det vigtigste", "value": "Lokaler", "dots": "6"}.items() \
        <= next(row for row in rows if row["section"] == "vote").items()
    code, out, _ = run_cli(capsys, "export", str(saved), "--format", "json")
    data = json.loads(out)
    assert data["agreements"][0]["dissent"] == [
        {"organisation": "Plejehjemmet", "text": "Kun om formiddagen"}]
    assert data["progress"] == {"round": 6, "rounds": 6} and data["ended"] is True
    assert [turn["outcome"] for turn in data["turns"]] == ["answered"] * 4
    assert data["organisations"][2]["gets"][0]["reason"] == "Nogen at gå tur med"


def test_sessions_list(saved: Path, capsys: pytest.CaptureFixture[str],
                       vaerdispil_home: Path) -> None:
    (saved.parent / "broken.jsonl").write_text("not json\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "sessions", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["NAME", "DATE", "TITLE"]
    row = next(line for line in lines if line.startswith(saved.stem))
    assert "Værksted i Vollsmose" in row and "vaerdispil (da)" in row and "ended" in row
    assert "Netto, B1909 | *fodbold*, Plejehjemmet" in row
    broken = next(line for line in lines if line.startswith("broken"))
    assert "damaged:" in broken and "not a vaerdispil workshop file" in broken


@pytest.mark.parametrize("columns", [80, 100])
def test_sessions_list_fits_a_terminal(saved: Path, columns: int,
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the saved list fits its width: the partners are cut ("…") and, on a
    narrow one, the deck and the time of the last change are left out; a damaged file's
    reason follows its name and widens no column."""
    from vaerdispil import session_commands

    (saved.parent / "broken.jsonl").write_text("not json\n", encoding="utf-8")
    monkeypatch.setattr(session_commands, "_terminal_width", lambda out: columns)
    code, out, _ = run_cli(capsys, "sessions", "list")
    assert code == 0
    lines = out.splitlines()
    row = next(line for line in lines if line.startswith(saved.stem))
    header = lines[0].split()
    assert all(len(line) < columns for line in lines if not line.startswith(("broken", "Work")))
    assert "Værksted i Vollsmose" in row and "ended" in row
    if columns == 80:  # a long file name: the partners are left out too
        assert header == ["NAME", "DATE", "TITLE", "PROGRESS"]
    else:
        assert header == ["NAME", "DATE", "TITLE", "PROGRESS", "ORGANISATIONS"]
        assert row.endswith("…") and "Netto, B1909" in row
    broken = next(line for line in lines if line.startswith("broken"))
    assert broken.split()[1] == "damaged:"
    assert len(lines[0]) < columns  # the damaged file's long reason widened no column


def test_sessions_list_when_there_are_none(capsys: pytest.CaptureFixture[str],
                                           vaerdispil_home: Path) -> None:
    code, out, _ = run_cli(capsys, "sessions", "list")
    assert code == 0 and out == f"No saved workshops in {vaerdispil_home / 'sessions'}\n"


def test_export_errors_are_one_line(saved: Path, capsys: pytest.CaptureFixture[str],
                                    tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "export", "no-such-workshop")
    assert code == 1 and err.startswith("vaerdispil: no-such-workshop: no such workshop file")
    code, _, err = run_cli(capsys, "export", str(saved), "-o", str(tmp_path / "no" / "dir.md"))
    assert code == 1
    assert err == (f"vaerdispil: {tmp_path / 'no' / 'dir.md'}: the folder {tmp_path / 'no'} "
                   "does not exist; create it first, or choose another file with -o\n")
    with pytest.raises(SystemExit) as exited:
        main(["export", str(saved), "--format", "pdf"])
    assert exited.value.code == 2


def test_new_session_names_do_not_collide(vaerdispil_home: Path, clock: FakeClock) -> None:
    first = new_session_path("Møde i Gellerup", "2026-11-22")
    assert first.name == "2026-11-22-moede-i-gellerup.jsonl"
    Game.new(first, DECK, clock=clock).close()
    assert new_session_path("Møde i Gellerup", "2026-11-22").name == \
        "2026-11-22-moede-i-gellerup-2.jsonl"


def test_the_saved_list_knows_a_terminal_from_a_file(tmp_path: Path) -> None:
    """The width the saved list fits is the terminal's own; a file has none."""
    import fcntl
    import os
    import struct
    import termios

    from vaerdispil.session_commands import _terminal_width

    main_end, terminal_end = os.openpty()
    try:
        fcntl.ioctl(terminal_end, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 93, 0, 0))
        with os.fdopen(terminal_end, "w", closefd=False) as terminal:
            assert _terminal_width(terminal) == 93
    finally:
        os.close(main_end)
        os.close(terminal_end)
    with (tmp_path / "list.txt").open("w") as file:
        assert _terminal_width(file) is None
    assert _terminal_width(io.StringIO()) is None
