"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from .host import WorkshopHost


class WorkshopCommands(Provider):
    """Jump to a round, add a participant, undo, redo, summary, export, projector theme."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Any]]]:
        app: WorkshopHost = self.app  # type: ignore[assignment]
        t = app.t
        game = app.game
        if game is not None:
            for number, round_ in enumerate(game.deck.rounds, start=1):
                yield (t("cmd.round", number=number, title=round_.title), t("cmd.round_help"),
                       lambda round_id=round_.id: app.go_to_round(round_id))
            yield t("cmd.add_person"), t("cmd.add_person_help"), app.add_participant_dialog
            yield (t("cmd.remove_person"), t("cmd.remove_person_help"),
                   app.remove_participant_dialog)
            yield t("key.undo"), t("cmd.undo_help"), app.action_undo
            yield t("key.redo"), t("cmd.redo_help"), app.action_redo
            yield t("key.summary"), t("cmd.summary_help"), app.show_summary
            if game.state.round_index is not None and not game.state.ended:
                yield t("cmd.finish"), t("cmd.finish_help"), app.finish_dialog
            yield t("cmd.export"), t("cmd.export_help"), app.export_summary
            yield (t("key.phones"), t("cmd.phones_help"),
                   lambda: app.call_later(app.run_action, "phones"))
            yield t("cmd.leave"), t("cmd.leave_help"), lambda: app.call_later(app.leave_game)
        yield t("start.print"), t("cmd.print_help"), app.print_dialog
        yield t("cmd.contrast"), t("cmd.contrast_help"), app.action_toggle_contrast
        yield t("key.help"), t("cmd.help_help"), app.action_help

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
