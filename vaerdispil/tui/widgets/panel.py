"""The base of the panels that play a round of each mode."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.containers import Vertical

from ..bindings import localise_bindings

if TYPE_CHECKING:
    from ...deck.model import Round
    from ...session.game import Game
    from ..host import WorkshopHost


class RoundPanel(Vertical):
    """Plays one round: shows its state, and turns keys into engine commands."""

    def __init__(self, round_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.round_id = round_id

    def on_mount(self) -> None:
        localise_bindings(self, self.vapp.language)

    @property
    def vapp(self) -> WorkshopHost:
        """The app, as a panel may use it (see host.py: no widget imports the app)."""
        return self.app  # type: ignore[return-value]

    @property
    def game(self) -> Game:
        game = self.vapp.game
        assert game is not None
        return game

    @property
    def round(self) -> Round:
        return next(r for r in self.game.deck.rounds if r.id == self.round_id)

    def t(self, key: str, **values: object) -> str:
        return self.vapp.t(key, **values)

    def run(self, command: Any) -> Any:
        """Run an engine command (see VaerdispilApp.run_command)."""
        return self.vapp.run_command(command)

    def refresh_game(self) -> None:
        """Re-render from the state."""

    def name_of(self, taker: str | None) -> tuple[str, str]:
        """A taker's name and organisation's name (an organisation: its name, '')."""
        state = self.game.state
        if taker is None:
            return "", ""
        person = state.participants.get(taker)
        if person is not None:
            return person.name, state.organisations[person.org].name
        return state.organisations[taker].name, ""
