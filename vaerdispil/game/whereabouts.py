"""Where a resumed workshop stands, in words for the room: "Fortsætter i runde 6 af 6, tur 3"."""

from __future__ import annotations

from ..deck.model import Deck, Mode
from ..i18n import possessive
from ..i18n import text as t
from .state import SessionState
from .turns import turn_progress


def whereabouts(state: SessionState, deck: Deck, language: str) -> str:
    """One line saying where a workshop goes on from: set-up, the round (and in a turns
    round the turn and whose it is), or that it is finished."""
    if state.ended:
        return t(language, "resume.ended")
    if state.round_index is None or not 0 <= state.round_index < len(deck.rounds):
        return t(language, "resume.setup")
    round_ = deck.rounds[state.round_index]
    where = {"number": state.round_index + 1, "total": len(deck.rounds), "title": round_.title}
    if round_.mode is not Mode.TURNS:
        return t(language, "resume.round", **where)
    progress = turn_progress(state, round_)
    if progress.taker is None:
        return t(language, "resume.turns_done", **where)
    return t(language, "resume.turn", **where, turn=progress.number, turns=progress.total,
             owner=possessive(_name(state, progress.taker), language))


def _name(state: SessionState, taker: str) -> str:
    """A taker's name: a participant's, or an organisation's (rounds taken per organisation)."""
    person = state.participants.get(taker)
    if person is not None:
        return person.name
    org = state.organisations.get(taker)
    return org.name if org is not None else taker
