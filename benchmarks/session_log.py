"""Benchmark: the session log's append cost (with fsync) and the time to open a big log.

    .venv/bin/python benchmarks/session_log.py

Baselines measured in the same run: appending the same bytes with a bare os.write + fsync,
and parsing the same file with json.loads line by line. Aim: open 100,000 events in under 1 s.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest import mock

from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.session.game import Game, fold, undo_stacks

EVENTS = 100_000
APPENDS = 300


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.moment += timedelta(milliseconds=250)
        return self.moment


def build(path: Path, events: int) -> Game:
    """A long workshop at a busy table: 30 participants in 10 organisations; turns with
    redraws, timer pauses, notes and edits; picks changed back and forth; votes changed."""
    deck = resolve_deck("vaerdispil")
    game = Game.new(path, deck, seed=1, clock=Clock(), title="Benchmark")
    orgs = [game.add_organisation(f"Organisation {i}", "forening") for i in range(10)]
    people = [game.add_participant(f"Deltager {i}", orgs[i % 10]) for i in range(30)]
    game.start_round("praesentation")
    while len(game.events) < events * 0.6:
        game.draw()
        game.pause_timer()
        game.resume_timer()
        game.extend_timer()
        note = game.note("Vi kan låne jer vores lokaler om tirsdagen, og vi har brug for hjælp.")
        game.edit(note, "text", "Vi kan låne jer vores lokaler om tirsdagen og torsdagen.")
    game.end_turn()
    game.start_round("det-giver-vi")
    while len(game.events) < events * 0.8:
        picks = [game.pick(org, "lokaler", reason="Vi har et stort lokale") for org in orgs]
        for pick in picks:
            game.remove(pick)
    game.pick(orgs[0], "lokaler")
    game.start_round("afstemning")
    while len(game.events) < events:
        for dots in (1, 2, 3, 0):
            game.vote(people[0], "card:lokaler", dots)
    game.undo()
    game.redo()
    return game


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.jsonl"
        started = time.perf_counter()
        with mock.patch("os.fsync"):  # building the test file needs no durability
            game = build(path, EVENTS)
        count = len(game.events)
        game.close()
        size = path.stat().st_size / 1024 / 1024
        print(f"log: {count:,} events, {size:.1f} MiB (built in {time.perf_counter() - started:.0f} s)")

        # Open: replay the whole file, against json.loads of every line.
        opens = []
        for _ in range(3):
            started = time.perf_counter()
            game = Game.open(path)
            opens.append(time.perf_counter() - started)
            game.close()
        parses = []
        for _ in range(3):
            started = time.perf_counter()
            with path.open("rb") as file:
                for line in file:
                    json.loads(line)
            parses.append(time.perf_counter() - started)
        print(f"open (read, check, replay):  {min(opens) * 1000:7.0f} ms   (aim: under 1000 ms)")
        print(f"baseline json.loads per line: {min(parses) * 1000:6.0f} ms   "
              f"ratio {min(opens) / min(parses):.2f}")

        # Append: one note per call, fsynced, against a bare write + fsync of the same bytes.
        game = Game.open(path)
        appends = []
        for number in range(APPENDS):
            started = time.perf_counter()
            game.note(f"Note {number}: vi mødes igen i marts.")
            appends.append(time.perf_counter() - started)
        line = (json.dumps(game.events[-1], ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        game.close()
        bare_path = Path(folder) / "bare.jsonl"
        fd = os.open(bare_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        bare = []
        for _ in range(APPENDS):
            started = time.perf_counter()
            os.write(fd, line)
            os.fsync(fd)
            bare.append(time.perf_counter() - started)
        os.close(fd)
        ours, base = statistics.median(appends), statistics.median(bare)
        print(f"append one event (median of {APPENDS}): {ours * 1000:6.2f} ms; "
              f"bare write+fsync {base * 1000:6.2f} ms; ratio {ours / base:.2f}")

        # Undo puts back what the action changed; the full fold it replaced, for comparison.
        game = Game.open(path)
        started = time.perf_counter()
        game.undo()
        undo = time.perf_counter() - started
        started = time.perf_counter()
        fold(game.deck, game.header, game.events, undo_stacks(game.events)[0])
        refold = time.perf_counter() - started
        print(f"undo in a {len(game.events):,}-event log: {undo * 1000:.1f} ms "
              f"(a full fold: {refold * 1000:.0f} ms; aim: under 50 ms)")
        game.close()


if __name__ == "__main__":
    main()
