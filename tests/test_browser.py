"""`vaerdispil serve` in a real browser: headless Chromium, driven through selenium.

What a facilitator meets: the page loads with every host but 127.0.0.1 unreachable (a
basement meeting room has no internet), the footer shows its keys before the page has
the focus, set-up is played by keys to the first turn, and the summary downloads twice
without a popup. No request may leave 127.0.0.1, and every character on the screen must
be in a font the page itself serves (or be one that xterm.js draws itself).

The terminal is drawn on a canvas, so the test reads the screen from the bytes the page
receives over its socket: a script added before the page's own records them, and a small
reader below plays them onto a grid the way the terminal does.

Needs the Debian packages chromium and chromium-driver (`.ci/run` installs them where it
can); skipped with one line where they are missing.
"""

from __future__ import annotations

import base64
import json
import shutil
import time
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.test_serve import free_port, start_server

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome")
                 if (path := shutil.which(name))), None)
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium "
           "chromium-driver); the real-browser test of `serve` did not run")

RECORDER = """
(() => {
  const Native = window.WebSocket;
  window.__screenIn = [];
  window.__screenOut = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        const bytes = new Uint8Array(event.data);
        let text = "";
        for (let i = 0; i < bytes.length; i += 8192) {
          text += String.fromCharCode(...bytes.subarray(i, i + 8192));
        }
        window.__screenIn.push(btoa(text));
      });
    }
    send(data) { window.__screenOut.push(String(data)); return super.send(data); }
  };
})();
"""
"""Added before the page's own scripts: keeps what the terminal receives and sends."""

CUSTOM_GLYPHS = (range(0x2500, 0x25A0), range(0xE0A0, 0xE0D5))
"""Box drawing and block elements (and powerline): xterm.js draws these itself."""


class Screen:
    """The terminal's grid, played from the bytes the app wrote (enough of a terminal for
    what Textual writes: cursor moves, text, and escape sequences to skip)."""

    def __init__(self) -> None:
        self.data = b""
        self.width = 80
        self.height = 24

    def rows(self) -> list[str]:
        grid = [[" "] * self.width for _ in range(self.height)]
        text = self.data.decode("utf-8", "replace")
        x = y = 0
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\x1b" and i + 1 < len(text):
                kind = text[i + 1]
                if kind == "[":  # CSI: parameters, then one final byte
                    j = i + 2
                    while j < len(text) and not ("@" <= text[j] <= "~"):
                        j += 1
                    if j < len(text) and text[j] == "H":
                        parts = text[i + 2:j].split(";")
                        y = int(parts[0] or 1) - 1 if parts[0] else 0
                        x = int(parts[1] or 1) - 1 if len(parts) > 1 else 0
                    i = j + 1
                    continue
                if kind in "]P_^":  # OSC, DCS and the like: up to BEL or ESC \
                    j = i + 2
                    while j < len(text) and text[j] != "\x07" and text[j:j + 2] != "\x1b\\":
                        j += 1
                    i = j + (1 if j < len(text) and text[j] == "\x07" else 2)
                    continue
                i += 2
                continue
            if char == "\r":
                x = 0
            elif char == "\n":
                y += 1
            elif char >= " ":
                if 0 <= y < self.height and 0 <= x < self.width:
                    grid[y][x] = char
                x += 2 if unicodedata.east_asian_width(char) in "WF" else 1
            i += 1
        return ["".join(row).rstrip() for row in grid]

    def text(self) -> str:
        return "\n".join(self.rows())

    def footer(self) -> str:
        rows = [row for row in self.rows() if row.strip()]
        return rows[-1] if rows else ""


class Browser:
    """One headless Chromium tab on the served page, and what it received."""

    def __init__(self, address: str, downloads: Path, width: int, height: int) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--disable-background-networking",
                         "--disable-extensions", "--no-first-run",
                         f"--window-size={width},{height}",
                         # No host but this machine resolves: as in a room without internet.
                         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                    {"source": RECORDER})
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {
            "behavior": "allow", "downloadPath": str(downloads)})
        self.screen = Screen()
        self.requests: list[str] = []
        self.driver.get(address)

    def read(self) -> Screen:
        chunks, sent = self.driver.execute_script(
            "return [window.__screenIn.splice(0), window.__screenOut.splice(0)];")
        self.screen.data += b"".join(base64.b64decode(chunk) for chunk in chunks)
        for message in sent:
            kind, *rest = json.loads(message)
            if kind == "resize":
                self.screen.width = rest[0]["width"]
                self.screen.height = rest[0]["height"]
        return self.screen

    def wait_for(self, check: Callable[[Screen], bool], what: str) -> Screen:
        """Until `check` holds for the screen; fails after a generous bound."""
        for _ in range(600):
            screen = self.read()
            if check(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"the page never showed {what}:\n{self.read().text()}")

    def focus(self) -> None:
        """Give the terminal the focus, as a click would, without clicking on the app."""
        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus();")

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        for key in keys:
            ActionChains(self.driver).send_keys(key).perform()

    def network(self) -> list[str]:
        """Every address the page asked for, since the last call."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            elif message["method"] in ("Network.webSocketCreated", "Page.downloadWillBegin"):
                self.requests.append(message["params"]["url"])
        return self.requests

    def close(self) -> None:
        self.driver.quit()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    server, address = start_server(tmp_path, free_port())
    try:
        yield address
    finally:
        server.terminate()
        server.wait(timeout=10)


def served_fonts() -> dict[str, set[int]]:
    """The characters of each font the page loads, by the font's address."""
    import textual_serve
    from reportlab.pdfbase.ttfonts import TTFontFile

    import vaerdispil

    roboto = Path(textual_serve.__file__).parent / "static" / "fonts"
    fonts = {
        "roboto": roboto / "RobotoMono-VariableFont_wght.ttf",
        "symbols": Path(vaerdispil.__file__).parent / "fonts" / "DejaVuSans.ttf",
    }
    return {name: set(TTFontFile(str(path)).charToGlyph) for name, path in fonts.items()}


def symbol_ranges() -> list[range]:
    """The unicode-range the page's CSS gives the symbols' font."""
    import vaerdispil

    css = (Path(vaerdispil.__file__).parent / "web" / "static" / "page.css").read_text()
    block = css.split("/* symbols */", 1)[1].split("}", 1)[0]
    spans = block.split("unicode-range:", 1)[1].split(";", 1)[0].split(",")
    ranges = []
    for span in spans:
        low, _, high = span.strip().removeprefix("U+").partition("-")
        ranges.append(range(int(low, 16), int(high or low, 16) + 1))
    return ranges


def missing_glyphs(text: str) -> set[str]:
    fonts = served_fonts()
    symbols = [number for span in symbol_ranges() for number in span
               if number in fonts["symbols"]]
    covered = fonts["roboto"] | set(symbols)
    return {char for char in text if char.strip() and ord(char) not in covered
            and not any(ord(char) in span for span in CUSTOM_GLYPHS)}


def test_a_workshop_in_the_browser_offline(served: str, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = Browser(served, downloads, 1280, 800)
    try:
        # Before anything has the focus: the start screen, with its keys in the footer.
        screen = browser.wait_for(lambda s: "Nyt værksted" in s.text() and "^q" in s.footer(),
                                  "the start screen with its footer")
        assert "f1" in screen.footer() and "Hjælp" in screen.footer()
        assert screen.width >= 120  # the page fills 1280 pixels
        assert not missing_glyphs(screen.text())

        # Set-up by keys, to the first turn.
        browser.focus()
        browser.keys("\ue007")  # Enter: "Nyt værksted"
        browser.wait_for(lambda s: "Organisationer" in s.text(), "the set-up")
        browser.keys("\ue033")  # F3: the list box (its footer puts "f6 Start" first)
        browser.wait_for(lambda s: s.footer().split()[:2] == ["f6", "Start"], "the list box")
        for line in ("Aarhus Kommune: Mette, Jonas", "Netto (v): Søren Ærø"):
            browser.keys(line, "\ue007")
        screen = browser.wait_for(lambda s: "Søren Ærø" in s.text(), "the people added")
        assert "Aarhus Kommune" in screen.text() and "Mette" in screen.text()
        browser.keys("\ue036")  # F6: start
        screen = browser.wait_for(  # whose turn it is, and the keys
            lambda s: "Runde 1" in s.text() and "Mette" in s.text() and "f6" in s.footer(),
            "the first turn")
        # The round's footer at 1280 wide: the keys that move the workshop on.
        for key in ("f1", "f6", "f9", "f2", "^q"):
            assert key in screen.footer(), (key, screen.footer())
        assert not missing_glyphs(screen.text())
        # Narrower windows keep the keys that matter most (F1 lists them all).
        for width, height, keys in ((800, 600, ("f1", "f6", "f9", "⏎", "space")),
                                    (390, 844, ("f1", "f6", "space"))):
            browser.driver.set_window_size(width, height)
            screen = browser.wait_for(lambda s, w=width: s.width < w / 8 and "f1" in s.footer(),
                                      f"the round at {width} pixels wide")
            for key in keys:
                assert key in screen.footer(), (width, key, screen.footer())
        browser.driver.set_window_size(1280, 800)

        # The summary, as a PDF, twice: each downloads in place, with its own name.
        browser.keys("\ue039")  # F9
        browser.wait_for(lambda s: "Print PDF" in s.footer() or "PDF" in s.footer(),
                         "the summary")
        for count in (1, 2):
            browser.keys("p")
            browser.wait_for(lambda s: s.text().count("Hentet:") == count, "the download notice")
            for _ in range(600):
                done = sorted(path.name for path in downloads.iterdir() if path.suffix == ".pdf")
                if len(done) == count:
                    break
                time.sleep(0.05)
            assert len(done) == count, sorted(path.name for path in downloads.iterdir())
        assert all("-summary-" in name for name in done)
        said = browser.read().text()  # the notices name the files (wrapped), no server path
        assert said.count("Hentet:") == 2 and str(tmp_path) not in said
        for name in done:
            assert name.removesuffix(".pdf") in said
            assert (downloads / name).read_bytes().startswith(b"%PDF")
        # The first link works again, from the same page.
        link = next(url for url in browser.network() if "/download/" in url)
        status = browser.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0]).then((r) => done(r.status), () => done(0));", link)
        assert status == 200

        # Nothing asked for beyond this machine.
        hosts = {urllib.parse.urlsplit(url).hostname for url in browser.network()
                 if not url.startswith(("data:", "blob:", "about:"))}
        assert hosts == {"127.0.0.1"}, hosts
        # Every font the page uses came from the server and loaded.
        fonts = browser.driver.execute_script(
            "return Array.from(document.fonts).map((f) => f.status);")
        assert fonts and "error" not in fonts, fonts
    finally:
        browser.close()
