"""The rules of a Værdispil workshop: what may happen next, and what the state means.

`decide_*` functions check a command against the state and the deck and return the
event it makes (without seq and ts, which the engine adds), or raise RuleError.
The other functions read the state: whose turn it is, the values picked, the tally.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from ..deck.model import Card, CardKind, Deck, Draw, Mode, Per, Round, Side
from .events import Event, find_item
from .state import ORGANISATION_TYPES, SessionState, Turn

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


# -- reading the state -------------------------------------------------------


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


# -- checks -----------------------------------------------------------------


def _text(value: str, what: str, required: bool = True) -> str:
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    if required and not text:
        raise RuleError("error.empty", what=what)
    if len(text) > MAX_TEXT:
        raise RuleError("error.too_long", what=what, most=MAX_TEXT)
    return text


def _date(value: str) -> str:
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


def _org(state: SessionState, org_id: str) -> None:
    org = state.organisations.get(org_id)
    if org is None or not org.active:
        raise RuleError("error.no_org", id=org_id)


def _participant(state: SessionState, participant_id: str) -> None:
    person = state.participants.get(participant_id)
    if person is None or not person.active:
        raise RuleError("error.no_participant", id=participant_id)


def _round_in_mode(state: SessionState, deck: Deck, *modes: Mode) -> Round:
    round_ = current_round(state, deck)
    if round_ is None:
        raise RuleError("error.not_started")
    if round_.mode not in modes:
        raise RuleError("error.wrong_mode", mode=round_.mode)
    return round_


# -- set-up -----------------------------------------------------------------


def decide_details(**details: str) -> Event:
    """Set the workshop's title, place, date, facilitator or language."""
    event: Event = {"type": "details_set"}
    for name, value in details.items():
        if name not in ("title", "place", "date", "facilitator", "language"):
            raise RuleError("error.unknown_field", field=name)
        if name == "date":
            event[name] = _date(value)
        elif name == "language":
            if value not in ("da", "en"):
                raise RuleError("error.language", value=value)
            event[name] = value
        else:
            event[name] = _text(value, name, required=False)
    return event


def decide_add_org(state: SessionState, new_id: str, name: str, org_type: str) -> Event:
    """Add an organisation (late arrivals too)."""
    if org_type not in ORGANISATION_TYPES:
        raise RuleError("error.org_type", value=org_type)
    return {"type": "org_added", "id": new_id, "name": _text(name, "name"), "org_type": org_type}


def decide_change_org(state: SessionState, org_id: str, name: str | None = None,
                      org_type: str | None = None) -> Event:
    """Rename an organisation or change its type."""
    _org(state, org_id)
    event: Event = {"type": "org_changed", "id": org_id}
    if name is not None:
        event["name"] = _text(name, "name")
    if org_type is not None:
        if org_type not in ORGANISATION_TYPES:
            raise RuleError("error.org_type", value=org_type)
        event["org_type"] = org_type
    return event


def decide_remove_org(state: SessionState, org_id: str) -> Event:
    """Take an organisation off the table (its history stays)."""
    _org(state, org_id)
    if any(p.org == org_id for p in state.active_participants()):
        raise RuleError("error.org_has_people", org=state.organisations[org_id].name)
    return {"type": "org_removed", "id": org_id}


def decide_add_participant(state: SessionState, new_id: str, name: str, org_id: str) -> Event:
    """Add a participant who speaks for an organisation."""
    _org(state, org_id)
    return {"type": "participant_added", "id": new_id, "name": _text(name, "name"), "org": org_id}


def decide_change_participant(state: SessionState, participant_id: str, name: str | None = None,
                              org_id: str | None = None) -> Event:
    """Rename a participant or move them to another organisation."""
    _participant(state, participant_id)
    event: Event = {"type": "participant_changed", "id": participant_id}
    if name is not None:
        event["name"] = _text(name, "name")
    if org_id is not None:
        _org(state, org_id)
        event["org"] = org_id
    return event


def decide_remove_participant(state: SessionState, participant_id: str) -> Event:
    """A participant leaves; what they said and did stays in the record."""
    _participant(state, participant_id)
    return {"type": "participant_removed", "id": participant_id}


def decide_order(state: SessionState, participants: list[str] | None = None,
                 organisations: list[str] | None = None) -> Event:
    """Set the turn order: the same people (or organisations), in a new order."""
    event: Event = {"type": "order_set"}
    if participants is not None:
        if sorted(participants) != sorted(state.order):
            raise RuleError("error.order")
        event["participants"] = list(participants)
    if organisations is not None:
        if sorted(organisations) != sorted(state.org_order):
            raise RuleError("error.order")
        event["organisations"] = list(organisations)
    return event


# -- rounds and turns ---------------------------------------------------------


def decide_start_round(state: SessionState, deck: Deck, round_id: str) -> Event:
    """Put a round on the table: the next one, a skipped one, or one to go back to."""
    if round_id not in {r.id for r in deck.rounds}:
        raise RuleError("error.no_round", id=round_id)
    if not state.active_participants():
        raise RuleError("error.nobody")
    return {"type": "round_started", "round": round_id}


def decide_end_session(state: SessionState) -> Event:
    """The workshop is over (a round can still be reopened)."""
    if state.round_index is None:
        raise RuleError("error.not_started")
    if state.ended:
        raise RuleError("error.already_ended")
    return {"type": "session_ended"}


def _turn_on(state: SessionState, deck: Deck) -> tuple[Round, TurnProgress]:
    round_ = _round_in_mode(state, deck, Mode.TURNS)
    progress = turn_progress(state, round_)
    if progress.taker is None:
        raise RuleError("error.round_done")
    return round_, progress


def decide_draw(state: SessionState, deck: Deck, seq: int, card_id: str | None = None) -> Event:
    """Put a card on the table for the current turn: drawn at random, or the one chosen.

    A random draw takes a card not yet drawn in this round (all again once every card
    has been), from a generator seeded with the session's seed and the event's number,
    so a replay gives the same card and a draw after an undo gives a fresh one.
    """
    round_, progress = _turn_on(state, deck)
    cards = round_cards(deck, round_)
    if card_id is not None:
        if card_id not in {card.id for card in cards}:
            raise RuleError("error.card_not_in_round", id=card_id)
        how = "choose"
    else:
        if round_.draw is Draw.CHOOSE and not cards:
            raise RuleError("error.no_cards")
        used = {t.card for t in state.round_state(round_.id).turns.values()}
        current = progress.turn.card if progress.turn else None
        pile = [card.id for card in cards if card.id not in used] or [
            card.id for card in cards if card.id != current
        ] or [card.id for card in cards]
        if not pile:
            raise RuleError("error.no_cards")
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


# -- notes, picks, votes --------------------------------------------------------


def decide_note(state: SessionState, deck: Deck, new_id: str, text: str,
                taker: str | None = None) -> Event:
    """Note what was said; in a turns round it belongs to the current turn by default."""
    round_ = current_round(state, deck)
    if taker is None and round_ is not None and round_.mode is Mode.TURNS:
        taker = turn_progress(state, round_).taker
    if taker is not None and taker not in state.participants and taker not in state.organisations:
        raise RuleError("error.no_participant", id=taker)
    return {"type": "note_added", "id": new_id, "round": round_.id if round_ else None,
            "taker": taker, "text": _text(text, "note")}


def decide_pick(state: SessionState, deck: Deck, new_id: str, org_id: str, card_id: str,
                side: str | None = None, reason: str = "", text: str = "") -> Event:
    """An organisation picks a card as a value it gives or gets (a blank card: its own words)."""
    round_ = _round_in_mode(state, deck, Mode.PICK)
    _org(state, org_id)
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
    own = _text(text, "value") if card.kind is CardKind.BLANK else ""
    mine = [p for p in state.picks.values()
            if p.round == round_.id and p.org == org_id and p.side == side]
    if card.kind is not CardKind.BLANK and any(p.card == card_id for p in mine):
        raise RuleError("error.picked_twice", title=card.title)
    if round_.picks is not None and len(mine) >= round_.picks:
        raise RuleError("error.too_many_picks", most=round_.picks)
    return {"type": "picked", "id": new_id, "round": round_.id, "org": org_id,
            "side": str(side), "card": card_id, "text": own,
            "reason": _text(reason, "reason", required=False)}


def decide_vote(state: SessionState, deck: Deck, participant_id: str, value: str,
                dots: int) -> Event:
    """Set how many dots a participant puts on a value (0 takes them off)."""
    round_ = _round_in_mode(state, deck, Mode.VOTE)
    _participant(state, participant_id)
    values = {v.key for v in picked_values(state, deck)}
    if not values:
        raise RuleError("error.nothing_to_vote_on")
    if value not in values:
        raise RuleError("error.no_value", value=value)
    record = state.round_state(round_.id)
    if participant_id in record.voted:
        raise RuleError("error.already_voted")
    if round_.secret and current_voter(state, round_) != participant_id:
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


def decide_vote_done(state: SessionState, deck: Deck, participant_id: str) -> Event:
    """A participant has finished voting (in a secret vote, the next one's turn)."""
    round_ = _round_in_mode(state, deck, Mode.VOTE)
    _participant(state, participant_id)
    if participant_id in state.round_state(round_.id).voted:
        raise RuleError("error.already_voted")
    if round_.secret and current_voter(state, round_) != participant_id:
        raise RuleError("error.not_your_vote")
    return {"type": "vote_done", "round": round_.id, "participant": participant_id}


def decide_reveal(state: SessionState, deck: Deck) -> Event:
    """Show a secret vote before everyone has voted (someone left, time is up)."""
    round_ = _round_in_mode(state, deck, Mode.VOTE)
    if votes_visible(state, round_):
        raise RuleError("error.already_visible")
    return {"type": "votes_revealed", "round": round_.id}


# -- agreement ------------------------------------------------------------------


def _value_keys(state: SessionState, deck: Deck, keys: list[str]) -> list[str]:
    picked = {value.key for value in picked_values(state, deck)}
    for key in keys:
        kind, _, ident = key.partition(":")
        known = key in picked or (kind == "card" and ident in {card.id for card in deck.cards})
        if not known:
            raise RuleError("error.no_value", value=key)
    return list(dict.fromkeys(keys))


def decide_agree(state: SessionState, deck: Deck, new_id: str, text: str,
                 values: list[str] = [], orgs: list[str] = []) -> Event:  # noqa: B006 - read only
    """Record a value the group agrees on, the values it came from, who commits to it."""
    if state.round_index is None:
        raise RuleError("error.not_started")
    for org_id in orgs:
        _org(state, org_id)
    return {"type": "agreed_added", "id": new_id, "text": _text(text, "agreed value"),
            "values": _value_keys(state, deck, values), "orgs": list(dict.fromkeys(orgs))}


def decide_dissent(state: SessionState, new_id: str, agreed_id: str, org_id: str,
                   text: str) -> Event:
    """An organisation does not share an agreed value, and says why (if it stood behind
    the value, it no longer does)."""
    if agreed_id not in state.agreed:
        raise RuleError("error.no_item", id=agreed_id)
    _org(state, org_id)
    _no_dissent_yet(state, agreed_id, org_id)
    return {"type": "dissent_added", "id": new_id, "agreed": agreed_id, "org": org_id,
            "text": _text(text, "dissent")}


def _no_dissent_yet(state: SessionState, agreed_id: str, org_id: str) -> None:
    for dissent in state.dissents.values():
        if dissent.agreed == agreed_id and dissent.org == org_id:
            raise RuleError("error.dissent_twice", org=state.organisations[org_id].name,
                            value=state.agreed[agreed_id].text)


def _not_dissenting(state: SessionState, agreed_id: str, org_ids: list[str]) -> None:
    for dissent in state.dissents.values():
        if dissent.agreed == agreed_id and dissent.org in org_ids:
            raise RuleError("error.backer_dissents", org=state.organisations[dissent.org].name)


def decide_action(state: SessionState, new_id: str, what: str, org_id: str, person: str = "",
                  due: str = "") -> Event:
    """An action item: what, who (organisation and person), by when."""
    if state.round_index is None:
        raise RuleError("error.not_started")
    _org(state, org_id)
    return {"type": "action_added", "id": new_id, "what": _text(what, "action"), "org": org_id,
            "person": _text(person, "person", required=False), "due": _date(due)}


def decide_follow_up(state: SessionState, date: str) -> Event:
    """When the partners meet again to review the agreement."""
    return {"type": "follow_up_set", "date": _date(date)}


EDITABLE = {
    "notes": ("text",),
    "picks": ("reason", "text"),
    "agreed": ("text", "values", "orgs"),
    "dissents": ("text", "agreed"),
    "actions": ("what", "person", "due", "org"),
}


def decide_edit(state: SessionState, deck: Deck, item_id: str, field: str, value: Any) -> Event:
    """Change a recorded text (or an agreed value's links); the latest wording counts."""
    found = find_item(state, item_id)
    if found is None:
        raise RuleError("error.no_item", id=item_id)
    collection, item = found
    if field not in EDITABLE[collection]:
        raise RuleError("error.unknown_field", field=field)
    if collection == "picks":
        _pick_round_open(state, deck, item.round)
        if field == "text" and deck.card(item.card).kind is not CardKind.BLANK:
            raise RuleError("error.unknown_field", field=field)
    if field == "values":
        value = _value_keys(state, deck, list(value))
    elif field in ("orgs", "org"):
        for org_id in [value] if field == "org" else value:
            _org(state, org_id)
        value = value if field == "org" else list(dict.fromkeys(value))
        if field == "orgs":
            _not_dissenting(state, item_id, value)
    elif field == "agreed":
        if value not in state.agreed:
            raise RuleError("error.no_item", id=value)
        if value != item.agreed:
            _no_dissent_yet(state, value, item.org)
    elif field == "due":
        value = _date(value)
    else:
        value = _text(value, field, required=field not in ("reason", "person"))
    return {"type": "item_edited", "id": item_id, "field": field, "value": value}


def check_undo(state: SessionState, deck: Deck, event: Event) -> None:
    """Refuse an undo that would break a promise: a secret ballot handed in stays secret
    (undoing it would put that person's dots back on the shared screen)."""
    if event["type"] == "vote_done":
        round_ = next((r for r in deck.rounds if r.id == event.get("round")), None)
        if round_ is not None and round_.secret:
            raise RuleError("error.secret_ballot_undo")


def _pick_round_open(state: SessionState, deck: Deck, round_id: str) -> None:
    round_ = current_round(state, deck)
    if round_ is None or round_.id != round_id:
        raise RuleError("error.round_closed")


def decide_remove(state: SessionState, deck: Deck, item_id: str) -> Event:
    """Remove a note, a pick (while its round is open), an agreed value, dissent or action."""
    found = find_item(state, item_id)
    if found is None:
        raise RuleError("error.no_item", id=item_id)
    if found[0] == "picks":
        _pick_round_open(state, deck, found[1].round)
    return {"type": "item_removed", "id": item_id}
