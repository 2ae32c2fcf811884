"""Agreement rounds: the values the group agrees on, who stands behind them, who
disagrees, the actions and the follow-up date."""

from __future__ import annotations

from ..deck.model import Deck
from .checks import RuleError, date_field, require_org, text_field
from .events import Event
from .picks import picked_values
from .state import SessionState


def value_keys(state: SessionState, deck: Deck, keys: list[str]) -> list[str]:
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
        require_org(state, org_id)
    return {"type": "agreed_added", "id": new_id, "text": text_field(text, "agreed value"),
            "values": value_keys(state, deck, values), "orgs": list(dict.fromkeys(orgs))}


def decide_dissent(state: SessionState, new_id: str, agreed_id: str, org_id: str,
                   text: str) -> Event:
    """An organisation does not share an agreed value, and says why (if it stood behind
    the value, it no longer does)."""
    if agreed_id not in state.agreed:
        raise RuleError("error.no_item", id=agreed_id)
    require_org(state, org_id)
    no_dissent_yet(state, agreed_id, org_id)
    return {"type": "dissent_added", "id": new_id, "agreed": agreed_id, "org": org_id,
            "text": text_field(text, "dissent")}


def no_dissent_yet(state: SessionState, agreed_id: str, org_id: str) -> None:
    for dissent in state.dissents.values():
        if dissent.agreed == agreed_id and dissent.org == org_id:
            raise RuleError("error.dissent_twice", org=state.organisations[org_id].name,
                            value=state.agreed[agreed_id].text)


def not_dissenting(state: SessionState, agreed_id: str, org_ids: list[str]) -> None:
    for dissent in state.dissents.values():
        if dissent.agreed == agreed_id and dissent.org in org_ids:
            raise RuleError("error.backer_dissents", org=state.organisations[dissent.org].name)


def decide_action(state: SessionState, new_id: str, what: str, org_id: str, person: str = "",
                  due: str = "") -> Event:
    """An action item: what, who (organisation and person), by when."""
    if state.round_index is None:
        raise RuleError("error.not_started")
    require_org(state, org_id)
    return {"type": "action_added", "id": new_id, "what": text_field(what, "action"), "org": org_id,
            "person": text_field(person, "person", required=False), "due": date_field(due)}


def decide_follow_up(state: SessionState, date: str) -> Event:
    """When the partners meet again to review the agreement."""
    return {"type": "follow_up_set", "date": date_field(date)}
