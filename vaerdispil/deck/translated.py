"""A deck in a resident's language: a file of texts only, keyed by the ids of the deck it
translates (`cards/vaerdispil.ar.yaml` translates `vaerdispil`).

Everything but the words (kinds, categories of cards, colours, the rules of each round,
the facilitator's guides) comes from the deck translated, so a translator touches nothing
that could break a workshop, and a card added to the deck shows up as missing in every
translation. The file says who wrote it and whether a native speaker has reviewed it;
an unreviewed translation is shown as such in `deck list` and on the printed cards.

    format: 1
    translates: vaerdispil
    language: ar
    translator: "..."
    reviewed: false
    title: ...
    categories:
      omdoemme: {name: ..., description: ...}
    cards:
      godt-ry: {title: ..., text: ..., example: ...}
    rounds:
      praesentation: {title: ..., prompt: ...}

Loading is as strict and kind as a deck's: every problem as FILE:LINE:COL.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

from . import spec
from .errors import DeckError, Problem
from .loader import MAX_FILE_BYTES, MISSING, decode, parse_checked, suggest
from .model import Deck
from .spec import Key
from .yamltree import Node

_KEYS: tuple[Key, ...] = (
    Key("format", "format", f"The format version: {spec.FORMAT_VERSION}.", True),
    Key("translates", "id", "The id of the deck translated, such as vaerdispil.", True),
    Key("language", "language", "Two-letter code of the translation's language, such as ar.",
        True),
    Key("translator", "text", "Who wrote the translation.", True, max_length=300),
    Key("reviewed", "bool", "true once a native speaker has reviewed the translation, false "
                            "until then.", True),
    Key("reviewer", "text", "Who reviewed it.", max_length=300),
    Key("title", "text", "The deck's name in this language.", True, max_length=80),
    Key("description", "text", "What the deck is for, in this language.", max_length=1000),
    Key("categories", "list", "Each category's id, with its name and description.", True),
    Key("cards", "list", "Each card's id, with its title, text and example.", True),
    Key("rounds", "list", "Each round's id, with its title and prompt.", True),
)


def _keys(source: tuple[Key, ...], names: tuple[str, ...]) -> tuple[Key, ...]:
    """The deck format's own keys for these texts (same limits), none required here: what
    must be there follows from the deck translated."""
    return tuple(dataclasses.replace(key, required=False, required_in=())
                 for key in source if key.name in names)


_SECTIONS: dict[str, tuple[Key, ...]] = {
    "categories": _keys(spec.CATEGORY_KEYS, ("name", "description")),
    "cards": _keys(spec.CARD_KEYS, ("title", "text", "example")),
    "rounds": _keys(spec.ROUND_KEYS, ("title", "prompt")),
}
_SINGULAR = {"categories": "category", "cards": "card", "rounds": "round"}

def _listed(names: tuple[str, ...] | list[str]) -> str:
    """'title', 'title and text', 'title, text and example'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


_MARK = re.compile(rb"^translates[ \t]*:", re.MULTILINE)


def is_translation(data: bytes) -> bool:
    """Whether a YAML file's bytes are a translation (a top-level `translates:` key)."""
    return _MARK.search(data) is not None


@dataclass(frozen=True)
class Entry:
    """One item's texts in a translation, and where they are written."""

    line: int
    col: int
    texts: dict[str, str]
    nodes: dict[str, Node] = field(repr=False, default_factory=dict)


@dataclass(frozen=True)
class Translation:
    """A translation file, read and checked on its own (not yet against its deck)."""

    source: str
    translates: str
    language: str
    translator: str
    reviewed: bool
    title: str
    description: str
    sections: dict[str, dict[str, Entry]]
    where: dict[str, tuple[int, int]]
    """Where each section and top-level key is written (line, col)."""
    reviewer: str = ""
    content_hash: str = ""


def load_translation(path: str | os.PathLike[str]) -> Translation:
    """Read and check a translation file on its own; DeckError listing every problem."""
    source = str(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DeckError(source, [Problem(0, 0, "no such file; check the path")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DeckError(source, [Problem(0, 0, f"cannot read the file ({reason})")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise DeckError(source, [Problem(0, 0, "the file is too big for a translation")])
    root, checker = parse_checked(decode(data, source), source)
    if root.kind != "map":
        checker.report(root, "a translation is a mapping of keys such as format, translates, "
                             "language, cards")
        raise DeckError(source, checker.problems)
    top = checker.mapping(root, _KEYS, "") or {}
    where = {name: (pair[0].line, pair[0].col) for name, pair in root.value.items()}
    sections: dict[str, dict[str, Entry]] = {}
    for section, keys in _SECTIONS.items():
        sections[section] = {}
        pair = root.value.get(section)
        if pair is None:
            continue
        node = pair[1]
        if node.kind != "map":
            checker.report(node, f"'{section}' must be a mapping from each "
                                 f"{_SINGULAR[section]}'s id to its texts, such as  "
                                 f"{section}:  then  some-id: {{title: ...}}")
            continue
        for item_id, (key_node, value_node) in node.value.items():
            label = f"{_SINGULAR[section]} '{item_id}': "
            values = checker.mapping(value_node, keys, label)
            if values is None:
                continue
            texts = {name: value for name, value in values.items() if value is not MISSING}
            nodes = {name: value_node.value[name][1] for name in texts}
            sections[section][item_id] = Entry(key_node.line, key_node.col, texts, nodes)
    if checker.problems or any(top.get(key.name, MISSING) is MISSING
                               for key in _KEYS if key.required and key.type != "list"):
        raise DeckError(source, checker.problems)
    return Translation(
        source=source, translates=top["translates"], language=top["language"],
        translator=top["translator"], reviewed=top["reviewed"], title=top["title"],
        description=top.get("description", ""), sections=sections, where=where,
        reviewer=top.get("reviewer", ""), content_hash=hashlib.sha256(data).hexdigest())


def translate(base: Deck, translation: Translation) -> Deck:
    """The deck `base` in the translation's words; DeckError (at the translation's lines)
    for every id it lacks or does not know, and every text the deck has and it lacks."""
    problems: list[Problem] = []
    base_name = os.path.basename(base.source) or base.id

    def report(line: int, col: int, message: str) -> None:
        problems.append(Problem(line, col, message))

    if translation.translates != base.id:
        line, col = translation.where.get("translates", (1, 1))
        report(line, col, f"this translates '{translation.translates}', but the deck given is "
                          f"'{base.id}'; name the deck it translates")
    if base.language == translation.language:
        line, col = translation.where.get("language", (1, 1))
        report(line, col, f"the deck {base_name} is already in '{base.language}'; write the "
                          "language of the translation")
    wanted: dict[str, dict[str, tuple[str, ...]]] = {
        "categories": {c.id: ("name",) + (("description",) if c.description else ())
                       for c in base.categories},
        "cards": {c.id: ("title",) + (("text",) if c.text else ()) +
                  (("example",) if c.example else ()) for c in base.cards},
        "rounds": {r.id: ("title", "prompt") for r in base.rounds},
    }
    for section, items in wanted.items():
        given = translation.sections.get(section, {})
        singular = _SINGULAR[section]
        line, col = translation.where.get(section, (1, 1))
        for item_id, entry in given.items():
            if item_id not in items:
                close = suggest(item_id, items)
                hint = f"did you mean '{close}'?" if close else f"check the ids in {base_name}"
                report(entry.line, entry.col, f"there is no {singular} '{item_id}' in "
                                              f"{base_name}; {hint}")
                continue
            for name, node in entry.nodes.items():
                if name not in items[item_id]:
                    report(node.line, node.col, f"{singular} '{item_id}': the {singular} in "
                                                f"{base_name} has no {name}; remove it here")
        for item_id, names in items.items():
            entry = given.get(item_id)
            if entry is None:
                report(line, col, f"the {singular} '{item_id}' has no translation here; add  "
                                  f"{item_id}:  under {section}: with its "
                                  f"{_listed(names)}, from {base_name}")
                continue
            missing = [name for name in names if name not in entry.texts]
            if missing:
                report(entry.line, entry.col, f"{singular} '{item_id}': "
                                              f"{_listed(missing)} missing; translate it "
                                              f"from {base_name}")
    if problems:
        raise DeckError(translation.source, sorted(problems, key=lambda p: (p.line, p.col)))
    sections = translation.sections

    def texts(section: str, item_id: str) -> dict[str, Any]:
        return sections[section][item_id].texts

    return dataclasses.replace(
        base, language=translation.language, title=translation.title,
        description=translation.description or base.description,
        categories=tuple(dataclasses.replace(c, **texts("categories", c.id))
                         for c in base.categories),
        cards=tuple(dataclasses.replace(c, **texts("cards", c.id)) for c in base.cards),
        rounds=tuple(dataclasses.replace(r, **texts("rounds", r.id)) for r in base.rounds),
        source=translation.source, translator=translation.translator,
        reviewed=translation.reviewed, _by_id={})
