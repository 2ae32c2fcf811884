"""The round screen says what it does and shows state in characters (issue 15): space
draws one of the round's own cards, c chooses one (the round's own first), every state
reads on a monochrome screen, and a picked blank card shows the organisation's words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widgets import OptionList, Static

from tests.conftest import CARDS, FakeClock
from tests.test_deck_loader import VALID
from vaerdispil.deck.loader import load_deck_text
from vaerdispil.game import rules
from vaerdispil.session.game import Game
from vaerdispil.session.log import read
from vaerdispil.tui.app import HIGH_CONTRAST, VaerdispilApp
from vaerdispil.tui.screens.round import RoundScreen
from vaerdispil.tui.dialogs.chooser import CardChooser
from vaerdispil.tui.lists import CursorList, TickList

# The bundled deck lists the balance round's cards (issue 17). These tests need a round
# that owns only some cards of its kinds and offers the rest marked, so there the list
# gives way to all_cards.
DECK = load_deck_text(re.sub(r"    cards: \[hvad-giver-vi,[^\]]*\]",
                             "    all_cards: Alle spørgsmål, som ingen anden runde har.",
                             (CARDS / "vaerdispil.da.yaml").read_text(encoding="utf-8"), count=1),
                      "vaerdispil.da.yaml")
BALANCE = next(r for r in DECK.rounds if r.id == "dialog-om-balance")
assert BALANCE.all_cards and not BALANCE.cards
INTRO = next(r for r in DECK.rounds if r.id == "praesentation")
THEMES = ["textual-dark", "vaerdispil-kontrast"]


def game_at(path: Path, clock: FakeClock, round_id: str, deck=DECK) -> Game:  # type: ignore[no-untyped-def]
    """A workshop with Netto (Aisha) and the nursing home (Bo), at `round_id`."""
    game = Game.new(path, deck, seed=7, clock=clock)
    netto = game.add_organisation("Netto", "virksomhed")
    home = game.add_organisation("Plejehjemmet", "institution")
    game.add_participant("Aisha", netto)
    game.add_participant("Bo", home)
    game.start_round(round_id)
    return game


def lines(widget: OptionList) -> list[str]:
    """The characters of a list as drawn (no colour, no style): what a monochrome
    screen or a washed-out projector still shows."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def line_with(widget: OptionList, words: str) -> str:
    return next(line for line in lines(widget) if words in line)


def footer_keys(app: VaerdispilApp) -> dict[str, str]:
    """Key -> the words the footer shows for it."""
    return {key: active.binding.description for key, active in app.active_bindings.items()}


# -- A: space draws, c chooses -------------------------------------------------------


def test_the_balance_round_has_its_own_cards_and_not_the_introductions() -> None:
    own = {card.id for card in rules.own_cards(DECK, BALANCE)}
    assert own and not own & set(INTRO.cards)
    assert own < {card.id for card in rules.round_cards(DECK, BALANCE)}
    assert [card.id for card in rules.own_cards(DECK, INTRO)] == list(INTRO.cards)


async def test_space_draws_one_of_the_rounds_own_cards(clock: FakeClock,
                                                       tmp_path: Path) -> None:
    game = game_at(tmp_path / "w.jsonl", clock, "dialog-om-balance")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    own = {card.id for card in rules.own_cards(DECK, BALANCE)}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the round's panel has the focus: keys go to it
        assert footer_keys(app)["space"] == "Træk kort"
        assert footer_keys(app)["c"] == "Vælg kort"
        for _ in range(8):  # a draw, then redraws of the same turn
            await pilot.press("space")
            await pilot.pause()
            assert isinstance(app.screen, RoundScreen)  # drawn, no chooser in the way
        turn = game.state.rounds["dialog-om-balance"].turns[next(iter(game.state.org_order))]
        assert turn.card in own
        assert DECK.card(turn.card).title in "\n".join(
            str(widget.render()) for widget in app.screen.query(Static))
        path = game.log.path
    drawn = [event for event in read(path).events if event["type"] == "card_drawn"]
    assert len(drawn) == 8
    assert all(event["how"] == "draw" and event["card"] in own for event in drawn)


async def test_c_opens_the_chooser_on_the_rounds_own_cards(clock: FakeClock,
                                                           tmp_path: Path) -> None:
    game = game_at(tmp_path / "w.jsonl", clock, "dialog-om-balance")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    own = [card.id for card in rules.own_cards(DECK, BALANCE)]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the round's panel has the focus: keys go to it
        await pilot.press("c")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, CardChooser)
        cards = chooser.query_one(CursorList)
        assert cards.highlighted_option is not None
        assert cards.highlighted_option.id == own[0]
        ids = [option.id for option in cards.options]
        # The introduction cards come after every one of the round's own, marked as such.
        assert max(ids.index(card) for card in own) < min(ids.index(c) for c in INTRO.cards)
        shown = lines(cards)
        assert shown[0].strip() == "── Rundens kort ──"
        assert line_with(cards, "Hvad giver vi?").lstrip().startswith("▶")
        await pilot.press("end")
        await pilot.pause()
        intro = line_with(cards, "Det gik godt")
        assert "fra runde 1: Hvem er vi?" in intro
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    turn = game.state.rounds["dialog-om-balance"].turns[next(iter(game.state.org_order))]
    assert turn.card == own[0]


async def test_escape_leaves_the_chooser_without_a_card(clock: FakeClock,
                                                        tmp_path: Path) -> None:
    game = game_at(tmp_path / "w.jsonl", clock, "dialog-om-balance")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the round's panel has the focus: keys go to it
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    assert not game.state.rounds["dialog-om-balance"].turns


NO_OWN_CARDS = VALID.replace(
    "    kinds: [question]\n    minutes_per_turn: 2\n",
    "    kinds: [question]\n    cards: [hvad-koster-det]\n    minutes_per_turn: 2\n",
) + """\
  - id: dialog
    title: Dialog
    mode: turns
    kinds: [question]
    draw: choose
    prompt: Vælg et spørgsmål.
    guide: Lyt.
"""


async def test_a_round_without_cards_of_its_own_says_so(clock: FakeClock,
                                                        tmp_path: Path) -> None:
    deck = load_deck_text(NO_OWN_CARDS, "deck.yaml")
    dialog = deck.rounds[-1]
    assert rules.own_cards(deck, dialog) == ()
    game = game_at(tmp_path / "w.jsonl", clock, "dialog", deck)
    app = VaerdispilApp(deck, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the round's panel has the focus: keys go to it
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)  # no chooser opened behind the words
        assert "Runden har ingen kort af sine egne at trække. Vælg et kort (c)." in [
            n.message for n in app._notifications]
        assert not game.state.rounds["dialog"].turns
        # c still offers the other round's card, marked, and preselects nothing.
        await pilot.press("c")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, CardChooser)
        cards = chooser.query_one(CursorList)
        assert cards.highlighted is None
        assert "fra runde 1: Hvem er vi?" in line_with(cards, "Hvad koster det?")
        await pilot.press("enter")  # nothing chosen yet: nothing happens
        await pilot.pause()
        assert app.screen is chooser and not game.state.rounds["dialog"].turns
        await pilot.press("down", "enter")  # a deliberate choice is allowed
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    assert game.state.rounds["dialog"].turns[next(iter(game.state.order))].card == \
        "hvad-koster-det"


# -- B: never colour alone -----------------------------------------------------------


class TickApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList(("Lokaler", "card:lokaler", True), ("Penge", "card:penge", False),
                       ("Hygge", "own:k1", True))


@pytest.mark.parametrize("theme", THEMES)
async def test_ticked_and_unticked_boxes_differ_in_characters(
        theme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = TickApp()
    async with app.run_test(size=(60, 10)) as pilot:
        app.register_theme(HIGH_CONTRAST)
        app.theme = theme
        await pilot.pause()
        ticks = app.query_one(TickList)
        assert app.no_color
        assert line_with(ticks, "Lokaler").startswith("▶[x] Lokaler")  # highlighted, ticked
        assert line_with(ticks, "Penge").startswith(" [ ] Penge")
        assert line_with(ticks, "Hygge").startswith(" [x] Hygge")
        await pilot.press("down", "space")
        await pilot.pause()
        assert line_with(ticks, "Penge").startswith("▶[x] Penge")
        assert list(ticks.selected) == ["card:lokaler", "own:k1", "card:penge"]


@pytest.mark.parametrize("theme", THEMES)
async def test_picked_cards_and_categories_read_without_colour(
        theme: str, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    game = game_at(tmp_path / "w.jsonl", clock, "det-giver-vi")
    netto = game.state.org_order[0]
    game.pick(netto, "lokaler", None, "Baglokalet")
    game.pick(netto, "blank-1", None, "", "Hygge i gården")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 80)) as pilot:  # tall enough for every card
        app.theme = theme
        await pilot.pause()
        cards = app.screen.query_one("#cards", OptionList)
        picked, other = line_with(cards, "Lokaler"), line_with(cards, "Penge")
        assert picked.startswith("  ✓") and "(giver)" in picked
        assert "✓" not in other and "giver" not in other
        assert "Ting, tid og penge" in picked and "Ting, tid og penge" in other
        assert lines(cards)[0].startswith("▶")  # the highlighted line, in characters
        # C: a picked blank card shows the organisation's own words, marked as picked.
        own = line_with(cards, "Hygge i gården")
        assert own.startswith("  ✓") and "(giver)" in own
        assert "Jeres egen værdi" not in own and "Egen værdi" in own
        assert sum("Jeres egen værdi" in line for line in lines(cards)) == 3  # the unpicked
        orgs = app.screen.query_one("#orgs", OptionList)
        assert line_with(orgs, "Netto").startswith("▷ 2/4")  # picking, the keyboard elsewhere
        assert line_with(orgs, "Plejehjemmet").startswith("  0/4")


async def test_the_turn_order_says_each_state_in_characters(clock: FakeClock,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    game = game_at(tmp_path / "w.jsonl", clock, "praesentation")
    home = game.state.org_order[1]
    for name in ("Cem", "Dorthe"):
        game.add_participant(name, home)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the round's panel has the focus: keys go to it
        await pilot.press("space", "enter", "p", "s")  # Aisha answers, Bo passes, Cem skipped
        await pilot.pause()
        order = str(app.screen.query_one("#turn-order", Static).render())
        assert order == ("Rækkefølge: ✓ Aisha · Bo (stod over) · Cem (ikke til stede) · "
                         "▶ Dorthe")
        bo = next(p.id for p in game.state.participants.values() if p.name == "Bo")
        app.run_command(lambda: game.remove_participant(bo))
        await pilot.pause()
        order = str(app.screen.query_one("#turn-order", Static).render())
        assert "Bo (stod over) (gået)" in order


async def test_vote_leaders_and_agreement_read_in_words(clock: FakeClock,
                                                        tmp_path: Path) -> None:
    game = game_at(tmp_path / "w.jsonl", clock, "det-giver-vi")
    netto, home = game.state.org_order
    game.pick(netto, "lokaler", None, "")
    game.pick(home, "penge", None, "")
    game.start_round("afstemning")
    aisha, bo = game.state.order
    game.vote(aisha, "card:lokaler", 2)
    game.finish_vote(aisha)
    game.vote(bo, "card:penge", 1)
    game.finish_vote(bo)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the round's panel is laid out
        values = app.screen.query_one("#values", OptionList)
        assert "flest prikker" in line_with(values, "Lokaler")
        assert "flest prikker" not in line_with(values, "Penge")
        app.run_command(lambda: game.start_round("aftale"))
        await pilot.pause()
        agreed = game.agree("Vi deler lokaler", ["card:lokaler"], [netto])
        game.dissent(agreed, home, "Kun om formiddagen")
        game.add_action("Lav en aftale om nøgler", netto, "Aisha")
        app.screen.refresh_game()  # type: ignore[attr-defined]
        await pilot.pause()
        listing = app.screen.query_one("#agreed", OptionList)
        actions = app.screen.query_one("#actions", OptionList)
        assert lines(listing)[:2] == ["▶ Vi deler lokaler", "    står bag: Netto"]
        assert "uenig: Plejehjemmet: Kun om formiddagen" in line_with(listing, "uenig")
        assert line_with(actions, "nøgler").startswith("▷ ")
        await pilot.press("tab")  # the keyboard moves to the actions, and so does the ▶
        await pilot.pause()
        assert actions.has_focus
        assert line_with(actions, "nøgler").startswith("▶ ")
        assert lines(listing)[0] == "▷ Vi deler lokaler"


def test_the_gutter_keeps_the_line_style() -> None:
    """The ▶ takes the highlighted line's background, so the bar runs to the edge."""
    from rich.segment import Segment
    from rich.style import Style

    from vaerdispil.tui.lists import _gutter

    line = Strip([Segment("Lokaler", Style(bgcolor="blue"))])
    marked = _gutter(line, "▶ ", 3, True)
    first = next(iter(marked))
    assert first.text == "▶ " and first.style is not None
    assert first.style.bgcolor == Style(bgcolor="blue").bgcolor and first.style.bold
    assert first.style.meta["option"] == 3
