"""Set-up and the flow of rounds: the workshop's details, organisations, participants,
turn order, starting a round and finishing the workshop."""

from __future__ import annotations

from ..deck.model import Deck
from .checks import RuleError, date_field, require_org, require_participant, text_field
from .events import Event
from .state import ORGANISATION_TYPES, SessionState


def decide_details(**details: str) -> Event:
    """Set the workshop's title, place, date, facilitator or language."""
    event: Event = {"type": "details_set"}
    for name, value in details.items():
        if name not in ("title", "place", "date", "facilitator", "language"):
            raise RuleError("error.unknown_field", field=name)
        if name == "date":
            event[name] = date_field(value)
        elif name == "language":
            if value not in ("da", "en"):
                raise RuleError("error.language", value=value)
            event[name] = value
        else:
            event[name] = text_field(value, name, required=False)
    return event


def decide_add_org(state: SessionState, new_id: str, name: str, org_type: str) -> Event:
    """Add an organisation (late arrivals too)."""
    if org_type not in ORGANISATION_TYPES:
        raise RuleError("error.org_type", value=org_type)
    return {"type": "org_added", "id": new_id, "name": text_field(name, "name"),
            "org_type": org_type}


def decide_change_org(state: SessionState, org_id: str, name: str | None = None,
                      org_type: str | None = None) -> Event:
    """Rename an organisation or change its type."""
    require_org(state, org_id)
    event: Event = {"type": "org_changed", "id": org_id}
    if name is not None:
        event["name"] = text_field(name, "name")
    if org_type is not None:
        if org_type not in ORGANISATION_TYPES:
            raise RuleError("error.org_type", value=org_type)
        event["org_type"] = org_type
    return event


def decide_remove_org(state: SessionState, org_id: str) -> Event:
    """Take an organisation off the table (its history stays)."""
    require_org(state, org_id)
    if any(p.org == org_id for p in state.active_participants()):
        raise RuleError("error.org_has_people", org=state.organisations[org_id].name)
    return {"type": "org_removed", "id": org_id}


def decide_add_participant(state: SessionState, new_id: str, name: str, org_id: str) -> Event:
    """Add a participant who speaks for an organisation."""
    require_org(state, org_id)
    return {"type": "participant_added", "id": new_id, "name": text_field(name, "name"),
            "org": org_id}


def decide_change_participant(state: SessionState, participant_id: str, name: str | None = None,
                              org_id: str | None = None) -> Event:
    """Rename a participant or move them to another organisation."""
    require_participant(state, participant_id)
    event: Event = {"type": "participant_changed", "id": participant_id}
    if name is not None:
        event["name"] = text_field(name, "name")
    if org_id is not None:
        require_org(state, org_id)
        event["org"] = org_id
    return event


def decide_remove_participant(state: SessionState, participant_id: str) -> Event:
    """A participant leaves; what they said and did stays in the record."""
    require_participant(state, participant_id)
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
