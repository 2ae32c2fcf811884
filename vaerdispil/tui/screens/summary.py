"""The summary: what the group agreed, who gives and gets what, the votes, actions, notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Markdown

from ...exports import to_markdown
from ...outcome import outcome
from .base import AppScreen


class SummaryScreen(AppScreen):
    """The outcome so far, as the export shows it; export it, or go back to the round."""

    BINDINGS = [
        Binding("escape,f9", "back", "Back", id="back"),
        Binding("p", "print_summary(False)", "Print PDF", id="print_summary"),
        Binding("a", "print_summary(True)", "Anonymous PDF", id="print_anonymous"),
        Binding("e", "export", "Export", id="export"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(id="summary")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.t("summary.title")
        self.refresh_game()
        self.query_one(Markdown).focus()

    def refresh_game(self) -> None:
        game = self.vapp.game
        if game is not None:
            self.query_one(Markdown).update(to_markdown(outcome(game.state, game.deck)))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        self.vapp.export_summary()

    def action_print_summary(self, anonymous: bool) -> None:
        """The summary PDF, next to the workshop's file (made in a thread worker)."""
        self.app.notify(self.t("print.working"))
        self.vapp.print_summary(anonymous)
