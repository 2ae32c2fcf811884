"""Reading a workshop: its events folded into its state, checked as they go, and how
to undo one event without folding them all again. What the saved list, the report, the
exports and the engine (session.game) share; it needs none of the game's rules, so a
command that only reads workshops starts without them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from ..deck.model import Deck
from ..game.events import REDO, UNDO, Event, apply, find_item, new_state
from ..game.state import SessionState
from .log import Header, SessionError, read
from .schema import check_refs


def undo_stacks(events: list[Event]) -> tuple[list[int], list[int]]:
    """Which events count (done, in order) and which can be redone (latest last).

    Raises ValueError (with the event's seq) if an undo or redo names the wrong event.
    """
    done: list[int] = []
    undone: list[int] = []
    for event in events:
        kind = event["type"]
        if kind == UNDO:
            if not done or event.get("target") != done[-1]:
                raise ValueError(event["seq"])
            undone.append(done.pop())
        elif kind == REDO:
            if not undone or event.get("target") != undone[-1]:
                raise ValueError(event["seq"])
            done.append(undone.pop())
        else:
            done.append(event["seq"])
            undone.clear()
    return done, undone


class EventProblem(Exception):
    """An event read from a file names what does not exist at its point (see schema)."""

    def __init__(self, seq: int, problem: str) -> None:
        super().__init__(f"event {seq} {problem}")
        self.seq = seq
        self.problem = problem

    def message(self, path: object) -> str:
        """One line naming the file, the line and the event."""
        return (f"{path}:{self.seq + 1}: event {self.seq} {self.problem}; the file is damaged "
                "and left as it is (restore it from a backup, or open it in a text editor "
                "and mend that line)")


def fold(deck: Deck, header: Header, events: list[Event], done: list[int],
         check: bool = False, undos: dict[int, Undo] | None = None,
         keep_last: int = 0) -> SessionState:
    """The state after the events that are done. With `check`, each event's references
    are checked against the state before it (events read from a file; see schema).
    With `undos`, how to undo each of the last `keep_last` events is kept there."""
    state = new_state(deck.id, deck.content_hash, header.seed, deck.language, header.follows)
    window = len(done) - keep_last if undos is not None else len(done)
    for count, seq in enumerate(done):
        event = events[seq - 1]
        if check:
            problem = check_refs(state, deck, event)
            if problem:
                raise EventProblem(seq, f"({event['type']}) {problem}")
        if count >= window and undos is not None:
            undos[seq] = apply_keeping_undo(state, deck, event)
        else:
            apply(state, deck, event)
    return state


_TOUCHES: dict[str, tuple[str, ...]] = {
    "details_set": ("details",),
    "org_added": ("organisations", "org_order"),
    "org_changed": ("organisations",),
    "org_removed": ("organisations",),
    "participant_added": ("participants", "order"),
    "participant_changed": ("participants",),
    "participant_removed": ("participants",),
    "order_set": ("order", "org_order"),
    "round_started": ("round_index", "ended", "ended_at"),
    "session_ended": ("ended", "ended_at"),
    "follow_up_set": ("follow_up",),
    "phone_bound": ("phones",),
    "phone_released": ("phones",),
    "phones_opened": ("phones_key",),
    "item_removed": ("dissents",),
}
"""The parts of the state (beyond the item and the round it names) that each kind of
event changes."""

_ROUND_OF_EVENT = frozenset(("round_started", "card_drawn", "turn_ended", "timer_paused",
                             "timer_resumed", "timer_extended", "vote_set", "vote_done",
                             "votes_revealed"))
"""Events that change the record of the round they name."""
_ROUND_ON_TABLE = frozenset(("org_added", "participant_added", "participant_changed"))
"""Events that change the record of the round on the table (who was there)."""

_ABSENT = object()


def _clone(value: Any) -> Any:
    """A copy of a part of the state, deep enough that changing the state later leaves
    it as it was: the state is a tree of dataclasses, dicts, lists and plain values with
    nothing shared, so this is a deep copy without copy.deepcopy's bookkeeping (which
    made every action several times slower)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [_clone(item) for item in value]
    if isinstance(value, dict):
        return {key: _clone(item) for key, item in value.items()}
    cls = value.__class__
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(field.name for field in dataclass_fields(value))
    copied = object.__new__(cls)
    for name in fields:
        object.__setattr__(copied, name, _clone(getattr(value, name)))
    return copied


_FIELDS: dict[type, tuple[str, ...]] = {}

Undo = list[tuple[Any, ...]]
"""How to put the state back as it was before one event: saved copies of what it changes."""


def _items(state: SessionState, event: Event) -> list[tuple[str, str]]:
    """The items (collection, id) an event adds, changes or removes."""
    kind = event["type"]
    if kind == "reviewed":
        return [("reviews", event["item"])]
    new = {"note_added": "notes", "picked": "picks", "agreed_added": "agreed",
           "dissent_added": "dissents", "action_added": "actions"}
    if kind in new:
        items = [(new[kind], event["id"])]
        if kind == "dissent_added":  # the organisation stops backing the value
            items.append(("agreed", event["agreed"]))
        return items
    if kind in ("item_edited", "item_removed"):
        found = find_item(state, event["id"])
        items = [(found[0], event["id"])] if found else []
        if kind == "item_edited" and event["field"] == "agreed":
            items.append(("agreed", event["value"]))
        return items
    return []


def apply_keeping_undo(state: SessionState, deck: Deck, event: Event) -> Undo:
    """Apply an event, and return what puts the state back as it was before it."""
    kind = event["type"]
    saved: Undo = [("part", name, _clone(getattr(state, name)))
                   for name in _TOUCHES.get(kind, ())]
    round_id = event["round"] if kind in _ROUND_OF_EVENT else None
    if kind in _ROUND_ON_TABLE and state.round_index is not None:
        round_id = deck.rounds[state.round_index].id
    if round_id is not None:  # one round's record, not all of them
        old = state.rounds.get(round_id, _ABSENT)
        saved.append(("item", "rounds", round_id,
                      old if old is _ABSENT else _clone(old), -1))
    for collection, key in _items(state, event):
        table = getattr(state, collection)
        old = table.get(key, _ABSENT)
        # Where it stood: an item put back after a removal goes back to its place.
        place = list(table).index(key) if event["type"] == "item_removed" and \
            old is not _ABSENT else -1
        saved.append(("item", collection, key, old if old is _ABSENT else _clone(old),
                      place))
    apply(state, deck, event)
    return saved


def restore(state: SessionState, saved: Undo) -> None:
    """Put back what `apply_keeping_undo` saved (the latest change first)."""
    for entry in reversed(saved):
        if entry[0] == "part":
            setattr(state, entry[1], entry[2])
        else:
            _, collection, key, old, place = entry
            table = getattr(state, collection)
            if old is _ABSENT:
                table.pop(key, None)
            elif place >= 0 and key not in table:  # back in its place, order and all
                items = list(table.items())
                items.insert(place, (key, old))
                table.clear()
                table.update(items)
            else:
                table[key] = old


@dataclass(frozen=True)
class Replay:
    """A session file read and replayed without locking or changing it."""

    path: Path
    header: Header
    state: SessionState
    warnings: list[str]
    last_change: str
    """Timestamp of the last event (the creation time if there is none)."""

    @property
    def deck(self) -> Deck:
        """The deck the workshop was played with (its own copy)."""
        return self.header.deck


_FOLD_ERRORS = (KeyError, TypeError, AssertionError, AttributeError, IndexError,
                StopIteration, ValueError)


def replay(path: str | os.PathLike[str]) -> Replay:
    """Read a session file and fold it into its state, for exports, lists and reports.

    Raises SessionError (one line naming the file) when it cannot be read or replayed.
    """
    recording = read(path)
    try:
        done, _ = undo_stacks(recording.events)
        state = fold(recording.header.deck, recording.header, recording.events, done, True)
    except EventProblem as problem:
        raise SessionError(problem.message(path)) from None
    except ValueError as error:
        raise SessionError(f"{path}:{int(error.args[0]) + 1}: an undo or redo here does not fit "
                           "the events before it; the file is damaged and left as it is") from None
    except _FOLD_ERRORS:
        raise SessionError(f"{path}: the workshop could not be replayed; it is damaged "
                           "(opening it with vaerdispil play says where)") from None
    last = recording.events[-1]["ts"] if recording.events else recording.header.created
    return Replay(Path(path), recording.header, state, list(recording.warnings), last)
