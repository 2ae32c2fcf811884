"""Set-up in a minute: organisations and people typed (or pasted) a line each, partners
remembered from earlier workshops, fields in reading order, an estimate that only grows,
and a file named after the workshop."""

from __future__ import annotations

from pathlib import Path

from textual.events import Paste
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from tests.conftest import CARDS, FakeClock
from vaerdispil.deck.loader import load_deck
from vaerdispil.game.estimate import estimate_minutes
from vaerdispil.game.roster import RosterLine, RosterProblem, guess_type, parse
from vaerdispil.partners import known, partners_path
from vaerdispil.session.log import read
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.screens.round import RoundScreen
from vaerdispil.tui.screens.setup import SetupScreen
from vaerdispil.tui.widgets.roster import RosterBox

DECK = load_deck(CARDS / "vaerdispil.da.yaml")

# Six organisations, eight people, as a facilitator would type them from the invitation.
LINES = [
    ("Aarhus Kommune", ":", "Mette", ",", "Jonas"),
    ("Boligforeningen Ringgården", ":", "Lise"),
    ("Netto", "(v)", ":", "Ali"),
    ("Beboerforeningen", ":", "Hamid", ",", "Sara"),
    ("Skovvangskolen", ":", "Tina"),
    ("FC Gellerup", ":", "Emil"),
]
SEPARATORS = {":", ",", "(v)"}


def preview(app: VaerdispilApp) -> str:
    return str(app.screen.query_one("#roster-preview", Static).render())


async def type_keys(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


async def test_six_organisations_and_eight_people_in_25_keys(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    counted = 0  # keys beyond the characters of the names themselves
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # "Nyt værksted"
        await pilot.press("f3")  # to the list box
        counted += 2
        box = app.screen.query_one(RosterBox)
        for parts in LINES:
            for part in parts:
                if part in SEPARATORS:  # pressed, and counted
                    await type_keys(pilot, part)
                    counted += len(part)
                else:  # the names themselves: typed in one go (they are not counted)
                    box.insert(part)
            await pilot.press("enter")
            counted += 1
        await pilot.pause()
        game = app.game
        assert game is not None
        state = game.state
        assert [(o.name, o.type) for o in state.active_organisations()] == [
            ("Aarhus Kommune", "kommune"), ("Boligforeningen Ringgården", "boligorganisation"),
            ("Netto", "virksomhed"), ("Beboerforeningen", "beboere"),
            ("Skovvangskolen", "institution"), ("FC Gellerup", "forening")]
        people = [(p.name, state.organisations[p.org].name) for p in state.active_participants()]
        assert people == [("Mette", "Aarhus Kommune"), ("Jonas", "Aarhus Kommune"),
                          ("Lise", "Boligforeningen Ringgården"), ("Ali", "Netto"),
                          ("Hamid", "Beboerforeningen"), ("Sara", "Beboerforeningen"),
                          ("Tina", "Skovvangskolen"), ("Emil", "FC Gellerup")]
        assert counted <= 25, counted
        assert app.screen.query_one(RosterBox).text == ""
        assert "Tilføjet: 1 organisation og 1 deltager." in preview(app)
        await pilot.press("f6")
        assert isinstance(app.screen, RoundScreen)
    # The organisations (not the people) are remembered for the next workshop.
    remembered = partners_path().read_text(encoding="utf-8")
    assert "Netto (virksomhed)" in remembered and "Aarhus Kommune (kommune)" in remembered
    assert "Mette" not in remembered and "Ali" not in remembered


async def test_a_pasted_list_adds_every_good_line_and_keeps_the_bad_one(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3")
        box = app.screen.query_one(RosterBox)
        # As copied from an e-mail, and from a spreadsheet (cells separated by tabs).
        app.post_message(Paste("Aarhus Kommune: Mette, Jonas\nB1909 (b): Bo\n"
                               "Netto\tAli\tSara\n"))
        await pilot.pause()
        assert "Tilføjes" in preview(app) and "Linje 2" in preview(app)
        await pilot.press("enter")
        await pilot.pause()
        state = app.game.state  # type: ignore[union-attr]
        assert [o.name for o in state.active_organisations()] == ["Aarhus Kommune", "Netto"]
        assert [p.name for p in state.active_participants()] == ["Mette", "Jonas", "Ali", "Sara"]
        # The line that could not be added is still there, with what is wrong beside it.
        assert box.text == "B1909 (b): Bo"
        assert "»b« kan være flere typer" in preview(app)
        await pilot.press("end", *["backspace"] * 6)
        await type_keys(pilot, "beb): Bo")
        await pilot.press("enter")
        await pilot.pause()
        b1909 = [o for o in state.active_organisations() if o.name == "B1909"]
        assert b1909 and b1909[0].type == "beboere"
        assert box.text == ""


def test_a_spreadsheet_row_is_an_organisation_its_type_and_its_people() -> None:
    assert parse("Netto\tvirksomhed\tAli\tSara\nHuset\tIb\t\n", "da") == [
        RosterLine(1, "Netto", "virksomhed", True, ("Ali", "Sara")),
        RosterLine(2, "Huset", "andet", False, ("Ib",))]


async def test_known_partners_are_offered_as_the_name_is_typed(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    partners_path().parent.mkdir(parents=True, exist_ok=True)
    partners_path().write_text("Boligselskabet Sydvest (boligorganisation)\n", encoding="utf-8")
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3")
        await type_keys(pilot, "Bolig")
        await pilot.pause()
        assert "Boligselskabet Sydvest" in preview(app)
        assert "tidligere værksted" in preview(app)
        await pilot.press("right")  # takes the offer
        await type_keys(pilot, ":Per")
        await pilot.press("enter")
        await pilot.pause()
        state = app.game.state  # type: ignore[union-attr]
        org = state.active_organisations()[0]
        assert (org.name, org.type) == ("Boligselskabet Sydvest", "boligorganisation")
        # Typing the name of one at the table says the people will join it.
        await type_keys(pilot, "Bolig")
        await pilot.pause()
        assert "allerede ved bordet" in preview(app)
        await pilot.press("right")
        await type_keys(pilot, ":Ida")
        await pilot.press("enter")
        await pilot.pause()
        assert len(state.active_organisations()) == 1
        assert [p.name for p in state.active_participants()] == ["Per", "Ida"]


async def test_the_partner_list_is_edited_in_the_app(clock: FakeClock,
                                                     vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f4")
        await pilot.pause()
        area = app.screen.query_one("#field-partners")
        area.insert("Gellerup Bibliotek (institution)")  # type: ignore[attr-defined]
        app.screen.query_one("#ok", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert known(partners_path().read_text(encoding="utf-8")) == {
            "gellerup bibliotek": ("Gellerup Bibliotek", "institution")}
        await pilot.press("f3")
        await type_keys(pilot, "Gell")
        await pilot.pause()
        assert "Gellerup Bibliotek" in preview(app)


async def test_tab_goes_in_reading_order_and_start_comes_last(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter")
        order = []
        for _ in range(9):
            focused = app.screen.focused
            order.append(focused.id if focused else None)
            await pilot.press("tab")
        assert order[:5] == ["detail-title", "detail-place", "detail-date", "detail-facilitator",
                             "roster-box"]
        assert order.index("start-workshop") > order.index("person-list")
        # Enter in a detail goes on to the next field.
        app.screen.query_one("#detail-title", Input).focus()
        await pilot.press("enter")
        assert app.screen.focused is app.screen.query_one("#detail-place")


async def test_the_file_is_named_after_the_workshops_date_and_title(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter", "f3")
        await type_keys(pilot, "Netto:Ali")
        await pilot.press("enter")
        await pilot.pause()
        date = app.screen.query_one("#detail-date", Input)
        date.value = "1.10.2027"
        title = app.screen.query_one("#detail-title", Input)
        date.focus()
        await pilot.press("tab")
        title.value = "Vollsmose"
        title.focus()
        await pilot.press("tab")
        await pilot.pause()
        game = app.game
        assert game is not None
        assert game.log.path.name == "2027-10-01-vollsmose.jsonl"
        assert [p.name for p in (vaerdispil_home / "sessions").glob("*.jsonl")] == [
            "2027-10-01-vollsmose.jsonl"]
        assert game.state.details.date == "2027-10-01"
        await pilot.press("f6")
    recording = read(vaerdispil_home / "sessions" / "2027-10-01-vollsmose.jsonl")
    assert any(event["type"] == "round_started" for event in recording.events)


def test_the_estimate_only_grows_as_people_come() -> None:
    for orgs in range(0, 9):
        minutes = [estimate_minutes(DECK, people, orgs) for people in range(0, 30)]
        assert minutes == sorted(minutes)
    by_orgs = [estimate_minutes(DECK, 8, orgs) for orgs in range(0, 12)]
    assert by_orgs == sorted(by_orgs)


async def test_the_estimate_says_how_it_is_reckoned(clock: FakeClock,
                                                    vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter")
        text = str(app.screen.query_one("#estimate-how", Static).render())
        assert "3 min. pr. deltager i runde 1" in text
        assert "5 min. pr. organisation i runde 4" in text
        estimate = str(app.screen.query_one("#estimate", Static).render())
        assert "med 0 deltagere i 0 organisationer" in estimate


def test_types_are_read_from_the_line_or_the_name() -> None:
    lines = parse("Aarhus Kommune: Mette, Jonas\nNetto (virk): Ali\n\nB1909 (b): Bo\n"
                  "X (zz)\n: Per\nGellerup Bibliotek", "da")
    assert lines[0] == RosterLine(1, "Aarhus Kommune", "kommune", False, ("Mette", "Jonas"))
    assert lines[1] == RosterLine(2, "Netto", "virksomhed", True, ("Ali",))
    assert isinstance(lines[2], RosterProblem) and lines[2].number == 4
    assert "boligorganisation, beboere" in lines[2].message
    assert isinstance(lines[3], RosterProblem) and "ikke en type" in lines[3].message
    assert isinstance(lines[4], RosterProblem) and "navn" in lines[4].message
    assert lines[5] == RosterLine(7, "Gellerup Bibliotek", "institution", False, ())
    assert parse("Netto (business): Ali", "en")[0] == RosterLine(
        1, "Netto", "virksomhed", True, ("Ali",))
    # A partner's remembered type wins over what the name suggests.
    assert parse("Kvarterløftet: Ib", "da", {"kvarterløftet": "helhedsplan"})[0] == RosterLine(
        1, "Kvarterløftet", "helhedsplan", False, ("Ib",))
    assert [guess_type(name) for name in ("Strikkeklubben", "Brabrand Boligforening",
                                          "Beboerforeningen", "Hans Hansen ApS", "Café Hack")] == [
        "forening", "boligorganisation", "beboere", "virksomhed", "virksomhed"]


async def test_the_add_button_does_what_enter_does(clock: FakeClock,
                                                   vaerdispil_home: Path) -> None:
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("enter")
        app.screen.query_one(RosterBox).text = "Netto: Ali"
        app.screen.query_one("#roster-add", Button).press()
        await pilot.pause()
        assert [p.name for p in app.game.state.active_participants()] == ["Ali"]  # type: ignore[union-attr]


async def test_the_footer_keeps_the_keys_that_matter_most_at_80_columns(
        clock: FakeClock, tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    from tests.test_tui_workshop import netto_game

    game = netto_game(tmp_path / "f.jsonl", clock, people=("Aisha", "Bo"))
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = [(key.key, str(key.description)) for key in app.screen.query(FooterKey)]
        shown = {key for key, _ in keys}
        # Help (which lists every key), the turn's own keys and moving on; nothing cut
        # (packed: "key description" and a space).
        assert {"f1", "space", "enter", "p", "f6"} <= shown
        width = sum(len(app.get_key_display(b)) + len(b.description) + 2  # type: ignore[attr-defined]
                    for b in [binding for _, binding, *_ in app.screen.active_bindings.values()
                              if binding.key in shown and binding.show])
        assert width <= 80
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        wide = {key.key for key in app.screen.query(FooterKey)}
        assert {"f6", "f9", "f2"} <= wide and shown < wide


async def test_a_late_participant_is_not_put_in_the_first_organisation_by_default(
        clock: FakeClock, tmp_path: Path) -> None:
    from textual.widgets import Label, Select

    from tests.test_tui_workshop import netto_game

    game = netto_game(tmp_path / "late.jsonl", clock)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.add_participant_dialog()
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#field-org", Select).is_blank()
        dialog.query_one("#field-name", Input).value = "Lise"
        dialog.query_one("#ok", Button).press()  # neither an organisation nor a new one
        await pilot.pause()
        assert app.screen is dialog
        assert "Vælg en organisation" in str(dialog.query_one("#form-error", Label).render())
        dialog.query_one("#field-org", Select).value = next(iter(game.state.organisations))
        dialog.query_one("#field-new_org", Input).value = "Biblioteket"
        dialog.query_one("#ok", Button).press()  # both: which one is meant?
        await pilot.pause()
        assert "ikke begge" in str(dialog.query_one("#form-error", Label).render())
        assert [p.name for p in game.state.active_participants()] == ["Aisha"]
        assert dialog.query_one("#field-name", Input).value == "Lise"  # kept
        dialog.query_one("#field-new_org", Input).value = ""
        dialog.query_one("#ok", Button).press()
        await pilot.pause()
        assert [p.name for p in game.state.active_participants()] == ["Aisha", "Lise"]


async def test_a_partner_list_that_cannot_be_written_is_said_and_costs_nothing(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    partners_path().parent.mkdir(parents=True, exist_ok=True)
    partners_path().mkdir()  # a folder where the file should be: it cannot be written
    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3")
        await type_keys(pilot, "Netto:Ali")
        await pilot.press("enter", "f6")
        await pilot.pause()
        assert isinstance(app.screen, RoundScreen)  # the workshop goes on
        said = [n.message for n in app._notifications]  # noqa: SLF001
        assert any("partnere.txt" in message for message in said)


async def test_the_footer_shows_its_keys_before_the_app_has_the_focus(
        clock: FakeClock, vaerdispil_home: Path) -> None:
    """In the browser the page starts without the focus: the keys show all the same."""
    from textual.widgets._footer import FooterKey

    app = VaerdispilApp(DECK, "da", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.app_focus = False  # as the browser page starts
        app.push_screen(SetupScreen(app.deck))  # a new screen, its keys set while unfocused
        await pilot.pause()
        assert not app.app_focus
        keys = {key.key for key in app.screen.query(FooterKey)}
        assert {"f1", "f6", "f3"} <= keys
