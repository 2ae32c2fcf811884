"""Review rounds, in a follow-up meeting: what the workshop it follows agreed, item by
item, with how it went. Each action: done, partly, not done or dropped. Each
organisation: did it give what it said, did it get what it hoped (yes, partly, no). Each
agreed value: does it hold, has it changed, is it dropped. A line on why goes with each.

The items are the followed workshop's outcome as the follow-up's header keeps it
(`SessionState.then`): "action:0", "gave:2", "agreed:1" name them by kind and place.
Reviewing an item again replaces its status; undo goes back one review at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..deck.model import Deck, Mode
from .checks import RuleError, round_in_mode, text_field
from .events import Event
from .state import SessionState

STATUSES: dict[str, tuple[str, ...]] = {
    "action": ("done", "partly", "not_done", "dropped"),
    "gave": ("yes", "partly", "no"),
    "got": ("yes", "partly", "no"),
    "agreed": ("holds", "changed", "dropped"),
}
"""What each kind of item can be said to be, best first."""

SUBJECTS: dict[str, tuple[str, ...]] = {
    "actions": ("action",),
    "organisations": ("gave", "got"),
    "agreements": ("agreed",),
}
"""A review round's subject (the deck's `review:` key), and the kinds of items it has."""

ITEM = re.compile(r"^(action|gave|got|agreed):(\d{1,4})$")

_LISTS = {"action": "actions", "gave": "organisations", "got": "organisations",
          "agreed": "agreements"}


@dataclass(frozen=True)
class ReviewItem:
    """One thing to review: its key, what it was then, and what it is now (if said)."""

    key: str
    kind: str
    then: dict[str, Any]
    """The action, organisation or agreed value as the followed workshop recorded it."""
    status: str = ""
    note: str = ""


def then_items(then: dict[str, Any] | None, kind: str) -> list[dict[str, Any]]:
    """The followed workshop's actions, organisations or agreed values."""
    if not then:
        return []
    found = then.get(_LISTS[kind], [])
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def item_exists(then: dict[str, Any] | None, key: str) -> bool:
    match = ITEM.match(key) if isinstance(key, str) else None
    return match is not None and int(match.group(2)) < len(then_items(then, match.group(1)))


def review_items(state: SessionState, subject: str) -> list[ReviewItem]:
    """A subject's items in the order they were recorded then, with what is said now."""
    items = []
    for kind in SUBJECTS.get(subject, ()):
        for number, then in enumerate(then_items(state.then, kind)):
            key = f"{kind}:{number}"
            said = state.reviews.get(key)
            items.append(ReviewItem(key, kind, then, said.status if said else "",
                                    said.note if said else ""))
    if subject == "organisations":  # each organisation's two items together
        items.sort(key=lambda item: (int(item.key.split(":")[1]), item.kind != "gave"))
    return items


def decide_review(state: SessionState, deck: Deck, key: str, status: str,
                  note: str = "") -> Event:
    """Say how one item of the followed workshop went."""
    round_ = round_in_mode(state, deck, Mode.REVIEW)
    kinds = SUBJECTS.get(round_.review, ())
    match = ITEM.match(key)
    if match is None or match.group(1) not in kinds or not item_exists(state.then, key):
        raise RuleError("error.no_item", id=key)
    if status not in STATUSES[match.group(1)]:
        raise RuleError("error.bad_status", status=status,
                        choices=", ".join(STATUSES[match.group(1)]))
    return {"type": "reviewed", "round": round_.id, "item": key, "status": status,
            "note": text_field(note, "note", required=False)}
