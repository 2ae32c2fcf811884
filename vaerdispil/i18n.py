"""Words the screens, the command line and the PDFs show, from the gettext catalogs.

Each language has a catalog, vaerdispil/locale/LANG/LC_MESSAGES/vaerdispil.po, which a
translator edits in a .po editor (Poedit), and the .mo compiled from it beside it, which is
what is read here (one language at a time, when it is first asked for; parse_mo). An
entry's msgctxt is the key the code asks for ("start.new"), its msgid the English text. A plural entry has one form per plural form of the language, and the
catalog's Plural-Forms rule chooses among them. Danish and English have every entry; the
residents' languages of the phone page (ar, fa, ur, so, tr, uk) have the phone.* entries,
and an entry a catalog lacks is said in English. After a change to a .po, run
.ci/catalogs.py to remake the .mo files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextvars import ContextVar

LANGUAGES = ("da", "en")
ENDONYMS = {"da": "Dansk", "en": "English", "ar": "العربية", "fa": "فارسی", "ur": "اردو",
            "so": "Soomaali", "tr": "Türkçe", "uk": "Українська"}
"""The languages of the phone page and of the cards' second language, each in its own
name (the deck translations in the residents' languages: cards/DECK.LANG.yaml)."""
"""The languages a workshop can run in: their catalogs have every entry."""

LOCALE = os.path.join(os.path.dirname(__file__), "locale")
"""The catalogs' folder. (os.path, not pathlib: the command line imports this module on
every run, and would not import pathlib otherwise: 9 ms.)"""
DOMAIN = "vaerdispil"


class _Catalog:
    """One language's words by key, looked up in its compiled catalog as they are asked
    for: plain texts, plural forms, and the rule between them."""

    __slots__ = ("_data", "_entries", "_form_for", "_found", "_originals", "_texts",
                 "plural_rule")

    def __init__(self, data: bytes, entries: dict[bytes, int], originals: tuple[int, ...],
                 texts: tuple[int, ...], plural_rule: str) -> None:
        self._data = data
        self._entries = entries
        """Each entry's number by its key (its msgctxt), as bytes."""
        self._originals = originals
        """The originals table: size and offset of each entry's "KEY\x04English"."""
        self._texts = texts
        """The translations table: size and offset of each entry's text."""
        self._found: dict[str, str | tuple[str, ...] | None] = {}
        self.plural_rule = plural_rule
        """The catalog's Plural-Forms expression in C ("n != 1")."""
        self._form_for: Callable[[int], int] | None = None

    def _entry(self, key: str) -> str | tuple[str, ...] | None:
        """A plain entry's text, a plural entry's forms, or None where the catalog has no
        such entry or it is not (wholly) translated yet. Read once per key."""
        if key in self._found:
            return self._found[key]
        found: str | tuple[str, ...] | None = None
        name = key.encode("utf-8")
        number = self._entries.get(name)
        if number is not None:
            size, start = self._originals[2 * number], self._originals[2 * number + 1]
            plural = b"\x00" in self._data[start:start + size]  # "English\x00plural"
            size, start = self._texts[2 * number], self._texts[2 * number + 1]
            said = self._data[start:start + size].decode("utf-8")
            if plural:  # its forms (one only, in a language with one), every one translated
                forms = tuple(said.split("\x00"))
                found = forms if all(forms) else None
            else:  # an empty text is one not translated yet
                found = said or None
        self._found[key] = found
        return found

    def word(self, key: str) -> str | None:
        """The plain text of `key`, if the catalog has it translated."""
        found = self._entry(key)
        return found if isinstance(found, str) else None

    def forms_of(self, key: str) -> tuple[str, ...] | None:
        """The plural forms of `key`, if the catalog has them all translated."""
        found = self._entry(key)
        return found if isinstance(found, tuple) else None

    def keys(self) -> list[str]:
        """Every key the catalog has an entry for, translated or not."""
        return [name.decode("utf-8") for name in self._entries]

    @property
    def words(self) -> dict[str, str]:
        """Every translated plain text, by key."""
        return {key: found for key in self.keys() if (found := self.word(key)) is not None}

    @property
    def forms(self) -> dict[str, tuple[str, ...]]:
        """Every wholly translated plural entry's forms, by key."""
        return {key: found for key in self.keys()
                if (found := self.forms_of(key)) is not None}

    def form_for(self, count: int) -> int:
        """The index of the plural form for a count (by the catalog's Plural-Forms)."""
        if self._form_for is None:
            import gettext  # its safe reader of the C expression, when a plural is asked

            self._form_for = gettext.c2py(self.plural_rule)
        return self._form_for(count)


_CATALOGS: dict[str, _Catalog | None] = {}


def _read(language: str) -> _Catalog | None:
    """The compiled catalog of `language`, or None when it has none."""
    try:
        with open(os.path.join(LOCALE, language, "LC_MESSAGES", f"{DOMAIN}.mo"), "rb") as file:
            return parse_mo(file.read())
    except FileNotFoundError:
        return None


def parse_mo(data: bytes) -> _Catalog:
    """A compiled catalog (GNU .mo, UTF-8), read as gettext.GNUTranslations reads it but
    only as far as it is asked (in a fifth of the time, which every command's start
    notices): entries "KEY\x04English" are found by KEY, a text is decoded when it is
    first asked for, and the header gives the Plural-Forms rule. ValueError if the data
    is not a .mo file."""
    import struct

    if data[:4] == b"\xde\x12\x04\x95":
        order = "<"
    elif data[:4] == b"\x95\x04\x12\xde":
        order = ">"
    else:
        raise ValueError("not a compiled gettext catalog (.mo)")
    count, originals, translations = struct.unpack_from(f"{order}3I", data, 8)
    table = f"{order}{2 * count}I"
    keys = struct.unpack_from(table, data, originals)
    texts = struct.unpack_from(table, data, translations)
    entries: dict[bytes, int] = {}
    rule = "n != 1"
    for number, (size, start) in enumerate(zip(keys[0::2], keys[1::2])):
        context, marked, _ = data[start:start + size].partition(b"\x04")
        if marked:  # an entry without a msgctxt (the header, too) has no key here
            entries[context] = number
        elif not size:  # the header: the plural rule
            size, start = texts[2 * number], texts[2 * number + 1]
            for line in data[start:start + size].decode("utf-8").splitlines():
                name, _, value = line.partition(":")
                if name.strip().lower() == "plural-forms" and "plural=" in value:
                    rule = value.split("plural=", 1)[1].strip().rstrip(";").strip()
    return _Catalog(data, entries, keys, texts, rule)


def _catalog(language: str) -> _Catalog | None:
    """The catalog of `language`, read once."""
    if language not in _CATALOGS:
        # A language code names a folder: two or three small letters, nothing else.
        code = 2 <= len(language) <= 3 and language.isascii() and language.isalpha() \
            and language.islower()
        _CATALOGS[language] = _read(language) if code else None
    return _CATALOGS[language]


def _complete(language: str) -> _Catalog:
    """The catalog of a language that has every entry (LANGUAGES)."""
    found = _catalog(language)
    if found is None:
        raise RuntimeError(f"{LOCALE}: no {language}/LC_MESSAGES/{DOMAIN}.mo; "
                           "run .ci/catalogs.py")
    return found


def _catalog_for(language: str) -> _Catalog:
    """The catalog a text in `language` is looked up in: Danish if it has none."""
    return _catalog(language) or _complete("da")


def _english() -> _Catalog:
    return _complete("en")


def _fill(words: str, values: dict[str, object]) -> str:
    return words.format(**values) if values else words


def text(language: str, key: str, /, **values: object) -> str:
    """The text for `key` in `language`, filled in with `values`: Danish if the language has
    no catalog, English if its catalog lacks the key."""
    words = _catalog_for(language).word(key)
    if words is None:
        words = _english().word(key)
        if words is None:
            if _english().forms_of(key) is not None:
                raise KeyError(f"{key} is a plural entry: say it with plural()")
            raise KeyError(key)
    return _fill(words, values)


def plural(language: str, key: str, count: int, /, **values: object) -> str:
    """The text for `key` in the plural form `language` uses for `count`, filled in with
    `values` (which name the count too where the text shows it): '1 prik', '2 prikker'."""
    catalog = _catalog_for(language)
    forms = catalog.forms_of(key)
    if forms is None:
        catalog = _english()
        forms = catalog.forms_of(key)
        if forms is None:
            raise KeyError(key)
    return _fill(forms[min(catalog.form_for(count), len(forms) - 1)], values)


def counted(language: str, noun: str, count: int) -> str:
    """'1 deltager', '3 deltagere': the plural entry n.NOUN, filled in."""
    return plural(language, f"n.{noun}", count, count=count)


def possessive(name: str, language: str) -> str:
    """A name as owner: Danish "Aishas", "Mads'"; English "Aisha's", "James'"."""
    if language == "en":
        return f"{name}'" if name.endswith("s") else f"{name}'s"
    return f"{name}'" if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


def has_key(key: str) -> bool:
    """Whether the catalogs have an entry `key` (plain or plural)."""
    return _catalog_for("da")._entry(key) is not None


def every_language_text(key: str) -> tuple[str, ...]:
    """The text for `key` in each language a workshop can run in."""
    return tuple(text(language, key) for language in LANGUAGES)


def texts(language: str, prefix: str) -> dict[str, str]:
    """Every plain text whose key starts with `prefix`, by the rest of its key, in
    `language` (English where its catalog lacks one)."""
    own = _catalog_for(language)
    found: dict[str, str] = {}
    for catalog in (own,) if language in LANGUAGES else (_english(), own):
        found.update((key[len(prefix):], words) for key in catalog.keys()
                     if key.startswith(prefix) and (words := catalog.word(key)) is not None)
    return found


CLI_LANGUAGE: ContextVar[str] = ContextVar("vaerdispil_cli_language", default="en")
"""The command line's language in this run: cli.main sets it from --lang or the locale."""


def cli_text(key: str, /, **values: object) -> str:
    """The text for `key` in the command line's language, filled in."""
    return text(CLI_LANGUAGE.get(), key, **values)


def cli_plural(key: str, count: int, /, **values: object) -> str:
    """The text for the plural entry `key` in the command line's language, in the form for
    `count`, filled in: '1 side', '2 sider'."""
    return plural(CLI_LANGUAGE.get(), key, count, **values)
