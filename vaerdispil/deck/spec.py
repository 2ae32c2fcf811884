"""The deck format, declared once: the loader validates against it and
`vaerdispil deck schema` turns it into JSON Schema, so the two never disagree."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .model import CardKind, Draw, Mode, Per, Side

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
COLOUR_PATTERN = r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"


@dataclass(frozen=True)
class Key:
    """One key of a mapping in a deck file."""

    name: str
    type: str
    """text, id, ids, int, number, bool, colour, language, choice, choices, format or list."""
    description: str
    required: bool = False
    only: tuple[str, ...] = ()
    """The modes (rounds) or kinds (cards) the key applies to; empty for all."""
    required_in: tuple[str, ...] = ()
    """The modes or kinds where the key must be given."""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    multiline: bool = False
    """Text that may span lines (guides); other text is folded to one line."""


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


DECK_KEYS: tuple[Key, ...] = (
    Key("format", "format", f"The format version of the deck file: {FORMAT_VERSION}.", True),
    Key("id", "id", "The deck's id, the same in every language: a-z, 0-9 and '-'.", True),
    Key("language", "language", "Two-letter language code of the texts, such as da or en.", True),
    Key("title", "text", "The deck's name, shown in lists and on card backs.", True, max_length=80),
    Key("description", "text", "What the deck is for, and for whom.", max_length=1000),
    Key("version", "text", "The deck's own version, such as \"1.0\" (quoted).", max_length=40),
    Key("license", "text", "The licence of the texts, such as CC BY 4.0.", max_length=200),
    Key("categories", "list", "The categories of value cards.", True),
    Key("cards", "list", "The cards.", True),
    Key("rounds", "list", "The rounds of the workshop, in the order they are played.", True),
)

CATEGORY_KEYS: tuple[Key, ...] = (
    Key("id", "id", "The category's id, used by cards: a-z, 0-9 and '-'.", True),
    Key("name", "text", "The name printed on the card beside the colour.", True, max_length=40),
    Key("colour", "colour", "The colour as \"#RRGGBB\" (quoted: '#' starts a comment).", True),
    Key("description", "text", "What the category covers.", max_length=600),
)

_VALUE = CardKind.VALUE.value
CARD_KEYS: tuple[Key, ...] = (
    Key("id", "id", "The card's id, the same in every language: a-z, 0-9 and '-'.", True),
    Key("kind", "choice", "value, question or blank.", True, choices=_values(CardKind)),
    Key("category", "id", "The id of the card's category (required for value cards).",
        required_in=(_VALUE,)),
    Key("title", "text", "The title, printed large: keep it short.", True, max_length=60),
    Key("text", "text", "The card's text: at most about 40 words.",
        required_in=(CardKind.VALUE.value, CardKind.QUESTION.value), max_length=400),
    Key("example", "text", "An optional example from a real setting.", max_length=300),
)

_TURNS, _PICK, _VOTE = Mode.TURNS.value, Mode.PICK.value, Mode.VOTE.value
_REVIEW = Mode.REVIEW.value
ROUND_KEYS: tuple[Key, ...] = (
    Key("id", "id", "The round's id, the same in every language: a-z, 0-9 and '-'.", True),
    Key("title", "text", "The round's title, shown large.", True, max_length=60),
    Key("mode", "choice", "How the round is played.", True, choices=_values(Mode)),
    Key("prompt", "text", "What the participants are asked to do, shown on the shared screen.",
        True, max_length=400),
    Key("guide", "text", "The facilitator's guide to the round.", True, max_length=3000,
        multiline=True),
    Key("kinds", "choices", "The card kinds the round uses.", only=(_TURNS, _PICK),
        required_in=(_TURNS, _PICK), choices=_values(CardKind)),
    Key("cards", "ids", "Only these cards (by id) in this round; all cards of its kinds if "
        "left out.", only=(_TURNS, _PICK)),
    Key("all_cards", "text", "Instead of cards: why the round offers every card of its kinds "
        "(a note for whoever edits the deck; not shown in a workshop).", only=(_TURNS, _PICK),
        max_length=300),
    Key("per", "choice", "Whether turns or picks go per participant or per organisation.",
        only=(_TURNS, _PICK), choices=_values(Per)),
    Key("draw", "choice", "Whether a turn draws a random card or chooses one.", only=(_TURNS,),
        choices=_values(Draw)),
    Key("minutes_per_turn", "number", "A time limit for each turn, in minutes.", only=(_TURNS,),
        minimum=0.25, maximum=60),
    Key("side", "choice", "Whether the picks are values we give, we get, or both.",
        only=(_PICK,), required_in=(_PICK,), choices=_values(Side)),
    Key("picks", "int", "How many cards each may pick.", only=(_PICK,), required_in=(_PICK,),
        minimum=1, maximum=20),
    Key("dots", "int", "How many dots each participant has to vote with.", only=(_VOTE,),
        required_in=(_VOTE,), minimum=1, maximum=20),
    Key("stack", "bool", "Whether several dots may go on one value (default true).",
        only=(_VOTE,)),
    Key("secret", "bool", "Whether votes stay hidden until everyone has voted.", only=(_VOTE,)),
    Key("review", "choice", "In a follow-up meeting: what the round goes through, item by "
        "item, from the workshop it follows: its actions, its organisations (did each give "
        "what it said, get what it hoped) or its agreed values.", only=(_REVIEW,),
        required_in=(_REVIEW,), choices=("actions", "organisations", "agreements")),
    Key("minutes", "int", "How long the round takes, for the time estimate.", minimum=1,
        maximum=600),
)

SECTIONS: dict[str, tuple[tuple[Key, ...], str | None]] = {
    "categories": (CATEGORY_KEYS, None),
    "cards": (CARD_KEYS, "kind"),
    "rounds": (ROUND_KEYS, "mode"),
}
"""Each list in a deck: the keys of its items and the key that decides which apply."""

MAX_CARDS = 10_000
MAX_CATEGORIES = 12
MAX_ROUNDS = 30


def _key_schema(key: Key) -> dict[str, Any]:
    schema: dict[str, Any] = {"description": key.description}
    if key.type == "text":
        schema.update(type="string", minLength=1)
        if key.max_length:
            schema["maxLength"] = key.max_length
    elif key.type == "id":
        schema.update(type="string", pattern=ID_PATTERN)
    elif key.type == "colour":
        schema.update(type="string", pattern=COLOUR_PATTERN)
    elif key.type == "language":
        schema.update(type="string", pattern=LANGUAGE_PATTERN)
    elif key.type == "format":
        schema.update(const=FORMAT_VERSION)
    elif key.type == "choice":
        schema.update(enum=list(key.choices))
    elif key.type == "ids":
        schema.update(type="array", items={"type": "string", "pattern": ID_PATTERN}, minItems=1,
                      uniqueItems=True)
    elif key.type == "choices":
        schema.update(type="array", items={"enum": list(key.choices)}, minItems=1,
                      uniqueItems=True)
    elif key.type in ("int", "number"):
        schema["type"] = "integer" if key.type == "int" else "number"
        if key.minimum is not None:
            schema["minimum"] = key.minimum
        if key.maximum is not None:
            schema["maximum"] = key.maximum
    elif key.type == "bool":
        schema["type"] = "boolean"
    return schema


def _object_schema(keys: tuple[Key, ...], switch: str | None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key.name: _key_schema(key) for key in keys},
        "required": [key.name for key in keys if key.required],
        "additionalProperties": False,
    }
    if switch is not None:
        rules = []
        for value in next(key for key in keys if key.name == switch).choices:
            then: dict[str, Any] = {}
            required = [key.name for key in keys if value in key.required_in]
            if required:
                then["required"] = required
            barred = [key.name for key in keys if key.only and value not in key.only]
            if barred:
                then["properties"] = {name: False for name in barred}
            if then:
                rules.append({"if": {"properties": {switch: {"const": value}}}, "then": then})
        schema["allOf"] = rules
    return schema


def json_schema() -> dict[str, Any]:
    """The deck format as JSON Schema (draft 7), for editors and other tools."""
    schema: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "vaerdispil deck",
        "description": "A card deck for Værdispillet. See cards/FORMAT.md.",
        **_object_schema(DECK_KEYS, None),
    }
    for section, (keys, switch) in SECTIONS.items():
        limit = {"categories": MAX_CATEGORIES, "cards": MAX_CARDS, "rounds": MAX_ROUNDS}[section]
        schema["properties"][section].update(
            type="array", items=_object_schema(keys, switch), maxItems=limit
        )
    return schema


def json_schema_text() -> str:
    """The JSON Schema as the text `vaerdispil deck schema` prints."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
