"""`vaerdispil demo`: a sample workshop played on screen, leaving a real session behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from vaerdispil.deck.catalog import find_decks, resolve_deck
from vaerdispil.demo import demo_steps
from vaerdispil.game import rules
from vaerdispil.session.game import Game
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.screens.summary import SummaryScreen


@pytest.mark.parametrize("entry", [e for e in find_decks() if e.deck and e.bundled],
                         ids=lambda e: e.path.stem)
def test_the_demo_plays_every_bundled_deck_to_the_end(entry, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       clock: FakeClock) -> None:
    game = Game.new(tmp_path / "demo.jsonl", entry.deck, seed=2, clock=clock)
    for step in demo_steps(game):
        step()  # a refused step would raise RuleError: the demo only does what the rules allow
    state = game.state
    assert state.ended and state.agreed and len(state.actions) == 2 and state.follow_up
    assert len(state.active_organisations()) == 5 and len(state.active_participants()) == 6
    for round_ in game.deck.rounds:
        if round_.mode.value == "vote":
            assert rules.votes_visible(state, round_)
    game.close()
    assert Game.open(tmp_path / "demo.jsonl", clock=clock).state == state


async def test_the_demo_on_screen(tmp_path: Path, clock: FakeClock) -> None:
    deck = resolve_deck("vaerdispil", "da")
    game = Game.new(tmp_path / "demo.jsonl", deck, seed=2, clock=clock)
    app = VaerdispilApp(deck, "da", game=game, clock=clock, demo=demo_steps(game),
                        demo_delay=1.0)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.demo is not None:  # step by hand: no test waits on wall-clock time
            app.demo_step()
            if len(game.events) % 10 == 0:
                await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert game.state.ended
        assert "Demoen er slut" in [n.message for n in app._notifications][-1]


def test_demo_command_at_full_speed(tmp_path: Path) -> None:
    session = tmp_path / "demo.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "vaerdispil", "demo", "--speed", "0", "--session", str(session)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VAERDISPIL_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"The demo workshop is saved in {session}"
    game = Game.open(session)
    assert game.state.ended and game.state.details.title == "Demo: værksted i Solbakken"
    game.close()


def test_demo_refuses_to_overwrite_and_bad_speed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from vaerdispil.cli import main

    existing = tmp_path / "x.jsonl"
    existing.write_text("mine\n", encoding="utf-8")
    assert main(["demo", "--speed", "0", "--session", str(existing)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "mine\n"
    with pytest.raises(SystemExit) as exited:
        main(["demo", "--speed", "fast"])
    assert exited.value.code == 2


@pytest.mark.parametrize(
    "entry", [e for e in find_decks() if e.deck and e.bundled and e.deck.language == "da"],
    ids=lambda e: e.path.stem)  # the English twins have the same rounds (a test checks)
async def test_every_bundled_deck_plays_on_screen(entry, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  clock: FakeClock) -> None:
    """Each deck, started in the app, is played through every round on screen (no deck
    depends on deck-specific code in the screens)."""
    game = Game.new(tmp_path / "deck.jsonl", entry.deck, seed=3, clock=clock)
    app = VaerdispilApp(entry.deck, entry.deck.language, game=game, clock=clock,
                        demo=demo_steps(game), demo_delay=1.0)
    seen_panels = set()
    async with app.run_test(size=(100, 30)) as pilot:
        shown = None
        while app.demo is not None:
            app.demo_step()
            if game.state.round_index != shown:  # a new round: let its panel come up
                shown = game.state.round_index
                await pilot.pause()
                panel = getattr(app.screen, "panel", None)
                if panel is not None and panel.is_mounted:
                    seen_panels.add(type(panel).__name__)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    modes = {round_.mode.value for round_ in entry.deck.rounds}
    expected = {"turns": "TurnsPanel", "pick": "PickPanel", "vote": "VotePanel",
                "agree": "AgreePanel", "open": "NotesPanel", "review": "ReviewPanel"}
    assert seen_panels == {expected[mode] for mode in modes}
    assert game.state.ended


def test_demo_follow_up_plays_the_loop(tmp_path: Path) -> None:
    """`demo --follow-up`: the sample workshop, then its follow-up meeting, both saved."""
    session = tmp_path / "opfoelgning.jsonl"
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "vaerdispil", "demo", "--follow-up", "--speed", "0",
         "--session", str(session)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VAERDISPIL_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    game = Game.open(session)
    try:
        assert game.state.ended and game.deck.id == "opfoelgning"
        assert game.state.details.title == "Opfølgning: Demo: værksted i Solbakken"
        assert game.header.follows is not None
        first = home / "sessions" / f"{game.header.follows['name']}.jsonl"
        assert first.is_file()
        statuses = {review.status for review in game.state.reviews.values()}
        assert {"done", "partly", "yes"} <= statuses  # most went well, some partly
        from vaerdispil.outcome import outcome

        assert len(outcome(game.state, game.deck).reviews) == len(game.state.reviews)
    finally:
        game.close()
