"""The session log: one JSON Lines file per workshop, append-only, fsynced per event.

Line 1 is a header (format, app version, created time, seed, and the deck: id,
language, sha256 and its full text, so a session opens whatever becomes of the deck
file). Every further line is one event with a sequence number and a timestamp.
Nothing is ever rewritten; the only change to existing bytes is dropping a torn last
line (a write cut off by a crash), which was never acknowledged to anyone.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import __version__
from ..deck.errors import DeckError
from ..deck.model import Deck
from ..game.events import Event
from .errors import SessionError, SessionLocked
from .schema import check_shape

FORMAT = "vaerdispil-session"
VERSION = 1
MAX_EVENT_BYTES = 256 * 1024
"""No event the engine writes comes near this (texts are at most 2,000 characters)."""
MAX_HEADER_BYTES = 64 * 1024 * 1024
"""The header holds the deck's text (a deck file is at most 8 MiB)."""

try:  # POSIX: the lock dies with the process that holds it.
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class Header:
    """The first line of a session file."""

    app: str
    created: str
    seed: int
    deck: Deck
    follows: dict[str, Any] | None = None
    """For a follow-up meeting: the workshop it follows (see followup.py), as it was when
    the follow-up began: its name, the sha256 of its file, and its outcome. None else."""


@dataclass(frozen=True)
class Recording:
    """What a session file holds: its header, its events, and any warning about it."""

    header: Header
    events: list[Event]
    warnings: list[str]
    good_bytes: int
    """Length of the file up to the end of the last complete line."""


def _encode(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def read(path: str | os.PathLike[str]) -> Recording:
    """Read a session file without changing it; SessionError names the file and line."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{name}: no such workshop file; check the path "
                           "(vaerdispil sessions list shows the saved ones)") from None
    except IsADirectoryError:
        raise SessionError(f"{name}: this is a folder; name a .jsonl workshop file") from None
    except OSError as error:
        raise SessionError(f"{name}: cannot read the file ({error.strerror})") from None
    return parse(data, name)


def parse(data: bytes, name: str) -> Recording:
    """Parse a session file's bytes (see read)."""
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when the file ends with a newline, else a torn last line
    warnings: list[str] = []
    good_bytes = len(data) - len(tail)
    if not lines:
        if tail and not data.startswith(b"{"):
            raise SessionError(f"{name}:1: this is not a vaerdispil workshop file")
        raise SessionError(f"{name}:1: the workshop file is empty or cut off before its first "
                           "line ended; it cannot be opened")
    header = _header(lines[0], name)
    events = None
    if max(map(len, lines[1:]), default=0) <= MAX_EVENT_BYTES:
        try:  # fast path: the whole file in one parse
            events = json.loads(b"[" + b",".join(lines[1:]) + b"]")
        except (ValueError, UnicodeDecodeError, RecursionError):
            events = None
    if not isinstance(events, list) or len(events) != len(lines) - 1:
        events = []  # slow path: line by line, to name the damaged line
        for number, line in enumerate(lines[1:], start=2):
            events.append(_decode(line, name, number))
    for seq, event in enumerate(events, start=1):
        problem = check_shape(event, seq)
        if problem:
            raise SessionError(f"{name}:{seq + 1}: event {seq} {problem}; the file is damaged "
                               "and left as it is (restore it from a backup, or open it in a "
                               "text editor and mend that line)")
    if tail:
        warnings.append(f"{name}:{len(lines) + 1}: dropped an incomplete last line (the program "
                        "stopped while writing it); everything before it is intact")
    return Recording(header, events, warnings, good_bytes)


_DECKS: dict[str, Deck] = {}
"""Decks read from headers, by the sha256 of their text: many workshops carry the same
deck, and checking it again for each one was most of the time of a list or a report."""


def _stored_deck(deck_info: dict[str, Any], name: str) -> Deck:
    """The deck a header carries: its text checked against its hash, and parsed and
    validated once per hash (in this process, or kept from an earlier one: deck.kept)."""
    raw, digest = deck_info["text"], deck_info["hash"]
    source = f"{name} (deck {deck_info['id']})"
    known = _DECKS.get(digest)
    if known is None or known.text != raw:  # (a known text is not hashed again)
        if type(raw) is not str or type(digest) is not str:
            raise TypeError("deck")
        text = raw.encode("utf-8", "surrogatepass")
        if hashlib.sha256(text).hexdigest() != digest:
            raise SessionError(f"{name}:1: the copy of the deck in the workshop file does "
                               "not match its recorded hash; the file is damaged")
        known = _read_deck(text, raw, digest, source)
        if len(_DECKS) >= 64:  # a bound: oldest out
            del _DECKS[next(iter(_DECKS))]
        _DECKS[digest] = known
    return known if known.source == source else replace(known, source=source)


def _read_deck(text: bytes, raw: str, digest: str, source: str) -> Deck:
    """A deck's text, validated: as kept by an earlier process, or loaded (and kept)."""
    from ..deck.kept import keep_deck, kept_deck

    deck = kept_deck(digest, raw, source)
    if deck is None:
        from ..deck.loader import load_deck_bytes  # (YAML: only for a deck not kept)

        deck = load_deck_bytes(text, source)
        keep_deck(deck)
    return deck


def _decode(line: bytes, name: str, number: int) -> Any:
    """One line's JSON, or SessionError naming it. Too long or too deeply nested lines are
    refused before (or instead of) the decoder's recursion."""
    if len(line) > MAX_EVENT_BYTES:
        raise SessionError(f"{name}:{number}: this line is {len(line):,} bytes long, more than "
                           f"any event ({MAX_EVENT_BYTES:,}); the file is damaged and left as it "
                           "is: restore it from a backup, or remove the line by hand")
    try:
        return json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SessionError(f"{name}:{number}: this line is damaged (not a JSON event); "
                           "the file is left as it is: restore it from a backup, or "
                           "remove the line by hand to open the rest") from None


def _header(line: bytes, name: str) -> Header:
    if len(line) > MAX_HEADER_BYTES:
        raise SessionError(f"{name}:1: the header line is {len(line):,} bytes long, more than a "
                           "workshop file's header can be; this is not a vaerdispil workshop file")
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SessionError(f"{name}:1: this is not a vaerdispil workshop file") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise SessionError(f"{name}:1: this is not a vaerdispil workshop file")
    version = record.get("version")
    if type(version) is not int:
        raise SessionError(f"{name}:1: the header's format version {version!r} is not a whole "
                           "number; the header is damaged and the file is left as it is")
    if version > VERSION:
        raise SessionError(f"{name}:1: the workshop file was made by a newer vaerdispil (file "
                           f"format {version}; this vaerdispil reads format {VERSION}); update "
                           "vaerdispil to open it")
    if version != VERSION:
        raise SessionError(f"{name}:1: the workshop file has format {version}, which no "
                           f"vaerdispil wrote (this one reads format {VERSION}); the header is "
                           "damaged and the file is left as it is")
    try:
        deck_info = record["deck"]
        deck = _stored_deck(deck_info, name)
        follows = record.get("follows")
        if follows is not None and not (isinstance(follows, dict) and
                                        isinstance(follows.get("name"), str) and
                                        isinstance(follows.get("outcome"), dict)):
            raise ValueError("follows")
        return Header(app=str(record["app"]), created=str(record["created"]),
                      seed=int(record["seed"]), deck=deck, follows=follows)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise SessionError(f"{name}:1: the header line is damaged; the file is left as it "
                           "is") from None
    except DeckError as error:
        raise SessionError(f"{name}:1: the deck stored in the workshop file does not load "
                           f"({error.lines()[0]})") from None


class SessionLog:
    """An open session file that this program alone may write to."""

    def __init__(self, path: Path, fd: int, size: int = 0) -> None:
        self.path = path
        self._fd = fd
        self._size = size
        """Bytes on disk that are whole lines: a failed write is cut back to this."""

    @classmethod
    def create(cls, path: str | os.PathLike[str], deck: Deck, seed: int, created: str,
               follows: dict[str, Any] | None = None) -> SessionLog:
        """Start a new session file with its header; refuse to overwrite an existing file.

        Atomic: the header is written to a temporary file, fsynced, and only then given
        the workshop's name, so a full disk or a kill leaves no empty or cut-off file
        behind, and trying again with the same name works.
        """
        target = Path(path)
        record: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "app": __version__, "created": created,
            "seed": seed,
            "deck": {"id": deck.id, "language": deck.language, "hash": deck.content_hash,
                     "text": deck.text},
        }
        if follows is not None:
            record["follows"] = follows
        header = _encode(record)
        if target.exists():
            raise _exists(target)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.new")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                view = memoryview(header)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            _claim(temporary, target)
        except SessionError:
            raise
        except OSError as error:
            raise SessionError(f"{target}: cannot create the workshop file "
                               f"({error.strerror}); free some disk space or choose a folder "
                               "you can write to, then try again") from None
        finally:
            temporary.unlink(missing_ok=True)
        _fsync_dir(target.parent)
        try:
            fd = os.open(target, os.O_RDWR | os.O_APPEND)
        except OSError as error:
            raise SessionError(f"{target}: cannot open the new workshop file "
                               f"({error.strerror})") from None
        if not _lock(fd):  # pragma: no cover - opened by another program at this instant
            os.close(fd)
            raise SessionLocked(f"{target}: this workshop is open in another window")
        return cls(target, fd, len(header))

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> tuple[SessionLog, Recording]:
        """Open a session to go on writing it: lock, read, drop a torn last line."""
        target = Path(path)
        try:
            fd = os.open(target, os.O_RDWR | os.O_APPEND)
        except FileNotFoundError:
            raise SessionError(f"{target}: no such workshop file; check the path "
                               "(vaerdispil sessions list shows the saved ones)") from None
        except OSError as error:
            raise SessionError(f"{target}: cannot open the workshop file for writing "
                               f"({error.strerror})") from None
        if not _lock(fd):
            os.close(fd)
            raise SessionLocked(f"{target}: this workshop is open in another window; close it "
                                "there first")
        try:
            recording = read(target)
            if recording.warnings:
                os.ftruncate(fd, recording.good_bytes)
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        return cls(target, fd, recording.good_bytes), recording

    def append(self, event: Event) -> None:
        """Write one event and make sure it is on disk before returning."""
        self._write(_encode(event))

    def _write(self, data: bytes) -> None:
        if self._fd < 0:
            raise SessionError(f"{self.path}: the workshop file is closed")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
            os.fsync(self._fd)
            self._size += len(data)
        except OSError as error:
            try:  # never leave half a line for the next event to follow
                os.ftruncate(self._fd, self._size)
            except OSError:
                pass
            raise SessionError(f"{self.path}: could not save the last action "
                               f"({error.strerror}); free some disk space or check the "
                               "folder, then try again") from None

    def move_to(self, target: Path) -> None:
        """Give the open file another name in the same folder, never over an existing
        file; it stays open and locked."""
        if target == self.path:
            return
        try:
            os.link(self.path, target)  # atomic, and fails if the name is taken
        except FileExistsError:
            raise _exists(target) from None
        except OSError as error:
            raise SessionError(f"{target}: cannot rename the workshop file "
                               f"({error.strerror}); it keeps its name {self.path.name}") from None
        try:
            os.unlink(self.path)
        except OSError:
            pass  # two names for one file: nothing is lost
        _fsync_dir(target.parent)
        self.path = target

    def close(self) -> None:
        """Release the file (and with it the lock)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _exists(target: Path) -> SessionError:
    return SessionError(f"{target}: a file with this name exists already; choose another "
                        "name, or open it to resume")


def _claim(temporary: Path, target: Path) -> None:
    """Give the finished file its name, never over an existing file."""
    try:
        os.link(temporary, target)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # a file system without hard links: the next best thing
        if target.exists():
            raise _exists(target) from None
        os.replace(temporary, target)


def _fsync_dir(folder: Path) -> None:
    """Make a new file's name durable too (POSIX; a no-op elsewhere)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
