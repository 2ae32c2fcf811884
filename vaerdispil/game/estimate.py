"""How long a workshop will take, from the deck's round timings and the people at the table."""

from __future__ import annotations

from ..deck.model import Deck, Mode, Per

DEFAULT_ROUND_MINUTES = 10
CHANGEOVER_MINUTES = 1
"""Between two turns: passing the word, drawing the card."""


def estimate_minutes(deck: Deck, participants: int, organisations: int) -> int:
    """Minutes for the whole script: every round takes what the deck sets aside for it (or
    ten minutes); a turns round with a turn timer takes longer when its takers' turns need
    more. So the estimate never drops as people are added."""
    total = 0
    for round_ in deck.rounds:
        minutes = round_.minutes or DEFAULT_ROUND_MINUTES
        if round_.mode is Mode.TURNS and round_.minutes_per_turn:
            takers = organisations if round_.per is Per.ORGANISATION else participants
            minutes = max(minutes, round(takers * turn_minutes(round_.minutes_per_turn)))
        total += minutes
    return int(total)


def turn_minutes(minutes_per_turn: float) -> float:
    """A turn with its changeover."""
    return minutes_per_turn + CHANGEOVER_MINUTES


def turn_rounds(deck: Deck) -> list[tuple[int, float, Per]]:
    """The rounds taken in turns with a turn timer, as the estimate's explanation names
    them: (round number from 1, minutes a turn takes with its changeover, who takes it)."""
    return [(number, turn_minutes(round_.minutes_per_turn), round_.per)
            for number, round_ in enumerate(deck.rounds, start=1)
            if round_.mode is Mode.TURNS and round_.minutes_per_turn]
