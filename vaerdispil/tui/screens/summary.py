"""The summary: what the group agreed, who gives and gets what, the votes, actions, notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from ...exports import to_markdown
from ...outcome import outcome
from ..render import markdown_text
from ..widgets.footer import KeyFooter
from ..widgets.header import AppHeader
from .base import AppScreen

if TYPE_CHECKING:
    from ...session.game import Replay


class SummaryScreen(AppScreen):
    """The outcome so far, as the export shows it; export it, or go back to the round.

    With a `view` (a workshop open in another window, replayed without its lock): that
    workshop's outcome as it was when read, to see, print and export, never to change."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("escape,f9", "back", "Back", id="back"),
        Binding("p", "print_summary(False)", "Print PDF", id="print_summary"),
        Binding("a", "print_summary(True)", "Anonymous PDF", id="print_anonymous"),
        Binding("e", "export", "Export", id="export"),
        Binding("k", "calendar", "Calendar", id="calendar"),
        Binding("o", "follow_up", "Follow-up meeting", id="start_follow_up"),
    ]

    def __init__(self, view: Replay | None = None) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="summary-actions", classes="controls"):
            # For the mouse: the keyboard has p, a, e and escape (in the footer).
            for label, name, variant in (("key.print_summary", "do-print", "primary"),
                                         ("key.print_anonymous", "do-anonymous", "default"),
                                         ("key.export", "do-export", "default"),
                                         ("key.calendar", "do-calendar", "default"),
                                         ("key.back", "do-back", "default")):
                button = Button(self.t(label), variant=variant, id=name, compact=True)
                button.can_focus = False
                yield button
        with VerticalScroll(id="summary-scroll"):
            # One Static: drawn in the first frame (Textual's Markdown widget builds a
            # widget per block, and was blank for seconds when first opened).
            yield Static(id="summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.t("summary.title")
        if self.view is not None:
            self.title = self.t("summary.read_only", title=self.title,
                                time=self.vapp.clock().astimezone().strftime("%H:%M"))
        self.refresh_game()
        self.query_one("#summary-scroll").focus()  # arrows and page keys scroll

    def refresh_game(self) -> None:
        source = self.view or self.vapp.game
        if source is not None:
            self.query_one("#summary", Static).update(
                markdown_text(to_markdown(outcome(source.state, source.deck))))

    @on(Button.Pressed, "#summary-actions Button")
    def _button(self, event: Button.Pressed) -> None:
        """The keys' actions, for the mouse."""
        actions = {
            "do-print": lambda: self.action_print_summary(False),
            "do-anonymous": lambda: self.action_print_summary(True),
            "do-export": self.action_export,
            "do-calendar": self.action_calendar,
            "do-back": self.action_back,
        }
        actions[event.button.id or ""]()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        self.vapp.export_summary(self.view)

    def _source(self) -> tuple[Path, bool] | None:
        """The workshop shown: its file, and whether it is finished."""
        if self.view is not None:
            return self.view.path, self.view.state.ended
        game = self.vapp.game
        return (game.log.path, game.state.ended) if game is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A follow-up only of a finished workshop (the key shows once it is)."""
        if action == "follow_up":
            source = self._source()
            return source is not None and source[1]
        return True

    def action_follow_up(self) -> None:
        source = self._source()
        if source is not None and source[1]:
            self.vapp.follow_up_dialog(source[0])

    def action_calendar(self) -> None:
        """The follow-up and the actions' deadlines, as a file for calendars (.ics)."""
        self.vapp.export_summary(self.view, calendar=True)

    def action_print_summary(self, anonymous: bool) -> None:
        """The summary PDF, next to the workshop's file (made in a thread worker)."""
        self.app.notify(self.t("print.working"))
        self.vapp.print_summary(anonymous, self.view)
