"""Which characters a record or a deck may hold: one rule for names, texts and decks.

Control characters (C0 but tab and newline, DEL, C1), the bidirectional overrides and
isolates (U+202A-U+202E, U+2066-U+2069) and lone surrogates cannot be printed, can hide
or reorder what a reader sees, or cannot even be written as UTF-8. The deck loader
refuses them with the line and column, the session reader refuses an event that holds
them, and what people type is cleaned of them at the edge (the rules).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_FORBIDDEN_ONE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def forbidden_char(text: str, multiline: bool = True) -> int:
    """The index of the first character `text` may not hold, or -1. Tab and newline are
    allowed in multi-line texts."""
    found = (_FORBIDDEN if multiline else _FORBIDDEN_ONE_LINE).search(text)
    return -1 if found is None else found.start()


def forbidden_search(multiline: bool = True) -> Callable[[str], re.Match[str] | None]:
    """The search for a forbidden character, for checking many texts fast."""
    return (_FORBIDDEN if multiline else _FORBIDDEN_ONE_LINE).search


def clean(text: str) -> str:
    """`text` without the characters it may not hold (tabs become spaces)."""
    return _FORBIDDEN.sub("", text.replace("\t", " "))


def describe_char(char: str) -> str:
    """A character as people can find it: 'U+001B (ESCAPE)'."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB",
                  0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE"}
