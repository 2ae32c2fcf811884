"""Changing and removing what was recorded, and what undo may not take back."""

from __future__ import annotations

from typing import Any

from ..deck.model import CardKind, Deck
from .agree import no_dissent_yet, not_dissenting, value_keys
from .checks import RuleError, current_round, date_field, require_org, text_field
from .events import Event, find_item
from .state import SessionState

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
        value = value_keys(state, deck, list(value))
    elif field in ("orgs", "org"):
        for org_id in [value] if field == "org" else value:
            require_org(state, org_id)
        value = value if field == "org" else list(dict.fromkeys(value))
        if field == "orgs":
            not_dissenting(state, item_id, value)
    elif field == "agreed":
        if value not in state.agreed:
            raise RuleError("error.no_item", id=value)
        if value != item.agreed:
            no_dissent_yet(state, value, item.org)
    elif field == "due":
        value = date_field(value)
    else:
        value = text_field(value, field, required=field not in ("reason", "person"))
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
