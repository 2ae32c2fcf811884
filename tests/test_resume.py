"""Resuming a workshop (issue 15): "Fortsæt et værksted" opens one in one step, and the
app says in words where the workshop goes on from."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.conftest import CARDS, FakeClock
from vaerdispil.deck.loader import load_deck
from vaerdispil.game.whereabouts import whereabouts
from vaerdispil.session.game import Game
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.screens.round import RoundScreen
from vaerdispil.tui.screens.setup import SetupScreen
from vaerdispil.tui.screens.start import StartScreen
from vaerdispil.tui.screens.summary import SummaryScreen

DECK = load_deck(CARDS / "vaerdispil.da.yaml")
ENGLISH = load_deck(CARDS / "vaerdispil.en.yaml")


def workshop(path: Path, clock: FakeClock, title: str, round_id: str | None = "praesentation",
             turns_done: int = 0, deck=DECK) -> Game:  # type: ignore[no-untyped-def]
    """A workshop with Netto (Aisha, Bo) and Plejehjemmet (Cem), at `round_id` (None:
    set-up), with `turns_done` turns answered; left open (the caller closes it)."""
    game = Game.new(path, deck, seed=1, clock=clock, title=title)
    netto = game.add_organisation("Netto", "virksomhed")
    home = game.add_organisation("Plejehjemmet", "institution")
    game.add_participant("Aisha", netto)
    game.add_participant("Bo", netto)
    game.add_participant("Cem", home)
    if round_id is not None:
        game.start_round(round_id)
        for _ in range(turns_done):
            game.draw()
            game.end_turn("answered")
    return game


def saved(folder: Path, clock: FakeClock, name: str, title: str, **how: object) -> Path:
    """A saved workshop in the sessions folder, changed `clock`'s minute later than the last."""
    clock.advance(60)
    path = folder / f"{name}.jsonl"
    workshop(path, clock, title, **how).close()  # type: ignore[arg-type]
    return path


def listen(app: VaerdispilApp) -> list[str]:
    """What the app says at the bottom of the screen from now on (its notifications),
    kept even after a toast has timed out (a slow, busy test machine)."""
    said: list[str] = []
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        said.append(message)
        notify(message, **options)

    app.notify = record  # type: ignore[method-assign]
    return said


async def click_row(pilot: Pilot[None], selector: str, row: int) -> None:
    """Click the `row`th line of an option list, inside its border."""
    listing = pilot.app.screen.query_one(selector, OptionList)
    top = listing.content_region.y - listing.region.y
    await pilot.click(listing, offset=(4, top + row))


async def settle(app: VaerdispilApp, pilot: Pilot[None]) -> None:
    """Let the thread workers (reading the folder, opening a file) finish and report back;
    a report may start the next worker, so a few rounds (no clock time passes)."""
    for _ in range(4):
        await app.workers.wait_for_complete()
        await pilot.pause()


# -- the words ---------------------------------------------------------------------------

def test_whereabouts_in_words(tmp_path: Path, clock: FakeClock) -> None:
    game = workshop(tmp_path / "w.jsonl", clock, "Vollsmose", None)
    assert whereabouts(game.state, DECK, "da") == "Fortsætter med forberedelsen af værkstedet"
    game.start_round("praesentation")
    game.draw()
    game.end_turn("answered")
    assert whereabouts(game.state, DECK, "da") == \
        "Fortsætter i runde 1 af 6, tur 2 af 3: det er Bos tur"
    assert whereabouts(game.state, DECK, "en") == \
        "Resuming in round 1 of 6, turn 2 of 3: it is Bo's turn"
    for _ in range(2):
        game.draw()
        game.end_turn("answered")
    assert whereabouts(game.state, DECK, "da") == \
        "Fortsætter i runde 1 af 6: alle har haft deres tur"
    game.start_round("det-giver-vi")
    assert whereabouts(game.state, DECK, "da") == "Fortsætter i runde 2 af 6: Det giver vi"
    game.start_round("dialog-om-balance")  # turns per organisation: the organisation's turn
    assert whereabouts(game.state, DECK, "da") == \
        "Fortsætter i runde 4 af 6, tur 1 af 2: det er Nettos tur"
    game.end_session()
    assert whereabouts(game.state, DECK, "da") == "Værkstedet er afsluttet; her er opsamlingen"
    assert whereabouts(game.state, DECK, "en") == "This workshop is finished; here is its summary"
    game.close()


# -- "Fortsæt et værksted" in one step ------------------------------------------------------

async def test_resume_opens_the_newest_unfinished_workshop_in_one_step(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    folder = vaerdispil_home / "sessions"
    saved(folder, clock, "older", "Gellerup", round_id="det-giver-vi")
    newest_open = saved(folder, clock, "vollsmose", "Vollsmose", turns_done=1)
    saved(folder, clock, "done", "Tingbjerg", round_id="aftale")
    finished = Game.open(folder / "done.jsonl", clock=clock)
    clock.advance(60)
    finished.end_session()  # the most recently changed, but finished: not the one to go on
    finished.close()
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        # At once, before the list may be read: the choice waits for it, then opens.
        await pilot.press("down", "enter")  # the menu's "Fortsæt et værksted"
        await settle(app, pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.game is not None and app.game.log.path == newest_open
        assert "Fortsætter i runde 1 af 6, tur 2 af 3: det er Bos tur" in said


async def test_a_click_on_resume_opens_the_workshop(clock: FakeClock,
                                                    vaerdispil_home: Path) -> None:
    path = saved(vaerdispil_home / "sessions", clock, "solbakken", "Solbakken",
                 round_id="det-giver-vi")
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await click_row(pilot, "#menu", 1)  # "Fortsæt et værksted"
        await settle(app, pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.game is not None and app.game.log.path == path
        assert "Fortsætter i runde 2 af 6: Det giver vi" in said


async def test_the_workshop_moved_to_in_the_list_is_the_one_resumed(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    folder = vaerdispil_home / "sessions"
    setup = saved(folder, clock, "setup", "Forberedt", round_id=None)
    saved(folder, clock, "newer", "Nyere")
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down")  # the menu on "Fortsæt et værksted"
        await pilot.press("tab", "down", "down")  # in the list: the second (older) one
        await pilot.press("escape", "enter")  # back to the menu; "Fortsæt"
        await settle(app, pilot)
        assert isinstance(app.screen, SetupScreen)
        assert app.game is not None and app.game.log.path == setup
        assert "Fortsætter med forberedelsen af værkstedet" in said


async def test_a_click_on_a_saved_row_opens_it_and_a_damaged_one_never(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    folder = vaerdispil_home / "sessions"
    path = saved(folder, clock, "good", "Vollsmose", round_id="afstemning")
    (folder / "broken.jsonl").write_text("not a workshop\n", encoding="utf-8")
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        listing = app.screen.query_one("#saved", OptionList)
        assert listing.option_count == 2
        assert listing.get_option_at_index(1).disabled  # the damaged one, with its reason
        await click_row(pilot, "#saved", 1)  # the damaged row: nothing opens
        await settle(app, pilot)
        assert isinstance(app.screen, StartScreen) and app.game is None
        await click_row(pilot, "#saved", 0)
        await settle(app, pilot)
        assert isinstance(app.screen, RoundScreen)
        assert app.game is not None and app.game.log.path == path
        assert "Fortsætter i runde 5 af 6: Det vigtigste" in said
    assert (folder / "broken.jsonl").read_text(encoding="utf-8") == "not a workshop\n"


async def test_the_newest_workshop_shows_while_the_others_are_still_being_read(
        clock: FakeClock, vaerdispil_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of saved workshops (issue 22): the newest is on the screen as soon as it is
    read, not when the last one is."""
    from vaerdispil.session import store

    folder = vaerdispil_home / "sessions"
    older = store.describe(saved(folder, clock, "older", "Ældre"))
    newest = store.describe(saved(folder, clock, "newest", "Nyeste"))
    shown, rest = threading.Event(), threading.Event()

    def reading(folder: Path | None = None) -> Iterator[store.SessionInfo]:
        yield newest  # the start screen shows it before it asks for the next
        shown.set()
        rest.wait(30)  # (a safety net only: the test lets it go on at once)
        yield older

    monkeypatch.setattr(store, "iter_sessions", reading)
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await asyncio.to_thread(shown.wait, 30)
        await pilot.pause()
        listing = app.screen.query_one("#saved", OptionList)
        rows = [str(listing.get_option_at_index(n).prompt) for n in
                range(listing.option_count)]
        assert len(rows) == 1 and rows[0].startswith("Nyeste")
        assert isinstance(app.screen, StartScreen) and app.screen._saved is None
        rest.set()
        await settle(app, pilot)
        rows = [str(listing.get_option_at_index(n).prompt) for n in
                range(listing.option_count)]
        assert [row.split()[0] for row in rows] == ["Nyeste", "Ældre"]
        assert [info.title for info in app.screen._saved or []] == ["Nyeste", "Ældre"]


async def test_back_on_the_start_screen_the_list_stays_until_read_again(
        clock: FakeClock, vaerdispil_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the list again (back from a workshop) never flashes a list of one row: the
    rows shown stay while the new list is read."""
    from vaerdispil.session import store

    folder = vaerdispil_home / "sessions"
    older = store.describe(saved(folder, clock, "older", "Ældre"))
    newest = store.describe(saved(folder, clock, "newest", "Nyeste"))
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        listing = app.screen.query_one("#saved", OptionList)
        assert listing.option_count == 2
        first, rest = threading.Event(), threading.Event()

        def reading(folder: Path | None = None) -> Iterator[store.SessionInfo]:
            yield newest
            first.set()
            rest.wait(30)  # (a safety net only: the test lets it go on at once)
            yield older

        monkeypatch.setattr(store, "iter_sessions", reading)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        screen.load_saved()
        assert await asyncio.to_thread(first.wait, 30)
        await pilot.pause()
        assert listing.option_count == 2  # the rows shown before, not the one read so far
        rest.set()
        await settle(app, pilot)
        assert [str(listing.get_option_at_index(n).prompt).split()[0]
                for n in range(listing.option_count)] == ["Nyeste", "Ældre"]


async def test_only_damaged_or_no_workshops_says_so(clock: FakeClock,
                                                    vaerdispil_home: Path) -> None:
    folder = vaerdispil_home / "sessions"
    folder.mkdir(parents=True)
    (folder / "broken.jsonl").write_text("not a workshop\n", encoding="utf-8")
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StartScreen) and app.game is None
        assert "Der er ingen gemte værksteder at fortsætte. Vælg »Nyt værksted«." in said


async def test_a_finished_workshop_resumes_on_its_summary(clock: FakeClock,
                                                           vaerdispil_home: Path) -> None:
    folder = vaerdispil_home / "sessions"
    saved(folder, clock, "done", "Tingbjerg", round_id="aftale")
    game = Game.open(folder / "done.jsonl", clock=clock)
    game.end_session()
    game.close()
    app = VaerdispilApp(DECK, "da", clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")  # none unfinished: the newest
        await settle(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert "Værkstedet er afsluttet; her er opsamlingen" in said


# -- vaerdispil play --session NAME: the app starts on the workshop, and says where --------

@pytest.mark.parametrize("language", ["da", "en"])
async def test_a_workshop_opened_at_start_says_where_it_goes_on(
        clock: FakeClock, tmp_path: Path, language: str) -> None:
    deck = DECK if language == "da" else ENGLISH
    workshop(tmp_path / "w.jsonl", clock, "Vollsmose", "praesentation", turns_done=2,
             deck=deck).close()
    game = Game.open(tmp_path / "w.jsonl", clock=clock)
    app = VaerdispilApp(deck, language, game=game, clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        expected = {"da": "Fortsætter i runde 1 af 6, tur 3 af 3: det er Cems tur",
                    "en": "Resuming in round 1 of 6, turn 3 of 3: it is Cem's turn"}
        assert said == [expected[language]]


async def test_a_workshop_made_in_this_run_is_not_announced_as_resumed(
        clock: FakeClock, tmp_path: Path) -> None:
    game = workshop(tmp_path / "w.jsonl", clock, "Ny")  # play --new, the demo
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
        assert said == []
