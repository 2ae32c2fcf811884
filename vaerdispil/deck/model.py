"""The deck as immutable objects: categories, cards and the rounds of a workshop."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CardKind(StrEnum):
    """What a card is for."""

    VALUE = "value"
    """A value an organisation gives or gets."""
    QUESTION = "question"
    """A dialogue question answered in a turn."""
    BLANK = "blank"
    """An empty card for a value the deck lacks."""


class Mode(StrEnum):
    """How a round is played."""

    TURNS = "turns"
    PICK = "pick"
    VOTE = "vote"
    AGREE = "agree"
    OPEN = "open"
    REVIEW = "review"
    """In a follow-up meeting: how what the followed workshop agreed went (game/review)."""


class Per(StrEnum):
    """Who takes a turn or makes a pick."""

    PARTICIPANT = "participant"
    ORGANISATION = "organisation"


class Draw(StrEnum):
    """How a turn gets its card."""

    RANDOM = "random"
    CHOOSE = "choose"


class Side(StrEnum):
    """Which way a value goes in a pick round."""

    GIVE = "give"
    GET = "get"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class Category:
    """A group of value cards with a name and a colour."""

    id: str
    name: str
    colour: str
    description: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Card:
    """One card of a deck."""

    id: str
    kind: CardKind
    title: str
    text: str = ""
    category: str | None = None
    example: str = ""
    line: int = field(default=0, compare=False)
    """Where the card starts in its deck file (for messages that point at it)."""


@dataclass(frozen=True, slots=True)
class Round:
    """One round of the workshop script."""

    id: str
    title: str
    mode: Mode
    prompt: str
    guide: str
    kinds: tuple[CardKind, ...] = ()
    cards: tuple[str, ...] = ()
    """Ids of the only cards this round uses; empty for all cards of its kinds. A round's
    own cards (what a draw takes from) are these, or, when empty, the cards of its kinds
    that no other round lists (game.checks.own_cards)."""
    all_cards: str = ""
    """Why a round without `cards` offers every card of its kinds: a note for deck writers."""
    per: Per = Per.PARTICIPANT
    draw: Draw = Draw.RANDOM
    side: Side | None = None
    picks: int | None = None
    dots: int | None = None
    stack: bool = True
    secret: bool = False
    minutes: int | None = None
    minutes_per_turn: float | None = None
    review: str = ""
    """A review round's subject: actions, organisations or agreements."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Deck:
    """A loaded, valid deck."""

    format: int
    id: str
    language: str
    title: str
    categories: tuple[Category, ...]
    cards: tuple[Card, ...]
    rounds: tuple[Round, ...]
    description: str = ""
    version: str = ""
    license: str = ""
    source: str = field(default="", compare=False)
    """The file it was loaded from."""
    content_hash: str = ""
    """sha256 of the file's bytes: a session records it to notice a changed deck."""
    text: str = field(default="", compare=False, repr=False)
    """The file's text, exactly: a session keeps a copy, so it opens whatever the deck becomes."""
    translator: str = ""
    """Who wrote the texts, for a deck read from a translation file (deck.translated)."""
    reviewed: bool | None = None
    """A translation: whether a native speaker has reviewed it. None for a deck's own texts."""
    _by_id: dict[str, Card] = field(default_factory=dict, compare=False, repr=False)
    _rounds_by_id: dict[str, Round] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((card.id, card) for card in self.cards)
        self._rounds_by_id.update((round_.id, round_) for round_ in self.rounds)

    def round(self, round_id: str) -> Round | None:
        """The round with this id, or None."""
        return self._rounds_by_id.get(round_id)

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError if there is none)."""
        return self._by_id[card_id]

    def category(self, category_id: str) -> Category:
        """The category with this id (KeyError if there is none)."""
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def cards_of(self, *kinds: CardKind) -> tuple[Card, ...]:
        """The cards of the given kinds, in deck order."""
        return tuple(card for card in self.cards if card.kind in kinds)
