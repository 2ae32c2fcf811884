"""Remake what is made from the word catalogs: the template and the compiled catalogs.

    python3 .ci/catalogs.py           remake vaerdispil.pot and every .mo
    python3 .ci/catalogs.py --check   exit 1 if one of them is out of date

The words of the screens, the command line and the PDFs live in
vaerdispil/locale/LANG/LC_MESSAGES/vaerdispil.po, one gettext catalog per language: msgctxt
is the key the code asks for, msgid the English text, msgstr the words in LANG. Edit them
in a .po editor (Poedit) or by hand, then run this: it makes vaerdispil/locale/vaerdispil.pot
from the English catalog (a translator starts a new language from it, or updates one) and
compiles each .po into the .mo beside it, which is what the app reads. The same input gives
the same bytes, so tests/test_catalogs.py can tell a .mo that was not remade.

It needs Babel, a test dependency (pip install -e '.[test]'): a python3 without it hands
over to .venv/bin/python. The app reads the .mo files with the standard library's gettext.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOCALE = REPO / "vaerdispil" / "locale"
DOMAIN = "vaerdispil"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
ENGLISH = LOCALE / "en" / "LC_MESSAGES" / f"{DOMAIN}.po"
WIDTH = 79
"""Where long lines are wrapped, as Poedit does."""
NO_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
"""The POT-Creation-Date of a .mo whose .po has none."""

TEMPLATE_HEADER = """\
# The words of vaerdispil, to translate. Made by .ci/catalogs.py from
# the English catalog, en/LC_MESSAGES/vaerdispil.po: do not edit.
# msgctxt is the key the code asks for. For a new language, make
# LANG/LC_MESSAGES/vaerdispil.po from this file (Poedit: File, New from
# POT/PO file), then run .ci/catalogs.py."""

try:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po
except ImportError:  # pragma: no cover - the person who runs it with a Python without Babel
    VENV_PYTHON = REPO / ".venv" / "bin" / "python"
    if __name__ == "__main__" and VENV_PYTHON.exists() and Path(sys.executable) != VENV_PYTHON:
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.argv])  # the project's environment has it
    sys.exit("catalogs.py needs Babel, a test dependency: pip install -e '.[test]', then "
             ".venv/bin/python .ci/catalogs.py")


def catalogs() -> list[Path]:
    """Every language's .po, in a fixed order."""
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    """A .po file, parsed; a malformed one raises with its line."""
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def template() -> bytes:
    """vaerdispil.pot as it should be: the English catalog's entries with empty msgstr."""
    english = read(ENGLISH)
    made = Catalog(domain=DOMAIN, project=english.project, version=english.version,
                   header_comment=TEMPLATE_HEADER, creation_date=english.revision_date,
                   fuzzy=False)
    for message in english:
        if message.id:
            made.add(message.id, "", context=message.context,
                     auto_comments=message.auto_comments, user_comments=message.user_comments,
                     flags=message.flags - {"fuzzy"})
    out = io.BytesIO()
    write_po(out, made, width=WIDTH, no_location=True)
    return out.getvalue()


def compiled(path: Path) -> bytes:
    """The .mo of one .po (fuzzy entries left out, as msgfmt does)."""
    catalog = read(path)
    if not re.search(rb"^\"POT-Creation-Date: *[0-9]", path.read_bytes(), re.MULTILINE):
        # Babel would write the time of compiling instead: the same .po, another .mo.
        catalog.creation_date = NO_DATE
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def wanted() -> dict[Path, bytes]:
    """Every made file and what it should hold."""
    files = {TEMPLATE: template()}
    for path in catalogs():
        files[path.with_suffix(".mo")] = compiled(path)
    return files


def main(argv: list[str]) -> int:
    """Remake the template and the .mo files, or with --check, name the stale ones."""
    stale = [path for path, data in wanted().items()
             if not path.exists() or path.read_bytes() != data]
    if argv[1:] == ["--check"]:
        for path in stale:
            print(f"{path.relative_to(REPO)}: out of date; run .venv/bin/python .ci/catalogs.py")
        return 1 if stale else 0
    if argv[1:]:
        print(__doc__)
        return 2
    for path, data in wanted().items():
        if path in stale:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
