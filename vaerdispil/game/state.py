"""The state of a workshop: plain data, built only by folding events (see events.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ORGANISATION_TYPES = (
    "helhedsplan", "kommune", "boligorganisation", "forening", "virksomhed", "institution",
    "beboere", "andet",
)
"""The kinds of organisation at the table (ids; the screens translate them)."""


@dataclass
class Details:
    """What the workshop is: shown on the summary's cover."""

    title: str = ""
    place: str = ""
    date: str = ""
    facilitator: str = ""
    language: str = "da"


@dataclass
class Organisation:
    """A partner at the table."""

    id: str
    name: str
    type: str
    active: bool = True


@dataclass
class Participant:
    """A person at the table, speaking for an organisation."""

    id: str
    name: str
    org: str
    active: bool = True


@dataclass
class Timer:
    """A turn's time limit, with when it started and how long it has been paused."""

    limit: float
    """Seconds, extensions included."""
    started: float
    """Epoch seconds when the turn's card was put on the table."""
    paused_at: float | None = None
    paused_total: float = 0.0
    ended: float | None = None

    def elapsed(self, now: float) -> float:
        """Seconds the timer has run by `now` (pauses not counted)."""
        stop = self.ended if self.ended is not None else now
        if self.paused_at is not None:
            stop = min(stop, self.paused_at)
        return max(0.0, stop - self.started - self.paused_total)

    def remaining(self, now: float) -> float:
        """Seconds left by `now`; negative once the time is up."""
        return self.limit - self.elapsed(now)


@dataclass
class Turn:
    """One participant's (or organisation's) turn in a turns round."""

    taker: str
    card: str | None = None
    outcome: str | None = None
    """None while the turn is on; then answered, passed or skipped."""
    timer: Timer | None = None


@dataclass
class RoundState:
    """What has happened in one round."""

    id: str
    turns: dict[str, Turn] = field(default_factory=dict)
    """By taker id, in the order the turns were taken."""
    votes: dict[str, dict[str, int]] = field(default_factory=dict)
    """participant id -> value key -> dots."""
    voted: list[str] = field(default_factory=list)
    """Participants who have finished voting (secret votes: in turn)."""
    revealed: bool = False
    """The facilitator revealed a secret vote before everyone had voted."""
    present_orgs: list[str] = field(default_factory=list)
    """Organisations at the table while the round was on (at its start, or arriving
    during it), in the order they came: who had the chance to take part."""
    present_people: list[str] = field(default_factory=list)
    """Participants at the table while the round was on."""

    def mark_present(self, orgs: list[str] = [], people: list[str] = []) -> None:  # noqa: B006
        """Note that these organisations and people were at the table in this round."""
        self.present_orgs.extend(org for org in orgs if org not in self.present_orgs)
        self.present_people.extend(p for p in people if p not in self.present_people)


@dataclass
class Pick:
    """A card an organisation picked as a value it gives or gets."""

    id: str
    round: str
    org: str
    side: str
    card: str
    text: str = ""
    """The organisation's own value, written on a blank card."""
    reason: str = ""


@dataclass
class Note:
    """Something said, noted by the facilitator."""

    id: str
    round: str | None
    taker: str | None
    text: str


@dataclass
class AgreedValue:
    """A value the group agrees on, in its own words."""

    id: str
    text: str
    values: list[str]
    """Value keys (card:<id> or own:<pick id>) it grew from."""
    orgs: list[str]
    """Organisations that commit to it."""


@dataclass
class Dissent:
    """An organisation that does not share an agreed value, and why."""

    id: str
    agreed: str
    org: str
    text: str


@dataclass
class ActionItem:
    """Who does what by when."""

    id: str
    what: str
    org: str
    person: str = ""
    due: str = ""


@dataclass
class Review:
    """In a follow-up: how one item of the workshop it follows went (game/review.py)."""

    item: str
    round: str
    status: str
    note: str = ""


@dataclass
class SessionState:
    """Everything a workshop has recorded, as of its latest event."""

    deck_id: str
    deck_hash: str
    seed: int
    details: Details = field(default_factory=Details)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    """Participant ids in turn order (removed ones stay, marked inactive)."""
    org_order: list[str] = field(default_factory=list)
    round_index: int | None = None
    """The round on the table; None during set-up."""
    rounds: dict[str, RoundState] = field(default_factory=dict)
    picks: dict[str, Pick] = field(default_factory=dict)
    notes: dict[str, Note] = field(default_factory=dict)
    agreed: dict[str, AgreedValue] = field(default_factory=dict)
    dissents: dict[str, Dissent] = field(default_factory=dict)
    actions: dict[str, ActionItem] = field(default_factory=dict)
    follow_up: str = ""
    follows: dict[str, Any] | None = None
    """In a follow-up meeting: the workshop it follows, as its header keeps it (its name,
    its file's sha256, and its outcome: what was agreed then). Read only."""
    reviews: dict[str, Review] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)
    """Participants' own phones: the sha256 of each bound phone's token, by participant."""
    phones_key: str = ""
    """The key in the phones' address, once phones have been on in this workshop."""
    """In a follow-up meeting: what is said now of each item of `then`, by item key."""
    ended: bool = False
    ended_at: str = ""
    """When the workshop was finished (the finishing event's timestamp), while it is."""

    @property
    def then(self) -> dict[str, Any] | None:
        """In a follow-up meeting: the outcome of the workshop it follows."""
        outcome = self.follows.get("outcome") if self.follows else None
        return outcome if isinstance(outcome, dict) else None

    def round_state(self, round_id: str) -> RoundState:
        """The record of a round, made on first use."""
        found = self.rounds.get(round_id)
        if found is None:
            found = self.rounds[round_id] = RoundState(round_id)
        return found

    def active_participants(self) -> list[Participant]:
        """Participants still at the table, in turn order."""
        return [self.participants[p] for p in self.order if self.participants[p].active]

    def current_round_state(self, rounds: list[str]) -> RoundState | None:
        """The record of the round on the table (None during set-up); `rounds` are the
        deck's round ids in order."""
        if self.round_index is None:
            return None
        return self.round_state(rounds[self.round_index])

    def active_organisations(self) -> list[Organisation]:
        """Organisations still at the table, in turn order."""
        return [self.organisations[o] for o in self.org_order if self.organisations[o].active]
