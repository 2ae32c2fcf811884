"""When something unexpected breaks: the traceback goes to a file, the user gets one line."""

from __future__ import annotations

import traceback
from pathlib import Path

from . import __version__
from .paths import data_dir


def save_crash_report(error: BaseException) -> Path | None:
    """Append the error's traceback to crash.log in the data folder; return its path."""
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with path.open("a", encoding="utf-8") as file:
            file.write(f"vaerdispil {__version__}\n")
            file.write("".join(traceback.format_exception(error)) + "\n")
        return path
    except OSError:
        return None


def crash_message(error: BaseException) -> str:
    """The one line a user sees."""
    report = save_crash_report(error)
    where = f" with {report}" if report else ""
    return (f"vaerdispil: unexpected error: {error!r}. This is a bug; please report it{where}. "
            "Everything the workshop did until then is saved.")
