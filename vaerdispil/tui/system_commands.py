"""Textual's own words in the app's language: the palette's built-in entries (Theme, Quit,
Keys, Maximize, Screenshot), the palette's and the theme picker's search fields, the keys
panel, and the screenshot and ctrl+c notices.

Textual 8.2.8 (pinned) says these in English and has no catalog of its own; the app hands
each of them its words from here. The palette entries keep Textual's callbacks: only their
titles and help texts change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich import box
from rich.align import Align
from rich.table import Table
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.markup import escape
from textual.theme import ThemeProvider
from textual.widgets import HelpPanel, KeyPanel, Markdown
from textual.widgets._key_panel import BindingsTable  # not exported; Textual is pinned
from textual.widgets.option_list import Option

from ..i18n import text

if TYPE_CHECKING:
    from textual.app import App, ComposeResult
    from textual.binding import Binding

COMMANDS: dict[tuple[str, str], tuple[str, str]] = {
    ("Theme", "Change the current theme"): ("system.theme", "system.theme_help"),
    ("Quit", "Quit the application as soon as possible"): ("system.quit", "system.quit_help"),
    ("Keys", "Show help for the focused widget and a summary of available keys"):
        ("system.keys", "system.keys_show"),
    ("Keys", "Hide the keys and widget help panel"): ("system.keys", "system.keys_hide"),
    ("Maximize", "Maximize the focused widget"): ("system.maximize", "system.maximize_help"),
    ("Minimize", "Minimize the widget and restore to normal size"):
        ("system.minimize", "system.minimize_help"),
    ("Screenshot", "Save an SVG 'screenshot' of the current screen"):
        ("system.screenshot", "system.screenshot_help"),
}
"""Textual's palette entries (App.get_system_commands: title, help) and the keys of their
words in i18n. An entry a later Textual adds or rewords keeps its English (a test checks
that each entry 8.2.8 can show is here)."""


def localise_system_commands(commands: Iterable[SystemCommand],
                             language: str) -> Iterator[SystemCommand]:
    """Textual's palette entries with their titles and help in `language`, callbacks kept."""
    for command in commands:
        keys = COMMANDS.get((command.title, command.help))
        if keys is None:
            yield command
        else:
            yield command._replace(title=text(language, keys[0]), help=text(language, keys[1]))


class Palette(CommandPalette):
    """Textual's command palette, with its search field and "no matches" in the app's
    language."""

    def __init__(self, language: str, providers: Any = None, *,
                 placeholder_key: str = "system.search", id: str | None = None) -> None:
        super().__init__(providers, placeholder=text(language, placeholder_key), id=id)
        self.language = language

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual 8.2.8's own (a private method, kept as it is) with the app's words for
        'No matches found'."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(text(self.language, "system.no_matches"),
                                      style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def open_palette(app: App[Any], language: str) -> None:
    """The command palette (ctrl+p), as App.action_command_palette opens it."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(Palette(language, id="--command-palette"))


def open_theme_picker(app: App[Any], language: str) -> None:
    """The theme picker (the palette's Theme entry), as App.search_themes opens it."""
    app.push_screen(Palette(language, [ThemeProvider], placeholder_key="system.search_themes"))


def show_keys_panel(app: App[Any], language: str) -> None:
    """The keys panel (the palette's Keys entry), as App.action_show_help_panel shows it."""
    if not app.screen.query(HelpPanel):
        app.screen.mount(KeysHelpPanel(language))


def notify_screenshot(app: App[Any], language: str, path: Path | None,
                      saved: bool = True) -> None:
    """Textual's notice after the Screenshot entry, in `language`."""
    title = text(language, "system.screenshot")
    if not saved:
        app.notify(text(language, "system.screenshot_failed"), title=title, severity="error")
    elif path is None:
        app.notify(text(language, "system.screenshot_saved"), title=title)
    else:
        where = f"[$text-success]{escape(repr(str(path)))}[/]"
        app.notify(text(language, "system.screenshot_saved_to", path=where), title=title)


def tell_how_to_quit(app: App[Any], language: str) -> None:
    """Textual's notice when ctrl+c is pressed outside a text field (App.action_help_quit):
    it no longer quits, so say which key does."""
    for key, active in app.active_bindings.items():
        if active.binding.action in ("quit", "app.quit"):
            app.notify(text(language, "system.quit_press", keys=f"[b]{escape(key)}[/b]"),
                       title=text(language, "system.quit_title"))
            return


KEY_WORDS: dict[str, tuple[str, ...]] = {
    "da": (
        # Screen, App
        "Focus Next|Næste felt", "Focus Previous|Forrige felt",
        "Copy selected text|Kopiér den markerede tekst", "Quit|Luk",
        "Quit the app and return to the command prompt.|Luk programmet.",
        "Open the command palette|Find alt, hvad du kan gøre",
        # lists (OptionList, SelectionList, DataTable) and scrolling
        "Up|Op", "Down|Ned", "First|Første", "Last|Sidste", "Select|Vælg",
        "Page Up|En side op", "Page Down|En side ned", "Page up|En side op",
        "Page down|En side ned", "Page Left|En side til venstre",
        "Page Right|En side til højre", "Cursor up|Op", "Cursor down|Ned",
        "Cursor left|Venstre", "Cursor right|Højre", "Top|Øverst", "Bottom|Nederst",
        "Home|Helt til venstre", "End|Helt til højre", "Toggle option|Vælg eller fravælg",
        "Scroll Up|Rul op", "Scroll Down|Rul ned", "Scroll Left|Rul til venstre",
        "Scroll Right|Rul til højre", "Scroll Home|Rul til toppen", "Scroll End|Rul til bunden",
        # Button, Select, Tabs
        "Press button|Tryk på knappen", "Show menu|Vis valgene", "Dismiss menu|Luk valgene",
        "Next tab|Næste fane", "Previous tab|Forrige fane",
        # Input (a text field)
        "Input|Tekstfelt", "Submit|OK", "Move cursor left|Et tegn til venstre",
        ("Move cursor right or accept the completion suggestion|Et tegn til højre, eller tag "
         "forslaget"),
        "Move cursor left a word|Et ord til venstre",
        "Move cursor right a word|Et ord til højre",
        "Move cursor left and select|Markér et tegn til venstre",
        "Move cursor right and select|Markér et tegn til højre",
        "Move cursor left a word and select|Markér et ord til venstre",
        "Move cursor right a word and select|Markér et ord til højre",
        "Select all|Markér alt", "Go to start|Til starten", "Go to end|Til slutningen",
        "Select line start|Markér til starten", "Select line end|Markér til slutningen",
        "Delete character left|Slet tegnet til venstre",
        "Delete character right|Slet tegnet til højre",
        "Delete left to start of word|Slet ordet til venstre",
        "Delete right to start of word|Slet ordet til højre",
        "Delete all to the left|Slet alt til venstre", "Delete all to the right|Slet alt til højre",
        "Cut selected text|Klip den markerede tekst",
        "Paste text from the clipboard|Sæt tekst ind fra udklipsholderen",
    ),
}
"""What the keys panel says for Textual's own keys (their descriptions, tooltips and group
titles, as 'English|Danish'), for the widgets this app uses. English is Textual's own."""

_KEY_WORDS: dict[str, dict[str, str]] = {
    language: dict(pair.split("|", 1) for pair in pairs) for language, pairs in KEY_WORDS.items()
}


def key_words(language: str, words: str) -> str:
    """Textual's words for a key (or a group of keys) in `language`, where we have them."""
    return _KEY_WORDS.get(language, {}).get(words, words)


class KeysTable(BindingsTable):
    """The table of keys in Textual's keys panel, in the app's language."""

    def __init__(self, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.language = language

    def render_bindings_table(self) -> Table:
        """Textual 8.2.8's BindingsTable.render_bindings_table, with every description,
        tooltip and group title said through key_words."""
        def say(words: str) -> str:
            return key_words(self.language, words)

        table = Table(padding=(0, 0), show_header=False,
                      box=box.SIMPLE if self.get_component_styles(
                          "bindings-table--divider").color.a == 0 else box.HORIZONTALS,
                      border_style=self.get_component_rich_style("bindings-table--divider"))
        table.add_column("", justify="right")
        key_style = self.get_component_rich_style("bindings-table--key")
        header_style = self.get_component_rich_style("bindings-table--header")
        description_style = self.get_component_rich_style("bindings-table--description")

        def describe(binding: Binding) -> Text:
            words = Text.from_markup(say(binding.description), end="", style=description_style)
            if binding.tooltip:
                if binding.description:
                    words.append(" ")
                words.append(say(binding.tooltip), "dim")
            return words

        previous: object = None
        for namespace, grouped in groupby(self.screen.active_bindings.values(),
                                          key=itemgetter(0)):
            bindings = list(grouped)
            if not bindings:
                continue
            if namespace.BINDING_GROUP_TITLE:
                title = Text(say(namespace.BINDING_GROUP_TITLE), end="")
                title.stylize(header_style)
                table.add_row("", title)
            by_action: defaultdict[str, list[Binding]] = defaultdict(list)
            for _, binding, _enabled, _tooltip in bindings:
                if not binding.system:
                    by_action[binding.action].append(binding)
            for same in by_action.values():
                keys = " ".join(dict.fromkeys(self.app.get_key_display(one) for one in same))
                table.add_row(Text(keys, style=key_style), describe(same[0]))
            if namespace != previous:
                table.add_section()
            previous = namespace
        return table


class KeysPanel(KeyPanel):
    """Textual's keys panel with the table in the app's language."""

    def __init__(self, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.language = language

    def compose(self) -> ComposeResult:
        yield KeysTable(self.language, shrink=True, expand=False)


class KeysHelpPanel(HelpPanel):
    """Textual's help panel (the palette's Keys entry) in the app's language."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield KeysPanel(self.language, id="keys-help")
