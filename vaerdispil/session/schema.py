"""The schema of the session log's events, applied to every event read from a file.

Declared once, here: for each kind of event, its fields with their types, ranges, enums
and string limits (`SHAPES`, checked on every event as the file is read), and what its
ids must refer to at that point in the workshop (`check_refs`, checked as the events are
folded). The engine writes only events that pass both, so a file that fails them was
damaged or edited by hand: it is refused with its line and the event's number, and
every command and the app see only valid events.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ..deck.model import CardKind, Deck, Mode
from ..game.checks import MAX_TEXT, OUTCOMES
from ..game.edits import EDITABLE
from ..game.events import ITEM_COLLECTIONS, Event, find_item
from ..game.review import ITEM, STATUSES, item_exists
from ..game.state import ORGANISATION_TYPES, SessionState
from ..textrules import describe_char, forbidden_search

Check = Callable[[Any], "str | None"]
"""A field's check: None when the value is fine, else what is wrong with it."""

MAX_ID = 64
MAX_LIST = 10_000
_ABSENT = object()
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def text(required: bool = True, multiline: bool = False, most: int = MAX_TEXT) -> Check:
    """Text of at most `most` characters, without characters no record may hold."""

    search = forbidden_search(multiline)

    def check(value: Any) -> str | None:
        if type(value) is not str:
            return f"is {_kind(value)}, not text"
        if len(value) > most:
            return f"is {len(value):,} characters long; the most is {most:,}"
        if required and (not value or value.isspace()):
            return "is empty"
        bad = search(value)
        if bad is not None:
            return f"holds the character {describe_char(bad.group())}"
        return None

    return check


_GOOD_IDS: set[str] = set()
"""Ids that passed (a cache: a log names the same few hundred ids again and again)."""


def ident(value: Any, _match: Callable[[str], Any] = _ID.match) -> str | None:
    """An id: letters, digits and - _ . : only, at most 64 characters."""
    if type(value) is str and _match(value):
        if len(_GOOD_IDS) < 100_000:
            _GOOD_IDS.add(value)
        return None
    if type(value) is not str:
        return f"is {_kind(value)}, not an id"
    return f"'{value[:MAX_ID]}' is not an id"


def optional_ident(value: Any) -> str | None:
    """An id, or null."""
    return None if value is None else ident(value)


def ids(value: Any) -> str | None:
    """A list of ids."""
    if type(value) is not list:
        return f"is {_kind(value)}, not a list"
    if len(value) > MAX_LIST:
        return f"lists {len(value):,} items; the most is {MAX_LIST:,}"
    for item in value:
        problem = ident(item)
        if problem:
            return f"holds an item that {problem}"
    return None


def token_hash(value: Any) -> str | None:
    """The sha256 of a phone's token, as 64 hex digits."""
    if type(value) is str and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return None
    return f"is {_show(value)}, not the hash of a phone's token"


def phones_key(value: Any) -> str | None:
    """The key in the phones' address: 22 to 64 URL-safe characters."""
    if type(value) is str and 22 <= len(value) <= 64 and \
            all(c.isascii() and (c.isalnum() or c in "-_") for c in value):
        return None
    return f"is {_show(value)}, not a key for the phones' address"


def review_item(value: Any) -> str | None:
    """An item of the followed workshop: action:N, gave:N, got:N or agreed:N."""
    if type(value) is str and ITEM.match(value):
        return None
    return f"is {_show(value)}, not an item to review (action:N, gave:N, got:N, agreed:N)"


def one_of(*choices: str) -> Check:
    """One of the given words."""

    def check(value: Any) -> str | None:
        if value not in choices or type(value) is not str:
            return f"is {_show(value)}, not one of {', '.join(choices)}"
        return None

    return check


def whole(lowest: int, highest: int) -> Check:
    """A whole number in a range (true and false are not numbers here)."""

    def check(value: Any) -> str | None:
        if type(value) is not int:
            return f"is {_show(value)}, not a whole number"
        if not lowest <= value <= highest:
            return f"is {value}, not between {lowest} and {highest}"
        return None

    return check


def day(value: Any) -> str | None:
    """A date as YYYY-MM-DD, or "" for none."""
    if type(value) is not str:
        return f"is {_kind(value)}, not a date"
    if value == "":
        return None
    try:
        if _DATE.match(value):
            date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return f"'{value[:20]}' is not a date (YYYY-MM-DD)"


def timestamp(value: Any) -> str | None:
    """An ISO 8601 time with its zone, as the engine writes it."""
    try:
        if type(value) is str and len(value) <= 40 and value[10:11] == "T" and \
                datetime.fromisoformat(value).tzinfo is not None:
            return None
    except ValueError:
        pass
    return f"{_show(value)} is not a time"


NAME = text()
LINES = text(multiline=True)
OPTIONAL_LINES = text(required=False, multiline=True)
OPTIONAL_NAME = text(required=False)
ROUND = ident
LIMIT = whole(0, 24 * 3600)

SHAPES: dict[str, dict[str, tuple[Check, bool]]] = {
    # kind: {field: (check, required)}
    "details_set": {"title": (OPTIONAL_NAME, False), "place": (OPTIONAL_NAME, False),
                    "date": (day, False), "facilitator": (OPTIONAL_NAME, False),
                    "language": (one_of("da", "en"), False)},
    "org_added": {"id": (ident, True), "name": (NAME, True),
                  "org_type": (one_of(*ORGANISATION_TYPES), True)},
    "org_changed": {"id": (ident, True), "name": (NAME, False),
                    "org_type": (one_of(*ORGANISATION_TYPES), False)},
    "org_removed": {"id": (ident, True)},
    "participant_added": {"id": (ident, True), "name": (NAME, True), "org": (ident, True)},
    "participant_changed": {"id": (ident, True), "name": (NAME, False), "org": (ident, False)},
    "participant_removed": {"id": (ident, True)},
    "order_set": {"participants": (ids, False), "organisations": (ids, False)},
    "round_started": {"round": (ROUND, True)},
    "session_ended": {},
    "card_drawn": {"round": (ROUND, True), "taker": (ident, True), "card": (ident, True),
                   "how": (one_of("draw", "choose"), False), "limit": (LIMIT, False)},
    "turn_ended": {"round": (ROUND, True), "taker": (ident, True),
                   "outcome": (one_of(*OUTCOMES), True)},
    "timer_paused": {"round": (ROUND, True), "taker": (ident, True)},
    "timer_resumed": {"round": (ROUND, True), "taker": (ident, True)},
    "timer_extended": {"round": (ROUND, True), "taker": (ident, True),
                       "seconds": (whole(1, 3600), True)},
    "note_added": {"id": (ident, True), "round": (optional_ident, False),
                   "taker": (optional_ident, False), "text": (LINES, True)},
    "picked": {"id": (ident, True), "round": (ROUND, True), "org": (ident, True),
               "side": (one_of("give", "get"), True), "card": (ident, True),
               "text": (text(required=False), False), "reason": (OPTIONAL_LINES, False)},
    "vote_set": {"round": (ROUND, True), "participant": (ident, True), "value": (ident, True),
                 "dots": (whole(0, 1000), True)},
    "vote_done": {"round": (ROUND, True), "participant": (ident, True)},
    "votes_revealed": {"round": (ROUND, True)},
    "agreed_added": {"id": (ident, True), "text": (LINES, True), "values": (ids, True),
                     "orgs": (ids, True)},
    "dissent_added": {"id": (ident, True), "agreed": (ident, True), "org": (ident, True),
                      "text": (LINES, True)},
    "action_added": {"id": (ident, True), "what": (LINES, True), "org": (ident, True),
                     "person": (OPTIONAL_NAME, False), "due": (day, False)},
    "follow_up_set": {"date": (day, True)},
    "reviewed": {"round": (ROUND, True), "item": (review_item, True),
                 "status": (one_of(*sorted({s for kind in STATUSES.values() for s in kind})),
                            True),
                 "note": (OPTIONAL_LINES, False)},
    "phone_bound": {"participant": (ident, True), "token": (token_hash, True)},
    "phone_released": {"participant": (ident, True)},
    "phones_opened": {"key": (phones_key, True)},
    "item_edited": {"id": (ident, True), "field": (ident, True), "value": (lambda v: None, True)},
    "item_removed": {"id": (ident, True)},
    "undo": {"target": (whole(1, 10**9), True)},
    "redo": {"target": (whole(1, 10**9), True)},
}
"""Every kind of event, with its fields. seq, ts and type are common to all."""

EDITED_VALUE: dict[str, Check] = {
    "text": LINES, "reason": OPTIONAL_LINES, "what": LINES, "person": OPTIONAL_NAME,
    "due": day, "org": ident, "agreed": ident, "values": ids, "orgs": ids,
}
"""What the new value of each editable field must be."""

_COMMON = frozenset(("seq", "ts", "type"))
_ALLOWED = {kind: frozenset(fields) | _COMMON for kind, fields in SHAPES.items()}
_FIELDS = {kind: tuple((name, check, required) for name, (check, required) in fields.items())
           for kind, fields in SHAPES.items()}


def check_shape(event: Any, seq: int) -> str | None:
    """What is wrong with an event as written (its fields alone), or None."""
    if type(event) is not dict:
        return f"is {_kind(event)}, not an event"
    if event.get("seq") != seq or type(event.get("seq")) is not int:
        return f"should be event number {seq}, but says {_show(event.get('seq'))}"
    kind = event.get("type")
    fields = _FIELDS.get(kind) if type(kind) is str else None
    if fields is None:
        return (f"is of an unknown kind {_show(kind)}; the file may come from a newer "
                "vaerdispil (update it)")
    problem = timestamp(event.get("ts"))
    if problem:
        return f"({kind}): its time {problem}"
    for name, check, required in fields:
        value = event.get(name, _ABSENT)
        if value is _ABSENT:
            if required:
                return f"({kind}): '{name}' is missing"
            continue
        if check is ident and value.__class__ is str and value in _GOOD_IDS:
            continue  # seen and checked already (ids repeat through a log)
        problem = check(value)
        if problem:
            return f"({kind}): '{name}' {problem}"
    if not event.keys() <= _ALLOWED[kind]:
        extra = sorted(event.keys() - _ALLOWED[kind])
        return f"({kind}): has an unknown field '{extra[0]}'"
    if kind == "item_edited":
        value_check = EDITED_VALUE.get(event["field"])
        if value_check is None:
            return f"(item_edited): '{event['field']}' is not a field that can be changed"
        problem = value_check(event["value"])
        if problem:
            return f"(item_edited): the new {event['field']} {problem}"
    return None


def check_refs(state: SessionState, deck: Deck, event: Event) -> str | None:
    """What an event names that does not exist at its point in the workshop (or goes
    beyond what the round allows), or None. `state` is the workshop before it."""
    check = _REFS.get(event["type"])
    return None if check is None else check(state, deck, event)


def _org(state: SessionState, org_id: Any) -> str | None:
    return None if org_id in state.organisations else f"names an unknown organisation '{org_id}'"


def _person(state: SessionState, person_id: Any) -> str | None:
    if person_id in state.participants:
        return None
    return f"names an unknown participant '{person_id}'"


def _taker(state: SessionState, taker: Any) -> str | None:
    if taker is None or taker in state.participants or taker in state.organisations:
        return None
    return f"names an unknown participant or organisation '{taker}'"


def _round(deck: Deck, round_id: Any) -> str | None:
    if round_id is None or (type(round_id) is str and deck.round(round_id) is not None):
        return None
    return f"names a round '{round_id}' that the workshop's deck does not have"


def _card(deck: Deck, card_id: str) -> str | None:
    try:
        deck.card(card_id)
    except KeyError:
        return f"names a card '{card_id}' that the workshop's deck does not have"
    return None


def _new(state: SessionState, item_id: str, table: dict[str, Any] | None = None) -> str | None:
    taken = item_id in table if table is not None else find_item(state, item_id) is not None
    return f"gives the id '{item_id}', which is taken already" if taken else None


def _first(*problems: str | None) -> str | None:
    return next((problem for problem in problems if problem), None)


def _value_key(state: SessionState, deck: Deck, key: str) -> str | None:
    kind, _, ident_ = key.partition(":")
    if kind == "card" and _card(deck, ident_) is None:
        return None
    if kind == "own" and ident_ in state.picks:
        return None
    return f"names an unknown value '{key}'"


def _on_table(state: SessionState, deck: Deck, key: str) -> bool:
    """Whether a value key names a value picked so far (as picks.picked_values names
    them, without building the values themselves: this runs for every vote read)."""
    kind, _, ident_ = key.partition(":")
    if kind == "own":
        pick = state.picks.get(ident_)
        return pick is not None and deck.card(pick.card).kind is CardKind.BLANK
    if kind != "card" or _card(deck, ident_) is not None:
        return False
    return deck.card(ident_).kind is not CardKind.BLANK and \
        any(pick.card == ident_ for pick in state.picks.values())


def _vote(state: SessionState, deck: Deck, e: Event) -> str | None:
    round_ = deck.round(e["round"])
    if round_ is None or round_.mode is not Mode.VOTE:
        return f"is a vote in '{e['round']}', which is not a vote round of the deck"
    problem = _person(state, e["participant"])
    if problem:
        return problem
    if not _on_table(state, deck, e["value"]):
        return f"puts dots on '{e['value']}', which is not a value on the table"
    budget = round_.dots or 0
    most = budget if round_.stack else min(1, budget)
    if e["dots"] > most:
        return f"puts {e['dots']} dots on one value; the round allows {most}"
    mine = state.rounds.get(round_.id)
    placed = mine.votes.get(e["participant"], {}) if mine else {}
    total = sum(d for k, d in placed.items()
                if k != e["value"] and _on_table(state, deck, k)) + e["dots"]
    if total > budget:
        return f"gives the participant {total} dots in all; the round has {budget} each"
    return None


def _timer(state: SessionState, deck: Deck, e: Event) -> str | None:
    record = state.rounds.get(e["round"])
    turn = record.turns.get(e["taker"]) if record else None
    if turn is None or turn.timer is None:
        return "is about a timer that is not running"
    if e["type"] == "timer_resumed" and turn.timer.paused_at is None:
        return "resumes a timer that is not paused"
    if e["type"] == "timer_paused" and turn.timer.paused_at is not None:
        return "pauses a timer that is paused already"
    return None


def _edited(state: SessionState, deck: Deck, e: Event) -> str | None:
    found = find_item(state, e["id"])
    if found is None:
        return f"changes '{e['id']}', which does not exist"
    collection, item = found
    if e["field"] not in EDITABLE[collection]:
        return f"changes '{e['field']}' of a {collection[:-1]}, which cannot be changed"
    value = e["value"]
    if e["field"] == "org":
        return _org(state, value)
    if e["field"] == "orgs":
        return _first(*(_org(state, org) for org in value))
    if e["field"] == "agreed":
        return None if value in state.agreed else f"moves a dissent to unknown '{value}'"
    if e["field"] == "values":
        return _first(*(_value_key(state, deck, key) for key in value))
    if collection == "picks" and e["field"] == "text" and \
            deck.card(item.card).kind is not CardKind.BLANK:
        return "gives own words to a card that is not blank"
    return None


_REFS: dict[str, Callable[[SessionState, Deck, Event], str | None]] = {
    "org_added": lambda s, d, e: _new(s, e["id"], s.organisations),
    "org_changed": lambda s, d, e: _org(s, e["id"]),
    "org_removed": lambda s, d, e: _org(s, e["id"]),
    "participant_added": lambda s, d, e: _first(_new(s, e["id"], s.participants),
                                                _org(s, e["org"])),
    "participant_changed": lambda s, d, e: _first(_person(s, e["id"]),
                                                  _org(s, e["org"]) if "org" in e else None),
    "participant_removed": lambda s, d, e: _person(s, e["id"]),
    "order_set": lambda s, d, e: _first(
        None if sorted(e.get("participants", s.order)) == sorted(s.order)
        else "sets a turn order of other participants than there are",
        None if sorted(e.get("organisations", s.org_order)) == sorted(s.org_order)
        else "sets a turn order of other organisations than there are"),
    "round_started": lambda s, d, e: _round(d, e["round"]),
    "card_drawn": lambda s, d, e: _first(_round(d, e["round"]), _taker(s, e["taker"]),
                                         _card(d, e["card"])),
    "turn_ended": lambda s, d, e: _first(_round(d, e["round"]), _taker(s, e["taker"])),
    "timer_paused": _timer,
    "timer_resumed": _timer,
    "timer_extended": _timer,
    "note_added": lambda s, d, e: _first(_new(s, e["id"]), _round(d, e.get("round")),
                                         _taker(s, e.get("taker"))),
    "picked": lambda s, d, e: _first(_new(s, e["id"]), _round(d, e["round"]),
                                     _org(s, e["org"]), _card(d, e["card"])),
    "vote_set": _vote,
    "vote_done": lambda s, d, e: _first(_round(d, e["round"]), _person(s, e["participant"])),
    "votes_revealed": lambda s, d, e: _round(d, e["round"]),
    "agreed_added": lambda s, d, e: _first(
        _new(s, e["id"]), *(_value_key(s, d, key) for key in e["values"]),
        *(_org(s, org) for org in e["orgs"])),
    "dissent_added": lambda s, d, e: _first(
        _new(s, e["id"]), None if e["agreed"] in s.agreed
        else f"disagrees with unknown '{e['agreed']}'", _org(s, e["org"])),
    "action_added": lambda s, d, e: _first(_new(s, e["id"]), _org(s, e["org"])),
    "reviewed": lambda s, d, e: _first(
        _round(d, e["round"]),
        None if item_exists(s.then, e["item"])
        else f"reviews '{e['item']}', which the workshop it follows does not have",
        None if e["status"] in STATUSES[e["item"].split(":")[0]]
        else f"says '{e['status']}' of '{e['item']}', which cannot be said of it"),
    "phone_bound": lambda s, d, e: _first(
        _person(s, e["participant"]),
        f"binds a second phone to '{e['participant']}'" if e["participant"] in s.phones
        else None),
    "phone_released": lambda s, d, e: None if e["participant"] in s.phones
    else f"releases the phone of '{e['participant']}', who has none",
    "item_edited": _edited,
    "item_removed": lambda s, d, e: None if find_item(s, e["id"]) is not None
    else f"removes '{e['id']}', which does not exist",
}

assert set(_REFS) | {"details_set", "session_ended", "follow_up_set", "undo", "redo",
                     "phones_opened"} == \
    set(SHAPES), "every kind of event is declared once"
assert set(ITEM_COLLECTIONS) == set(EDITABLE)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "something")


def _show(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
