"""The checks every round mode shares: the error a refused command raises, the words a
record may hold, and who and what is at the table."""

from __future__ import annotations

import re
from typing import Any

from ..deck.model import Card, Deck, Mode, Per, Round
from ..textrules import clean
from .state import SessionState

OUTCOMES = ("answered", "passed", "skipped")


MAX_TEXT = 2000


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RuleError(Exception):
    """A command the rules do not allow; `key` names the message in vaerdispil.i18n, and
    `plural_count`, for a plural entry, the number that chooses its form."""

    def __init__(self, key: str, /, plural_count: int | None = None, **values: Any) -> None:
        super().__init__(f"{key} {values}" if values else key)
        self.key = key
        self.values = values
        self.plural_count = plural_count

    def message(self, language: str) -> str:
        """What went wrong, in words for the people at the table."""
        from ..i18n import plural, text

        if self.plural_count is not None:
            return plural(language, self.key, self.plural_count, **self.values)
        return text(language, self.key, **self.values)


def current_round(state: SessionState, deck: Deck) -> Round | None:
    """The round on the table, or None during set-up."""
    return None if state.round_index is None else deck.rounds[state.round_index]


def round_cards(deck: Deck, round_: Round) -> tuple[Card, ...]:
    """The cards a round plays with, in deck order."""
    cards = deck.cards_of(*round_.kinds)
    if round_.cards:
        listed = set(round_.cards)
        cards = tuple(card for card in cards if card.id in listed)
    return cards


def own_cards(deck: Deck, round_: Round) -> tuple[Card, ...]:
    """The cards that are a round's own, in deck order: those it lists or, listing none,
    those of its kinds that no other round lists. A draw takes only from these; a choice
    may take any of `round_cards` (a card another round lists, too)."""
    cards = round_cards(deck, round_)
    if round_.cards:
        return cards
    listed = {card_id for other in deck.rounds if other.id != round_.id
              for card_id in other.cards}
    return tuple(card for card in cards if card.id not in listed)


def takers(state: SessionState, round_: Round) -> list[str]:
    """Who takes turns (or picks) in a round: participants or organisations, in order."""
    if round_.per is Per.ORGANISATION:
        return [org.id for org in state.active_organisations()]
    return [person.id for person in state.active_participants()]


def text_field(value: str, what: str, required: bool = True) -> str:
    """Typed text as the record keeps it: one line unless it has several, without the
    characters no record may hold (see textrules), within MAX_TEXT."""
    value = clean(value)
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    if required and not text:
        raise RuleError("error.empty", what=what)
    if len(text) > MAX_TEXT:
        raise RuleError("error.too_long", what=what, most=MAX_TEXT)
    return text


_DANISH_DATE = re.compile(r"^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*(?:[-./]\s*|\s+)(\d{4}|\d{2})$")
"""A date as Danes write it: 1-10-2027, 1.10.2027, 1/10 2027, 1. 10. 27 (day first)."""


def date_field(value: str) -> str:
    """A date as the record keeps it (YYYY-MM-DD), from the ways people write one: that
    form, or day first as Danes write it. "" for none."""
    value = value.strip()
    if not value:
        return value
    found = _DANISH_DATE.match(value)
    if found:
        day, month, year = (int(part) for part in found.groups())
        text = f"{year + 2000 if year < 100 else year:04d}-{month:02d}-{day:02d}"
    elif _DATE.match(value):
        text = value
    else:
        raise RuleError("error.date", value=value)
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise RuleError("error.date", value=value) from None


def require_org(state: SessionState, org_id: str) -> None:
    org = state.organisations.get(org_id)
    if org is None or not org.active:
        raise RuleError("error.no_org", id=org_id)


def require_participant(state: SessionState, participant_id: str) -> None:
    person = state.participants.get(participant_id)
    if person is None or not person.active:
        raise RuleError("error.no_participant", id=participant_id)


def round_in_mode(state: SessionState, deck: Deck, *modes: Mode) -> Round:
    round_ = current_round(state, deck)
    if round_ is None:
        raise RuleError("error.not_started")
    if round_.mode not in modes:
        raise RuleError("error.wrong_mode", mode=round_.mode)
    return round_
