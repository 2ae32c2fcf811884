"""Derived data kept on disk to spare work, and how dataclasses become JSON and back.

What is kept here (the report's outcomes, the decks carried in workshop files) is
derived only: the workshop files and decks stay the one source. Each entry is checked
against what it was made from and by which code (`source_key`), made again where it is
missing, stale or damaged, and a folder that cannot be written just means nothing is
kept. No entry is ever trusted to run code: entries are JSON, never pickles.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__

_HERE = Path(__file__).parent


@cache
def source_key(*names: str) -> str:
    """A hash of the package's version and the source of the named modules and packages
    (paths in the package: "outcome.py", "deck"): change any and the key changes."""
    digest = hashlib.sha256(__version__.encode())
    for name in names:
        place = _HERE / name
        for path in sorted(place.rglob("*.py")) if place.is_dir() else [place]:
            digest.update(path.relative_to(_HERE).as_posix().encode())
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"?")
    return digest.hexdigest()


def kept_folder(kind: str) -> Path:
    """Where entries of one kind are kept: cache/KIND in the data folder."""
    from .paths import data_dir

    return data_dir() / "cache" / kind


def keep_quietly(target: Path, data: bytes) -> None:
    """Write an entry whole or not at all, without fsync (a lost entry is made again, a
    torn one is never read), sealed with its sha256 (see read_kept). A folder that
    cannot be written keeps nothing."""
    sealed = hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        try:
            temporary.write_bytes(sealed)
        except FileNotFoundError:  # the first entry of its kind (or the folder was removed)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(sealed)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def read_kept(path: Path) -> bytes | None:
    """An entry as keep_quietly wrote it, if it is whole and unchanged since: a summary
    or a report made from derived data must say what the workshop files say, so an
    entry changed on disk (by a bad sector, or by hand) is not used but made again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    seal, _, content = data.partition(b"\n")
    if hashlib.sha256(content).hexdigest().encode("ascii") != seal:
        return None
    return content


_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's fields as plain data has them (not those named _...); None for any
    other type. Worked out once per type."""
    if kind not in _NAMES:
        _NAMES[kind] = tuple(item.name for item in dataclasses.fields(kind)
                             if not item.name.startswith("_")) \
            if hasattr(kind, "__dataclass_fields__") else None
    return _NAMES[kind]


def to_plain(value: Any) -> Any:
    """Plain dicts, lists and values, for JSON (as dataclasses.asdict, without its deep
    copies: a few times faster, which a report over a thousand workshops notices).
    Fields whose names start with _ are left out, and enums become their values."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    return value


def _fields_of(value: Any) -> Any:
    """json.dumps's `default`: a dataclass as a dict of its fields, an enum as its value."""
    kind = type(value)
    names = _field_names(kind)
    if names is not None:
        return {name: getattr(value, name) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{kind.__name__} is not plain data")


def dumps(value: Any) -> bytes:
    """JSON of data that may hold dataclasses (as to_plain makes them), as UTF-8: the
    encoder walks the dataclasses itself, without a plain copy made first."""
    return json.dumps(value, ensure_ascii=False, default=_fields_of).encode("utf-8")


@cache
def builder(kind: Any) -> Callable[[Any], Any] | None:
    """How to make a value of the type `kind` from its plain form (to_plain): dataclasses,
    enums, and lists, tuples and optionals of them are built; anything else is taken as
    it is (None). Worked out once per type: resolving a dataclass's types is slow. A
    plain form that does not fit raises TypeError, ValueError or KeyError."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        parts = [(item.name, builder(hints[item.name])) for item in dataclasses.fields(kind)
                 if item.init and not item.name.startswith("_")]

        def build(data: dict[str, Any]) -> Any:
            return kind(**{name: (make(data[name]) if make else data[name])
                           for name, make in parts if name in data})
        return build
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType) and type(None) in arguments:
        others = [argument for argument in arguments if argument is not type(None)]
        make = builder(others[0]) if len(others) == 1 else None
        return None if make is None else (lambda data: None if data is None else make(data))
    if origin is tuple:
        make = builder(arguments[0]) if arguments else None
        return (lambda data: tuple(make(value) for value in data)) if make else tuple
    if origin is list:
        make = builder(arguments[0])
        if make is not None:
            return lambda data: [make(value) for value in data]
    return None
