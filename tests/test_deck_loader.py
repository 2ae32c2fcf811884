"""The loader: valid decks load, and every mistake is named at its exact line and column."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from vaerdispil.deck.loader import DeckError, load_deck, load_deck_bytes, load_deck_text
from vaerdispil.deck.model import CardKind, Mode, Per, Side

VALID = """\
format: 1
id: test-deck
language: da
title: Testdeck
categories:
  - id: ressourcer
    name: Ressourcer
    colour: "#F2C14E"
cards:
  - id: lokaler
    kind: value
    category: ressourcer
    title: Lokaler
    text: Vi låner jer et rum.
  - id: hvad-koster-det
    kind: question
    title: Hvad koster det?
    text: Hvad koster samarbejdet jer?
  - id: tom-1
    kind: blank
    title: Jeres egen værdi
rounds:
  - id: intro
    title: Hvem er vi?
    mode: turns
    kinds: [question]
    minutes_per_turn: 2
    prompt: Svar på kortet.
    guide: Lad alle tale.
  - id: giver
    title: Det giver vi
    mode: pick
    kinds: [value, blank]
    side: give
    picks: 3
    prompt: Vælg tre kort.
    guide: |
      Første linje.
      Anden linje.
  - id: stem
    title: Stem
    mode: vote
    dots: 3
    secret: true
    prompt: Sæt dine prikker.
    guide: Skjult afstemning.
"""


def problems(text: str) -> list[str]:
    """The error lines for a deck text, with the source name 'deck.yaml'."""
    with pytest.raises(DeckError) as caught:
        load_deck_text(text, "deck.yaml")
    return caught.value.lines()


def test_valid_deck_loads_with_defaults() -> None:
    deck = load_deck_text(VALID, "deck.yaml")
    assert deck.id == "test-deck" and deck.language == "da"
    assert [card.kind for card in deck.cards] == [CardKind.VALUE, CardKind.QUESTION, CardKind.BLANK]
    assert deck.card("lokaler").category == "ressourcer"
    assert deck.card("lokaler").line == 10
    intro, pick, vote = deck.rounds
    assert intro.mode is Mode.TURNS and intro.per is Per.PARTICIPANT
    assert intro.minutes_per_turn == 2
    assert pick.per is Per.ORGANISATION and pick.side is Side.GIVE and pick.picks == 3
    assert pick.guide == "Første linje.\nAnden linje."
    assert vote.dots == 3 and vote.secret and vote.stack
    assert deck.category("ressourcer").colour == "#F2C14E"
    assert len(deck.content_hash) == 64


def test_deck_is_immutable() -> None:
    deck = load_deck_text(VALID)
    with pytest.raises(AttributeError):
        deck.title = "x"  # type: ignore[misc]


def test_same_bytes_same_hash_and_different_bytes_differ() -> None:
    assert load_deck_text(VALID).content_hash == load_deck_text(VALID).content_hash
    assert load_deck_text(VALID).content_hash != load_deck_text(VALID + "\n").content_hash


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # YAML syntax error: a tab
        ("title: Testdeck", "title: Testdeck\n\tx: 1",
         "deck.yaml:5:1: YAML syntax: a tab character here; use spaces, not tabs, to indent"),
        # Wrong type: a number where text is due
        ("    title: Lokaler", "    title: 2024",
         "deck.yaml:13:12: card 'lokaler': 'title' must be text, but YAML reads this as a "
         "number; put it in quotes:  title: \"2024\""),
        # Wrong type: yes/no read as true/false
        ("title: Testdeck", "title: yes",
         "deck.yaml:4:8: 'title' must be text, but YAML reads this as true/false; put it in "
         "quotes:  title: \"yes\""),
        # Missing required key
        ("    title: Hvad koster det?\n", "",
         "deck.yaml:15:5: card 'hvad-koster-det': 'title' is missing; add  title: ...  "
         "(The title, printed large: keep it short.)"),
        # Unknown key with a suggestion
        ("    text: Vi låner jer et rum.", "    tekst: Vi låner jer et rum.",
         "deck.yaml:14:5: card 'lokaler': unknown key 'tekst'; did you mean 'text'?"),
        # Unknown top-level key with a suggestion
        ("language: da", "langauge: da",
         "deck.yaml:3:1: unknown key 'langauge'; did you mean 'language'?"),
        # A value card whose category does not exist
        ("    category: ressourcer", "    category: resurser",
         "deck.yaml:12:15: card 'lokaler': there is no category 'resurser'; did you mean "
         "'ressourcer'?"),
        # An unquoted colour is a comment
        ('    colour: "#F2C14E"', "    colour: #F2C14E",
         "deck.yaml:8:12: category 'ressourcer': 'colour' is empty; an unquoted '#' starts a "
         "comment, so quote it:  colour: \"#F2C14E\""),
        # A bad choice with a suggestion
        ("    mode: vote", "    mode: vot",
         "deck.yaml:42:11: round 'stem': 'mode' is 'vot', which is not one of turns, pick, "
         "vote, agree, open, review; did you mean 'vote'?"),
        # A mode-specific key in the wrong mode
        ("    minutes_per_turn: 2", "    minutes_per_turn: 2\n    dots: 3",
         "deck.yaml:28:5: round 'intro': 'dots' only applies when mode is vote; remove it, or "
         "change mode"),
        # A key that a mode requires
        ("    dots: 3\n", "",
         "deck.yaml:40:5: round 'stem': 'dots' is missing in a vote round; add  dots: ...  "
         "(How many dots each participant has to vote with.)"),
        # Out of range
        ("    picks: 3", "    picks: 0",
         "deck.yaml:35:12: round 'giver': 'picks' is 0; it must be between 1 and 20"),
        # A kinds value given as a word, not a list
        ("    kinds: [question]", "    kinds: question",
         "deck.yaml:26:12: round 'intro': 'kinds' must be a list; write it as  kinds: [question]"),
        # A bad id, with the fix spelled out
        ("id: test-deck", "id: Værdi Spil",
         "deck.yaml:2:5: 'Værdi Spil' is not a valid id; use only a-z, 0-9 and '-' (write æ ø å "
         "as ae oe aa), for example: vaerdi-spil"),
        # Format from the future
        ("format: 1", "format: 2",
         "deck.yaml:1:9: this deck is format 2, but this version of vaerdispil reads format 1; "
         "update vaerdispil"),
        # A key given twice
        ("    text: Vi låner jer et rum.", "    text: Vi låner jer et rum.\n    text: igen",
         "deck.yaml:15:5: 'text' is given twice in this mapping (first on line 14); keep one"),
    ],
)
def test_each_mistake_is_reported_at_its_line_and_column(old: str, new: str, expected: str) -> None:
    assert old in VALID
    assert problems(VALID.replace(old, new, 1)) == [expected]


def test_duplicate_card_and_round_ids() -> None:
    text = VALID.replace("id: tom-1", "id: lokaler").replace("id: stem", "id: intro")
    assert problems(text) == [
        "deck.yaml:19:9: the card id 'lokaler' is used twice (first on line 10); give each card "
        "its own id",
        "deck.yaml:40:9: the round id 'intro' is used twice (first on line 23); give each round "
        "its own id",
    ]


def test_round_using_a_kind_with_no_cards() -> None:
    text = VALID.replace("  - id: tom-1\n    kind: blank\n    title: Jeres egen værdi\n", "")
    assert problems(text) == [
        "deck.yaml:30:20: round 'giver' uses blank cards, but the deck has no blank cards; add "
        "some, or remove it from kinds",
    ]


def test_empty_deck() -> None:
    start, end = VALID.index("cards:"), VALID.index("rounds:")
    text = VALID[:start] + "cards: []\n" + VALID[end:]
    lines = problems(text)
    assert lines[0] == "deck.yaml:9:8: 'cards' is an empty list; a deck needs at least one card"
    assert "round 'intro' uses question cards, but the deck has no question cards" in lines[1]


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = (VALID.replace("title: Testdeck", "title: 12")
            .replace("kind: question", "kind: spørgsmål")
            .replace("mode: pick", "mode: plukke"))
    lines = problems(text)
    assert [line.split(":")[1] for line in lines] == ["4", "16", "32"]


def test_empty_file_and_non_mapping() -> None:
    assert problems("") == ["deck.yaml:1:1: the file is empty; a deck starts with  format: 1"]
    assert problems("# only a comment\n") == [
        "deck.yaml:1:1: the file is empty; a deck starts with  format: 1"
    ]
    assert problems("- a\n- b\n") == [
        "deck.yaml:1:1: a deck is a mapping of keys such as format, id, title, cards; this file "
        "holds a list"
    ]


def test_missing_top_level_keys() -> None:
    lines = problems("format: 1\nid: x\n")
    assert lines == [
        f"deck.yaml:1:1: '{key}' is missing; add  {key}: ...  ({description})"
        for key, description in [
            ("cards", "The cards."),
            ("categories", "The categories of value cards."),
            ("language", "Two-letter language code of the texts, such as da or en."),
            ("rounds", "The rounds of the workshop, in the order they are played."),
            ("title", "The deck's name, shown in lists and on card backs."),
        ]
    ]


def test_python_tags_are_refused() -> None:
    text = VALID.replace("title: Testdeck", "title: !!python/object/apply:os.system ['echo hi']")
    assert problems(text) == [
        "deck.yaml:4:8: the tag !!python/object/apply:os.system is not allowed in a deck; "
        "remove it (a deck holds only plain text, numbers, true/false and lists)"
    ]
    assert "the tag !custom is not allowed" in problems("a: !custom x\n")[0]


def test_second_document_is_refused() -> None:
    assert problems(VALID + "---\nformat: 1\n") == [
        "deck.yaml:47:1: a deck file holds one YAML document, but a second one starts here; "
        "remove this '---' line or move the rest into its own file"
    ]


def test_not_utf8_names_the_line_and_column() -> None:
    data = VALID.replace("title: Testdeck", "title: Prøve").encode("latin-1", "replace")
    with pytest.raises(DeckError) as caught:
        load_deck_bytes(data, "deck.yaml")
    assert caught.value.lines() == [
        "deck.yaml:4:10: the file is not UTF-8 text (byte 0xF8 here); save it with the encoding "
        "UTF-8"
    ]


def test_binary_file_is_refused() -> None:
    with pytest.raises(DeckError) as caught:
        load_deck_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "picture.yaml")
    assert caught.value.lines() == [
        "picture.yaml:1:1: this is not a text file; a deck is a YAML text file saved as UTF-8"
    ]


def test_utf8_bom_is_accepted() -> None:
    assert load_deck_bytes(b"\xef\xbb\xbf" + VALID.encode()).id == "test-deck"


def test_column_counts_characters_not_bytes() -> None:
    # 'æøå' are two bytes each in UTF-8; the column must still point at the '@'.
    lines = problems(VALID.replace("title: Testdeck", "title: æøå: @x"))
    assert lines[0].startswith("deck.yaml:4:11: YAML syntax:")


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(9 * 1024 * 1024)
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert caught.value.lines() == [
        f"{path}: the file is 9.0 MiB; a deck may be at most 8 MiB, so split it into smaller decks"
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path / "nope.yaml")
    assert caught.value.lines() == [f"{tmp_path / 'nope.yaml'}: no such file; check the path"]
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path)
    assert caught.value.lines() == [f"{tmp_path}: this is a folder; name a .yaml file"]


def test_too_many_cards() -> None:
    cards = "".join(f"  - {{id: c{i}, kind: blank, title: T}}\n" for i in range(10_001))
    text = VALID.replace("cards:\n", "cards:\n" + cards, 1)
    assert problems(text)[0] == (
        "deck.yaml:10:3: the deck has 10,004 cards; the most is 10,000, so split it into "
        "smaller decks"
    )


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    started = time.process_time()
    found = problems("\n".join(lines) + "\n")
    assert time.process_time() - started < 2.0  # CPU time, not wall-clock; it takes milliseconds
    assert found[0].startswith("deck.yaml:6:45:")
    assert "aliases here expand to more than 1,000,000 values" in found[0]


def test_self_referencing_alias_is_refused() -> None:
    assert problems("a: &x [1, *x]\n") == [
        "deck.yaml:1:11: the alias *x is inside the value it refers to; a deck cannot contain "
        "itself"
    ]


@pytest.mark.parametrize("depth", [33, 1_500, 100_000])
def test_deep_nesting_is_refused_without_crashing(depth: int) -> None:
    # Whichever layer notices first (this loader at 33 levels, or libyaml's own limit while
    # it reads ahead), the author gets the same one line, pointing into the brackets.
    text = "a: " + "[" * depth + "]" * depth + "\n"
    found = problems(text)
    assert len(found) == 1
    match = re.fullmatch(
        r"deck\.yaml:1:(\d+): the file nests deeper than 32 levels; a deck needs only a few, "
        r"so check the brackets and indentation here", found[0])
    assert match is not None, found[0]
    assert 35 <= int(match.group(1)) <= 3 + depth + 1


def test_deep_nesting_by_indentation_is_refused() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(40)) + "  " * 40 + "x: 1\n"
    assert problems(text) == [
        "deck.yaml:33:65: the file nests deeper than 32 levels; a deck needs only a few, so "
        "check the brackets and indentation here"
    ]


def test_merge_keys_are_refused() -> None:
    text = VALID.replace("    kind: blank\n", "    <<: {kind: blank}\n")
    lines = problems(text)
    assert "deck.yaml:20:5: card 'tom-1': merge keys (<<) are not supported; write the keys out" \
        in lines


def test_problem_count_is_capped() -> None:
    cards = "".join(f"  - {{id: c{i}, kind: bad, title: T}}\n" for i in range(300))
    text = VALID.replace("cards:\n", "cards:\n" + cards, 1)
    lines = problems(text)
    assert len(lines) == 201
    assert lines[-1] == "deck.yaml: ... and 100 more problems"


def test_round_card_list() -> None:
    text = VALID.replace("    kinds: [question]\n", "    kinds: [question]\n    cards: [hvad-koster-det]\n")
    assert load_deck_text(text).rounds[0].cards == ("hvad-koster-det",)
    wrong = VALID.replace("    kinds: [question]\n",
                          "    kinds: [question]\n    cards: [hvad-kostr-det, lokaler]\n")
    assert problems(wrong) == [
        "deck.yaml:27:13: round 'intro' lists the card 'hvad-kostr-det', but there is no such "
        "card; did you mean 'hvad-koster-det'?",
        "deck.yaml:27:29: round 'intro' lists the value card 'lokaler', but its kinds are "
        "question; add value to kinds or remove the card",
    ]
