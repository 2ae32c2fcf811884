"""A card, large: its category's colour band with the category named, title, text, example."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...deck.model import Card, Deck
from ...i18n import text as t


class CardView(Vertical):
    """Shows one card; `show(card)` to change it, `show(None, hint)` for an empty table."""

    DEFAULT_CSS = """
    CardView {
        height: auto;
        border: heavy $primary;
        background: $surface;
        padding: 0 1;
    }
    CardView #band { width: 1fr; height: 1; text-style: bold; }
    CardView #card-title { text-style: bold; padding: 1 0 0 0; }
    CardView #card-text { padding: 1 0 0 0; }
    CardView #card-example { color: $text-muted; text-style: italic; padding: 1 0 0 0; }
    """

    def __init__(self, deck: Deck, language: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.deck = deck
        self.language = language

    def compose(self) -> ComposeResult:
        yield Static(id="band")
        yield Static(id="card-title")
        yield Static(id="card-text")
        yield Static(id="card-example")

    def show(self, card: Card | None, hint: str = "", own_text: str = "") -> None:
        """Put a card on view (user text is set as plain Text: never parsed as markup)."""
        band = self.query_one("#band", Static)
        title = self.query_one("#card-title", Static)
        body = self.query_one("#card-text", Static)
        example = self.query_one("#card-example", Static)
        if card is None:
            band.update("")
            band.styles.background = None
            title.update(Text(hint))
            body.update("")
            example.update("")
            example.display = False
            return
        kind = t(self.language, f"kind.{card.kind}")
        if card.category:
            category = self.deck.category(card.category)
            band.update(Text(f" {category.name} · {kind} ", style="#000000"))
            band.styles.background = category.colour
        else:
            band.update(Text(f" {kind} "))
            band.styles.background = None
        title.update(Text(own_text or card.title))
        body.update(Text(card.text))
        example.update(Text(card.example))
        example.display = bool(card.example)
