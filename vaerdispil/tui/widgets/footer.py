"""The footer: the keys that matter most first, as many as the width holds.

Textual's footer shows every key in one line and cuts it at the right edge, so at 80
columns a round's F9 (summary) and F1 (help) fell off. This one ranks the keys (help
first, then what the focused part of the screen does, then moving on, then the rest),
keeps the best ranked ones that fit, and shows them in their usual order. F1 lists
every key, so nothing is out of reach.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

RANK = {
    "help": 0, "next_round": 10, "start": 10, "summary": 11, "guide": 12, "quit": 12,
    "timer": 12, "note": 13, "back": 13, "choose": 14, "extend": 14, "skip": 14, "undo": 14,
    "previous_round": 15, "phones": 16, "redo": 17, "command_palette": 18,
}
"""Lower first. The focused widget's own keys rank 1 unless named here (in a turn, drawing,
answering and passing come before moving on; pausing, notes and choosing after); other
keys of a screen 9."""

COMPACT = 100
"""Below this many columns the keys are packed closer (one space less each)."""

NARROW = 60
"""Below this many columns (a phone, a small window) moving on (the next round, the
start) comes right after help."""

MOVING_ON = ("next_round", "start")


def _width(key: str, description: str, compact: bool = False) -> int:
    """Columns a key takes: " key description " (the footer's padding), or "key
    description " when compact."""
    return len(key) + 1 + len(description) + (1 if compact else 2)


class KeyFooter(Footer):
    """A footer that drops the least needed keys rather than cutting the line."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._width = 0
        self._shown: tuple[object, ...] | None = None
        """What the keys on show say (see _signature): a change of bindings that leaves
        them as they are (most moves of the focus) builds nothing again."""

    def _keys(self) -> list[tuple[Binding, bool, str]]:
        """The keys to show (binding, enabled, tooltip): the best ranked that fit the
        width, in their usual order."""
        narrow = self.app.size.width < NARROW
        compact = self.app.size.width < COMPACT
        shown: list[tuple[int, int, Binding, bool, str]] = []
        actions: set[str] = set()
        for order, (node, binding, enabled, tooltip) in enumerate(
                self.screen.active_bindings.values()):
            if (not binding.show and binding.action != "command_palette") or \
                    binding.action in actions:
                continue  # hidden, or a second key for the same action ("delete,x")
            actions.add(binding.action)
            rank = RANK.get(binding.id or "", 9 if isinstance(node, App | Screen) else 1)
            if narrow and binding.id in MOVING_ON:
                rank = 0
            shown.append((rank, order, binding, enabled, tooltip))
        room = self.app.size.width
        kept: list[tuple[int, int, Binding, bool, str]] = []
        for item in sorted(shown, key=lambda item: (item[0], item[1])):
            binding = item[2]
            need = _width(self.app.get_key_display(binding), binding.description, compact)
            if need <= room:
                kept.append(item)
                room -= need
        return [(binding, enabled, tooltip)
                for _rank, _order, binding, enabled, tooltip in sorted(kept,
                                                                        key=lambda item: item[1])]

    def _signature(self, keys: list[tuple[Binding, bool, str]]) -> tuple[object, ...]:
        return (self.app.size.width < COMPACT, *(
            (binding.key, self.app.get_key_display(binding), binding.description,
             binding.action, enabled, tooltip) for binding, enabled, tooltip in keys))

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self.compact = self.app.size.width < COMPACT
        keys = self._keys()
        self._shown = self._signature(keys)
        for binding, enabled, tooltip in keys:
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled,
                            tooltip=tooltip or binding.description).data_bind(
                                compact=Footer.compact)

    def bindings_changed(self, screen: Screen) -> None:
        """Show the keys even while the app does not have the focus: in the browser the
        page starts unfocused, and Textual's footer stayed blank until the first click."""
        self._bindings_ready = True
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._show_changed_keys)

    async def _show_changed_keys(self) -> None:
        """Build the keys again if what they say changed (restyling a dozen keys on every
        move of the focus cost more than the rest of a key press)."""
        if self.is_attached and (self._shown is None
                                 or self._signature(self._keys()) != self._shown):
            await self.recompose()

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.refresh(recompose=True)
