"""The facilitator guide and the duplex test page."""

from __future__ import annotations

import io
import string
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_pdf_cards import card_yaml, deck_file, flat, text_positions, words
from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.deck.loader import load_deck
from vaerdispil.pdf.calibration import LINE_X, LINE_Y, render_calibration
from vaerdispil.pdf.common import PrintError
from vaerdispil.pdf.guide import render_guide
from vaerdispil.pdf.labels import LABELS

MM = 72 / 25.4


def guide_text(language: str) -> tuple[PdfReader, str]:
    pdf = PdfReader(io.BytesIO(render_guide(resolve_deck("vaerdispil", language)).data))
    return pdf, "\n".join(page.extract_text() for page in pdf.pages)


def test_labels_have_the_same_keys_and_placeholders_in_both_languages() -> None:
    assert LABELS["da"].keys() == LABELS["en"].keys()
    for key in LABELS["da"]:
        fields = [{name for _, name, _, _ in string.Formatter().parse(LABELS[lang][key]) if name}
                  for lang in ("da", "en")]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize("language", ["da", "en"])
def test_guide_has_every_round_with_timing_prompt_and_guide(language: str) -> None:
    deck = resolve_deck("vaerdispil", language)
    pdf, text = guide_text(language)
    labels = LABELS[language]
    flat_text = flat(text)
    for number, round_ in enumerate(deck.rounds, start=1):
        assert flat(labels["guide.round"].format(number=number, title=round_.title)) in flat_text
        assert flat(round_.prompt) in flat_text
        for line in round_.guide.splitlines():
            assert flat(line) in flat_text
        if round_.minutes:
            assert flat(labels["guide.minutes"].format(minutes=round_.minutes)) in flat_text
        if round_.minutes_per_turn:
            assert flat(labels["guide.per_turn"].format(minutes=f"{round_.minutes_per_turn:g}")) \
                in flat_text
    total = sum(round_.minutes or 0 for round_ in deck.rounds)
    assert f"{labels['guide.total']} {total}" in words(text)
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.01)
    assert words(labels["guide.page"].format(page=len(pdf.pages), pages=len(pdf.pages))) \
        in words(pdf.pages[-1].extract_text())


def test_guide_lists_materials_and_how_to_print() -> None:
    _, text = guide_text("da")
    text = words(text)
    assert "46 værdikort i 7 kategorier" in text
    assert "21 spørgsmålskort" in text
    assert "4 tomme kort" in text
    assert "Klistermærke-prikker: 3 pr. deltager" in text
    assert "Ry og anerkendelse: 6" in text
    assert "Sådan printer og klipper du kortene" in text
    assert "faktisk størrelse (100 %)" in text
    assert "vaerdispil print cards --deck vaerdispil --lang da" in text
    assert "71 kort fylder 8 ark A4" in text
    _, english = guide_text("en")
    english = words(english)
    assert "46 value cards in 7 categories" in english
    assert "How to print and cut the cards" in english
    assert "Side 1" not in english and "Page 1 of" in english


def test_guide_file_is_tagged_with_language_and_print_settings() -> None:
    pdf, _ = guide_text("en")
    assert pdf.metadata.title == "The Value Game: facilitator guide"
    assert pdf.metadata.author == "vaerdispil" and pdf.metadata.subject
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    assert pdf.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
    for font in pdf.pages[0]["/Resources"]["/Font"].values():
        assert "/FontFile2" in font.get_object()["/FontDescriptor"]


def test_guide_is_byte_identical_for_the_same_deck() -> None:
    deck = resolve_deck("vaerdispil", "da")
    assert render_guide(deck).data == render_guide(deck).data


def test_guide_prints_markup_from_the_deck_literally(tmp_path: Path) -> None:
    path = deck_file(tmp_path, card_yaml("a", "A", "Tekst."), title='Spil & "leg" <b>')
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("prompt: Vælg to kort.", 'prompt: "Vælg <i>to</i> & 2 > 1"')
                    .replace("guide: Lad alle vælge.", 'guide: "Brug <br/> og &lt; frit"'),
                    encoding="utf-8")
    pdf = PdfReader(io.BytesIO(render_guide(load_deck(path)).data))
    text = words(" ".join(page.extract_text() for page in pdf.pages))
    for literal in ('Spil & "leg" <b>', "Vælg <i>to</i> & 2 > 1", "Brug <br/> og &lt; frit"):
        assert literal in text


def test_guide_with_a_character_the_font_lacks_names_the_round(tmp_path: Path) -> None:
    path = deck_file(tmp_path, card_yaml("a", "A", "Tekst."))
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("title: Vælg\n", "title: Vælg 中\n"), encoding="utf-8")
    deck = load_deck(path)
    with pytest.raises(PrintError, match=r"round 'vaelg'.*U\+4E2D"):
        render_guide(deck)


# --- calibration ---------------------------------------------------------------------------

@pytest.mark.parametrize("duplex", ["long", "short"])
def test_calibration_scales_sit_where_the_front_lines_show_through(duplex: str) -> None:
    pdf = PdfReader(io.BytesIO(render_calibration("a4", duplex, "en").data))
    assert len(pdf.pages) == 2
    width, height = 595.28, 841.89
    back = text_positions(pdf.pages[1])
    zero_marks = [(x, y) for text, x, y in back if text == "0"]
    # The front's vertical line is at LINE_X; flipped, it lands here on the back:
    x_line = width - LINE_X if duplex == "long" else LINE_X
    y_line = LINE_Y if duplex == "long" else height - LINE_Y
    assert any(abs(x + 1.5 - x_line) < 4 for x, _ in zero_marks)  # "0" centred under the line
    assert any(abs(y + 3 - y_line) < 4 for _, y in zero_marks)
    front = words(pdf.pages[0].extract_text())
    assert f"vaerdispil print cards --duplex {duplex} --back-offset X,Y" in front
    assert "100 mm" in front
    assert pdf.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"


def test_calibration_with_an_offset_says_so_and_shifts_the_back() -> None:
    plain = text_positions(PdfReader(io.BytesIO(render_calibration().data)).pages[1])
    shifted = render_calibration(offset=(1.0, 2.0)).data
    moved = text_positions(PdfReader(io.BytesIO(shifted)).pages[1])
    zero = next((x, y) for t, x, y in plain if t == "0")
    zero_moved = next((x, y) for t, x, y in moved if t == "0")
    assert zero_moved[0] - zero[0] == pytest.approx(1.0 * MM, abs=0.01)
    assert zero_moved[1] - zero[1] == pytest.approx(2.0 * MM, abs=0.01)
    assert "1, 2 mm" in words(" ".join(t for t, _, _ in moved))


def test_pdf_code_imports_without_textual() -> None:
    script = ("import sys; sys.modules['textual'] = None\n"
              "import vaerdispil.pdf.cards, vaerdispil.pdf.guide, vaerdispil.pdf.calibration\n"
              "import vaerdispil.pdf.printables, vaerdispil.print_commands\n"
              "assert not any(name.startswith('textual') for name in sys.modules"
              " if sys.modules[name] is not None)\n")
    subprocess.run([sys.executable, "-c", script], check=True)
