"""Parse YAML into a tree of nodes that remember their line and column.

PyYAML's own composer recurses in C and crashes the interpreter on deeply nested
input, and its constructor forgets where each value came from. So this module
reads the parser's event stream (libyaml's C parser when available) with an
explicit stack: nesting depth, document count, tags and alias expansion are all
checked as the events arrive, and every value keeps its position for the error
messages a deck author sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.resolver import Resolver

from ..textrules import describe_char

try:  # libyaml's C parser, several times faster than the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
"""Deepest nesting a deck may have; a real deck needs four levels."""

_TOO_DEEP = (
    f"the file nests deeper than {MAX_DEPTH} levels; a deck needs only a few, "
    "so check the brackets and indentation here"
)

MAX_NODES = 1_000_000
"""Most values a document may hold once aliases are expanded (stops "billion laughs")."""

_TAG_PREFIX = "tag:yaml.org,2002:"
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "seq", "map"}


class YamlProblem(Exception):
    """A problem that stops the parse: bad syntax, a forbidden tag, too deep, too big."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message


@dataclass(slots=True)
class Node:
    """A parsed value with its 1-based position.

    `kind` is one of str, int, float, bool, null, timestamp, seq, map. A seq's
    value is a list of Nodes; a map's value is a dict from key text to a
    (key node, value node) pair, in the order written.
    """

    kind: str
    value: Any
    line: int
    col: int
    raw: str = ""
    """A scalar's text as written (for hints such as 'put it in quotes')."""


@dataclass(slots=True)
class DuplicateKey:
    """A key written twice in one mapping (the first one is kept)."""

    line: int
    col: int
    key: str
    first_line: int


@dataclass(slots=True)
class _Open:
    node: Node
    anchor: str | None
    size: int = 1
    pending_key: Node | None = None


def _resolve_plain(value: str) -> str:
    """The implicit tag of a plain (unquoted) scalar, as YAML 1.1 and PyYAML see it."""
    candidates = Resolver.yaml_implicit_resolvers.get(value[:1] if value else "", [])
    for tag, regexp in candidates:
        if regexp.match(value):
            return tag[len(_TAG_PREFIX) :]
    return "str"


_constructor = yaml.constructor.SafeConstructor()


def _scalar(kind: str, text: str, line: int, col: int) -> Node:
    if kind == "str":
        return Node("str", text, line, col)
    scalar = yaml.ScalarNode(_TAG_PREFIX + kind, text)
    if kind == "int":
        return Node("int", _constructor.construct_yaml_int(scalar), line, col, text)
    if kind == "float":
        return Node("float", _constructor.construct_yaml_float(scalar), line, col, text)
    if kind == "bool":
        return Node("bool", _constructor.construct_yaml_bool(scalar), line, col, text)
    if kind == "null":
        return Node("null", None, line, col, text)
    if kind in ("timestamp", "merge", "value", "yaml"):
        # Kept as text; the deck validator reports it where a value of another type is due.
        return Node("timestamp" if kind == "timestamp" else "str", text, line, col, text)
    return Node("str", text, line, col)


_TAG_SHORT = re.compile(r"^tag:yaml\.org,2002:")


def _check_tag(tag: str | None, line: int, col: int) -> str | None:
    """The standard tag name for an explicit tag, or a problem for anything else."""
    if tag is None or tag == "!":
        return None
    if tag.startswith(_TAG_PREFIX) and tag[len(_TAG_PREFIX) :] in _PLAIN_TAGS:
        return tag[len(_TAG_PREFIX) :]
    shown = _TAG_SHORT.sub("!!", tag)
    raise YamlProblem(
        line,
        col,
        f"the tag {shown} is not allowed in a deck; remove it "
        "(a deck holds only plain text, numbers, true/false and lists)",
    )


def parse(text: str) -> tuple[Node, list[DuplicateKey]]:
    """Parse one YAML document into a Node tree.

    Raises YamlProblem for syntax errors, forbidden tags, more than one document,
    nesting deeper than MAX_DEPTH and alias expansion beyond MAX_NODES.
    """
    loader = _Loader(text)
    try:
        return _build(loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, col, _syntax_message(error)) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file
        before = text[: error.position]
        line, col = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)
        raise YamlProblem(line, col, f"the file holds the invisible character "
                                     f"{describe_char(char)} here, which cannot be printed; "
                                     "delete it (retype the text around it)") from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, 1, f"this is not valid YAML ({error})") from None
    finally:
        loader.dispose()


def _build(loader: Any) -> tuple[Node, list[DuplicateKey]]:
    get_event = loader.get_event
    stack: list[_Open] = []
    anchors: dict[str, tuple[Node, int] | None] = {}
    duplicates: list[DuplicateKey] = []
    total = 0
    documents = 0
    root: Node | None = None

    def attach(node: Node, size: int) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        parent.size += size
        if parent.node.kind == "seq":
            parent.node.value.append(node)
        elif parent.pending_key is None:
            if node.kind not in ("str", "int", "float", "bool", "null", "timestamp"):
                raise YamlProblem(
                    node.line, node.col, "a key must be plain text; write it as  name: value"
                )
            parent.pending_key = node
        else:
            key = parent.pending_key
            parent.pending_key = None
            name = "" if key.value is None else str(key.value)
            mapping = parent.node.value
            if name in mapping:
                duplicates.append(DuplicateKey(key.line, key.col, name, mapping[name][0].line))
            else:
                mapping[name] = (key, node)

    while True:
        event = get_event()
        if event is None or isinstance(event, yaml.StreamEndEvent):
            break
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    line,
                    col,
                    "a deck file holds one YAML document, but a second one starts here; "
                    "remove this '---' line or move the rest into its own file",
                )
        elif isinstance(event, yaml.ScalarEvent):
            tag = _check_tag(event.tag, line, col)
            if tag is None:
                plain = event.implicit[0] and not event.style
                kind = _resolve_plain(event.value) if plain else "str"
            elif tag in ("seq", "map"):
                raise YamlProblem(line, col, f"the tag !!{tag} does not fit a single value")
            else:
                kind = tag
            node = _scalar(kind, event.value, line, col)
            total += 1
            if event.anchor is not None:
                anchors[event.anchor] = (node, 1)
            attach(node, 1)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            is_seq = isinstance(event, yaml.SequenceStartEvent)
            tag = _check_tag(event.tag, line, col)
            if tag is not None and tag != ("seq" if is_seq else "map"):
                raise YamlProblem(line, col, f"the tag !!{tag} does not fit a list or mapping")
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(line, col, _TOO_DEEP)
            node = Node("seq", [], line, col) if is_seq else Node("map", {}, line, col)
            total += 1
            if event.anchor is not None:
                anchors[event.anchor] = None  # open: an alias to it would make a loop
            stack.append(_Open(node, event.anchor))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            done = stack.pop()
            if done.anchor is not None:
                anchors[done.anchor] = (done.node, done.size)
            attach(done.node, done.size)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise YamlProblem(
                    line, col, f"the alias *{event.anchor} names no anchor; define &{event.anchor} "
                    "before it is used"
                )
            target = anchors[event.anchor]
            if target is None:
                raise YamlProblem(
                    line, col, f"the alias *{event.anchor} is inside the value it refers to; "
                    "a deck cannot contain itself"
                )
            node, size = target
            total += size
            if total > MAX_NODES:
                raise YamlProblem(
                    line,
                    col,
                    f"aliases here expand to more than {MAX_NODES:,} values; "
                    "write the values out instead of nesting aliases",
                )
            attach(node, size)
        if total > MAX_NODES:
            raise YamlProblem(line, col, f"the file holds more than {MAX_NODES:,} values")
    if root is None:
        raise YamlProblem(1, 1, "the file is empty; a deck starts with  format: 1")
    return root, duplicates


_HINTS = (
    ("found character '\\t'", "use spaces, not tabs, to indent"),
    ("tab character", "use spaces, not tabs, to indent"),
    ("mapping values are not allowed", "put text that contains ': ' in quotes"),
    ("found undefined alias", "an '*' starts an alias; put text that starts with '*' in quotes"),
    ("expected alphabetic or numeric character", "put text that starts with '*' or '&' in quotes"),
    ("found character '@'", "put text that starts with '@' or '`' in quotes"),
    ("found character '`'", "put text that starts with '@' or '`' in quotes"),
    ("could not find expected ':'", "a key needs a ':' after it; or check the quotes above"),
    ("did not find expected key", "check the indentation: keys of one mapping line up"),
    ("did not find expected '-'", "check the indentation: items of one list line up"),
    ("found unknown escape character", "in double quotes write \\\\ for a backslash, or use single quotes"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    if "nesting depth" in problem:
        # libyaml (the C parser of PyYAML 6.0.2 and later) has a depth limit of its own and
        # may meet it while reading ahead, before this module sees the events that go too
        # deep: the same words, wherever it is noticed.
        return _TOO_DEEP
    if "tab" in problem or "'\\t'" in problem:
        # Said in our words: libyaml and the pure-Python parser word it differently.
        return "YAML syntax: a tab character here; use spaces, not tabs, to indent"
    if error.context:
        problem = f"{error.context}, {problem}"
    for needle, hint in _HINTS:
        if needle in problem:
            return f"YAML syntax: {problem}; {hint}"
    return f"YAML syntax: {problem}"
