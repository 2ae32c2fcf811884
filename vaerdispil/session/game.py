"""A workshop in play: commands in, events to the log, state out.

Each command is checked by the rules, written to the session log (flushed and
fsynced) and only then folded into the state, so whatever a screen shows as done is
already on disk. Undo and redo are events too: the state is the fold of the events
that are done, so nothing is ever rewritten.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..deck.model import Deck
from ..game import rules
from ..game.checks import text_field
from ..game.events import REDO, UNDO, Event, apply, new_state
from ..game.roster import RosterLine
from .clock import Clock, utc_now
from .log import Header, Recording, SessionError, SessionLog
from .replay import (  # noqa: F401 - Replay, replay: also read from here
    _FOLD_ERRORS,
    EventProblem,
    Replay,
    Undo,
    apply_keeping_undo,
    fold,
    replay,
    restore,
    undo_stacks,
)


def timestamp(moment: datetime) -> str:
    """An event's timestamp: UTC, milliseconds, ISO 8601."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


JOURNAL_KEPT = 5000
"""Actions whose undo is kept at hand (beyond them, undo folds the whole log once)."""
JOURNAL_ON_OPEN = 200
"""The last actions of a file that is opened get their undo at hand too."""

class Game:
    """One workshop: its deck, its log and its state. Use new() or open()."""

    def __init__(self, deck: Deck, log: SessionLog, header: Header, events: list[Event],
                 clock: Clock = utc_now, warnings: list[str] | None = None,
                 check: bool = False) -> None:
        self.deck = deck
        self.log = log
        self.header = header
        self.events = events
        self.clock = clock
        self.warnings = warnings or []
        """What opening the file had to say (a dropped torn line)."""
        self._done, self._undone = undo_stacks(events)
        self._undos: dict[int, Undo] = {}
        """How to undo each of the latest actions, by the seq of its event (the last ones
        of an opened file too), so that undo need not fold the whole log again."""
        self.state = fold(deck, header, events, self._done, check, self._undos,
                          JOURNAL_ON_OPEN)

    # -- making and opening --------------------------------------------------

    @classmethod
    def new(cls, path: str | os.PathLike[str], deck: Deck, *, seed: int | None = None,
            clock: Clock = utc_now, follows: dict[str, Any] | None = None,
            **details: str) -> Game:
        """Start a workshop in a new file; `details` are title, place, date, facilitator;
        `follows`, for a follow-up meeting, the workshop it follows (see followup.py)."""
        seed = secrets.randbits(48) if seed is None else seed
        created = timestamp(clock())
        log = SessionLog.create(path, deck, seed, created, follows)
        header = Header(app="", created=created, seed=seed, deck=deck, follows=follows)
        game = cls(deck, log, header, [], clock)
        details.setdefault("language", deck.language)
        try:
            game._commit(rules.decide_details(**details))
        except BaseException:  # nothing of the user's is in it yet: leave no file behind
            log.close()
            Path(path).unlink(missing_ok=True)
            raise
        return game

    @classmethod
    def open(cls, path: str | os.PathLike[str], deck: Deck | None = None,
             clock: Clock = utc_now) -> Game:
        """Resume a workshop where it stopped. `deck`, if given, must be the one it was played
        with (the session keeps its own copy of the deck, used when none is given)."""
        log, recording = SessionLog.open(path)
        try:
            game = cls._from_recording(log, recording, deck, clock)
        except BaseException:
            log.close()
            raise
        game.resumed = True
        return game

    @classmethod
    def _from_recording(cls, log: SessionLog, recording: Recording, deck: Deck | None,
                        clock: Clock) -> Game:
        header = recording.header
        if deck is not None and deck.content_hash != header.deck.content_hash:
            raise SessionError(
                f"{log.path}:1: this workshop was played with another version of the deck "
                f"'{header.deck.id}' than {deck.source}; open it without --deck to use the copy "
                "it keeps")
        try:
            return cls(deck or header.deck, log, header, recording.events, clock,
                       recording.warnings, check=True)
        except EventProblem as problem:
            raise SessionError(problem.message(log.path)) from None
        except ValueError as error:
            raise SessionError(f"{log.path}:{int(error.args[0]) + 1}: an undo or redo here "
                               "does not fit the events before it; the file is damaged and "
                               "left as it is") from None
        except _FOLD_ERRORS as error:
            raise SessionError(_fold_failure(log, recording, error)) from None

    resumed = False
    """Whether the workshop was read from its file (Game.open), not begun in this run."""

    def close(self) -> None:
        """Release the session file (everything is saved already)."""
        self.log.close()

    # -- the machinery -------------------------------------------------------

    @property
    def next_seq(self) -> int:
        """The number the next event will get."""
        return len(self.events) + 1

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}{self.next_seq}"

    def _commit(self, payload: Event) -> Event:
        event = {"seq": self.next_seq, "ts": timestamp(self.clock()), **payload}
        self.log.append(event)  # on disk first: a crash after this keeps the event
        self.events.append(event)
        if event["type"] == UNDO:  # put back what the action changed
            target = self._done.pop()
            self._undone.append(target)
            saved = self._undos.pop(target, None)
            if saved is not None:
                restore(self.state, saved)
            else:  # older than the undos kept: fold the log once
                self.state = fold(self.deck, self.header, self.events, self._done)
        elif event["type"] == REDO:  # the action once more
            target = self._undone.pop()
            self._done.append(target)
            self._keep(target, apply_keeping_undo(self.state, self.deck,
                                                  self.events[target - 1]))
        else:
            self._done.append(event["seq"])
            self._undone.clear()
            self._keep(event["seq"], apply_keeping_undo(self.state, self.deck, event))
        return event

    def _keep(self, seq: int, saved: Undo) -> None:
        self._undos[seq] = saved
        if len(self._undos) > JOURNAL_KEPT:  # the oldest goes (dicts keep their order)
            del self._undos[next(iter(self._undos))]

    @property
    def can_undo(self) -> bool:
        """Whether there is an action to undo (setting up the details counts as none)."""
        return len(self._done) > 1

    @property
    def can_redo(self) -> bool:
        """Whether an undone action can be done again."""
        return bool(self._undone)

    def undo(self) -> Event:
        """Undo the latest action; returns the event that was undone (to say what it was)."""
        if not self.can_undo:
            raise rules.RuleError("error.nothing_to_undo")
        target = self._done[-1]
        rules.check_undo(self.state, self.deck, self.events[target - 1])
        self._commit({"type": UNDO, "target": target})
        return self.events[target - 1]

    def redo(self) -> Event:
        """Do the latest undone action again; returns that action's event."""
        if not self.can_redo:
            raise rules.RuleError("error.nothing_to_redo")
        target = self._undone[-1]
        self._commit({"type": REDO, "target": target})
        return self.events[target - 1]

    def now(self) -> float:
        """The clock, as epoch seconds (for timers)."""
        return self.clock().timestamp()

    # -- commands (each returns the event it made) -----------------------------

    def set_details(self, **details: str) -> Event:
        """Title, place, date (YYYY-MM-DD), facilitator, language."""
        return self._commit(rules.decide_details(**details))

    def add_organisation(self, name: str, org_type: str) -> str:
        """Add an organisation; returns its id."""
        event = self._commit(rules.decide_add_org(self.state, self._new_id("o"), name, org_type))
        return str(event["id"])

    def add_roster_line(self, line: RosterLine) -> tuple[str, list[str]]:
        """An organisation and its people, from a line of the set-up's list: the
        organisation already at the table by that name (its type changed if the line
        says another), else a new one; then each person not already in it. Every name
        is checked before anything is saved, so a refused line adds nothing. Returns the
        organisation's id and the ids of the people added."""
        state = self.state
        org_id = next((org.id for org in state.active_organisations()
                       if org.name.casefold() == line.organisation.casefold()), None)
        rules.decide_add_org(state, "", line.organisation, line.org_type)  # checks only
        there = {person.name.casefold() for person in state.active_participants()
                 if person.org == org_id}
        people = []
        for name in line.people:
            checked = text_field(name, "name")
            if checked.casefold() not in there:
                there.add(checked.casefold())
                people.append(checked)
        if org_id is None:
            org_id = self.add_organisation(line.organisation, line.org_type)
        elif line.type_given and state.organisations[org_id].type != line.org_type:
            self.change_organisation(org_id, org_type=line.org_type)
        return org_id, [self.add_participant(name, org_id) for name in people]

    def move(self, target: str | os.PathLike[str]) -> None:
        """Give the workshop's file another name (in set-up, when its date or title
        changes); never over an existing file."""
        self.log.move_to(Path(target))

    def change_organisation(self, org_id: str, name: str | None = None,
                            org_type: str | None = None) -> Event:
        return self._commit(rules.decide_change_org(self.state, org_id, name, org_type))

    def remove_organisation(self, org_id: str) -> Event:
        return self._commit(rules.decide_remove_org(self.state, org_id))

    def add_participant(self, name: str, org_id: str) -> str:
        """Add a participant; returns their id."""
        event = self._commit(rules.decide_add_participant(self.state, self._new_id("p"), name,
                                                          org_id))
        return str(event["id"])

    def change_participant(self, participant_id: str, name: str | None = None,
                           org_id: str | None = None) -> Event:
        return self._commit(rules.decide_change_participant(self.state, participant_id, name,
                                                            org_id))

    def remove_participant(self, participant_id: str) -> Event:
        return self._commit(rules.decide_remove_participant(self.state, participant_id))

    def set_order(self, participants: list[str] | None = None,
                  organisations: list[str] | None = None) -> Event:
        return self._commit(rules.decide_order(self.state, participants, organisations))

    def start_round(self, round_id: str) -> Event:
        return self._commit(rules.decide_start_round(self.state, self.deck, round_id))

    def next_round(self) -> Event:
        """Start the round after the current one (the first, during set-up)."""
        index = 0 if self.state.round_index is None else self.state.round_index + 1
        if index >= len(self.deck.rounds):
            raise rules.RuleError("error.last_round")
        return self.start_round(self.deck.rounds[index].id)

    def end_session(self) -> Event:
        return self._commit(rules.decide_end_session(self.state))

    def draw(self) -> Event:
        """Draw a random card for the current turn (again: another card)."""
        return self._commit(rules.decide_draw(self.state, self.deck, self.next_seq))

    def choose(self, card_id: str) -> Event:
        """Put the chosen card on the table for the current turn."""
        return self._commit(rules.decide_draw(self.state, self.deck, self.next_seq, card_id))

    def end_turn(self, outcome: str = "answered") -> Event:
        return self._commit(rules.decide_end_turn(self.state, self.deck, outcome))

    def pause_timer(self) -> Event:
        return self._commit(rules.decide_pause(self.state, self.deck))

    def resume_timer(self) -> Event:
        return self._commit(rules.decide_resume(self.state, self.deck))

    def extend_timer(self, seconds: int = 60) -> Event:
        return self._commit(rules.decide_extend(self.state, self.deck, seconds))

    def note(self, text: str, taker: str | None = None) -> str:
        """Note what was said; returns the note's id."""
        event = self._commit(rules.decide_note(self.state, self.deck, self._new_id("n"), text,
                                               taker))
        return str(event["id"])

    def pick(self, org_id: str, card_id: str, side: str | None = None, reason: str = "",
             text: str = "") -> str:
        """An organisation picks a value it gives or gets; returns the pick's id."""
        event = self._commit(rules.decide_pick(self.state, self.deck, self._new_id("k"), org_id,
                                               card_id, side, reason, text))
        return str(event["id"])

    def vote(self, participant_id: str, value: str, dots: int, in_turn: bool = True) -> Event:
        return self._commit(rules.decide_vote(self.state, self.deck, participant_id, value, dots,
                                              in_turn))

    def finish_vote(self, participant_id: str, in_turn: bool = True) -> Event:
        return self._commit(rules.decide_vote_done(self.state, self.deck, participant_id,
                                                   in_turn))

    def bind_phone(self, participant_id: str, token_hash: str) -> Event:
        """A participant's own phone (the sha256 of its token) joins the workshop."""
        return self._commit(rules.decide_bind_phone(self.state, participant_id, token_hash))

    def release_phone(self, participant_id: str) -> Event:
        return self._commit(rules.decide_release_phone(self.state, participant_id))

    def open_phones(self, key: str) -> Event:
        """Keep the key of the phones' address (the first time phones go on)."""
        return self._commit(rules.decide_open_phones(self.state, key))

    def reveal_votes(self) -> Event:
        return self._commit(rules.decide_reveal(self.state, self.deck))

    def agree(self, text: str, values: list[str] | None = None,
              orgs: list[str] | None = None) -> str:
        """Record an agreed value; returns its id."""
        event = self._commit(rules.decide_agree(self.state, self.deck, self._new_id("v"), text,
                                                values or [], orgs or []))
        return str(event["id"])

    def dissent(self, agreed_id: str, org_id: str, text: str) -> str:
        event = self._commit(rules.decide_dissent(self.state, self._new_id("d"), agreed_id,
                                                  org_id, text))
        return str(event["id"])

    def add_action(self, what: str, org_id: str, person: str = "", due: str = "") -> str:
        event = self._commit(rules.decide_action(self.state, self._new_id("a"), what, org_id,
                                                 person, due))
        return str(event["id"])

    def set_follow_up(self, date: str) -> Event:
        return self._commit(rules.decide_follow_up(self.state, date))

    def review(self, item: str, status: str, note: str = "") -> Event:
        """In a follow-up's review round: how an item of the followed workshop went."""
        return self._commit(rules.decide_review(self.state, self.deck, item, status, note))

    def edit(self, item_id: str, field: str, value: Any) -> Event:
        return self._commit(rules.decide_edit(self.state, self.deck, item_id, field, value))

    def remove(self, item_id: str) -> Event:
        return self._commit(rules.decide_remove(self.state, self.deck, item_id))


def _fold_failure(log: SessionLog, recording: Recording, error: Exception) -> str:
    """Name the line whose event broke the fold, by replaying up to it."""
    deck = recording.header.deck
    events = recording.events
    try:
        done, _ = undo_stacks(events)
    except ValueError:  # pragma: no cover - reported before this is reached
        done = [event["seq"] for event in events]
    state = new_state(deck.id, deck.content_hash, recording.header.seed, deck.language,
                      recording.header.follows)
    for seq in done:
        try:
            apply(state, deck, events[seq - 1])
        except Exception:  # noqa: BLE001 - we are looking for the line to name
            return (f"{log.path}:{seq + 1}: this event does not fit the workshop before it "
                    f"({type(error).__name__}); the file is damaged and left as it is")
    return f"{log.path}: the workshop could not be replayed ({error!r}); the file is left as it is"
