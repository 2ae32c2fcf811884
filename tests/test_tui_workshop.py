"""Whole workshops played on the shared screen by keys (and the mouse), checked against the
engine's state and the session log on disk."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from tests.conftest import CARDS, FakeClock
from tests.test_deck_loader import VALID
from vaerdispil.deck.loader import load_deck, load_deck_text
from vaerdispil.game import rules
from vaerdispil.session.game import Game
from vaerdispil.session.log import read
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.screens.round import RoundScreen
from vaerdispil.tui.screens.setup import SetupScreen
from vaerdispil.tui.screens.start import StartScreen
from vaerdispil.tui.screens.summary import SummaryScreen
from vaerdispil.tui.widgets.picks import PickPanel
from vaerdispil.tui.widgets.turns import TurnsPanel

DECK = load_deck(CARDS / "vaerdispil.da.yaml")


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    """Press keys one at a time, letting the app settle after each (dialogs open and close)."""
    for key in pressed:
        await pilot.press(key)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field (one press call: the field is already there)."""
    await pilot.press(*["space" if char == " " else char for char in text])
    await pilot.pause()


def screen_text(app: VaerdispilApp) -> str:
    """Everything the Static widgets of the current screen say."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def set_up(pilot: Pilot[None]) -> None:
    """From the start screen: a workshop with 3 organisations and 5 participants, by keys."""
    await keys(pilot, "enter")  # "Nyt værksted"
    await keys(pilot, "tab")
    await type_text(pilot, "Vollsmose")
    await keys(pilot, "tab", "tab")
    await type_text(pilot, "Mette")
    await keys(pilot, "enter")  # on to the list box
    for line in ("Netto (virk): Aisha", "Plejehjemmet (inst): Bo, Cem",
                 "B1909 (for): Dorthe, Emil"):
        await type_text(pilot, line)
        await keys(pilot, "enter")


def netto_game(path: Path, clock: FakeClock, round_id: str | None = "praesentation",
               people: tuple[str, ...] = ("Aisha",), **details: str) -> Game:
    """A workshop with one organisation (Netto) and `people`, at `round_id` (None: set-up)."""
    game = Game.new(path, DECK, seed=1, clock=clock, **details)
    org = game.add_organisation("Netto", "virksomhed")
    for person in people:
        game.add_participant(person, org)
    if round_id is not None:
        game.start_round(round_id)
    return game


async def test_a_whole_workshop_by_keys(clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert "Værdispillet" in screen_text(app)
        await set_up(pilot)
        assert isinstance(app.screen, SetupScreen)
        game = app.game
        assert game is not None
        state = game.state
        assert (state.details.place, state.details.facilitator) == ("Vollsmose", "Mette")
        assert [(o.name, o.type) for o in state.active_organisations()] == [
            ("Netto", "virksomhed"), ("Plejehjemmet", "institution"), ("B1909", "forening")]
        people = {p.name: state.organisations[p.org].name for p in state.active_participants()}
        assert people == {"Aisha": "Netto", "Bo": "Plejehjemmet", "Cem": "Plejehjemmet",
                          "Dorthe": "B1909", "Emil": "B1909"}
        assert "Varighed: ca. 115 min. med 5 deltagere i 3 organisationer" in screen_text(app)

        # Round 1, turns: draw, note, answer; pass; skip; the rest answer.
        await keys(pilot, "f6")
        assert isinstance(app.screen, RoundScreen)
        assert "Det er Aishas tur" in screen_text(app) and "fra Netto" in screen_text(app)
        assert "Tur 1 af 5" in screen_text(app)
        await keys(pilot, "space")
        card = game.state.rounds["praesentation"].turns[next(iter(game.state.participants))].card
        assert card is not None and game.deck.card(card).title in screen_text(app)
        await keys(pilot, "n")
        await type_text(pilot, "Netto kan give frugt")
        await keys(pilot, "enter", "enter")  # save the note; next turn
        await keys(pilot, "space", "p", "s")
        assert "Det er Dorthes tur" in screen_text(app)
        for _ in range(2):
            await keys(pilot, "space", "enter")
        assert "Alle har haft deres tur" in screen_text(app)

        # Round 2, pick (give): Netto picks premises with a reason; Plejehjemmet a blank card.
        await keys(pilot, "f6")
        panel = app.screen.panel  # type: ignore[attr-defined]
        assert isinstance(panel, PickPanel)
        await keys(pilot, *(["down"] * 7), "enter")  # the eighth card: Lokaler
        await type_text(pilot, "Baglokalet")
        await keys(pilot, "enter")
        await keys(pilot, "o", "end", "up", "up", "up", "enter")  # a blank card, own words
        await type_text(pilot, "Hygge")
        await keys(pilot, "enter")
        # Round 3, pick (get): B1909 wants volunteers.
        await keys(pilot, "f6", "o", "o", "home")
        frivillige = [c.id for c in rules.round_cards(DECK, DECK.rounds[2])].index("frivillige")
        await keys(pilot, *(["down"] * frivillige), "enter", "enter")
        picks = [(state.organisations[p.org].name, p.side, p.card, p.text, p.reason)
                 for p in game.state.picks.values()]
        assert picks == [("Netto", "give", "lokaler", "", "Baglokalet"),
                         ("Plejehjemmet", "give", "blank-1", "Hygge", ""),
                         ("B1909", "get", "frivillige", "", "")]

        # Round 4, turns per organisation with chosen cards: one turn, then move on.
        await keys(pilot, "f6", "c", "enter")
        assert game.state.rounds["dialog-om-balance"].turns
        await keys(pilot, "enter")

        # Round 5, a secret vote in turn: the screen hides the dots until all have voted.
        await keys(pilot, "f6")
        assert "Det er Aishas tur til at stemme" in screen_text(app)
        await keys(pilot, "plus", "plus", "plus", "d")
        assert "Det er Bos tur til at stemme" in screen_text(app)
        assert "Stemmerne vises, når alle har stemt." in screen_text(app)
        for _ in range(4):
            await keys(pilot, "down", "plus", "plus", "down", "plus", "d")
        tally = rules.tally(game.state, DECK, "afstemning")
        assert [(value.title, dots) for value, dots in tally] == [
            ("Hygge", 8), ("Frivillige", 4), ("Lokaler", 3)]
        assert "Alle har stemt." in screen_text(app)

        # Round 6, agreement: an agreed value, dissent, an action, a follow-up date.
        await keys(pilot, "f6", "e")
        await type_text(pilot, "Vi deler lokaler")
        await keys(pilot, "tab", "space", "tab", "space", "down", "space", "tab", "enter")
        # The dissent dialog names the agreed value first (the highlighted one), then who.
        await keys(pilot, "u", "tab", "enter", "down", "enter", "tab")
        await type_text(pilot, "Kun om formiddagen")
        await keys(pilot, "enter", "h")
        await type_text(pilot, "Lav en aftale om nøgler")
        await keys(pilot, "tab", "tab")
        await type_text(pilot, "Aisha")
        await keys(pilot, "tab")
        await type_text(pilot, "2026-12-15")
        await keys(pilot, "enter", "o")
        await type_text(pilot, "2027-03-01")
        await keys(pilot, "enter")
        agreed = next(iter(game.state.agreed.values()))
        assert agreed.text == "Vi deler lokaler"
        assert agreed.values == ["card:lokaler"]
        # The nursing home was ticked as a backer, then disagreed: it no longer backs it.
        assert [state.organisations[o].name for o in agreed.orgs] == ["Netto"]
        assert [(state.organisations[d.org].name, d.text) for d in game.state.dissents.values()] \
            == [("Plejehjemmet", "Kun om formiddagen")]
        action = next(iter(game.state.actions.values()))
        assert (action.what, action.person, action.due) == (
            "Lav en aftale om nøgler", "Aisha", "2026-12-15")
        assert game.state.follow_up == "2027-03-01"

        # The last step: F6 asks once, finishes the workshop (with its time), shows the summary.
        await keys(pilot, "f6")
        assert not game.state.ended  # only asked so far
        await keys(pilot, "enter")
        assert game.state.ended and game.state.ended_at
        assert isinstance(app.screen, SummaryScreen)
        path = game.log.path
        await keys(pilot, "ctrl+q")
    # Everything is in the log, and the log replays to the same state.
    recording = read(path)
    assert recording.warnings == []
    types = [event["type"] for event in recording.events]
    assert types.count("picked") == 3 and types.count("vote_set") == 15
    assert types.count("vote_done") == 5 and "agreed_added" in types
    assert types[-1] == "session_ended"
    reopened = Game.open(path, clock=clock)
    assert reopened.state == game.state
    reopened.close()


async def test_pick_a_card_with_the_mouse(clock: FakeClock, tmp_path: Path) -> None:
    game = netto_game(tmp_path / "m.jsonl", clock, "det-giver-vi")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()  # the round's panel is laid out: the click lands on a card
        cards = app.screen.query_one("#cards", OptionList)
        await pilot.click(cards, offset=(20, 3))  # below the border, the third card: Et stærkt navn
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
    assert [p.card for p in game.state.picks.values()] == ["staerkt-navn"]


async def test_resume_lands_where_it_stopped(clock: FakeClock, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    game = netto_game(path, clock, None, ("Aisha", "Bo"), title="Genoptag")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "f6", "space", "enter", "space", "t")  # Bo's turn, card, timer paused
        drawn = game.state.rounds["praesentation"].turns
        await keys(pilot, "ctrl+q")
    again = Game.open(path, clock=clock)
    app = VaerdispilApp(again.deck, "da", game=again, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, RoundScreen)
        assert isinstance(app.screen.panel, TurnsPanel)
        text = screen_text(app)
        bo_card = drawn[next(p for p in again.state.participants if
                             again.state.participants[p].name == "Bo")].card
        assert "Det er Bos tur" in text and "Tur 2 af 2" in text
        assert again.deck.card(bo_card or "").title in text
        assert "pause" in text
        await keys(pilot, "ctrl+q")


async def test_an_english_workshop_resumes_in_english(clock: FakeClock,
                                                      vaerdispil_home: Path) -> None:
    english = load_deck(CARDS / "vaerdispil.en.yaml")
    saved = Game.new(vaerdispil_home / "sessions" / "club.jsonl", english, seed=1, clock=clock,
                     title="Club night")
    org = saved.add_organisation("The club", "forening")
    saved.add_participant("Ida", org)
    saved.close()
    app = VaerdispilApp(None, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await keys(pilot, "down", "enter", "enter")  # resume: the saved list, the first one
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen) and app.language == "en"
        assert app.screen.title == "Set up the workshop"
        await keys(pilot, "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await keys(pilot, "home", "enter")  # the menu: "New workshop", in English, English deck
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen) and app.screen.deck.language == "en"
        assert app.deck.language == "en"  # also what "Print kort" prints and the browser shows


async def test_undo_and_redo_say_what_they_did(clock: FakeClock, tmp_path: Path) -> None:
    game = netto_game(tmp_path / "u.jsonl", clock, "det-giver-vi")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "enter", "enter")  # pick "Godt ry"
        assert len(game.state.picks) == 1
        await keys(pilot, "ctrl+z")
        assert game.state.picks == {}
        messages = [n.message for n in app._notifications]
        assert "Fortrudt: valget af Godt ry" in messages
        await keys(pilot, "ctrl+y")
        assert len(game.state.picks) == 1
        assert "Gentaget: valget af Godt ry" in [n.message for n in app._notifications]
        await keys(pilot, "ctrl+z", "ctrl+z")  # back to set-up: the set-up screen returns
        assert isinstance(app.screen, SetupScreen)


async def test_resize_mid_round(clock: FakeClock, tmp_path: Path) -> None:
    game = Game.new(tmp_path / "s.jsonl", DECK, seed=1, clock=clock)
    org = game.add_organisation("Plejehjemmet Solvang", "institution")
    game.add_participant("Aisha Mohamed Abdi", org)
    game.start_round("praesentation")
    game.draw()
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        board = app.screen.query_one("#board")
        assert board.display and board.region.width > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert board.region.width == 0  # the board makes room on a small screen
        whose = app.screen.query_one("#whose", Static)
        card = app.screen.query_one("#table-card")
        for widget in (whose, card):
            assert widget.region.right <= 80 and widget.region.bottom <= 24
        assert "Det er Aisha Mohamed Abdis tur" in str(whose.render())


async def test_an_open_round_takes_notes(clock: FakeClock, tmp_path: Path) -> None:
    text = VALID + (
        "  - id: snak\n    title: Fri snak\n    mode: open\n    prompt: Tal frit.\n"
        "    guide: Skriv ned.\n"
    )
    deck = load_deck_text(text)
    game = Game.new(tmp_path / "o.jsonl", deck, seed=1, clock=clock)
    org = game.add_organisation("Klubben", "forening")
    game.add_participant("Ida", org)
    game.start_round("snak")
    app = VaerdispilApp(deck, "da", game=game, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "n")
        await type_text(pilot, "Vi mangler en nøgle")
        await keys(pilot, "enter")
        await keys(pilot, "enter")  # change it
        await type_text(pilot, " til hallen")
        await keys(pilot, "enter")
        assert [n.text for n in game.state.notes.values()] == ["Vi mangler en nøgle til hallen"]
        await keys(pilot, "delete")
        assert game.state.notes == {}


async def test_print_cards_from_the_start_screen(clock: FakeClock, vaerdispil_home: Path) -> None:
    from pypdf import PdfReader

    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "down", "down", "enter")  # "Print kort"
        await keys(pilot, "down", "enter")  # the fold-over layout
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = vaerdispil_home / "prints" / "vaerdispil-da-cards-a4-fold.pdf"
        assert target.is_file()
        assert any(str(target) in n.message for n in app._notifications)
    assert len(PdfReader(target).pages) == 22
    # The same bytes as the ready-made printable: one way of making it.
    assert target.read_bytes() == (CARDS.parent / "printables" /
                                   "vaerdispil-da-cards-a4-fold.pdf").read_bytes()


async def test_print_cards_in_two_languages_from_the_start_screen(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    """"Kort på to sprog …" asks which language goes under the Danish (each named in Danish
    and in its own words, an unreviewed translation said as such), then prints the same
    sheets as the ready-made printable."""
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "down", "down", "enter")  # "Print kort"
        await keys(pilot, "down", "down", "down", "enter")  # "Kort på to sprog …"
        await app.workers.wait_for_complete()  # the translations are read in a thread
        await pilot.pause()
        shown = [str(option.prompt) for option in app.screen.query_one(
            "#field-second").options]
        assert shown[0] == "Arabisk · العربية (oversættelse ikke gennemlæst)"
        assert [line.split(" · ")[0] for line in shown] == [
            "Arabisk", "Farsi", "Urdu", "Somali", "Tyrkisk", "Ukrainsk"]
        await keys(pilot, "enter")  # Arabic
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = vaerdispil_home / "prints" / "vaerdispil-da-ar-cards-a4-duplex-long.pdf"
        assert target.is_file()
    assert target.read_bytes() == (CARDS.parent / "printables" / target.name).read_bytes()


async def test_palette_jumps_to_a_round_and_toggles_contrast(clock: FakeClock,
                                                             tmp_path: Path) -> None:
    game = netto_game(tmp_path / "p.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "runde 5")
        await keys(pilot, "enter")
        await pilot.pause()
        assert rules.current_round(game.state, DECK).id == "afstemning"
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "kontrast")
        await keys(pilot, "enter")
        await pilot.pause()
        assert app.theme == "vaerdispil-kontrast"
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "startskærmen")
        await keys(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.game is None
        assert game.log.path.exists()  # saved, to resume


async def test_summary_screen_prints_the_pdf(clock: FakeClock, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from tests.test_exports import complete_workshop

    game = complete_workshop(tmp_path / "done.jsonl", clock)
    app = VaerdispilApp(game.deck, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SummaryScreen)  # a finished workshop opens on its summary
        await keys(pilot, "p")
        await app.workers.wait_for_complete()
        await pilot.click("#do-anonymous")  # the same by the mouse
        await app.workers.wait_for_complete()
        await pilot.click("#do-export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Vi deler lokaler" in (tmp_path / "done.md").read_text(encoding="utf-8")
        assert (tmp_path / "done.json").exists()
        await keys(pilot, "pagedown")  # the summary scrolls by keys
        assert app.screen.query_one("#summary-scroll").scroll_y > 0
        await pilot.click("#do-back")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    named = PdfReader(tmp_path / "done-summary.pdf")
    text = " ".join(page.extract_text() for page in named.pages)
    assert "Vi deler lokaler" in text and "Aisha" in text
    anonymous = PdfReader(tmp_path / "done-summary-anonymous.pdf")
    text = " ".join(page.extract_text() for page in anonymous.pages)
    assert "Vi deler lokaler" in text and "Aisha" not in text


async def choose_english(pilot: Pilot[None]) -> None:
    """In set-up, from the title field: up to the language list, and English."""
    await keys(pilot, "shift+tab", "shift+tab", "enter", "down", "enter")
    await pilot.pause()


async def test_choosing_english_in_setup_speaks_english_and_plays_the_english_deck(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await keys(pilot, "enter")  # new workshop
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Forbered værkstedet" in app.screen.title  # type: ignore[operator]
        await keys(pilot, "tab")
        await type_text(pilot, "Vollsmose")  # typed before the language changes: kept
        await keys(pilot, "shift+tab")
        await choose_english(pilot)
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        assert app.language == "en" and screen.deck.language == "en"
        assert screen.title == "Set up the workshop"
        text = screen_text(app)
        assert "Organisations" in text and "Organisationer" not in text
        assert screen.query_one("#detail-title", Input).value.startswith("Workshop ")
        assert screen.query_one("#detail-place", Input).value == "Vollsmose"
        decks = [str(label) for label, _ in screen.query_one("#deck-choice", Select)._options]
        assert decks[0] == "The Value Game" and "Værdispillet" not in decks
        footer = [binding.description for _, binding, enabled, *_ in
                  app.screen.active_bindings.values() if enabled]
        assert "Start" in footer and "Back" in footer and "Tilbage" not in footer
        assert "Remove" not in footer  # only while a list has the focus
        # An organisation fixes the deck: the choices close. F3 leads to the list box.
        await keys(pilot, "f3")
        await type_text(pilot, "Club: Ida")
        await keys(pilot, "enter")
        await keys(pilot, "tab", "tab", "tab")  # past Add and the organisations' list
        footer = [binding.description for _, binding, enabled, *_ in
                  app.screen.active_bindings.values() if enabled]
        assert "Remove" in footer and "Move up" in footer
        assert screen.query_one("#language-choice", Select).disabled
        await keys(pilot, "f6")
        game = app.game
        assert game is not None and game.deck.language == "en"
        assert game.state.details.language == "en"  # so the summary PDF is in English
        assert game.state.details.place == "Vollsmose"
        assert "It is Ida's turn" in screen_text(app)
        await keys(pilot, "f2")
        await pilot.click("#ctl-next")
        await pilot.pause()
        assert rules.current_round(game.state, game.deck).id == "det-giver-vi"
        await pilot.click("#ctl-previous")
        await pilot.pause()
        assert rules.current_round(game.state, game.deck).id == "praesentation"
        # The palette's way back: the start screen is in English now, the workshop saved.
        await app.leave_game()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.game is None
        assert "New workshop" in str(app.screen.query_one("#menu", OptionList).get_option_at_index(0).prompt)
        saved = app.screen.query_one("#saved", OptionList)
        assert "Workshop " in str(saved.get_option_at_index(0).prompt)


async def test_a_saved_setup_takes_the_new_language_in_the_same_file(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "enter", "tab")
        await type_text(pilot, "Gellerup")
        await keys(pilot, "tab")  # leaving the field saves it: the workshop's file is made
        assert app.game is not None
        path = app.game.log.path
        app.screen.query_one("#detail-title", Input).focus()
        await choose_english(pilot)
        assert app.language == "en" and app.game is not None
        assert app.game.log.path == path and app.game.deck.language == "en"
        assert app.game.state.details.place == "Gellerup"
        assert sorted(path.parent.iterdir()) == [path]  # one file, no leftovers
        assert read(path).header.deck.language == "en"
        # Escape: back to the start screen; the set-up is there to resume.
        await keys(pilot, "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.game is None
        await keys(pilot, "down", "enter")  # "Resume a workshop": to the saved list
        await keys(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.game is not None and app.game.state.details.place == "Gellerup"


async def test_a_pdf_that_cannot_be_made_is_said_in_words(clock: FakeClock, tmp_path: Path,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vaerdispil.pdf import summary
    from vaerdispil.pdf.common import PrintError

    def refuse(*args: object) -> None:
        raise PrintError("done.pdf: the disk is full; free some space")

    monkeypatch.setattr(summary, "render_summary", refuse)
    game = Game.new(tmp_path / "done.jsonl", DECK, seed=1, clock=clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.print_summary()
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert "Kunne ikke lave PDF: done.pdf: the disk is full; free some space" in messages
    assert not (tmp_path / "done-summary.pdf").exists()


async def test_help_in_setup_names_the_keys_that_need_a_list(clock: FakeClock,
                                                             vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "enter", "f1")
        text = screen_text(app)
        now, _, later = text.partition("Flere taster her")
        assert "Kendte partnere" in now and "Fjern" not in now  # the title field has the focus
        assert "Fjern" in later and "Flyt op" in later
        await keys(pilot, "escape")
        assert isinstance(app.screen, SetupScreen)


async def test_a_participant_leaves_mid_round_from_the_facilitator_panel(
        clock: FakeClock, tmp_path: Path) -> None:
    game = netto_game(tmp_path / "l.jsonl", clock, people=("Aisha", "Bo"))
    aisha = next(iter(game.state.participants))
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Det er Aishas tur" in screen_text(app)
        await keys(pilot, "f2")
        await pilot.click("#ctl-leaves")
        await pilot.pause()
        await keys(pilot, "enter")  # the first on the list: Aisha
        await pilot.pause()
        assert [p.name for p in game.state.active_participants()] == ["Bo"]
        assert "Det er Bos tur" in screen_text(app) and "Tur 1 af 1" in screen_text(app)
        assert game.state.participants[aisha].name == "Aisha"  # still in the record
        assert read(game.log.path).events[-1]["type"] == "participant_removed"
        await keys(pilot, "ctrl+z")
        assert "Fortrudt: en deltager gik" in [n.message for n in app._notifications]
        assert len(game.state.active_participants()) == 2


async def test_a_late_participant_from_a_new_organisation(clock: FakeClock,
                                                          tmp_path: Path) -> None:
    game = netto_game(tmp_path / "late.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "f2")
        await pilot.click("#ctl-person")
        await pilot.pause()
        await type_text(pilot, "Fatima")
        await keys(pilot, "tab", "tab")  # past the list of organisations to a new one
        await type_text(pilot, "Biblioteket")
        await keys(pilot, "enter")
        await pilot.pause()
        orgs = {o.name: o.type for o in game.state.active_organisations()}
        assert orgs == {"Netto": "virksomhed", "Biblioteket": "andet"}
        people = {p.name: game.state.organisations[p.org].name
                  for p in game.state.active_participants()}
        assert people == {"Aisha": "Netto", "Fatima": "Biblioteket"}
        assert "Tur 1 af 2" in screen_text(app)


async def test_a_new_deck_that_cannot_be_saved_keeps_the_old_file(
        clock: FakeClock, vaerdispil_home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vaerdispil.session.errors import SessionError
    from vaerdispil.tui.screens import setup

    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "enter", "tab")
        await type_text(pilot, "Gellerup")
        await keys(pilot, "tab")
        assert app.game is not None
        path = app.game.log.path
        before = path.read_bytes()

        def full_disk(*args: object, **kwargs: object) -> None:
            raise SessionError(f"{path}: the disk is full; free some space")

        monkeypatch.setattr(setup.Game, "new", full_disk)
        app.screen.query_one("#detail-title", Input).focus()
        await choose_english(pilot)
        assert path.read_bytes() == before  # the old file, as it was
        assert sorted(path.parent.iterdir()) == [path]
        assert app.game is not None and app.game.deck.language == "da"
        assert app.game.state.details.place == "Gellerup"
        assert any("the disk is full" in n.message for n in app._notifications)
        assert app.language == "da" and app.screen.title == "Forbered værkstedet"
        assert app.screen.query_one("#language-choice", Select).value == "da"


def test_a_deck_given_at_the_start_is_kept_whatever_the_screens_speak() -> None:
    from vaerdispil.app_commands import build_app

    app = build_app(str(CARDS / "vaerdispil.en.yaml"), "da")
    assert app.language == "da" and app.deck.language == "en"


async def test_another_deck_after_the_file_is_made(clock: FakeClock,
                                                    vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await keys(pilot, "tab")
        await type_text(pilot, "Gellerup")
        await keys(pilot, "tab")  # saved: the file is made with Værdispillet
        assert app.game is not None
        path = app.game.log.path
        app.screen.query_one("#detail-title", Input).focus()
        await keys(pilot, "shift+tab", "enter", "down", "enter")  # the deck list: the next one
        await pilot.pause()
        game = app.game
        assert game is not None and game.log.path == path
        assert game.deck.id != "vaerdispil" and game.deck.language == "da"
        assert read(path).header.deck.id == game.deck.id
        assert game.state.details.place == "Gellerup"
        assert sorted(path.parent.iterdir()) == [path]
        assert app.screen.deck is game.deck  # the estimate counts this deck's rounds

