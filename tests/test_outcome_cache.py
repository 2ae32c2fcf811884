"""The report's kept outcomes: used only while true to the workshop file and the code;
the log stays the one source of what the report counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock, run_cli
from tests.test_exports import complete_workshop
from vaerdispil import outcome_cache
from vaerdispil.outcome import Outcome
from vaerdispil.session.game import Game


@pytest.fixture
def workshop(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "vollsmose.jsonl"
    complete_workshop(path, clock).close()
    return path


def report(capsys: pytest.CaptureFixture[str], path: Path, target: Path) -> str:
    code, _, err = run_cli(capsys, "report", str(path), "-o", str(target))
    assert code == 0, err
    return target.read_text(encoding="utf-8")


def test_a_second_report_reads_the_kept_outcome_and_counts_the_same(
        workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, vaerdispil_home: Path) -> None:
    first = report(capsys, workshop, tmp_path / "first.csv")
    assert list((vaerdispil_home / "cache" / "outcomes").glob("*.json"))

    def no_replay(path: Path) -> None:
        raise AssertionError("replayed although the kept outcome is true to the file")

    monkeypatch.setattr("vaerdispil.session_commands.outcome_of", no_replay)
    assert report(capsys, workshop, tmp_path / "again.csv") == first


def test_a_changed_workshop_is_read_again(
        workshop: Path, tmp_path: Path, clock: FakeClock,
        capsys: pytest.CaptureFixture[str]) -> None:
    first = report(capsys, workshop, tmp_path / "first.csv")
    game = Game.open(workshop, clock=clock)
    game.undo()  # two more events: the file grows, the counts stay
    game.redo()
    game.close()
    assert outcome_cache.cached(workshop) is None  # stale: the file changed
    assert report(capsys, workshop, tmp_path / "again.csv") == first  # re-read from the log
    assert outcome_cache.cached(workshop) is not None  # and kept again


def test_a_damaged_or_foreign_entry_is_made_again(
        workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, vaerdispil_home: Path) -> None:
    first = report(capsys, workshop, tmp_path / "first.csv")
    (entry,) = (vaerdispil_home / "cache" / "outcomes").glob("*.json")
    kept = entry.read_bytes()
    first_value = outcome_cache.cached(workshop)[0].organisations[0].gives[0].value  # type: ignore[index]
    assert first_value.encode() in kept
    # Changed on disk, still good JSON (a bad sector, a hand): its seal says so.
    entry.write_bytes(kept.replace(first_value.encode(), b"Noget andet"))
    assert outcome_cache.cached(workshop) is None
    assert report(capsys, workshop, tmp_path / "mended.csv") == first
    entry.write_text('{"code": "x", "outcome": [1, 2', encoding="utf-8")
    assert report(capsys, workshop, tmp_path / "again.csv") == first
    assert outcome_cache.cached(workshop) is not None
    monkeypatch.setattr(outcome_cache, "code_key", lambda: "other code")
    assert outcome_cache.cached(workshop) is None  # made by other code: not used


def test_an_unwritable_cache_still_reports(
        workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        vaerdispil_home: Path) -> None:
    (vaerdispil_home / "cache").mkdir(parents=True)
    (vaerdispil_home / "cache" / "outcomes").write_text("a file where the folder goes")
    assert "Lokaler" in report(capsys, workshop, tmp_path / "r.csv")


def test_many_workshops_are_replayed_on_every_core_in_their_order(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch,
        vaerdispil_home: Path) -> None:
    """Past a few workshops not yet kept, the others are replayed in helper processes, a
    window ahead: the outcomes come in the order given, the same as one by one, each is
    kept, and a damaged workshop stops the report where it stands, named."""
    import shutil

    from vaerdispil import parallel
    from vaerdispil.session.errors import SessionError
    from vaerdispil.session_commands import outcome_of

    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 2)
    monkeypatch.setattr(parallel, "WINDOW", 5)
    monkeypatch.setattr(parallel, "BATCH", 2)
    first = tmp_path / "w00.jsonl"
    complete_workshop(first, clock).close()
    paths = [first]
    for number in range(1, 10):
        path = tmp_path / f"w{number:02d}.jsonl"
        shutil.copy(first, path)
        paths.append(path)
    game = Game.open(paths[3])  # one of them different, to see the order
    game.set_details(title="Gellerup")
    game.close()
    expected = [for_report(outcome_of(path)[0]).as_dict() for path in paths]
    started = spy_on_helpers(monkeypatch)
    got = [result.as_dict() for result, _ in outcome_cache.read_outcomes_cached(paths)]
    assert len(started) == parallel._helpers()  # noqa: SLF001 - (none on one core)
    assert got == expected and got[3]["title"] == "Gellerup" != got[2]["title"]
    assert len(list((vaerdispil_home / "cache" / "outcomes").glob("*.json"))) == len(paths)
    # Kept now: read again without a replay, in order.
    assert [r.as_dict() for r, _ in outcome_cache.read_outcomes_cached(paths)] == expected
    damaged = tmp_path / "w05.jsonl"
    damaged.write_text('{"not": "a workshop"}\n', encoding="utf-8")
    read = []
    with pytest.raises(SessionError, match="w05.jsonl"):
        for result, _ in outcome_cache.read_outcomes_cached(paths):
            read.append(result)
    assert len(read) == 5  # those before it
    # Damage that a helper finds (batches 2 at a time, this process taking every other
    # one: w02 and w03 go to the helper) stops the report at its place just the same.
    shutil.rmtree(vaerdispil_home / "cache" / "outcomes")
    shutil.copy(first, damaged)
    paths[3].write_bytes(paths[3].read_bytes()[:-40] + b"]]]\n")
    read = []
    with pytest.raises(SessionError, match="w03.jsonl:"):
        for result, _ in outcome_cache.read_outcomes_cached(paths):
            read.append(result)
    assert len(read) == 3 and len(started) == 2 * parallel._helpers()  # noqa: SLF001


def test_no_helpers_are_forked_from_a_process_that_runs_threads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The app (which runs threads) reads its workshops itself: forking it could copy a
    lock another thread holds. The results are the same either way."""
    import threading

    from vaerdispil import parallel

    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 1)
    monkeypatch.setattr(parallel, "BATCH", 2)
    entries = [(False, number) for number in range(7)] + [(True, -1)]
    alone = list(parallel.in_order(entries, abs))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel._helpers() == 0  # noqa: SLF001
        assert list(parallel.in_order(entries, abs)) == alone == [0, 1, 2, 3, 4, 5, 6, -1]
    finally:
        stop.set()
        other.join()


def spy_on_helpers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the helpers started from now on."""
    from vaerdispil import parallel

    started: list[int] = []

    class Helper(parallel._Helper):  # noqa: SLF001
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            started.append(self.pid)

    monkeypatch.setattr(parallel, "_Helper", Helper)
    return started


class Unpicklable(Exception):
    def __reduce__(self) -> object:
        raise TypeError("not to be pickled")


def test_a_helper_that_dies_or_cannot_answer_leaves_its_work_to_this_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Work a helper could not finish (it died, or its answer could not be sent) is done
    here instead, in its place; tasks and answers far bigger than a pipe holds pass
    without the two processes waiting on each other."""
    import os

    from vaerdispil import parallel

    if parallel._helpers() == 0:  # noqa: SLF001
        pytest.skip("one core: no helpers")
    here = os.getpid()
    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 1)
    monkeypatch.setattr(parallel, "BATCH", 3)

    trouble = {"die": 4, "unpicklable": -1}

    def work(item: tuple[int, str]) -> tuple[int, str]:
        number, text = item
        if os.getpid() != here and number == trouble["die"]:
            os._exit(3)  # the helper dies on the second entry of its batch (3, 4, 5)
        if os.getpid() != here and number == trouble["unpicklable"]:
            raise Unpicklable("x")
        if number == trouble["unpicklable"]:
            raise KeyError(number)  # what it raises here
        return number, text[::-1]

    big = "ab" * 300_000  # each entry and each answer: 600 kB, many pipes' worth
    entries = [(False, (number, big)) for number in range(12)]
    started = spy_on_helpers(monkeypatch)
    assert list(parallel.in_order(entries, work)) == [(n, big[::-1]) for n in range(12)]
    trouble.update(die=-1, unpicklable=10)  # batches 3-5 and 9-11 go to the helper
    results = parallel.in_order(entries, work)
    assert [next(results) for _ in range(10)] == [(n, big[::-1]) for n in range(10)]
    with pytest.raises(KeyError):
        next(results)
    results.close()
    assert len(started) == 2 * parallel._helpers()  # noqa: SLF001
    for pid in started:  # all gone: none left behind
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_where_no_helper_can_be_started_this_process_does_it_all(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A system that allows no more processes (a limit, a full process table) slows the
    reading down, nothing else."""
    import os

    from vaerdispil import parallel

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(parallel, "_helpers", lambda: 3)
    monkeypatch.setattr(parallel, "PARALLEL_AFTER", 1)
    monkeypatch.setattr(parallel, "BATCH", 2)
    entries = [(False, -number) for number in range(9)]
    assert list(parallel.in_order(entries, abs)) == list(range(9))


def for_report(result: Outcome) -> Outcome:
    """A whole outcome without what the report does not count: what the report keeps
    (outcome(..., counted_only=True)) must be exactly this."""
    import dataclasses

    from vaerdispil.outcome import UNCOUNTED

    return dataclasses.replace(result, **{name: [] for name in UNCOUNTED})
