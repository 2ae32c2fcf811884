"""Shared fixtures: every test runs with its own VAERDISPIL_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CARDS = REPO / "cards"


@pytest.fixture(autouse=True)
def vaerdispil_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, so no test sees the user's sessions or decks."""
    home = tmp_path / "home"
    monkeypatch.setenv("VAERDISPIL_HOME", str(home))
    return home
