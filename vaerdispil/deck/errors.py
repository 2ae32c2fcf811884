"""What a bad deck raises (a light module: the command line imports it before any YAML)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_REPORTED = 200
"""Most problems listed for one file; the rest are counted."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a deck file, at a 1-based line and column (0 for the whole file)."""

    line: int
    col: int
    message: str

    def format(self, source: str) -> str:
        """The problem as one line: FILE:LINE:COL: message."""
        if self.line <= 0:
            return f"{source}: {self.message}"
        return f"{source}:{self.line}:{self.col}: {self.message}"


class DeckError(Exception):
    """A deck that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = sorted(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem, in file order, capped at MAX_REPORTED."""
        shown = [problem.format(self.source) for problem in self.problems[:MAX_REPORTED]]
        hidden = len(self.problems) - MAX_REPORTED
        if hidden > 0:
            shown.append(f"{self.source}: ... and {hidden} more problems")
        return shown
