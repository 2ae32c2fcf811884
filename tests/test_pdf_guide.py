"""The facilitator guide and the duplex test page."""

from __future__ import annotations

import io
import re
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
from vaerdispil.pdf.fonts import fonts
from vaerdispil.pdf.guide import guide_commands, render_guide
from vaerdispil.pdf.labels import labels_for

MM = 72 / 25.4


def guide_text(language: str) -> tuple[PdfReader, str]:
    pdf = PdfReader(io.BytesIO(render_guide(resolve_deck("vaerdispil", language)).data))
    return pdf, "\n".join(page.extract_text() for page in pdf.pages)


@pytest.mark.parametrize("language", ["da", "en"])
def test_guide_has_every_round_with_timing_prompt_and_guide(language: str) -> None:
    deck = resolve_deck("vaerdispil", language)
    pdf, text = guide_text(language)
    labels = labels_for(language)
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
    assert "58 værdikort i 8 kategorier" in text
    assert "23 spørgsmålskort" in text
    assert "4 tomme kort" in text
    assert "Klistermærke-prikker: 3 pr. deltager" in text
    assert "Godt ry og tak: 7" in text
    assert "Sådan printer og klipper du kortene" in text
    assert "faktisk størrelse (100 %)" in text
    assert "vaerdispil print cards --deck vaerdispil --lang da" in text
    assert "85 kort fylder 10 ark A4" in text
    _, english = guide_text("en")
    english = words(english)
    assert "58 value cards in 8 categories" in english
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


@pytest.mark.parametrize("duplex", ["long", "short"])
def test_calibration_scales_run_20_mm_each_way_and_their_numbers_never_touch(
        duplex: str) -> None:
    pdf = PdfReader(io.BytesIO(render_calibration("a4", duplex, "da").data))
    regular = fonts().regular
    boxes = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if re.fullmatch(r"[+-]?\d+", text.strip()):
            x, y = tm[4] + cm[4], tm[5] + cm[5]
            boxes.append((text.strip(), x, y, x + regular.width(text.strip(), size),
                          y + 0.75 * size))

    pdf.pages[1].extract_text(visitor_text=visit)
    numbers = [box[0] for box in boxes]
    for k in ("-20", "-15", "-10", "-5", "0", "+5", "+10", "+15", "+20"):
        assert numbers.count(k) == 2, k  # on both scales
    for a in boxes:
        for b in boxes:
            if a is not b:  # at least half a millimetre apart, across or up and down
                apart = (a[3] + 0.5 * MM <= b[1] or b[3] + 0.5 * MM <= a[1]
                         or a[4] + 0.5 * MM <= b[2] or b[4] + 0.5 * MM <= a[2])
                assert apart, (a, b)
    front = words(pdf.pages[0].extract_text())
    assert "80 g" in front and "vindue" in front


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


# --- page layout: headings keep with their text, commands stay on one line -----------------

def headings_and_lines(data: bytes, labels: dict[str, str]) -> tuple[
        list[tuple[int, str, float, float]], list[str]]:
    """The headings of a guide (bold, 12 pt or more, or a label such as "Sig til
    deltagerne") as (page, text, baseline, page height), and every line of text."""
    pdf = PdfReader(io.BytesIO(data))
    found: list[tuple[int, str, float, float]] = []
    lines: list[str] = []
    names = {labels["guide.prompt"], labels["guide.guide"]}
    for number, page in enumerate(pdf.pages, start=1):
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], font: dict[str, object] | None,
                  size: float, number: int = number, height: float = height) -> None:
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            if text.strip() and bold and (size >= 12 or text.strip() in names):
                found.append((number, text.strip(), tm[5] * cm[3] + cm[5], height))

        lines += page.extract_text(visitor_text=visit).replace("\u00a0", " ").splitlines()
    return found, lines


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("deck_id", ["vaerdispil", "vaerdispil-kort", "kommune-helhedsplan",
                                     "civilsamfund", "medborgercenter"])
def test_no_heading_at_the_foot_of_a_page_and_no_command_split(deck_id: str,
                                                                language: str) -> None:
    deck = resolve_deck(deck_id, language)
    headings, lines = headings_and_lines(render_guide(deck).data, labels_for(language))
    assert len(headings) >= len(deck.rounds) + 3
    for page, text, y, height in headings:
        assert y >= 0.15 * height, (page, text, y)
    commands = sorted(guide_commands(deck).values(), key=len, reverse=True)
    starts = [line for line in lines if "vaerdispil print" in line]
    assert len(starts) >= len(commands) - 1
    for line in starts:
        rest = line[line.index("vaerdispil print"):]
        assert any(rest.startswith(whole) for whole in commands), line
    text = words(" ".join(lines))
    for whole in commands:
        assert whole in text
    for option in ("--back-offset X,Y", "--duplex fold"):  # options keep their values
        assert any(option in line for line in lines), option
