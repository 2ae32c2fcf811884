"""What the screens, widgets and palette commands may ask of the app: a small interface of
their own, so that imports run one way (app → screens → widgets → this module) and a
screen never needs the app class itself.

VaerdispilApp implements it (a test checks that it has every member).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..deck.model import Deck
    from ..session.clock import Clock
    from ..session.game import Game, Replay

DEFAULT_DECK = "vaerdispil"
"""The bundled deck a new workshop starts with."""


class WorkshopHost(Protocol):
    """The app as its screens see it: the workshop, its language, and what only the app
    may do (run a command so it is on disk first, switch screens, open dialogs)."""

    game: Game | None
    language: str
    clock: Clock
    sessions_folder: Path | None

    @property
    def deck(self) -> Deck:
        """The deck a new workshop starts with."""
        ...

    def t(self, key: str, **values: object) -> str:
        """A string in the workshop's language."""
        ...

    def run_command(self, command: Callable[[], Any]) -> Any:
        """Run an engine command; a refusal or failed save is said, and gives None."""
        ...

    def attempt(self, command: Callable[[], Any]) -> str | None:
        """Run an engine command from a dialog: None when done, else what went wrong."""
        ...

    def enter_game(self, game: Game) -> None: ...

    def leave_game(self) -> Awaitable[None]: ...

    def set_language(self, language: str, deck: Deck, screen: Screen[Any]) -> None: ...

    def show_game_screen(self, screen: Any) -> None: ...

    def show_summary(self) -> None: ...

    def go_to_round(self, round_id: str) -> None: ...

    def finish_dialog(self) -> None: ...

    def add_participant_dialog(self) -> None: ...

    def remove_participant_dialog(self) -> None: ...

    def print_dialog(self) -> None: ...

    def print_summary(self, anonymous: bool = False, view: Replay | None = None) -> Any: ...

    def export_summary(self, view: Replay | None = None, calendar: bool = False) -> None: ...

    def follow_up_dialog(self, path: Path) -> None: ...

    def action_help(self) -> None: ...

    def action_undo(self) -> None: ...

    def action_redo(self) -> None: ...

    def action_toggle_contrast(self) -> None: ...


HOST_MEMBERS = tuple(name for name in (*WorkshopHost.__annotations__,
                                       *vars(WorkshopHost))
                     if not name.startswith("_"))
"""Every name of the interface (for the test that the app has them all)."""
