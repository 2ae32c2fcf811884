"""Participants' own phones: a phone is bound to one person (by the sha256 of a random
token that only the phone holds), and released by the facilitator. One person, one
phone. The binding is in the log, so phones reconnect after the app is reopened."""

from __future__ import annotations

import re

from .checks import RuleError, require_participant
from .events import Event
from .state import SessionState

TOKEN_HASH = re.compile(r"^[0-9a-f]{64}$")


def decide_bind_phone(state: SessionState, participant_id: str, token_hash: str) -> Event:
    """Bind a phone (its token's sha256) to a participant who has none."""
    require_participant(state, participant_id)
    if participant_id in state.phones:
        raise RuleError("error.phone_taken", name=state.participants[participant_id].name)
    if not TOKEN_HASH.match(token_hash):
        raise RuleError("error.no_item", id=token_hash[:16])
    return {"type": "phone_bound", "participant": participant_id, "token": token_hash}


def decide_release_phone(state: SessionState, participant_id: str) -> Event:
    """Let a participant's phone go (lost, or another phone takes over)."""
    if participant_id not in state.phones:
        raise RuleError("error.no_phone")
    return {"type": "phone_released", "participant": participant_id}


KEY = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


def decide_open_phones(state: SessionState, key: str) -> Event:
    """The key in the phones' address, the first time phones go on in a workshop: kept in
    the log, so after a restart the phones' address (and their tokens) still work."""
    if state.phones_key:
        raise RuleError("error.phones_open")
    if not KEY.match(key):
        raise RuleError("error.no_item", id=key[:16])
    return {"type": "phones_opened", "key": key}
