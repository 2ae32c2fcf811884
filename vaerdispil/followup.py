"""A follow-up meeting: a new workshop that holds the partners to what they agreed.

The follow-up's header names the workshop it follows and keeps what that workshop
decided, as it stood when the follow-up began (its outcome: the agreed values with their
backers and dissent, the actions with owners and dates, each organisation's gives and
gets), with the sha256 of its file, so the record of "then" never changes even if the
first file is later edited or lost. The organisations and people come in as ordinary
events of the new workshop, so they can be changed: people change in six months.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from .deck.model import Deck
from .i18n import text as t
from .outcome import outcome
from .session.clock import Clock, utc_now
from .session.errors import SessionError
from .session.game import Game, replay


def follows_record(previous: str | os.PathLike[str]) -> dict[str, Any]:
    """What a follow-up keeps of the workshop it follows (read without changing it)."""
    path = Path(previous)
    replayed = replay(path)
    if not replayed.state.ended:
        raise SessionError(f"{path}: this workshop is not finished; a follow-up reviews what a "
                           "finished workshop agreed (open it, and finish it with F9)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SessionError(f"{path}: cannot read it ({error.strerror})") from None
    result = outcome(replayed.state, replayed.deck)
    return {"name": path.stem, "sha256": hashlib.sha256(data).hexdigest(),
            "created": replayed.header.created, "deck": replayed.deck.id,
            "outcome": result.as_dict()}


def start_follow_up(previous: str | os.PathLike[str], target: str | os.PathLike[str],
                    deck: Deck, clock: Clock = utc_now, **details: str) -> Game:
    """A new workshop in `target` that follows `previous`: its header keeps what was
    agreed; its table starts with the same organisations and people (as events)."""
    follows = follows_record(previous)
    then = follows["outcome"]
    language = details.get("language", deck.language)
    details.setdefault("title", t(language, "followup.title",
                                  title=then.get("title") or follows["name"]))
    details.setdefault("place", str(then.get("place", "")))
    details.setdefault("facilitator", str(then.get("facilitator", "")))
    details.setdefault("date", clock().date().isoformat())
    game = Game.new(target, deck, clock=clock, follows=follows, **details)
    state = replay(previous).state
    ids: dict[str, str] = {}
    for organisation in state.active_organisations():
        ids[organisation.id] = game.add_organisation(organisation.name, organisation.type)
    for person in state.active_participants():
        if person.org in ids:
            game.add_participant(person.name, ids[person.org])
    return game
