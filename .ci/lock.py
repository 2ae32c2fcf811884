"""Refresh constraints.txt, the lock: the exact versions a fresh install gets and CI tests.

    python3 .ci/lock.py            lock what pyproject.toml asks for, keeping the versions
                                   locked already (a new dependency gets its newest)
    python3 .ci/lock.py --upgrade  resolve everything anew (the newest versions allowed)
    python3 .ci/lock.py --check    exit 1 if pyproject.toml changed since the lock was made

It installs the package with its test extras into a new virtual environment and writes
what was installed (all of it, the dependencies of dependencies too) as `name==version`
lines. The first lines of the file
carry a fingerprint of pyproject.toml's dependency lists, so a change there without a new
lock is caught (tests/test_lock.py, and --check). Then run `bash .ci/pythons` to see the
suite pass with the new lock on every Python the package supports.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOCK = REPO / "constraints.txt"
FINGERPRINT = "# pyproject-sha256: "
HEADER = """\
# The lock: the exact versions that the README's commands install and CI tests,
# on Python 3.11, 3.12 and 3.13. Made by .ci/lock.py from pyproject.toml; do not edit
# by hand. To refresh: python3 .ci/lock.py, then bash .ci/pythons.
"""


def fingerprint(pyproject: Path = REPO / "pyproject.toml") -> str:
    """A hash of what pyproject.toml asks for: Python, dependencies, extras, build."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    wanted = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": data.get("build-system", {}).get("requires", []),
    }
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def locked_fingerprint(lock: Path = LOCK) -> str | None:
    """The fingerprint the lock was made from, or None if it has none."""
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(FINGERPRINT):
            return line[len(FINGERPRINT):].strip()
    return None


def resolve(keep: bool) -> list[str]:
    """`name==version` for everything a fresh install of the package with [test] gets;
    with `keep`, the versions in the current lock stay as they are."""
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip"]
        constraints: list[str] = []
        if keep and LOCK.exists():
            kept = Path(folder) / "kept.txt"
            kept.write_text(LOCK.read_text(encoding="utf-8"), encoding="utf-8")
            constraints = ["-c", str(kept)]
        subprocess.run([*pip, "install", "-q", *constraints, f"{REPO}[test]"], check=True)
        frozen = subprocess.run([*pip, "freeze", "--exclude", "vaerdispil"], check=True,
                                capture_output=True, text=True).stdout
    pins = [line for line in frozen.splitlines() if "==" in line]
    return sorted(pins, key=lambda pin: pin.split("==")[0].lower())


def main(argv: list[str]) -> int:
    """Refresh the lock, or with --check, say whether it is stale."""
    if argv[1:] == ["--check"]:
        if locked_fingerprint() != fingerprint():
            print(f"{LOCK.name}: pyproject.toml has changed since the lock was made; "
                  "run python3 .ci/lock.py", file=sys.stderr)
            return 1
        return 0
    pins = resolve(keep="--upgrade" not in argv[1:])
    LOCK.write_text(HEADER + FINGERPRINT + fingerprint() + "\n" + "\n".join(pins) + "\n",
                    encoding="utf-8")
    print(f"{LOCK.name}: {len(pins)} packages locked", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
