"""The turn timer: a large countdown that the room can read, with pause and a bell at zero."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits, Static

from ...game.state import Timer
from ...i18n import text as t


def clock_face(seconds: float) -> str:
    """'1:05', or '-0:12' once the time is up."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


class TimerView(Horizontal):
    """Counts a turn's time down; the screen calls `show` every second and on each change."""

    DEFAULT_CSS = """
    TimerView { height: auto; width: auto; }
    TimerView Digits { width: auto; }
    TimerView #timer-state { width: auto; padding: 1 2; text-style: bold; }
    TimerView.-up Digits { color: $error; }
    TimerView.-paused Digits { color: $text-muted; }
    """

    def __init__(self, language: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.language = language
        self._rang_for: float | None = None

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id="timer-digits")
        yield Static(id="timer-state")

    def show(self, timer: Timer | None, now: float) -> None:
        """Show the timer at `now` (hidden without one); ring once when it passes zero."""
        self.display = timer is not None
        if timer is None:
            return
        remaining = timer.remaining(now)
        self.query_one(Digits).update(clock_face(remaining))
        up = remaining <= 0
        paused = timer.paused_at is not None
        self.set_class(up, "-up")
        self.set_class(paused, "-paused")
        words = t(self.language, "round.time_up") if up else ""
        if paused:
            words = t(self.language, "round.paused")
        self.query_one("#timer-state", Static).update(words)
        if up and timer.ended is None and self._rang_for != timer.started:
            self._rang_for = timer.started
            self.app.bell()
