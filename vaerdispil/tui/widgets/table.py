"""Who is at the table, in set-up: the organisations (with their type and number of
people) beside the participants (in turn order). Enter edits the highlighted one, and the
set-up screen's keys remove it or move it in the turn order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...game.state import ORGANISATION_TYPES
from ..dialogs.form import Field, FormDialog
from ..lists import CursorList

if TYPE_CHECKING:
    from ...game.state import SessionState
    from ...session.game import Game
    from ..host import WorkshopHost


class AtTable(Horizontal):
    """The two lists; each change is a command the app runs (so it is on disk first)."""

    DEFAULT_CSS = """
    AtTable { height: auto; }
    AtTable CursorList { width: 1fr; height: auto; min-height: 3; max-height: 12; }
    """

    @property
    def vapp(self) -> WorkshopHost:
        return self.app  # type: ignore[return-value]

    def t(self, key: str, **values: object) -> str:
        return self.vapp.t(key, **values)

    def compose(self) -> ComposeResult:
        yield CursorList(id="org-list")
        yield CursorList(id="person-list")

    def show(self, state: SessionState | None) -> None:
        """Fill the lists from the workshop's state (None: nobody yet)."""
        orgs = state.active_organisations() if state else []
        people = state.active_participants() if state else []
        counts = {org.id: 0 for org in orgs}
        for person in people:
            counts[person.org] = counts.get(person.org, 0) + 1
        self._fill(self.query_one("#org-list", OptionList), [
            (org.id, Text.assemble((org.name, "bold"), "  ",
                                   (f"{self.t(f'orgtype.{org.type}')} · {counts[org.id]}", "dim")))
            for org in orgs])
        names = {org.id: org.name for org in orgs}
        self._fill(self.query_one("#person-list", OptionList), [
            (person.id, Text.assemble((person.name, "bold"), "  ",
                                      (names.get(person.org, ""), "dim")))
            for person in people])

    @staticmethod
    def _fill(listing: OptionList, rows: list[tuple[str, Text]]) -> None:
        """Show these rows, keeping the highlight where it was (or on the last row)."""
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options([Option(label, id=row_id) for row_id, label in rows])
        if rows:
            listing.highlighted = min(highlighted or 0, len(rows) - 1)

    @property
    def _game(self) -> Game | None:
        return self.vapp.game

    def focused_list(self) -> OptionList | None:
        """The list with the keyboard, if one of the two has it."""
        focused = self.screen.focused
        return focused if isinstance(focused, OptionList) and focused.parent is self else None

    @on(OptionList.OptionSelected, "#org-list")
    def _edit_org(self, event: OptionList.OptionSelected) -> None:
        game = self._game
        if game is None:
            return
        org = game.state.organisations[event.option.id or ""]

        def change(values: dict[str, Any]) -> str | None:
            return self.vapp.attempt(lambda: game.change_organisation(
                org.id, values["name"], values["type"]))

        self.app.push_screen(FormDialog(org.name, [
            Field("name", self.t("setup.org_name"), value=org.name),
            Field("type", self.t("setup.org_type"), "choice", org.type,
                  [(self.t(f"orgtype.{kind}"), kind) for kind in ORGANISATION_TYPES]),
        ], self.vapp.language, submit=change))

    @on(OptionList.OptionSelected, "#person-list")
    def _edit_person(self, event: OptionList.OptionSelected) -> None:
        game = self._game
        if game is None:
            return
        person = game.state.participants[event.option.id or ""]

        def change(values: dict[str, Any]) -> str | None:
            return self.vapp.attempt(lambda: game.change_participant(
                person.id, values["name"], values["org"]))

        self.app.push_screen(FormDialog(person.name, [
            Field("name", self.t("setup.person_name"), value=person.name),
            Field("org", self.t("setup.person_org"), "choice", person.org,
                  [(org.name, org.id) for org in game.state.active_organisations()]),
        ], self.vapp.language, submit=change))

    def remove(self) -> None:
        """Remove the highlighted organisation or participant."""
        listing = self.focused_list()
        game = self._game
        if listing is None or game is None or listing.highlighted_option is None:
            return
        item = listing.highlighted_option.id or ""
        if listing.id == "org-list":
            self.vapp.run_command(lambda: game.remove_organisation(item))
        else:
            self.vapp.run_command(lambda: game.remove_participant(item))

    def move(self, step: int) -> None:
        """Move the highlighted organisation or participant up or down the turn order."""
        listing = self.focused_list()
        game = self._game
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
