"""Set-up: the workshop's details, the organisations and the people at the table.

The session file is made at the first change, so a set-up is saved from its first
keystroke; every change after that is an event like any other (and can be undone).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from ...deck.catalog import find_decks, resolve_deck
from ...deck.errors import DeckError
from ...deck.loader import slugify
from ...deck.model import Deck, Per
from ...files import OutputError
from ...game.estimate import estimate_minutes, turn_rounds
from ...game.roster import RosterProblem
from ...game.rules import RuleError
from ...i18n import counted
from ...i18n import text as t
from ...partners import known as known_partners
from ...partners import read_text as read_partners
from ...partners import remember, save_text
from ...paths import sessions_dir
from ...session.game import Game
from ...session.log import SessionError
from ...session.store import new_session_path
from ..dialogs.form import Field, FormDialog
from ..host import DEFAULT_DECK
from ..widgets.footer import KeyFooter
from ..widgets.header import AppHeader
from ..widgets.roster import Roster, RosterBox
from ..widgets.table import AtTable
from .base import AppScreen

DETAIL_FIELDS = ("title", "place", "date", "facilitator")

LANGUAGES = (("Dansk", "da"), ("English", "en"))
"""The languages of the screens and the bundled decks, each named in its own words."""


class SetupScreen(AppScreen):
    """Title, place, date, facilitator; organisations and participants; then start."""

    CSS_PATH = "setup.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("f6", "start", "Start", id="start", priority=True),  # also from the list box
        Binding("f3", "add", "Add", id="add_roster"),
        Binding("f4", "partners", "Known partners", id="partners"),
        Binding("delete", "remove", "Remove", id="remove"),
        Binding("shift+up", "move(-1)", "Move up", id="up"),
        Binding("shift+down", "move(1)", "Move down", id="down"),
    ]

    def __init__(self, deck: Deck, details: dict[str, str] | None = None,
                 decks: dict[str, Deck] | None = None) -> None:
        """`details`: what was typed in the form before (when the language changed);
        `decks`: the decks already found, by file."""
        super().__init__()
        self.deck = deck
        self._details = details or {}
        self._decks: dict[str, Deck] = dict(decks or {})
        """Decks to choose from, by file."""
        self._shown: dict[str, str] = {}
        """The details as the form first showed them: not typed until they differ."""
        self._typed: set[str] = set()
        """Detail fields the facilitator has typed in and not yet saved."""
        self._filling = False
        self._partners = known_partners(read_partners())
        """Partners known from earlier workshops: (name, type) by case-folded name."""

    def compose(self) -> ComposeResult:
        today = date.today().isoformat()
        defaults = {"title": self.t("setup.default_title", date=today), "place": "",
                    "date": today, "facilitator": ""}
        if self.vapp.game is not None:
            details = self.game.state.details
            defaults = {name: getattr(details, name) for name in DETAIL_FIELDS}
        self._shown = dict(defaults)
        defaults.update(self._details)  # typed before the language changed: still to save
        yield AppHeader()
        with VerticalScroll(id="setup"):
            with Vertical(id="details", classes="setup-column"):
                yield Static(self.t("setup.details"), classes="section-title")
                with Horizontal(classes="choice-row"):
                    with Vertical(id="language-column"):
                        yield Label(self.t("setup.language"))
                        yield Select(LANGUAGES, value=self.vapp.language, allow_blank=False,
                                     id="language-choice")
                    with Vertical(id="deck-column"):
                        yield Label(self.t("setup.deck"))
                        yield Select(self._deck_options(), value=self.deck.source,
                                     allow_blank=False, id="deck-choice")
                with Grid(id="detail-grid"):
                    for name in DETAIL_FIELDS:
                        label = self.t("setup.name" if name == "title" else f"setup.{name}")
                        yield Label(label, classes="detail-label")
                        yield Input(defaults[name], id=f"detail-{name}")
            with Vertical(id="people", classes="setup-column"):
                yield Static(self.t("setup.roster"), classes="section-title")
                yield Roster(self.vapp.language, self._known(), id="roster")
                yield Static(self.t("setup.at_table"), classes="section-title")
                yield AtTable(id="lists")
            with Vertical(id="start-row"):
                yield Static(id="estimate")
                yield Static(id="estimate-how", classes="muted")
                yield Static(id="saved-as", classes="muted")
                yield Button(self.t("setup.start"), variant="primary", id="start-workshop")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.title = self.t("setup.title")
        self.refresh_game()
        self.query_one("#detail-title", Input).focus()
        if len(self._decks) < 2:
            self.load_decks()

    @work(thread=True, exclusive=True, group="decks")
    def load_decks(self) -> None:
        """Find the decks to choose from (each file is read and checked) off the event loop."""
        decks = [entry.deck for entry in find_decks() if entry.deck is not None]
        self.app.call_from_thread(self._offer_decks, decks)

    def _offer_decks(self, decks: list[Deck]) -> None:
        self._decks = {deck.source: deck for deck in decks}
        choice = self.query_one("#deck-choice", Select)
        with self.prevent(Select.Changed):
            choice.set_options(self._deck_options())
            choice.value = self.deck.source

    def _deck_options(self) -> list[tuple[str, str]]:
        """The decks in the workshop's language (and the one chosen): the game's own deck
        first, then by title."""
        decks = dict(self._decks)
        decks.setdefault(self.deck.source, self.deck)
        shown = [deck for deck in decks.values()
                 if deck.language == self.vapp.language or deck is self.deck]
        shown.sort(key=lambda deck: (deck.id != DEFAULT_DECK, deck.title.casefold()))
        return [(deck.title, deck.source) for deck in shown]

    def _can_change_deck(self) -> bool:
        """The deck (and the language) can change until an organisation or person is added."""
        game = self.vapp.game
        return game is None or not (game.state.organisations or game.state.participants)

    @on(Select.Changed, "#deck-choice")
    def _deck_chosen(self, event: Select.Changed) -> None:
        chosen = self._decks.get(str(event.value))
        if chosen is None or chosen is self.deck or not self._can_change_deck():
            return
        previous, self.deck = self.deck, chosen
        if not self._remake_game():
            self.deck = previous
            with self.prevent(Select.Changed):
                event.select.value = previous.source
        self.refresh_game()

    @on(Select.Changed, "#language-choice")
    def _language_chosen(self, event: Select.Changed) -> None:
        language = str(event.value)
        if language == self.vapp.language or not self._can_change_deck():
            return
        details = {name: self.query_one(f"#detail-{name}", Input).value
                   for name in DETAIL_FIELDS}
        today = date.today().isoformat()
        old_title = self.t("setup.default_title", date=today)
        new_title = t(language, "setup.default_title", date=today)
        if details["title"] == old_title:  # an untouched default title follows the language
            details["title"] = new_title
        twin = self._twin(language)
        if twin is not None:
            self.deck = twin
            game = self.vapp.game
            untouched = game is not None and game.state.details.title == old_title
            if not self._remake_game(new_title if untouched else None):
                with self.prevent(Select.Changed):  # nothing changed: say so in the list too
                    event.select.value = self.vapp.language
                return
        # After this event (the open list closes first), a new set-up screen in that language.
        self.call_after_refresh(self.vapp.set_language, language, self.deck,
                                SetupScreen(self.deck, details, self._decks))

    def _twin(self, language: str) -> Deck | None:
        """This deck in another language (or, failing that, any deck in it)."""
        for deck in self._decks.values():
            if deck.id == self.deck.id and deck.language == language:
                return deck
        try:
            return resolve_deck(self.deck.id, language)
        except DeckError:
            pass
        return next((deck for deck in self._decks.values() if deck.language == language), None)

    def _remake_game(self, title: str | None = None) -> bool:
        """The workshop's file holds its deck: when the deck changes before anyone is added,
        the file is made anew, at the same place, with the new deck and the details saved
        so far (with `title`, if given). The old file is kept aside until the new one is
        there, and put back if the new one cannot be made (then False)."""
        old = self.vapp.game
        if old is None:
            return True
        details = {name: getattr(old.state.details, name) for name in DETAIL_FIELDS}
        if title is not None:
            details["title"] = title
        path = old.log.path
        aside = path.with_name(path.name + ".previous")
        old.close()
        self.vapp.game = None
        try:
            path.replace(aside)
            game = Game.new(path, self.deck, clock=self.vapp.clock, **details)
        except (OSError, SessionError) as error:
            if aside.exists():
                path.unlink(missing_ok=True)
                aside.replace(path)
                self.vapp.game = Game.open(path, clock=self.vapp.clock)
                self.deck = self.vapp.game.deck
            self.app.notify(self.t("saved.error", error=str(error)), severity="error",
                            timeout=15)
            return False
        aside.unlink(missing_ok=True)
        self.vapp.game = game
        return True

    # -- the game behind the form --------------------------------------------------

    def ensure_game(self) -> Game | None:
        """The workshop's game, made (with its file) on the first change."""
        if self.vapp.game is not None:
            return self.vapp.game
        details = {name: self.query_one(f"#detail-{name}", Input).value for name in DETAIL_FIELDS}
        folder = self.vapp.sessions_folder
        path = new_session_path(details["title"], details["date"], folder)
        try:
            game = Game.new(path, self.deck, clock=self.vapp.clock, **details)
        except SessionError as error:
            self.app.notify(self.t("saved.error", error=str(error)), severity="error", timeout=15)
            return None
        except RuleError as error:  # a bad date typed before the file exists
            self.app.notify(error.message(self.vapp.language), severity="warning")
            return None
        self.vapp.game = game
        return game

    def refresh_game(self) -> None:
        game = self.vapp.game
        state = game.state if game else None
        if state is not None:  # show the saved details (after an undo, say), unless being typed
            self._filling = True
            for name in DETAIL_FIELDS:
                field = self.query_one(f"#detail-{name}", Input)
                if name not in self._typed and field.value != getattr(state.details, name):
                    field.value = getattr(state.details, name)
            self._filling = False
        self.query_one(AtTable).show(state)
        orgs = state.active_organisations() if state else []
        people = state.active_participants() if state else []
        language = self.vapp.language
        minutes = estimate_minutes(self.deck, len(people), len(orgs))
        self.query_one("#estimate", Static).update(self.t(
            "setup.estimate", minutes=minutes, people=counted(language, "person", len(people)),
            orgs=counted(language, "org", len(orgs))))
        turns = ", ".join(
            self.t("setup.turn_org" if per is Per.ORGANISATION else "setup.turn_person",
                   minutes=f"{minutes:g}", number=number)
            for number, minutes, per in turn_rounds(self.deck))
        self.query_one("#estimate-how", Static).update(
            self.t("setup.estimate_how", turns=turns) if turns else "")
        saved = self.t("setup.saved_as", path=game.log.path.name) if game else ""
        fixed = not self._can_change_deck()
        self.query_one("#deck-choice", Select).disabled = fixed
        self.query_one("#language-choice", Select).disabled = fixed
        self.query_one("#saved-as", Static).update(Text(saved))
        here = {org.name.casefold() for org in orgs}
        self.query_one(Roster).set_known(self._known(), here)

    def _known(self) -> dict[str, tuple[str, str]]:
        """Organisations to offer as the list is typed: this workshop's, then partners
        remembered from earlier workshops."""
        found: dict[str, tuple[str, str]] = {}
        game = self.vapp.game
        if game is not None:
            for org in game.state.active_organisations():
                found[org.name.casefold()] = (org.name, org.type)
        for folded, partner in self._partners.items():
            found.setdefault(folded, partner)
        return found

    # -- details ---------------------------------------------------------------------

    @on(Input.Changed, "#details Input")
    def _detail_typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("detail-")
        if self._filling:
            return
        game = self.vapp.game
        saved = getattr(game.state.details, name) if game else self._shown.get(name)
        if event.value != saved:
            self._typed.add(name)
        else:
            self._typed.discard(name)

    @on(Input.Submitted, "#details Input")
    @on(Input.Blurred, "#details Input")
    def _detail_changed(self, event: Input.Submitted | Input.Blurred) -> None:
        name = (event.input.id or "").removeprefix("detail-")
        if name not in self._typed:
            return
        self._typed.discard(name)
        game = self.vapp.game
        if game is None:
            if self.ensure_game() is not None:
                self.refresh_game()
            return
        old_date = game.state.details.date
        if getattr(game.state.details, name) != event.value.strip():
            done = self.vapp.run_command(lambda: game.set_details(**{name: event.value}))
            if done is not None and name in ("title", "date"):
                self._rename(game, old_date)

    @on(Input.Submitted, "#details Input")
    def _next_field(self) -> None:
        """Enter in a detail goes on to the next field (after the last: the list box)."""
        self.focus_next()

    def _rename(self, game: Game, old_date: str) -> None:
        """A file the app named (date-title.jsonl in the sessions folder) follows the
        workshop's date and title while it is being set up; a name the user chose stays."""
        path = game.log.path
        folder = self.vapp.sessions_folder or sessions_dir()
        if (game.state.round_index is not None or path.parent != folder
                or not path.stem.startswith(old_date)):
            return
        details = game.state.details
        stem = "-".join(part for part in (details.date, slugify(details.title)) if part)
        if re.fullmatch(re.escape(stem) + r"(-\d+)?", path.stem):
            return  # already so named
        target = new_session_path(details.title, details.date, folder)
        try:
            game.move(target)
        except SessionError as error:
            self.app.notify(self.t("saved.error", error=str(error)), severity="warning")
        self.refresh_game()

    # -- organisations and participants ----------------------------------------------

    @on(Roster.Submitted)
    def _add_lines(self, event: Roster.Submitted) -> None:
        """Add each line that can be added; put the others back in the box, with what is
        wrong with the first of them."""
        kept: set[int] = set()
        problem = ""
        game = self.ensure_game()
        if game is None:
            event.roster.keep(event.text, {line.number for line in event.lines})
            return
        state = game.state
        orgs, people = len(state.active_organisations()), len(state.active_participants())
        for line in event.lines:
            if isinstance(line, RosterProblem):
                wrong: str | None = line.message
            else:
                wrong = self.vapp.attempt(lambda line=line: game.add_roster_line(line))
            if wrong is not None:
                kept.add(line.number)
                problem = problem or (wrong if len(event.lines) == 1 else self.t(
                    "roster.line", number=line.number, message=wrong))
        language = self.vapp.language
        said = problem or self.t(
            "setup.roster_added",
            orgs=counted(language, "org", len(state.active_organisations()) - orgs),
            people=counted(language, "person", len(state.active_participants()) - people))
        event.roster.keep(event.text, kept, said, problem=bool(problem))

    def action_remove(self) -> None:
        """Remove the highlighted organisation or participant."""
        self.query_one(AtTable).remove()

    def action_move(self, step: int) -> None:
        """Move the highlighted organisation or participant up or down the turn order."""
        self.query_one(AtTable).move(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove and move show (and work) only while a list has the focus."""
        if action in ("remove", "move"):
            return self.query_one(AtTable).focused_list() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_add(self) -> None:
        """To the box for organisations and their people."""
        box = self.query_one(RosterBox)
        box.focus()
        self.query_one(Roster).scroll_visible()

    def action_partners(self) -> None:
        """Show and edit the list of partners known from earlier workshops."""
        def save(values: dict[str, Any]) -> str | None:
            try:
                save_text(str(values["partners"]))
            except OutputError as error:
                return str(error)
            self._partners = known_partners(str(values["partners"]))
            self.refresh_game()
            self.app.notify(self.t("setup.partners_saved", count=len(self._partners)))
            return None

        self.app.push_screen(FormDialog(self.t("setup.partners"), [
            Field("partners", self.t("setup.partners_help"), "area", read_partners()),
        ], self.vapp.language, submit=save))

    def action_back(self) -> None:
        """Back to the start screen (what is set up so far is saved, to resume)."""
        self.app.call_later(self.vapp.leave_game)

    @on(Button.Pressed, "#start-workshop")
    def action_start(self) -> None:
        """Start the first round."""
        game = self.vapp.game
        if game is None or not game.state.active_participants():
            self.app.notify(self.t("setup.need_people"), severity="warning")
            return
        if self.vapp.run_command(game.next_round) is not None:
            from .round import RoundScreen

            self._remember_partners(game)

            self.vapp.show_game_screen(RoundScreen())

    def _remember_partners(self, game: Game) -> None:
        """The workshop's organisations join the partners offered next time (never its
        people). Written in a thread of the app's (the file is fsynced, and this screen is
        about to go); a list that cannot be written is said once and costs nothing else."""
        organisations = [(org.name, org.type) for org in game.state.active_organisations()]
        app, failed = self.app, self.t("saved.error", error="{error}")

        def write() -> None:
            try:
                remember(organisations)
            except OutputError as error:
                app.call_from_thread(app.notify, failed.format(error=error), severity="warning")

        app.run_worker(write, thread=True, group="partners", exit_on_error=False)
