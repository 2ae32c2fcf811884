"""Shared fixtures: every test runs with its own VAERDISPIL_HOME."""

from __future__ import annotations

from pathlib import Path

import os

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


@pytest.fixture(autouse=True)
def vaerdispil_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, so no test sees the user's sessions or decks."""
    home = tmp_path / "home"
    monkeypatch.setenv("VAERDISPIL_HOME", str(home))
    return home
