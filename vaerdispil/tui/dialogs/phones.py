"""Phones: the QR code and the address to type, who has joined, and releasing a phone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import text as t
from ..lists import CursorList

if TYPE_CHECKING:
    from ...phones.room import Room
    from ..host import WorkshopHost


class PhonesDialog(ModalScreen[str | None]):
    """Shows how phones join; dismissed with "off" to turn phones off, else None."""

    BINDINGS = [Binding("escape", "close", "Close", id="close")]
    DEFAULT_CSS = """
    PhonesDialog { align: center middle; }
    PhonesDialog > Vertical {
        width: auto; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    PhonesDialog VerticalScroll { height: auto; max-height: 85vh; width: auto; }
    PhonesDialog #phones-qr { color: white; background: black; width: auto; }
    PhonesDialog #phones-address { text-style: bold; padding: 1 0 0 0; }
    PhonesDialog #phones-joined { height: auto; max-height: 12; min-width: 40; }
    PhonesDialog #buttons { height: auto; padding: 1 0 0 0; }
    PhonesDialog Button { margin: 0 2 0 0; }
    """

    def __init__(self, room: Room, language: str) -> None:
        super().__init__()
        self.room = room
        self.language = language

    def compose(self) -> ComposeResult:
        from ...phones.room import qr_lines

        with Vertical():
            with VerticalScroll():
                yield Label(t(self.language, "phones.title"), id="phones-title")
                yield Static(t(self.language, "phones.how"))
                yield Static("\n".join(qr_lines(self.room.address)), id="phones-qr")
                yield Static(self.room.address, id="phones-address")
                yield Static(t(self.language, "phones.joined"), classes="section-title")
                yield CursorList(id="phones-joined")
            with Horizontal(id="buttons"):
                yield Button(t(self.language, "phones.off"), variant="error", id="off")
                yield Button(t(self.language, "key.back"), id="close")

    def on_mount(self) -> None:
        self.refresh_joined()
        self.set_interval(1.0, self.refresh_joined)  # phones join while it is open

    @property
    def vapp(self) -> WorkshopHost:
        return self.app  # type: ignore[return-value]

    def refresh_joined(self) -> None:
        game = self.vapp.game
        listing = self.query_one("#phones-joined", OptionList)
        keep = listing.highlighted or 0
        listing.clear_options()
        if game is not None:
            state = game.state
            for person in state.active_participants():
                joined = person.id in state.phones
                mark = "✓ " if joined else "  "
                label = Text.assemble(mark, (person.name, "bold" if joined else ""),
                                      f"  {state.organisations[person.org].name}")
                listing.add_option(Option(label, id=person.id, disabled=not joined))
        if not listing.option_count:
            listing.add_option(Option(t(self.language, "round.nothing_yet"), disabled=True))
        listing.highlighted = min(keep, listing.option_count - 1)

    @on(OptionList.OptionSelected, "#phones-joined")
    def _release(self, event: OptionList.OptionSelected) -> None:
        """Enter on a person with a phone: let that phone go (another may join instead)."""
        game = self.vapp.game
        participant = event.option.id
        if game is not None and participant and participant in game.state.phones:
            self.vapp.run_command(lambda: game.release_phone(participant))
            self.refresh_joined()

    @on(Button.Pressed, "#off")
    def _off(self) -> None:
        self.dismiss("off")

    @on(Button.Pressed, "#close")
    def action_close(self, *_: Any) -> None:
        self.dismiss(None)
