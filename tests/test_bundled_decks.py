"""The bundled decks: they load, they match across languages, and residents can read them."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import CARDS
from vaerdispil.deck.catalog import bundled_decks_dir, find_decks, resolve_deck
from vaerdispil.deck.loader import DeckError, load_deck
from vaerdispil.deck.model import CardKind, Deck, Mode
from vaerdispil.deck.readability import lix
from vaerdispil.deck.spec import json_schema_text
from vaerdispil.deck.translation import compare_translations

DA = CARDS / "vaerdispil.da.yaml"
EN = CARDS / "vaerdispil.en.yaml"


@pytest.fixture(scope="module", params=[DA, EN], ids=["da", "en"])
def deck(request: pytest.FixtureRequest) -> Deck:
    return load_deck(request.param)


def test_bundled_decks_are_found() -> None:
    assert bundled_decks_dir() == CARDS
    found = {(e.deck.id, e.deck.language) for e in find_decks() if e.deck and e.bundled}
    assert {("vaerdispil", "da"), ("vaerdispil", "en")} <= found
    assert all(entry.error is None for entry in find_decks() if entry.bundled)


def test_deck_contents(deck: Deck) -> None:
    kinds = Counter(card.kind for card in deck.cards)
    assert kinds[CardKind.VALUE] >= 36
    assert kinds[CardKind.QUESTION] >= 16
    assert kinds[CardKind.BLANK] >= 4
    assert 6 <= len(deck.categories) <= 8
    per_category = Counter(card.category for card in deck.cards_of(CardKind.VALUE))
    assert set(per_category) == {category.id for category in deck.categories}
    assert 5 <= len(deck.rounds) <= 7
    modes = [round_.mode for round_ in deck.rounds]
    assert modes[0] is Mode.TURNS and modes[-1] is Mode.AGREE
    assert {Mode.PICK, Mode.VOTE} <= set(modes)
    assert all(round_.guide and round_.prompt for round_ in deck.rounds)


def test_texts_fit_on_a_card(deck: Deck) -> None:
    for card in deck.cards:
        assert len(card.title) <= 24, card.id
        assert len(card.text.split()) <= 40, card.id
        assert len(card.example.split()) <= 25, card.id


def test_danish_cards_are_easy_to_read() -> None:
    deck = load_deck(DA)
    score = lix(text for card in deck.cards for text in (card.title, card.text))
    print(f"\nLIX of the Danish deck's card titles and texts: {score.score:.1f} "
          f"({score.words} words, {score.sentences} sentences, {score.long_words} long words)")
    assert score.score <= 30


def test_the_two_languages_match() -> None:
    assert compare_translations(load_deck(DA), load_deck(EN)) == []


def test_translation_check_finds_gaps(tmp_path) -> None:  # type: ignore[no-untyped-def]
    english = EN.read_text(encoding="utf-8")
    # Drop one card (and the rounds' mention of it), and leave one title in Danish.
    english = english.replace("title: A strong name", "title: Et stærkt navn")
    start = english.index("  - id: synlighed")
    end = english.index("  - id: staerkt-navn")
    broken = tmp_path / "vaerdispil.en.yaml"
    broken.write_text((english[:start] + english[end:]).replace(" synlighed,", ""),
                      encoding="utf-8")
    problems = compare_translations(load_deck(DA), load_deck(broken))
    assert any("the card 'synlighed' has no translation" in p for p in problems)
    assert any("card 'staerkt-navn': the title is the same as in da" in p for p in problems)


def test_bundled_decks_carry_the_schema_line_and_the_schema_is_current() -> None:
    for path in (DA, EN):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=deck.schema.json"
    assert (CARDS / "deck.schema.json").read_text(encoding="utf-8") == json_schema_text(), (
        "run: vaerdispil deck schema > cards/deck.schema.json"
    )


def test_resolve_by_id_and_language() -> None:
    assert resolve_deck("vaerdispil").language == "da"
    assert resolve_deck("vaerdispil", "en").title == "The Value Game"
    assert resolve_deck(str(EN)).language == "en"
    with pytest.raises(DeckError) as caught:
        resolve_deck("no-such-deck")
    assert caught.value.lines() == [
        "no-such-deck: no deck with the id 'no-such-deck'; the decks are civilsamfund, "
        "kommune-helhedsplan, medborgercenter, opfoelgning, vaerdispil, vaerdispil-kort "
        "(see vaerdispil deck list), or give the path of a .yaml file"
    ]
