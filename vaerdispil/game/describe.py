"""Say in a few words what an event did: "Fortrudt: valget af Lokaler"."""

from __future__ import annotations

from ..deck.model import Deck
from ..i18n import text as t
from .events import Event


def describe(event: Event, deck: Deck, language: str) -> str:
    """A short phrase for an event, in the workshop's language."""
    card = ""
    if "card" in event:
        try:
            card = deck.card(event["card"]).title
        except KeyError:
            card = str(event["card"])
        if event.get("text"):
            card = str(event["text"])
    return t(language, f"event.{event['type']}", name=event.get("name", ""), card=card)
