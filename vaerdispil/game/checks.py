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
    """A command the rules do not allow; `key` names the message in vaerdispil.i18n."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(f"{key} {values}" if values else key)
        self.key = key
        self.values = values

    def message(self, language: str) -> str:
        """What went wrong, in words for the people at the table."""
        from ..i18n import text

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


def date_field(value: str) -> str:
    value = value.strip()
    if value and not _DATE.match(value):
        raise RuleError("error.date", value=value)
    if value:
        from datetime import date

        try:
            date.fromisoformat(value)
        except ValueError:
            raise RuleError("error.date", value=value) from None
    return value


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
