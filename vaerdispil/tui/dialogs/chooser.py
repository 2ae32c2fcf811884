"""Choosing the card for a turn: the round's own cards first, under a heading; cards that
other rounds list (where the rules allow them) after, under their own heading and each
marked with the round it is from. Only one of the round's own cards is ever preselected."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from ...i18n import text as t
from ..lists import CursorList


class CardChooser(ModalScreen[str | None]):
    """Dismissed with the chosen card's id, or None (Esc, Cancel)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    DEFAULT_CSS = """
    CardChooser { align: center middle; }
    CardChooser > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    CardChooser #chooser-title { text-style: bold; padding: 1 0; }
    CardChooser #chooser-cards { height: auto; max-height: 50vh; }
    CardChooser #chooser-buttons { height: auto; padding: 1 0 0 0; dock: bottom; }
    CardChooser Button { margin: 0 2 0 0; }
    """

    def __init__(self, title: str, own: list[tuple[str, str]],
                 others: list[tuple[str, str, str]], language: str) -> None:
        """`own`: (title, card id) of the round's own cards; `others`: (title, card id,
        where it is from) of the other cards the round may take."""
        super().__init__()
        self.chooser_title = title
        self.own = own
        self.others = others
        self.language = language

    def _heading(self, key: str) -> Option:
        return Option(Text(f"── {t(self.language, key)} ──", style="bold"), disabled=True)

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        if self.others:
            options.append(self._heading("round.chooser_own"))
        options += [Option(Text(title), id=card_id) for title, card_id in self.own]
        if self.others:
            options.append(self._heading("round.chooser_other"))
            options += [Option(Text.assemble(title, (f"  ({where})" if where else "", "italic")),
                               id=card_id) for title, card_id, where in self.others]
        # The buttons stay in sight under the list, which scrolls when the screen is small.
        with Vertical():
            yield Label(self.chooser_title, id="chooser-title")
            yield CursorList(*options, id="chooser-cards")
            with Horizontal(id="chooser-buttons"):
                yield Button(t(self.language, "dialog.ok"), variant="primary", id="ok")
                yield Button(t(self.language, "dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        cards = self.query_one("#chooser-cards", CursorList)
        if not self.own:
            cards.highlighted = None  # another round's card is never the default
        cards.focus()

    @property
    def chosen(self) -> str | None:
        """The card highlighted now (None: none yet)."""
        option = self.query_one("#chooser-cards", CursorList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    @on(OptionList.OptionSelected, "#chooser-cards")
    @on(Button.Pressed, "#ok")
    def _choose(self) -> None:
        if self.chosen is not None:
            self.dismiss(self.chosen)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
