"""The lock (constraints.txt) and pyproject.toml agree, the README's commands install from
the lock, CI runs the README's command, and this test run got exactly the locked versions."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO, ci_script

LOCK = REPO / "constraints.txt"


def pins() -> dict[str, str]:
    """Canonical name -> version, as locked."""
    found = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: '{line}' is not name==version"
            found[canonicalize_name(name)] = version
    return found


def wanted() -> list[Requirement]:
    """What pyproject.toml asks for: the dependencies and the test extra."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in
            [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_the_lock_was_made_from_this_pyproject() -> None:
    script = ci_script("lock")
    assert script.locked_fingerprint(LOCK) == script.fingerprint(REPO / "pyproject.toml"), (
        "pyproject.toml has changed since constraints.txt was made: run python3 .ci/lock.py")


def test_every_dependency_is_locked_within_its_range() -> None:
    locked = pins()
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"constraints.txt has {requirement.name}=={locked[name]}, outside {requirement}")


def test_this_run_has_exactly_the_locked_versions() -> None:
    """Walk what the package needs, on this Python: each is installed at its locked
    version (a package a Python version needs and the lock lacks is caught here too)."""
    locked = pins()
    environment = default_environment()
    seen: set[str] = set()
    todo = [(requirement, "") for requirement in wanted()]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate(
                {**environment, "extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        assert name in locked, f"{requirement.name} is installed but not locked"
        try:
            installed = distribution(requirement.name)
        except PackageNotFoundError:
            raise AssertionError(f"{requirement.name} is locked but not installed") from None
        assert installed.version == locked[name], (
            f"{requirement.name} {installed.version} is installed, but the lock says "
            f"{locked[name]}: install with  -c constraints.txt")
        for extra_name in requirement.extras:
            todo += [(Requirement(text), extra_name) for text in installed.requires or []]
        todo += [(Requirement(text), "") for text in installed.requires or []
                 if "extra ==" not in text]
    assert len(seen) >= 30  # the whole tree was walked, not just the top


def test_the_readme_installs_from_the_lock_and_ci_runs_its_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv .*$", readme, flags=re.MULTILINE)
    assert len(commands) == 2, commands  # exactly two set-up commands
    for command in commands:
        assert "pip install -q -c constraints.txt -e " in command, command
    assert commands[1].endswith(".venv/bin/pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_the_lock_script_checks_without_changing_anything() -> None:
    before = LOCK.read_bytes()
    assert ci_script("lock").main(["lock.py", "--check"]) == 0
    assert LOCK.read_bytes() == before
