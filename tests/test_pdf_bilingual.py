"""Cards in two languages: Danish beside a resident's language on one face, the second
right to left where its script is, shaped (joined letters, ligatures) and in visual order."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_cli
from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.deck.model import Deck
from vaerdispil.pdf.cardface import STYLES, fit_front
from vaerdispil.pdf.cards import CardOptions, MissingGlyphError, check_second, render_cards
from vaerdispil.pdf.fonts import arabic_fonts, fonts
from vaerdispil.pdf.labels import labels_for
from vaerdispil.pdf.layout import CARD_SIZES
from vaerdispil.pdf.text import set_rtl_block, shape_line

LANGUAGES = ("ar", "fa", "ur", "so", "tr", "uk")
RTL = ("ar", "fa", "ur")


# -- shaping: known words, as the glyphs a reader must see ------------------------------

@pytest.mark.parametrize(("logical", "visual"), [
    # Arabic "salaam": initial sin, the lam-alef ligature (final), isolated mim; drawn
    # left to right, so the last letter comes first.
    ("سلام", "\ufee1\ufefc\ufeb3"),
    # Urdu "hai": the Urdu letters heh goal (U+06C1) and yeh barree (U+06D2), joined.
    ("ہے", "\ufbaf\ufba8"),
    # Farsi "mikonim": the zero-width non-joiner keeps "mi" apart; Persian yeh and keheh.
    ("می\u200cکنیم", "\ufee2\ufbff\ufee8\ufb90\ufbfd\ufee3"),
    # A Danish name and a number inside Arabic: each keeps its own order, the sentence
    # reads right to left ("from Aarhus in 2026").
    ("من Aarhus في 2026", "2026 \ufef2\ufed3 Aarhus \ufee6\ufee3"),
    # Brackets are mirrored: "(5)" after the words stands at the left, still "(5)".
    ("محله (5)", "(5) \ufeea\ufee0\ufea4\ufee3"),
])
def test_right_to_left_text_is_shaped_and_put_in_visual_order(logical: str,
                                                              visual: str) -> None:
    assert shape_line(logical) == visual


def test_arabic_script_is_broken_between_words_only_never_with_a_hyphen() -> None:
    text = "نعطي مكانًا للأنشطة في بيت الحي كل أسبوع، ونساعد في التنظيف بعدها"
    block, fits = set_rtl_block(text, arabic_fonts().regular, fonts().regular, 10, 100)
    assert fits and len(block.lines) >= 3
    assert "-" not in "".join(block.lines)
    assert all(block.face.width(line, 10) <= 100 + 1e-6 for line in block.lines)
    # The first line drawn holds the first words read (the right end of the top line).
    assert shape_line("نعطي") in block.lines[0]


# -- the two-language card sheets --------------------------------------------------------

@cache
def sheets(language: str) -> tuple[Deck, Deck, bytes]:
    deck = resolve_deck("vaerdispil", "da")
    second = resolve_deck("vaerdispil", language)
    return deck, second, render_cards(deck, CardOptions(second=second)).data


def plain(text: str) -> str:
    """Presentation forms back to letters, so shaped text can be compared (without the
    zero-width non-joiner, which shaping has turned into the letters' forms)."""
    return "".join(unicodedata.normalize("NFKC", text).replace("\u200c", "").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_card_has_both_titles_on_its_face_and_the_fonts_are_embedded(
        language: str) -> None:
    deck, second, data = sheets(language)
    reader = PdfReader(io.BytesIO(data))
    fronts = [page for number, page in enumerate(reader.pages) if number % 2 == 0]
    text = plain(" ".join(page.extract_text() for page in fronts))
    for card, other in zip(deck.cards, second.cards, strict=True):
        assert plain(card.title) in text, card.id
        for word in other.title.split():  # pypdf gives right-to-left text in reading order
            assert plain(word) in text, (card.id, word)
    used = set()
    for page in fronts:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            used.add(str(descriptor["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in descriptor["/FontDescriptor"] or \
                "/DescendantFonts" in descriptor  # embedded subsets
    assert any("DejaVuSans" in name for name in used)
    assert any("NotoSansArabic" in name for name in used) == (language in RTL)
    info = reader.metadata
    assert info is not None and deck.title in str(info.title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_blocks_fit_on_every_poker_card_and_say_the_translation_is_a_draft(
        language: str) -> None:
    deck, second, _ = sheets(language)
    style, size = STYLES["poker"], CARD_SIZES["poker"]
    inner = size[0] - 2 * style.pad
    labels = labels_for("da")
    dropped = 0
    for card in deck.cards:
        front = fit_front(card, deck, fonts(), style, size, labels, "poker",
                          second.card(card.id), language, f"{language}: udkast")
        assert front.second is not None
        for block in (front.title, front.text, front.second.title, front.second.text,
                      front.second.example):
            assert block.width() <= inner + 1e-6, card.id
        assert front.footer_left.startswith(f"{language}: ")
        dropped += bool(card.example) and not front.example.lines
    assert dropped <= len(deck.cards) // 4  # most cards keep both examples


def test_every_character_of_every_translation_has_a_glyph_in_the_font_that_prints_it(
        ) -> None:
    deck = resolve_deck("vaerdispil", "da")
    for language in LANGUAGES:
        for deck_id in ("vaerdispil", "vaerdispil-kort"):
            check_second(resolve_deck(deck_id, "da"), resolve_deck(deck_id, language), fonts())
    # A character no bundled font has is named with its card, not printed as a box.
    from dataclasses import replace

    second = resolve_deck("vaerdispil", "ar")
    broken = replace(second, cards=(replace(second.cards[0], title="سمعة \U00013000"),
                                    *second.cards[1:]), _by_id={})
    with pytest.raises(MissingGlyphError, match=r"vaerdispil\.ar\.yaml.*card 'godt-ry': no "
                                                r"bundled font has the character U\+13000"):
        check_second(deck, broken, fonts())


def test_print_cards_with_a_second_language_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "print", "cards", "--second", "ar", "--cards",
                             "godt-ry,lokaler", "-o", str(tmp_path / "x.pdf"))
    assert code == 0, err
    assert "x.pdf" in out and len(PdfReader(tmp_path / "x.pdf").pages) == 2
    code, out, err = run_cli(capsys, "print", "cards", "--second", "uk", "--cards", "penge")
    assert code == 0 and (tmp_path / "vaerdispil-da-uk-cards-some.pdf").is_file()
    code, out, err = run_cli(capsys, "print", "cards", "--second", "da")
    assert code == 2 and err.count("\n") == 1
    code, out, err = run_cli(capsys, "print", "cards", "--second", "xx")
    assert code != 0 and "'xx'" in err and "Traceback" not in err and err.count("\n") == 1
    code, out, err = run_cli(capsys, "print", "cards", "--deck", "kommune-helhedsplan",
                             "--second", "ar")
    assert code == 1 and err == (
        "vaerdispil: the deck kommune-helhedsplan has no translation into 'ar'; translations "
        "there are: vaerdispil-kort: ar, fa, so, tr, uk, ur; vaerdispil: ar, fa, so, tr, uk, "
        "ur (see vaerdispil deck list)\n")


def test_a_card_too_long_in_either_language_is_named_not_cut() -> None:
    from dataclasses import replace

    from vaerdispil.pdf.cardface import CardFitError

    deck = resolve_deck("vaerdispil", "da")
    second = resolve_deck("vaerdispil", "ar")
    card = deck.card("lokaler")
    long_text = " ".join([second.card("lokaler").text] * 12)
    with pytest.raises(CardFitError, match=r"vaerdispil\.da\.yaml:\d+: card 'lokaler': the "
                                           r"title, text and example in both languages \(da "
                                           r"and ar\) do not fit on a poker card"):
        fit_front(card, deck, fonts(), STYLES["poker"], CARD_SIZES["poker"], labels_for("da"),
                  "poker", replace(second.card("lokaler"), text=long_text), "ar")
    # One long word in Arabic script is not hyphenated: the size shrinks until it fits.
    word = "وبالتعاونمعالجيرانوالمؤسسات"
    front = fit_front(card, deck, fonts(), STYLES["poker"], CARD_SIZES["poker"],
                      labels_for("da"), "poker", replace(second.card("lokaler"), title=word),
                      "ar")
    assert front.second is not None and front.second.title.lines == (shape_line(word),)


def test_a_broken_translation_of_ones_own_is_named_at_its_line(
        vaerdispil_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import CARDS

    decks = vaerdispil_home / "decks"
    decks.mkdir(parents=True)
    own = decks / "vaerdispil-kort.ar.yaml"  # a user's own edit, with a card id mistyped
    own.write_text((CARDS / "vaerdispil-kort.ar.yaml").read_text("utf-8").replace(
        "\n  penge:\n", "\n  pengge:\n", 1), encoding="utf-8")
    line = own.read_text("utf-8").splitlines().index("cards:") + 1
    code, _, err = run_cli(capsys, "print", "cards", "--deck", "vaerdispil-kort", "--second",
                           "ar", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and not (tmp_path / "x.pdf").exists()
    assert err.startswith(f"vaerdispil: {own}:{line}:1: the card 'penge' has no translation "
                          "here; add  penge:  under cards:")
    assert err.count("\n") == 1 and f"vaerdispil deck check {own}" in err  # the rest there
