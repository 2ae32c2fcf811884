"""What a workshop decided, as plain data: the projection that exports, the summary screen
and the summary PDF all read. Read-only: it never changes the state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the deck and the game's rules load only to make an outcome, not to
    # read a kept one (the report's second look)
    from .deck.model import Deck
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
    card: str = ""
    """The id of the deck's card (shared by a deck's twins in other languages), so counts
    across workshops can tell one card in two languages is the same; "" for an
    organisation's own words on a blank card, which are no card of the deck."""


@dataclass(frozen=True)
class OrganisationOutcome:
    """An organisation, its people, and what it gives and gets."""

    name: str
    type: str
    participants: list[str]
    gives: list[PickedValue] = field(default_factory=list)
    gets: list[PickedValue] = field(default_factory=list)
    balance: str = ""
    """both, only_gives, only_gets or neither; "" where the organisation was not at the
    table for a round that asked what it gives and one that asked what it gets, so that
    nothing is said of what it never had the chance to do (see `balance`)."""


@dataclass(frozen=True)
class Agreement:
    """An agreed value with the values it came from, who commits, and any dissent."""

    text: str
    values: list[str]
    organisations: list[str]
    """The organisations that stand behind it (never one that disagrees with it)."""
    dissent: list[dict[str, str]]
    """{"organisation", "text"}: the organisations that do not share it, and why."""
    categories: list[str] = field(default_factory=list)
    """The category of each value in `values` (for an organisation's own words: the
    blank card's category if it has one, else the words for "own value")."""


@dataclass(frozen=True)
class VoteResult:
    """The tally of one vote round."""

    round: str
    visible: bool
    tally: list[dict[str, Any]]
    """{"value", "dots"} for every value on the table, most dots first (empty while a
    secret vote is hidden). Two values with the same words are told apart by who
    picked them."""
    leaders: list[str] = field(default_factory=list)
    """The values with the most dots: all of them when several tie; none without dots."""
    undotted: list[str] = field(default_factory=list)
    """The values no one put a dot on, each once."""


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
class ReviewRecord:
    """In a follow-up meeting: one item of the workshop it follows, and how it went."""

    kind: str
    """action, gave (what an organisation would give), got (what it hoped to get) or
    agreed (an agreed value)."""
    subject: str
    """The action's words, the organisation's name, or the agreed value's words."""
    detail: str
    """Who and by when (an action); the values (gave, got); who stood behind it (agreed)."""
    status: str = ""
    """What was said of it (see game.review.STATUSES); "" if it was not gone through."""
    note: str = ""
    person: str = ""
    """An action's owner then (a person's name: an anonymous summary leaves it out)."""
    organisation: str = ""
    """An action's organisation then."""
    due: str = ""
    """An action's date then."""
    count: int = 0
    """How many values the item had then: an organisation's gives (gave) or gets (got)."""


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
    ended_at: str = ""
    """When the workshop was finished (ISO 8601, UTC), "" while it is not."""
    rounds: list[RoundRecord] = field(default_factory=list)
    """The rounds that were started, in deck order."""
    categories: list[str] = field(default_factory=list)
    """The deck's value categories, in deck order (the columns of the summary's value map)."""
    people: list[dict[str, str]] = field(default_factory=list)
    """{"name", "organisation"} of everyone who was at the table, those who left early
    too: the names an anonymous summary must leave out wherever they stand."""
    follows: dict[str, str] = field(default_factory=dict)
    """In a follow-up meeting: the workshop it follows ({"name", "title", "date"})."""
    reviews: list[ReviewRecord] = field(default_factory=list)
    """In a follow-up meeting: every item of the workshop it follows, in its order (its
    actions, each organisation's gives and gets, its agreed values), with how it went."""

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts and lists, for JSON (as dataclasses.asdict, without its deep copies:
        a few times faster, which a report over a thousand workshops notices)."""
        from .derived import to_plain

        return to_plain(self)  # type: ignore[no-any-return]


def _distinct_titles(values: list[rules.Value], org_name: dict[str, str]) -> dict[str, str]:
    """Each value's words, told apart where two share the same words: by who picked it,
    and by a number where one organisation wrote the same words twice."""
    seen: dict[str, int] = {}
    for value in values:
        seen[value.title.casefold()] = seen.get(value.title.casefold(), 0) + 1
    names: dict[str, str] = {}
    taken: set[str] = set()
    for value in values:
        name = value.title
        if seen[value.title.casefold()] > 1:
            who = ", ".join(org_name.get(org, org)
                            for org in dict.fromkeys(value.givers + value.getters))
            name = f"{value.title} ({who})" if who else value.title
            number = 2
            while name.casefold() in taken:
                name = f"{value.title} ({who}, {number})" if who else f"{value.title} ({number})"
                number += 1
        taken.add(name.casefold())
        names[value.key] = name
    return names


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


def balance(state: SessionState, deck: Deck, org_id: str, gives: bool, gets: bool) -> str:
    """What the record says of an organisation's give and get: both, only_gives,
    only_gets or neither. Said only of what it had the chance to do: "only gets" needs a
    round that asked what it gives while it was at the table, and so on; otherwise ""."""
    from .deck.model import Mode, Side

    could_give = could_get = False
    for round_ in deck.rounds:
        record = state.rounds.get(round_.id)
        if round_.mode is not Mode.PICK or record is None or org_id not in record.present_orgs:
            continue
        could_give = could_give or round_.side in (Side.GIVE, Side.BOTH)
        could_get = could_get or round_.side in (Side.GET, Side.BOTH)
    if gives and gets:
        return "both"
    if gives:
        return "only_gives" if could_get else ""
    if gets:
        return "only_gets" if could_give else ""
    return "neither" if could_give and could_get else ""


def own_value_category(deck: Deck, card_id: str, language: str) -> str:
    """The category of an organisation's own words on a blank card."""
    from .i18n import text

    try:
        card = deck.card(card_id)
    except KeyError:
        card = None
    if card is not None and card.category:
        return deck.category(card.category).name
    return text(language, "value.own")


UNCOUNTED = ("turns", "votes", "rounds", "people", "notes")
"""The parts of an outcome that the cross-workshop report does not count."""


def outcome(state: SessionState, deck: Deck, counted_only: bool = False) -> Outcome:
    """Project a workshop's state into its outcome (with `counted_only`, without the
    UNCOUNTED parts, left empty: what the cross-workshop report reads)."""
    from .deck.model import CardKind, Mode

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

    language = state.details.language

    def category_of(key: str) -> str:
        kind, _, ident = key.partition(":")
        if kind == "own":
            pick = state.picks.get(ident)
            return own_value_category(deck, pick.card if pick else "", language)
        try:
            card = deck.card(ident)
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
            if card.kind is CardKind.BLANK:
                title, category = pick.text, own_value_category(deck, card.id, language)
            else:
                title = card.title
                category = deck.category(card.category).name if card.category else ""
            picked = PickedValue(round_title(pick.round), pick.side, title, category, pick.reason,
                                 "" if card.kind is CardKind.BLANK else card.id)
            (entry.gives if pick.side == "give" else entry.gets).append(picked)
        if org.active or entry.gives or entry.gets:
            organisations.append(replace(entry, balance=balance(
                state, deck, org.id, bool(entry.gives), bool(entry.gets))))

    agreements = []
    for agreed in state.agreed.values():
        dissents = [d for d in state.dissents.values() if d.agreed == agreed.id]
        against = {d.org for d in dissents}
        agreements.append(Agreement(
            agreed.text, [value_title(state, deck, key) for key in agreed.values],
            [org_name.get(o, o) for o in agreed.orgs if o not in against],
            [{"organisation": org_name.get(d.org, d.org), "text": d.text} for d in dissents],
            [category_of(key) for key in agreed.values],
        ))
    votes = []
    if not counted_only:
        from .game import rules  # (the report's counts need none of the rules)
    for round_ in () if counted_only else deck.rounds:
        if round_.mode is not Mode.VOTE or round_.id not in state.rounds:
            continue
        visible = rules.votes_visible(state, round_)
        if not visible:
            votes.append(VoteResult(round_.title, False, []))
            continue
        ranked = rules.tally(state, deck, round_.id)
        names = _distinct_titles([value for value, _ in ranked], org_name)
        tally = [{"value": names[value.key], "dots": dots} for value, dots in ranked]
        most = max((dots for _, dots in ranked), default=0)
        votes.append(VoteResult(
            round_.title, True, tally,
            leaders=[names[value.key] for value, dots in ranked if most and dots == most],
            undotted=[names[value.key] for value, dots in ranked if not dots]))
    turns = [
        TurnRecord(round_title(record.id), who(turn.taker),
                   deck.card(turn.card).title if turn.card else "", turn.outcome or "",
                   org_of(turn.taker))
        for record in ({} if counted_only else state.rounds).values()
        for turn in record.turns.values()
    ]
    notes = [NoteRecord(round_title(note.round), who(note.taker), note.text, org_of(note.taker))
             for note in ({} if counted_only else state.notes).values()]
    actions = [Action(a.what, org_name.get(a.org, a.org), a.person, a.due)
               for a in state.actions.values()]
    details = state.details
    follows, reviews = _reviews(state)
    return Outcome(
        title=details.title, place=details.place, date=details.date,
        facilitator=details.facilitator, language=details.language,
        deck={"id": deck.id, "title": deck.title, "version": deck.version,
              "language": deck.language},
        progress={"round": 0 if state.round_index is None else state.round_index + 1,
                  "rounds": len(deck.rounds)},
        organisations=organisations, agreements=agreements, votes=votes, turns=turns,
        notes=notes, actions=actions, follow_up=state.follow_up, ended=state.ended,
        ended_at=state.ended_at if state.ended else "",
        rounds=[RoundRecord(round_.title, round_.mode.value, number)
                for number, round_ in enumerate(() if counted_only else deck.rounds, start=1)
                if round_.id in state.rounds],
        categories=[category.name for category in deck.categories],
        people=[{"name": person.name, "organisation": org_name.get(person.org, "")}
                for person in ({} if counted_only else state.participants).values()],
        follows=follows, reviews=reviews,
    )


def _reviews(state: SessionState) -> tuple[dict[str, str], list[ReviewRecord]]:
    """The workshop a follow-up follows, and each of its items with how it went: its
    actions, then each organisation's gives and gets, then its agreed values."""
    if state.follows is None or state.then is None:
        return {}, []
    from .game import rules
    then = state.then
    follows = {"name": str(state.follows.get("name", "")), "title": str(then.get("title", "")),
               "date": str(then.get("date", ""))}
    items = {kind: rules.review_then_items(then, kind) for kind in ("action", "gave", "agreed")}
    places = [("action", number) for number in range(len(items["action"]))]
    places += [(kind, number) for number in range(len(items["gave"])) for kind in ("gave", "got")]
    places += [("agreed", number) for number in range(len(items["agreed"]))]
    records = []
    for kind, number in places:
        item = items["gave" if kind == "got" else kind][number]
        if kind == "action":
            who = ", ".join(str(part) for part in (item.get("person"), item.get("organisation"))
                            if part)
            subject = str(item.get("what", ""))
            detail = ", ".join(part for part in (who, str(item.get("due", ""))) if part)
        elif kind in ("gave", "got"):
            subject = str(item.get("name", ""))
            side = item.get("gives" if kind == "gave" else "gets", [])
            detail = ", ".join(str(pick.get("value", "")) for pick in side
                               if isinstance(pick, dict))
        else:
            subject = str(item.get("text", ""))
            detail = ", ".join(map(str, item.get("organisations", [])))
        said = state.reviews.get(f"{kind}:{number}")
        count = len(item.get("gives" if kind == "gave" else "gets", [])) \
            if kind in ("gave", "got") else 0
        records.append(ReviewRecord(
            kind, subject, detail, said.status if said else "", said.note if said else "",
            str(item.get("person", "")) if kind == "action" else "",
            str(item.get("organisation", "")) if kind == "action" else "",
            str(item.get("due", "")) if kind == "action" else "", count))
    return follows, records
