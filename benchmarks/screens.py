"""Benchmark: how long a screen takes to show, the first time it is opened, in the demo
workshop at 80x24; against opening the help screen (a plain modal) in the same run.

    .venv/bin/python benchmarks/screens.py

The summary screen once used Textual's Markdown widget, which builds a widget for every
block: the first time it opened it stayed blank for about two seconds. It now draws one
Static. Each figure is the time `Pilot.press` takes to deliver the key and wait until the
screen has been updated.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.demo import demo_steps
from vaerdispil.session.game import Game
from vaerdispil.tui.app import VaerdispilApp

RUNS = 5


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 22, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=20)
        return self.moment


def demo_game(path: Path, clock: Clock) -> Game:
    """The demo workshop, played into its last round."""
    game = Game.new(path, resolve_deck("vaerdispil", "da"), seed=4, clock=clock)
    for step in demo_steps(game):
        step()
        if game.state.round_index == len(game.deck.rounds) - 1:
            break
    return game


async def first_open(key: str, folder: Path) -> float:
    clock = Clock()
    game = demo_game(folder / f"{key}-{time.perf_counter_ns()}.jsonl", clock)
    app = VaerdispilApp(game.deck, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        elapsed = time.perf_counter() - started
    return elapsed


def main() -> None:
    os.environ.setdefault("VAERDISPIL_HOME", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as name, mock.patch("os.fsync"):
        folder = Path(name)
        help_times = [asyncio.run(first_open("f1", folder)) for _ in range(RUNS)]
        summary_times = [asyncio.run(first_open("f9", folder)) for _ in range(RUNS)]
    help_ms = statistics.median(help_times) * 1000
    summary_ms = statistics.median(summary_times) * 1000
    print(f"first open at 80x24, median of {RUNS}: help {help_ms:.0f} ms | summary "
          f"{summary_ms:.0f} ms ({summary_ms / help_ms:.1f}x the help screen)")


if __name__ == "__main__":
    main()
