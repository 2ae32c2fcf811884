"""Work on many files, in their order, on every core: for reading hundreds of workshops
(the saved list's first look at them, the report's replays).

Results come back in the order of the entries, each as soon as it and those before it
are done, so a list streams and memory stays bounded (WINDOW entries ahead at most).
While only a few entries need work, this process does it alone: starting helpers costs
more than a few replays. Beyond that, forked helpers take BATCH entries at a time, and
this process does its share in its turn instead of waiting. An error an entry raises
comes where that entry would have come.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

WINDOW = 128
"""How many entries ahead of the one being given back are read."""
BATCH = 16
"""Entries a helper works on per task: passing each one alone between the processes
cost about as much as replaying it."""
PARALLEL_AFTER = 32
"""Entries that need work before the other cores are asked to help."""


class _Raised:
    """An error raised in a helper, to raise again in its entry's place."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _work_batch(work: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    """Work on entries in a helper process: each one's result, or what it raised."""
    done: list[Any] = []
    for item in items:
        try:
            done.append(work(item))
        except Exception as error:  # noqa: BLE001 - raised again in the main process
            done.append(_Raised(error))
    return done


def _pool() -> tuple[Any, int] | None:
    """Helper processes, one per core but this one, and how many. Forked where the
    system allows it: the helpers start at once, with all loaded. None on one core, and
    in a process that runs threads (the app): a fork there may copy a lock that another
    thread holds, and hang."""
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        (os.cpu_count() or 1)
    if cores < 2 or threading.active_count() > 1:
        return None
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and \
        sys.platform.startswith("linux") else None
    helpers = min(cores - 1, 7)
    return ProcessPoolExecutor(max_workers=helpers,
                               mp_context=multiprocessing.get_context(method)), helpers


def in_order(entries: Iterable[tuple[bool, Any]], work: Callable[[Any], Any],
             before_helpers: Callable[[], None] = lambda: None) -> Iterator[Any]:
    """For each entry (ready, value): the value itself if ready, else work(value); in
    the order of the entries. `work` must be a module-level function (helpers are
    given it by name); `before_helpers` runs once before any helper starts (to load
    what they all need, once)."""
    ahead: deque[list[Any]] = deque()
    queue = iter(entries)
    pool: Any = None
    share = 1
    needing = batches = 0
    waiting: list[tuple[list[Any], Any]] = []
    """Entries that need work, not yet given to anyone (each with its place)."""

    def send() -> None:
        """Share the entries waiting out, BATCH at a time: this process takes one batch
        in every (helpers + 1), the helpers the others."""
        nonlocal pool, share, batches
        if pool is None and needing > PARALLEL_AFTER:
            before_helpers()
            pool, helpers = _pool() or (False, 0)
            share = helpers + 1
        for start in range(0, len(waiting), BATCH):
            chunk = waiting[start:start + BATCH]
            future = pool.submit(_work_batch, work, [item for _, item in chunk]) \
                if batches % share else None
            batches += 1
            for number, (place, item) in enumerate(chunk):
                place[:] = ["helper", future, number] if future else ["here", item]
        waiting.clear()

    def fill() -> None:
        nonlocal needing
        while len(ahead) < WINDOW:
            entry = next(queue, None)
            if entry is None:
                break
            ready, value = entry
            if ready:
                ahead.append(["ready", value])
                continue
            needing += 1
            place: list[Any] = []
            ahead.append(place)
            waiting.append((place, value))
        if waiting:
            send()

    try:
        fill()
        while ahead:
            kind, *item = ahead.popleft()
            if kind == "ready":
                found = item[0]
            elif kind == "helper":
                found = item[0].result()[item[1]]
                if isinstance(found, _Raised):
                    raise found.error
            else:
                found = work(item[0])
            if len(ahead) <= max(0, WINDOW - BATCH):  # refill a batch at a time
                fill()
            yield found
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
