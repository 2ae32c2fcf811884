"""What every screen of the app shares: the app, its game and its language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen

from ..bindings import localise_bindings

if TYPE_CHECKING:
    from ...session.game import Game
    from ..host import WorkshopHost


class AppScreenMixin:
    """Typed access to the app and its game; the footer in the workshop's language."""

    app: Any

    @property
    def vapp(self) -> WorkshopHost:
        """The app, as its screens may use it."""
        return self.app  # type: ignore[no-any-return]

    @property
    def game(self) -> Game:
        """The workshop being played (screens that use it are only shown with one)."""
        game = self.vapp.game
        assert game is not None
        return game

    def t(self, key: str, **values: object) -> str:
        """A string in the workshop's language."""
        return self.vapp.t(key, **values)

    def refresh_game(self) -> None:
        """Re-render from the game's state (after every command, undo and redo)."""


class AppScreen(AppScreenMixin, Screen[None]):
    """A full screen of the app."""

    def on_mount(self) -> None:
        localise_bindings(self, self.vapp.language)
        self.refresh_bindings()


class AppModal(AppScreenMixin, ModalScreen[None]):
    """A modal screen of the app."""

    def on_mount(self) -> None:
        localise_bindings(self, self.vapp.language)
        self.refresh_bindings()
