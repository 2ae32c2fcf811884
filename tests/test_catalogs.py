"""The word catalogs (vaerdispil/locale): every catalog parses, Danish and English are
complete, the residents' languages have the phone page, a translation keeps its
placeholders and its plural forms, the compiled .mo files are up to date, and a count
chooses its plural form where a user reads it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from tests.conftest import REPO, ci_script, run_cli
from vaerdispil import i18n
from vaerdispil.deck.model import Mode, Round, Side
from vaerdispil.i18n import CLI_LANGUAGE, cli_plural, counted, plural, text
from vaerdispil.pdf.labels import labels_for
from vaerdispil.tui.render import round_rules

LOCALE = REPO / "vaerdispil" / "locale"
TEMPLATE = LOCALE / "vaerdispil.pot"
FOUND = {path.parts[-3]: path for path in sorted(LOCALE.glob("*/LC_MESSAGES/vaerdispil.po"))}
COMPLETE = ("da", "en")
RESIDENTS = ("ar", "fa", "ur", "so", "tr", "uk")
"""The residents' languages of the phone page: their catalogs have the phone.* entries."""


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def entries(catalog: Catalog) -> dict[str, Message]:
    """The catalog's entries by key (msgctxt), the header left out."""
    return {message.context: message for message in catalog if message.id}


def forms(message: Message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


def placeholders(words: str) -> set[str]:
    """The {names} a text is filled in with."""
    return {name for _, name, _, _ in Formatter().parse(words) if name is not None}


def is_complete(language: str) -> bool:
    return language in COMPLETE or entries(read(FOUND[language])).keys() == entries(
        read(TEMPLATE)).keys()


def test_danish_and_english_catalogs_are_there() -> None:
    assert set(COMPLETE) <= set(FOUND)
    assert set(FOUND) <= set(COMPLETE) | set(RESIDENTS), "a language the tests do not know"


@pytest.mark.parametrize("path", [TEMPLATE, *FOUND.values()],
                         ids=["pot", *FOUND])
def test_every_catalog_parses_with_one_entry_per_key(path: Path) -> None:
    catalog = read(path)
    messages = [message for message in catalog if message.id]
    assert messages
    assert all(message.context for message in messages), "an entry without msgctxt"
    keys = [message.context for message in messages]
    assert len(keys) == len(set(keys)), "a key twice"
    if path != TEMPLATE:
        assert str(catalog.locale_identifier) == path.parts[-3], "Language: in the header"


@pytest.mark.parametrize("language", COMPLETE)
def test_danish_and_english_have_exactly_the_templates_entries(language: str) -> None:
    template = {key: message.id for key, message in entries(read(TEMPLATE)).items()}
    assert {key: message.id for key, message in entries(read(FOUND[language])).items()} \
        == template


@pytest.mark.parametrize("language", RESIDENTS)
def test_a_residents_catalog_has_the_whole_phone_page(language: str) -> None:
    if language not in FOUND:
        pytest.skip(f"no catalog for {language} yet")
    template = {key: message.id for key, message in entries(read(TEMPLATE)).items()}
    mine = {key: message.id for key, message in entries(read(FOUND[language])).items()}
    assert {key for key in template if key.startswith("phone.")} <= mine.keys()
    # An entry whose English has changed since it was translated says the old words.
    assert {key: english for key, english in mine.items() if template.get(key) != english} \
        == {}, "not in the template, or translated from other English"


@pytest.mark.parametrize("language", FOUND)
def test_a_translation_keeps_its_placeholders(language: str) -> None:
    for key, message in entries(read(FOUND[language])).items():
        said = [words for words in forms(message) if words]
        if not message.pluralizable:
            assert all(placeholders(words) == placeholders(message.id) for words in said), key
            continue
        singular, many = message.id
        assert placeholders(singular) <= placeholders(many), key
        if said:
            assert all(placeholders(words) <= placeholders(many) for words in said), key
            assert set().union(*map(placeholders, said)) == placeholders(many), key


@pytest.mark.parametrize("language", FOUND)
def test_a_complete_catalog_has_no_fuzzy_or_empty_entry(language: str) -> None:
    if not is_complete(language):
        pytest.skip(f"{language} has the phone page only")
    for key, message in entries(read(FOUND[language])).items():
        assert not message.fuzzy, key
        assert all(forms(message)), key


@pytest.mark.parametrize("language", FOUND)
def test_a_plural_has_as_many_forms_as_the_language(language: str) -> None:
    path = FOUND[language]
    catalog = read(path)
    header = dict(catalog.mime_headers)
    assert re.fullmatch(r"nplurals=\d+; plural=.+;", header["Plural-Forms"])
    if language in COMPLETE:
        assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    # Counted in the file: a parser pads missing forms with empty ones.
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        if any(line.startswith("msgid_plural ") for line in lines):
            written = sum(1 for line in lines if line.startswith("msgstr["))
            assert written == catalog.num_plurals, block


def test_the_template_and_the_compiled_catalogs_are_up_to_date() -> None:
    script = ci_script("catalogs")
    stale = [f"{path.relative_to(REPO)}: out of date; run .venv/bin/python .ci/catalogs.py"
             for path, data in script.wanted().items()
             if not path.exists() or path.read_bytes() != data]
    assert stale == []


# -- what a user reads ------------------------------------------------------------------

@pytest.mark.parametrize(("language", "one", "two"), [
    ("da", "1 prik", "2 prikker"),
    ("en", "1 dot", "2 dots"),
])
def test_one_dot_and_two_dots(language: str, one: str, two: str) -> None:
    assert plural(language, "export.dots", 1, count=1) == one
    assert plural(language, "export.dots", 2, count=2) == two
    assert plural(language, "detail.dots", 1, dots=1) == f"{one} " + ("hver" if language ==
                                                                       "da" else "each")
    assert labels_for(language).plural("count.dot", 1, count=1) == one
    assert plural(language, "export.dots", 0, count=0).startswith("0 prikker" if language ==
                                                                  "da" else "0 dots")


@pytest.mark.parametrize(("language", "pick", "vote"), [
    ("da", "Vælg kort · Det giver vi · Op til 1 kort hver", "Afstemning · 1 prik hver"),
    ("en", "Pick cards · We give · Up to 1 card each", "Dot vote · 1 dot each"),
])
def test_a_round_of_one_pick_or_one_dot_says_so(language: str, pick: str, vote: str) -> None:
    """The round's rules on the deck browser and the round screen: '1 prikker hver' before."""
    picking = Round(id="p", title="P", mode=Mode.PICK, prompt="", guide="", side=Side.GIVE,
                    picks=1)
    voting = Round(id="v", title="V", mode=Mode.VOTE, prompt="", guide="", dots=1)
    assert round_rules(language, picking) == pick
    assert round_rules(language, voting) == vote


def test_one_participant_and_one_organisation() -> None:
    assert counted("da", "person", 1) == "1 deltager"
    assert counted("da", "person", 3) == "3 deltagere"
    assert counted("en", "org", 1) == "1 organisation"
    assert counted("en", "org", 2) == "2 organisations"


def test_one_page_and_two_pages_on_the_command_line() -> None:
    token = CLI_LANGUAGE.set("da")
    try:
        assert cli_plural("cli.count.page", 1, count=1) == "1 side"
        assert cli_plural("cli.count.page", 2, count=2) == "2 sider"
    finally:
        CLI_LANGUAGE.reset(token)
    assert cli_plural("cli.count.page", 1, count=1) == "1 page"


@pytest.mark.parametrize(("language", "said"), [
    ("da", ": 1 side (1 kort, "),
    ("en", ": 1 page (1 card, "),
])
def test_printing_one_card_says_one_page_and_one_card(language: str, said: str,
                                                      capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "--lang", language, "print", "cards", "--cards", "godt-ry",
                             "--no-backs", "-o", str(tmp_path / "one.pdf"))
    assert code == 0, err
    assert said in out


def test_a_key_missing_in_a_residents_catalog_is_said_in_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ukrainian phone page from a catalog with three plural forms, as the residents'
    catalogs are made; an unknown language is said in Danish."""
    script = ci_script("catalogs")
    for language in COMPLETE:
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "vaerdispil.mo").write_bytes(script.compiled(FOUND[language]))
    folder = tmp_path / "uk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vaerdispil.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
        'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgctxt "phone.title"\nmsgid "The Value Game"\nmsgstr "Гра цінностей"\n\n'
        'msgctxt "phone.pass"\nmsgid "I pass"\nmsgstr ""\n\n'
        'msgctxt "phone.dots_left"\nmsgid "You have {left} dot left"\n'
        'msgid_plural "You have {left} dots left"\nmsgstr[0] "{left} крапка"\n'
        'msgstr[1] "{left} крапки"\nmsgstr[2] "{left} крапок"\n', encoding="utf-8")
    (folder / "vaerdispil.mo").write_bytes(script.compiled(folder / "vaerdispil.po"))
    monkeypatch.setattr(i18n, "LOCALE", tmp_path)
    monkeypatch.setattr(i18n, "_CATALOGS", {})
    assert text("uk", "phone.title") == "Гра цінностей"
    assert text("uk", "phone.pass") == "I pass"  # not translated yet
    assert text("uk", "start.new") == "New workshop"
    assert [plural("uk", "phone.dots_left", n, left=n) for n in (1, 3, 5, 21)] == [
        "1 крапка", "3 крапки", "5 крапок", "21 крапка"]
    assert plural("uk", "phone.voted", 1, voted=1, people=4) == "1 of 4 has voted"
    assert text("fr", "start.new") == "Nyt værksted"
    assert text("../da", "start.new") == "Nyt værksted"
    assert labels_for("uk")["summary.title"] == "{title}: summary"


def test_the_app_reads_one_catalog_when_asked_and_never_imports_babel() -> None:
    script = ("import sys\n"
              "from vaerdispil import i18n\n"
              "loaded = set(i18n._CATALOGS)\n"
              "print(i18n.text('da', 'start.new'))\n"
              "print(sorted(loaded), sorted(i18n._CATALOGS), 'babel' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Nyt værksted", "[] ['da'] False"]


@pytest.mark.parametrize("language", sorted(path.name for path in (REPO / "vaerdispil" / "locale")
                                            .iterdir() if path.is_dir()))
def test_the_catalog_reader_reads_what_gettext_reads(language: str) -> None:
    """i18n.parse_mo (read on every start, faster than gettext's own reader) finds the
    same words, the same plural forms and the same plural rule as gettext does."""
    import gettext

    data = (REPO / "vaerdispil" / "locale" / language / "LC_MESSAGES" / "vaerdispil.mo")
    ours = i18n.parse_mo(data.read_bytes())
    with data.open("rb") as file:
        theirs = gettext.GNUTranslations(file)
    words: dict[str, str] = {}
    forms: dict[str, dict[int, str]] = {}
    for entry, said in theirs._catalog.items():  # type: ignore[attr-defined]
        if isinstance(entry, tuple):
            forms.setdefault(entry[0].partition("\x04")[0], {})[entry[1]] = said
        elif "\x04" in entry and said:
            words[entry.partition("\x04")[0]] = said
    assert ours.words == words and len(words) > 10
    assert ours.forms == {key: tuple(by[n] for n in sorted(by)) for key, by in forms.items()
                          if all(by.values())}
    assert [ours.form_for(n) for n in range(120)] == \
        [theirs.plural(n) for n in range(120)]  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        i18n.parse_mo(b"not a catalog at all")


def test_a_plural_entry_with_one_form_is_still_a_plural(tmp_path: Path) -> None:
    """In a language with one plural form a plural entry's text has no separator: it is
    still said by plural(), in its one form, and never taken for a plain text."""
    po = tmp_path / "vaerdispil.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgctxt "phone.dots_left"\nmsgid "You have {left} dot left"\n'
        'msgid_plural "You have {left} dots left"\nmsgstr[0] "Còn {left} chấm"\n\n'
        'msgctxt "phone.title"\nmsgid "The Value Game"\nmsgstr "Trò chơi giá trị"\n',
        encoding="utf-8")
    catalog = i18n.parse_mo(ci_script("catalogs").compiled(po))
    assert catalog.forms_of("phone.dots_left") == ("Còn {left} chấm",)
    assert catalog.word("phone.dots_left") is None
    assert catalog.word("phone.title") == "Trò chơi giá trị"
    assert [catalog.form_for(n) for n in (0, 1, 2, 21)] == [0, 0, 0, 0]
