"""The start screen: what the game is for, and the ways in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..bindings import localise_bindings
from ..widgets.header import AppHeader
from .base import AppScreen

if TYPE_CHECKING:
    from ...session.game import Game
    from ...session.store import SessionInfo


class StartScreen(AppScreen):
    """New workshop, resume a saved one, browse decks, help, quit."""

    BINDINGS = [Binding("escape", "focus_menu", "Back", id="back", show=False)]

    _resumed = False

    def compose(self) -> ComposeResult:
        self._language = self.vapp.language
        yield AppHeader()
        with Vertical(id="start"):
            yield Static(self.t("app.title"), id="game-name")
            yield Static(self.t("app.tagline"), id="tagline")
            yield OptionList(
                Option(self.t("start.new"), id="new"),
                Option(self.t("start.resume"), id="resume"),
                Option(self.t("start.print"), id="print"),
                Option(self.t("start.decks"), id="decks"),
                Option(self.t("start.help"), id="help"),
                Option(self.t("start.quit"), id="quit"),
                id="menu",
            )
            yield Static(self.t("start.saved"), classes="section-title")
            yield OptionList(Option(self.t("start.loading"), disabled=True), id="saved")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#menu", OptionList).focus()
        self.call_after_refresh(self.load_saved)  # the menu is on screen first

    async def on_screen_resume(self) -> None:
        """Back from a workshop: its language may have changed, and the saved list has."""
        if not self._resumed:
            self._resumed = True  # the first showing: on_mount has it in hand
            return
        if self._language != self.vapp.language:
            self._language = self.vapp.language
            localise_bindings(self, self._language)
            await self.recompose()
            self.query_one("#menu", OptionList).focus()
        self.load_saved()

    @work(thread=True, exclusive=True, group="saved")
    def load_saved(self) -> None:
        """Read the saved workshops off the event loop, newest first, showing them as they
        come (a file unchanged since it was last read comes from the index at once)."""
        import time

        from textual.worker import get_current_worker

        from ...session.store import iter_sessions

        worker = get_current_worker()
        infos: list[SessionInfo] = []
        shown = time.monotonic()
        for info in iter_sessions(self.vapp.sessions_folder):
            if worker.is_cancelled:
                return
            infos.append(info)
            if time.monotonic() - shown > 0.2:  # what is read so far, while the rest comes
                self.app.call_from_thread(self._show_saved, list(infos))
                shown = time.monotonic()
        infos.sort(key=lambda info: info.last_change, reverse=True)
        self.app.call_from_thread(self._show_saved, infos)

    def _show_saved(self, infos: list[SessionInfo]) -> None:
        from ...session.store import local_time

        saved = self.query_one("#saved", OptionList)
        saved.clear_options()
        usable = [info for info in infos if not info.problem]
        if not usable:
            saved.add_option(Option(self.t("start.no_saved"), disabled=True))
        for info in usable:
            if info.ended:
                progress = self.t("start.ended")
            elif info.round == 0:
                progress = self.t("start.setup_progress")
            else:
                progress = self.t("round.progress", number=info.round, total=info.rounds)
            label = Text.assemble((info.title or info.path.stem, "bold"), "  ",
                                  (f"{info.date}  {progress}  · {local_time(info.last_change)}",
                                   "dim"))
            saved.add_option(Option(label, id=str(info.path)))
        for info in infos:
            if info.problem:  # damaged: shown with its reason, so nothing is hidden
                reason = info.problem.removeprefix(f"{info.path}")
                saved.add_option(Option(Text.assemble(
                    (info.path.stem, "bold"), "  ", (self.t("start.damaged"), "bold red"),
                    (reason, "dim")), disabled=True))

    def action_focus_menu(self) -> None:
        self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#menu")
    def _menu(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "new":
            from .setup import SetupScreen

            self.app.push_screen(SetupScreen(self.vapp.deck))
        elif choice == "resume":
            saved = self.query_one("#saved", OptionList)
            saved.focus()
            if saved.highlighted is None and saved.option_count:
                saved.highlighted = 0
        elif choice == "print":
            self.vapp.print_dialog()
        elif choice == "decks":
            from .deck import DeckScreen

            self.app.push_screen(DeckScreen(self.vapp.deck, self.vapp.language))
        elif choice == "help":
            self.vapp.action_help()
        elif choice == "quit":
            self.app.exit()

    @on(OptionList.OptionSelected, "#saved")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_saved(Path(event.option.id))

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_saved(self, path: Path) -> None:
        """Open a saved workshop (replaying its log) off the event loop."""
        from ...session.errors import SessionError
        from ...session.game import Game

        try:
            game = Game.open(path, clock=self.vapp.clock)
        except SessionError as error:
            self.app.call_from_thread(self.app.notify, self.t("start.open_failed", error=str(error)),
                                      severity="error", timeout=15)
            return
        self.app.call_from_thread(self._enter, game)

    def _enter(self, game: Game) -> None:
        if game.warnings:
            self.app.notify("\n".join(game.warnings), severity="warning", timeout=15)
        self.vapp.enter_game(game)
