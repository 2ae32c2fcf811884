"""`vaerdispil print ...`: default file names, one-line messages and exit codes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_cli
from tests.test_pdf_cards import card_yaml, deck_file


def one_line(text: str) -> str:
    assert len(text.strip().splitlines()) == 1, text
    assert "Traceback" not in text
    return text.strip()


def test_print_cards_writes_the_default_file_here(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "print", "cards")
    assert code == 0 and err == ""
    assert one_line(out).startswith("wrote vaerdispil-da-cards.pdf: 20 pages (85 cards")
    assert len(PdfReader(tmp_path / "vaerdispil-da-cards.pdf").pages) == 20
    assert [p.name for p in tmp_path.iterdir()] == ["vaerdispil-da-cards.pdf"]  # no temp left
    assert (tmp_path / "vaerdispil-da-cards.pdf").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("args,name,pages", [
    (["print", "cards", "--lang", "en", "--duplex", "fold"], "vaerdispil-en-cards-fold.pdf", 22),
    (["--lang", "en", "print", "cards", "--size", "mini", "--paper", "letter"],
     "vaerdispil-en-cards-mini-letter.pdf", 12),
    (["print", "cards", "--no-backs", "--size", "a6"], "vaerdispil-da-cards-a6-fronts.pdf", 43),
    (["print", "calibration", "--duplex", "short"], "vaerdispil-calibration-short.pdf", 2),
    (["print", "guide", "--lang", "en"], "vaerdispil-en-guide.pdf", 5),
])
def test_print_commands_name_their_files(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, args: list[str],
                                         name: str, pages: int) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, *args)
    assert code == 0
    assert one_line(out).startswith(f"wrote {name}: {pages} pages")
    assert len(PdfReader(tmp_path / name).pages) == pages


def test_output_option_and_deck_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = deck_file(tmp_path, card_yaml("a", "Aa", "Tekst."))
    out_file = tmp_path / "mine.pdf"
    code, out, _ = run_cli(capsys, "print", "cards", "--deck", str(path), "-o", str(out_file),
                       "--back-offset", "1.5,-0.5", "--bleed")
    assert code == 0 and one_line(out).startswith(f"wrote {out_file}: 2 pages")
    assert "Aa" in PdfReader(io.BytesIO(out_file.read_bytes())).pages[0].extract_text()


@pytest.mark.parametrize("target", ["nowhere/cards.pdf", "/proc/x.pdf", "."])
def test_unwritable_paths_fail_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "print", "cards", "-o", target)
    assert code == 1 and out == ""
    line = one_line(err)
    assert line.startswith(f"vaerdispil: {target.rstrip('.') or '.'}") or target in line
    assert "-o" in line
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_fails_in_one_line(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run_cli(capsys, "print", "guide", "-o", str(folder / "g.pdf"))
    finally:
        folder.chmod(0o700)
    assert code == 1 and "permission" in one_line(err)


def test_card_errors_name_the_card_in_one_line(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    path = deck_file(tmp_path, card_yaml("raket", "Op \U0001F680", "Tekst."))
    code, out, err = run_cli(capsys, "print", "cards", "--deck", str(path), "-o",
                         str(tmp_path / "x.pdf"))
    assert code == 1 and out == ""
    assert "card 'raket'" in one_line(err) and "U+1F680" in err
    assert not (tmp_path / "x.pdf").exists()


def test_deck_errors_fail_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "print", "cards", "--deck", "no-such-deck")
    assert code == 1 and "no deck with the id 'no-such-deck'" in one_line(err)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: Bad Id\nlanguage: xx1\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "print", "guide", "--deck", str(broken))
    assert code == 1 and one_line(err).startswith(f"vaerdispil: {broken}:")
    assert "more problems" in err


@pytest.mark.parametrize("args", [
    ["print"],
    ["print", "cards", "--size", "huge"],
    ["print", "cards", "--paper", "a3"],
    ["print", "cards", "--back-offset", "1"],
    ["print", "cards", "--back-offset", "x,2"],
    ["print", "cards", "--back-offset", "30,0"],
    ["print", "cards", "--duplex", "fold", "--back-offset", "1,1"],
    ["print", "cards", "--no-backs", "--duplex", "long"],
    ["print", "calibration", "--duplex", "fold"],
    ["print", "guide", "--lang", "sv"],
])
def test_bad_arguments_exit_2_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert one_line(err).startswith("vaerdispil")
    assert list(tmp_path.iterdir()) == []


# --- choosing cards, copies, gap and the print shop's format -------------------------------

def test_only_some_cards_with_copies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = deck_file(tmp_path, card_yaml("a", "Aa", "Tekst.") + card_yaml("b", "Bb", "Tekst.")
                     + card_yaml("tom", "Tom", "Skriv.", kind="blank"))
    out_file = tmp_path / "some.pdf"
    code, out, _ = run_cli(capsys, "print", "cards", "--deck", str(path), "--cards", "tom,b",
                           "--copies", "2", "--blank-copies", "5", "-o", str(out_file))
    assert code == 0 and "(7 cards" in one_line(out)
    text = PdfReader(out_file).pages[0].extract_text()
    assert "Bb" in text and "Aa" not in text
    assert text.split().count("tom") == 5 and text.split().count("b") == 2


def test_an_unknown_card_id_fails_in_one_line_that_says_how_to_list_them(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "print", "cards", "--cards", "godt-ry,godt-ryy")
    assert code == 2 and out == "" and list(tmp_path.iterdir()) == []
    line = one_line(err)
    assert "'godt-ryy'" in line and "'godt-ry'?" in line and "--list-cards" in line
    code, out, _ = run_cli(capsys, "print", "cards", "--list-cards")
    assert code == 0 and out.splitlines()[0] == "godt-ry\tGodt ry"


def test_gap_0_puts_nine_poker_cards_on_letter(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "print", "cards", "--paper", "letter", "--gap", "0",
                           "--cards", ",".join(f"{n}" for n in _first_ids(12)))
    assert code == 0
    assert one_line(out).startswith("wrote vaerdispil-da-cards-letter-gap0-some.pdf: 4 pages")
    assert "9 per page" in out


def test_one_card_a_page_with_bleed_for_a_print_shop(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "print", "cards", "--size", "mini", "--per-page", "1",
                           "--cards", ",".join(_first_ids(3)))
    assert code == 0 and one_line(out).startswith("wrote vaerdispil-da-cards-mini-shop.pdf: 6")
    pdf = PdfReader(tmp_path / "vaerdispil-da-cards-mini-shop.pdf")
    mm = 72 / 25.4
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(50 * mm, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(69 * mm, abs=0.01)
        trim = [float(v) for v in page.trimbox]
        assert trim == pytest.approx([3 * mm, 3 * mm, 47 * mm, 66 * mm], abs=0.01)
        assert [float(v) for v in page.bleedbox] == pytest.approx([0, 0, 50 * mm, 69 * mm])
    assert _first_ids(1)[0] in pdf.pages[0].extract_text()
    assert "Værdikort" in pdf.pages[1].extract_text()  # its back next


def _first_ids(count: int) -> list[str]:
    from vaerdispil.deck.catalog import resolve_deck

    return [card.id for card in resolve_deck("vaerdispil", "da").cards[:count]]


@pytest.mark.parametrize("args", [
    ["print", "cards", "--gap", "1"],
    ["print", "cards", "--gap", "wide"],
    ["print", "cards", "--per-page", "4"],
    ["print", "cards", "--copies", "0"],
    ["print", "cards", "--blank-copies", "-1"],
    ["print", "cards", "--cards", ","],
    ["print", "cards", "--cards", "no-such-card"],
    ["print", "cards", "--per-page", "1", "--duplex", "fold"],
    ["print", "cards", "--per-page", "1", "--back-offset", "1,1"],
])
def test_bad_card_options_exit_2_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert one_line(err).startswith("vaerdispil")
    assert list(tmp_path.iterdir()) == []
