"""A follow-up meeting begins from a finished workshop: what was agreed is kept in the
new workshop's header (as it was then), and the table comes along, to be changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.test_exports import DECK, complete_workshop
from vaerdispil.followup import start_follow_up
from vaerdispil.session.errors import SessionError
from vaerdispil.session.game import Game, replay


@pytest.fixture
def finished(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "vollsmose.jsonl"
    complete_workshop(path, clock).close()
    return path


def test_a_follow_up_keeps_what_was_agreed_and_brings_the_table(
        finished: Path, tmp_path: Path, clock: FakeClock) -> None:
    before = finished.read_bytes()
    clock.advance(180 * 24 * 3600)  # six months on
    game = start_follow_up(finished, tmp_path / "follow.jsonl", DECK, clock)
    state = game.state
    assert state.details.title == "Opfølgning: Værksted i Vollsmose"
    assert state.details.place == "Vollsmose" and state.details.facilitator == "Mette"
    assert [(o.name, o.type) for o in state.active_organisations()] == [
        ("Netto", "virksomhed"), ("B1909 | *fodbold*", "forening"),
        ("Plejehjemmet", "institution")]
    assert [p.name for p in state.active_participants()] == ["Aisha", "Bo", "Cem"]
    # People change: the table is ordinary events, changed and undone like any.
    bo = next(p.id for p in state.active_participants() if p.name == "Bo")
    game.remove_participant(bo)
    assert [p.name for p in game.state.active_participants()] == ["Aisha", "Cem"]
    game.undo()
    game.close()
    assert finished.read_bytes() == before  # the first workshop is not touched
    # What was agreed then is in the follow-up's own file, as it was.
    header = json.loads((tmp_path / "follow.jsonl").read_text("utf-8").splitlines()[0])
    then = header["follows"]
    assert then["name"] == "vollsmose" and len(then["sha256"]) == 64
    assert then["outcome"]["agreements"][0]["text"] == "Vi deler lokaler"
    assert then["outcome"]["agreements"][0]["dissent"] == [
        {"organisation": "Plejehjemmet", "text": "Kun om formiddagen"}]
    assert [(a["what"], a["person"], a["due"]) for a in then["outcome"]["actions"]] == [
        ("Lav en nøgleaftale", "Aisha", "2026-12-15"), ("Find to frivillige", "Bo", "2027-01-31")]
    assert then["outcome"]["follow_up"] == "2027-03-01"
    assert [g["value"] for g in then["outcome"]["organisations"][0]["gives"]] == ["Lokaler"]
    # Read back: the header keeps it, and the follow-up resumes like any workshop.
    again = Game.open(tmp_path / "follow.jsonl", clock=clock)
    assert again.header.follows == then
    assert [p.name for p in again.state.active_participants()] == ["Aisha", "Bo", "Cem"]
    again.close()
    assert replay(tmp_path / "follow.jsonl").header.follows == then


def test_only_a_finished_workshop_has_a_follow_up(tmp_path: Path, clock: FakeClock) -> None:
    from tests.test_tui_workshop import netto_game

    netto_game(tmp_path / "open.jsonl", clock).close()
    with pytest.raises(SessionError, match="not finished"):
        start_follow_up(tmp_path / "open.jsonl", tmp_path / "f.jsonl", DECK, clock)
    assert not (tmp_path / "f.jsonl").exists()


def test_a_damaged_follows_record_is_said_in_one_line(
        finished: Path, tmp_path: Path, clock: FakeClock) -> None:
    start_follow_up(finished, tmp_path / "follow.jsonl", DECK, clock).close()
    lines = (tmp_path / "follow.jsonl").read_text("utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["follows"] = "vollsmose"  # not what a follow-up writes
    (tmp_path / "follow.jsonl").write_text(json.dumps(header) + "\n" + "".join(lines[1:]),
                                           encoding="utf-8")
    with pytest.raises(SessionError, match="follow.jsonl:1: the header line is damaged"):
        replay(tmp_path / "follow.jsonl")


def test_play_follow_up_opens_a_new_workshop_that_follows_the_saved_one(
        vaerdispil_home: Path, clock: FakeClock, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run_cli
    from tests.test_review import FOLLOW_UP
    from vaerdispil.app_commands import build_app
    from vaerdispil.session.store import new_session_path

    saved = new_session_path("Værksted i Vollsmose", "2026-11-22")
    complete_workshop(saved, clock).close()
    deck = tmp_path / "opfoelgning.da.yaml"
    deck.write_text(FOLLOW_UP, encoding="utf-8")
    app = build_app(str(deck), None, follow_up=saved.stem)
    game = app.game
    assert game.header.follows["name"] == saved.stem
    assert game.log.path.parent == saved.parent
    assert game.log.path.name.endswith("-opfoelgning-vaerksted-i-vollsmose.jsonl")
    assert game.state.details.title == "Opfølgning: Værksted i Vollsmose"
    game.close()
    # Named, and the mistakes a facilitator can make: one line each, exit 1.
    app = build_app(str(deck), None, follow_up=saved.stem, new="vollsmose-igen")
    assert app.game.log.path.name == "vollsmose-igen.jsonl"
    app.game.close()
    code, _, err = run_cli(capsys, "play", "--follow-up", "ukendt", "--deck", str(deck))
    assert code == 1 and err.startswith("vaerdispil: ukendt: no such workshop file")
    assert err.count("\n") == 1
    code, _, err = run_cli(capsys, "play", "--follow-up", saved.stem, "--session", "x",
                           "--deck", str(deck))
    assert code == 1 and "--follow-up starts a new workshop" in err


async def test_a_follow_up_from_the_summary_of_a_finished_workshop(
        vaerdispil_home: Path, clock: FakeClock) -> None:
    from tests.test_review import FOLLOW_UP
    from vaerdispil.paths import deck_file_name, user_decks_dir
    from vaerdispil.session.store import new_session_path
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.dialogs.form import FormDialog
    from vaerdispil.tui.screens.setup import SetupScreen
    from vaerdispil.tui.screens.summary import SummaryScreen

    user_decks_dir().mkdir(parents=True, exist_ok=True)  # the follow-up deck, as a user's
    (user_decks_dir() / deck_file_name("opfoelgning", "da")).write_text(
        FOLLOW_UP.replace("id: test-opfoelgning", "id: opfoelgning"), encoding="utf-8")
    saved = new_session_path("Værksted i Vollsmose", "2026-11-22")
    complete_workshop(saved, clock).close()
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.open_saved(saved)  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # a finished one opens at its summary
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "Start et opfølgningsmøde på »2026-11-22-vaerksted-i-vollsmose«" in \
            app.screen.form_title
        await pilot.click("#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        game = app.game
        assert game is not None and game.header.follows["name"] == saved.stem
        assert [o.name for o in game.state.active_organisations()] == [
            "Netto", "B1909 | *fodbold*", "Plejehjemmet"]
        assert game.deck.id == "opfoelgning"


def test_the_report_groups_a_workshop_and_its_follow_ups_as_one_partnership(
        tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    from tests.conftest import run_cli
    from tests.test_review import DECK as FOLLOW_UP_DECK

    complete_workshop(tmp_path / "vollsmose.jsonl", clock).close()
    complete_workshop(tmp_path / "gellerup.jsonl", clock).close()  # another partnership
    first = start_follow_up(tmp_path / "vollsmose.jsonl", tmp_path / "vollsmose-2.jsonl",
                            FOLLOW_UP_DECK, clock)
    first.next_round()
    first.review("action:0", "done")
    first.review("action:1", "not_done")
    first.end_session()
    first.close()
    start_follow_up(tmp_path / "vollsmose-2.jsonl", tmp_path / "vollsmose-3.jsonl",
                    FOLLOW_UP_DECK, clock).close()
    names = ["vollsmose-3", "gellerup", "vollsmose-2", "vollsmose"]  # in any order
    code, _, err = run_cli(capsys, "report", *(str(tmp_path / f"{n}.jsonl") for n in names),
                           "-o", str(tmp_path / "r.csv"))
    assert code == 0, err
    rows = [row for row in csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8")))
            if row["table"] == "workshop"]
    assert {(row["file"], row["follows"], row["partnership"]) for row in rows} == {
        ("vollsmose", "", "vollsmose"), ("vollsmose-2", "vollsmose", "vollsmose"),
        ("vollsmose-3", "vollsmose-2", "vollsmose"), ("gellerup", "", "")}
    from vaerdispil.report import tally
    from vaerdispil.session_commands import outcome_of

    report = tally((n, outcome_of(tmp_path / f"{n}.jsonl")[0]) for n in names)
    assert [[report.workshops[i].name for i in chain] for chain in report.partnerships] == [
        ["vollsmose", "vollsmose-2", "vollsmose-3"]]
    second = next(w for w in report.workshops if w.name == "vollsmose-2")
    assert second.reviewed == {"done": 1, "not_done": 1}


async def test_a_whole_follow_up_by_keys_to_the_then_and_now_pdf(
        vaerdispil_home: Path, clock: FakeClock) -> None:
    """From a finished workshop's summary, o begins the follow-up (the bundled deck); its
    reviews are said by keys, the other rounds passed by, and the summary PDF says then
    and now, with no person's name in the anonymous one."""
    from pypdf import PdfReader

    from vaerdispil.session.store import new_session_path
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.screens.summary import SummaryScreen
    from vaerdispil.tui.widgets.review import ReviewPanel

    saved = new_session_path("Værksted i Vollsmose", "2026-11-22")
    complete_workshop(saved, clock).close()
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.screen.open_saved(saved)  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.click("#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        game = app.game
        assert game is not None and game.deck.id == "opfoelgning"
        said = {"actions": "12", "organisations": "123123", "agreements": "2"}
        for round_ in game.deck.rounds:
            await pilot.press("f6")  # the next round (the first from set-up)
            await pilot.pause()
            assert game.state.round_index == game.deck.rounds.index(round_)
            if round_.review:
                await pilot.pause()
                app.screen.query_one(ReviewPanel).query_one("#review-items").focus()
                await pilot.press(*said[round_.review])
                await pilot.pause()
        await pilot.press("f6")  # after the last round: finish
        await pilot.pause()
        await pilot.click("#ok")
        await pilot.pause()
        assert game.state.ended and isinstance(app.screen, SummaryScreen)
        assert {key: review.status for key, review in game.state.reviews.items()} == {
            "action:0": "done", "action:1": "partly", "gave:0": "yes", "got:0": "partly",
            "gave:1": "no", "got:1": "yes", "gave:2": "partly", "got:2": "no",
            "agreed:0": "changed"}
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = game.log.path
    text = " ".join(PdfReader(path.with_name(path.stem + "-summary.pdf")).pages[1]
                    .extract_text().split())
    assert "Dengang og nu" in text and "Opfølgning på »Værksted i Vollsmose«" in text
    assert "Lav en nøgleaftale Aisha, Netto, 15. december 2026 Gjort" in text
    assert "Gav vi det? Ja: 1 · Delvist: 1 · Nej: 1" in text
    assert "Vi deler lokaler" in text and "Ændret" in text
    anonymous = " ".join(page.extract_text() for page in PdfReader(
        path.with_name(path.stem + "-summary-anonymous.pdf")).pages)
    assert "Dengang og nu" in anonymous
    for name in ("Aisha", "Bo", "Cem", "Mette"):
        assert name not in anonymous.split(), name


def test_the_report_pdf_shows_each_partnership_over_time(
        tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    from tests.conftest import run_cli
    from tests.test_review import DECK as FOLLOW_UP_DECK

    complete_workshop(tmp_path / "vollsmose.jsonl", clock).close()
    follow = start_follow_up(tmp_path / "vollsmose.jsonl", tmp_path / "vollsmose-2.jsonl",
                             FOLLOW_UP_DECK, clock)
    follow.next_round()
    follow.review("action:0", "done")
    follow.review("action:1", "not_done")
    follow.close()
    code, _, err = run_cli(capsys, "report", str(tmp_path / "vollsmose.jsonl"),
                           str(tmp_path / "vollsmose-2.jsonl"), "-o", str(tmp_path / "r.pdf"))
    assert code == 0, err
    text = " ".join(" ".join(page.extract_text() for page in
                             PdfReader(tmp_path / "r.pdf").pages).split())
    assert "Partnerskaber over tid" in text
    assert "22. november 2026: Værksted i Vollsmose" in text
    assert "Handlinger: Gjort 1, Ikke gjort 1" in text
