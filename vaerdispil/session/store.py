"""Saved workshops in the data folder: where new ones go, and what the saved ones are."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..deck.loader import slugify
from ..files import OutputError, write_atomic
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


INDEX_NAME = ".index.json"
"""Beside the workshops: what each file said when it was last read, with its size and
time of change. Derived data only: the files stay the only source of truth, and the
index is checked against each file and rebuilt where it is missing, stale or damaged."""
INDEX_VERSION = 1


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def _load_index(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / INDEX_NAME).read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or \
            not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _from_index(path: Path, entry: Any, stamp: list[int]) -> SessionInfo | None:
    """The info the index holds for a file, if the file has not changed since."""
    try:
        if entry["stamp"] != stamp:
            return None
        info = entry["info"]
        return SessionInfo(path=path, title=str(info["title"]), date=str(info["date"]),
                           deck=str(info["deck"]),
                           organisations=[str(name) for name in info["organisations"]],
                           round=int(info["round"]), rounds=int(info["rounds"]),
                           ended=bool(info["ended"]), last_change=str(info["last_change"]),
                           problem=str(info["problem"]))
    except (KeyError, TypeError, ValueError):
        return None


def iter_sessions(folder: Path | None = None) -> Iterator[SessionInfo]:
    """Every saved workshop in the folder, newest file first, as each is read: from the
    index where the file is unchanged since, else by reading (and checking) the file.
    The index is brought up to date at the end (if the folder can be written)."""
    folder = folder or sessions_dir()
    try:
        paths = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return
    stamps = {path: _stamp(path) for path in paths}
    paths.sort(key=lambda path: (stamps[path] or [0, 0])[1], reverse=True)
    index = _load_index(folder)
    fresh: dict[str, Any] = {}
    changed = set(index) - {path.name for path in paths}
    for path in paths:
        stamp = stamps[path]
        info = _from_index(path, index.get(path.name), stamp) if stamp else None
        if info is None:
            info = describe(path)
            changed.add(path.name)
        if stamp is not None:
            record = {key: value for key, value in asdict(info).items() if key != "path"}
            fresh[path.name] = {"stamp": stamp, "info": record}
        yield info
    if changed:
        try:
            write_atomic(folder / INDEX_NAME,
                         json.dumps({"version": INDEX_VERSION, "files": fresh},
                                    ensure_ascii=False))
        except OutputError:
            pass  # a folder that cannot be written: read the files again next time


def list_sessions(folder: Path | None = None) -> list[SessionInfo]:
    """Every saved workshop in the folder, the most recently changed first."""
    infos = list(iter_sessions(folder))
    return sorted(infos, key=lambda info: info.last_change, reverse=True)


def local_time(ts: str) -> str:
    """An event timestamp as local time for people: 2026-11-22 10:15."""
    if not ts or not re.match(r"^\d{4}-", ts):
        return ""
    return datetime.fromisoformat(ts).astimezone().strftime("%Y-%m-%d %H:%M")
