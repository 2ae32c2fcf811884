"""Who is at the table, written as lines: "Organisation (type): Name, Name".

The set-up screen takes organisations and their people a line at a time (typed, or pasted
from an e-mail or a spreadsheet), so six organisations and eight people are a minute's
typing. This module reads such lines (and nothing else: it knows no screen and writes no
file); the session's game applies them as ordinary events.

A line is an organisation's name, then optionally its type in brackets, then optionally a
colon and the names of its people, separated by commas or semicolons::

    Aarhus Kommune: Mette, Jonas
    Netto (virk): Ali
    Beboerforeningen (beboere)

A type is written as its name in the workshop's language, or as the first letters of it
(as long as they fit only one type). Without a type, the organisation keeps the type it
had (in this workshop or one it is remembered from), or gets the one its name suggests
("… Kommune", "Boligforeningen …"), or "andet".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..i18n import text as t
from .state import ORGANISATION_TYPES

SEPARATORS = re.compile(r"[,;\t]")
"""Between people's names (a tab: cells pasted from a spreadsheet)."""

_TYPE_IN_BRACKETS = re.compile(r"\(([^()]*)\)\s*$")

# Words in a name that suggest its type, checked in this order (the first that fits wins),
# so "Boligforeningen" is housing and "Beboerforeningen" residents, not associations.
# Lower case; a hint of five letters or more is found anywhere in the name (Danish joins
# words: "Strikkeklubben", "Skovvangskolen"), a shorter one only at the start of a word.
HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("helhedsplan", ("helhedsplan", "boligsocial", "housing-social", "social housing plan",
                     "masterplan")),
    ("kommune", ("kommune", "jobcenter", "municipality", "council")),
    ("boligorganisation", ("bolig", "almen", "housing")),
    ("beboere", ("beboer", "afdelingsbestyrelse", "resident", "tenant")),
    ("institution", ("skole", "school", "bibliotek", "library", "børnehave", "vuggestue",
                     "dagtilbud", "plejehjem", "sfo", "gymnasium", "kirke", "church",
                     "museum", "kindergarten", "politi", "police")),
    ("forening", ("forening", "klubben", "klub", "dgi", "association", "club", "frivillig", "volunteer",
                  "røde kors", "red cross", "ngo", "idræt", "sport", "fc ", "if ")),
    ("virksomhed", ("a/s", "aps", "i/s", "virksomhed", "firma", "butik", "shop", "ltd",
                    "inc", "company", "netto", "føtex", "rema", "lidl", "bilka", "brugsen",
                    "kiosk", "cafe", "café", "restaurant")),
)


@dataclass(frozen=True)
class RosterLine:
    """One line understood: an organisation, its type, and its people."""

    number: int
    """The line's number in what was typed (from 1)."""
    organisation: str
    org_type: str
    type_given: bool
    """Whether the line said the type (else it was remembered or guessed)."""
    people: tuple[str, ...]


@dataclass(frozen=True)
class RosterProblem:
    """A line that cannot be understood, and how to write it."""

    number: int
    text: str
    message: str


def guess_type(name: str) -> str:
    """The type a name suggests ("andet" when none does)."""
    words = " " + re.sub(r"[^\w/ ]+", " ", name.casefold()) + " "
    for org_type, hints in HINTS:
        for hint in hints:
            if (hint if len(hint) >= 5 else f" {hint}") in words:
                return org_type
    return "andet"


def type_from_words(words: str, language: str) -> str | None | tuple[str, ...]:
    """The organisation type that `words` name: its id, or its name (or the start of it) in
    the workshop's language or in any; a tuple of the types it could be when it fits
    several; None when it fits none."""
    wanted = words.strip().casefold()
    if not wanted:
        return None
    for org_type in ORGANISATION_TYPES:
        if wanted == org_type or wanted == t(language, f"orgtype.{org_type}").casefold():
            return org_type
    for languages in ((language,), ("da", "en")):
        fits = tuple(org_type for org_type in ORGANISATION_TYPES
                     if any(t(lang, f"orgtype.{org_type}").casefold().startswith(wanted)
                            or org_type.startswith(wanted) for lang in languages))
        if len(fits) == 1:
            return fits[0]
        if fits:
            return fits
    return None


def parse_line(text: str, number: int, language: str,
               known: Mapping[str, str] | None = None) -> RosterLine | RosterProblem | None:
    """One line: None when it is empty; `known`: types by organisation name (case-folded),
    of this workshop's organisations and remembered partners."""
    line = text.strip()
    if not line:
        return None
    org_type: str | None = None
    if ":" not in line and "\t" in line:  # a spreadsheet row: organisation, [type,] people
        cells = [cell.strip() for cell in line.split("\t")]
        exact = type_from_words(cells[1], language) if len(cells) > 1 else None
        if isinstance(exact, str) and cells[1].casefold() in (
                exact, t(language, f"orgtype.{exact}").casefold()):
            org_type = exact
            del cells[1]
        head, colon, tail = cells[0], ":", "\t".join(cells[1:])
    else:
        head, colon, tail = line.partition(":")
    head = head.strip()
    people = tuple(name.strip() for name in SEPARATORS.split(tail) if name.strip()) \
        if colon else ()
    bracket = _TYPE_IN_BRACKETS.search(head)
    if bracket:
        found = type_from_words(bracket.group(1), language)
        if found is None or isinstance(found, tuple):
            names = ", ".join(t(language, f"orgtype.{kind}").casefold()
                              for kind in (found or ORGANISATION_TYPES))
            key = "roster.type_unclear" if found else "roster.type_unknown"
            return RosterProblem(number, text, t(language, key, words=bracket.group(1).strip(),
                                                 types=names))
        org_type = found
        head = head[:bracket.start()].strip()
    if not head:
        return RosterProblem(number, text, t(language, "roster.no_org"))
    given = org_type is not None
    if org_type is None:
        org_type = (known or {}).get(head.casefold()) or guess_type(head)
    return RosterLine(number, head, org_type, given, people)


def parse(text: str, language: str, known: Mapping[str, str] | None = None
          ) -> list[RosterLine | RosterProblem]:
    """Every non-empty line of `text`, understood or not, in order."""
    found = (parse_line(line, number, language, known)
             for number, line in enumerate(text.splitlines(), start=1))
    return [item for item in found if item is not None]


def format_line(name: str, org_type: str, people: list[str] | tuple[str, ...] = (),
                language: str = "da") -> str:
    """The line that would add this organisation (and people) again."""
    line = f"{name} ({t(language, f'orgtype.{org_type}').casefold()})"
    return f"{line}: {', '.join(people)}" if people else line
