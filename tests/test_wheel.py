"""The decks and the word catalogs ship inside the wheel: an installed (non-editable)
package finds and loads them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Offline: hatchling comes from the test extra, so no build environment is fetched.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True,
    )
    (found,) = out.glob("vaerdispil-*.whl")
    return found


def test_wheel_holds_the_decks(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "vaerdispil/cards/vaerdispil.da.yaml" in names
    assert "vaerdispil/cards/vaerdispil.en.yaml" in names
    assert "vaerdispil/cards/deck.schema.json" in names


def test_wheel_holds_the_word_catalogs(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for language in ("da", "en"):
        assert f"vaerdispil/locale/{language}/LC_MESSAGES/vaerdispil.mo" in names
        assert f"vaerdispil/locale/{language}/LC_MESSAGES/vaerdispil.po" in names
    assert "vaerdispil/locale/vaerdispil.pot" in names


def test_installed_wheel_lists_and_loads_the_bundled_decks(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import vaerdispil, sys\n"
        "from vaerdispil.cli import main\n"
        "print(vaerdispil.__file__)\n"
        "sys.exit(main(['deck', 'list']))\n"
    )
    # PYTHONPATH puts the installed copy ahead of the editable checkout; -P keeps cwd out.
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, capture_output=True, text=True,
        env={"PYTHONPATH": str(target), "VAERDISPIL_HOME": str(tmp_path / "home"),
             "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(target))
    rows = [line.split() for line in lines[2:] if line.endswith("bundled")]
    own = [row for row in rows if row[1] in ("da", "en")]
    assert [row[0] for row in own] == [
        deck for deck in ("civilsamfund", "kommune-helhedsplan", "medborgercenter",
                          "opfoelgning", "vaerdispil-kort", "vaerdispil") for _ in ("da", "en")]
    assert own[-2][:4] == ["vaerdispil", "da", "85", "Værdispillet"]
    assert own[-1][:3] == ["vaerdispil", "en", "85"]
    # The translations in the residents' languages are in the wheel too.
    assert sorted(row[1] for row in rows if row[0] == "vaerdispil" and row not in own) == [
        "ar", "fa", "so", "tr", "uk", "ur"]
    assert f"Bundled decks: {target / 'vaerdispil' / 'cards'}" in result.stdout
