"""The header at the top of every screen, safe to quit under at any moment."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class AppHeader(Header):
    """Textual's Header, whose title watchers survive a quit.

    Header watches the app's and the screen's title and updates its title part in a
    callback that runs on the next turn of the loop. A ctrl+q pressed while the first
    frame is still being built removes the parts before that callback runs, and Textual
    8.2.8 then raises NoMatches, which ended the app with an error instead of a quit.
    """

    def __init__(self) -> None:
        # A glyph every terminal and browser font has (Textual's ⭘, U+2B58, shows as a box
        # in many fonts, and in the browser when the web font cannot load offline).
        super().__init__(icon="●")

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Header._on_mount, which does the same unguarded

        async def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoScreen, NoMatches):
                pass  # the header is going away: nothing to show

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
