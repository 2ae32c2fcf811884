"""Decks in the residents' languages: translation files of texts only (deck.translated),
checked against the deck they translate, with every mistake at its line."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import CARDS
from vaerdispil.deck.catalog import find_decks, load_deck_file, resolve_deck
from vaerdispil.deck.errors import DeckError

RESIDENT_LANGUAGES = ("ar", "fa", "ur", "so", "tr", "uk")
ARABIC_SCRIPT = ("ar", "fa", "ur")
DECKS = ("vaerdispil", "vaerdispil-kort")


def texts_of(deck) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(where, text) of every word a participant meets: cards, categories, prompts."""
    found = [("title", deck.title)]
    for category in deck.categories:
        found += [(f"category {category.id}", category.name)]
    for card in deck.cards:
        found += [(f"card {card.id}", value) for value in (card.title, card.text, card.example)
                  if value]
    for round_ in deck.rounds:
        found += [(f"round {round_.id}", round_.title), (f"round {round_.id}", round_.prompt)]
    return found


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
@pytest.mark.parametrize("deck_id", DECKS)
def test_every_card_and_round_has_its_words_in_every_language(deck_id: str,
                                                               language: str) -> None:
    danish = resolve_deck(deck_id, "da")
    deck = resolve_deck(deck_id, language)
    assert deck.language == language and deck.reviewed is False and deck.translator
    assert [c.id for c in deck.cards] == [c.id for c in danish.cards]
    for card, original in zip(deck.cards, danish.cards, strict=True):
        assert card.title and card.title != original.title or len(card.title.split()) < 2
        assert bool(card.text) == bool(original.text)
        assert bool(card.example) == bool(original.example)
        assert (card.kind, card.category) == (original.kind, original.category)
    for round_, original in zip(deck.rounds, danish.rounds, strict=True):
        assert round_.prompt and round_.prompt != original.prompt
        assert (round_.mode, round_.cards, round_.guide) == (
            original.mode, original.cards, original.guide)  # the rules and guide stay
    if language in ARABIC_SCRIPT:  # no text left in Latin letters only
        for where, value in texts_of(deck):
            assert any(unicodedata.name(ch, "").startswith("ARABIC") for ch in value), \
                (where, value)


def test_translations_are_listed_as_their_language_and_not_as_broken_decks() -> None:
    assert not any(entry.translation for entry in find_decks())  # a workshop's decks
    entries = [entry for entry in find_decks(translations=True) if entry.bundled]
    assert not [entry.path for entry in entries if entry.error]
    translated = {(e.deck.id, e.deck.language) for e in entries if e.translation}
    assert translated == {(deck, language) for deck in DECKS for language in RESIDENT_LANGUAGES}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vaerdispil-kort.ar.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_a_translations_mistakes_are_said_at_their_lines(tmp_path: Path) -> None:
    lines = (CARDS / "vaerdispil-kort.ar.yaml").read_text("utf-8").splitlines()
    # A card id mistyped, a card's text left out, an example the Danish card lacks.
    lines[lines.index("  synlighed:")] = "  synlihed:"
    penge = lines.index("  penge:")
    del lines[next(n for n in range(penge, penge + 5) if lines[n].strip().startswith("text:"))]
    question = lines.index("  hvem-er-i:")
    lines.insert(question + 1, "    example: Et eksempel")
    path = tmp_path / "vaerdispil-kort.ar.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    at = {line.strip(): number for number, line in enumerate(lines, start=1)}
    base = load_deck_file(CARDS / "vaerdispil-kort.da.yaml")
    with pytest.raises(DeckError) as raised:
        load_deck_file(path, base)
    assert raised.value.lines() == sorted([
        f"{path}:{at['cards:']}:1: the card 'synlighed' has no translation here; add  "
        "synlighed:  under cards: with its title, text and example, from "
        "vaerdispil-kort.da.yaml",
        f"{path}:{at['synlihed:']}:3: there is no card 'synlihed' in vaerdispil-kort.da.yaml; "
        "did you mean 'synlighed'?",
        f"{path}:{at['penge:']}:3: card 'penge': text missing; translate it from "
        "vaerdispil-kort.da.yaml",
        f"{path}:{at['example: Et eksempel']}:14: card 'hvem-er-i': the card in "
        "vaerdispil-kort.da.yaml has no example; remove it here",
    ], key=lambda line: int(line.split(":")[1]))


def test_a_translation_on_its_own_is_checked_as_strictly_as_a_deck(tmp_path: Path) -> None:
    path = write(tmp_path, """
        format: 1
        translates: vaerdispil-kort
        language: ar
        translator: Someone
        reviewed: nej
        title: x
        categories: []
        cards: {}
        rounds: {}
        """)
    with pytest.raises(DeckError) as raised:
        load_deck_file(path)
    assert raised.value.lines() == [
        f"{path}:5:11: 'reviewed' must be true or false, not text; write  reviewed: true  "
        "or  reviewed: false",
        f"{path}:7:13: 'categories' must be a mapping from each category's id to its texts, "
        "such as  categories:  then  some-id: {title: ...}",
    ]


def test_deck_list_and_deck_check_know_a_translation(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run_cli

    code, out, _ = run_cli(capsys, "--lang", "da", "deck", "list")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("vaerdispil ")]
    assert any(" ar " in row and "(oversættelse, ikke gennemlæst)" in row for row in rows)
    assert any(" da " in row and "oversættelse" not in row for row in rows)
    code, out, _ = run_cli(capsys, "deck", "check", str(CARDS / "vaerdispil-kort.uk.yaml"))
    assert code == 0 and "vaerdispil-kort (uk), 31 cards" in out
    broken = tmp_path / "vaerdispil-kort.uk.yaml"
    broken.write_text((CARDS / "vaerdispil-kort.uk.yaml").read_text("utf-8").replace(
        "  penge:\n", "  pengge:\n", 1), encoding="utf-8")
    (tmp_path / "vaerdispil-kort.da.yaml").write_bytes(
        (CARDS / "vaerdispil-kort.da.yaml").read_bytes())
    code, out, _ = run_cli(capsys, "deck", "check", str(broken))
    assert code == 1
    assert f"{broken}:" in out and "there is no card 'pengge' in vaerdispil-kort.da.yaml; " \
                                  "did you mean 'penge'?" in out
