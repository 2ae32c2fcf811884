"""The README's pictures of `vaerdispil serve`: headless Chromium at 1280x800 and 390x844.

    .venv/bin/python docs/screenshots.py        (writes docs/serve-*.png)

Needs chromium and chromium-driver (Debian), as tests/test_browser.py does, whose
browser and screen reader it uses. A workshop is set up by keys and its first card drawn.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from tests.test_browser import Browser  # noqa: E402
from tests.test_serve import free_port, start_server  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        server, address = start_server(Path(folder), free_port())
        browser = Browser(address, Path(folder), 1280, 800)
        try:
            browser.wait_for(lambda s: "Nyt værksted" in s.text(), "the start screen")
            browser.focus()
            browser.keys("\ue007")
            browser.wait_for(lambda s: "Organisationer" in s.text(), "the set-up")
            browser.keys("\ue033")
            browser.wait_for(lambda s: s.footer().split()[:2] == ["f6", "Start"], "the box")
            for line in ("Aarhus Kommune: Mette, Jonas", "Boligforeningen Ringgården: Lise",
                         "Netto (v): Ali", "Beboerforeningen: Hamid, Sara"):
                browser.keys(line, "\ue007")
            browser.wait_for(lambda s: "Hamid" in s.text(), "the people")
            browser.keys("\ue036")
            browser.wait_for(lambda s: "Runde 1" in s.text() and "f6" in s.footer(), "round 1")
            browser.keys(" ")
            browser.wait_for(lambda s: "Næste tur" in s.text(), "a card")
            browser.driver.save_screenshot(str(HERE / "serve-1280x800.png"))
            browser.driver.set_window_size(390, 844)
            browser.wait_for(lambda s: s.width < 50 and "f1" in s.footer(), "the phone size")
            browser.driver.save_screenshot(str(HERE / "serve-390x844.png"))
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
