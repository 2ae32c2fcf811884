"""The command line: exit codes, one-line messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CARDS, run_cli
from tests.test_deck_loader import VALID
from vaerdispil import __version__
from vaerdispil.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"vaerdispil {__version__}\n"


def test_deck_check_valid_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "deck", "check", str(CARDS / "vaerdispil.da.yaml"),
                       str(CARDS / "vaerdispil.en.yaml"))
    assert code == 0
    assert out.splitlines() == [
        f"{CARDS / 'vaerdispil.da.yaml'}: ok: vaerdispil (da), 85 cards (4 blank, 23 question, "
        "58 value), 6 rounds",
        f"{CARDS / 'vaerdispil.en.yaml'}: ok: vaerdispil (en), 85 cards (4 blank, 23 question, "
        "58 value), 6 rounds",
    ]


def test_deck_check_invalid_file_exits_1_with_located_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID.replace("mode: vote", "mode: afstemning"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(VALID, encoding="utf-8")
    code, out, err = run_cli(capsys, "deck", "check", str(good), str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:42:11: round 'stem': 'mode' is 'afstemning', which is not one of turns, pick, "
        "vote, agree, open, review",
        f"{good}: ok: test-deck (da), 3 cards (1 blank, 1 question, 1 value), 3 rounds",
    ]
    assert err == ""


def test_deck_check_reports_missing_translations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    danish = tmp_path / "d.da.yaml"
    danish.write_text(VALID, encoding="utf-8")
    english = tmp_path / "d.en.yaml"
    english.write_text(VALID.replace("language: da", "language: en")
                       .replace("title: Lokaler", "title: Premises"), encoding="utf-8")
    code, out, _ = run_cli(capsys, "deck", "check", str(danish), str(english))
    assert code == 1
    assert f"{english}:19:1: card 'tom-1': the title is the same as in da; translate it" in out


def test_bad_arguments_exit_2_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["deck", "check"], ["deck"], ["nonsense"], ["--lang", "fr", "deck", "list"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("vaerdispil") and "Traceback" not in err


def test_deck_list(capsys: pytest.CaptureFixture[str], vaerdispil_home: Path) -> None:
    decks = vaerdispil_home / "decks"
    decks.mkdir(parents=True)
    (decks / "mine.yaml").write_text(VALID, encoding="utf-8")
    (decks / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "deck", "list")
    assert code == 1  # one deck is broken
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "LANG", "CARDS", "TITLE", "WHERE"]
    # The bundled decks come first, in file-name order; the main deck's files sort last.
    # Translations in the residents' languages are listed as such.
    bundled = [line for line in lines[1:] if line.endswith("bundled")]
    own = [line for line in bundled if "(translation" not in line]
    assert [line.split()[:2] for line in own] == [
        [deck, lang] for deck in ("civilsamfund", "kommune-helhedsplan", "medborgercenter",
                                  "opfoelgning", "vaerdispil-kort", "vaerdispil")
        for lang in ("da", "en")]
    assert own[-2].split() == ["vaerdispil", "da", "85", "Værdispillet", "bundled"]
    assert own[-1].split() == ["vaerdispil", "en", "85", "The", "Value", "Game", "bundled"]
    translated = [line for line in bundled if "(translation, not reviewed)" in line]
    assert len(translated) == 12 and bundled == lines[1:1 + len(bundled)]
    after = lines[1 + len(bundled):]
    assert "broken: 6 problems, see vaerdispil deck check" in after[0]
    assert after[1].split()[:4] == ["test-deck", "da", "3", "Testdeck"]
    assert f"Your own decks: {decks}" in out


def test_deck_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "deck", "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["required"] == ["format", "id", "language", "title", "categories", "cards",
                                  "rounds"]
    round_schema = schema["properties"]["rounds"]["items"]
    vote_rule = next(rule for rule in round_schema["allOf"]
                     if rule["if"]["properties"]["mode"]["const"] == "vote")
    assert vote_rule["then"]["required"] == ["dots"]
    assert vote_rule["then"]["properties"]["picks"] is False


def test_unknown_deck_for_the_app_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--deck", "nope")
    assert code == 1
    assert err.startswith("nope: no deck with the id 'nope'")
    assert len(err.splitlines()) == 1


def test_a_broken_deck_of_the_users_named_like_the_default_is_one_line_before_the_app(
    capsys: pytest.CaptureFixture[str], vaerdispil_home: Path
) -> None:
    decks = vaerdispil_home / "decks"
    decks.mkdir(parents=True)
    (decks / "vaerdispil.da.yaml").write_text("id: vaerdispil\ntitle: [\n", encoding="utf-8")
    code, _, err = run_cli(capsys)
    assert code == 1
    assert err.startswith(f"{decks / 'vaerdispil.da.yaml'}:3:1: ")
    assert len(err.splitlines()) == 1


def test_export_offers_every_format_there_is() -> None:
    from vaerdispil.exports import RENDER
    from vaerdispil.session_commands import FORMATS

    assert FORMATS == tuple(RENDER)


def test_unexpected_errors_are_one_line_and_saved(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, vaerdispil_home: Path
) -> None:
    from vaerdispil import deck_commands

    def boom(out: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(deck_commands, "schema", boom)
    code, _, err = run_cli(capsys, "deck", "schema")
    assert code == 70
    assert err.splitlines() == [
        f"vaerdispil: unexpected error: RuntimeError('boom'). This is a bug; please report it "
        f"with {vaerdispil_home / 'crash.log'}. Everything the workshop did until then is saved."
    ]
    assert "Traceback" in (vaerdispil_home / "crash.log").read_text(encoding="utf-8")


def test_python_dash_m_runs_the_command_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "vaerdispil", "deck", "check", "/no/such.yaml"],
                            capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert result.stdout == "/no/such.yaml: no such file; check the path\n"


def test_each_command_is_built_alone_and_the_whole_parser_lists_them_all() -> None:
    """A command line that names a command builds (and imports) that command's part
    only; the table of commands says which module adds each, and misses none."""
    from vaerdispil.cli import COMMANDS, build_parser, command_word

    def commands_of(parser: object) -> set[str]:
        action = next(a for a in parser._actions if a.dest == "command")  # type: ignore[attr-defined]
        return set(action.choices)

    assert commands_of(build_parser("en")) == set(COMMANDS)
    for command in COMMANDS:
        assert command in commands_of(build_parser("en", [command]))
    assert command_word(["--lang", "da", "--deck=x", "report", "a"]) == "report"
    assert command_word(["--la", "da", "--de", "x", "sessions", "list"]) == "sessions"
    for argv in (["-h", "report"], ["--version"], [], ["nonsense"], ["--", "report"]):
        assert command_word(argv) is None, argv
    script = ("import sys\nfrom vaerdispil.cli import build_parser\n"
              "build_parser(argv=['report', 'x.jsonl'])\n"
              "print(','.join(sorted(m for m in sys.modules if m.endswith('_commands'))))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "vaerdispil.report_commands"


def test_help_of_a_command_and_errors_read_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    """Built alone, a command still says the whole program's name in its errors."""
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "en", "report"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("vaerdispil report: ")
