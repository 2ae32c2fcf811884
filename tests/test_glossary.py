"""One word for one thing: the decks, the screens and the PDFs keep to cards/GLOSSARY.md.

And every round that plays cards says which: a `cards:` list, or in `all_cards:` why it
offers every card of its kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import CARDS
from vaerdispil import demo
from vaerdispil.deck import spec
from vaerdispil.deck.catalog import deck_files
from vaerdispil.deck.loader import load_deck
from vaerdispil.deck.model import CardKind, Deck, Mode
from vaerdispil.i18n import LOCALE

GLOSSARY = CARDS / "GLOSSARY.md"
BUNDLED = deck_files(CARDS)  # Danish and English (the translations have no synonyms list)
DECKS = {path.name: load_deck(path) for path in BUNDLED}
DECK_IDS = sorted({deck.id for deck in DECKS.values()})
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Term:
    """One line of the glossary."""

    concept: str
    decks: tuple[str, ...]
    """The decks the line is for; empty for all decks, the screens and the PDFs."""
    words: dict[str, tuple[str, ...]]
    """The chosen word (and its forms), by language."""
    avoid: dict[str, tuple[str, ...]]
    """The synonyms that must not be used, by language."""


def _cell_words(cell: str) -> tuple[str, ...]:
    cell = cell.strip()
    if cell in ("—", "-", ""):
        return ()
    return tuple(word.strip() for word in cell.split(",") if word.strip())


def read_glossary(text: str) -> list[Term]:
    """The terms of the glossary's table (the rows after its header)."""
    terms = []
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows[0].split("|")[1:-1] and "Concept" in rows[0], "the table's header moved"
    for row in rows[2:]:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        assert len(cells) == 6, row
        concept, where, danish, english, not_danish, not_english = cells
        decks = () if where == "all" else _cell_words(where)
        terms.append(Term(concept, decks, {"da": _cell_words(danish), "en": _cell_words(english)},
                          {"da": _cell_words(not_danish), "en": _cell_words(not_english)}))
    return terms


TERMS = read_glossary(GLOSSARY.read_text(encoding="utf-8"))


def _pattern(word: str) -> re.Pattern[str]:
    """A word or phrase, whole, in any case: 'beboer' is not found in 'beboerhuset'."""
    return re.compile(r"(?<![\w-])" + re.escape(word).replace(r"\ ", r"\s+") + r"(?![\w-])",
                      re.IGNORECASE)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|`[^`]*`|(?<!\w)--[\w-]+")
"""Parts of a screen text that are not words for the reader: {fields}, `commands`, --options."""


def _plain(text: str) -> str:
    return " ".join(_PLACEHOLDER.sub(" ", text).split())


def deck_texts(deck: Deck) -> Iterator[tuple[str, str]]:
    """Every text in a deck that someone reads, with where it is."""
    yield "title", deck.title
    yield "description", deck.description
    for category in deck.categories:
        yield f"category '{category.id}'", f"{category.name}. {category.description}"
    for card in deck.cards:
        yield f"card '{card.id}'", f"{card.title}. {card.text} {card.example}"
    for round_ in deck.rounds:
        yield f"round '{round_.id}'", f"{round_.title}. {round_.prompt} {round_.guide}"


def screen_texts(language: str) -> Iterator[tuple[str, str]]:
    """The screens' words, the PDFs' labels (every form of a plural) and the demo's made-up
    workshop."""
    with (Path(LOCALE) / language / "LC_MESSAGES" / "vaerdispil.po").open("rb") as file:
        for message in read_po(file):
            if message.id:
                forms = message.string if isinstance(message.string, tuple) else [message.string]
                for value in forms:
                    yield f"catalog {message.context}", value
    for name, _, people in demo.PARTNERS[language]:
        yield "demo partner", f"{name} {' '.join(people)}"
    for key, value in demo.WORDS[language].items():
        yield f"demo {key}", repr(value)


def synonyms_used(texts: Iterator[tuple[str, str]], language: str,
                  terms: list[Term]) -> list[str]:
    """'where: "synonym" (say "word")' for every listed synonym found in the texts."""
    found = []
    patterns = [(term, word, _pattern(word)) for term in terms for word in term.avoid[language]]
    for where, text in texts:
        plain = _plain(text)
        for term, word, pattern in patterns:
            if pattern.search(plain):
                chosen = " / ".join(term.words[language]) or "another word"
                found.append(f"{where}: \"{word}\" (the glossary says {chosen}: {term.concept})")
    return found


def terms_for(deck_id: str | None) -> list[Term]:
    """The terms for one deck, or (None) for the screens and the PDFs."""
    if deck_id is None:
        return [term for term in TERMS if not term.decks]
    return [term for term in TERMS if not term.decks or deck_id in term.decks]


# -- the glossary itself ----------------------------------------------------------------


def test_the_glossary_names_each_concept_once_per_deck() -> None:
    assert len(TERMS) >= 10
    for term in TERMS:
        assert term.words["da"] and term.words["en"], term.concept
        assert set(term.decks) <= set(DECK_IDS), term.concept
        for language in LANGUAGES:
            assert not set(map(str.lower, term.words[language])) & set(
                map(str.lower, term.avoid[language])), term.concept
    # A concept chosen deck by deck (several lines) is chosen once for every deck.
    by_concept: dict[str, list[str]] = {}
    for term in TERMS:
        if term.decks:
            by_concept.setdefault(term.concept, []).extend(term.decks)
    for concept, decks in by_concept.items():
        lines = sum(1 for term in TERMS if term.concept == concept)
        assert len(decks) == len(set(decks)), concept
        if lines > 1:
            assert sorted(decks) == DECK_IDS, concept


def test_every_chosen_word_is_in_use() -> None:
    """A glossary line whose word no text uses any more is out of date."""
    for term in TERMS:
        for language in LANGUAGES:
            if term.decks:
                texts = [text for deck in DECKS.values()
                         if deck.id in term.decks and deck.language == language
                         for _, text in deck_texts(deck)]
            else:
                texts = [text for _, text in screen_texts(language)] + [
                    text for deck in DECKS.values() if deck.language == language
                    for _, text in deck_texts(deck)]
            plain = _plain(" ".join(texts))
            assert any(_pattern(word).search(plain) for word in term.words[language]), (
                f"{term.concept} ({language}): none of {term.words[language]} is used")


def test_a_synonym_is_found_and_a_compound_is_not() -> None:
    texts = [("card 'x'", "Hvis en deltager ikke er her, tryk Spring over."),
             ("card 'y'", "Beboerhuset og borgerservice er åbne."),
             ("key", "Press {skip} or `s skip` to go on.")]
    found = synonyms_used(iter(texts), "da", TERMS)
    assert found == [("card 'x': \"spring over\" (the glossary says ikke til stede: someone is "
                      "not at the table when the turn comes (`s`); the record)")]
    assert synonyms_used(iter(texts[2:]), "en", TERMS) == []
    assert synonyms_used(iter([("x", "The council\nclose by")]), "en", TERMS)


# -- the decks, the screens and the PDFs keep to it ----------------------------------------


@pytest.mark.parametrize("name", [path.name for path in BUNDLED])
def test_decks_use_the_glossary_words(name: str) -> None:
    deck = DECKS[name]
    assert synonyms_used(deck_texts(deck), deck.language, terms_for(deck.id)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_screens_and_pdfs_use_the_glossary_words(language: str) -> None:
    assert synonyms_used(screen_texts(language), language, terms_for(None)) == []


# -- every round says which cards it plays ------------------------------------------------

CARD_MODES = {Mode(mode) for mode in next(key for key in spec.ROUND_KEYS
                                          if key.name == "cards").only}


def test_only_turns_and_pick_rounds_play_cards() -> None:
    # The other modes take no cards (the format refuses a cards list there): a vote and an
    # agreement work on the values picked before, an open round is talk, and so on.
    assert CARD_MODES == {Mode.TURNS, Mode.PICK}


@pytest.mark.parametrize("name", [path.name for path in BUNDLED])
def test_every_round_lists_its_cards_or_says_why_not(name: str) -> None:
    deck = DECKS[name]
    for round_ in deck.rounds:
        if round_.mode not in CARD_MODES:
            assert not round_.cards and not round_.all_cards, round_.id
            continue
        assert bool(round_.cards) != bool(round_.all_cards.strip()), (
            f"{name}: round '{round_.id}' needs a cards: list, or all_cards: saying why it "
            "offers every card of its kinds")
        if round_.all_cards:
            assert len(round_.all_cards.split()) >= 4, round_.id


@pytest.mark.parametrize("deck_id", DECK_IDS)
def test_twins_play_the_same_cards_in_each_round(deck_id: str) -> None:
    danish, english = (DECKS[f"{deck_id}.{language}.yaml"] for language in LANGUAGES)
    for mine, twin in zip(danish.rounds, english.rounds, strict=True):
        assert mine.id == twin.id and mine.cards == twin.cards, mine.id
        assert bool(mine.all_cards) == bool(twin.all_cards), mine.id


@pytest.mark.parametrize("name", [path.name for path in BUNDLED])
def test_every_card_is_played_in_some_round(name: str) -> None:
    """A card no round offers is printed but never played."""
    deck = DECKS[name]
    offered: set[str] = set()
    for round_ in deck.rounds:
        if round_.cards:
            offered |= set(round_.cards)
        elif round_.mode in CARD_MODES:
            offered |= {card.id for card in deck.cards_of(*round_.kinds)}
    for card in deck.cards:
        assert card.id in offered, f"{name}: no round plays the {card.kind} card '{card.id}'"


def test_a_round_may_not_have_both_cards_and_all_cards(tmp_path: Path) -> None:
    text = (CARDS / "vaerdispil-kort.da.yaml").read_text(encoding="utf-8")
    broken = text.replace("    cards: [hvem-er-i,",
                          "    all_cards: Alle spørgsmål kan bruges her.\n    cards: [hvem-er-i,", 1)
    assert broken != text
    path = tmp_path / "vaerdispil-kort.da.yaml"
    path.write_text(broken, encoding="utf-8")
    from vaerdispil.deck.loader import DeckError

    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert any("has both 'cards' and 'all_cards'; keep one" in line
               for line in caught.value.lines())


def test_blank_cards_are_offered_where_values_are_picked() -> None:
    for deck in DECKS.values():
        picks = [round_ for round_ in deck.rounds if round_.mode is Mode.PICK]
        assert any(CardKind.BLANK in round_.kinds for round_ in picks), deck.source


def test_the_format_description_names_every_round_key_and_mode() -> None:
    text = (CARDS / "FORMAT.md").read_text(encoding="utf-8")
    for key in spec.ROUND_KEYS:
        assert f"| `{key.name}` |" in text, f"cards/FORMAT.md does not describe '{key.name}'"
    for mode in Mode:
        assert f"| `{mode.value}` |" in text, f"cards/FORMAT.md does not describe mode {mode}"
