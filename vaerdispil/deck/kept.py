"""Decks kept as validated, by the sha256 of their text, so that a fresh process reading
workshop files (the saved list, a report, resume) need not load YAML and check the deck
each of them carries: every workshop carries its deck's whole text, and most carry the
same few decks.

An entry (cache/decks/HASH.json in the data folder) is derived data only: it is used
only for the text whose hash names it, and only by the same deck code (a hash of the
deck package's source); a missing, stale or damaged one is made again from the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..derived import builder, keep_quietly, kept_folder, read_kept, source_key, to_plain
from .model import Deck

FORMAT = 2
_HASH = re.compile(r"^[0-9a-f]{64}$")
_LEFT_OUT = ("source", "text")
"""Not kept: where the deck was read from, and its text (the workshop file has both)."""


def _entry(digest: str) -> Path | None:
    return kept_folder("decks") / f"{digest}.json" if _HASH.match(digest) else None


def kept_deck(digest: str, text: str, source: str) -> Deck | None:
    """The deck whose text (verified to have sha256 `digest`) is `text`, as kept; None
    if there is no entry fit to use."""
    entry = _entry(digest)
    if entry is None:
        return None
    try:
        kept = read_kept(entry)
        if kept is None:
            return None
        data = json.loads(kept)
        if data["format"] != FORMAT or data["code"] != source_key("deck") or \
                data["deck"]["content_hash"] != digest:
            return None
        build = builder(Deck)
        assert build is not None
        deck: Deck = build({**data["deck"], "source": source, "text": text})
        return deck
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # missing or damaged: the deck is checked from its text again


def keep_deck(deck: Deck) -> None:
    """Keep a deck just validated from its text (nothing if it has no content hash)."""
    entry = _entry(deck.content_hash)
    if entry is None:
        return
    plain = {key: value for key, value in to_plain(deck).items() if key not in _LEFT_OUT}
    keep_quietly(entry, json.dumps({"format": FORMAT, "code": source_key("deck"),
                                    "deck": plain}, ensure_ascii=False).encode("utf-8"))
