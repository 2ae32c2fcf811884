"""One language at a time (issue 15): Textual's own palette entries, search fields, keys
panel and notices follow the app's language, and the command line speaks the language of
--lang or, without it, of the locale."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.command import CommandInput, CommandList
from textual.events import DeliveryComplete, DeliveryFailed
from textual.pilot import Pilot

from tests.conftest import CARDS, run_cli
from vaerdispil.cli import build_parser, choose_language
from vaerdispil.deck.loader import load_deck
from vaerdispil.i18n import CLI_LANGUAGE, cli_text
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.system_commands import COMMANDS, KEY_WORDS, KeysTable

DANISH = {"Tema", "Luk", "Taster", "Gør størst", "Skærmbillede"}
ENGLISH = {"Theme", "Quit", "Keys", "Maximize", "Screenshot"}


def app_in(language: str) -> VaerdispilApp:
    return VaerdispilApp(load_deck(CARDS / f"vaerdispil.{language}.yaml"), language)


async def open_palette(app: VaerdispilApp, pilot: Pilot[None]) -> list[str]:
    """Press ctrl+p and wait until the palette has listed its commands: their titles."""
    await pilot.press("ctrl+p")
    await app.workers.wait_for_complete()
    await pilot.pause()
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(index).prompt).split("\n")[0]
            for index in range(commands.option_count)]


# The palette and Textual's own dialogs ------------------------------------------------

@pytest.mark.parametrize(("language", "words", "other", "placeholder", "themes"), [
    ("da", DANISH, ENGLISH, "Hvad vil du gøre? Skriv for at søge …", "Søg efter et tema …"),
    ("en", ENGLISH, DANISH, "Search for commands…", "Search for themes…"),
])
async def test_the_palette_speaks_the_apps_language(language: str, words: set[str],
                                                    other: set[str], placeholder: str,
                                                    themes: str) -> None:
    app = app_in(language)
    async with app.run_test(size=(100, 30)) as pilot:
        titles = await open_palette(app, pilot)
        assert words <= set(titles)
        assert not other & set(titles)
        assert app.screen.query_one(CommandInput).placeholder == placeholder
        # The theme entry opens Textual's theme picker, its search field in the language too.
        await pilot.press(*(next(title for title in titles if title in ("Tema", "Theme"))))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == themes


async def test_every_entry_textual_can_show_has_our_words() -> None:
    """Keys (show and hide), Maximize and Minimize come and go with the screen's state."""
    app = app_in("da")
    async with app.run_test(size=(100, 30)) as pilot:
        seen: set[tuple[str, str]] = set()

        def collect() -> None:
            for command in App.get_system_commands(app, app.screen):
                seen.add((command.title, command.help))
            for command in app.get_system_commands(app.screen):
                assert (command.title, command.help) not in COMMANDS  # all were replaced

        collect()
        app.action_show_help_panel()
        await pilot.pause()
        collect()
        assert app.screen.focused is not None
        app.screen.maximize(app.screen.focused)
        await pilot.pause()
        collect()
        assert seen == set(COMMANDS)


async def test_the_keys_panel_in_danish() -> None:
    app = app_in("da")
    async with app.run_test(size=(100, 30)) as pilot:
        titles = await open_palette(app, pilot)
        assert "Taster" in titles
        await pilot.press(*"taster", "enter")
        await pilot.pause()
        table = app.screen.query_one(KeysTable)
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(table.render_bindings_table())
        shown = console.export_text()
        assert "Næste felt" in shown and "Luk" in shown
        assert "Focus Next" not in shown and "Scroll" not in shown
        # Keys again hides the panel (Textual's own callback, found by its Danish name).
        assert "Skjul ruden med taster" in [command.help for command in
                                            app.get_system_commands(app.screen)]


def test_every_textual_key_of_our_widgets_has_danish_words() -> None:
    from textual import containers, screen, widgets
    from textual.binding import Binding
    from textual.widgets._select import SelectCurrent, SelectOverlay
    from textual.widgets._tabbed_content import ContentTabs

    used = [widgets.DataTable, widgets.OptionList, widgets.SelectionList, widgets.Input,
            widgets.Select, SelectCurrent, SelectOverlay, widgets.Button, widgets.TabbedContent,
            widgets.Tabs, ContentTabs, widgets.Markdown, containers.VerticalScroll,
            screen.Screen, screen.ModalScreen, App]
    words = set()
    for widget in used:
        for cls in widget.__mro__:
            if getattr(cls, "BINDING_GROUP_TITLE", None):
                words.add(cls.BINDING_GROUP_TITLE)
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    words |= {binding.description, binding.tooltip} - {""}
                elif len(binding) > 2:
                    words.add(binding[2])
    danish = dict(pair.split("|", 1) for pair in KEY_WORDS["da"])
    assert words - set(danish) == set()


@pytest.mark.parametrize(("language", "saved", "failed"), [
    ("da", "Skærmbilledet er gemt i", "Skærmbilledet kunne ikke gemmes"),
    ("en", "Saved screenshot to", "Failed to save screenshot"),
])
async def test_screenshot_notices(language: str, saved: str, failed: str) -> None:
    app = app_in(language)
    async with app.run_test(size=(100, 30)) as pilot:
        app.post_message(DeliveryComplete(key="1", path=Path("shot.svg"), name="screenshot"))
        app.post_message(DeliveryFailed(key="2", exception=OSError("disk"), name="screenshot"))
        await pilot.pause()
        messages = [notice.message for notice in app._notifications]
        assert len(messages) == 2  # ours only: Textual's English ones are not shown as well
        assert saved in messages[0] and "shot.svg" in messages[0]
        assert messages[1] == failed


async def test_ctrl_c_outside_a_field_says_how_to_quit_in_danish() -> None:
    app = app_in("da")
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_help_quit()
        await pilot.pause()
        (notice,) = app._notifications
        assert notice.title == "Vil du lukke programmet?"
        assert "for at lukke programmet" in notice.message


# The command line ------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "environment", "language"), [
    ([], {}, "en"),
    ([], {"LANG": "da_DK.UTF-8"}, "da"),
    ([], {"LANG": "en_US.UTF-8"}, "en"),
    ([], {"LANG": "C"}, "en"),
    ([], {"LANG": "en_US.UTF-8", "LANGUAGE": "da:en"}, "da"),
    ([], {"LANG": "da_DK.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
    ([], {"LANG": "da_DK.UTF-8", "LC_MESSAGES": "C", "LC_ALL": ""}, "en"),
    ([], {"LANG": "dav_KE"}, "en"),  # Taita, not Danish
    (["--lang", "en", "deck", "list"], {"LANG": "da_DK.UTF-8"}, "en"),
    (["deck", "list", "--lang=da"], {"LANG": "en_US.UTF-8"}, "da"),
    (["--lang", "da", "play", "--lang", "en"], {}, "en"),  # the last one, as argparse does
    (["--la", "da"], {}, "da"),  # argparse's abbreviation
    (["--lang", "fr"], {"LANG": "da_DK.UTF-8"}, "da"),  # not a language: the locale says
    (["export", "--", "--lang", "da"], {}, "en"),  # after --, a file name
])
def test_the_command_lines_language(argv: list[str], environment: dict[str, str],
                                    language: str) -> None:
    assert choose_language(argv, environment) == language


def test_an_error_in_danish_from_the_locale(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, out, err = run_cli(capsys, "deck", "check")
    assert code == 2 and out == ""
    assert err == "vaerdispil deck check: FIL mangler (se vaerdispil deck check --help)\n"
    assert CLI_LANGUAGE.get() == "en"  # the run's language ends with the run


@pytest.mark.parametrize(("args", "danish"), [
    (["--lang", "fr"], ("vaerdispil: --lang: 'fr' er ikke en mulighed (vælg mellem 'da', "
                        "'en') (se vaerdispil --help)")),
    (["deck", "list", "more"], "vaerdispil: kan ikke bruges her: more (se vaerdispil --help)"),
    (["print", "cards", "--deck"], ("vaerdispil print cards: --deck: mangler en værdi "
                                    "(se vaerdispil print cards --help)")),
    (["serve", "--port", "x"], ("vaerdispil serve: --port: 'x' er ikke et portnummer "
                                "(se vaerdispil serve --help)")),
    (["demo", "--speed", "-1"], ("vaerdispil demo: --speed: hastigheden kan ikke være "
                                 "negativ (se vaerdispil demo --help)")),
    (["print", "cards", "--back-offset", "1,2", "--no-backs"],
     ("vaerdispil print cards: --back-offset flytter bagsiderne, når der printes på begge "
      "sider; den gør intet sammen med --no-backs eller --duplex fold")),
    (["report", "x", "-o", "r.txt"], ("vaerdispil report: -o skal være en .pdf- eller "
                                      ".csv-fil, ikke 'r.txt' (se vaerdispil report --help)")),
])
def test_errors_in_danish(args: list[str], danish: str, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert err == danish + "\n"


def test_lang_en_speaks_english_in_a_danish_locale(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, _, err = run_cli(capsys, "--lang", "en", "deck", "check")
    assert code == 2
    assert err == ("vaerdispil deck check: the following arguments are required: FILE "
                   "(see vaerdispil deck check --help)\n")
    code, out, _ = run_cli(capsys, "--lang", "en", "--help")
    assert out.startswith("usage: vaerdispil") and "show this help message and exit" in out


def test_an_english_locale_speaks_english(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and out.startswith("usage: vaerdispil")
    assert "options:" in out and "brug:" not in out


def test_help_in_danish(capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    assert out.startswith("brug: vaerdispil [-h] [--version] [--lang {da,en}] [--deck DECK] "
                          "KOMMANDO ...")
    for words in ("argumenter:", "tilvalg:", "vis denne hjælp og afslut",
                  "vis versionsnummeret og afslut", "kør et værksted", "gemte værksteder"):
        assert words in out
    code, out, _ = run_cli(capsys, "print", "summary", "--help")
    assert out.startswith("brug: vaerdispil print summary [-h] [-o FIL.pdf] [--anonymous] "
                          "VÆRKSTED")
    assert "Opsamlingen af et værksted som A4-PDF" in out and "udelad deltagernes navne" in out


def parser_texts(parser: argparse.ArgumentParser, path: str = "") -> dict[str, str]:
    """Every text of a parser and its subcommands' parsers: descriptions, help, headings."""
    texts = {f"{path}:description": parser.description or ""}
    for number, group in enumerate(parser._action_groups):
        texts[f"{path}:group {number}"] = group.title or ""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            texts[f"{path}:{action.dest}"] = action.help or ""
        else:  # the line of COMMAND: each command's help, then each command's own parser
            for choice in action._choices_actions:
                texts[f"{path} {choice.dest}:help"] = choice.help or ""
            for command, subparser in action.choices.items():
                texts |= parser_texts(subparser, f"{path} {command}")
    return texts


def test_every_command_and_option_has_danish_help() -> None:
    english = parser_texts(build_parser("en"))
    danish = parser_texts(build_parser("da"))
    assert english.keys() == danish.keys()
    untranslated = {key for key in english if english[key] and english[key] == danish[key]}
    assert untranslated == set()
    assert all(text for key, text in english.items() if not key.endswith(":description")
               and ":group" not in key), "a command or option without help"


def test_info_lines_in_danish(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "print", "calibration", "--duplex", "short")
    assert code == 0
    assert out == ("skrev vaerdispil-calibration-short.pdf: 2 sider (print begge sider i faktisk "
                   "størrelse, vend på den korte kant, og aflæs X,Y på bagsiden)\n")
    code, out, _ = run_cli(capsys, "deck", "check", str(CARDS / "vaerdispil.da.yaml"))
    assert out.endswith(": ok: vaerdispil (da), 85 kort (4 blank, 23 question, 58 value), "
                        "6 runder\n")
    code, out, _ = run_cli(capsys, "deck", "list")
    assert out.splitlines()[0].split() == ["ID", "SPROG", "KORT", "TITEL", "HVOR"]
    assert "Dine egne kortspil:" in out
    code, out, _ = run_cli(capsys, "sessions", "list")
    assert out.startswith("Ingen gemte værksteder i ")


def test_cli_text_follows_the_run() -> None:
    token = CLI_LANGUAGE.set("da")
    try:
        assert cli_text("cli.usage") == "brug: "
    finally:
        CLI_LANGUAGE.reset(token)
    assert cli_text("cli.usage") == "usage: "


def test_the_installed_command_reads_the_locale(tmp_path: Path) -> None:
    """As a person runs it: `vaerdispil` reads its arguments and the environment itself."""
    environment = {**os.environ, "LANG": "da_DK.UTF-8", "VAERDISPIL_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "vaerdispil", "deck", "check"],
                            capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 2
    assert result.stderr == "vaerdispil deck check: FIL mangler (se vaerdispil deck check --help)\n"
