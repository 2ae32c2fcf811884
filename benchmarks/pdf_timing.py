"""Timing for the PDF benchmarks (cards_pdf.py, summary_pdf.py)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from vaerdispil.pdf.fonts import clear_width_cache


def timed(action: Callable[[], object], repeat: int) -> float:
    """The best wall time of `repeat` runs, each with an empty word-width cache."""
    best = float("inf")
    for _ in range(repeat):
        clear_width_cache()
        gc.collect()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best
