"""Lists that say their state in characters, not colour alone: on a washed-out projector
or a monochrome terminal the highlighted line and the ticked boxes still read as such.

`CursorList` is an OptionList with a ▶ before the highlighted option (▷ while another
widget has the keyboard); `TickList` is a SelectionList whose boxes read "[x]" and "[ ]"
(Textual's "▐X▌" differs by colour only).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

CURSOR, CURSOR_BLURRED = "▶", "▷"
"""Before the highlighted option of the list with the keyboard, and of the others (U+25B6
and U+25B7: the block of the ● and ○ the vote already uses)."""
TICKED, UNTICKED = "[x]", "[ ]"
"""A ticked and an empty box: plain ASCII, so every terminal font has them."""


def _gutter(line: Strip, text: str, index: int, bold: bool) -> Strip:
    """`line` with `text` before it, in the line's own style (so a highlighted line's
    background runs through), carrying the option's index (so a click on it counts)."""
    base = next(iter(line)).style if line.cell_length else None
    style = (base or Style()) + Style(bold=True if bold else None, meta={"option": index})
    return Strip([Segment(text, style), *line])


def _cursor(listing: OptionList) -> str:
    """The mark of a list's highlighted option: ▶ while it has the keyboard, else ▷."""
    return CURSOR if listing.has_focus else CURSOR_BLURRED


class CursorList(OptionList):
    """An OptionList that marks the highlighted option with ▶ (▷ while another widget has
    the keyboard), not only with colour."""

    GUTTER = 2

    def _get_left_gutter_width(self) -> int:
        return self.GUTTER

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # OptionList measures wrapped prompts at the full width; ours have less room.
        return super().get_content_height(container, viewport, max(1, width - self.GUTTER))

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return line  # below the last option: a blank line, full width already
        marked = index == self.highlighted and offset == 0
        return _gutter(line, f"{_cursor(self)} " if marked else "  ", index, marked)


class TickList(SelectionList[str]):
    """A SelectionList whose boxes read [x] when ticked and [ ] when not, with ▶ before
    the highlighted choice."""

    GUTTER = len(CURSOR + TICKED + " ")

    def _get_left_gutter_width(self) -> int:
        return self.GUTTER

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return super().get_content_height(container, viewport, max(1, width - self.GUTTER))

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the prompt, without Textual's coloured box
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            selection = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        if offset:
            return _gutter(line, " " * self.GUTTER, index, False)
        ticked = selection.value in self._selected
        cursor = _cursor(self) if index == self.highlighted else " "
        return _gutter(line, f"{cursor}{TICKED if ticked else UNTICKED} ", index, ticked)
