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
    """One language's words by key: plain texts, plural forms, and the rule between them."""

    __slots__ = ("_form_for", "forms", "plural_rule", "words")

    def __init__(self, words: dict[str, str], forms: dict[str, tuple[str, ...]],
                 plural_rule: str) -> None:
        self.words = words
        self.forms = forms
        self.plural_rule = plural_rule
        """The catalog's Plural-Forms expression in C ("n != 1")."""
        self._form_for: Callable[[int], int] | None = None

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
    only into what is asked here (in a fifth of the time, which every command's start
    notices): entries "KEY\x04English" by KEY, plural entries by KEY with their forms,
    and the header's Plural-Forms rule. ValueError if the data is not a .mo file."""
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
    words: dict[str, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    rule = "n != 1"
    for number in range(count):
        size, start = keys[2 * number], keys[2 * number + 1]
        entry = data[start:start + size]
        size, start = texts[2 * number], texts[2 * number + 1]
        said = data[start:start + size].decode("utf-8")
        if not entry:  # the header
            for line in said.splitlines():
                name, _, value = line.partition(":")
                if name.strip().lower() == "plural-forms" and "plural=" in value:
                    rule = value.split("plural=", 1)[1].strip().rstrip(";").strip()
            continue
        key, context, _ = entry.split(b"\x00")[0].partition(b"\x04")
        if b"\x00" in entry:  # a plural entry: its forms, every one translated
            said_forms = tuple(said.split("\x00"))
            if all(said_forms):
                forms[key.decode("utf-8")] = said_forms
        elif context and said:  # an empty text is one not translated yet
            words[key.decode("utf-8")] = said
    return _Catalog(words, forms, rule)


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
    words = _catalog_for(language).words.get(key)
    if words is None:
        english = _english()
        if key not in english.words and key in english.forms:
            raise KeyError(f"{key} is a plural entry: say it with plural()")
        words = english.words[key]
    return _fill(words, values)


def plural(language: str, key: str, count: int, /, **values: object) -> str:
    """The text for `key` in the plural form `language` uses for `count`, filled in with
    `values` (which name the count too where the text shows it): '1 prik', '2 prikker'."""
    catalog = _catalog_for(language)
    forms = catalog.forms.get(key)
    if forms is None:
        catalog = _english()
        forms = catalog.forms[key]
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
    danish = _catalog_for("da")
    return key in danish.words or key in danish.forms


def every_language_text(key: str) -> tuple[str, ...]:
    """The text for `key` in each language a workshop can run in."""
    return tuple(text(language, key) for language in LANGUAGES)


def texts(language: str, prefix: str) -> dict[str, str]:
    """Every plain text whose key starts with `prefix`, by the rest of its key, in
    `language` (English where its catalog lacks one)."""
    own = _catalog_for(language)
    found: dict[str, str] = {}
    for catalog in (own,) if language in LANGUAGES else (_english(), own):
        found.update((key[len(prefix):], words) for key, words in catalog.words.items()
                     if key.startswith(prefix))
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
