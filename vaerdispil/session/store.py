"""Saved workshops in the data folder: where new ones go, and what the saved ones are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..deck.loader import slugify
from ..paths import SESSION_SUFFIX as SUFFIX
from ..paths import sessions_dir
from .errors import SessionError
from .game import replay


def new_session_path(title: str, date: str, folder: Path | None = None) -> Path:
    """A file name for a new workshop that no other file has: 2026-11-22-vollsmose.jsonl."""
    folder = folder or sessions_dir()
    stem = "-".join(part for part in (date, slugify(title) if title else "") if part) or "workshop"
    candidate = folder / f"{stem}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return candidate


@dataclass(frozen=True)
class SessionInfo:
    """One line of `vaerdispil sessions list`."""

    path: Path
    title: str
    date: str
    deck: str
    organisations: list[str]
    round: int
    rounds: int
    ended: bool
    last_change: str
    problem: str = ""


def describe(path: Path) -> SessionInfo:
    """Read a saved workshop (without locking or changing it) and say what it is."""
    try:
        replayed = replay(path)
    except SessionError as error:
        return SessionInfo(path, "", "", "", [], 0, 0, False, "", problem=str(error))
    except Exception as error:  # noqa: BLE001 - one bad file must never hide the others
        return SessionInfo(path, "", "", "", [], 0, 0, False, "",
                           problem=f"{path}: the file could not be read ({type(error).__name__}); "
                                   "it is left as it is")
    state, deck = replayed.state, replayed.deck
    last = replayed.last_change
    return SessionInfo(
        path=path, title=state.details.title, date=state.details.date,
        deck=f"{deck.id} ({deck.language})",
        organisations=[o.name for o in state.active_organisations()],
        round=0 if state.round_index is None else state.round_index + 1,
        rounds=len(deck.rounds), ended=state.ended, last_change=last,
    )


def list_sessions(folder: Path | None = None) -> list[SessionInfo]:
    """Every saved workshop in the folder, the most recently changed first."""
    folder = folder or sessions_dir()
    try:
        paths = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return []
    infos = [describe(path) for path in paths]
    return sorted(infos, key=lambda info: info.last_change, reverse=True)


def local_time(ts: str) -> str:
    """An event timestamp as local time for people: 2026-11-22 10:15."""
    if not ts or not re.match(r"^\d{4}-", ts):
        return ""
    return datetime.fromisoformat(ts).astimezone().strftime("%Y-%m-%d %H:%M")
