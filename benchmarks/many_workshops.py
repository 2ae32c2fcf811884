"""Benchmark: hundreds of saved workshops. The saved list, the cross-workshop report (CSV
and PDF) and undo in a long workshop.

    .venv/bin/python benchmarks/many_workshops.py            N = 10, 100, 1000
    .venv/bin/python benchmarks/many_workshops.py 10 100     other sizes

The workshops are distinct: each is played through the engine by a seeded random script
(its own organisations, people, picks, votes, agreements), not copied from one file.
Every figure is printed against a baseline measured in the same run: a bare Python
process that json-parses every line of the same files, run just before each run of the
command. Each figure is the best of three runs (a first run: with the saved list's index
and the kept outcomes removed before each; the decks kept by hash stay, as they would
for anyone who has opened one workshop before), over the best of its three baselines.
Aim: the list and the CSV report at most 3x the baseline at every N, memory flat in N,
undo under 50 ms at 100,000 events.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest import mock

from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.game import rules
from vaerdispil.game.rules import RuleError
from vaerdispil.session.game import Game

ORGS = ["Netto", "Plejehjemmet", "B1909", "Biblioteket", "Kommunen", "Boligforeningen",
        "Skolen", "Kirken", "Ungdomsklubben", "Medborgerhuset"]
PEOPLE = ["Aisha", "Bo", "Cem", "Dorthe", "Emil", "Fatima", "Gustav", "Hanne", "Ismail"]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=20)
        return self.moment


def play_one(path: Path, seed: int) -> None:
    """A whole workshop with a random table, picks, a vote and an agreement."""
    draw = random.Random(seed)
    deck = resolve_deck("vaerdispil", "da")
    start = datetime(2025, 1, 1, 9, tzinfo=timezone.utc) + timedelta(days=draw.randint(0, 600))
    game = Game.new(path, deck, seed=seed, clock=Clock(start),
                    title=f"Værksted {seed}", place=draw.choice(["Vollsmose", "Gellerup"]),
                    date=start.date().isoformat(), facilitator=draw.choice(PEOPLE))
    orgs = [game.add_organisation(name, "forening") for name in draw.sample(ORGS, 5)]
    people = [game.add_participant(draw.choice(PEOPLE), draw.choice(orgs)) for _ in range(7)]
    for round_ in deck.rounds:
        game.start_round(round_.id)
        try:
            if round_.mode.value == "turns":
                while rules.turn_progress(game.state, round_).taker is not None:
                    game.draw()
                    game.end_turn(draw.choice(["answered", "answered", "passed"]))
            elif round_.mode.value == "pick":
                cards = [c.id for c in rules.round_cards(deck, round_) if c.kind.value == "value"]
                for org in orgs:
                    for card in draw.sample(cards, 2):
                        game.pick(org, card, reason=draw.choice(["", "Vi har tid"]))
            elif round_.mode.value == "vote":
                values = [v.key for v in rules.picked_values(game.state, deck)]
                for person in people:
                    game.vote(person, draw.choice(values), 1)
                    game.finish_vote(person)
            elif round_.mode.value == "agree":
                values = [v.key for v in rules.picked_values(game.state, deck)]
                agreed = game.agree("Vi deler lokaler", draw.sample(values, 2), orgs[:3])
                game.dissent(agreed, orgs[-1], "Ikke om aftenen")
                game.add_action("Lav en nøgleaftale", orgs[0], "Aisha", "2026-03-01")
        except RuleError:
            pass
    game.end_session()
    game.close()


BARE = """
import json, sys
from pathlib import Path
for path in Path(sys.argv[1]).glob("*.jsonl"):
    with path.open("rb") as file:
        for line in file:
            json.loads(line)
"""

FLOOR = """
import argparse, csv, dataclasses, datetime, enum, gettext, hashlib, tempfile, typing
import platformdirs
""" + BARE
"""The bare parse after importing the standard modules (and platformdirs) that any such
command needs, and nothing of ours: what no command of this size can go below. Where
the bare parse is short (N = 10), this alone is a good part of 3x."""


PEAK = """
import resource, runpy, sys
try:
    sys.argv = sys.argv[1:]  # vaerdispil ARGS, or vaerdispil -c CODE ARGS
    if sys.argv[1] == "-c":  # run CODE with ARGS as its arguments
        code = sys.argv[2]
        sys.argv = sys.argv[2:]
        exec(code)
    else:
        runpy.run_module("vaerdispil", run_name="__main__")
finally:
    # VmHWM: this program's own peak. ru_maxrss would also count the benchmark's memory,
    # which a forked child starts with on Linux (so it grew with N for no fault of ours).
    try:
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("peak-kib", peak, file=sys.stderr)
"""


def timed(arguments: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of `python -m vaerdispil ARGUMENTS` (or `-c CODE ...`) in its own
    process, and its peak memory in KiB."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, "vaerdispil", *arguments], env=env,
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    peak = [line for line in result.stderr.splitlines() if line.startswith("peak-kib")]
    if result.returncode != 0 or not peak:
        raise SystemExit(f"{arguments[:2]} failed: {result.stderr[-300:]}")
    return elapsed, int(peak[-1].split()[1])


REPEATS = 3
"""Each figure is the best of this many runs (five where they take a second or less):
this machine's noise only ever adds time, and it comes in bursts."""


def versus(arguments: list[str], env: dict[str, str], bare: list[str],
           reset: Callable[[], None] = lambda: None, repeats: int = REPEATS,
           ) -> tuple[float, float, int]:
    """The best of `repeats` runs of a command (each after `reset`), its ratio to the best
    of the bare parse run just before each (so both meet the same moment of this noisy
    machine), and the most memory a run used."""
    runs, bases = [], []
    for _ in range(repeats):
        bases.append(timed(bare, env)[0])
        reset()
        runs.append(timed(arguments, env))
    best = min(elapsed for elapsed, _ in runs)
    return best, best / min(bases), max(kib for _, kib in runs)


def measure(count: int, folder: Path) -> None:
    home = folder / f"home-{count}"
    sessions = home / "sessions"
    sessions.mkdir(parents=True)
    with mock.patch("os.fsync"):  # building the files needs no durability
        for seed in range(count):
            play_one(sessions / f"w{seed:05d}.jsonl", seed)
    env = {**os.environ, "VAERDISPIL_HOME": str(home)}
    files = sorted(str(path) for path in sessions.iterdir())
    bare = ["-c", BARE, str(sessions)]

    def no_index() -> None:  # a first run: nothing read before
        (sessions / ".index.json").unlink(missing_ok=True)

    def no_kept() -> None:
        shutil.rmtree(home / "cache" / "outcomes", ignore_errors=True)

    repeats = REPEATS + 2 * (count <= 100)  # short runs: more of them
    base = min(timed(bare, env)[0] for _ in range(repeats))
    floor = min(timed(["-c", FLOOR, str(sessions)], env)[0] for _ in range(repeats))
    listed, listed_x, listed_kib = versus(["sessions", "list"], env, bare, no_index, repeats)
    # Again: with the index in place, and with the outcomes kept.
    again, again_x, _ = versus(["sessions", "list"], env, bare, repeats=repeats)
    report = ["report", *files, "-o", str(folder / "r.csv")]
    csv, csv_x, csv_kib = versus(report, env, bare, no_kept, repeats)
    csv_again, csv_again_x, _ = versus(report, env, bare, repeats=repeats)
    print(f"N={count:5d}  bare parse {base:5.2f} s (with the standard modules alone "
          f"{floor:4.2f} s = {floor / base:3.1f}x) | sessions list {listed:5.2f} s "
          f"({listed_x:3.1f}x, again {again:4.2f} s = {again_x:3.1f}x, "
          f"{listed_kib // 1024} MiB) | report csv {csv:5.2f} s ({csv_x:3.1f}x, "
          f"again {csv_again:4.2f} s = {csv_again_x:3.1f}x, {csv_kib // 1024} MiB)",
          end="")
    if count <= 100:
        pdf, pdf_x, pdf_kib = versus(["report", *files, "-o", str(folder / "r.pdf")], env,
                                     bare)
        print(f" | report pdf {pdf:5.2f} s ({pdf_x:3.1f}x, {pdf_kib // 1024} MiB)")
    else:
        print()


def undo_at(events: int, folder: Path) -> None:
    """Undo in a log of `events` events, against the time to read and fold it."""
    sys.path.insert(0, str(Path(__file__).parent))
    from session_log import build  # the same busy workshop the session_log benchmark builds

    path = folder / "long.jsonl"
    with mock.patch("os.fsync"):
        build(path, events).close()
        game = Game.open(path)
        started = time.perf_counter()
        game.undo()
        undo = time.perf_counter() - started
        started = time.perf_counter()
        game.redo()
        redo = time.perf_counter() - started
        started = time.perf_counter()
        game.undo()
        game.undo()
        twice = time.perf_counter() - started
    game.close()
    print(f"undo at {len(game.events):,} events: {undo * 1000:.0f} ms, redo {redo * 1000:.0f} ms, "
          f"two more undos {twice * 1000:.0f} ms (aim: under 50 ms)")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10, 100, 1000]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for count in sizes:
            measure(count, folder)
        undo_at(100_000, folder)


if __name__ == "__main__":
    main()
