"""An open round: free dialogue, and the facilitator's notes of it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..dialogs.form import Field, FormDialog
from ..lists import CursorList
from .panel import RoundPanel


class NotesPanel(RoundPanel):
    """The round's notes; n writes one, enter changes one, delete removes one."""

    BINDINGS = [
        Binding("n", "note", "Note", id="note"),
        Binding("delete,x", "remove", "Remove", id="remove"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(self.t("round.notes"), classes="section-title")
        yield CursorList(id="notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.query_one("#notes", OptionList).focus()

    def refresh_game(self) -> None:
        listing = self.query_one("#notes", OptionList)
        keep = listing.highlighted or 0
        listing.clear_options()
        for note in self.game.state.notes.values():
            if note.round == self.round_id:
                listing.add_option(Option(Text(note.text), id=note.id))
        if not listing.option_count:
            listing.add_option(Option(self.t("round.nothing_yet"), disabled=True))
        else:
            listing.highlighted = min(keep, listing.option_count - 1)

    def _write(self, title: str, value: str, then: Any) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values and str(values.get("text", "")).strip():
                self.run(lambda: then(values["text"]))

        self.app.push_screen(FormDialog(title, [Field("text", "", value=value)],
                                        self.vapp.language), done)

    def action_note(self) -> None:
        self._write(self.t("dialog.note"), "", self.game.note)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        item = event.option.id
        if item is not None and item in self.game.state.notes:
            self._write(self.t("dialog.note"), self.game.state.notes[item].text,
                        lambda text: self.game.edit(item, "text", text))

    def action_remove(self) -> None:
        option = self.query_one("#notes", OptionList).highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.run(lambda: self.game.remove(option.id or ""))
