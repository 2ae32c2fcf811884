"""Saved workshops in the data folder: where new ones go, and what the saved ones are.

How every command names a workshop (`resolve_session`, the one function that decides):

- A workshop is named by its saved name, as `vaerdispil sessions list` shows it (the file
  name without .jsonl; with .jsonl works too), or by the path of an existing file. A file
  at the path as typed comes first, then the saved workshop of that name.
- A new file is made only where the user clearly asked for one: `play --new NAME`, `demo`
  (always new), or `play --session` with a name that is not found and either has a folder
  in it (`./x.jsonl`, `notes/x`, `~/x.jsonl`) or ends in .jsonl.
- Where a new file goes: a name with a folder in it is exactly that path; a bare name goes
  to the sessions folder, as NAME.jsonl, never the current folder.
- A name that matches nothing (and is not clearly a new file) is one line naming what was
  looked for and the way out; the commands exit 1, as for any file that cannot be used.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..files import OutputError, write_atomic
from ..paths import SESSION_SUFFIX as SUFFIX
from ..paths import sessions_dir
from .errors import SessionError


def new_session_path(title: str, date: str, folder: Path | None = None) -> Path:
    """A file name for a new workshop that no other file has: 2026-11-22-vollsmose.jsonl."""
    from ..deck.loader import slugify  # (YAML and the loader: only when a file is named)

    folder = folder or sessions_dir()
    stem = "-".join(part for part in (date, slugify(title) if title else "") if part) or "workshop"
    candidate = folder / f"{stem}{SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return candidate


OPEN = "open"
"""A workshop that exists: a saved one's name, or the path of a file (print, export)."""
OPEN_OR_NEW = "open-or-new"
"""An existing workshop, or a new file where the name clearly is one (play --session)."""
NEW = "new"
"""Always a new file (play --new, demo --session)."""


@dataclass(frozen=True)
class Target:
    """The workshop file a name stands for, and whether it is to be made."""

    path: Path
    new: bool


def _has_folder(name: str) -> bool:
    """Whether a name says where it lives (`./x`, `a/b.jsonl`, `~/x`, `/tmp/x`)."""
    separators = [sep for sep in (os.sep, os.altsep, "/") if sep]
    return name.startswith("~") or any(sep in name for sep in separators)


def resolve_session(name: str, want: str = OPEN, folder: Path | None = None) -> Target:
    """The file a workshop's name on the command line stands for (the rule is at the top
    of this module); raises SessionError with one line naming what was looked for."""
    folder = folder or sessions_dir()
    if not name.strip() or name.strip(".") == "":
        raise SessionError(f"'{name}' is not a workshop's name; vaerdispil sessions list "
                           "shows the saved ones")
    typed = Path(name).expanduser()
    has_folder = _has_folder(name)
    file_name = name if name.endswith(SUFFIX) else f"{name}{SUFFIX}"
    if want == NEW:
        path = typed if has_folder else folder / file_name
        if path.exists():
            raise SessionError(f"{path}: a workshop file with this name exists already; "
                               "choose another name, or resume it with "
                               f"vaerdispil play --session {name}")
        return Target(path, True)
    if typed.exists() and not typed.is_dir():
        return Target(typed, False)
    if not has_folder and (folder / file_name).is_file():
        return Target(folder / file_name, False)
    if want == OPEN_OR_NEW and (has_folder or name.endswith(SUFFIX)) and not typed.exists():
        return Target(typed if has_folder else folder / file_name, True)
    if typed.is_dir():
        raise SessionError(f"{name}: a folder, not a workshop file; name a .jsonl file in it")
    if has_folder:
        raise SessionError(f"{name}: no such workshop file; check the path "
                           "(vaerdispil sessions list shows the saved ones)")
    fix = (f"; to start a new one: vaerdispil play --new {name}" if want == OPEN_OR_NEW
           else "")
    raise SessionError(f"{name}: no such workshop file, and no saved workshop named "
                       f"'{name.removesuffix(SUFFIX)}' in {folder} (vaerdispil sessions list "
                       f"shows the saved ones){fix}")


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
        from .replay import replay  # only for a file the index does not know

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


def _load_engine() -> None:
    """Load what reads a workshop once, before helpers are forked (they start with it)."""
    from . import replay  # noqa: F401


INDEX_NAME = ".index.json"
"""Beside the workshops: what each file said when it was last read, with its size and
time of change. Derived data only: the files stay the only source of truth, and the
index is checked against each file and rebuilt where it is missing, stale or damaged."""
INDEX_VERSION = 1


def file_stamp(path: Path) -> list[int] | None:
    """What tells a file changed: its size and modification time (None: it is gone).
    The saved list's index and the report's kept outcomes are checked against it."""
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
    stamps = {path: file_stamp(path) for path in paths}
    paths.sort(key=lambda path: (stamps[path] or [0, 0])[1], reverse=True)
    index = _load_index(folder)
    fresh: dict[str, Any] = {}
    changed = set(index) - {path.name for path in paths}

    def entries() -> Iterator[tuple[bool, Any]]:
        """Each file's info from the index, or the file to read (on every core, once
        there are many: parallel.in_order)."""
        for path in paths:
            stamp = stamps[path]
            info = _from_index(path, index.get(path.name), stamp) if stamp else None
            if info is None:
                changed.add(path.name)
            yield (True, info) if info is not None else (False, path)

    from ..parallel import in_order

    for path, info in zip(paths, in_order(entries(), describe, _load_engine)):
        stamp = stamps[path]
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
