"""The Textual app. It is handed a loaded, valid deck: it never sees a bad one."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from ..deck.model import Deck
from ..i18n import text as t
from .bindings import localise_bindings
from .screens.deck import DeckScreen


class VaerdispilApp(App[None]):
    """Værdispillet on one shared screen."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, deck: Deck, language: str = "da") -> None:
        super().__init__()
        self.deck = deck
        self.language = language
        self.title = t(language, "app.title")
        localise_bindings(self, language)

    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", priority=True)]

    def get_default_screen(self) -> DeckScreen:
        return DeckScreen(self.deck, self.language)
