"""What the facilitator records on screen is what happened: dissent lands on the value it
names, a backer that disagrees stops backing, a reason can be changed, a handed-in secret
ballot stays secret, and the last step finishes the workshop. Played by keys, checked
against the state and the log."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, OptionList, Select

from tests.conftest import FakeClock
from tests.test_tui_workshop import DECK, keys, netto_game, screen_text, type_text
from vaerdispil.session.game import Game
from vaerdispil.session.log import read
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.dialogs.form import FormDialog
from vaerdispil.tui.screens.round import RoundScreen
from vaerdispil.tui.screens.summary import SummaryScreen


async def click_ok_again(pilot: object, dialog: object) -> None:
    """Click a dialog's OK a second time. A button ignores clicks for 0.2 s of real time
    after a press (its flash), which a fast test run can fall within: the flash of the
    first press is taken as over, so the test does not hang on the wall clock."""
    dialog.query_one("#ok").remove_class("-active")  # type: ignore[attr-defined]
    await pilot.click("#ok")  # type: ignore[attr-defined]


def pdf_pages(game: Game, anonymous: bool = False) -> list[str]:
    """The summary PDF's pages as text, one string each, whitespace made single."""
    import io

    from pypdf import PdfReader

    from vaerdispil.outcome import outcome
    from vaerdispil.pdf.summary import render_summary

    data = render_summary(outcome(game.state, game.deck), anonymous).data
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def agreement_page(game: Game) -> str:
    return next(page for page in pdf_pages(game) if page.startswith("Samarbejdsaftale"))


def agreement_game(path: Path, clock: FakeClock) -> tuple[Game, dict[str, str]]:
    """Three organisations at the agreement round, with two agreed values backed by all."""
    game = Game.new(path, DECK, seed=1, clock=clock)
    ids = {name: game.add_organisation(name, "forening") for name in ("Netto", "B1909", "Hjem")}
    for person, org in (("Aisha", "Netto"), ("Bo", "B1909"), ("Cem", "Hjem")):
        game.add_participant(person, ids[org])
    game.start_round("aftale")
    ids["first"] = game.agree("Vi deler lokaler", [], [ids["Netto"], ids["B1909"], ids["Hjem"]])
    ids["second"] = game.agree("Vi hjælper med lektier", [], [ids["Netto"], ids["Hjem"]])
    return game, ids


async def test_dissent_names_the_highlighted_value_and_lands_on_it(
        clock: FakeClock, tmp_path: Path) -> None:
    game, ids = agreement_game(tmp_path / "d.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "down")  # the second agreed value
        await keys(pilot, "u")
        chosen = app.screen.query_one("#field-agreed", Select)
        assert chosen.value == ids["second"]  # the dialog names the value it records against
        await keys(pilot, "tab", "enter", "down", "down", "enter", "tab")  # org: Hjem
        await type_text(pilot, "Ikke om aftenen")
        await keys(pilot, "enter")
        dissent = next(iter(game.state.dissents.values()))
        assert (dissent.agreed, dissent.org, dissent.text) == (
            ids["second"], ids["Hjem"], "Ikke om aftenen")
        # Hjem stood behind it, and no longer does; the screen says so.
        assert game.state.agreed[ids["second"]].orgs == [ids["Netto"]]
        assert game.state.agreed[ids["first"]].orgs == [ids["Netto"], ids["B1909"], ids["Hjem"]]
        # The dissent is a line of its own under its value: enter on it moves it.
        agreed_list = app.screen.query_one("#agreed", OptionList)
        rows = [agreed_list.get_option_at_index(i).id for i in range(agreed_list.option_count)]
        assert rows == [ids["first"], ids["second"], dissent.id]
        agreed_list.focus()
        agreed_list.highlighted = 2
        await keys(pilot, "enter")
        app.screen.query_one("#field-agreed", Select).value = ids["first"]  # move it
        await pilot.click("#ok")
        await pilot.pause()
        assert game.state.dissents[dissent.id].agreed == ids["first"]
        assert ids["Hjem"] not in game.state.agreed[ids["first"]].orgs
        await keys(pilot, "ctrl+q")
    kinds = [event["type"] for event in read(game.log.path).events]
    assert kinds[-2:] == ["dissent_added", "item_edited"]
    # The line the partners sign: the dissent under the value it was moved to.
    page = agreement_page(game)
    assert ("1. Vi deler lokaler Står bag: Netto, B1909 Uenig: Hjem: Ikke om aftenen "
            "2. Vi hjælper med lektier Står bag: Netto") in page, page


async def test_a_dissenting_organisation_cannot_be_ticked_as_a_backer(
        clock: FakeClock, tmp_path: Path) -> None:
    game, ids = agreement_game(tmp_path / "b.jsonl", clock)
    game.dissent(ids["first"], ids["B1909"], "For dyrt")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "enter")  # edit the first agreed value
        backers = app.screen.query_one("#field-orgs")
        backers.focus()
        backers.select(ids["B1909"])  # tick the organisation that disagrees
        await pilot.click("#ok")
        await pilot.pause()
        # Refused, said in the dialog, which stays open with what was ticked.
        assert isinstance(app.screen, FormDialog)
        said = str(app.screen.query_one("#form-error", Label).render())
        assert "B1909 er uenig i denne værdi" in said
        assert ids["B1909"] in app.screen.query_one("#field-orgs").selected
        assert ids["B1909"] not in game.state.agreed[ids["first"]].orgs
        await keys(pilot, "escape")
        assert isinstance(app.screen, RoundScreen)
    page = agreement_page(game)
    assert "1. Vi deler lokaler Står bag: Netto, Hjem Uenig: B1909: For dyrt" in page, page


async def test_enter_on_a_picked_card_changes_its_reason(clock: FakeClock,
                                                         tmp_path: Path) -> None:
    game = netto_game(tmp_path / "r.jsonl", clock, "det-giver-vi")
    netto = next(iter(game.state.organisations))
    pick = game.pick(netto, "lokaler", reason="Baglokalet")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        cards = app.screen.query_one("#cards", OptionList)
        cards.focus()
        cards.highlighted = [cards.get_option_at_index(i).id
                             for i in range(cards.option_count)].index("lokaler")
        await keys(pilot, "enter")
        reason = app.screen.query_one("#field-reason")
        assert reason.value == "Baglokalet"  # the reason given, ready to change
        reason.value = ""
        await type_text(pilot, "Baglokalet og køkkenet")
        await keys(pilot, "enter")
    assert game.state.picks[pick].reason == "Baglokalet og køkkenet"
    assert len(game.state.picks) == 1  # changed, not picked twice
    last = read(game.log.path).events[-1]
    assert (last["type"], last["field"], last["value"]) == (
        "item_edited", "reason", "Baglokalet og køkkenet")
    assert "Lokaler Ting, tid og penge Baglokalet og køkkenet" in " ".join(pdf_pages(game))


async def test_undo_never_shows_a_handed_in_secret_ballot(clock: FakeClock,
                                                          tmp_path: Path) -> None:
    game = netto_game(tmp_path / "s.jsonl", clock, "det-giver-vi", ("Aisha", "Bo"))
    netto = next(iter(game.state.organisations))
    game.pick(netto, "lokaler")
    game.pick(netto, "frivillige")
    game.start_round("afstemning")  # a secret vote
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "plus", "plus", "d")  # Aisha's two dots, handed in
        assert "Det er Bos tur til at stemme" in screen_text(app)
        await keys(pilot, "ctrl+z")
        assert "Det er Bos tur til at stemme" in screen_text(app)  # still Bo's turn
        assert any("hemmelig afstemning kan ikke fortrydes" in str(n.message)
                   for n in app._notifications)
    aisha = game.state.order[0]
    assert game.state.rounds["afstemning"].voted == [aisha]
    assert "undo" not in [event["type"] for event in read(game.log.path).events]


async def test_the_last_step_finishes_and_a_finished_workshop_opens_on_its_summary(
        clock: FakeClock, tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    game = netto_game(path, clock, "aftale")
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "f6")  # the last round: asks once
        await keys(pilot, "escape")  # not yet
        assert not game.state.ended and isinstance(app.screen, RoundScreen)
        clock.advance(600)
        await keys(pilot, "f6", "enter")
        assert game.state.ended and isinstance(app.screen, SummaryScreen)
        assert game.state.ended_at == "2026-11-22T09:10:00.000Z"
        await keys(pilot, "ctrl+q")
    assert "Forløb Afsluttet 22. november 2026 kl." in pdf_pages(game)[0]
    game.close()
    again = Game.open(path, clock=clock)
    app = VaerdispilApp(DECK, "da", game=again, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SummaryScreen)  # opens on its summary
        await keys(pilot, "ctrl+z")  # undo still works: the workshop is open again
        assert not again.state.ended
        await keys(pilot, "escape")
        assert isinstance(app.screen, RoundScreen)
        await keys(pilot, "ctrl+q")
    again.close()


async def test_a_late_organisation_is_not_called_one_sided(clock: FakeClock,
                                                           tmp_path: Path) -> None:
    from textual.widgets import Input

    game = netto_game(tmp_path / "l.jsonl", clock, "det-giver-vi")
    netto = next(iter(game.state.organisations))
    game.pick(netto, "lokaler")
    game.start_round("det-faar-vi")  # the give round is over when the library arrives
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "f2")
        await pilot.click("#ctl-person")  # a late participant, from a new organisation
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "Lise"
        app.screen.query_one("#field-new_org", Input).value = "Biblioteket"
        await pilot.click("#ok")
        await pilot.pause()
        library = next(o.id for o in game.state.organisations.values()
                       if o.name == "Biblioteket")
        game.pick(library, "frivillige")
        await keys(pilot, "ctrl+q")
    text = " ".join(pdf_pages(game))
    assert "Valgte kun, hvad de giver: Netto" in text  # Netto was there to say what it gets
    assert "Biblioteket" in text and "Valgte kun, hvad de får" not in text  # not branded


async def test_an_action_with_a_danish_date_and_a_wrong_one_keeps_what_was_typed(
        clock: FakeClock, tmp_path: Path) -> None:
    from textual.widgets import Input

    game, ids = agreement_game(tmp_path / "a.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await keys(pilot, "h")
        await type_text(pilot, "Lav en nøgleaftale")
        dialog = app.screen
        dialog.query_one("#field-person", Input).value = "Aisha"
        dialog.query_one("#field-due", Input).value = "31-9-2027"  # no such day
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is dialog  # still open, nothing lost
        said = str(dialog.query_one("#form-error", Label).render())
        assert "'31-9-2027' er ikke en dato" in said
        assert dialog.query_one("#field-what", Input).value == "Lav en nøgleaftale"
        assert not game.state.actions
        dialog.query_one("#field-due", Input).value = "1.10.2027"  # as Danes write it
        await click_ok_again(pilot, dialog)
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    action = next(iter(game.state.actions.values()))
    assert (action.what, action.person, action.due) == (
        "Lav en nøgleaftale", "Aisha", "2027-10-01")


async def test_a_late_arrival_without_a_name_keeps_the_dialog_and_adds_nothing(
        clock: FakeClock, tmp_path: Path) -> None:
    from textual.widgets import Input

    game = netto_game(tmp_path / "n.jsonl", clock, "det-faar-vi")
    before = (len(game.state.organisations), len(game.state.participants))
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.add_participant_dialog()
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-new_org", Input).value = "Biblioteket"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is dialog  # the name is missing: said, and nothing is added
        assert str(dialog.query_one("#form-error", Label).render())
        assert (len(game.state.organisations), len(game.state.participants)) == before
        dialog.query_one("#field-name", Input).value = "Lise"
        await click_ok_again(pilot, dialog)
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)
    names = {p.name: game.state.organisations[p.org].name
             for p in game.state.participants.values()}
    assert names["Lise"] == "Biblioteket"
