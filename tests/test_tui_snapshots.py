"""Pictures of every screen, at 80x24 and 160x48, in Danish and English.

After a deliberate change of a screen, look at the new pictures (snapshot_report.html),
then accept them with: .venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

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


def app_at(path: Path, language: str, round_index: int | None, extra: int | None
           ) -> VaerdispilApp:
    """The app on the demo workshop at a round (None: on the start screen, no workshop)."""
    clock = FakeClock()
    game = None
    if round_index is not None:
        assert extra is not None
        game = workshop_at(path, language, round_index, extra, clock)
    deck = game.deck if game else resolve_deck("vaerdispil", language)
    return VaerdispilApp(deck, language, game=game, clock=clock)


async def still(pilot: Pilot[None]) -> None:
    """No blinking cursor: it would make two pictures of one screen differ."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, tmp_path: Path, screen: str, language: str, size: str) -> None:  # type: ignore[no-untyped-def]
    round_index, extra, keys = SCREENS[screen]
    app = app_at(tmp_path / "w.jsonl", language, round_index, extra)

    async def settle(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()  # the round's panel has the focus: keys go to it
        for key in keys:
            await pilot.press(key)
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)


async def _open_org(pilot: Pilot[None]) -> None:
    pilot.app.screen.query_one("#org-list").focus()
    await pilot.press("enter")


async def _press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)


def _call(name: str, *args: object):  # type: ignore[no-untyped-def]
    async def call(pilot: Pilot[None]) -> None:
        getattr(pilot.app, name)(*args)
        await pilot.pause()
    return call


async def _palette(pilot: Pilot[None]) -> None:
    """Open the palette, search for the rounds, and wait until the list is complete (it is
    filled by workers: the same count three times running). Unsearched, the providers'
    entries arrive in no fixed order."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.press(*("runde" if pilot.app.language == "da" else "round"))  # type: ignore[attr-defined]
    counts = [-1]
    for _ in range(200):
        await pilot.pause()
        lists = pilot.app.screen.query(CommandList)
        counts.append(lists.first().option_count if lists else -1)
        if counts[-1] > 0 and counts[-1] == counts[-2] == counts[-3]:
            break


async def _deck(pilot: Pilot[None]) -> None:
    from vaerdispil.tui.screens.deck import DeckScreen

    app = pilot.app
    app.push_screen(DeckScreen(app.deck, app.language))  # type: ignore[attr-defined]
    await pilot.pause()


# Every dialog, as a facilitator opens it: (round as in SCREENS, steps, how it is opened).
DIALOGS = {
    "partners": (0, -1, lambda pilot: _press(pilot, "f4")),
    "edit-org": (0, -1, _open_org),
    "note": (0, 6, lambda pilot: _press(pilot, "n")),
    "chooser": (3, 0, lambda pilot: _press(pilot, "c")),
    "pick-reason": (1, 0, lambda pilot: _press(pilot, "enter")),
    "late-person": (0, 6, _call("add_participant_dialog")),
    "leaves": (0, 6, _call("remove_participant_dialog")),
    "agree": (5, 0, lambda pilot: _press(pilot, "e")),
    "dissent": (5, 5, lambda pilot: _press(pilot, "u")),
    "action": (5, 5, lambda pilot: _press(pilot, "h")),
    "follow-up": (5, 5, lambda pilot: _press(pilot, "o")),
    "finish": (5, 5, _call("finish_dialog")),
    "print": (0, 6, _call("print_dialog")),
    "palette": (0, 6, _palette),
    "deck": (None, None, _deck),
}
DIALOG_SIZES = [("da", "80x24"), ("en", "80x24"), ("da", "160x48")]


@pytest.mark.parametrize(("language", "size"), DIALOG_SIZES)
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog(snap_compare, tmp_path: Path, dialog: str, language: str, size: str) -> None:  # type: ignore[no-untyped-def]
    round_index, extra, opening = DIALOGS[dialog]
    app = app_at(tmp_path / "w.jsonl", language, round_index, extra)

    async def settle(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()  # the round's panel has the focus: keys go to it
        await opening(pilot)
        await pilot.pause()
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)
