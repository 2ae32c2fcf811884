"""The rules of each round mode, through the engine's API, including the awkward cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CARDS, FakeClock
from tests.test_deck_loader import VALID
from vaerdispil.deck.loader import load_deck, load_deck_text
from vaerdispil.deck.model import Deck
from vaerdispil.game import rules
from vaerdispil.game.rules import RuleError
from vaerdispil.session.game import Game

DECK = load_deck(CARDS / "vaerdispil.da.yaml")


@pytest.fixture
def game(tmp_path: Path, clock: FakeClock) -> Game:
    """The bundled deck, three organisations, five participants, still in set-up."""
    g = Game.new(tmp_path / "w.jsonl", DECK, seed=7, clock=clock, title="Prøve",
                 place="Gellerup", date="2026-11-22", facilitator="Mette")
    netto = g.add_organisation("Netto", "virksomhed")
    home = g.add_organisation("Plejehjemmet Solvang", "institution")
    plan = g.add_organisation("Helhedsplanen", "helhedsplan")
    g.add_participant("Aisha", netto)
    g.add_participant("Bo", home)
    g.add_participant("Cem", home)
    g.add_participant("Dorthe", plan)
    g.add_participant("Emil", plan)
    return g


def people(g: Game) -> dict[str, str]:
    return {p.name: p.id for p in g.state.participants.values()}


def orgs(g: Game) -> dict[str, str]:
    return {o.name: o.id for o in g.state.organisations.values()}


def rule_error(key: str):  # type: ignore[no-untyped-def]
    return pytest.raises(RuleError, match=rf"^{key}\b")


def goto(g: Game, round_id: str) -> None:
    g.start_round(round_id)


# -- set-up -------------------------------------------------------------------


def test_setup_records_details_orgs_and_people(game: Game) -> None:
    details = game.state.details
    assert (details.title, details.place, details.date, details.facilitator, details.language) == (
        "Prøve", "Gellerup", "2026-11-22", "Mette", "da")
    assert [o.type for o in game.state.active_organisations()] == [
        "virksomhed", "institution", "helhedsplan"]
    assert [p.name for p in game.state.active_participants()] == [
        "Aisha", "Bo", "Cem", "Dorthe", "Emil"]
    with rule_error("error.org_type"):
        game.add_organisation("X", "klub")
    with rule_error("error.empty"):
        game.add_participant("   ", orgs(game)["Netto"])
    with rule_error("error.org_has_people"):
        game.remove_organisation(orgs(game)["Netto"])
    with rule_error("error.date"):
        game.set_details(date="22/13/2026")
    with rule_error("error.date"):
        game.set_details(date="i morgen")
    with rule_error("error.nothing_to_redo"):
        game.redo()


def test_rename_reorder_and_move(game: Game) -> None:
    ids = people(game)
    game.change_participant(ids["Bo"], name="Bo Jensen", org_id=orgs(game)["Netto"])
    game.change_organisation(orgs(game)["Netto"], name="Netto Gellerup")
    assert game.state.participants[ids["Bo"]].name == "Bo Jensen"
    assert game.state.participants[ids["Bo"]].org == orgs(game)["Netto Gellerup"]
    new_order = [ids["Emil"], ids["Aisha"], ids["Bo"], ids["Cem"], ids["Dorthe"]]
    game.set_order(participants=new_order)
    assert [p.id for p in game.state.active_participants()] == new_order
    with rule_error("error.order"):
        game.set_order(participants=new_order[:-1])


def test_a_round_needs_someone_at_the_table(tmp_path: Path, clock: FakeClock) -> None:
    g = Game.new(tmp_path / "empty.jsonl", DECK, seed=1, clock=clock)
    with rule_error("error.nobody"):
        g.next_round()
    with rule_error("error.not_started"):
        g.agree("Noget")


# -- turns ----------------------------------------------------------------------


def test_turns_go_round_the_table_with_cards_from_the_round(game: Game) -> None:
    game.next_round()
    intro = rules.current_round(game.state, DECK)
    assert intro is not None and intro.id == "praesentation"
    allowed = {card.id for card in rules.round_cards(DECK, intro)}
    assert allowed == set(intro.cards)
    seen_takers, seen_cards = [], []
    for number in range(1, 6):
        progress = rules.turn_progress(game.state, intro)
        assert (progress.number, progress.total) == (number, 5)
        event = game.draw()
        assert event["card"] in allowed and event["taker"] == progress.taker
        seen_takers.append(progress.taker)
        seen_cards.append(event["card"])
        game.end_turn("answered")
    assert seen_takers == [p.id for p in game.state.active_participants()]
    # Four cards, five turns: every card once before any comes again.
    assert set(seen_cards[:4]) == allowed
    done = rules.turn_progress(game.state, intro)
    assert done.taker is None and done.number == 6
    with rule_error("error.round_done"):
        game.draw()


def test_pass_skip_and_answer_without_a_card(game: Game) -> None:
    game.next_round()
    with rule_error("error.no_card_yet"):
        game.end_turn("answered")
    game.end_turn("skipped")  # Aisha is not here yet
    game.draw()
    game.end_turn("passed")  # Bo does not want to answer
    turns = game.state.rounds["praesentation"].turns
    assert [(turns[t].outcome, turns[t].card is None) for t in turns] == [
        ("skipped", True), ("passed", False)]


def test_participant_leaves_mid_round_and_a_late_one_joins(game: Game) -> None:
    ids = people(game)
    game.next_round()
    intro = DECK.rounds[0]
    game.draw()
    game.end_turn()
    game.remove_participant(ids["Bo"])  # Bo leaves before his turn
    late = game.add_participant("Fatima", orgs(game)["Netto"])
    progress = rules.turn_progress(game.state, intro)
    assert progress.taker == ids["Cem"] and (progress.number, progress.total) == (2, 5)
    for _ in range(4):
        game.draw()
        game.end_turn()
    takers = list(game.state.rounds["praesentation"].turns)
    assert takers == [ids["Aisha"], ids["Cem"], ids["Dorthe"], ids["Emil"], late]


def test_turns_per_organisation_and_choosing_a_card(game: Game) -> None:
    goto(game, "dialog-om-balance")
    dialogue = rules.current_round(game.state, DECK)
    assert dialogue is not None
    progress = rules.turn_progress(game.state, dialogue)
    assert progress.taker == orgs(game)["Netto"] and progress.total == 3
    event = game.choose("hvad-koster-det")
    assert event["how"] == "choose" and event["card"] == "hvad-koster-det"
    with rule_error("error.card_not_in_round"):
        game.choose("lokaler")  # a value card, not a question


def test_redraw_puts_another_card_on_the_table(game: Game) -> None:
    game.next_round()
    first = game.draw()["card"]
    second = game.draw()["card"]
    assert first != second
    taker = rules.turn_progress(game.state, DECK.rounds[0]).taker
    assert game.state.rounds["praesentation"].turns[taker or ""].card == second


def test_timer_counts_pauses_and_extensions(game: Game, clock: FakeClock) -> None:
    game.next_round()  # two minutes per turn
    game.draw()
    turn = game.state.rounds["praesentation"].turns[people(game)["Aisha"]]
    assert turn.timer is not None and turn.timer.limit == 120
    clock.advance(30)
    game.pause_timer()
    clock.advance(600)  # a long story, the timer stands still
    assert turn.timer.remaining(game.now()) == 90
    with rule_error("error.timer_paused"):
        game.pause_timer()
    game.resume_timer()
    clock.advance(100)
    game.extend_timer()
    assert turn.timer.remaining(game.now()) == 50
    clock.advance(80)
    assert turn.timer.remaining(game.now()) == -30  # time is up: the screen rings the bell
    game.end_turn()
    clock.advance(1000)
    assert turn.timer.remaining(game.now()) == -30  # stopped when the turn ended


# -- picks ------------------------------------------------------------------------


def test_picks_respect_the_limit_side_and_blank_cards(game: Game) -> None:
    netto = orgs(game)["Netto"]
    goto(game, "det-giver-vi")
    game.pick(netto, "lokaler", reason="Vi har et baglokale")
    with rule_error("error.picked_twice"):
        game.pick(netto, "lokaler")
    with rule_error("error.side"):
        game.pick(netto, "penge", side="get")
    with rule_error("error.empty"):
        game.pick(netto, "blank-1")  # a blank card needs the organisation's own words
    own = game.pick(netto, "blank-1", text="Frugt til lektiecaféen")
    game.pick(netto, "penge")
    game.pick(netto, "tid-fra-andet")  # three values and what it costs
    with rule_error("error.too_many_picks"):
        game.pick(netto, "udstyr")
    values = rules.picked_values(game.state, DECK)
    assert [(v.key, v.title, v.givers) for v in values] == [
        ("card:lokaler", "Lokaler", (netto,)),
        (f"own:{own}", "Frugt til lektiecaféen", (netto,)),
        ("card:penge", "Penge", (netto,)),
        ("card:tid-fra-andet", "Tid fra andet arbejde", (netto,)),
    ]


def test_picks_can_change_until_the_round_closes(game: Game) -> None:
    netto = orgs(game)["Netto"]
    goto(game, "det-giver-vi")
    pick = game.pick(netto, "lokaler", reason="Baglokale")
    game.edit(pick, "reason", "Baglokalet om tirsdagen")
    assert game.state.picks[pick].reason == "Baglokalet om tirsdagen"
    game.remove(pick)
    pick = game.pick(netto, "penge")
    game.next_round()
    with rule_error("error.round_closed"):
        game.remove(pick)
    with rule_error("error.round_closed"):
        game.edit(pick, "reason", "x")
    goto(game, "det-giver-vi")  # going back reopens it
    game.remove(pick)
    assert game.state.picks == {}


# -- votes --------------------------------------------------------------------------


def pick_three(game: Game) -> list[str]:
    o = orgs(game)
    goto(game, "det-giver-vi")
    game.pick(o["Netto"], "lokaler")
    game.pick(o["Helhedsplanen"], "lokal-viden")
    goto(game, "det-faar-vi")
    game.pick(o["Plejehjemmet Solvang"], "frivillige")
    game.pick(o["Netto"], "lokaler")  # Netto also gets premises: one value, two sides
    goto(game, "afstemning")
    return ["card:lokaler", "card:lokal-viden", "card:frivillige"]


def test_vote_with_no_picked_values(game: Game) -> None:
    goto(game, "afstemning")
    with rule_error("error.nothing_to_vote_on"):
        game.vote(people(game)["Aisha"], "card:lokaler", 1)
    assert rules.tally(game.state, DECK, "afstemning") == []


def test_secret_vote_in_turn_hidden_until_all_have_voted(game: Game) -> None:
    values = pick_three(game)
    vote_round = rules.current_round(game.state, DECK)
    assert vote_round is not None and vote_round.secret and vote_round.dots == 3
    ids = people(game)
    with rule_error("error.not_your_vote"):
        game.vote(ids["Bo"], values[0], 1)
    game.vote(ids["Aisha"], values[0], 3)
    with rule_error("error.no_dots_left"):
        game.vote(ids["Aisha"], values[1], 1)
    game.vote(ids["Aisha"], values[0], 2)  # change of mind: two on premises, one on knowledge
    game.vote(ids["Aisha"], values[1], 1)
    game.finish_vote(ids["Aisha"])
    with rule_error("error.already_voted"):
        game.vote(ids["Aisha"], values[2], 0)
    assert rules.current_voter(game.state, vote_round) == ids["Bo"]
    assert not rules.votes_visible(game.state, vote_round)
    for name, value in (("Bo", 2), ("Cem", 2), ("Dorthe", 1)):
        game.vote(ids[name], values[value], 3)
        game.finish_vote(ids[name])
    assert not rules.votes_visible(game.state, vote_round)
    game.vote(ids["Emil"], values[1], 1)
    game.finish_vote(ids["Emil"])
    assert rules.votes_visible(game.state, vote_round)
    tally = [(value.key, dots) for value, dots in rules.tally(game.state, DECK, "afstemning")]
    assert tally == [("card:frivillige", 6), ("card:lokal-viden", 5), ("card:lokaler", 2)]


def test_reveal_when_someone_has_left(game: Game) -> None:
    values = pick_three(game)
    vote_round = DECK.rounds[4]
    ids = people(game)
    game.vote(ids["Aisha"], values[0], 1)
    game.finish_vote(ids["Aisha"])
    game.remove_participant(ids["Bo"])  # left mid-vote: the turn goes on to Cem
    assert rules.current_voter(game.state, vote_round) == ids["Cem"]
    game.reveal_votes()
    assert rules.votes_visible(game.state, vote_round)
    with rule_error("error.already_visible"):
        game.reveal_votes()


def test_changing_a_pick_after_votes_frees_the_dots(game: Game) -> None:
    values = pick_three(game)
    ids = people(game)
    game.vote(ids["Aisha"], values[2], 3)
    goto(game, "det-faar-vi")
    frivillige = next(p.id for p in game.state.picks.values() if p.card == "frivillige")
    game.remove(frivillige)
    goto(game, "afstemning")
    assert rules.dots_used(game.state, DECK, "afstemning", ids["Aisha"]) == 0
    assert [v.key for v, _ in rules.tally(game.state, DECK, "afstemning")] == values[:2]
    game.vote(ids["Aisha"], values[0], 3)  # the dots are hers to use again


def test_open_vote_with_one_dot_per_value(tmp_path: Path, clock: FakeClock) -> None:
    text = VALID.replace("    secret: true\n", "    stack: false\n")
    deck: Deck = load_deck_text(text)
    g = Game.new(tmp_path / "v.jsonl", deck, seed=3, clock=clock)
    org = g.add_organisation("Klubben", "forening")
    a, b = g.add_participant("A", org), g.add_participant("B", org)
    g.start_round("giver")
    g.pick(org, "lokaler")
    g.start_round("stem")
    with rule_error("error.dots_per_value"):
        g.vote(a, "card:lokaler", 2)
    g.vote(b, "card:lokaler", 1)  # open vote: anyone, any order
    g.vote(a, "card:lokaler", 1)
    assert rules.tally(g.state, deck, "stem")[0][1] == 2


# -- agreement -------------------------------------------------------------------------


def test_agreement_with_dissent_actions_and_follow_up(game: Game) -> None:
    values = pick_three(game)
    o = orgs(game)
    goto(game, "aftale")
    agreed = game.agree("Vi bruger hinandens lokaler", [values[0], "card:tillid"],
                        [o["Netto"], o["Helhedsplanen"]])
    game.dissent(agreed, o["Plejehjemmet Solvang"], "Vi har ikke plads om aftenen")
    action = game.add_action("Lav en nøgleaftale", o["Netto"], "Aisha", "2026-12-15")
    game.set_follow_up("2027-03-01")
    with rule_error("error.no_value"):
        game.agree("Noget", ["card:findes-ikke"])
    with rule_error("error.date"):
        game.add_action("x", o["Netto"], due="2026-13-01")
    game.edit(agreed, "text", "Vi deler lokaler")
    game.edit(action, "due", "2027-01-10")
    state = game.state
    assert state.agreed[agreed].text == "Vi deler lokaler"
    assert state.agreed[agreed].values == ["card:lokaler", "card:tillid"]
    assert [d.text for d in state.dissents.values()] == ["Vi har ikke plads om aftenen"]
    assert (state.actions[action].person, state.actions[action].due) == ("Aisha", "2027-01-10")
    assert state.follow_up == "2027-03-01"
    game.remove(agreed)  # its dissent goes with it
    assert state.agreed == {} and state.dissents == {}


def test_notes_belong_to_the_turn(game: Game) -> None:
    game.next_round()
    game.draw()
    note = game.note("Netto kan give frugt")
    assert game.state.notes[note].taker == people(game)["Aisha"]
    assert game.state.notes[note].round == "praesentation"
    game.edit(note, "text", "Netto kan give frugt hver tirsdag")
    assert game.state.notes[note].text == "Netto kan give frugt hver tirsdag"
    with rule_error("error.unknown_field"):
        game.edit(note, "taker", "x")


# -- undo ---------------------------------------------------------------------------


def test_undo_redo_and_undo_of_undo(game: Game) -> None:
    netto = orgs(game)["Netto"]
    goto(game, "det-giver-vi")
    before = repr(game.state)
    pick = game.pick(netto, "lokaler")
    after = repr(game.state)
    undone = game.undo()
    assert undone["type"] == "picked" and undone["id"] == pick
    assert repr(game.state) == before
    assert game.redo()["id"] == pick  # the undo, undone
    assert repr(game.state) == after
    game.undo()
    game.pick(netto, "penge")  # a new action: the undone pick cannot come back
    assert not game.can_redo
    types = [event["type"] for event in game.events[-4:]]
    assert types == ["undo", "redo", "undo", "picked"]  # nothing rewritten, all appended


def test_undo_down_to_the_start_and_no_further(tmp_path: Path, clock: FakeClock) -> None:
    g = Game.new(tmp_path / "u.jsonl", DECK, seed=1, clock=clock, title="T")
    org = g.add_organisation("A", "andet")
    g.add_participant("P", org)
    g.undo()
    g.undo()
    assert not g.can_undo and g.state.organisations == {}
    with rule_error("error.nothing_to_undo"):
        g.undo()
    assert g.state.details.title == "T"


def test_rule_errors_have_words_in_both_languages() -> None:
    error = RuleError("error.too_many_picks", plural_count=3, most=3)
    assert error.message("da") == "I kan højst vælge 3 kort i denne runde."
    assert error.message("en") == "You can pick at most 3 cards in this round."
    assert RuleError("error.too_many_picks", plural_count=1, most=1).message("en") == (
        "You can pick at most 1 card in this round.")


@pytest.mark.parametrize(("typed", "kept"), [
    ("2027-10-01", "2027-10-01"), ("1-10-2027", "2027-10-01"), ("1.10.2027", "2027-10-01"),
    ("1/10 2027", "2027-10-01"), ("01/10/2027", "2027-10-01"), ("1. 10. 2027", "2027-10-01"),
    ("31.12.27", "2027-12-31"), (" 29-2-2028 ", "2028-02-29"), ("", ""),
])
def test_dates_as_danes_write_them(game: Game, typed: str, kept: str) -> None:
    game.set_follow_up(typed)
    assert game.state.follow_up == kept


@pytest.mark.parametrize("typed", ["29-2-2027", "1/13 2027", "2027-1-1x", "1.10", "tirsdag"])
def test_impossible_dates_are_refused(game: Game, typed: str) -> None:
    with rule_error("error.date"):
        game.set_follow_up(typed)
