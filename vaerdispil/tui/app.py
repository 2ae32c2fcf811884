"""The Textual app. It is handed a loaded, valid deck (and a session, if one is resumed):
it never sees a bad deck or a damaged file.

It starts light: the deck, the engine and the session log are imported when first
needed, so the start screen is up as fast as a bare Textual app (benchmarks/startup.py).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from ..i18n import plural
from ..i18n import text as t
from ..session.clock import Clock, utc_now
from .bindings import localise_bindings
from .host import DEFAULT_DECK

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.events import DeliveryComplete, DeliveryFailed
    from textual.screen import Screen

    from ..deck.model import Deck
    from ..game.state import SessionState
    from ..session.game import Game, Replay


def _workshop_commands() -> Any:
    """The palette's own commands, imported when the palette first opens (faster start)."""
    from .commands import WorkshopCommands

    return WorkshopCommands

HIGH_CONTRAST = Theme(
    name="vaerdispil-kontrast",
    primary="#FFD700",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFD700",
    error="#FF5555",
    dark=True,
)
"""White on black with yellow accents: readable on a washed-out projector."""


class VaerdispilApp(App[None]):
    """Værdispillet on one shared screen."""

    CSS_PATH = Path(__file__).parent / "app.tcss"
    COMMANDS = App.COMMANDS | {_workshop_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo"),
        Binding("f7", "phones", "Phones", id="phones"),
        # Textual's own palette key, declared here so the footer names it in our language.
        Binding("ctrl+p", "command_palette", "palette", id="command_palette", show=False,
                priority=True),
    ]

    def __init__(self, deck: Deck | None = None, language: str = "da",
                 game: Game | None = None, clock: Clock = utc_now,
                 sessions_folder: Path | None = None,
                 demo: Iterator[Callable[[], Any]] | None = None,
                 demo_delay: float = 1.5, phones_host: str | None = None,
                 phones_port: int | None = None) -> None:
        """`deck` None: the bundled default deck in `language`, loaded when first needed
        (the caller has made sure no user deck of that name could shadow it)."""
        super().__init__()
        self.demo = demo
        """Steps of a sample workshop to play on screen (vaerdispil demo)."""
        self.demo_delay = demo_delay
        """Seconds between demo steps; 0 plays it as fast as it can and then quits."""
        self._deck = deck
        self._deck_lock = threading.Lock()
        self._follow_language = False
        """Whether the deck follows the language (not at first: --deck with --lang)."""
        self.language = language
        self.game = game
        self.clock = clock
        self.sessions_folder = sessions_folder
        self._handed: set[str] = set()
        self.room: Any = None
        """Participants' phones while they are on (phones.room.Room), else None."""
        self.phones_host = phones_host
        self.phones_port = phones_port
        self._phones_redraw = False
        """Names this tab's downloads have had (served in a browser)."""
        self.title = t(language, "app.title")
        self.register_theme(HIGH_CONTRAST)
        localise_bindings(self, language)

    @property
    def deck(self) -> Deck:
        """The deck a new workshop starts with (and that the start screen prints and
        browses). Once the app's language has changed, it is that deck's twin in the new
        language, if there is one; a deck given at the start is kept as it was given."""
        with self._deck_lock:
            if self._deck is None:
                from ..deck.catalog import resolve_deck

                self._deck = resolve_deck(DEFAULT_DECK, self.language)
            elif self._follow_language and self._deck.language != self.language:
                from ..deck.catalog import resolve_deck
                from ..deck.errors import DeckError

                try:
                    self._deck = resolve_deck(self._deck.id, self.language)
                except DeckError:
                    pass  # no twin: the deck stays as it is
            return self._deck

    @work(thread=True, exit_on_error=False, group="deck")
    def _load_deck(self) -> None:
        """Load the deck off the event loop (after the first frame, and after the language
        changes), so the next click finds it ready."""
        self.deck  # noqa: B018

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo, redo and phones only show (and work) while a workshop is open."""
        if action in ("undo", "redo", "phones"):
            return self.game is not None
        return True

    def get_default_screen(self) -> Any:
        from .screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        if self._deck is None:
            self.call_after_refresh(self._load_deck)
        # The start screen stays at the bottom; a workshop's screens go on top of it.
        if self.game is not None:
            self.show_game_screen(self.screen_for_game())
            if self.game.state.ended:
                self.show_summary()
            # Read from its file: say where it goes on (not for one begun in this run:
            # play --new, the demo).
            if self.game.resumed:
                from ..game.whereabouts import whereabouts

                self.notify(whereabouts(self.game.state, self.game.deck, self.language))
        if self.demo is not None:
            if self.demo_delay > 0:
                self.set_interval(self.demo_delay, self.demo_step, name="demo")
            else:
                self.call_after_refresh(self._demo_fast)

    def demo_step(self) -> bool:
        """Play the demo's next step on screen; False when it is over."""
        if self.demo is None:
            return False
        step = next(self.demo, None)
        if step is None:
            self.demo = None
            if self.demo_delay == 0:
                self.exit()
            else:
                self.notify(self.t("demo.done"), timeout=30)
                self.show_summary()
            return False
        self.run_command(step)
        self._follow_round()
        return True

    async def _demo_fast(self) -> None:
        while self.demo_step():
            await asyncio.sleep(0)  # let the screen draw each step

    def show_game_screen(self, screen: Any) -> None:
        """Show a workshop screen in place of the one on top (above the start screen)."""
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def screen_for_game(self) -> Any:
        """The screen a game is at: set-up before the first round, else its round."""
        assert self.game is not None
        if self.game.state.round_index is None:
            from .screens.setup import SetupScreen

            return SetupScreen(self.game.deck)
        from .screens.round import RoundScreen

        return RoundScreen()

    def enter_game(self, game: Game) -> None:
        """Play this game from now on, on the screen it is at (a finished one: its
        summary, above its last round)."""
        if self.game is not None and self.game is not game:
            self.game.close()
        self.game = game
        self._speak(game.state.details.language)  # a workshop is shown in its own language
        self.show_game_screen(self.screen_for_game())
        if game.state.ended:
            self.show_summary()
        from ..game.whereabouts import whereabouts

        self.notify(whereabouts(game.state, game.deck, self.language))  # where it goes on

    async def leave_game(self) -> None:
        """Back to the start screen. Nothing needs saving (it always is); the workshop is
        in the list of saved workshops, to resume."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        await self.phones_off()
        game, self.game = self.game, None
        if game is not None:
            game.close()
        self.refresh_bindings()

    def set_language(self, language: str, deck: Deck, screen: Screen[Any]) -> None:
        """Speak `language` from now on, with `deck` for new workshops: the app's title
        and keys, `screen` in place of the one on top, and the screens below when they
        are shown again."""
        with self._deck_lock:
            self._deck = deck
        self._speak(language)
        self.switch_screen(screen)

    def _speak(self, language: str) -> None:
        """The app's language, title and keys (screens take it up as they are shown), and
        its deck's twin in that language."""
        if language == self.language:
            return
        self.language = language
        self.title = t(language, "app.title")
        localise_bindings(self, language)
        self._follow_language = True
        self._load_deck()

    def t(self, key: str, **values: object) -> str:
        """A string in the workshop's language."""
        return t(self.language, key, **values)

    def run_command(self, command: Callable[[], Any]) -> Any:
        """Run an engine command for a screen: it is on disk before the screen shows it.

        A refused command is said in words at the bottom of the screen; a failed save
        (a full disk) too, and nothing is shown as done. Returns the command's result,
        or None if it did not happen.
        """
        from ..game.rules import RuleError
        from ..session.errors import SessionError

        try:
            result = command()
        except RuleError as error:
            self.notify(error.message(self.language), severity="warning")
            return None
        except SessionError as error:
            self.notify(self.t("saved.error", error=str(error)), severity="error", timeout=15)
            return None
        self.refresh_game()
        return result

    def attempt(self, command: Callable[[], Any]) -> str | None:
        """Run an engine command from a dialog: None when it is done (and on disk), else
        what went wrong in words, for the dialog to show while it keeps what was typed."""
        from ..game.rules import RuleError
        from ..session.errors import SessionError

        try:
            command()
        except RuleError as error:
            return error.message(self.language)
        except SessionError as error:
            return self.t("saved.error", error=str(error))
        finally:
            self.refresh_game()  # a part may be done (several edits): show what is
        return None

    def refresh_game(self) -> None:
        """Let the screens on the stack re-render from the state, and the phones know."""
        if self.room is not None:
            self.room.changed()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_game", None)
            if refresh is not None and screen.is_mounted:  # a new screen draws on mount
                refresh()

    def action_undo(self) -> None:
        """Undo the latest action and say what it was."""
        self._step_history("undo")

    def action_redo(self) -> None:
        """Redo the latest undone action and say what it was."""
        self._step_history("redo")

    def _step_history(self, which: str) -> None:
        from ..game.describe import describe

        game = self.game
        if game is None:
            return
        event = self.run_command(game.undo if which == "undo" else game.redo)
        if event is not None:
            self.notify(self.t(f"{which}.done", what=describe(event, game.deck, self.language)))
            self._follow_round()

    def _follow_round(self) -> None:
        """After undo/redo the game may be back in set-up, or out of it."""
        from .screens.round import RoundScreen
        from .screens.setup import SetupScreen

        if self.game is None:
            return
        in_setup = self.game.state.round_index is None
        if in_setup and isinstance(self.screen, RoundScreen):
            self.show_game_screen(SetupScreen(self.game.deck))
        elif not in_setup and isinstance(self.screen, SetupScreen):
            self.show_game_screen(RoundScreen())

    def go_to_round(self, round_id: str) -> None:
        """Skip ahead or go back to a round (from set-up too)."""
        if self.game is None:
            return
        game = self.game
        if self.run_command(lambda: game.start_round(round_id)) is not None:
            self._follow_round()

    def add_participant_dialog(self) -> None:
        """Ask for a late participant's name and organisation, and add them."""
        from .dialogs.people import late_participant

        if self.game is not None:
            self.push_screen(late_participant(self, self.game))

    def remove_participant_dialog(self) -> None:
        """Someone leaves early: choose who (what they said stays in the record)."""
        from .dialogs.people import leaving

        dialog = leaving(self, self.game) if self.game is not None else None
        if dialog is not None:
            self.push_screen(dialog)

    def show_summary(self) -> None:
        """What the group has arrived at so far."""
        from .screens.summary import SummaryScreen

        if self.game is not None and not isinstance(self.screen, SummaryScreen):
            self.push_screen(SummaryScreen())

    def finish_dialog(self) -> None:
        """The last step: ask once, record the finish (with its time), show the summary.
        A finished workshop just shows its summary."""
        from .dialogs.form import FormDialog

        game = self.game
        if game is None or game.state.round_index is None:
            return
        if game.state.ended:
            self.show_summary()
            return

        def answered(values: dict[str, Any] | None) -> None:
            if values is not None and self.run_command(game.end_session) is not None:
                self.notify(self.t("finish.done"))
                self.show_summary()
                self.call_later(self.phones_off)  # a finished workshop takes no more taps

        self.push_screen(FormDialog(self.t("finish.ask"), [], self.language,
                                    ok_label=self.t("cmd.finish"),
                                    cancel_label=self.t("finish.not_yet")), answered)

    def export_summary(self, view: Replay | None = None, calendar: bool = False) -> None:
        """Write the summary as Markdown and JSON (or, with `calendar`, the follow-up and
        the deadlines as .ics) next to the session file, in a thread worker: the
        workshop's here, or that of a `view` (one open elsewhere)."""
        formats = ("ics",) if calendar else ("md", "json")
        if view is not None:
            self._export(view.state, view.deck, view.path, formats)
        elif self.game is not None:
            self._export(self.game.state, self.game.deck, self.game.log.path, formats)

    @work(thread=True, exit_on_error=False, group="export")
    def _export(self, state: SessionState, deck: Deck, path: Path,
                formats: tuple[str, ...]) -> None:
        from ..exports import RENDER
        from ..files import OutputError, write_atomic
        from ..outcome import outcome

        result = outcome(state, deck)
        written = []
        try:
            for suffix, render in ((f".{form}", RENDER[form]) for form in formats):
                target = path.with_suffix(suffix)
                write_atomic(target, render(result))
                written.append(target)
        except OutputError as error:
            self.call_from_thread(self.notify, self.t("saved.error", error=str(error)),
                                  severity="error")
            return
        if self.is_web:  # the browser gets the files; the server's folders are not its concern
            names = [self._hand_over(target) for target in written]
            self.call_from_thread(self.notify, self.t("summary.downloaded", names=", ".join(names)))
            return
        self.call_from_thread(self.notify, self.t(
            "summary.exported", path=", ".join(str(p) for p in written)))

    def print_dialog(self) -> None:
        """Ask how to print the deck's cards (or its guide), then make the PDF. Where the
        deck has translations in the residents' languages, its cards can come with one of
        them under its own words (a second step asks which)."""
        from ..deck.catalog import translation_languages
        from .dialogs.form import Field, FormDialog

        deck = self.game.deck if self.game else self.deck
        options = [(self.t("print.long"), "long"), (self.t("print.fold"), "fold"),
                   (self.t("print.guide"), "guide")]
        if translation_languages(deck):
            options.append((self.t("print.two_languages"), "second"))

        def chosen(values: dict[str, Any] | None) -> None:
            if values and values.get("layout") == "second":
                self._ask_second(deck)
            elif values and values.get("layout"):
                self.notify(self.t("print.working"))
                self._print(deck, str(values["layout"]))

        self.push_screen(FormDialog(self.t("print.title", deck=deck.title), [
            Field("layout", self.t("print.layout"), "list", options=options)], self.language),
            chosen)

    @work(thread=True, exit_on_error=False, group="print")
    def _ask_second(self, deck: Deck) -> None:
        """Read the deck's translations (YAML files: in a thread), then ask which goes
        under the deck's own words: each named in the app's words first (not every
        terminal draws Arabic script right to left), an unreviewed one said as such."""
        from ..deck.catalog import translation_languages, translation_of
        from ..i18n import ENDONYMS
        from .dialogs.form import Field, FormDialog

        seconds: dict[str, Deck] = {}
        options = []
        there = translation_languages(deck)
        for code in [code for code in ENDONYMS if code in there]:
            translated = translation_of(deck, code)
            if translated is None:
                continue
            label = f"{self.t(f'lang.{code}').capitalize()} · {ENDONYMS.get(code, code)}"
            if not translated.reviewed:
                label = self.t("print.second_unreviewed", name=label)
            seconds[code] = translated
            options.append((label, code))

        def chosen(values: dict[str, Any] | None) -> None:
            if values and values.get("second") in seconds:
                self.notify(self.t("print.working"))
                self._print(deck, "long", seconds[values["second"]])

        dialog = FormDialog(self.t("print.second_title", language=self.t(f"lang.{deck.language}")),
                            [Field("second", "", "list", options=options)], self.language)
        self.call_from_thread(self.push_screen, dialog, chosen)

    @work(thread=True, exit_on_error=False, group="print")
    def _print(self, deck: Deck, layout: str, second: Deck | None = None) -> None:
        """The deck's cards (duplex long or fold, with a `second` language under its
        own words) or its guide, into the prints folder."""
        from ..paths import data_dir
        from ..pdf.cards import CardOptions, render_cards
        from ..pdf.guide import render_guide

        if layout == "guide":
            name = f"{deck.id}-{deck.language}-guide.pdf"
            make: Callable[[], Any] = lambda: render_guide(deck)  # noqa: E731
        else:
            kind = "fold" if layout == "fold" else "duplex-long"
            languages = deck.language + (f"-{second.language}" if second is not None else "")
            name = f"{deck.id}-{languages}-cards-a4-{kind}.pdf"
            make = lambda: render_cards(deck, CardOptions(duplex=layout,  # noqa: E731
                                                          second=second))
        target = data_dir() / "prints" / name
        if self.is_web:  # each print its own file: two tabs never share (or overwrite) one
            target = unique_path(target, self.clock())
        self._write_pdf(make, target, unique=self.is_web)

    @work(thread=True, exit_on_error=False, group="print")
    def print_summary(self, anonymous: bool = False, view: Replay | None = None) -> None:
        """The summary PDF for the partners, written next to the session file: the
        workshop's here, or that of a `view` (one open elsewhere)."""
        from ..outcome import outcome
        from ..pdf.summary import render_summary

        if view is not None:
            state, deck, path = view.state, view.deck, view.path
        elif self.game is not None:
            state, deck, path = self.game.state, self.game.deck, self.game.log.path
        else:
            return
        suffix = "-summary-anonymous.pdf" if anonymous else "-summary.pdf"
        self._write_pdf(lambda: render_summary(outcome(state, deck), anonymous),
                        path.with_name(path.stem + suffix))

    def _write_pdf(self, make: Callable[[], Any], target: Path, unique: bool = False) -> None:
        """Render and write a PDF (called in a thread worker), then say where it is, and
        hand it to the browser when served (`unique`: under the target's own name)."""
        from ..pdf.common import PrintError, write_atomic

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            rendered = make()
            path = write_atomic(target, rendered.data)
        except (PrintError, OSError) as error:
            self.call_from_thread(self.notify, self.t("print.failed", error=str(error)),
                                  severity="error", timeout=15)
            return
        if self.is_web:
            name = self._hand_over(path, unique)
            self.call_from_thread(self.notify, plural(
                self.language, "print.downloaded", rendered.pages, name=name,
                pages=rendered.pages), timeout=15)
            return
        self.call_from_thread(self.notify, plural(self.language, "print.done", rendered.pages,
                                                  path=path, pages=rendered.pages), timeout=15)

    def _hand_over(self, path: Path, unique: bool = False) -> str:
        """Hand a file to the browser (from a thread worker) under a name no other download
        of this tab has had: a summary printed at the break and again at the end downloads
        as two files, the later one with the later time in its name. A `unique` file's
        name (a print's, see unique_path) is kept."""
        name = path.name
        if not unique:
            stem = f"{path.stem}-{self.clock().strftime('%H%M%S')}"
            name, number = f"{stem}{path.suffix}", 1
            while name in self._handed:
                number += 1
                name = f"{stem}-{number}{path.suffix}"
        self._handed.add(name)
        self.call_from_thread(self.deliver_binary, path, save_filename=name)
        return name

    def follow_up_dialog(self, path: Path) -> None:
        """Ask, then start a follow-up meeting of the finished workshop in `path`."""
        from .dialogs.form import FormDialog

        def answered(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.notify(self.t("followup.working"))
                self._start_follow_up(path)

        self.push_screen(FormDialog(self.t("followup.ask", name=path.stem), [], self.language,
                                    ok_label=self.t("followup.start"),
                                    cancel_label=self.t("key.back")), answered)

    @work(thread=True, exit_on_error=False, group="open")
    def _start_follow_up(self, path: Path) -> None:
        from ..app_commands import start_follow_up_named
        from ..deck.errors import DeckError
        from ..session.errors import SessionError

        try:
            game = start_follow_up_named(str(path), None, None)
        except SessionError as error:
            self.call_from_thread(self.notify, str(error).removeprefix(f"{path}: "),
                                  severity="error", timeout=15)
            return
        except DeckError as error:
            self.call_from_thread(self.notify, error.lines()[0], severity="error", timeout=15)
            return
        self.call_from_thread(self._enter_follow_up, game)

    async def _enter_follow_up(self, game: Game) -> None:
        await self.leave_game()
        self.enter_game(game)

    async def action_phones(self) -> None:
        """Participants' own phones: turn them on (the server starts on the room's
        network) and show the QR code, or show it again; the dialog turns them off."""
        from ..phones.room import DEFAULT_PORT, Room
        from .dialogs.phones import PhonesDialog

        if self.game is None:
            return
        if self.room is None:
            room = Room(lambda: self.game, self._phone_tap, self.phones_host,
                        DEFAULT_PORT if self.phones_port is None else self.phones_port)
            try:
                await room.start()
            except OSError as error:
                self.notify(self.t("phones.failed", address=f"{room.host}:{room.port}",
                                   error=error.strerror or str(error)),
                            severity="error", timeout=15)
                return
            self.room = room

        async def closed(answer: str | None) -> None:
            if answer == "off":
                await self.phones_off()
                self.notify(self.t("phones.stopped"))

        self.push_screen(PhonesDialog(self.room, self.language), closed)

    async def _phone_tap(self, command: Callable[[], Any]) -> Any:
        """A phone's tap: the engine command a key press makes, run here (the app is the
        only writer of the log; it is on disk when this returns), then shown on the shared
        screen: once for all the taps that came in together, not once each."""
        result = command()
        if not self._phones_redraw:
            self._phones_redraw = True
            self.call_later(self._phones_redrawn)
        return result

    def _phones_redrawn(self) -> None:
        self._phones_redraw = False
        self.refresh_game()

    async def phones_off(self) -> None:
        """Stop the phones' server: its address no longer answers."""
        room, self.room = self.room, None
        if room is not None:
            await room.stop()

    def on_app_focus(self) -> None:
        """Back to this window (or browser tab): the saved list, if it is showing, is read
        again, as another tab may have played on (unchanged files come from the index)."""
        from .screens.start import StartScreen

        if isinstance(self.screen, StartScreen):
            self.screen.load_saved()

    def action_help(self) -> None:
        """Keys and the current round's guide."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_contrast(self) -> None:
        """Switch between the high-contrast projector theme and the default theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    # Textual's own words (palette entries and search fields, the keys panel, notices) in
    # the app's language: tui/system_commands.py has them.

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """Textual's palette entries (theme, quit, keys, maximize, screenshot) in the app's
        language, with Textual's own callbacks."""
        from .system_commands import localise_system_commands

        return localise_system_commands(super().get_system_commands(screen), self.language)

    def action_command_palette(self) -> None:
        """The command palette (ctrl+p), its search field in the app's language."""
        from .system_commands import open_palette

        open_palette(self, self.language)

    def search_themes(self) -> None:
        """The theme picker, its search field in the app's language."""
        from .system_commands import open_theme_picker

        open_theme_picker(self, self.language)

    def action_show_help_panel(self) -> None:
        """Textual's keys panel, in the app's language."""
        from .system_commands import show_keys_panel

        show_keys_panel(self, self.language)

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: say which key quits, in the app's language."""
        from .system_commands import tell_how_to_quit

        tell_how_to_quit(self, self.language)

    def on_delivery_complete(self, event: DeliveryComplete) -> None:
        """A screenshot is saved: say so in the app's language (in place of Textual)."""
        if event.name == "screenshot":
            from .system_commands import notify_screenshot

            event.prevent_default()
            notify_screenshot(self, self.language, event.path)

    def on_delivery_failed(self, event: DeliveryFailed) -> None:
        """A screenshot could not be saved: say so in the app's language."""
        if event.name == "screenshot":
            from .system_commands import notify_screenshot

            event.prevent_default()
            notify_screenshot(self, self.language, None, saved=False)

    def _fatal_error(self) -> None:
        """One line instead of a traceback (Textual 8.2.8, pinned, calls this on a crash);
        the traceback goes to crash.log."""
        from rich.text import Text

        from ..crash import crash_message

        self.bell()
        error = self._exception or RuntimeError("unknown error")
        self._exit_renderables.append(Text(crash_message(error)))
        self._close_messages_no_wait()

    async def on_unmount(self) -> None:
        await self.phones_off()  # the phones' address stops answering with the app
        if self.game is not None:
            self.game.close()


def unique_path(target: Path, moment: Any) -> Path:
    """`target` with the date and time (and a number, if that is taken) before its suffix,
    claimed at once (an empty file) so that two prints at the same moment never share a
    name: prints.pdf -> prints-20261202-011503.pdf, prints-20261202-011503-2.pdf."""
    stem = f"{target.stem}-{moment.strftime('%Y%m%d-%H%M%S')}"
    target.parent.mkdir(parents=True, exist_ok=True)
    number = 1
    while True:
        candidate = target.with_name(
            f"{stem}{'' if number == 1 else f'-{number}'}{target.suffix}")
        try:
            candidate.open("xb").close()
        except FileExistsError:
            number += 1
            continue
        return candidate
