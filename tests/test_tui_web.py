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


async def test_a_workshop_open_in_another_tab_is_said_in_the_apps_words(
        clock: FakeClock, vaerdispil_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vaerdispil.session.game import Game

    said: list[str] = []
    monkeypatch.setattr(VaerdispilApp, "notify",
                        lambda self, message, *args, **kwargs: said.append(str(message)))
    folder = vaerdispil_home / "sessions"
    elsewhere = netto_game(folder / "2027-03-01-vollsmose.jsonl", clock)  # the other tab
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.open_saved(elsewhere.log.path)  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.game is None
    elsewhere.close()
    assert any(message.startswith("»2027-03-01-vollsmose« er åbent i et andet vindue")
               for message in said)
    assert not any(str(folder) in message for message in said)
    assert isinstance(Game.open(folder / "2027-03-01-vollsmose.jsonl"), Game)  # untouched
