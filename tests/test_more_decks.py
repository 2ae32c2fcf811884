"""Every bundled deck plays from the first round to the last, and each reads well in both languages.

The driver below knows nothing about any one deck: it reads the rounds, their modes and
their cards from the deck, so a deck that needs deck-specific code fails here.
"""

from __future__ import annotations

import colorsys
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from vaerdispil.deck.catalog import bundled_decks_dir, deck_files, find_decks
from vaerdispil.deck.loader import load_deck
from vaerdispil.deck.model import CardKind, Deck, Draw, Mode, Per, Round, Side
from vaerdispil.deck.readability import lix
from vaerdispil.deck.translation import compare_translations
from vaerdispil.game import rules
from vaerdispil.game.state import ORGANISATION_TYPES
from vaerdispil.session.game import Game

# Collected without VAERDISPIL_HOME (the fixtures are not active yet), so only the bundled
# folder is read here; test_every_bundled_deck_loads checks that find_decks() agrees.
BUNDLED = deck_files(bundled_decks_dir())  # translations: tests/test_translations.py
DECKS = {path.name: load_deck(path) for path in BUNDLED}
IDS = sorted({deck.id for deck in DECKS.values()})
SETTING_DECKS = ("kommune-helhedsplan", "civilsamfund", "medborgercenter")


def deck_file(deck_id: str, language: str) -> Deck:
    return DECKS[f"{deck_id}.{language}.yaml"]


# -- they load, and the languages match ------------------------------------------------


def test_every_bundled_deck_loads() -> None:
    entries = [entry for entry in find_decks() if entry.bundled]
    assert [entry.path for entry in entries] == BUNDLED
    assert all(entry.error is None and entry.deck is not None for entry in entries)
    pairs = Counter(entry.deck.id for entry in entries if entry.deck)
    assert set(SETTING_DECKS) | {"vaerdispil", "vaerdispil-kort"} <= set(pairs)
    assert all(count == 2 for count in pairs.values()), pairs
    for entry in entries:
        assert entry.deck is not None
        assert entry.path.name == f"{entry.deck.id}.{entry.deck.language}.yaml"
        first = entry.path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=deck.schema.json"


@pytest.mark.parametrize("deck_id", IDS)
def test_the_two_languages_match(deck_id: str) -> None:
    assert compare_translations(deck_file(deck_id, "da"), deck_file(deck_id, "en")) == []


@pytest.mark.parametrize("deck_id", IDS)
def test_danish_cards_are_easy_to_read(deck_id: str) -> None:
    deck = deck_file(deck_id, "da")
    score = lix(text for card in deck.cards for text in (card.title, card.text))
    print(f"\nLIX of {deck_id} (da) card titles and texts: {score.score:.1f} "
          f"({score.words} words, {score.sentences} sentences, {score.long_words} long words)")
    assert score.score <= 30


@pytest.mark.parametrize("name", [path.name for path in BUNDLED])
def test_texts_fit_on_a_card(name: str) -> None:
    deck = DECKS[name]
    for card in deck.cards:
        assert len(card.title) <= 24, card.id
        assert len(card.text.split()) <= 40, card.id
        assert len(card.example.split()) <= 25, card.id
    assert all(round_.prompt and round_.guide and round_.minutes for round_ in deck.rounds)
    assert deck.version == "1.0" and deck.license == "CC BY 4.0" and deck.description


# -- the setting decks ------------------------------------------------------------------


def _lightness_and_grey(colour: str) -> tuple[float, float, float]:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, _ = colorsys.rgb_to_hls(red, green, blue)
    return hue * 360, lightness, 0.299 * red + 0.587 * green + 0.114 * blue


@pytest.mark.parametrize("deck_id", SETTING_DECKS)
@pytest.mark.parametrize("language", ["da", "en"])
def test_setting_deck_contents(deck_id: str, language: str) -> None:
    deck = deck_file(deck_id, language)
    kinds = Counter(card.kind for card in deck.cards)
    assert 4 <= len(deck.categories) <= 8
    assert kinds[CardKind.VALUE] >= 24
    assert kinds[CardKind.QUESTION] >= 12
    assert kinds[CardKind.BLANK] >= 4
    per_category = Counter(card.category for card in deck.cards_of(CardKind.VALUE))
    assert set(per_category) == {category.id for category in deck.categories}
    assert min(per_category.values()) >= 4
    assert 4 <= len(deck.rounds) <= 7
    modes = [round_.mode for round_ in deck.rounds]
    assert modes[0] is Mode.TURNS and modes[-1] is Mode.AGREE
    assert {Mode.PICK, Mode.VOTE, Mode.OPEN} <= set(modes)
    for round_ in deck.rounds:
        sentences = [line for line in round_.guide.splitlines() if line.strip()]
        assert 3 <= len(sentences) <= 6, round_.id
    # Its own script, not the main deck's.
    main = deck_file("vaerdispil", language)
    assert [r.id for r in deck.rounds] != [r.id for r in main.rounds]
    # Light colours for black text, told apart by hue and in grey print.
    seen = [_lightness_and_grey(category.colour) for category in deck.categories]
    for hue, lightness, _ in seen:
        assert 0.6 <= lightness <= 0.9, deck_id
    for (hue_a, _, grey_a), (hue_b, _, grey_b) in combinations(seen, 2):
        assert min(abs(hue_a - hue_b), 360 - abs(hue_a - hue_b)) >= 25
        assert abs(grey_a - grey_b) >= 0.04


# -- the short deck ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_short_deck_shares_the_main_decks_cards(language: str) -> None:
    short = deck_file("vaerdispil-kort", language)
    main = deck_file("vaerdispil", language)
    main_cards = {card.id: card for card in main.cards}
    shared = [card for card in short.cards if card.id in main_cards]
    assert len(shared) >= 20
    for card in shared:
        twin = main_cards[card.id]
        assert (card.kind, card.category, card.title, card.text, card.example) == (
            twin.kind, twin.category, twin.title, twin.text, twin.example), card.id
    main_categories = {category.id: category for category in main.categories}
    for category in short.categories:
        assert category == main_categories[category.id]
    assert CardKind.BLANK in {card.kind for card in short.cards}
    assert 3 <= len(short.rounds) <= 4
    assert 30 <= sum(round_.minutes or 0 for round_ in short.rounds) <= 45


# -- the driver: play any deck through the engine ---------------------------------------

ORGANISATIONS = [("Helhedsplanen", "helhedsplan"), ("Kommunen", "kommune"),
                 ("Foreningen", "forening"), ("Beboerne", "beboere")]


def play_turns(game: Game, round_: Round, clock: FakeClock) -> None:
    deck = game.deck
    cards = rules.round_cards(deck, round_)
    assert cards, round_.id
    allowed = {card.id for card in cards}
    total = rules.turn_progress(game.state, round_).total
    expected = (len(game.state.active_organisations()) if round_.per is Per.ORGANISATION
                else len(game.state.active_participants()))
    assert total == expected
    taken = 0
    while (progress := rules.turn_progress(game.state, round_)).taker is not None:
        if round_.draw is Draw.CHOOSE:
            game.choose(cards[taken % len(cards)].id)
        else:
            game.draw()
        turn = rules.turn_progress(game.state, round_).turn
        assert turn is not None and turn.card in allowed
        if turn.timer is not None and taken == 0:
            game.pause_timer()
            clock.advance(15)
            game.resume_timer()
        clock.advance(70)
        if taken % 2 == 0:
            game.note(f"Svar {taken + 1}: {deck.card(turn.card).title}")
        game.end_turn()
        taken += 1
    assert taken == total
    turns = game.state.round_state(round_.id).turns
    assert all(turn.outcome == "answered" for turn in turns.values())


def play_pick(game: Game, round_: Round, orgs: list[str]) -> None:
    deck = game.deck
    cards = rules.round_cards(deck, round_)
    values = [card for card in cards if card.kind is CardKind.VALUE]
    blanks = [card for card in cards if card.kind is CardKind.BLANK]
    assert values or blanks, round_.id
    assert round_.picks and round_.side is not None
    sides = [Side.GIVE, Side.GET] if round_.side is Side.BOTH else [round_.side]
    for number, org in enumerate(orgs):
        for side in sides:
            for pick in range(round_.picks):
                own = pick == round_.picks - 1 and number % 2 == 0
                if blanks and (own or pick >= len(values)):
                    game.pick(org, blanks[0].id, str(side), reason="Det mangler",
                              text=f"Egen værdi {number}.{pick}")
                elif pick < len(values):
                    card = values[(number + pick) % len(values)]
                    game.pick(org, card.id, str(side), reason=f"Fordi {card.title}")
            mine = [p for p in game.state.picks.values()
                    if p.round == round_.id and p.org == org and p.side == side]
            assert len(mine) == (round_.picks if blanks else min(round_.picks, len(values)))
            if blanks:
                with pytest.raises(rules.RuleError) as refused:
                    game.pick(org, blanks[0].id, str(side), text="En for meget")
                assert refused.value.key == "error.too_many_picks"


def play_vote(game: Game, round_: Round) -> None:
    deck = game.deck
    values = rules.picked_values(game.state, deck)
    assert values, f"{round_.id}: nothing picked before the vote"
    assert round_.dots
    people = [person.id for person in game.state.active_participants()]
    placed = 0
    for number in range(len(people)):
        if round_.secret:
            voter = rules.current_voter(game.state, round_)
            assert voter == people[number]
            assert not rules.votes_visible(game.state, round_)
            if number + 1 < len(people):
                with pytest.raises(rules.RuleError):
                    game.vote(people[number + 1], values[0].key, 1)
        else:
            voter = people[-1 - number]  # open votes take any order
        left = round_.dots
        for offset in range(len(values)):
            if not left:
                break
            dots = min(left, 2) if round_.stack else 1
            key = values[(number + offset) % len(values)].key
            if not round_.stack and round_.dots > 1 and offset == 0:
                with pytest.raises(rules.RuleError):
                    game.vote(voter, key, 2)
            game.vote(voter, key, dots)
            left -= dots
            placed += dots
        game.finish_vote(voter)
    assert rules.votes_visible(game.state, round_)
    ranked = rules.tally(game.state, deck, round_.id)
    assert sum(dots for _, dots in ranked) == placed > 0
    assert [dots for _, dots in ranked] == sorted((dots for _, dots in ranked), reverse=True)


def play_agree(game: Game, round_: Round, orgs: list[str]) -> None:
    deck = game.deck
    played = deck.rounds[:deck.rounds.index(round_)]
    votes = [r for r in played if r.mode is Mode.VOTE]
    if votes:
        top = [value.key for value, dots in rules.tally(game.state, deck, votes[-1].id)[:2]
               if dots]
    else:
        top = [value.key for value in rules.picked_values(game.state, deck)[:2]]
    agreed = game.agree("Vi bygger på det, der fik flest prikker", top, orgs[:3])
    game.dissent(agreed, orgs[3], "Vi kan først være med efter sommer")
    game.add_action("Skriv et kort referat til alle", orgs[0], "Deltager 1", "2026-12-01")
    game.add_action("Find en dato for næste møde", orgs[1], "Deltager 2", "2027-01-15")
    game.set_follow_up("2027-03-01")
    assert game.state.agreed[agreed].values == top


def play_open(game: Game) -> None:
    game.note("Idé: vi spørger beboerne først")
    game.note("Vi skal tale mere om det her næste gang")


def play_review(game: Game, round_: Round) -> None:
    """Each item of the followed workshop said to have gone one way or another."""
    items = rules.review_items(game.state, round_.review)
    assert items, round_.id
    for number, item in enumerate(items):
        statuses = rules.STATUSES[item.kind]
        game.review(item.key, statuses[number % len(statuses)], f"Linje {number + 1}")


def play(deck: Deck, path: Path, clock: FakeClock, game: Game | None = None) -> Game:
    """A whole workshop with generated partners, every round as its mode says (`game`: a
    follow-up, begun already with the partners of the workshop it follows)."""
    if game is None:
        game = Game.new(path, deck, seed=7, clock=clock, title=f"Prøve af {deck.title}",
                        date="2026-11-22", facilitator="Mette")
        orgs = [game.add_organisation(name, kind) for name, kind in ORGANISATIONS]
        for number in range(7):
            game.add_participant(f"Deltager {number + 1}", orgs[number % len(orgs)])
    orgs = [org.id for org in game.state.active_organisations()]
    for index, round_ in enumerate(deck.rounds):
        game.next_round()
        assert game.state.round_index == index
        assert rules.current_round(game.state, deck) == round_
        if round_.mode is Mode.TURNS:
            play_turns(game, round_, clock)
        elif round_.mode is Mode.PICK:
            play_pick(game, round_, orgs)
        elif round_.mode is Mode.VOTE:
            play_vote(game, round_)
        elif round_.mode is Mode.AGREE:
            play_agree(game, round_, orgs)
        elif round_.mode is Mode.REVIEW:
            play_review(game, round_)
        else:
            assert round_.mode is Mode.OPEN
            play_open(game)
        clock.advance(60)
    with pytest.raises(rules.RuleError):
        game.next_round()
    game.end_session()
    return game


def test_the_driver_uses_different_organisation_types() -> None:
    kinds = [kind for _, kind in ORGANISATIONS]
    assert len(set(kinds)) == len(kinds) and set(kinds) <= set(ORGANISATION_TYPES)


@pytest.mark.parametrize("name", [path.name for path in BUNDLED])
def test_every_bundled_deck_plays_to_the_end(name: str, tmp_path: Path,
                                              clock: FakeClock) -> None:
    deck = DECKS[name]
    path = tmp_path / "workshop.jsonl"
    follow_up = None
    if any(round_.mode is Mode.REVIEW for round_ in deck.rounds):  # a follow-up meeting
        from vaerdispil.followup import start_follow_up

        play(DECKS[f"vaerdispil.{deck.language}.yaml"], tmp_path / "first.jsonl",
             clock).close()
        follow_up = start_follow_up(tmp_path / "first.jsonl", path, deck, clock)
    game = play(deck, path, clock, follow_up)
    live = game.state
    assert bool(live.reviews) == (follow_up is not None)
    assert live.ended and live.round_index == len(deck.rounds) - 1
    assert set(live.rounds) == {round_.id for round_ in deck.rounds}
    assert live.picks and live.agreed and len(live.actions) == 2 and live.follow_up
    game.close()
    again = Game.open(path, clock=clock)
    try:
        assert again.state == live
        assert again.deck.content_hash == deck.content_hash
    finally:
        again.close()
