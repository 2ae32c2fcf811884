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


_AGAIN = object()
"""In place of a result: the helper failed (it died, or could not send it back), so
this process works on the entry itself."""


def _work_batch(work: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    """Work on entries in a helper process: each one's result, or what it raised."""
    done: list[Any] = []
    for item in items:
        try:
            done.append(work(item))
        except Exception as error:  # noqa: BLE001 - raised again in the main process
            done.append(_Raised(error))
    return done


def _message(data: bytes) -> bytes:
    return len(data).to_bytes(8, "little") + data


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_message(data))
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> bytes | None:
    """One message, or None if the other end is gone."""
    head = _read_exactly(fd, 8)
    return None if head is None else _read_exactly(fd, int.from_bytes(head, "little"))


def _read_exactly(fd: int, size: int) -> bytes | None:
    parts = []
    while size:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


class _Helper:
    """One forked helper process: tasks go in through one pipe, results come back
    through another, in the order given. (multiprocessing would do this too, but
    importing it costs more than replaying a dozen workshops.)"""

    def __init__(self, work: Callable[[Any], Any], inherited: list[int]) -> None:
        import pickle

        self._pickle = pickle
        tasks_in, self._tasks = os.pipe()
        self._results, results_out = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:  # no more processes may be made: none of this helper is left
            for fd in (tasks_in, self._tasks, self._results, results_out):
                os.close(fd)
            raise
        if self.pid == 0:  # the helper: work until the tasks end, then leave at once
            code = 0
            try:
                for fd in (self._tasks, self._results, *inherited):  # (others' pipes too:
                    os.close(fd)  # holding them open would keep those helpers waiting)
                while (task := _receive(tasks_in)) is not None:
                    done = _work_batch(work, pickle.loads(task))
                    try:
                        answer = pickle.dumps(done, pickle.HIGHEST_PROTOCOL)
                    except Exception:  # noqa: BLE001 - e.g. an error that cannot be pickled
                        answer = pickle.dumps(None)  # the main process works on them itself
                    _send(results_out, answer)
            except BaseException:  # noqa: BLE001 - a helper never runs the caller's code on
                code = 1
            finally:
                os._exit(code)
        os.close(tasks_in)
        os.close(results_out)
        os.set_blocking(self._tasks, False)
        self.fds = [self._tasks, self._results]
        self.pending: deque[list[Any]] = deque()
        """Tasks given and not yet answered, oldest first: [helper, results, items]."""
        self._answers: deque[bytes | None] = deque()
        """Answers read while a task was being written (see give)."""
        self.failed = False

    def give(self, items: list[Any]) -> list[Any]:
        """A task for the helper: [helper, results (None until answered), items]."""
        import select

        task: list[Any] = [self, None, items]
        self.pending.append(task)
        view = memoryview(_message(self._pickle.dumps(items, self._pickle.HIGHEST_PROTOCOL)))
        while view and not self.failed:
            try:
                view = view[os.write(self._tasks, view):]
            except BlockingIOError:
                # The pipe is full: the helper may be waiting for its results to be
                # taken before it reads more. Take them (kept for `results`) meanwhile.
                readable, _, _ = select.select([self._results], [self._tasks], [])
                if readable:
                    self._answers.append(_receive(self._results))
                    self.failed = self._answers[-1] is None
            except OSError:  # the helper is gone
                self.failed = True
        return task

    def results(self, task: list[Any]) -> list[Any]:
        """The results of a task given to this helper (its answers come in order)."""
        while task[1] is None:
            oldest = self.pending.popleft()
            if self._answers:
                data = self._answers.popleft()
            else:
                data = None if self.failed else _receive(self._results)
            answer = None if data is None else self._pickle.loads(data)
            self.failed = self.failed or data is None
            oldest[1] = answer if answer is not None else [_AGAIN] * len(oldest[2])
        return task[1]  # type: ignore[no-any-return]

    def close(self) -> None:
        """End the helper (its tasks end; it leaves) and wait for it."""
        for fd in self.fds:
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _helpers() -> int:
    """How many helper processes to start: one per core but this one, on Linux; none on
    one core, and none in a process that runs threads (the app): a fork there may copy
    a lock that another thread holds, and hang."""
    import threading

    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 0
    cores = len(os.sched_getaffinity(0))
    return min(cores - 1, 7)


def in_order(entries: Iterable[tuple[bool, Any]], work: Callable[[Any], Any],
             before_helpers: Callable[[], None] = lambda: None) -> Iterator[Any]:
    """For each entry (ready, value): the value itself if ready, else work(value); in
    the order of the entries. `before_helpers` runs once before any helper starts (to
    load what they all need, once). A helper that fails leaves its work to this one."""
    ahead: deque[list[Any]] = deque()
    queue = iter(entries)
    helpers: list[_Helper] | None = None
    needing = batches = 0
    waiting: list[tuple[list[Any], Any]] = []
    """Entries that need work, not yet given to anyone (each with its place)."""

    def send() -> None:
        """Share the entries waiting out, BATCH at a time: this process takes one batch
        in every (helpers + 1), the helpers the others, in turn."""
        nonlocal helpers, batches
        if helpers is None and needing > PARALLEL_AFTER:
            count = _helpers()
            if count:
                before_helpers()
            helpers = []
            for _ in range(count):
                try:
                    helpers.append(_Helper(work, [fd for other in helpers for fd in other.fds]))
                except OSError:  # the system allows no more processes: those there are
                    break
        share = len(helpers or ()) + 1
        for start in range(0, len(waiting), BATCH):
            chunk = waiting[start:start + BATCH]
            turn = batches % share
            batches += 1
            items = [item for _, item in chunk]
            task = helpers[turn - 1].give(items) if turn and helpers else None
            for number, (place, item) in enumerate(chunk):
                place[:] = ["helper", task, number] if task else ["here", item]
        waiting.clear()

    def result(task: list[Any], number: int) -> Any:
        """Entry `number` of a task given to a helper."""
        found = task[0].results(task)[number]
        if found is _AGAIN:
            return work(task[2][number])
        if isinstance(found, _Raised):
            raise found.error
        return found

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
                found = result(item[0], item[1])
            else:
                found = work(item[0])
            if len(ahead) <= max(0, WINDOW - BATCH):  # refill a batch at a time
                fill()
            yield found
    finally:
        for helper in helpers or ():
            helper.close()
