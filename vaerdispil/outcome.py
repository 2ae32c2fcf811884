"""What a workshop decided, as plain data: the projection that exports, the summary screen
and the summary PDF all read. Read-only: it never changes the state."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .deck.model import CardKind, Deck, Mode
from .game import rules
from .game.state import SessionState


@dataclass(frozen=True)
class PickedValue:
    """One organisation's pick: a value it gives or gets, and why."""

    round: str
    side: str
    value: str
    category: str
    reason: str


@dataclass(frozen=True)
class OrganisationOutcome:
    """An organisation, its people, and what it gives and gets."""

    name: str
    type: str
    participants: list[str]
    gives: list[PickedValue] = field(default_factory=list)
    gets: list[PickedValue] = field(default_factory=list)


@dataclass(frozen=True)
class Agreement:
    """An agreed value with the values it came from, who commits, and any dissent."""

    text: str
    values: list[str]
    organisations: list[str]
    dissent: list[dict[str, str]]
    categories: list[str] = field(default_factory=list)
    """The category of each value in `values` ("" for an organisation's own value)."""


@dataclass(frozen=True)
class VoteResult:
    """The tally of one vote round."""

    round: str
    visible: bool
    tally: list[dict[str, Any]]


@dataclass(frozen=True)
class TurnRecord:
    """A turn taken: who, which card, how it ended."""

    round: str
    who: str
    card: str
    outcome: str
    organisation: str = ""
    """The organisation of the one who took the turn (for summaries without names)."""


@dataclass(frozen=True)
class NoteRecord:
    """A note, with the round and the person or organisation it belongs to."""

    round: str
    who: str
    text: str
    organisation: str = ""
    """The organisation of the person (or the organisation itself) the note belongs to."""


@dataclass(frozen=True)
class Action:
    """An action item."""

    what: str
    organisation: str
    person: str
    due: str


@dataclass(frozen=True)
class RoundRecord:
    """A round that was played, in deck order."""

    title: str
    mode: str
    """turns, pick, vote, agree or open."""
    number: int = 0
    """The round's place in the deck, from 1."""


@dataclass(frozen=True)
class Outcome:
    """Everything a workshop decided and recorded, in the words the screens and files use."""

    title: str
    place: str
    date: str
    facilitator: str
    language: str
    deck: dict[str, str]
    progress: dict[str, int]
    organisations: list[OrganisationOutcome]
    agreements: list[Agreement]
    votes: list[VoteResult]
    turns: list[TurnRecord]
    notes: list[NoteRecord]
    actions: list[Action]
    follow_up: str
    ended: bool
    rounds: list[RoundRecord] = field(default_factory=list)
    """The rounds that were started, in deck order."""
    categories: list[str] = field(default_factory=list)
    """The deck's value categories, in deck order (the columns of the summary's value map)."""

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts and lists, for JSON."""
        return asdict(self)


def value_title(state: SessionState, deck: Deck, key: str) -> str:
    """The words for a value key: the card's title, or an organisation's own value."""
    kind, _, ident = key.partition(":")
    if kind == "own":
        pick = state.picks.get(ident)
        return pick.text if pick else key
    try:
        return deck.card(ident).title
    except KeyError:
        return key


def outcome(state: SessionState, deck: Deck) -> Outcome:
    """Project a workshop's state into its outcome."""
    rounds = {round_.id: round_ for round_ in deck.rounds}
    org_name = {o.id: o.name for o in state.organisations.values()}
    person_name = {p.id: p.name for p in state.participants.values()}

    def who(taker: str | None) -> str:
        if taker is None:
            return ""
        return person_name.get(taker) or org_name.get(taker, taker)

    def org_of(taker: str | None) -> str:
        if taker is None:
            return ""
        person = state.participants.get(taker)
        return org_name.get(person.org, person.org) if person else org_name.get(taker, taker)

    def category_of(key: str) -> str:
        kind, _, ident = key.partition(":")
        card_id = state.picks[ident].card if kind == "own" and ident in state.picks else ident
        try:
            card = deck.card(card_id)
        except KeyError:
            return ""
        return deck.category(card.category).name if card.category else ""

    def round_title(round_id: str | None) -> str:
        return rounds[round_id].title if round_id in rounds else ""

    organisations = []
    for org in state.organisations.values():
        people = [p.name for p in state.participants.values() if p.org == org.id and p.active]
        entry = OrganisationOutcome(org.name, org.type, people)
        for pick in state.picks.values():
            if pick.org != org.id:
                continue
            card = deck.card(pick.card)
            category = deck.category(card.category).name if card.category else ""
            title = pick.text if card.kind is CardKind.BLANK else card.title
            picked = PickedValue(round_title(pick.round), pick.side, title, category, pick.reason)
            (entry.gives if pick.side == "give" else entry.gets).append(picked)
        if org.active or entry.gives or entry.gets:
            organisations.append(entry)

    agreements = [
        Agreement(
            agreed.text, [value_title(state, deck, key) for key in agreed.values],
            [org_name.get(o, o) for o in agreed.orgs],
            [{"organisation": org_name.get(d.org, d.org), "text": d.text}
             for d in state.dissents.values() if d.agreed == agreed.id],
            [category_of(key) for key in agreed.values],
        )
        for agreed in state.agreed.values()
    ]
    votes = []
    for round_ in deck.rounds:
        if round_.mode is not Mode.VOTE or round_.id not in state.rounds:
            continue
        visible = rules.votes_visible(state, round_)
        tally = [{"value": value.title, "dots": dots}
                 for value, dots in rules.tally(state, deck, round_.id)] if visible else []
        votes.append(VoteResult(round_.title, visible, tally))
    turns = [
        TurnRecord(round_title(record.id), who(turn.taker),
                   deck.card(turn.card).title if turn.card else "", turn.outcome or "",
                   org_of(turn.taker))
        for record in state.rounds.values() for turn in record.turns.values()
    ]
    notes = [NoteRecord(round_title(note.round), who(note.taker), note.text, org_of(note.taker))
             for note in state.notes.values()]
    actions = [Action(a.what, org_name.get(a.org, a.org), a.person, a.due)
               for a in state.actions.values()]
    details = state.details
    return Outcome(
        title=details.title, place=details.place, date=details.date,
        facilitator=details.facilitator, language=details.language,
        deck={"id": deck.id, "title": deck.title, "version": deck.version,
              "language": deck.language},
        progress={"round": 0 if state.round_index is None else state.round_index + 1,
                  "rounds": len(deck.rounds)},
        organisations=organisations, agreements=agreements, votes=votes, turns=turns,
        notes=notes, actions=actions, follow_up=state.follow_up, ended=state.ended,
        rounds=[RoundRecord(round_.title, round_.mode.value, number)
                for number, round_ in enumerate(deck.rounds, start=1)
                if round_.id in state.rounds],
        categories=[category.name for category in deck.categories],
    )
