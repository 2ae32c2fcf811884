"""printables/ holds exactly what the program makes today, byte for byte."""

from __future__ import annotations

from pathlib import Path

import reportlab

from tests.conftest import REPO
from vaerdispil.pdf.printables import COMMAND, printables, regenerate

PRINTABLES = REPO / "printables"


def test_printables_are_up_to_date(tmp_path: Path) -> None:
    fresh = {path.name: path.read_bytes() for path in regenerate(tmp_path)}
    committed = {path.name: path.read_bytes() for path in PRINTABLES.glob("*.pdf")}
    hint = (f"printables/ is out of date; regenerate it from the repository root with "
            f"`{COMMAND}` (this run uses reportlab {reportlab.Version}) and commit the result")
    assert sorted(committed) == sorted(fresh), hint
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert not stale, f"{', '.join(stale)}: {hint}"


def test_printables_readme_explains_printing_in_both_languages() -> None:
    readme = " ".join((PRINTABLES / "README.md").read_text(encoding="utf-8")
                      .replace("**", "").split())
    for phrase in ("Faktisk størrelse", "vend på den lange kant", "Tilpas til side",
                   "Actual size", "flip on the long edge", "Fit to page", "--back-offset",
                   "fold", COMMAND):
        assert phrase in readme, phrase
    for name in printables():
        if name.startswith("vaerdispil-da-cards") or name.startswith("calibration"):
            assert name in readme or name.replace("-da-", "-en-") in readme, name
