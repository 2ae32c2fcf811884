"""Shared fixtures: every test runs with its own VAERDISPIL_HOME."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# CI runs the same examples every time, so a red run is reproducible; run locally with
# HYPOTHESIS_PROFILE=explore (and more examples) to hunt for new cases.
settings.register_profile("default", max_examples=300)
settings.register_profile("ci", max_examples=300, derandomize=True)
settings.register_profile("explore", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))

REPO = Path(__file__).resolve().parents[1]
CARDS = REPO / "cards"


def ci_script(name: str) -> ModuleType:
    """A script of .ci/ (`lock`, `catalogs`) as a module: they are not part of the package."""
    spec = importlib.util.spec_from_file_location(f"ci_{name}", REPO / ".ci" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SLOW = ("test_a_whole_workshop_by_keys", "test_choosing_english_in_setup",
        "test_the_demo_on_screen", "test_every_bundled_deck_plays_on_screen",
        "test_a_saved_setup_takes_the_new_language", "test_an_anonymous_summary_names_no",
        "test_palette_jumps_to_a_round", "test_no_heading_is_left_alone",
        "test_one_byte_flips_in_every_event", "test_a_workshop_in_the_browser_offline",
        "test_three_phones_pick_and_vote_secretly", "test_a_whole_follow_up_by_keys")
"""Tests that take many seconds. xdist (worksteal) gives each of the two workers half of
the list to start with: each half begins with half of these, so that neither worker is
left running one of them alone at the end while the other waits."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    slow = [item for item in items if item.name.startswith(SLOW)]
    rest = [item for item in items if not item.name.startswith(SLOW)]
    half = len(rest) // 2
    items[:] = slow[0::2] + rest[:half] + slow[1::2] + rest[half:]


@pytest.fixture(autouse=True)
def vaerdispil_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, so no test sees the user's sessions or decks."""
    home = tmp_path / "home"
    monkeypatch.setenv("VAERDISPIL_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the locale's language: tests hear English unless they ask
    for Danish (tests/test_language.py)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


class FakeClock:
    """A clock that moves only when told to (no test waits on wall-clock time)."""

    def __init__(self) -> None:
        from datetime import datetime, timezone

        self.moment = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.moment

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `vaerdispil ARGS` in this process: its exit code (argparse's too), stdout, stderr."""
    from vaerdispil.cli import main

    try:
        code = main(list(args))
    except SystemExit as exited:  # argparse
        code = int(exited.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
