"""Line breaking and hyphenation of card text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vaerdispil.pdf.fonts import describe_char, fonts, missing_chars
from vaerdispil.pdf.text import SOFT_HYPHEN, break_options, fit_line, wrap


@pytest.mark.parametrize("word,language,expected,strong", [
    ("samarbejdsaftale", "da", "samarbejds-", True),
    ("kommunikationsmedarbejder", "da", "kommunikations-", True),
    ("fællesspisningen", "da", "fælles-", True),
    ("Helhedsplanen", "da", "Helheds-", True),
    ("foreningsarbejde", "da", "forenings-", True),
    ("understanding", "en", "under-", True),
    ("partnership", "en", "partner-", False),
    ("neighbourhood", "en", "neighbour-", False),
])
def test_compounds_break_between_their_parts(word: str, language: str, expected: str,
                                             strong: bool) -> None:
    options = {option.head: option.strong for option in break_options(word, language)}
    assert options.get(expected) is strong


def test_breaks_never_leave_fewer_than_three_letters_or_split_a_linking_guess_wrongly() -> None:
    for word in ("bydelsaktivitet", "arbejde", "organisation", "supermarkedet"):
        for head, tail, _ in break_options(word):
            assert len(head.rstrip("-")) >= 3 and len(tail) >= 3, (word, head)
    assert "bydel-" not in [option.head for option in break_options("bydelsaktivitet")]


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
