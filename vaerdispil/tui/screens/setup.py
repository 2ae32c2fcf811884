"""Set-up: the workshop's details, the organisations and the people at the table.

The session file is made at the first change, so a set-up is saved from its first
keystroke; every change after that is an event like any other (and can be undone).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...deck.catalog import find_decks, resolve_deck
from ...deck.errors import DeckError
from ...deck.model import Deck
from ...game.estimate import estimate_minutes
from ...game.rules import RuleError
from ...game.state import ORGANISATION_TYPES
from ...i18n import text as t
from ...session.game import Game
from ...session.log import SessionError
from ...session.store import new_session_path
from ..app import DEFAULT_DECK
from ..dialogs.form import Field, FormDialog
from ..widgets.header import AppHeader
from .base import AppScreen

DETAIL_FIELDS = ("title", "place", "date", "facilitator")

LANGUAGES = (("Dansk", "da"), ("English", "en"))
"""The languages of the screens and the bundled decks, each named in its own words."""


class SetupScreen(AppScreen):
    """Title, place, date, facilitator; organisations and participants; then start."""

    CSS_PATH = "setup.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("f3", "add_org", "New org.", id="add_org"),
        Binding("f4", "add_person", "New participant", id="add_person"),
        Binding("f6", "start", "Start", id="start"),
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
                for name in DETAIL_FIELDS:
                    label = self.t("setup.name" if name == "title" else f"setup.{name}")
                    yield Label(label)
                    yield Input(defaults[name], id=f"detail-{name}")
                yield Static(id="estimate")
                yield Static(id="saved-as", classes="muted")
                yield Button(self.t("setup.start"), variant="primary", id="start-workshop")
            with Vertical(id="organisations", classes="setup-column"):
                yield Static(self.t("setup.organisations"), classes="section-title")
                yield OptionList(id="org-list")
                with Horizontal(classes="add-row"):
                    yield Input(placeholder=self.t("setup.org_name"), id="org-name")
                    yield Select([(self.t(f"orgtype.{kind}"), kind) for kind in ORGANISATION_TYPES],
                                 value="forening", allow_blank=False, id="org-type")
                yield Button(self.t("setup.add_org"), id="add-org")
            with Vertical(id="participants", classes="setup-column"):
                yield Static(self.t("setup.participants"), classes="section-title")
                yield OptionList(id="person-list")
                with Horizontal(classes="add-row"):
                    yield Input(placeholder=self.t("setup.person_name"), id="person-name")
                    yield Select([], prompt=self.t("setup.person_org"), id="person-org")
                yield Button(self.t("setup.add_person"), id="add-person")
        yield Footer()

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
        orgs = state.active_organisations() if state else []
        people = state.active_participants() if state else []
        org_list = self.query_one("#org-list", OptionList)
        highlighted = org_list.highlighted
        org_list.clear_options()
        for org in orgs:
            org_list.add_option(Option(Text.assemble((org.name, "bold"), "  ",
                                                     (self.t(f"orgtype.{org.type}"), "dim")),
                                       id=org.id))
        if orgs:
            org_list.highlighted = min(highlighted or 0, len(orgs) - 1)
        person_list = self.query_one("#person-list", OptionList)
        highlighted = person_list.highlighted
        person_list.clear_options()
        names = {org.id: org.name for org in orgs}
        for person in people:
            person_list.add_option(Option(Text.assemble(
                (person.name, "bold"), "  ", (names.get(person.org, ""), "dim")), id=person.id))
        if people:
            person_list.highlighted = min(highlighted or 0, len(people) - 1)
        select = self.query_one("#person-org", Select)
        current = select.value
        select.set_options([(org.name, org.id) for org in orgs])
        if orgs:
            select.value = current if current in names else orgs[-1].id
        minutes = estimate_minutes(self.deck, len(people), len(orgs))
        self.query_one("#estimate", Static).update(self.t(
            "setup.estimate", minutes=minutes, people=len(people), orgs=len(orgs)))
        saved = self.t("setup.saved_as", path=game.log.path.name) if game else ""
        fixed = not self._can_change_deck()
        self.query_one("#deck-choice", Select).disabled = fixed
        self.query_one("#language-choice", Select).disabled = fixed
        self.query_one("#saved-as", Static).update(Text(saved))

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
        if getattr(game.state.details, name) != event.value.strip():
            self.vapp.run_command(lambda: game.set_details(**{name: event.value}))

    # -- organisations and participants ------------------------------------------------

    @on(Input.Submitted, "#org-name")
    @on(Button.Pressed, "#add-org")
    def add_organisation(self) -> None:
        name_input = self.query_one("#org-name", Input)
        kind = self.query_one("#org-type", Select).value
        game = self.ensure_game()
        if game is None:
            return
        added = self.vapp.run_command(lambda: game.add_organisation(name_input.value, str(kind)))
        if added is not None:
            name_input.value = ""
            self.query_one("#person-org", Select).value = added
            name_input.focus()

    @on(Input.Submitted, "#person-name")
    @on(Button.Pressed, "#add-person")
    def add_participant(self) -> None:
        name_input = self.query_one("#person-name", Input)
        org = self.query_one("#person-org", Select)
        game = self.ensure_game()
        if game is None:
            return
        if org.is_blank():
            self.app.notify(self.t("setup.need_people"), severity="warning")
            return
        if self.vapp.run_command(lambda: game.add_participant(name_input.value, str(org.value))):
            name_input.value = ""
            name_input.focus()

    @on(OptionList.OptionSelected, "#org-list")
    def _edit_org(self, event: OptionList.OptionSelected) -> None:
        game = self.game
        org = game.state.organisations[event.option.id or ""]

        def changed(values: dict[str, Any] | None) -> None:
            if values:
                self.vapp.run_command(lambda: game.change_organisation(
                    org.id, values["name"], values["type"]))

        self.app.push_screen(FormDialog(org.name, [
            Field("name", self.t("setup.org_name"), value=org.name),
            Field("type", self.t("setup.org_type"), "choice", org.type,
                  [(self.t(f"orgtype.{kind}"), kind) for kind in ORGANISATION_TYPES]),
        ], self.vapp.language), changed)

    @on(OptionList.OptionSelected, "#person-list")
    def _edit_person(self, event: OptionList.OptionSelected) -> None:
        game = self.game
        person = game.state.participants[event.option.id or ""]

        def changed(values: dict[str, Any] | None) -> None:
            if values:
                self.vapp.run_command(lambda: game.change_participant(
                    person.id, values["name"], values["org"]))

        self.app.push_screen(FormDialog(person.name, [
            Field("name", self.t("setup.person_name"), value=person.name),
            Field("org", self.t("setup.person_org"), "choice", person.org,
                  [(org.name, org.id) for org in game.state.active_organisations()]),
        ], self.vapp.language), changed)

    def _focused_list(self) -> OptionList | None:
        focused = self.focused
        return focused if isinstance(focused, OptionList) else None

    def action_remove(self) -> None:
        """Remove the highlighted organisation or participant."""
        listing = self._focused_list()
        game = self.vapp.game
        if listing is None or game is None or listing.highlighted_option is None:
            return
        item = listing.highlighted_option.id or ""
        if listing.id == "org-list":
            self.vapp.run_command(lambda: game.remove_organisation(item))
        else:
            self.vapp.run_command(lambda: game.remove_participant(item))

    def action_move(self, step: int) -> None:
        """Move the highlighted organisation or participant up or down the turn order."""
        listing = self._focused_list()
        game = self.vapp.game
        if listing is None or game is None or listing.highlighted is None:
            return
        state = game.state
        is_orgs = listing.id == "org-list"
        shown = [o.id for o in state.active_organisations()] if is_orgs else \
            [p.id for p in state.active_participants()]
        index = listing.highlighted
        target = index + step
        if not 0 <= target < len(shown):
            return
        full = list(state.org_order if is_orgs else state.order)
        a, b = full.index(shown[index]), full.index(shown[target])
        full[a], full[b] = full[b], full[a]
        done = self.vapp.run_command(lambda: game.set_order(
            organisations=full) if is_orgs else game.set_order(participants=full))
        if done is not None:
            listing.highlighted = target

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove and move show (and work) only while a list has the focus."""
        if action in ("remove", "move"):
            return self._focused_list() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_add_org(self) -> None:
        """To the field for a new organisation's name."""
        self.query_one("#org-name", Input).focus()

    def action_add_person(self) -> None:
        """To the field for a new participant's name."""
        self.query_one("#person-name", Input).focus()

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

            self.vapp.show_game_screen(RoundScreen())
