"""The deck at a glance: its rounds and its cards, each with a detail pane."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from ...deck.model import Deck
from ...i18n import counted
from ...i18n import text as t
from ..bindings import localise_bindings
from ..render import card_detail, category_label, round_detail
from ..widgets.footer import KeyFooter
from ..widgets.header import AppHeader


class DeckScreen(Screen[None]):
    """Browse a deck: the round script on one tab, the cards on the other."""

    CSS_PATH = "deck.tcss"

    BINDINGS = [
        Binding("r", "show_tab('rounds')", "Rounds", id="rounds"),
        Binding("k", "show_tab('cards')", "Cards", id="cards"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, deck: Deck, language: str) -> None:
        super().__init__()
        self.deck = deck
        self.language = language
        localise_bindings(self, language)

    def compose(self) -> ComposeResult:
        deck, lang = self.deck, self.language
        minutes = sum(round_.minutes or 0 for round_ in deck.rounds)
        yield AppHeader()
        yield Static(t(lang, "app.tagline"), id="tagline")
        yield Static(
            t(lang, "deck.summary", cards=counted(lang, "card", len(deck.cards)),
              categories=counted(lang, "category", len(deck.categories)),
              rounds=counted(lang, "round", len(deck.rounds)), minutes=minutes),
            id="deck-summary",
        )
        with TabbedContent(initial="rounds"):
            with TabPane(t(lang, "deck.rounds"), id="rounds"):
                with Horizontal():
                    yield DataTable(id="round-table", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(classes="detail"):
                        yield Static(id="round-detail")
            with TabPane(t(lang, "deck.cards"), id="cards"):
                with Horizontal():
                    yield DataTable(id="card-table", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(classes="detail"):
                        yield Static(id="card-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        deck, lang = self.deck, self.language
        self.title = t(lang, "app.title")
        self.sub_title = deck.title if deck.title != self.title else ""
        rounds = self.query_one("#round-table", DataTable)
        rounds.add_columns(t(lang, "col.round"), t(lang, "col.mode"), t(lang, "col.minutes"))
        for number, round_ in enumerate(deck.rounds, start=1):
            rounds.add_row(f"{number}. {round_.title}", t(lang, f"mode.{round_.mode}"),
                           str(round_.minutes or ""), key=round_.id)
        cards = self.query_one("#card-table", DataTable)
        cards.add_columns(t(lang, "col.category"), t(lang, "col.title"))
        for card in deck.cards:
            cards.add_row(category_label(deck, card, lang), card.title, key=card.id)
        self._show_round(0)
        self._show_card(0)
        rounds.focus()

    def action_back(self) -> None:
        """Back to the start screen (when there is one below)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_show_tab(self, tab: str) -> None:
        """Switch tab (its table takes the keyboard when the tab is shown)."""
        self.query_one(TabbedContent).active = tab

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        event.pane.query_one(DataTable).focus()

    @on(DataTable.RowHighlighted, "#round-table")
    def _round_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_round(event.cursor_row)

    @on(DataTable.RowHighlighted, "#card-table")
    def _card_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_card(event.cursor_row)

    def _show_round(self, index: int) -> None:
        if 0 <= index < len(self.deck.rounds):
            detail = round_detail(self.language, self.deck.rounds[index])
            self.query_one("#round-detail", Static).update(detail)

    def _show_card(self, index: int) -> None:
        if 0 <= index < len(self.deck.cards):
            detail = card_detail(self.deck, self.deck.cards[index], self.language)
            self.query_one("#card-detail", Static).update(detail)
