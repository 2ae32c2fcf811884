"""The start screen: what the game is for, and the ways in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..bindings import localise_bindings
from ..lists import CursorList
from ..widgets.footer import KeyFooter
from ..widgets.header import AppHeader
from .base import AppScreen

if TYPE_CHECKING:
    from ...session.game import Game, Replay
    from ...session.store import SessionInfo


SHOWN_WHILE_READING = 50
"""Saved workshops shown while the others are still being read (the newest first)."""


class StartScreen(AppScreen):
    """New workshop, resume a saved one, browse decks, help, quit."""

    BINDINGS = [Binding("escape", "focus_menu", "Back", id="back", show=False)]

    _resumed = False
    _saved: list[SessionInfo] | None = None
    """The saved workshops that can be opened, most recently changed first, once all are
    read (None while they are being read)."""
    _resume_wanted = False
    """"Fortsæt" was chosen before the list was read: open when it is."""
    _opening = False
    """A workshop is being opened: another choice waits for it (no double opening)."""
    _listed = False
    """The saved list shows workshops (or says there are none), not that it is loading."""

    def compose(self) -> ComposeResult:
        self._language = self.vapp.language
        yield AppHeader()
        with Vertical(id="start"):
            yield Static(self.t("app.title"), id="game-name")
            yield Static(self.t("app.tagline"), id="tagline")
            yield CursorList(
                Option(self.t("start.new"), id="new"),
                Option(self.t("start.resume"), id="resume"),
                Option(self.t("start.print"), id="print"),
                Option(self.t("start.decks"), id="decks"),
                Option(self.t("start.follow_up"), id="follow_up"),
                Option(self.t("start.help"), id="help"),
                Option(self.t("start.quit"), id="quit"),
                id="menu",
            )
            yield Static(self.t("start.saved"), classes="section-title")
            yield CursorList(Option(self.t("start.loading"), disabled=True), id="saved")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#menu", OptionList).focus()
        self.call_after_refresh(self.load_saved)  # the menu is on screen first

    async def on_screen_resume(self) -> None:
        """Back from a workshop: its language may have changed, and the saved list has."""
        self._opening = False
        if not self._resumed:
            self._resumed = True  # the first showing: on_mount has it in hand
            return
        if self._language != self.vapp.language:
            self._language = self.vapp.language
            localise_bindings(self, self._language)
            self._listed = False  # a new list, saying it is loading
            await self.recompose()
            self.query_one("#menu", OptionList).focus()
        self._saved = None
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
        shown, rows = time.monotonic(), 0
        for info in iter_sessions(self.vapp.sessions_folder):
            if worker.is_cancelled:
                return
            infos.append(info)
            # What is read so far, while the rest comes: the newest at once where the
            # list still says it is loading, then a screenful and more (showing all of
            # them again and again would slow the reading of hundreds). A list already
            # shown (back from a workshop) stays for the first 0.2 s: from the index, the
            # whole new list is read by then.
            first = not rows and not self._listed
            if rows < SHOWN_WHILE_READING and (first or time.monotonic() - shown > 0.2):
                self.app.call_from_thread(self._show_saved, infos[:SHOWN_WHILE_READING])
                shown, rows = time.monotonic(), min(len(infos), SHOWN_WHILE_READING)
        infos.sort(key=lambda info: info.last_change, reverse=True)
        self.app.call_from_thread(self._show_saved, infos, True)

    def _show_saved(self, infos: list[SessionInfo], complete: bool = False) -> None:
        from ...session.store import local_time

        saved = self.query_one("#saved", OptionList)
        saved.clear_options()
        self._listed = True
        usable = [info for info in infos if not info.problem]
        if complete:
            self._saved = usable
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
        if complete and self._resume_wanted:
            self._resume_wanted = False
            self.resume()

    def action_focus_menu(self) -> None:
        self.query_one("#menu", OptionList).focus()

    @on(OptionList.OptionSelected, "#menu")
    def _menu(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "new":
            from .setup import SetupScreen

            self.app.push_screen(SetupScreen(self.vapp.deck))
        elif choice == "resume":
            self.resume()
        elif choice == "follow_up":
            self.follow_up()
        elif choice == "print":
            self.vapp.print_dialog()
        elif choice == "decks":
            from .deck import DeckScreen

            self.app.push_screen(DeckScreen(self.vapp.deck, self.vapp.language))
        elif choice == "help":
            self.vapp.action_help()
        elif choice == "quit":
            self.app.exit()

    def resume(self) -> None:
        """"Fortsæt et værksted" in one step: open the saved workshop highlighted in the
        list, else the one most recently changed that is not finished (else the newest).
        Damaged files are not in the choice: they cannot be opened."""
        if self._opening:
            return
        if self._saved is None:  # still reading the folder: open once it is read
            self._resume_wanted = True
            return
        path = self._highlighted_saved()
        if path is None:
            unfinished = [info for info in self._saved if not info.ended]
            chosen = (unfinished or self._saved or [None])[0]
            path = chosen.path if chosen is not None else None
        if path is None:
            self.app.notify(self.t("start.resume_none"))
            return
        self._open(path)

    def follow_up(self) -> None:
        """A follow-up meeting of the finished workshop highlighted in the list, else of
        the finished one most recently changed."""
        if self._saved is None:
            self.app.notify(self.t("start.loading"))
            return
        path = self._highlighted_saved()
        ended = [info for info in self._saved if info.ended]
        if path is None or path not in {info.path for info in ended}:
            path = ended[0].path if ended else None
        if path is None:
            self.app.notify(self.t("start.follow_up_none"))
            return
        self.vapp.follow_up_dialog(path)

    def _highlighted_saved(self) -> Path | None:
        """The saved workshop the facilitator has moved to in the list, if any."""
        saved = self.query_one("#saved", OptionList)
        if saved.highlighted is None:
            return None
        option = saved.get_option_at_index(saved.highlighted)
        return Path(option.id) if option.id and not option.disabled else None

    @on(OptionList.OptionSelected, "#saved")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and not self._opening:
            self._open(Path(event.option.id))

    def _open(self, path: Path) -> None:
        self._opening = True
        self.open_saved(path)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_saved(self, path: Path) -> None:
        """Open a saved workshop (replaying its log) off the event loop."""
        from ...session.errors import SessionError, SessionLocked
        from ...session.game import Game

        try:
            game = Game.open(path, clock=self.vapp.clock)
        except SessionLocked:  # open elsewhere: offered to see, in the app's own words
            self._offer_view(path)
            return
        except SessionError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._enter, game)

    def _offer_view(self, path: Path) -> None:
        """A workshop open in another window (or tab): its summary, as it is now, can be
        seen here without changing it (read in this thread worker, with no lock)."""
        from ...session.errors import SessionError
        from ...session.game import replay

        try:
            view = replay(path)
        except SessionError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._ask_view, view)

    def _ask_view(self, view: Replay) -> None:
        from ..dialogs.form import FormDialog
        from .summary import SummaryScreen

        self._opening = False

        def answered(values: dict[str, object] | None) -> None:
            if values is not None:
                self.app.push_screen(SummaryScreen(view))

        self.app.push_screen(FormDialog(
            self.t("start.locked", name=view.path.stem), [], self.vapp.language,
            ok_label=self.t("start.view"), cancel_label=self.t("key.back")), answered)

    def _failed(self, error: str, technical: bool = True) -> None:
        self._opening = False
        message = self.t("start.open_failed", error=error) if technical else error
        self.app.notify(message, severity="error", timeout=15)

    def _enter(self, game: Game) -> None:
        if game.warnings:
            self.app.notify("\n".join(game.warnings), severity="warning", timeout=15)
        self.vapp.enter_game(game)
