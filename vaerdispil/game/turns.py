"""Turns rounds: whose turn it is, the card on the table, its timer, and notes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..deck.model import Deck, Mode, Round
from .checks import (
    OUTCOMES,
    RuleError,
    current_round,
    own_cards,
    round_cards,
    round_in_mode,
    takers,
    text_field,
)
from .events import Event
from .state import SessionState, Turn


@dataclass(frozen=True)
class TurnProgress:
    """Whose turn it is in a turns round, and how far the round has come."""

    taker: str | None
    """The one whose turn it is; None when everyone has had a turn."""
    number: int
    """This turn's number, from 1 (one past the last when the round is done)."""
    total: int
    turn: Turn | None
    """The turn's record once a card is on the table (or it has ended)."""


def turn_progress(state: SessionState, round_: Round) -> TurnProgress:
    """Whose turn it is: the first in turn order who has not finished a turn."""
    turns = state.round_state(round_.id).turns
    finished = sum(1 for turn in turns.values() if turn.outcome is not None)
    waiting = [t for t in takers(state, round_) if t not in turns or turns[t].outcome is None]
    total = finished + len(waiting)
    if not waiting:
        return TurnProgress(None, finished + 1, total, None)
    return TurnProgress(waiting[0], finished + 1, total, turns.get(waiting[0]))


def _turn_on(state: SessionState, deck: Deck) -> tuple[Round, TurnProgress]:
    round_ = round_in_mode(state, deck, Mode.TURNS)
    progress = turn_progress(state, round_)
    if progress.taker is None:
        raise RuleError("error.round_done")
    return round_, progress


def decide_draw(state: SessionState, deck: Deck, seq: int, card_id: str | None = None) -> Event:
    """Put a card on the table for the current turn: drawn at random, or the one chosen.

    A random draw takes one of the round's own cards (see `own_cards`: never another
    round's), one not yet drawn in this round (all again once every card has been), from
    a generator seeded with the session's seed and the event's number, so a replay gives
    the same card and a draw after an undo gives a fresh one.
    """
    round_, progress = _turn_on(state, deck)
    cards = round_cards(deck, round_)
    if card_id is not None:
        if card_id not in {card.id for card in cards}:
            raise RuleError("error.card_not_in_round", id=card_id)
        how = "choose"
    else:
        if not cards:
            raise RuleError("error.no_cards")
        own = own_cards(deck, round_)
        if not own:
            raise RuleError("error.no_own_cards")
        used = {t.card for t in state.round_state(round_.id).turns.values()}
        current = progress.turn.card if progress.turn else None
        pile = [card.id for card in own if card.id not in used] or [
            card.id for card in own if card.id != current
        ] or [card.id for card in own]
        card_id = random.Random(f"{state.seed}/{seq}").choice(pile)
        how = "draw"
    limit = round(round_.minutes_per_turn * 60) if round_.minutes_per_turn else 0
    return {"type": "card_drawn", "round": round_.id, "taker": progress.taker, "card": card_id,
            "how": how, "limit": limit}


def decide_end_turn(state: SessionState, deck: Deck, outcome: str) -> Event:
    """End the current turn: answered, passed (the taker's choice) or skipped."""
    if outcome not in OUTCOMES:
        raise RuleError("error.outcome", value=outcome)
    round_, progress = _turn_on(state, deck)
    if outcome == "answered" and (progress.turn is None or progress.turn.card is None):
        raise RuleError("error.no_card_yet")
    return {"type": "turn_ended", "round": round_.id, "taker": progress.taker, "outcome": outcome}


def _running_timer(state: SessionState, deck: Deck) -> tuple[Round, TurnProgress]:
    round_, progress = _turn_on(state, deck)
    if progress.turn is None or progress.turn.timer is None:
        raise RuleError("error.no_timer")
    return round_, progress


def decide_pause(state: SessionState, deck: Deck) -> Event:
    """Pause the turn's timer."""
    round_, progress = _running_timer(state, deck)
    assert progress.turn is not None and progress.turn.timer is not None
    if progress.turn.timer.paused_at is not None:
        raise RuleError("error.timer_paused")
    return {"type": "timer_paused", "round": round_.id, "taker": progress.taker}


def decide_resume(state: SessionState, deck: Deck) -> Event:
    """Start a paused timer again."""
    round_, progress = _running_timer(state, deck)
    assert progress.turn is not None and progress.turn.timer is not None
    if progress.turn.timer.paused_at is None:
        raise RuleError("error.timer_running")
    return {"type": "timer_resumed", "round": round_.id, "taker": progress.taker}


def decide_extend(state: SessionState, deck: Deck, seconds: int = 60) -> Event:
    """Give the current turn more time (a minute by default)."""
    round_, progress = _running_timer(state, deck)
    if not 0 < seconds <= 3600:
        raise RuleError("error.extend")
    return {"type": "timer_extended", "round": round_.id, "taker": progress.taker,
            "seconds": seconds}


def decide_note(state: SessionState, deck: Deck, new_id: str, text: str,
                taker: str | None = None) -> Event:
    """Note what was said; in a turns round it belongs to the current turn by default."""
    round_ = current_round(state, deck)
    if taker is None and round_ is not None and round_.mode is Mode.TURNS:
        taker = turn_progress(state, round_).taker
    if taker is not None and taker not in state.participants and taker not in state.organisations:
        raise RuleError("error.no_participant", id=taker)
    return {"type": "note_added", "id": new_id, "round": round_.id if round_ else None,
            "taker": taker, "text": text_field(text, "note")}
