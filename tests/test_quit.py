"""ctrl+q at any moment ends the app cleanly: exit 0, no message, no crash report, and no
half-written file: while the first frame is built, with a dialog open, while a PDF is
being made, and from the browser under `vaerdispil serve`."""

from __future__ import annotations

import asyncio
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import CARDS
from vaerdispil.deck.loader import load_deck
from vaerdispil.tui.app import VaerdispilApp


async def quit_after(app: VaerdispilApp, before: list[str], turns: int) -> None:
    """Run `app` headless: press `before`, let the loop turn `turns` times, press ctrl+q."""

    async def drive(pilot: Pilot[None]) -> None:
        if before:
            await pilot.press(*before)
        for _ in range(turns):
            await asyncio.sleep(0)  # one turn of the event loop: not a wait for time
        await pilot.press("ctrl+q")

    await app.run_async(headless=True, auto_pilot=drive, size=(80, 24))


@pytest.mark.parametrize("turns", range(0, 12))
async def test_quit_while_the_start_screen_is_being_built(turns: int,
                                                          vaerdispil_home: Path) -> None:
    # As `vaerdispil` starts: the default deck loads in a thread after the first frame,
    # the saved workshops are read in another.
    app = VaerdispilApp(deck=None, language="da")
    await quit_after(app, [], turns)
    assert app.return_code == 0
    assert not (vaerdispil_home / "crash.log").exists()


@pytest.mark.parametrize("turns", [0, 1, 3])
async def test_quit_with_a_dialog_open(turns: int, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(load_deck(CARDS / "vaerdispil.da.yaml"), "da")
    await quit_after(app, ["down", "down", "enter"], turns)  # "Print kort": the print dialog
    assert app.return_code == 0
    assert not (vaerdispil_home / "crash.log").exists()


def run_in_terminal(keys: str, home: Path, *args: str) -> tuple[int, str]:
    """Run `vaerdispil ARGS` in a pseudo-terminal, as a person would, with TEXTUAL_PRESS
    pressing `keys` as soon as the app can take them: the exit code and all it printed."""
    leader, follower = pty.openpty()
    env = {**os.environ, "VAERDISPIL_HOME": str(home), "TEXTUAL_PRESS": keys,
           "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen([sys.executable, "-m", "vaerdispil", *args], stdin=follower,
                               stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    output = bytearray()
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:  # a hung app: fail rather than hang the suite
                process.kill()
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the app closed the terminal
                break
            if not chunk:
                break
            output += chunk
        code = process.wait(timeout=60)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return code, output.decode("utf-8", "replace")


@pytest.mark.parametrize(("keys", "moment"), [
    ("ctrl+q", "right after launch"),
    ("down,down,enter,ctrl+q", "with the print dialog open"),
    ("down,down,enter,enter,ctrl+q", "while the card PDF is being made"),
])
def test_quit_in_a_terminal_is_exit_0_with_no_message(keys: str, moment: str,
                                                      vaerdispil_home: Path) -> None:
    code, output = run_in_terminal(keys, vaerdispil_home)
    assert code == 0, f"{moment}: {output[-500:]}"
    assert "error" not in output.lower(), moment
    assert "Traceback" not in output, moment
    assert not (vaerdispil_home / "crash.log").exists(), moment
    prints = vaerdispil_home / "prints"
    made = sorted(path.name for path in prints.iterdir()) if prints.exists() else []
    # A PDF begun before the quit is either finished or not there: never half a file.
    assert made in ([], ["vaerdispil-da-cards-a4-duplex-long.pdf"]), made
    for name in made:
        assert (prints / name).read_bytes().rstrip().endswith(b"%%EOF")
