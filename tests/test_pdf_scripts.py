"""Names in the scripts of the areas where the game is played print as written: Arabic and
Urdu (shaped, right to left, in Noto Sans Arabic), Ukrainian, Turkish and Somali (in the
main font). Nothing prints as U+FFFD."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import FakeClock
from tests.test_tui_workshop import DECK
from vaerdispil.outcome import outcome
from vaerdispil.pdf.common import markup
from vaerdispil.pdf.fonts import shape_arabic
from vaerdispil.pdf.summary import render_summary
from vaerdispil.session.game import Game

ORGANISATIONS = {
    "arabic": "جمعية الأمل",
    "urdu": "پاکستانی خواتین کی انجمن",
    "ukrainian": "Українська громада",
    "turkish": "Türk Kültür Derneği",
    "somali": "Ururka Haweenka Soomaaliyeed",
}
PEOPLE = {
    "arabic": "فاطمة الزهراء",
    "urdu": "عائشہ ٹوانہ",
    "ukrainian": "Олена Шевчук",
    "turkish": "Şükrü Güçlü",
    "somali": "Cawo Maxamed Xuseen",
}


def fonts_used(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_names_in_five_scripts_print_as_written(tmp_path: Path) -> None:
    game = Game.new(tmp_path / "w.jsonl", DECK, seed=1, clock=FakeClock(), title="Sprog")
    for key, name in ORGANISATIONS.items():
        org = game.add_organisation(name, "forening")
        game.add_participant(PEOPLE[key], org)
    game.start_round("det-giver-vi")
    first = next(iter(game.state.organisations))
    game.pick(first, "blank-1", text="التعاون", reason="نساعد بعضنا")
    rendered = render_summary(outcome(game.state, game.deck))
    assert rendered.replaced == ()  # nothing had to be replaced
    reader = PdfReader(io.BytesIO(rendered.data))
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))
    assert "\ufffd" not in text
    for key in ("ukrainian", "turkish", "somali"):
        assert ORGANISATIONS[key] in text and PEOPLE[key] in text, key
    for key in ("arabic", "urdu"):
        for name in (ORGANISATIONS[key], PEOPLE[key]):
            # Drawn as joined letters (presentation forms), right to left; a reader's
            # text extraction gives the name back as it was typed.
            assert name in text, (key, name)
    used = fonts_used(reader)
    assert any(font.endswith("+NotoSansArabic-Regular") for font in used)
    assert any(font.endswith("+NotoSansArabic-Bold") for font in used)  # bold stays bold
    game.close()


def test_arabic_runs_are_shaped_inside_a_latin_line() -> None:
    line = markup("Foreningen جمعية الأمل & co")
    assert line.startswith("Foreningen <font name=\"VaerdispilArabic\">")
    assert line.endswith("</font> &amp; co")
    shaped = line.split(">")[1].split("<")[0]
    # Presentation forms (joined letters), and the first word drawn last: right to left.
    assert all("\ufb50" <= char <= "\ufeff" or char == " " for char in shaped)
    assert unicodedata.normalize("NFKC", shaped.split(" ")[-1]) == "جمعية"[::-1] or \
        unicodedata.normalize("NFKC", shaped).endswith(
            unicodedata.normalize("NFKC", shape_arabic("جمعية")))


def test_an_emoji_in_a_name_prints_as_a_clean_box(tmp_path: Path) -> None:
    from vaerdispil.pdf.summary import REPLACEMENT

    game = Game.new(tmp_path / "w.jsonl", DECK, seed=1, clock=FakeClock(), title="Blomst")
    org = game.add_organisation("Haveklubben", "forening")
    game.add_participant("Mia 🌸", org)
    rendered = render_summary(outcome(game.state, game.deck))
    assert rendered.replaced == ("🌸",)  # the command line names it
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(rendered.data)).pages)
    assert f"Mia {REPLACEMENT}" in text and "\ufffd" not in text
    game.close()
