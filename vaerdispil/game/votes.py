"""Vote rounds: dots on the values picked, open or secret."""

from __future__ import annotations

from ..deck.model import Deck, Mode, Round
from .checks import RuleError, require_participant, round_in_mode
from .events import Event
from .picks import Value, picked_values
from .state import SessionState


def dots_used(state: SessionState, deck: Deck, round_id: str, participant: str) -> int:
    """Dots a participant has placed on values that are still picked."""
    valid = {value.key for value in picked_values(state, deck)}
    votes = state.round_state(round_id).votes.get(participant, {})
    return sum(dots for key, dots in votes.items() if key in valid)


def current_voter(state: SessionState, round_: Round) -> str | None:
    """In a secret vote, the participant whose turn it is to vote."""
    voted = set(state.round_state(round_.id).voted)
    for person in state.active_participants():
        if person.id not in voted:
            return person.id
    return None


def votes_visible(state: SessionState, round_: Round) -> bool:
    """Open votes always show; secret ones once everyone has voted, or when revealed."""
    record = state.round_state(round_.id)
    return not round_.secret or record.revealed or current_voter(state, round_) is None


def tally(state: SessionState, deck: Deck, round_id: str) -> list[tuple[Value, int]]:
    """Dots per picked value, most first (ties keep the order the values were picked)."""
    values = picked_values(state, deck)
    totals = dict.fromkeys((value.key for value in values), 0)
    for votes in state.round_state(round_id).votes.values():
        for key, dots in votes.items():
            if key in totals:
                totals[key] += dots
    ranked = sorted(values, key=lambda value: -totals[value.key])
    return [(value, totals[value.key]) for value in ranked]


def decide_vote(state: SessionState, deck: Deck, participant_id: str, value: str,
                dots: int, in_turn: bool = True) -> Event:
    """Set how many dots a participant puts on a value (0 takes them off). At the shared
    screen a secret vote goes in turn; from a participant's own phone (`in_turn` False)
    everyone votes at once."""
    round_ = round_in_mode(state, deck, Mode.VOTE)
    require_participant(state, participant_id)
    values = {v.key for v in picked_values(state, deck)}
    if not values:
        raise RuleError("error.nothing_to_vote_on")
    if value not in values:
        raise RuleError("error.no_value", value=value)
    record = state.round_state(round_.id)
    if participant_id in record.voted:
        raise RuleError("error.already_voted")
    if in_turn and round_.secret and current_voter(state, round_) != participant_id:
        raise RuleError("error.not_your_vote")
    if dots < 0 or (not round_.stack and dots > 1):
        raise RuleError("error.dots_per_value" if dots > 1 else "error.dots_negative")
    assert round_.dots is not None
    others = dots_used(state, deck, round_.id, participant_id) - record.votes.get(
        participant_id, {}).get(value, 0)
    if others + dots > round_.dots:
        raise RuleError("error.no_dots_left", dots=round_.dots)
    return {"type": "vote_set", "round": round_.id, "participant": participant_id,
            "value": value, "dots": dots}


def decide_vote_done(state: SessionState, deck: Deck, participant_id: str,
                     in_turn: bool = True) -> Event:
    """A participant has finished voting (in a secret vote at the shared screen, the next
    one's turn; from a phone, `in_turn` False, whenever they are done)."""
    round_ = round_in_mode(state, deck, Mode.VOTE)
    require_participant(state, participant_id)
    if participant_id in state.round_state(round_.id).voted:
        raise RuleError("error.already_voted")
    if in_turn and round_.secret and current_voter(state, round_) != participant_id:
        raise RuleError("error.not_your_vote")
    return {"type": "vote_done", "round": round_.id, "participant": participant_id}


def decide_reveal(state: SessionState, deck: Deck) -> Event:
    """Show a secret vote before everyone has voted (someone left, time is up)."""
    round_ = round_in_mode(state, deck, Mode.VOTE)
    if votes_visible(state, round_):
        raise RuleError("error.already_visible")
    return {"type": "votes_revealed", "round": round_.id}
