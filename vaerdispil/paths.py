"""Where vaerdispil keeps its files: sessions and user decks."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_VARIABLE = "VAERDISPIL_HOME"

SESSION_SUFFIX = ".jsonl"
"""The suffix of a saved workshop (a session log)."""


def deck_file_name(deck_id: str, language: str) -> str:
    """The file a deck is looked for under first: `vaerdispil.da.yaml`."""
    return f"{deck_id}.{language}.yaml"


def data_dir() -> Path:
    """The user data directory (VAERDISPIL_HOME overrides the platform's default)."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("vaerdispil", appauthor=False))


def user_decks_dir() -> Path:
    """Where a user puts decks of their own."""
    return data_dir() / "decks"


def sessions_dir() -> Path:
    """Where workshops are saved unless a path is given."""
    return data_dir() / "sessions"
