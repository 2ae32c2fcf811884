"""Line breaking and hyphenation of card text."""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from vaerdispil.deck.catalog import deck_files
from vaerdispil.deck.loader import load_deck
from vaerdispil.pdf.cardface import STYLES, band_of, fit_back, fit_front
from vaerdispil.pdf.fonts import describe_char, fonts, missing_chars
from vaerdispil.pdf.labels import labels_for
from vaerdispil.pdf.layout import CARD_SIZES
from vaerdispil.pdf.text import SOFT_HYPHEN, break_options, fit_line, hyphenation_dictionary, wrap


@pytest.mark.parametrize("word,language,wrong,right", [
    ("fodboldspillere", "da", "fodbolds-", "fodbold-"),
    ("strikkeklubben", "da", "strikkek-", "strikke-"),
    ("plejehjemmet", "da", "plejeh-", "pleje-"),
    ("computerspil", "da", "computers-", "computer-"),
    ("samarbejdsaftale", "da", "samarbej-dsaftale", "samarbejds-"),
    ("housing", "en", "hou-", "hous-"),
    ("municipality's", "en", "municipa-", "municipal-"),
])
def test_words_break_where_the_dictionary_allows(word: str, language: str, wrong: str,
                                                 right: str) -> None:
    heads = [option.head for option in break_options(word, language)]
    assert right in heads and wrong not in heads, heads


def test_each_language_has_its_dictionary() -> None:
    assert hyphenation_dictionary("da") == "da_DK"
    assert hyphenation_dictionary("en") == "en_GB"
    assert hyphenation_dictionary("de") == "de"  # pyphen's own match for another language
    assert hyphenation_dictionary("so") is None  # Somali: only the author's hyphens
    assert [option.head for option in break_options("Gaadiidka-dadweynaha", "so")] == [
        "Gaadiidka-"]
    # The same letters break by the rules of the deck's language.
    assert break_options("understanding", "en") != break_options("understanding", "da")


def test_breaks_never_leave_fewer_than_three_letters() -> None:
    for word, language in (("bydelsaktivitet", "da"), ("arbejde", "da"),
                           ("organisation", "en"), ("supermarkedet", "da"),
                           ("e-mail", "en"), ("tv-avisen", "da"), ("idea", "en")):
        for head, tail, _ in break_options(word, language):
            letters = [re.sub(r"[\W\d_]", "", part) for part in (head, tail)]
            assert min(map(len, letters)) >= 3, (word, head)


def test_a_word_that_fits_on_the_next_line_is_not_broken_to_a_stub() -> None:
    regular = fonts().regular
    room = regular.width("Vi går nu til ple-", 10) + 1  # only "ple-" fits on line one
    assert wrap("Vi går nu til plejehjemmet", regular, 10, room) == [
        "Vi går nu til", "plejehjemmet"]
    room = regular.width("Vi går til helheds-", 10) + 1  # at a seam it may
    assert wrap("Vi går til helhedsplanen", regular, 10, room) == ["Vi går til helheds-",
                                                                   "planen"]


def test_soft_hyphens_choose_the_breaks_and_never_print_in_the_line() -> None:
    word = f"lektie{SOFT_HYPHEN}café{SOFT_HYPHEN}en"
    assert break_options(word) == [("lektiecafé-", "en", True), ("lektie-", "caféen", True)]
    regular = fonts().regular
    lines = wrap(f"Se {word} nu", regular, 10, 1000)
    assert lines == ["Se lektiecaféen nu"]


def test_existing_hyphens_are_break_points_without_an_extra_hyphen() -> None:
    assert ("fodbold-", "stævne", True) in break_options("fodbold-stævne")


def test_a_break_between_compound_parts_wins_over_a_later_syllable() -> None:
    bold = fonts().bold
    word = "Beboerrådgivningsmedarbejderen"
    room = bold.width("Beboerrådgivningsmedar-", 15)
    assert wrap(word, bold, 15, room, eager=False)[0] == "Beboerrådgivnings-"
    room = bold.width("Helhedspla-", 15)
    assert wrap("Helhedsplanen", bold, 15, room, eager=False) == ["Helheds-", "planen"]


def test_no_break_space_keeps_words_together() -> None:
    regular = fonts().regular
    lines = wrap("a b c 10\u00a0000 kroner", regular, 10, regular.width("a b c 10", 10) + 1)
    assert "10\u00a0000" in " ".join(lines) and not any(line.endswith("10") for line in lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå-", min_size=1, max_size=40),
                min_size=1, max_size=30),
       st.floats(min_value=40, max_value=300))
def test_lines_fit_and_keep_every_letter(words: list[str], width: float) -> None:
    regular = fonts().regular
    text = " ".join(words)
    lines = wrap(text, regular, 9, width)
    for line in lines:
        assert regular.width(line, 9) <= width + 1e-6 or len(line.rstrip("-")) <= 1
    assert re.sub(r"[\s-]", "", "".join(lines)) == re.sub(r"[\s-]", "", text)


def test_fit_line_shortens_with_an_ellipsis() -> None:
    regular = fonts().regular
    assert fit_line("Kort", regular, 6, 100) == "Kort"
    long = fit_line("Et meget langt navn på et spil " * 3, regular, 6, 60)
    assert long.endswith("…") and regular.width(long, 6) <= 60


def test_missing_chars_are_named_by_code() -> None:
    regular = fonts().regular
    assert missing_chars("Hej 中 \U0001F680 æøå\n\t", regular) == ["中", "\U0001F680"]
    assert describe_char("\U0001F680") == "U+1F680 (ROCKET)"


# --- every break in every bundled deck ----------------------------------------------------

def breaks_in(text: str, lines: tuple[str, ...]) -> list[tuple[str, int]]:
    """Where `lines` break words of `text`: (the word as written, letters before the break).

    A break after a hyphen the author wrote has the hyphen in the head; any other line
    that ends inside a word ends with the hyphen the wrapping added.
    """
    tokens = [token for token in re.split(r"[ \t\n\r\f\v]+", unicodedata.normalize(
        "NFC", text).strip()) if token]
    found: list[tuple[str, int]] = []
    index, partial = 0, ""
    for line in lines:
        parts = line.split(" ") if line else []
        for number, part in enumerate(parts):
            word = tokens[index].replace(SOFT_HYPHEN, "")
            if partial + part == word:
                index, partial = index + 1, ""
                continue
            assert number == len(parts) - 1 and part.endswith("-"), (line, word)
            if not word.startswith(partial + part):  # the wrapping's hyphen
                part = part[:-1]
            assert word.startswith(partial + part), (line, word)
            partial += part
            found.append((tokens[index], len(partial)))
    assert index == len(tokens), (text, lines)
    return found


def allowed_by_pyphen(word: str, at: int, language: str) -> bool:
    """A break the author chose (hyphen, soft hyphen) or one pyphen allows, with three
    letters or more on either side inside the run of letters."""
    clean = word.replace(SOFT_HYPHEN, "")
    if clean[at - 1] == "-":
        return True
    if SOFT_HYPHEN in word:
        return at in {len(part) for part in itertools.accumulate(word.split(SOFT_HYPHEN)[:-1])}
    dictionary = pyphen.Pyphen(lang=hyphenation_dictionary(language), left=3, right=3)
    for run in re.finditer(r"[^\W\d_]+", clean):
        if run.start() < at < run.end():
            return at - run.start() in dictionary.positions(run.group())
    return False


@pytest.mark.parametrize("path", deck_files(REPO / "cards"), ids=lambda p: p.name)
def test_every_break_in_every_bundled_deck_is_one_pyphen_allows(path: Path) -> None:
    deck = load_deck(path)
    labels = labels_for(deck.language)
    wrong, count = [], 0
    for size, card_size in CARD_SIZES.items():
        style = STYLES[size]
        blocks = [(deck.title, fit_back(deck, kind, fonts(), style, card_size, labels).title)
                  for kind in {card.kind for card in deck.cards}]
        for card in deck.cards:
            front = fit_front(card, deck, fonts(), style, card_size, labels, size)
            blocks += [(band_of(card, deck, labels)[0], front.band), (card.title, front.title),
                       (card.text, front.text), (card.example, front.example)]
        for text, block in blocks:
            for word, at in breaks_in(text, block.lines):
                count += 1
                if not allowed_by_pyphen(word, at, deck.language):
                    wrong.append(f"{size}: {word[:at]}-{word[at:]}")
    assert not wrong, wrong
    print(f"{path.name}: {count} breaks, all allowed")


def test_the_check_of_breaks_tells_right_from_wrong() -> None:
    assert breaks_in("Se fodboldspillere her", ("Se fodbold-", "spillere her")) == [
        ("fodboldspillere", 7)]
    assert allowed_by_pyphen("fodboldspillere", 7, "da")
    assert not allowed_by_pyphen("fodboldspillere", 8, "da")  # "fodbolds-pillere"
    assert not allowed_by_pyphen("housing-social", 3, "en")  # "hou-sing"
    assert allowed_by_pyphen("housing-social", 8, "en")  # after the author's hyphen
    assert allowed_by_pyphen(f"lektie{SOFT_HYPHEN}caféen", 6, "da")
