"""The benchmarks stay runnable: each one's imports resolve (running them is for people;
their figures are printed, not asserted)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parents[1] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=[path.stem for path in BENCHMARKS])
def test_benchmark_imports(path: Path) -> None:
    names = runpy.run_path(str(path), run_name="benchmark_import_check")
    assert "main" in names or path.stem == "pdf_timing"
