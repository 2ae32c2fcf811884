"""One rule for naming a workshop in every command (issue 15): a saved workshop's name (as
`vaerdispil sessions list` shows it, with or without .jsonl) or the path of an existing
file; a new file only where one is clearly asked for, and a bare new name goes to the
sessions folder, never the current folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CARDS, FakeClock, run_cli
from vaerdispil.deck.loader import load_deck
from vaerdispil.session.errors import SessionError
from vaerdispil.session.game import Game
from vaerdispil.session.store import NEW, OPEN, OPEN_OR_NEW, Target, resolve_session
from vaerdispil.tui.app import VaerdispilApp

DECK = load_deck(CARDS / "vaerdispil.da.yaml")


@pytest.fixture
def sessions(vaerdispil_home: Path) -> Path:
    return vaerdispil_home / "sessions"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder of the command: nothing may be made here unless asked."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def vollsmose(sessions: Path, clock: FakeClock) -> Path:
    """A saved workshop, `vollsmose` in the list, in its first round."""
    game = Game.new(sessions / "vollsmose.jsonl", DECK, seed=1, clock=clock, title="Vollsmose")
    org = game.add_organisation("Netto", "virksomhed")
    game.add_participant("Aisha", org)
    game.start_round("praesentation")
    game.close()
    return sessions / "vollsmose.jsonl"


@pytest.fixture
def no_screen(monkeypatch: pytest.MonkeyPatch) -> list[VaerdispilApp]:
    """`play` and `demo` build their app but do not run it; the apps built, to look at."""
    built: list[VaerdispilApp] = []

    def run(self: VaerdispilApp, **options: object) -> None:
        built.append(self)
        if self.game is not None:
            self.game.close()

    monkeypatch.setattr(VaerdispilApp, "run", run)
    return built


# -- the rule, in one function ------------------------------------------------------------

def test_a_saved_name_with_or_without_jsonl_or_a_path(vollsmose: Path, here: Path) -> None:
    for want in (OPEN, OPEN_OR_NEW):
        assert resolve_session("vollsmose", want) == Target(vollsmose, False)
        assert resolve_session("vollsmose.jsonl", want) == Target(vollsmose, False)
        assert resolve_session(str(vollsmose), want) == Target(vollsmose, False)


def test_a_file_in_the_current_folder_comes_before_a_saved_one(vollsmose: Path,
                                                               here: Path) -> None:
    (here / "vollsmose.jsonl").write_bytes(vollsmose.read_bytes())
    assert resolve_session("vollsmose.jsonl") == Target(Path("vollsmose.jsonl"), False)
    assert resolve_session("vollsmose") == Target(vollsmose, False)  # no such file here


def test_where_new_files_go(sessions: Path, here: Path) -> None:
    assert resolve_session("ny", NEW) == Target(sessions / "ny.jsonl", True)
    assert resolve_session("ny.jsonl", NEW) == Target(sessions / "ny.jsonl", True)
    assert resolve_session("./ny", NEW) == Target(Path("ny"), True)
    assert resolve_session("mappe/ny.jsonl", NEW) == Target(Path("mappe/ny.jsonl"), True)
    # --session: new only where clearly meant (a folder in it, or .jsonl at the end).
    assert resolve_session("ny.jsonl", OPEN_OR_NEW) == Target(sessions / "ny.jsonl", True)
    assert resolve_session("./ny.jsonl", OPEN_OR_NEW) == Target(Path("ny.jsonl"), True)
    with pytest.raises(SessionError, match=r"^ny: no such workshop file, and no saved workshop "
                       r"named 'ny' in .* \(vaerdispil sessions list shows the saved ones\); "
                       "to start a new one: vaerdispil play --new ny$"):
        resolve_session("ny", OPEN_OR_NEW)
    with pytest.raises(SessionError, match="^ny.jsonl: no such workshop file, and no saved "):
        resolve_session("ny.jsonl", OPEN)  # print and export never make a file
    with pytest.raises(SessionError, match="not a workshop's name"):
        resolve_session("..", OPEN_OR_NEW)


def test_a_new_name_that_is_taken_says_how_to_resume(vollsmose: Path) -> None:
    with pytest.raises(SessionError) as caught:
        resolve_session("vollsmose", NEW)
    assert str(caught.value) == (
        f"{vollsmose}: a workshop file with this name exists already; choose another name, "
        "or resume it with vaerdispil play --session vollsmose")


# -- play ---------------------------------------------------------------------------------

def test_play_resumes_a_saved_workshop_by_its_name(vollsmose: Path, here: Path,
                                                   no_screen: list[VaerdispilApp],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = vollsmose.read_bytes()
    for name in ("vollsmose", "vollsmose.jsonl", str(vollsmose)):
        code, _, err = run_cli(capsys, "play", "--session", name)
        assert (code, err) == (0, "")
        game = no_screen[-1].game
        assert game is not None and game.log.path == vollsmose
        assert game.state.details.title == "Vollsmose"
    assert vollsmose.read_bytes() == before  # opened, not started again
    assert list(here.iterdir()) == []


def test_play_with_an_unknown_bare_name_is_one_line(sessions: Path, here: Path,
                                                    no_screen: list[VaerdispilApp],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "play", "--session", "vollsmoes")
    assert code == 1 and no_screen == []
    assert err == (f"vaerdispil: vollsmoes: no such workshop file, and no saved workshop named "
                   f"'vollsmoes' in {sessions} (vaerdispil sessions list shows the saved "
                   "ones); to start a new one: vaerdispil play --new vollsmoes\n")
    assert list(here.iterdir()) == [] and not sessions.exists()


def test_play_new_makes_the_file_in_the_sessions_folder(sessions: Path, here: Path,
                                                        no_screen: list[VaerdispilApp],
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    code, _, err = run_cli(capsys, "play", "--new", "gellerup")
    assert (code, err) == (0, "")
    game = no_screen[-1].game
    assert game is not None and game.log.path == sessions / "gellerup.jsonl"
    assert (sessions / "gellerup.jsonl").exists() and list(here.iterdir()) == []
    code, _, _ = run_cli(capsys, "play", "--session", "gellerup")  # and it resumes by name
    assert code == 0 and no_screen[-1].game.log.path == sessions / "gellerup.jsonl"  # type: ignore[union-attr]
    code, _, err = run_cli(capsys, "play", "--new", "gellerup")
    assert code == 1 and "exists already" in err and len(err.splitlines()) == 1


def test_play_session_makes_a_new_file_only_where_clearly_asked(
        sessions: Path, here: Path, no_screen: list[VaerdispilApp],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "play", "--session", "./here.jsonl")[0] == 0
    assert (here / "here.jsonl").exists()  # a path with a folder: exactly there
    assert run_cli(capsys, "play", "--session", "bare.jsonl")[0] == 0
    assert (sessions / "bare.jsonl").exists() and not (here / "bare.jsonl").exists()


def test_play_takes_session_or_new_not_both(capsys: pytest.CaptureFixture[str],
                                            no_screen: list[VaerdispilApp]) -> None:
    code, _, err = run_cli(capsys, "play", "--session", "a", "--new", "b")
    assert code == 2 and "not allowed with argument" in err and no_screen == []


def test_play_help_gives_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "play", "--help")
    words = " ".join(out.split())
    assert code == 0 and "--new NAME" in words and "`vaerdispil sessions list`" in words


# -- demo: always a new file, a bare name in the sessions folder ---------------------------

def test_demo_with_a_bare_name_saves_in_the_sessions_folder(
        sessions: Path, here: Path, no_screen: list[VaerdispilApp],
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "demo", "--speed", "0", "--session", "proeve")
    assert code == 0
    assert err == f"The demo workshop is saved in {sessions / 'proeve.jsonl'}\n"
    assert list(here.iterdir()) == []
    code, _, err = run_cli(capsys, "demo", "--speed", "0", "--session", "proeve")
    assert code == 1 and "exists already" in err  # never over a saved workshop


# -- print, export, report: a saved name or a path -------------------------------------------

def test_export_by_saved_name_by_path_and_unknown(vollsmose: Path, here: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    by_name = run_cli(capsys, "export", "vollsmose", "--format", "json")
    by_path = run_cli(capsys, "export", str(vollsmose), "--format", "json")
    assert by_name[0] == 0 and by_name == by_path and '"Vollsmose"' in by_name[1]
    code, out, err = run_cli(capsys, "export", "vollsmoes")
    assert code == 1 and out == ""
    assert err.startswith("vaerdispil: vollsmoes: no such workshop file, and no saved "
                          "workshop named 'vollsmoes'")
    assert len(err.splitlines()) == 1 and "(vaerdispil sessions list shows the saved" in err
    assert "--new" not in err  # export makes nothing
    code, _, err = run_cli(capsys, "export", "./nowhere/x.jsonl")
    assert code == 1 and err == ("vaerdispil: ./nowhere/x.jsonl: no such workshop file; check "
                                 "the path (vaerdispil sessions list shows the saved ones)\n")


def test_print_summary_by_saved_name_and_unknown(vollsmose: Path, here: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "print", "summary", "vollsmose.jsonl")
    assert code == 0 and out.startswith("wrote vollsmose-summary.pdf")
    assert (here / "vollsmose-summary.pdf").exists()
    code, _, err = run_cli(capsys, "print", "summary", "vollsmoes")
    assert code == 1 and len(err.splitlines()) == 1 and "no saved workshop named" in err
