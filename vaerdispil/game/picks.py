"""Pick rounds: the values organisations give and get."""

from __future__ import annotations

from dataclasses import dataclass

from ..deck.model import Card, CardKind, Deck, Mode, Side
from .checks import RuleError, require_org, round_cards, round_in_mode, text_field
from .events import Event
from .state import SessionState


@dataclass(frozen=True)
class Value:
    """A value on the table: a deck card or an organisation's own words on a blank card."""

    key: str
    """card:<card id> or own:<pick id>."""
    title: str
    card: str
    givers: tuple[str, ...]
    getters: tuple[str, ...]


def value_key(pick_card: Card, pick_id: str) -> str:
    """The key that names the value a pick stands for."""
    return f"own:{pick_id}" if pick_card.kind is CardKind.BLANK else f"card:{pick_card.id}"


def picked_values(state: SessionState, deck: Deck) -> list[Value]:
    """Every value picked so far, in the order first picked, with who gives and gets it."""
    found: dict[str, tuple[str, str, list[str], list[str]]] = {}
    for pick in state.picks.values():
        card = deck.card(pick.card)
        key = value_key(card, pick.id)
        title = pick.text if card.kind is CardKind.BLANK else card.title
        entry = found.setdefault(key, (title, card.id, [], []))
        side_list = entry[2] if pick.side == Side.GIVE else entry[3]
        if pick.org not in side_list:
            side_list.append(pick.org)
    return [Value(key, title, card_id, tuple(givers), tuple(getters))
            for key, (title, card_id, givers, getters) in found.items()]


def decide_pick(state: SessionState, deck: Deck, new_id: str, org_id: str, card_id: str,
                side: str | None = None, reason: str = "", text: str = "") -> Event:
    """An organisation picks a card as a value it gives or gets (a blank card: its own words)."""
    round_ = round_in_mode(state, deck, Mode.PICK)
    require_org(state, org_id)
    allowed = {card.id: card for card in round_cards(deck, round_)}
    card = allowed.get(card_id)
    if card is None:
        raise RuleError("error.card_not_in_round", id=card_id)
    if round_.side is not Side.BOTH:
        if side not in (None, round_.side):
            raise RuleError("error.side", side=round_.side)
        side = round_.side
    elif side not in (Side.GIVE, Side.GET):
        raise RuleError("error.side_needed")
    own = text_field(text, "value") if card.kind is CardKind.BLANK else ""
    mine = [p for p in state.picks.values()
            if p.round == round_.id and p.org == org_id and p.side == side]
    if card.kind is not CardKind.BLANK and any(p.card == card_id for p in mine):
        raise RuleError("error.picked_twice", title=card.title)
    if round_.picks is not None and len(mine) >= round_.picks:
        raise RuleError("error.too_many_picks", plural_count=round_.picks, most=round_.picks)
    return {"type": "picked", "id": new_id, "round": round_.id, "org": org_id,
            "side": str(side), "card": card_id, "text": own,
            "reason": text_field(reason, "reason", required=False)}
