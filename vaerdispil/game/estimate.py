"""How long a workshop will take, from the deck's round timings and the people at the table."""

from __future__ import annotations

from ..deck.model import Deck, Mode, Per

DEFAULT_ROUND_MINUTES = 10
CHANGEOVER_MINUTES = 1
"""Between two turns: passing the word, drawing the card."""


def estimate_minutes(deck: Deck, participants: int, organisations: int) -> int:
    """Minutes for the whole script: a turns round with a turn timer takes at least a turn per
    taker; every other round takes what the deck says (or ten minutes)."""
    total = 0
    for round_ in deck.rounds:
        minutes = round_.minutes or DEFAULT_ROUND_MINUTES
        if round_.mode is Mode.TURNS and round_.minutes_per_turn:
            takers = organisations if round_.per is Per.ORGANISATION else participants
            minutes = max(minutes if not takers else 0,
                          round(takers * (round_.minutes_per_turn + CHANGEOVER_MINUTES)))
        total += minutes
    return int(total)
