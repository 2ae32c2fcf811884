"""Partners remembered from earlier workshops, offered while the next set-up is typed.

A plain text file in the data folder (`partnere.txt`), one organisation a line, as the
set-up's list writes it: ``Aarhus Kommune (kommune)``. It holds organisations only, never
people's names; it stays on this computer; the facilitator may edit it in the app or in
any text editor. A line that cannot be read is kept as it is and otherwise ignored, so an
edit by hand never loses anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .files import OutputError, write_atomic
from .game.roster import RosterLine, parse_line
from .game.state import ORGANISATION_TYPES
from .paths import data_dir

FILE_NAME = "partnere.txt"
MOST = 1000
"""Partners kept; the ones not used for longest go first."""


def partners_path() -> Path:
    """Where the list is kept."""
    return data_dir() / FILE_NAME


def read_text(path: Path | None = None) -> str:
    """The file as it is ("" when there is none, or it cannot be read)."""
    try:
        return (path or partners_path()).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def known(text: str) -> dict[str, tuple[str, str]]:
    """Name and type by case-folded name, from the file's text (first line wins)."""
    found: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        parsed = parse_line(line.split(":", 1)[0], number, "da")
        if isinstance(parsed, RosterLine) and parsed.org_type in ORGANISATION_TYPES:
            found.setdefault(parsed.organisation.casefold(), (parsed.organisation,
                                                              parsed.org_type))
    return found


def remember(organisations: Iterable[tuple[str, str]], path: Path | None = None) -> int:
    """Put these (name, type) first in the list, keeping every other line as it was;
    returns how many partners the list holds. Raises OutputError when it cannot be
    written."""
    target = path or partners_path()
    lines = read_text(target).splitlines()
    new = [f"{name} ({org_type})" for name, org_type in organisations]
    names = {line.split("(")[0].strip().casefold() for line in new}
    kept = [line for line in lines
            if line.split("(")[0].split(":")[0].strip().casefold() not in names]
    result = (new + kept)[:MOST]
    save_text("\n".join(result) + "\n", target)
    return len(known("\n".join(result)))


def save_text(text: str, path: Path | None = None) -> Path:
    """Write the list as the facilitator edited it. Raises OutputError."""
    target = path or partners_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{target.parent}: cannot create the folder ({error.strerror})"
                          ) from None
    return write_atomic(target, text if text.endswith("\n") or not text else text + "\n")
