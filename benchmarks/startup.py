"""Benchmark: launch to the first frame of the start screen, against a bare Textual app
(header, one line, footer) launched the same way in the same run.

    .venv/bin/python benchmarks/startup.py

Each launch is a fresh `python` process that runs the app headless and quits right after
its first frame, so imports and Python's own start are counted. Aim: ratio at most 1.3.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 7

CHILD = """
import sys
from textual.app import App
from textual.widgets import Footer, Header, Static

def quit_after_first_frame(app):
    app.call_after_refresh(app.exit)

if sys.argv[1] == "bare":
    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("Værdispillet")
            yield Footer()
        def on_mount(self):
            quit_after_first_frame(self)
    Bare().run(headless=True)
else:
    from vaerdispil.app_commands import build_app
    app = build_app(None, None)
    app.call_after_refresh(app.exit)
    app.run(headless=True)
"""


def launch(which: str, home: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", CHILD, which], check=True,
                   env={"VAERDISPIL_HOME": home, "PATH": "/usr/bin:/bin"})
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        launch("vaerdispil", home)  # warm the file cache and bytecode
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine
            bare.append(launch("bare", home))
            ours.append(launch("vaerdispil", home))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app:  median {b * 1000:6.0f} ms of {RUNS} launches")
    print(f"vaerdispil start:  median {o * 1000:6.0f} ms of {RUNS} launches")
    print(f"ratio: {o / b:.2f} (aim: at most 1.3)")


if __name__ == "__main__":
    main()
