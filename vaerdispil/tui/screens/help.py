"""Help (F1): the keys that work here, and the current round's guide."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from .base import AppModal


class HelpScreen(AppModal):
    """The keys of the screen below, and the guide of the round on the table."""

    BINDINGS = [Binding("escape,f1", "close", "Back", id="back")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    """

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        below = self.below
        seen: set[str] = set()

        def listing(bindings: Iterable[Binding]) -> Text:
            """Key and description, one a line, each description once on the whole page."""
            lines = Text()
            for binding in bindings:
                if binding.description and binding.show and binding.description not in seen:
                    seen.add(binding.description)
                    lines.append(f"{self.app.get_key_display(binding):>10}  ", style="bold")
                    lines.append(binding.description + "\n")
            return lines

        keys = listing(binding for _key, binding, *_ in below.active_bindings.values())
        # The screen's keys that do not work just now (remove and move need a list, say).
        other = listing(binding for bindings in below._bindings.key_to_bindings.values()  # noqa: SLF001
                        for binding in bindings)
        guide = Text()
        game = self.vapp.game
        if game is not None and game.state.round_index is not None:
            round_ = game.deck.rounds[game.state.round_index]
            guide.append(round_.title + "\n", style="bold")
            guide.append(round_.guide)
        with VerticalScroll():
            yield Static(self.t("help.keys"), classes="section-title")
            yield Static(keys)
            if other:
                yield Static(self.t("help.other_keys"), classes="section-title")
                yield Static(other)
            if guide:
                yield Static(self.t("help.round_guide"), classes="section-title")
                yield Static(guide)

    def action_close(self) -> None:
        self.dismiss()
