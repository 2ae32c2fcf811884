"""The session log loses nothing: torn lines, damage, locks, crashes and full disks."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import CARDS, FakeClock
from tests.test_deck_loader import VALID
from vaerdispil.deck.loader import load_deck
from vaerdispil.session.game import Game
from vaerdispil.session.log import SessionError, SessionLocked, read

DECK = load_deck(CARDS / "vaerdispil.da.yaml")


def played(path: Path, clock: FakeClock) -> Game:
    game = Game.new(path, DECK, seed=11, clock=clock, title="Værksted i Vollsmose")
    org = game.add_organisation("Klubben", "forening")
    game.add_participant("Ida", org)
    game.next_round()
    game.draw()
    game.note("Ida fortæller om klubben <b> & co")
    return game


def test_file_is_json_lines_with_a_header(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "w.jsonl"
    played(path, clock).close()
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "vaerdispil-session" and header["version"] == 1
    assert header["deck"]["id"] == "vaerdispil" and header["deck"]["hash"] == DECK.content_hash
    assert header["seed"] == 11 and header["created"] == "2026-11-22T09:00:00.000Z"
    events = [json.loads(line) for line in lines[1:]]
    assert [e["seq"] for e in events] == list(range(1, 7))
    assert [e["type"] for e in events] == ["details_set", "org_added", "participant_added",
                                            "round_started", "card_drawn", "note_added"]
    assert all(e["ts"] == "2026-11-22T09:00:00.000Z" for e in events)
    assert events[-1]["text"] == "Ida fortæller om klubben <b> & co"


def test_resume_lands_exactly_where_it_stopped(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "w.jsonl"
    game = played(path, clock)
    game.pause_timer()
    state = game.state
    game.close()
    again = Game.open(path, clock=clock)
    assert again.state == state
    assert again.warnings == []
    turn = again.state.rounds["praesentation"].turns[next(iter(again.state.participants))]
    assert turn.card is not None and turn.timer is not None and turn.timer.paused_at is not None


def test_the_session_keeps_its_deck_when_the_file_changes(tmp_path: Path,
                                                          clock: FakeClock) -> None:
    deck_file = tmp_path / "mine.yaml"
    deck_file.write_text(VALID, encoding="utf-8")
    path = tmp_path / "w.jsonl"
    Game.new(path, load_deck(deck_file), seed=1, clock=clock).close()
    deck_file.write_text(VALID.replace("title: Testdeck", "title: Nyt navn"), encoding="utf-8")
    game = Game.open(path, clock=clock)
    assert game.deck.title == "Testdeck"  # the copy it was played with
    game.close()
    with pytest.raises(SessionError) as caught:
        Game.open(path, deck=load_deck(deck_file), clock=clock)
    assert str(caught.value) == (
        f"{path}:1: this workshop was played with another version of the deck 'test-deck' "
        f"than {deck_file}; open it without --deck to use the copy it keeps"
    )


def test_torn_last_line_is_dropped_with_a_warning(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "w.jsonl"
    game = played(path, clock)
    state = game.state
    game.close()
    whole = path.read_bytes()
    with path.open("ab") as file:
        file.write(b'{"seq":7,"ts":"2026-11-22T09:00:00.000Z","type":"no')
    game = Game.open(path, clock=clock)
    assert game.state == state
    assert game.warnings == [
        f"{path}:8: dropped an incomplete last line (the program stopped while writing it); "
        "everything before it is intact"
    ]
    assert path.read_bytes() == whole  # cut back to the last whole line, then:
    game.note("Efter nedbruddet")
    game.close()
    assert Game.open(path, clock=clock).state.notes.popitem()[1].text == "Efter nedbruddet"


MEND = ("; the file is damaged and left as it is (restore it from a backup, or open it in a "
        "text editor and mend that line)")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda lines: lines.__setitem__(3, b'{"seq": 3, broken'),
         "{path}:4: this line is damaged (not a JSON event); the file is left as it is: restore "
         "it from a backup, or remove the line by hand to open the rest"),
        (lambda lines: lines.__setitem__(3, lines[3].replace(b'"seq":3', b'"seq":9')),
         "{path}:4: event 3 should be event number 3, but says 9" + MEND),
        (lambda lines: lines.__setitem__(3, lines[3].replace(b'"participant_added"',
                                                             b'"teleported"')),
         "{path}:4: event 3 is of an unknown kind 'teleported'; the file may come from a newer "
         "vaerdispil (update it)" + MEND),
        (lambda lines: lines.__setitem__(0, lines[0].replace(b'"version":1', b'"version":7')),
         "{path}:1: the workshop file was made by a newer vaerdispil (file format 7; this "
         "vaerdispil reads format 1); update vaerdispil to open it"),
        (lambda lines: lines.__setitem__(0, lines[0].replace(b'"version":1', b'"version":"1"')),
         "{path}:1: the header's format version '1' is not a whole number; the header is "
         "damaged and the file is left as it is"),
        (lambda lines: lines.__setitem__(0, lines[0].replace(b"Klubben", b"Klubben")
                                         .replace(b"format: 1", b"format: 1 ")),
         "{path}:1: the copy of the deck in the workshop file does not match its recorded hash; "
         "the file is damaged"),
        (lambda lines: lines.__setitem__(3, lines[3].replace(b'"org":"o2"', b'"org":"o99"')),
         "{path}:4: event 3 (participant_added) names an unknown organisation 'o99'" + MEND),
        (lambda lines: lines.__setitem__(slice(None), [b"hello"]),
         "{path}:1: this is not a vaerdispil workshop file"),
        (lambda lines: lines.__setitem__(slice(None), [b""]),
         "{path}:1: the workshop file is empty or cut off before its first line ended; it cannot "
         "be opened"),
        (lambda lines: lines.__setitem__(slice(None), [lines[0][:40]]),
         "{path}:1: the workshop file is empty or cut off before its first line ended; it cannot "
         "be opened"),
    ],
    ids=["bad-json", "bad-seq", "unknown-event", "version", "version-text", "deck-hash",
         "bad-reference",
         "not-ours", "empty", "torn-header"],
)
def test_damage_is_named_and_the_file_untouched(tmp_path: Path, clock: FakeClock, damage,  # type: ignore[no-untyped-def]
                                                 message: str) -> None:
    path = tmp_path / "w.jsonl"
    played(path, clock).close()
    lines = path.read_bytes().split(b"\n")
    damage(lines)
    path.write_bytes(b"\n".join(lines))
    before = path.read_bytes()
    with pytest.raises(SessionError) as caught:
        Game.open(path, clock=clock)
    assert str(caught.value) == message.format(path=path)
    assert path.read_bytes() == before


def test_missing_file_and_existing_target(tmp_path: Path, clock: FakeClock) -> None:
    with pytest.raises(SessionError) as caught:
        Game.open(tmp_path / "nope.jsonl", clock=clock)
    assert str(caught.value).startswith(f"{tmp_path / 'nope.jsonl'}: no such workshop file")
    path = tmp_path / "w.jsonl"
    played(path, clock).close()
    with pytest.raises(SessionError) as caught:
        Game.new(path, DECK, clock=clock)
    assert "exists already" in str(caught.value)


def test_full_disk_keeps_the_file_whole(tmp_path: Path, clock: FakeClock,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.jsonl"
    game = played(path, clock)
    state_before = repr(game.state)
    real_write = os.write

    def half_then_full(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        monkeypatch.setattr(os, "write", full)
        return real_write(fd, bytes(data)[: len(data) // 2])

    def full(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(SessionError) as caught:
        game.note("Dette bliver ikke gemt")
    monkeypatch.setattr(os, "write", real_write)
    assert str(caught.value) == (
        f"{path}: could not save the last action (No space left on device); free some disk "
        "space or check the folder, then try again"
    )
    assert repr(game.state) == state_before  # not shown as done
    game.note("Nu er der plads igen")
    game.close()
    notes = [n.text for n in Game.open(path, clock=clock).state.notes.values()]
    assert notes == ["Ida fortæller om klubben <b> & co", "Nu er der plads igen"]


LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from vaerdispil.session.game import Game
    game = Game.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    """
)


def test_a_second_program_is_told_the_workshop_is_open(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "w.jsonl"
    played(path, clock).close()
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(SessionLocked) as caught:
            Game.open(path, clock=clock)
        assert str(caught.value) == (
            f"{path}: this workshop is open in another window; close it there first")
        read(path)  # reading (export, list) is still fine
    finally:
        holder.kill()  # the holder dies without releasing anything by hand
        holder.wait()
    Game.open(path, clock=clock).close()  # the lock died with it


CRASHER = textwrap.dedent(
    """
    import sys
    from vaerdispil.session.game import Game
    game = Game.open(sys.argv[1])
    org = next(iter(game.state.organisations))
    for number in range(100000):
        note = game.note(f"note {number}")
        print(note, flush=True)  # acknowledged: the call returned
    """
)


def test_killed_at_random_moments_loses_no_acknowledged_event(tmp_path: Path,
                                                               clock: FakeClock) -> None:
    path = tmp_path / "w.jsonl"
    played(path, clock).close()
    rng = random.Random(20261122)
    acknowledged: list[str] = []
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", CRASHER, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for _ in range(rng.randint(1, 40)):  # let it get a random way into its writing
            line = child.stdout.readline()
            if line:
                acknowledged.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged += rest.split()  # printed before the kill landed: acknowledged too
        game = Game.open(path, clock=clock)
        saved = set(game.state.notes)
        missing = [note for note in acknowledged if note not in saved]
        assert missing == [], f"acknowledged but lost: {missing}"
        game.close()
    assert len(acknowledged) >= 12


def test_a_deck_is_parsed_once_per_hash_and_each_file_gets_its_own(tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    """Workshops that carry the same deck share one parse; a workshop whose deck differs
    (same id, a card changed) is read with its own deck, never a cached other one."""
    from unittest import mock

    from vaerdispil.deck import loader
    from vaerdispil.deck.loader import load_deck_text
    from vaerdispil.session import log as session_log

    changed = load_deck_text(DECK.text.replace("title: Lokaler", "title: Lokaler og køkken"),
                             "changed.yaml")
    assert changed.id == DECK.id and changed.content_hash != DECK.content_hash
    paths = []
    for number, deck in enumerate([DECK, DECK, changed, DECK]):
        path = tmp_path / f"w{number}.jsonl"
        Game.new(path, deck, seed=1, clock=clock).close()
        paths.append(path)
    session_log._DECKS.clear()
    with mock.patch.object(loader, "load_deck_bytes", wraps=loader.load_deck_bytes) as parse:
        decks = [read(path).header.deck for path in paths]
    assert parse.call_count == 2  # one per distinct deck
    assert [deck.card("lokaler").title for deck in decks] == [
        "Lokaler", "Lokaler", "Lokaler og køkken", "Lokaler"]
    assert [deck.source for deck in decks] == [f"{path} (deck vaerdispil)" for path in paths]

    # A later process finds both decks kept (by hash) and loads no YAML at all.
    session_log._DECKS.clear()
    with mock.patch.object(loader, "load_deck_bytes", wraps=loader.load_deck_bytes) as parse:
        kept = [read(path).header.deck for path in paths]
    assert parse.call_count == 0
    assert kept == decks
    assert [deck.card("lokaler").title for deck in kept] == [
        "Lokaler", "Lokaler", "Lokaler og køkken", "Lokaler"]
    assert [deck.text for deck in kept] == [deck.text for deck in decks]


def test_a_kept_deck_is_the_deck_its_text_loads_to(vaerdispil_home: Path) -> None:
    """Every bundled deck, kept and read back, is the deck its text loads to, down to
    each card's line; a damaged, foreign or stale entry is not used, and made again."""
    from vaerdispil.deck import kept as deck_kept
    from vaerdispil.deck.catalog import find_decks
    from vaerdispil.derived import keep_quietly, to_plain

    for entry in find_decks():
        deck = entry.deck
        deck_kept.keep_deck(deck)
        again = deck_kept.kept_deck(deck.content_hash, deck.text, deck.source)
        assert again is not None, deck.id
        assert to_plain(again) == to_plain(deck) and again.text == deck.text
        assert again.card(deck.cards[0].id) == deck.cards[0]
    deck = find_decks()[0].deck
    place = vaerdispil_home / "cache" / "decks" / f"{deck.content_hash}.json"
    good = place.read_bytes()
    content = good.partition(b"\n")[2]
    title = deck.cards[0].title.encode()
    assert title in content
    for bad in (good.replace(title, title.upper()),  # changed on disk: its seal says so
                good[:-1], b"", b"[" * 100_000):
        place.write_bytes(bad)
        assert deck_kept.kept_deck(deck.content_hash, deck.text, deck.source) is None
    for sealed in (content.replace(b'"code": "', b'"code": "x'),  # other code made it
                   content.replace(deck.content_hash.encode(), b"0" * 64),
                   content.replace(b'"format": 2', b'"format": 1'), b"[" * 100_000):
        keep_quietly(place, sealed)
        assert deck_kept.kept_deck(deck.content_hash, deck.text, deck.source) is None
    assert deck_kept.kept_deck("../../etc/passwd", deck.text, deck.source) is None
    deck_kept.keep_deck(deck)  # made again
    assert deck_kept.kept_deck(deck.content_hash, deck.text, deck.source) == deck
    shutil.rmtree(place.parent)
    place.parent.write_text("not a folder")  # nowhere to keep it: no harm, nothing kept
    deck_kept.keep_deck(deck)
    assert deck_kept.kept_deck(deck.content_hash, deck.text, deck.source) is None


def test_the_saved_list_comes_from_the_index_and_notices_a_changed_file(
        vaerdispil_home: Path, clock: FakeClock) -> None:
    """The list shows the same rows, in the same order, as reading every file; a file
    changed behind the index is read again; a damaged index is rebuilt."""
    import os
    from unittest import mock

    from vaerdispil.paths import sessions_dir
    from vaerdispil.session import store
    from vaerdispil.session.store import INDEX_NAME, describe, list_sessions

    folder = sessions_dir()
    paths = []
    for number in range(4):
        path = folder / f"w{number}.jsonl"
        game = Game.new(path, DECK, seed=number, clock=clock, title=f"Værksted {number}")
        clock.advance(60)
        game.add_organisation(f"Org {number}", "forening")
        game.close()
        paths.append(path)
    (folder / "damaged.jsonl").write_bytes(paths[0].read_bytes() + b"[" * 10 + b"\n")

    def full() -> list[object]:
        infos = [describe(path) for path in folder.glob("*.jsonl")]
        return sorted(infos, key=lambda info: info.last_change, reverse=True)

    first = list_sessions(folder)
    assert (folder / INDEX_NAME).exists()
    assert first == full()
    with mock.patch.object(store, "describe", wraps=describe) as read_again:
        assert list_sessions(folder) == first  # all from the index
        assert read_again.call_count == 0
        game = Game.open(paths[1], clock=clock)  # a change behind the index
        clock.advance(60)
        game.add_organisation("Biblioteket", "institution")
        game.close()
        os.utime(paths[1], ns=(10**18, 10**18))
        again = list_sessions(folder)
        assert read_again.call_count == 1 and read_again.call_args.args[0] == paths[1]
    assert again == full()
    assert "Biblioteket" in next(i for i in again if i.path == paths[1]).organisations
    (folder / INDEX_NAME).write_text("{not json", encoding="utf-8")  # a damaged index
    assert list_sessions(folder) == full()


def test_the_first_look_at_many_saved_workshops_reads_them_on_every_core(
        vaerdispil_home: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read by helper processes (a few at a time, this process taking its share), the
    list is the same, in the same order, as reading each file here, damaged ones too."""
    from vaerdispil import parallel
    from vaerdispil.paths import sessions_dir
    from vaerdispil.session.store import INDEX_NAME, describe, iter_sessions

    folder = sessions_dir()
    for number in range(7):
        game = Game.new(folder / f"w{number}.jsonl", DECK, seed=number, clock=clock,
                        title=f"Værksted {number}")
        clock.advance(60)
        game.add_organisation(f"Org {number}", "forening")
        game.close()
        os.utime(folder / f"w{number}.jsonl", ns=(10**18 + number, 10**18 + number))
    (folder / "w3.jsonl").write_bytes(b'{"format": "nothing"}\n')
    os.utime(folder / "w3.jsonl", ns=(10**18 + 3, 10**18 + 3))
    from tests.test_outcome_cache import spy_on_helpers

    started = spy_on_helpers(monkeypatch)
    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 1)
    monkeypatch.setattr(parallel, "BATCH", 2)
    streamed = list(iter_sessions(folder))
    assert len(started) == parallel._helpers() and (folder / INDEX_NAME).exists()  # noqa: SLF001
    assert [info.path.name for info in streamed] == [f"w{n}.jsonl" for n in range(6, -1, -1)]
    assert streamed == [describe(info.path) for info in streamed]
    assert "not a vaerdispil workshop file" in streamed[3].problem
    assert json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))["version"] == 1
