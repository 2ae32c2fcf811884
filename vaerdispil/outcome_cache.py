"""Workshops' outcomes kept for the cross-workshop report, so a report over hundreds of
workshops reads a small file per workshop instead of replaying every log again.

Derived data only, and the log stays the one source: an entry is used only while its
workshop file has the same size and modification time as when the entry was made, and
only by the same code (a hash of the modules that turn a log into an outcome: change any
of them and every entry is made again). A missing, stale or damaged entry, or one changed
on disk (each is sealed with its sha256), is made again from the log; a folder that
cannot be written just means no entry is kept.

The entries live in the data folder (cache/outcomes/), one JSON file per workshop file,
named by a hash of its absolute path. They hold the outcome as the report reads it
(outcome.outcome(..., counted_only=True): without what it does not count).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .derived import builder, dumps, keep_quietly, kept_folder, read_kept, source_key
from .outcome import Outcome
from .session.store import file_stamp

FORMAT = 3


_SOURCES = ("outcome.py", "deck", "game", "session")
"""What turns a log into an outcome: the cache is keyed by a hash of these modules."""


def code_key() -> str:
    """A hash of the entries' format, the package version and the modules above."""
    return f"{FORMAT}:{source_key(*_SOURCES)}"


def _entry(where: str) -> Path:
    """The entry of the workshop file at the absolute path `where`."""
    name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    return kept_folder("outcomes") / f"{name[:40]}.json"


def cached(path: Path, where: str = "") -> tuple[Outcome, list[str]] | None:
    """The kept outcome (and warnings) of a workshop file, if still true to it."""
    where = where or str(path.resolve())
    stamp = file_stamp(path)
    if stamp is None:
        return None
    try:
        kept = read_kept(_entry(where))
        if kept is None:
            return None
        data = json.loads(kept)
        if data["code"] != code_key() or data["stamp"] != stamp or data["path"] != where:
            return None
        build = builder(Outcome)
        assert build is not None
        return build(data["outcome"]), [str(line) for line in data["warnings"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # missing or damaged: made again from the log


def keep(path: Path, stamp: list[int] | None, result: Outcome, warnings: list[str],
         where: str = "") -> None:
    """Keep a workshop's outcome, as read from the file when it had `stamp`."""
    if stamp is None or stamp != file_stamp(path):
        return  # the file changed while it was read: keep nothing
    where = where or str(path.resolve())
    entry = {"format": FORMAT, "code": code_key(), "path": where,
             "stamp": stamp, "warnings": warnings, "outcome": result}
    keep_quietly(_entry(where), dumps(entry))


def read_outcome_cached(path: Path) -> tuple[Outcome, list[str]]:
    """A workshop's outcome and warnings: kept, or replayed from its log and kept."""
    where = str(path.resolve())
    found = cached(path, where)
    if found is not None:
        return found
    return _replay((path, where))


def _replay(item: tuple[Path, str]) -> tuple[Outcome, list[str]]:
    """Replay one workshop (path, absolute path) and keep its outcome."""
    from .session_commands import outcome_of

    path, where = item
    stamp = file_stamp(path)
    result, warnings = outcome_of(path, counted_only=True)
    keep(path, stamp, result, warnings, where)
    return result, warnings


def _load_engine() -> None:
    """Load what replays a workshop once, before helpers are forked (they start with it)."""
    from . import session_commands  # noqa: F401
    from .session import replay  # noqa: F401


def read_outcomes_cached(paths: Iterable[Path], resolved: Iterable[Path] | None = None,
                         ) -> Iterator[tuple[Outcome, list[str]]]:
    """Each workshop's outcome and warnings, in the order given: kept ones read here,
    the others replayed (and kept), on every core once there are more than a few
    (parallel.in_order). A SessionError comes at the workshop it belongs to. `resolved`:
    the same paths made absolute, where the caller has them already."""
    from .parallel import in_order

    def entries() -> Iterator[tuple[bool, Any]]:
        absolutes = iter(resolved) if resolved is not None else None
        for path in paths:
            where = str(next(absolutes) if absolutes is not None else path.resolve())
            found = cached(path, where)
            yield (True, found) if found is not None else (False, (path, where))

    return in_order(entries(), _replay, _load_engine)
