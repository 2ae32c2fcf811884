"""Workshops' outcomes kept for the cross-workshop report, so a report over hundreds of
workshops reads a small file per workshop instead of replaying every log again.

Derived data only, and the log stays the one source: an entry is used only while its
workshop file has the same size and modification time as when the entry was made, and
only by the same code (a hash of the modules that turn a log into an outcome: change any
of them and every entry is made again). A missing, stale or damaged entry is made again
from the log; a folder that cannot be written just means no entry is kept.

The entries live in the data folder (cache/outcomes/), one JSON file per workshop file,
named by a hash of its absolute path. They hold the outcome as the report reads it
(for_report: without the turns, votes, rounds, people and notes it does not count).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import typing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .outcome import Outcome
from .session.store import file_stamp

FORMAT = 2

UNCOUNTED = ("turns", "votes", "rounds", "people", "notes")
"""What the cross-workshop report does not count, and so is not kept: about half of an
outcome, which halves the writing, reading and passing between processes."""


def for_report(result: Outcome) -> Outcome:
    """The outcome as the report reads it: without what it does not count."""
    return dataclasses.replace(result, **{name: [] for name in UNCOUNTED})

_SOURCES = ("outcome.py", "deck", "game", "session")
"""What turns a log into an outcome: the cache is keyed by a hash of these modules."""


@cache
def code_key() -> str:
    """A hash of the package version and the source of the modules above."""
    here = Path(__file__).parent
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    for name in _SOURCES:
        place = here / name
        for path in sorted(place.rglob("*.py")) if place.is_dir() else [place]:
            digest.update(path.relative_to(here).as_posix().encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"?")
    return digest.hexdigest()


def _folder() -> Path:
    from .paths import data_dir

    return data_dir() / "cache" / "outcomes"


def _entry(where: str) -> Path:
    """The entry of the workshop file at the absolute path `where`."""
    name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
    return _folder() / f"{name[:40]}.json"


@cache
def _builder(kind: Any) -> Callable[[Any], Any] | None:
    """How to make a value of the type `kind` from its JSON form: dataclasses and lists
    of them are built, everything else is taken as it is (None). Worked out once per
    type: resolving a dataclass's types is slow."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        parts = [(item.name, _builder(hints[item.name])) for item in dataclasses.fields(kind)]

        def build(data: dict[str, Any]) -> Any:
            return kind(**{name: (make(data[name]) if make else data[name])
                           for name, make in parts if name in data})
        return build
    if typing.get_origin(kind) is list:
        make = _builder(typing.get_args(kind)[0])
        if make is not None:
            return lambda data: [make(value) for value in data]
    return None


def cached(path: Path, where: str = "") -> tuple[Outcome, list[str]] | None:
    """The kept outcome (and warnings) of a workshop file, if still true to it."""
    where = where or str(path.resolve())
    stamp = file_stamp(path)
    if stamp is None:
        return None
    try:
        data = json.loads(_entry(where).read_bytes())
        if data["code"] != code_key() or data["stamp"] != stamp or data["path"] != where:
            return None
        build = _builder(Outcome)
        assert build is not None
        return build(data["outcome"]), [str(line) for line in data["warnings"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing or damaged: made again from the log


def keep(path: Path, stamp: list[int] | None, result: Outcome, warnings: list[str],
         where: str = "") -> None:
    """Keep a workshop's outcome, as read from the file when it had `stamp`."""
    if stamp is None or stamp != file_stamp(path):
        return  # the file changed while it was read: keep nothing
    where = where or str(path.resolve())
    entry = {"format": FORMAT, "code": code_key(), "path": where,
             "stamp": stamp, "warnings": warnings, "outcome": result.as_dict()}
    target = _entry(where)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:  # no fsync: a lost entry is made again, and a torn one is not read
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        os.replace(temporary, target)
    except OSError:  # derived data: without it, the next report reads the log again
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def read_outcome_cached(path: Path) -> tuple[Outcome, list[str]]:
    """A workshop's outcome and warnings: kept, or replayed from its log and kept."""
    where = str(path.resolve())
    found = cached(path, where)
    if found is not None:
        return found
    from .session_commands import outcome_of

    stamp = file_stamp(path)
    result, warnings = outcome_of(path)
    result = for_report(result)
    keep(path, stamp, result, warnings, where)
    return result, warnings


WINDOW = 64
"""How many workshops ahead of the one being counted are read (memory stays bounded)."""
PARALLEL_AFTER = 32
"""Workshops to replay before the other cores are asked to help (starting helpers costs
more than a few replays)."""


def _replay(path: Path, where: str) -> tuple[Outcome, list[str]]:
    """Replay one workshop and keep its outcome (in a helper process)."""
    from .session_commands import outcome_of

    stamp = file_stamp(path)
    result, warnings = outcome_of(path)
    result = for_report(result)
    keep(path, stamp, result, warnings, where)
    return result, warnings


def _pool() -> Any:
    """A pool of helper processes, one per core but this one (None on one core). Forked
    where the system allows it: the helpers start at once, with everything loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)
    if cores < 2:
        return None
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and \
        sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(max_workers=min(cores, 8),
                               mp_context=multiprocessing.get_context(method))


def read_outcomes_cached(paths: Iterable[Path]) -> Iterator[tuple[Outcome, list[str]]]:
    """Each workshop's outcome and warnings, in the order given: kept ones read here,
    the others replayed (and kept) by every core once there are more than a few, up to
    WINDOW workshops ahead. A SessionError comes at the workshop it belongs to."""
    ahead: deque[tuple[str, Any]] = deque()
    queue = iter(paths)
    pool: Any = None
    misses = 0

    def fill() -> None:
        nonlocal pool, misses
        while len(ahead) < WINDOW:
            path = next(queue, None)
            if path is None:
                return
            where = str(path.resolve())
            found = cached(path, where)
            if found is not None:
                ahead.append(("kept", found))
                continue
            misses += 1
            if pool is None and misses > PARALLEL_AFTER:
                pool = _pool() or False
            if pool:
                ahead.append(("future", pool.submit(_replay, path, where)))
            else:
                ahead.append(("later", (path, where)))

    try:
        fill()
        while ahead:
            kind, item = ahead.popleft()
            if kind == "kept":
                found = item
            elif kind == "future":
                found = item.result()
            else:
                found = _replay(*item)
            fill()
            yield found
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
