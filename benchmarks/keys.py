"""Benchmark: key press to updated screen during a round with 30 participants, a
1,000-card deck and a 10,000-event session; against the same keys in a bare Textual app
whose key handler updates one line (measured the same way, in the same run).

    .venv/bin/python benchmarks/keys.py

Each figure is the time `Pilot.press` takes to deliver a key and wait until the screen
has been updated; the bare app's figure is that machinery's own cost. Aim: median under
20 ms, 95th percentile under 50 ms (for our part, over the bare app's).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from textual.app import App
from textual.widgets import Footer, Header, Static

from vaerdispil.deck.loader import load_deck
from vaerdispil.session.game import Game
from vaerdispil.tui.app import VaerdispilApp

sys_path = Path(__file__).resolve().parent
import sys  # noqa: E402

sys.path.insert(0, str(sys_path))
from deck_load import generate  # noqa: E402

PRESSES = 60


class Bare(App[None]):
    """Header, a line, footer; each key rewrites the line."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Header()
        yield Static("0", id="line")
        yield Footer()

    def on_key(self) -> None:
        line = self.query_one("#line", Static)
        line.update(str(int(str(line.render())) + 1))


def big_session(folder: Path) -> Game:
    deck_file = folder / "big.yaml"
    deck_file.write_text(generate(1000), encoding="utf-8")
    deck = load_deck(deck_file)
    with mock.patch("os.fsync"):
        game = Game.new(folder / "big.jsonl", deck, seed=1, title="Benchmark")
        orgs = [game.add_organisation(f"Organisation {i}", "forening") for i in range(10)]
        for i in range(30):
            game.add_participant(f"Deltager {i}", orgs[i % 10])
        game.start_round("intro")
        while len(game.events) < 10_000:
            game.draw()
            game.note("Vi kan låne jer vores lokaler om tirsdagen.")
        game.start_round("giver")
    return game


async def timed(app: App[None], keys: list[str], size: tuple[int, int]) -> list[float]:
    times = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            started = time.perf_counter()
            await pilot.press(key)
            times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    median = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    print(f"{name:<44} median {median:6.1f} ms   95th percentile {p95:6.1f} ms")
    return median, p95


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        game = big_session(Path(folder))
        print(f"session: {len(game.events):,} events, deck: {len(game.deck.cards):,} cards, "
              f"{len(game.state.participants)} participants")
        # In the pick round: move through the cards and between organisations.
        keys = (["down"] * 3 + ["o"]) * (PRESSES // 4)
        app = VaerdispilApp(game.deck, "da", game=game)
        ours = asyncio.run(timed(app, keys, (160, 48)))
        bare = asyncio.run(timed(Bare(), keys, (160, 48)))
    m_ours, p_ours = report("vaerdispil, pick round (down/o)", ours)
    m_bare, p_bare = report("bare Textual app (one line updated)", bare)
    print(f"our part: median {m_ours - m_bare:5.1f} ms, 95th percentile {p_ours - p_bare:5.1f} ms "
          "(aim: under 20 ms and 50 ms)")


if __name__ == "__main__":
    main()
