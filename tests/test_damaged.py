"""Every damaged or hostile workshop file gets one clear line, from every command, and is
never changed by a command that only reads it.

A corpus is made here from a real workshop: the damage users and disks produced (deep
nesting, wrong types, unknown references, impossible numbers, bad times, control
characters), one-byte flips in every event, and cuts at and between every event boundary.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FakeClock, run_cli
from tests.test_exports import complete_workshop
from vaerdispil.session.errors import SessionError
from vaerdispil.session.game import Game, replay
from vaerdispil.session.log import parse
from vaerdispil.session.schema import SHAPES

Lines = list[dict[str, Any]]


def workshop_lines(folder: Path) -> tuple[bytes, Lines]:
    """A complete workshop's header line and its events."""
    path = folder / "source.jsonl"
    complete_workshop(path, FakeClock()).close()
    header, *events = path.read_bytes().split(b"\n")[:-1]
    return header, [json.loads(line) for line in events]


def write(path: Path, header: bytes, events: Lines) -> Path:
    body = b"".join(json.dumps(e, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
                    for e in events)
    path.write_bytes(header + b"\n" + body)
    return path


def first(events: Lines, kind: str) -> dict[str, Any]:
    return next(e for e in events if e["type"] == kind)


def damage(events: Lines, kind: str, **fields: Any) -> Lines:
    """The events with the first of `kind` changed."""
    changed = [dict(e) for e in events]
    target = first(changed, kind)
    target.update(fields)
    return changed


NAMED: dict[str, Callable[[Lines], Lines]] = {
    "note-text-is-a-list": lambda ev: damage(ev, "note_added", text=["a", "b"]),
    "outcome-flipped-byte": lambda ev: damage(ev, "turn_ended", outcome="`nswered"),
    "pick-by-unknown-org": lambda ev: damage(ev, "picked", org="o99"),
    "side-sideways": lambda ev: damage(ev, "picked", side="sideways"),
    "dots-negative": lambda ev: damage(ev, "vote_set", dots=-5),
    "dots-huge": lambda ev: damage(ev, "vote_set", dots=1e9),
    "dots-over-budget": lambda ev: damage(ev, "vote_set", dots=999),
    "vote-unknown-value": lambda ev: damage(ev, "vote_set", value="card:no-such-card"),
    "time-not-a-time": lambda ev: damage(ev, "org_added", ts="not-a-time"),
    "lone-surrogate": lambda ev: damage(ev, "org_added", name="Netto\udc80"),
    "nul-in-name": lambda ev: damage(ev, "participant_added", name="Ai\x00sha"),
    "esc-in-name": lambda ev: damage(ev, "participant_added", name="Ai\x1b[31msha"),
    "bel-in-note": lambda ev: damage(ev, "note_added", text="Ding\x07"),
    "bidi-override": lambda ev: damage(ev, "org_added", name="Netto\u202e"),
    "name-too-long": lambda ev: damage(ev, "org_added", name="N" * 10_000),
    "boolean-as-number": lambda ev: damage(ev, "timer_extended" if any(
        e["type"] == "timer_extended" for e in ev) else "vote_set", dots=True),
    "unknown-field": lambda ev: damage(ev, "org_added", colour="red"),
    "missing-field": lambda ev: [{k: v for k, v in e.items() if k != "card"}
                                 if e is first(ev, "picked") else e for e in ev],
    "unknown-card": lambda ev: damage(ev, "card_drawn", card="no-such-card"),
    "dissent-on-nothing": lambda ev: damage(ev, "dissent_added", agreed="v999"),
    "item-id-taken": lambda ev: damage(ev, "action_added", id=first(ev, "note_added")["id"]),
    "edit-of-nothing": lambda ev: damage(ev, "item_edited", id="n999"),
    "bad-date": lambda ev: damage(ev, "follow_up_set", date="2027-02-30"),
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Lines]:
    return workshop_lines(tmp_path_factory.mktemp("source"))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused_in_one_line(code: int, err: str, path: Path) -> str:
    lines = err.strip().splitlines()
    assert code == 1, err
    assert len(lines) == 1, err
    assert lines[0].startswith(f"vaerdispil: {path}:"), err
    assert "unexpected error" not in err and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("case", sorted(NAMED))
def test_named_damage_is_one_line_from_every_command(case: str, source: tuple[bytes, Lines],
                                                     tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    header, events = source
    path = write(tmp_path / f"{case}.jsonl", header, NAMED[case](events))
    before = sha(path)
    line_of = None
    for command in (["export", str(path), "--format", "json"],
                    ["export", str(path), "--format", "md"],
                    ["print", "summary", str(path), "-o", str(tmp_path / "s.pdf")]):
        code, _, err = run_cli(capsys, *command)
        said = refused_in_one_line(code, err, path)
        where = said.removeprefix(f"vaerdispil: {path}:").split(":")[0]
        assert where.isdigit() and int(where) >= 2  # the event's line, not just the file
        assert f"event {int(where) - 1} " in said  # and its sequence number
        line_of = line_of or said
        assert said == line_of  # every command says the same
    assert not (tmp_path / "s.pdf").exists()
    with pytest.raises(SessionError) as caught:
        Game.open(path)
    assert str(caught.value) == line_of.removeprefix("vaerdispil: ")
    assert sha(path) == before  # no read-only command (nor a refused open) changed it


def test_a_deeply_nested_line_is_one_line(source: tuple[bytes, Lines], tmp_path: Path,
                                          capsys) -> None:  # type: ignore[no-untyped-def]
    header, events = source
    path = write(tmp_path / "deep.jsonl", header, events)
    with path.open("ab") as file:
        file.write(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    before = sha(path)
    code, _, err = run_cli(capsys, "export", str(path))
    said = refused_in_one_line(code, err, path)
    assert said.startswith(f"vaerdispil: {path}:{len(events) + 2}: this line is")
    code, out, err = run_cli(capsys, "sessions", "list")
    assert code == 0 and err == ""
    assert sha(path) == before


def saved_with_a_deep_one(source: tuple[bytes, Lines]) -> Path:
    """The sessions folder with a good workshop and one with a deeply nested last line."""
    from vaerdispil.paths import sessions_dir

    header, events = source
    folder = sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / "good.jsonl", header, events)
    deep = write(folder / "deep.jsonl", header, events)
    with deep.open("ab") as file:
        file.write(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    return folder


def test_one_damaged_file_never_hides_the_others(source: tuple[bytes, Lines],
                                                 vaerdispil_home: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    header, events = source
    folder = saved_with_a_deep_one(source)
    write(folder / "typed.jsonl", header, NAMED["note-text-is-a-list"](events))
    code, out, err = run_cli(capsys, "sessions", "list")
    assert code == 0 and err == ""
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "Værksted i Vollsmose" in rows["good"]
    assert "damaged:" in rows["deep"] and "this line is" in rows["deep"]
    assert "damaged:" in rows["typed"] and "'text' is a list, not text" in rows["typed"]


def boundaries(data: bytes) -> list[int]:
    return [i + 1 for i, byte in enumerate(data) if byte == 0x0A]


def test_cuts_at_and_between_every_event_boundary(source: tuple[bytes, Lines],
                                                   tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A file cut short (a crash, a full disk, a copy that stopped) is the workshop up to
    the cut: a torn last line is dropped with a warning, by export as by the app."""
    header, events = source
    whole = write(tmp_path / "whole.jsonl", header, events).read_bytes()
    ends = boundaries(whole)
    for end in ends[2:]:  # from the first event after the workshop's details
        for cut in (end, end - 7):  # at a boundary, and inside the line before it
            path = tmp_path / "cut.jsonl"
            path.write_bytes(whole[:cut])
            before = sha(path)
            code, out, err = run_cli(capsys, "export", str(path), "--format", "json")
            assert code == 0, err
            assert json.loads(out)["title"] == "Værksted i Vollsmose"
            torn = cut != end
            assert ("dropped an incomplete last line" in err) == torn, err
            assert len(err.strip().splitlines()) == (1 if torn else 0)
            assert sha(path) == before


def test_one_byte_flips_in_every_event(source: tuple[bytes, Lines], tmp_path: Path,
                                       capsys) -> None:  # type: ignore[no-untyped-def]
    """A flipped byte anywhere in an event: either it still reads as a valid event, or
    it is refused in one line that names its line. Never a crash, never a change."""
    header, events = source
    whole = write(tmp_path / "whole.jsonl", header, events).read_bytes()
    ends = boundaries(whole)
    refused = 0
    for start, end in zip(ends, ends[1:]):
        for offset in (2, (end - start) // 3, (end - start) // 2, end - start - 3):
            position = start + offset
            for flip in (0x01, 0x20, 0x80):
                data = bytearray(whole)
                data[position] ^= flip
                path = tmp_path / "flip.jsonl"
                path.write_bytes(bytes(data))
                code, _, err = run_cli(capsys, "export", str(path), "--format", "json")
                assert code in (0, 1), err
                assert "unexpected error" not in err and "Traceback" not in err
                if code == 1:
                    refused += 1
                    said = refused_in_one_line(code, err, path)
                    assert said.removeprefix(f"vaerdispil: {path}:").split(":")[0].isdigit()
                assert path.read_bytes() == bytes(data)
    assert refused > 100  # most flips break an event; each was said in one line


KINDS = sorted(SHAPES)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_mutated_events_are_refused_or_accepted_as_the_schema_says(
        source: tuple[bytes, Lines], data: st.DataObject) -> None:
    """Each mutation has a known verdict: a wrong type, a missing required field, an
    unknown field, a control character or an impossible number is refused; the same
    event with a valid new text is accepted."""
    header, events = source
    index = data.draw(st.integers(0, len(events) - 1))
    event = dict(events[index])
    fields = [name for name in event if name not in ("seq", "ts", "type")]
    mutation = data.draw(st.sampled_from(
        ["wrong-type", "drop", "extra", "control", "retext"] if fields else ["extra"]))
    name = data.draw(st.sampled_from(fields)) if fields else ""
    required = SHAPES[event["type"]].get(name, (None, False))[1] if name else False
    expect_refused = True
    if mutation == "wrong-type":
        event[name] = {"x": 1}  # no field of any event is an object
    elif mutation == "drop":
        del event[name]
        expect_refused = required
    elif mutation == "extra":
        event["surprise"] = 1
    elif mutation == "control":
        if not isinstance(event[name], str):
            return
        event[name] = event[name] + "\x1b"
    else:  # a valid new text where the field holds free text
        if name not in ("text", "name", "reason", "what", "person", "title", "place",
                        "facilitator") or not isinstance(event[name], str):
            return
        event[name] = "Ny tekst med æøå og ş"
        expect_refused = False
    mutated = events[:index] + [event] + events[index + 1:]
    body = b"".join(json.dumps(e, ensure_ascii=False).encode() + b"\n" for e in mutated)
    try:
        recording = parse(header + b"\n" + body, "w.jsonl")
    except SessionError as error:
        assert expect_refused, f"{mutation} of {name}: {error}"
        assert str(error).startswith(f"w.jsonl:{index + 2}: event {index + 1} ")
        return
    assert not expect_refused or mutation == "drop", f"{mutation} of {name} was accepted"
    assert len(recording.events) == len(events)


def test_creating_a_workshop_on_a_full_disk_leaves_nothing(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_tui_workshop import DECK

    path = tmp_path / "new.jsonl"
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SessionError) as caught:
        Game.new(path, DECK, clock=FakeClock())
    assert "No space left on device" in str(caught.value) and "try again" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # no empty or cut-off file, no temporary file
    monkeypatch.setattr(os, "write", real_write)
    game = Game.new(path, DECK, clock=FakeClock(), title="Igen")  # the same name works now
    game.close()
    assert replay(path).state.details.title == "Igen"


def test_a_failed_first_save_leaves_no_file(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The header is there, but the first event cannot be saved: nothing of the user's is
    in the file, so it goes, and trying again with the same name works."""
    from tests.test_tui_workshop import DECK
    from vaerdispil.session.log import SessionLog

    path = tmp_path / "new.jsonl"

    def full(self: SessionLog, event: Any) -> None:
        raise SessionError(f"{self.path}: could not save the last action (No space left on "
                           "device); free some disk space or check the folder, then try again")

    monkeypatch.setattr(SessionLog, "append", full)
    with pytest.raises(SessionError):
        Game.new(path, DECK, clock=FakeClock())
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    Game.new(path, DECK, clock=FakeClock()).close()
    assert path.exists()


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x08", "\u202e", "\u2066"])
def test_deck_check_refuses_what_print_cards_would(char: str, tmp_path: Path,
                                                   capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.test_deck_loader import VALID

    path = tmp_path / "deck.yaml"
    path.write_text(VALID.replace("    title: Lokaler", f"    title: Lok{char}aler"),
                    encoding="utf-8")
    code, out, err = run_cli(capsys, "deck", "check", str(path))
    assert code == 1
    line = (out + err).strip().splitlines()[0]
    # A raw control character is refused where it stands (YAML does not allow it in a
    # file); a format character, such as a bidi override, in the value that holds it.
    where = "13:15: the file holds" if char < " " else "13:12: card 'lokaler': 'title' holds"
    assert line.startswith(f"{path}:{where} the invisible character U+{ord(char):04X}"), line
    code, _, err = run_cli(capsys, "print", "cards", "--deck", str(path), "-o",
                           str(tmp_path / "c.pdf"))
    assert code == 1 and line in err  # the same rule, the same line


def test_names_typed_with_control_characters_are_cleaned(tmp_path: Path) -> None:
    from tests.test_tui_workshop import DECK

    game = Game.new(tmp_path / "w.jsonl", DECK, clock=FakeClock())
    org = game.add_organisation("Net\x1bto\u202e", "virksomhed")
    game.add_participant("Ai\x00sha\tJensen", org)
    assert game.state.organisations[org].name == "Netto"
    assert [p.name for p in game.state.participants.values()] == ["Aisha Jensen"]
    game.close()
    assert replay(tmp_path / "w.jsonl").state.organisations[org].name == "Netto"


async def test_the_start_screen_lists_the_others_beside_a_damaged_file(
        source: tuple[bytes, Lines], vaerdispil_home: Path) -> None:
    from textual.widgets import OptionList

    from vaerdispil.tui.app import VaerdispilApp

    _, events = source
    folder = saved_with_a_deep_one(source)
    app = VaerdispilApp(deck=None, language="da", sessions_folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = app.screen.query_one("#saved", OptionList)
        rows = [str(saved.get_option_at_index(i).prompt) for i in range(saved.option_count)]
        assert rows[0].startswith("Værksted i Vollsmose")  # the good one, to resume
        assert saved.get_option_at_index(0).id == str(folder / "good.jsonl")
        assert rows[1].startswith("deep  kan ikke åbnes")  # the damaged one, with its reason
        assert f":{len(events) + 2}: this line is" in rows[1]
        assert saved.get_option_at_index(1).disabled
        await pilot.press("ctrl+q")
    assert app.return_code == 0
