"""LIX, the Danish readability index, for deck texts.

LIX = words per sentence + the percentage of words longer than six letters.
Below 30 reads as easy (children's books); 30-40 as ordinary fiction and news;
above 40 as factual prose. A deck that residents with Danish as a second
language can read should stay at or under 30.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")


@dataclass(frozen=True)
class Lix:
    """The parts of a LIX score, so a report can show how it came about."""

    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        """The LIX score; 0 for no text."""
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def lix(texts: Iterable[str]) -> Lix:
    """Score texts taken together; each text is at least one sentence (a title is one)."""
    words = sentences = long_words = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for word in found if len(word.replace("-", "")) > 6)
        ends = len(_SENTENCE_END.findall(text.strip()))
        # A text that does not end with a full stop still ends a sentence.
        if not _SENTENCE_END.search(text.strip()[-1:] + " "):
            ends += 1
        sentences += max(1, ends)
    return Lix(words=words, sentences=max(1, sentences), long_words=long_words)
