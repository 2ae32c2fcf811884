"""The clock a workshop reads its timestamps from (a light module: the app imports it at
start, before anything heavy)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)
