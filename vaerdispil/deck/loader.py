"""Load a deck file: strict about every mistake, and kind in how it says so.

Every problem found is reported, not just the first, as
``FILE:LINE:COL: what is wrong; how to fix it``.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from ..textrules import describe_char, forbidden_char
from . import spec
from .errors import DeckError, Problem
from .model import Card, CardKind, Category, Deck, Draw, Mode, Per, Round, Side
from .spec import Key
from .yamltree import Node, YamlProblem, parse

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest deck file read; 10,000 cards take about 2 MiB."""

def load_deck(path: str | os.PathLike[str]) -> Deck:
    """Read and validate a deck file; raise DeckError listing every problem."""
    source = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise DeckError(source, [_too_big(size)])
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DeckError(source, [Problem(0, 0, "no such file; check the path")]) from None
    except IsADirectoryError:
        raise DeckError(source, [Problem(0, 0, "this is a folder; name a .yaml file")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DeckError(source, [Problem(0, 0, f"cannot read the file ({reason})")]) from None
    return load_deck_bytes(data, source)


def load_deck_bytes(data: bytes, source: str = "<deck>") -> Deck:
    """Validate a deck given as the bytes of a file."""
    if len(data) > MAX_FILE_BYTES:
        raise DeckError(source, [_too_big(len(data))])
    if b"\0" in data[:8192]:
        raise DeckError(source, [Problem(1, 1, "this is not a text file; a deck is a YAML text "
                                               "file saved as UTF-8")])
    text = decode(data, source)
    digest = hashlib.sha256(data).hexdigest()
    return _validate_text(text, source, digest)


def decode(data: bytes, source: str) -> str:
    """A file's bytes as text; DeckError at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise DeckError(source, [Problem(line, col, f"the file is not UTF-8 text (byte 0x{byte:02X} "
                                                    "here); save it with the encoding UTF-8")]) from None


def deck_bytes(deck: Deck) -> bytes:
    """The exact bytes a deck was loaded from (their sha256 is deck.content_hash)."""
    return deck.text.encode("utf-8", "surrogatepass")


def load_deck_text(text: str, source: str = "<deck>") -> Deck:
    """Validate a deck given as text."""
    return load_deck_bytes(text.encode("utf-8", "surrogatepass"), source)


def _too_big(size: int) -> Problem:
    return Problem(0, 0, f"the file is {size / 1024 / 1024:.1f} MiB; a deck may be at most "
                         f"{MAX_FILE_BYTES // 1024 // 1024} MiB, so split it into smaller decks")


def parse_checked(text: str, source: str) -> tuple[Node, _Checker]:
    """The YAML tree of a deck file (or a translation), and a checker that has already
    said which keys are given twice; DeckError if the YAML itself is broken."""
    try:
        root, duplicates = parse(text)
    except YamlProblem as problem:
        raise DeckError(source, [Problem(problem.line, problem.col, problem.message)]) from None
    checker = _Checker()
    for duplicate in duplicates:
        checker.report(duplicate, f"'{duplicate.key}' is given twice in this mapping (first on "
                                  f"line {duplicate.first_line}); keep one")
    return root, checker


def _validate_text(text: str, source: str, digest: str) -> Deck:
    root, checker = parse_checked(text, source)
    deck = checker.deck(root, source, digest, text)
    if checker.problems or deck is None:
        raise DeckError(source, checker.problems)
    return deck


class _Missing:
    """No usable value (absent or wrong; a problem has been reported if wrong)."""


MISSING: Any = _Missing()


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a mistyped word, if one is close enough."""
    choices = list(choices)
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    found = suggest(word, choices)
    return f"; did you mean '{found}'?" if found else ""


_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    """A valid id made from a text: 'Tid & ressourcer' -> 'tid-ressourcer'."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:64] or "id"


_ID = re.compile(spec.ID_PATTERN)
_COLOUR = re.compile(spec.COLOUR_PATTERN)
_LANGUAGE = re.compile(spec.LANGUAGE_PATTERN)
_TYPE_NAMES = {"str": "text", "int": "a number", "float": "a number", "bool": "true/false",
               "null": "nothing", "timestamp": "a date", "seq": "a list", "map": "a mapping"}


class _Checker:
    """Walks a parsed deck against the spec, collecting problems as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def report(self, at: Any, message: str) -> None:
        self.problems.append(Problem(at.line, at.col, message))

    # -- single values ---------------------------------------------------

    def value(self, node: Node, key: Key, where: str) -> Any:
        """The checked Python value of a node for a key, or MISSING after a report."""
        kind = node.kind
        name = key.name
        if key.type in ("text", "id", "colour", "language", "choice"):
            if kind != "str":
                self._not_text(node, key, where)
                return MISSING
            text = node.value.strip() if key.multiline else " ".join(node.value.split())
            if not text:
                self.report(node, f"{where}'{name}' is empty; write a text or remove the key")
                return MISSING
            return self._text(node, key, text, where)
        if key.type == "format":
            if kind == "int" and node.value == spec.FORMAT_VERSION:
                return node.value
            if kind == "int" and node.value > spec.FORMAT_VERSION:
                self.report(node, f"this deck is format {node.value}, but this version of "
                                  f"vaerdispil reads format {spec.FORMAT_VERSION}; update vaerdispil")
            elif kind == "str" and node.value.strip() == str(spec.FORMAT_VERSION):
                self.report(node, f"write format: {spec.FORMAT_VERSION} without quotes")
            else:
                self.report(node, f"format must be {spec.FORMAT_VERSION}; write  "
                                  f"format: {spec.FORMAT_VERSION}")
            return MISSING
        if key.type in ("int", "number"):
            ok = kind == "int" or (key.type == "number" and kind == "float")
            if not ok:
                if kind == "float":
                    self.report(node, f"{where}'{name}' must be a whole number, not "
                                      f"{node.raw}; write a whole number, such as 3")
                    return MISSING
                if kind == "str":
                    hint = "write a plain number, without quotes or units"
                else:
                    hint = "write a number, such as 3"
                self.report(node, f"{where}'{name}' must be a number, not "
                                  f"{_TYPE_NAMES[kind]}; {hint}")
                return MISSING
            low, high = key.minimum, key.maximum
            if (low is not None and node.value < low) or (high is not None and node.value > high):
                self.report(node, f"{where}'{name}' is {node.value}; it must be between "
                                  f"{low:g} and {high:g}")
                return MISSING
            return node.value
        if key.type == "bool":
            if kind != "bool":
                self.report(node, f"{where}'{name}' must be true or false, not "
                                  f"{_TYPE_NAMES[kind]}; write  {name}: true  or  {name}: false")
                return MISSING
            return node.value
        if key.type == "ids":
            if kind != "seq" or not node.value:
                self.report(node, f"{where}'{name}' must be a list of card ids; write it as  "
                                  f"{name}: [first-id, second-id]")
                return MISSING
            ids = [self.value(item, Key(name, "id", ""), where) for item in node.value]
            return MISSING if MISSING in ids else tuple(ids)
        if key.type == "choices":
            if kind != "seq":
                example = node.value if kind == "str" else key.choices[0]
                self.report(node, f"{where}'{name}' must be a list; write it as  "
                                  f"{name}: [{example}]")
                return MISSING
            if not node.value:
                self.report(node, f"{where}'{name}' is an empty list; name at least one of "
                                  f"{', '.join(key.choices)}")
                return MISSING
            chosen: list[str] = []
            for item in node.value:
                picked = self.value(item, Key(name, "choice", "", choices=key.choices), where)
                if picked is MISSING:
                    continue
                if picked in chosen:
                    self.report(item, f"{where}'{picked}' is listed twice in '{name}'; "
                                      "remove one")
                    continue
                chosen.append(picked)
            return tuple(chosen) if len(chosen) == len(node.value) else MISSING
        raise AssertionError(key.type)  # pragma: no cover - spec and checker disagree

    def _not_text(self, node: Node, key: Key, where: str) -> None:
        name = key.name
        if node.kind == "null":
            hint = "write a text or remove the key"
            if key.type == "colour":
                hint = f"an unquoted '#' starts a comment, so quote it:  {name}: \"#F2C14E\""
            self.report(node, f"{where}'{name}' is empty; {hint}")
        elif node.kind in ("seq", "map"):
            self.report(node, f"{where}'{name}' must be text, not {_TYPE_NAMES[node.kind]}")
        else:
            self.report(node, f"{where}'{name}' must be text, but YAML reads this as "
                              f"{_TYPE_NAMES[node.kind]}; put it in quotes:  "
                              f"{name}: \"{_source_text(node)}\"")

    def _text(self, node: Node, key: Key, text: str, where: str) -> Any:
        name = key.name
        if key.type == "id":
            if not _ID.match(text):
                self.report(node, f"{where}'{text}' is not a valid {name}; use only a-z, 0-9 "
                                  f"and '-' (write æ ø å as ae oe aa), for example: "
                                  f"{slugify(text)}")
                return MISSING
        elif key.type == "colour":
            if not _COLOUR.match(text):
                self.report(node, f"{where}'{text}' is not a colour; write it as \"#RRGGBB\", "
                                  "for example \"#F2C14E\"")
                return MISSING
            if len(text) == 4:
                text = "#" + "".join(digit * 2 for digit in text[1:])
            return text.upper()
        elif key.type == "language":
            if not _LANGUAGE.match(text):
                self.report(node, f"'{text}' is not a language code; write a two-letter code "
                                  "such as da or en")
                return MISSING
        elif key.type == "choice":
            if text not in key.choices:
                self.report(node, f"{where}'{name}' is '{text}', which is not one of "
                                  f"{', '.join(key.choices)}{_did_you_mean(text, key.choices)}")
                return MISSING
        elif key.max_length and len(text) > key.max_length:
            self.report(node, f"{where}'{name}' is {len(text)} characters long; the most is "
                              f"{key.max_length}, so shorten it")
            return MISSING
        bad = forbidden_char(text)
        if bad >= 0:  # the same rule the printed cards and the session reader apply
            self.report(node, f"{where}'{name}' holds the invisible character "
                              f"{describe_char(text[bad])}, which cannot be printed; delete it "
                              "(retype the text around it)")
            return MISSING
        return text

    # -- mappings --------------------------------------------------------

    def mapping(self, node: Node, keys: tuple[Key, ...], where: str, switch: str | None = None
                ) -> dict[str, Any] | None:
        """Check a mapping's keys and values; return the good values by key name."""
        if node.kind != "map":
            self.report(node, f"{where}expected a mapping of keys ({', '.join(k.name for k in keys[:3])}"
                              f", ...), not {_TYPE_NAMES[node.kind]}")
            return None
        by_name = {key.name: key for key in keys}
        values: dict[str, Any] = {}
        meant_for: set[str] = set()  # keys that a misspelt key was reported for
        selector: str | None = None
        if switch is not None and switch in node.value:
            selector = self.value(node.value[switch][1], by_name[switch], where)
            values[switch] = selector
            selector = None if selector is MISSING else selector
        for name, (key_node, value_node) in node.value.items():
            if name == switch:
                continue
            key = by_name.get(name)
            if key is None:
                if name == "<<":
                    self.report(key_node, f"{where}merge keys (<<) are not supported; write "
                                          "the keys out")
                else:
                    meant = suggest(name, by_name)
                    if meant:
                        meant_for.add(meant)
                        hint = f"did you mean '{meant}'?"
                    else:
                        hint = f"the keys here are {', '.join(by_name)}"
                    self.report(key_node, f"{where}unknown key '{name}'; {hint}")
                continue
            if key.only and selector is not None and selector not in key.only:
                allowed = " or ".join(key.only)
                self.report(key_node, f"{where}'{name}' only applies when {switch} is "
                                      f"{allowed}; remove it, or change {switch}")
                continue
            values[name] = MISSING if key.type == "list" else self.value(value_node, key, where)
        for key in keys:
            if key.name in node.value or key.name in meant_for:
                continue
            needed = key.required or (selector is not None and selector in key.required_in)
            if needed:
                because = f" in a {selector} {'round' if switch == 'mode' else 'card'}" \
                    if not key.required else ""
                self.report(node, f"{where}'{key.name}' is missing{because}; add  "
                                  f"{key.name}: ...  ({key.description})")
        return values

    # -- the deck --------------------------------------------------------

    def deck(self, root: Node, source: str, digest: str, text: str) -> Deck | None:
        if root.kind != "map":
            self.report(root, "a deck is a mapping of keys such as format, id, title, cards; "
                              f"this file holds {_TYPE_NAMES[root.kind]}")
            return None
        top = self.mapping(root, spec.DECK_KEYS, "")
        assert top is not None
        lists: dict[str, list[tuple[Node, dict[str, Any]]]] = {}
        for section, (keys, switch) in spec.SECTIONS.items():
            lists[section] = list(self._section(root, section, keys, switch))
        categories = self._categories(lists["categories"])
        category_ids = {v["id"] for _, v in lists["categories"] if isinstance(v.get("id"), str)}
        cards = self._cards(lists["cards"], category_ids)
        card_kinds_by_id = {values["id"]: values.get("kind", MISSING)
                             for _, values in lists["cards"] if isinstance(values.get("id"), str)}
        # With a card of unknown kind, "no cards of this kind" may be false: stay quiet then.
        kinds_known = all(values.get("kind", MISSING) is not MISSING
                          for _, values in lists["cards"])
        card_kinds = {values.get("kind", MISSING) for _, values in lists["cards"]}
        rounds = self._rounds(lists["rounds"], card_kinds_by_id, card_kinds, kinds_known)
        if self.problems:
            return None
        return Deck(
            format=top["format"], id=top["id"], language=top["language"], title=top["title"],
            description=top.get("description", ""), version=top.get("version", ""),
            license=top.get("license", ""), categories=categories, cards=cards, rounds=rounds,
            source=source, content_hash=digest, text=text,
        )

    def _section(self, root: Node, section: str, keys: tuple[Key, ...], switch: str | None
                 ) -> Iterator[tuple[Node, dict[str, Any]]]:
        pair = root.value.get(section)
        if pair is None:
            return
        node = pair[1]
        singular = section[:-1].replace("ie", "y")
        if node.kind != "seq":
            if node.kind == "null":
                self.report(node, f"'{section}' is empty; list at least one {singular} under it, "
                                  "each starting with '- '")
            else:
                self.report(node, f"'{section}' must be a list, each {singular} starting with '- '")
            return
        limit = {"categories": spec.MAX_CATEGORIES, "cards": spec.MAX_CARDS,
                 "rounds": spec.MAX_ROUNDS}[section]
        if len(node.value) > limit:
            self.report(node, f"the deck has {len(node.value):,} {section}; the most is "
                              f"{limit:,}, so split it into smaller decks")
            return
        if not node.value and section != "categories":
            self.report(node, f"'{section}' is an empty list; a deck needs at least one "
                              f"{singular}")
        for index, item in enumerate(node.value, start=1):
            given = item.value.get("id") if item.kind == "map" else None
            if given is not None and given[1].kind == "str" and _ID.match(given[1].value):
                where = f"{singular} '{given[1].value}': "
            else:
                where = f"{singular} {index}: "
            values = self.mapping(item, keys, where, switch)
            if values is not None:
                yield item, values

    def _unique(self, items: list[tuple[Node, dict[str, Any]]], what: str) -> None:
        seen: dict[str, int] = {}
        for node, values in items:
            item_id = values.get("id", MISSING)
            if item_id is MISSING:
                continue
            if item_id in seen:
                self.report(node.value["id"][1], f"the {what} id '{item_id}' is used twice "
                                                 f"(first on line {seen[item_id]}); give each "
                                                 f"{what} its own id")
            else:
                seen[item_id] = node.value["id"][1].line

    def _categories(self, items: list[tuple[Node, dict[str, Any]]]) -> tuple[Category, ...]:
        self._unique(items, "category")
        return tuple(
            Category(id=v["id"], name=v["name"], colour=v["colour"],
                     description=v.get("description", ""), line=node.line)
            for node, v in items
            if _complete(v, ("id", "name", "colour"), ("description",))
        )

    def _cards(self, items: list[tuple[Node, dict[str, Any]]], known: set[str]
               ) -> tuple[Card, ...]:
        self._unique(items, "card")
        cards = []
        for node, v in items:
            category = v.get("category")
            if isinstance(category, str) and category not in known:
                where = f"card '{v['id']}': " if isinstance(v.get("id"), str) else ""
                if known:
                    close = suggest(category, known)
                    hint = (f"did you mean '{close}'?" if close else
                            f"the categories are {', '.join(sorted(known))}")
                    self.report(node.value["category"][1],
                                f"{where}there is no category '{category}'; {hint}")
                else:
                    self.report(node.value["category"][1],
                                f"{where}there is no category '{category}'; add it under "
                                "categories:")
                continue
            if _complete(v, ("id", "kind", "title"), ("text", "category", "example")):
                cards.append(Card(id=v["id"], kind=CardKind(v["kind"]), title=v["title"],
                                  text=v.get("text", ""), category=category,
                                  example=v.get("example", ""), line=node.line))
        return tuple(cards)

    def _rounds(self, items: list[tuple[Node, dict[str, Any]]],
                card_kinds_by_id: dict[str, Any], card_kinds: set[Any], kinds_known: bool
                ) -> tuple[Round, ...]:
        self._unique(items, "round")
        rounds = []
        for node, v in items:
            kinds = v.get("kinds", ())
            if kinds is not MISSING and kinds and kinds_known:
                for kind, kind_node in zip(kinds, node.value["kinds"][1].value):
                    if kind not in card_kinds:
                        self.report(kind_node, f"round '{v.get('id', '?')}' uses {kind} cards, "
                                               f"but the deck has no {kind} cards; add some, or "
                                               "remove it from kinds")
            listed = v.get("cards", ())
            if listed is not MISSING:
                for card_id, id_node in zip(listed, node.value["cards"][1].value if listed else ()):
                    kind = card_kinds_by_id.get(card_id)
                    if card_id not in card_kinds_by_id:
                        close = suggest(card_id, card_kinds_by_id)
                        hint = f"did you mean '{close}'?" if close else "check the card ids"
                        self.report(id_node, f"round '{v.get('id', '?')}' lists the card "
                                             f"'{card_id}', but there is no such card; {hint}")
                    elif kinds is not MISSING and kind is not MISSING and kind not in kinds:
                        self.report(id_node, f"round '{v.get('id', '?')}' lists the {kind} card "
                                             f"'{card_id}', but its kinds are "
                                             f"{', '.join(kinds)}; add {kind} to kinds or "
                                             "remove the card")
            if "cards" in v and "all_cards" in v:
                self.report(node.value["all_cards"][0], f"round '{v.get('id', '?')}' has both "
                                                        "'cards' and 'all_cards'; keep one")
            optional = ("kinds", "cards", "all_cards", "per", "draw", "side", "picks", "dots",
                        "stack", "secret", "minutes", "minutes_per_turn", "review")
            if not _complete(v, ("id", "title", "mode", "prompt", "guide"), optional):
                continue
            mode = Mode(v["mode"])
            default_per = Per.ORGANISATION if mode is Mode.PICK else Per.PARTICIPANT
            rounds.append(Round(
                id=v["id"], title=v["title"], mode=mode, prompt=v["prompt"], guide=v["guide"],
                kinds=tuple(CardKind(kind) for kind in kinds), cards=v.get("cards", ()),
                all_cards=v.get("all_cards", ""),
                per=Per(v.get("per", default_per)), draw=Draw(v.get("draw", Draw.RANDOM)),
                side=Side(v["side"]) if "side" in v else None, picks=v.get("picks"),
                dots=v.get("dots"), stack=v.get("stack", True), secret=v.get("secret", False),
                review=v.get("review", ""),
                minutes=v.get("minutes"), minutes_per_turn=v.get("minutes_per_turn"),
                line=node.line,
            ))
        return tuple(rounds)


def _complete(values: dict[str, Any], required: tuple[str, ...], optional: tuple[str, ...]
              ) -> bool:
    """Whether every required value is good and no given optional value is bad."""
    return all(values.get(name, MISSING) is not MISSING for name in required) and all(
        values[name] is not MISSING for name in optional if name in values
    )


def _source_text(node: Node) -> str:
    return node.raw if node.raw else str(node.value)
