"""Benchmark: launch to the first frame of the start screen, against a bare Textual app
(header, one line, footer) launched the same way in the same run.

    .venv/bin/python benchmarks/startup.py

Each launch is a fresh `python` process that runs the `vaerdispil` command (the command
line, then the app) headless and quits right after its first frame, so imports and
Python's own start are counted; work the app does after its first frame is not. Aim: ratio at most 1.3.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 11

CHILD = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, Static

def first_frame(app):
    with open(sys.argv[2], "w") as out:  # the wall-clock moment of the first frame
        out.write(repr(time.time()))
    app.exit()

def quit_after_first_frame(app):
    app.call_after_refresh(first_frame, app)

if sys.argv[1] == "bare":
    class Bare(App):
        def compose(self):
            yield Header()
            yield Static("Værdispillet")
            yield Footer()
        def on_mount(self):
            quit_after_first_frame(self)
    Bare().run(headless=True)
else:  # the real `vaerdispil` command, its first frame and out
    original_run = App.run
    def run_then_quit(app, *args, **kwargs):
        quit_after_first_frame(app)
        return original_run(app, headless=True)
    App.run = run_then_quit
    from vaerdispil.cli import main
    sys.exit(main([]))
"""


def launch(which: str, home: str) -> float:
    """Seconds from starting the process to its first frame (work after it not counted)."""
    with tempfile.NamedTemporaryFile("r") as moment:
        started = time.time()
        subprocess.run([sys.executable, "-c", CHILD, which, moment.name], check=True,
                       env={"VAERDISPIL_HOME": home, "PATH": "/usr/bin:/bin"})
        return float(moment.read()) - started


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
