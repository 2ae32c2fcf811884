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

import dataclasses
import hashlib
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .derived import builder, dumps, keep_quietly, kept_folder, source_key
from .outcome import UNCOUNTED, Outcome
from .session.store import file_stamp

FORMAT = 2



def for_report(result: Outcome) -> Outcome:
    """The outcome as the report reads it: without what it does not count (UNCOUNTED:
    about half of an outcome, which halves the writing, reading and passing between
    processes). outcome(..., counted_only=True) makes it so from the start."""
    return dataclasses.replace(result, **{name: [] for name in UNCOUNTED})

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
        data = json.loads(_entry(where).read_bytes())
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
    return _replay(path, where)


WINDOW = 128
"""How many workshops ahead of the one being counted are read (memory stays bounded)."""
BATCH = 16
"""Workshops a helper process replays per task: passing each one alone between the
processes cost about as much as replaying it."""
PARALLEL_AFTER = 32
"""Workshops to replay before the other cores are asked to help (starting helpers costs
more than a few replays)."""


def _replay(path: Path, where: str) -> tuple[Outcome, list[str]]:
    """Replay one workshop and keep its outcome."""
    from .session_commands import outcome_of

    stamp = file_stamp(path)
    result, warnings = outcome_of(path, counted_only=True)
    keep(path, stamp, result, warnings, where)
    return result, warnings


def _replay_batch(items: list[tuple[Path, str]]) -> list[Any]:
    """Replay workshops in a helper process: each one's outcome and warnings, or the
    SessionError that it raised (raised again where the report comes to it)."""
    from .session.errors import SessionError

    done: list[Any] = []
    for path, where in items:
        try:
            done.append(_replay(path, where))
        except SessionError as error:
            done.append(error)
    return done


def _pool() -> tuple[Any, int] | None:
    """Helper processes, one per core but this one, which replays its share too, and
    how many (None on one core). Forked where the system allows it: the helpers start at once, with
    everything loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)
    if cores < 2:
        return None
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and \
        sys.platform.startswith("linux") else None
    helpers = min(cores - 1, 7)
    return ProcessPoolExecutor(max_workers=helpers,
                               mp_context=multiprocessing.get_context(method)), helpers


def read_outcomes_cached(paths: Iterable[Path]) -> Iterator[tuple[Outcome, list[str]]]:
    """Each workshop's outcome and warnings, in the order given: kept ones read here,
    the others replayed (and kept): here while there are only a few, else by every
    core, BATCH at a time, up to WINDOW workshops ahead. A SessionError comes at the
    workshop it belongs to."""
    ahead: deque[list[Any]] = deque()
    queue = iter(paths)
    pool: Any = None
    misses = batches = 0
    share = 1
    waiting: list[tuple[list[Any], tuple[Path, str]]] = []
    """Workshops to replay that are not yet given to anyone (each with its place)."""

    def send() -> None:
        """Share the workshops waiting out, BATCH at a time: this process replays one
        batch in every (helpers + 1), in its turn, and the helpers the others; or all
        of them here, while there are only a few (starting helpers would cost more)."""
        nonlocal pool, share, batches
        if pool is None and misses > PARALLEL_AFTER:
            from .session import game  # noqa: F401 - loaded once here, before the fork

            pool, helpers = _pool() or (False, 0)
            share = helpers + 1
        for start in range(0, len(waiting), BATCH):
            chunk = waiting[start:start + BATCH]
            future = pool.submit(_replay_batch, [item for _, item in chunk]) \
                if batches % share else None
            batches += 1
            for number, (place, item) in enumerate(chunk):
                place[:] = ["batch", future, number] if future else ["later", item]
        waiting.clear()

    def fill() -> None:
        nonlocal misses
        while len(ahead) < WINDOW:
            path = next(queue, None)
            if path is None:
                break
            where = str(path.resolve())
            found = cached(path, where)
            if found is not None:
                ahead.append(["kept", found])
                continue
            misses += 1
            place: list[Any] = []
            ahead.append(place)
            waiting.append((place, (path, where)))
        if waiting:
            send()

    try:
        fill()
        while ahead:
            kind, *item = ahead.popleft()
            if kind == "kept":
                found = item[0]
            elif kind == "batch":
                found = item[0].result()[item[1]]
                if isinstance(found, Exception):
                    raise found
            else:
                found = _replay(*item[0])
            if len(ahead) <= max(0, WINDOW - BATCH):  # refill a batch at a time
                fill()
            yield found
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
