"""The app as the browser mode runs it: files go to the browser, named for it, and the
notice names no path on the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.test_tui_workshop import DECK, netto_game
from vaerdispil.tui.app import VaerdispilApp


async def test_served_prints_and_exports_are_downloads_named_for_the_browser(
        clock: FakeClock, tmp_path: Path, vaerdispil_home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    delivered: list[str] = []  # the names the browser saves them as
    monkeypatch.setattr(VaerdispilApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(VaerdispilApp, "deliver_binary",
                        lambda self, path, save_filename: delivered.append(save_filename))
    said: list[str] = []
    monkeypatch.setattr(VaerdispilApp, "notify",
                        lambda self, message, *args, **kwargs: said.append(str(message)))
    game = netto_game(tmp_path / "w.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.print_summary()
        await app.workers.wait_for_complete()
        app.print_summary()  # again, at the same second: a second file, not the same name
        await app.workers.wait_for_complete()
        app._print(DECK, "long")  # noqa: SLF001 - as the print dialog does
        app._print(DECK, "long")  # noqa: SLF001 - a second tab (or a second click)
        await app.workers.wait_for_complete()
        app.export_summary()
        await app.workers.wait_for_complete()
        await pilot.pause()
    time = clock().strftime("%H%M%S")
    assert delivered[:2] == [f"w-summary-{time}.pdf", f"w-summary-{time}-2.pdf"]
    prints = delivered[2:4]
    assert len(set(prints)) == 2 and all(name.startswith("vaerdispil-da-cards-a4-duplex-long-")
                                         for name in prints)
    assert delivered[4:] == [f"w-{time}.md", f"w-{time}.json"]
    done = [message for message in said if message.startswith("Hentet")]
    assert done[0].startswith(f"Hentet: w-summary-{time}.pdf (")
    assert f"Hentet: w-{time}.md, w-{time}.json" in done
    assert not any(str(tmp_path) in message or str(vaerdispil_home) in message
                   for message in said)  # no server path in any notice


async def test_a_workshop_open_in_another_tab_is_offered_to_see_and_never_changed(
        clock: FakeClock, vaerdispil_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vaerdispil.session.game import Game
    from vaerdispil.tui.dialogs.form import FormDialog
    from vaerdispil.tui.screens.summary import SummaryScreen

    folder = vaerdispil_home / "sessions"
    elsewhere = netto_game(folder / "2027-03-01-vollsmose.jsonl", clock)  # the other tab
    before = elsewhere.log.path.read_bytes()
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.open_saved(elsewhere.log.path)  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Said in the app's words, with no path on the server, and offered to see.
        assert isinstance(app.screen, FormDialog)
        said = app.screen.form_title
        assert said.startswith("»2027-03-01-vollsmose« er åbent i et andet vindue")
        assert str(folder) not in said
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.game is None
        assert "kun til at se" in app.screen.title
        assert "Netto" in app.export_screenshot()  # its organisations, on screen
        await pilot.press("e")  # the export is written beside the log
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+z")  # nothing to undo: it is not this tab's workshop
        await pilot.press("escape")
        await pilot.pause()
    assert "Netto" in (folder / "2027-03-01-vollsmose.md").read_text(encoding="utf-8")
    assert elsewhere.log.path.read_bytes() == before  # untouched
    elsewhere.close()
    assert isinstance(Game.open(folder / "2027-03-01-vollsmose.jsonl"), Game)


async def test_the_saved_list_is_read_again_when_the_window_gets_the_focus(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    from textual.events import AppFocus
    from textual.widgets import OptionList

    folder = vaerdispil_home / "sessions"
    elsewhere = netto_game(folder / "2027-03-01-vollsmose.jsonl", clock)  # the other tab
    app = VaerdispilApp(DECK, "da", clock=clock)

    def listed() -> str:
        saved = app.screen.query_one("#saved", OptionList)
        return " ".join(str(saved.get_option_at_index(i).prompt)
                        for i in range(saved.option_count))

    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = listed()
        assert "vollsmose" in first.lower() or "Vollsmose" in first
        elsewhere.next_round()  # the other tab plays on
        clock.advance(60)
        app.post_message(AppFocus())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert listed() != first
    elsewhere.close()
