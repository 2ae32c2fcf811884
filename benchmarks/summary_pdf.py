"""Benchmark: a huge workshop's summary PDF, with the complete workshop's beside it.

The huge workshop is the test fixture (tests/test_pdf_summary.py): 50 organisations,
100 participants, 500 notes, and texts at the 2,000-character limit. Both sessions are
written to a temporary folder (without fsync), read back as `vaerdispil print summary`
reads them, and the time to make the PDF in memory is taken (projection and layout,
not the disk). The aim for the huge one is under 2 s.

    .venv/bin/python benchmarks/summary_pdf.py [--repeat R]

Prints the best of R runs (at least 2) for each, with pages and size, and one run of
the anonymous version.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import FakeClock
from tests.test_exports import complete_workshop
from tests.test_pdf_summary import huge_workshop
from vaerdispil.outcome import Outcome
from vaerdispil.pdf.common import configure_reportlab
from benchmarks.pdf_timing import timed  # noqa: E402
from vaerdispil.pdf.summary import SummaryRendered, render_summary
from vaerdispil.session_commands import read_outcome

AIM = 2.0
"""Seconds for the huge workshop."""



def session(folder: Path, name: str, build: Callable[[Path, FakeClock], object]) -> Path:
    """Play a fixture workshop into a session file."""
    path = folder / f"{name}.jsonl"
    with mock.patch("os.fsync"):
        game = build(path, FakeClock())
        game.close()  # type: ignore[attr-defined]
    return path


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    configure_reportlab()
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: session(Path(folder), name, build)
                 for name, build in (("complete", complete_workshop), ("huge", huge_workshop))}
        rows = []
        for name, path in paths.items():
            read = timed(lambda path=path: read_outcome(str(path)), args.repeat)
            result: Outcome = read_outcome(str(path))[1]
            made: list[SummaryRendered] = []
            # The first run also warms up reportlab's caches: best of at least two.
            plain = timed(lambda result=result, made=made: made.append(render_summary(result)),
                          max(2, args.repeat))
            hidden = timed(lambda result=result: render_summary(result, anonymous=True), 1)
            rows.append((name, result, made[-1], read, plain, hidden))
    print(f"summary PDF, best of {max(2, args.repeat)} runs (anonymous: one run)")
    for name, result, rendered, read, plain, hidden in rows:
        notes = len(result.notes)
        print(f"{name:9} {len(result.organisations):3} organisations, {notes:4} notes: "
              f"{rendered.pages:4} pages, {len(rendered.data) / 1e3:6.0f} kB | read "
              f"{read:5.3f} s | PDF {plain:5.3f} s | anonymous {hidden:5.3f} s")
    huge = rows[-1][4]
    print(f"huge workshop to PDF: {huge:.3f} s (aim: under {AIM:.0f} s) "
          f"{'ok' if huge < AIM else 'SLOWER THAN THE AIM'}")


if __name__ == "__main__":
    main()
