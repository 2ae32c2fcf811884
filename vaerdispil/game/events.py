"""Events, and how each one changes the state.

An event is a JSON object: ``{"seq": 7, "ts": "2026-11-22T10:15:00.000Z", "type":
"picked", ...}``. Events are only ever appended; folding them in order gives the state.
Checks belong in rules.py, before an event is made: folding trusts what it is given,
and a log that breaks a fold is damaged (the log reader says where).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..deck.model import Deck
from .state import (
    ActionItem,
    AgreedValue,
    Details,
    Dissent,
    Note,
    Organisation,
    Participant,
    Pick,
    Review,
    SessionState,
    Timer,
    Turn,
)

Event = dict[str, Any]

UNDO = "undo"
REDO = "redo"
BOOKKEEPING = (UNDO, REDO)
"""Events that choose which other events count, rather than change the state themselves."""


def epoch(ts: str) -> float:
    """Epoch seconds of an event's timestamp."""
    return datetime.fromisoformat(ts).timestamp()


def _details_set(state: SessionState, deck: Deck, e: Event) -> None:
    for name in ("title", "place", "date", "facilitator", "language"):
        if name in e:
            setattr(state.details, name, e[name])


def _present_now(state: SessionState, deck: Deck, orgs: list[str] = [],  # noqa: B006
                 people: list[str] = []) -> None:  # noqa: B006
    """Arrivals while a round is on were there for it."""
    record = state.current_round_state([round_.id for round_ in deck.rounds])
    if record is not None:
        record.mark_present(orgs, people)


def _org_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.organisations[e["id"]] = Organisation(e["id"], e["name"], e["org_type"])
    state.org_order.append(e["id"])
    _present_now(state, deck, orgs=[e["id"]])


def _org_changed(state: SessionState, deck: Deck, e: Event) -> None:
    org = state.organisations[e["id"]]
    org.name = e.get("name", org.name)
    org.type = e.get("org_type", org.type)


def _org_removed(state: SessionState, deck: Deck, e: Event) -> None:
    state.organisations[e["id"]].active = False


def _participant_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.participants[e["id"]] = Participant(e["id"], e["name"], e["org"])
    state.order.append(e["id"])
    _present_now(state, deck, orgs=[e["org"]], people=[e["id"]])


def _participant_changed(state: SessionState, deck: Deck, e: Event) -> None:
    person = state.participants[e["id"]]
    person.name = e.get("name", person.name)
    person.org = e.get("org", person.org)
    if person.active:
        _present_now(state, deck, orgs=[person.org])


def _participant_removed(state: SessionState, deck: Deck, e: Event) -> None:
    state.participants[e["id"]].active = False


def _order_set(state: SessionState, deck: Deck, e: Event) -> None:
    if "participants" in e:
        state.order = list(e["participants"])
    if "organisations" in e:
        state.org_order = list(e["organisations"])


def _round_started(state: SessionState, deck: Deck, e: Event) -> None:
    state.round_index = next(i for i, r in enumerate(deck.rounds) if r.id == e["round"])
    state.round_state(e["round"]).mark_present(
        [org.id for org in state.active_organisations()],
        [person.id for person in state.active_participants()])
    state.ended = False
    state.ended_at = ""


def _session_ended(state: SessionState, deck: Deck, e: Event) -> None:
    state.ended = True
    state.ended_at = e["ts"]


def _turn(state: SessionState, e: Event) -> Turn:
    return state.rounds[e["round"]].turns[e["taker"]]


def _card_drawn(state: SessionState, deck: Deck, e: Event) -> None:
    turns = state.round_state(e["round"]).turns
    timer = Timer(limit=e["limit"], started=epoch(e["ts"])) if e.get("limit") else None
    turns[e["taker"]] = Turn(e["taker"], card=e["card"], timer=timer)


def _turn_ended(state: SessionState, deck: Deck, e: Event) -> None:
    turns = state.round_state(e["round"]).turns
    turn = turns.get(e["taker"])
    if turn is None:  # passed or skipped before a card was on the table
        turn = turns[e["taker"]] = Turn(e["taker"])
    turn.outcome = e["outcome"]
    if turn.timer is not None and turn.timer.ended is None:
        turn.timer.ended = epoch(e["ts"])


def _timer_paused(state: SessionState, deck: Deck, e: Event) -> None:
    timer = _turn(state, e).timer
    assert timer is not None
    timer.paused_at = epoch(e["ts"])


def _timer_resumed(state: SessionState, deck: Deck, e: Event) -> None:
    timer = _turn(state, e).timer
    assert timer is not None and timer.paused_at is not None
    timer.paused_total += epoch(e["ts"]) - timer.paused_at
    timer.paused_at = None


def _timer_extended(state: SessionState, deck: Deck, e: Event) -> None:
    timer = _turn(state, e).timer
    assert timer is not None
    timer.limit += e["seconds"]


def _note_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.notes[e["id"]] = Note(e["id"], e.get("round"), e.get("taker"), e["text"])


def _picked(state: SessionState, deck: Deck, e: Event) -> None:
    state.picks[e["id"]] = Pick(e["id"], e["round"], e["org"], e["side"], e["card"],
                                e.get("text", ""), e.get("reason", ""))


def _vote_set(state: SessionState, deck: Deck, e: Event) -> None:
    votes = state.round_state(e["round"]).votes.setdefault(e["participant"], {})
    if e["dots"]:
        votes[e["value"]] = e["dots"]
    else:
        votes.pop(e["value"], None)


def _vote_done(state: SessionState, deck: Deck, e: Event) -> None:
    state.round_state(e["round"]).voted.append(e["participant"])


def _votes_revealed(state: SessionState, deck: Deck, e: Event) -> None:
    state.round_state(e["round"]).revealed = True


def _agreed_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.agreed[e["id"]] = AgreedValue(e["id"], e["text"], list(e["values"]), list(e["orgs"]))


def _dissent_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.dissents[e["id"]] = Dissent(e["id"], e["agreed"], e["org"], e["text"])
    _stop_backing(state, e["agreed"], e["org"])


def _stop_backing(state: SessionState, agreed_id: str, org_id: str) -> None:
    """An organisation that disagrees with a value no longer stands behind it."""
    agreed = state.agreed.get(agreed_id)
    if agreed is not None and org_id in agreed.orgs:
        agreed.orgs.remove(org_id)


def _action_added(state: SessionState, deck: Deck, e: Event) -> None:
    state.actions[e["id"]] = ActionItem(e["id"], e["what"], e["org"], e.get("person", ""),
                                        e.get("due", ""))


def _follow_up_set(state: SessionState, deck: Deck, e: Event) -> None:
    state.follow_up = e["date"]


def _phone_bound(state: SessionState, deck: Deck, e: Event) -> None:
    state.phones[e["participant"]] = e["token"]


def _phone_released(state: SessionState, deck: Deck, e: Event) -> None:
    state.phones.pop(e["participant"], None)


def _phones_opened(state: SessionState, deck: Deck, e: Event) -> None:
    state.phones_key = e["key"]


def _reviewed(state: SessionState, deck: Deck, e: Event) -> None:
    state.reviews[e["item"]] = Review(e["item"], e["round"], e["status"], e.get("note", ""))


ITEM_COLLECTIONS = ("notes", "picks", "agreed", "dissents", "actions")
"""Where items with editable texts live; their ids are unique across all of them."""


def find_item(state: SessionState, item_id: str) -> tuple[str, Any] | None:
    """The collection name and the item with this id, if there is one."""
    for name in ITEM_COLLECTIONS:
        item = getattr(state, name).get(item_id)
        if item is not None:
            return name, item
    return None


def _item_edited(state: SessionState, deck: Deck, e: Event) -> None:
    found = find_item(state, e["id"])
    assert found is not None, e["id"]
    value = e["value"]
    setattr(found[1], e["field"], list(value) if isinstance(value, list) else value)
    if found[0] == "dissents" and e["field"] == "agreed":  # moved to another agreed value
        _stop_backing(state, value, found[1].org)


def _item_removed(state: SessionState, deck: Deck, e: Event) -> None:
    found = find_item(state, e["id"])
    assert found is not None, e["id"]
    del getattr(state, found[0])[e["id"]]
    if found[0] == "agreed":  # its dissents go with it
        for dissent_id in [d.id for d in state.dissents.values() if d.agreed == e["id"]]:
            del state.dissents[dissent_id]


APPLY: dict[str, Callable[[SessionState, Deck, Event], None]] = {
    "details_set": _details_set,
    "org_added": _org_added,
    "org_changed": _org_changed,
    "org_removed": _org_removed,
    "participant_added": _participant_added,
    "participant_changed": _participant_changed,
    "participant_removed": _participant_removed,
    "order_set": _order_set,
    "round_started": _round_started,
    "session_ended": _session_ended,
    "card_drawn": _card_drawn,
    "turn_ended": _turn_ended,
    "timer_paused": _timer_paused,
    "timer_resumed": _timer_resumed,
    "timer_extended": _timer_extended,
    "note_added": _note_added,
    "picked": _picked,
    "vote_set": _vote_set,
    "vote_done": _vote_done,
    "votes_revealed": _votes_revealed,
    "agreed_added": _agreed_added,
    "dissent_added": _dissent_added,
    "action_added": _action_added,
    "follow_up_set": _follow_up_set,
    "reviewed": _reviewed,
    "phone_bound": _phone_bound,
    "phone_released": _phone_released,
    "phones_opened": _phones_opened,
    "item_edited": _item_edited,
    "item_removed": _item_removed,
}
"""How each kind of event changes the state."""

EVENT_TYPES = frozenset(APPLY) | frozenset(BOOKKEEPING)


def new_state(deck_id: str, deck_hash: str, seed: int, language: str,
              follows: dict[str, Any] | None = None) -> SessionState:
    """The state of a workshop before its first event (`follows`: in a follow-up meeting,
    the workshop it follows, as the header keeps it)."""
    return SessionState(deck_id=deck_id, deck_hash=deck_hash, seed=seed,
                        details=Details(language=language), follows=follows)


def apply(state: SessionState, deck: Deck, event: Event) -> None:
    """Fold one (non-bookkeeping) event into the state, in place."""
    APPLY[event["type"]](state, deck, event)
