"""Writing output files safely: never a half-written file where a good one was."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A file that cannot be written; the message is one line naming it and the fix."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes,
                 fix: str = "choose another file or folder") -> Path:
    """Write to a temporary file next to `path`, fsync, then rename it into place.

    A file being replaced keeps its permissions; a new one follows the umask. Raises
    OutputError (one line, ending in `fix`) when the file cannot be written.
    """
    target = Path(path).expanduser()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name; {fix}")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist; create it first, "
                          f"or {fix}")
    temp_name = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{target.name}.",
                                         suffix=".tmp", delete=False) as file:
            temp_name = file.name
            os.chmod(temp_name, _mode_for(target))
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise OutputError(_write_problem(target, error, fix)) from error
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
    return target


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or the usual ones for a new file."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
"""Read once at import: os.umask can only be read by setting it."""


def _write_problem(target: Path, error: OSError, fix: str) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{target}: cannot write here (no permission to write in {target.parent}); {fix}"
    if error.errno == errno.ENOSPC:
        return f"{target}: the disk is full; free some space, or {fix}"
    reason = (error.strerror or str(error)).lower()
    return f"{target}: cannot create a file in {target.parent} ({reason}); {fix}"
