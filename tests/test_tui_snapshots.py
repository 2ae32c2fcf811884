"""Pictures of every screen, at 80x24 and 160x48, in Danish and English.

After a deliberate change of a screen, look at the new pictures (snapshot_report.html),
then accept them with: .venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import FakeClock
from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.demo import demo_steps
from vaerdispil.session.game import Game
from vaerdispil.tui.app import VaerdispilApp

SIZES = {"80x24": (80, 24), "160x48": (160, 48)}
# (screen, the round the demo plays up to (None: set-up), steps beyond it, keys after start)
SCREENS = {
    "start": (None, None, []),
    "setup": (0, -1, []),
    "turns": (0, 6, []),
    "pick": (1, 6, []),
    "vote": (4, 5, []),
    "agree": (5, 5, []),
    "summary": (5, 5, ["f9"]),
    "help": (0, 6, ["f1"]),
}


def workshop_at(path: Path, language: str, round_index: int, extra: int,
                clock: FakeClock) -> Game:
    """The demo workshop played up to a round, and `extra` steps into it (-1: set-up)."""
    game = Game.new(path, resolve_deck("vaerdispil", language), seed=4, clock=clock)
    steps = demo_steps(game)
    for step in steps:
        if extra < 0 and game.state.round_index is None and len(
                game.state.participants) == 6:
            break
        step()
        clock.advance(20)
        if game.state.round_index == round_index and extra >= 0:
            for _ in range(extra):
                next(steps)()
                clock.advance(20)
            break
    return game


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, tmp_path: Path, screen: str, language: str, size: str) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    round_index, extra, keys = SCREENS[screen]
    game = None
    if round_index is not None:
        assert extra is not None
        game = workshop_at(tmp_path / "w.jsonl", language, round_index, extra, clock)
    deck = game.deck if game else resolve_deck("vaerdispil", language)
    app = VaerdispilApp(deck, language, game=game, clock=clock)

    async def settle(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
        for field in pilot.app.screen.query(Input):  # a blinking cursor makes pictures differ
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)
