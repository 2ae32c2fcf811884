"""`vaerdispil report`: counts across workshops, checked against sessions counted by hand."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from pypdf import PdfReader

from tests.conftest import CARDS, FakeClock, run_cli
from tests.test_pdf_cards import words
from vaerdispil.deck.loader import load_deck
from vaerdispil.outcome import Outcome, OrganisationOutcome, PickedValue, outcome
from vaerdispil.pdf.report import render_report, tally, to_csv
from vaerdispil.session.game import Game
from vaerdispil.session.store import new_session_path

DECK = load_deck(CARDS / "vaerdispil.da.yaml")
ENGLISH = load_deck(CARDS / "vaerdispil.en.yaml")
MONEY = "Ting, tid og penge"
PEOPLE = "Mennesker og job"
NETWORK = "Netværk og tillid"
OWN = "Egen værdi"


def gellerup(path: Path, clock: FakeClock) -> Game:
    """Netto gives rooms and money; the club gives volunteers and gets rooms; the
    municipality gives money and gets volunteers. Two shared values."""
    g = Game.new(path, DECK, seed=1, clock=clock, title="Gellerup", place="Gellerup",
                 date="2027-01-10")
    netto = g.add_organisation("Netto", "virksomhed")
    club = g.add_organisation("Klubben", "forening")
    town = g.add_organisation("Kommunen", "kommune")
    g.add_participant("Aisha", netto)
    g.next_round()
    g.next_round()  # give
    g.pick(netto, "lokaler")
    g.pick(netto, "penge")
    g.pick(club, "frivillige")
    g.pick(town, "penge")
    g.next_round()  # get
    g.pick(club, "lokaler")
    g.pick(town, "frivillige")
    g.agree("Vi deler lokaler", ["card:lokaler"], [netto, club])
    g.agree("Frivillige hjælper", ["card:frivillige", "card:penge"], [club, town])
    return g


def vollsmose(path: Path, clock: FakeClock) -> Game:
    """Fakta gives rooms and gets trust; the school gives its own value (homework help)
    and gets rooms and volunteers. One shared value, grown from the school's own."""
    g = Game.new(path, DECK, seed=2, clock=clock, title="Vollsmose", place="Vollsmose",
                 date="2027-02-01")
    fakta = g.add_organisation("Fakta", "virksomhed")
    school = g.add_organisation("Skolen", "institution")
    g.add_participant("Bo", fakta)
    g.next_round()
    g.next_round()  # give
    g.pick(fakta, "lokaler")
    own = g.pick(school, "blank-1", text="Lektiehjælp")
    g.next_round()  # get
    g.pick(fakta, "tillid")
    g.pick(school, "lokaler")
    g.pick(school, "frivillige")
    g.agree("Lektiehjælp i Fakta", [f"own:{own}"], [fakta, school])
    g.add_action("Find et lokale", fakta, "Bo", "2027-03-01")
    return g


def quiet(path: Path, clock: FakeClock) -> Game:
    """Residents came; nothing was picked."""
    g = Game.new(path, DECK, seed=3, clock=clock, title="Stille", place="Skovparken",
                 date="2027-03-01")
    g.add_organisation("Beboerne", "beboere")
    return g


WORKSHOPS = (gellerup, vollsmose, quiet)

LONG_OWN = ("Lektiehjælp og madklub for alle børnene i bebyggelsen hver onsdag eftermiddag "
            "efter skoletid")


def aarhus(path: Path, clock: FakeClock) -> Game:
    """An English workshop with the same deck's English twin: Lidl gives premises (the
    Danish 'Lokaler'), its own 'lektiehjælp' (Vollsmose's own words, in other case) and a
    long own value; the school gets premises and its own 'Money' (the words of a card)."""
    g = Game.new(path, ENGLISH, seed=4, clock=clock, title="Aarhus East", place="Aarhus",
                 date="2027-04-01")
    lidl = g.add_organisation("Lidl", "virksomhed")
    school = g.add_organisation("School", "institution")
    g.add_participant("Sam", lidl)
    g.next_round()
    g.next_round()  # give
    g.pick(lidl, "lokaler")
    g.pick(lidl, "blank-1", text="lektiehjælp")
    g.pick(lidl, "blank-2", text=LONG_OWN)
    g.next_round()  # get
    g.pick(school, "lokaler")
    g.pick(school, "blank-3", text="Money")
    g.agree("Shared premises", ["card:lokaler"], [lidl, school])
    return g


@pytest.fixture
def english(tmp_path: Path, clock: FakeClock) -> Outcome:
    with mock.patch("os.fsync"):
        game = aarhus(tmp_path / "aarhus.jsonl", clock)
        found = outcome(game.state, game.deck)
        game.close()
    return found


@pytest.fixture
def saved(vaerdispil_home: Path, clock: FakeClock) -> list[Path]:
    paths = []
    with mock.patch("os.fsync"):
        for build in WORKSHOPS:
            path = new_session_path(build.__name__, "2027-01-01")
            build(path, clock).close()
            paths.append(path)
    return paths


@pytest.fixture
def outcomes(tmp_path: Path, clock: FakeClock) -> list:  # type: ignore[type-arg]
    found = []
    with mock.patch("os.fsync"):
        for build in WORKSHOPS:
            game = build(tmp_path / f"{build.__name__}.jsonl", clock)
            found.append(outcome(game.state, game.deck))
            game.close()
    return found


def test_values_are_counted_by_hand(outcomes: list) -> None:  # type: ignore[type-arg]
    report = tally(outcomes)
    assert [(c.name, c.category, c.gives, c.gets, c.picks, c.agreed, len(c.workshops))
            for c in report.values] == [
        ("Lokaler", MONEY, 2, 2, 4, 1, 2),
        ("Frivillige", PEOPLE, 1, 2, 3, 1, 2),
        ("Penge", MONEY, 2, 0, 2, 1, 1),
        ("Lektiehjælp", OWN, 1, 0, 1, 1, 1),
        ("Tillid", NETWORK, 0, 1, 1, 0, 1),
    ]


def test_categories_are_counted_by_hand(outcomes: list) -> None:  # type: ignore[type-arg]
    report = tally(outcomes)
    assert [(c.name, c.gives, c.gets, c.picks, c.agreed, len(c.workshops))
            for c in report.categories] == [
        (MONEY, 4, 2, 6, 2, 2),
        (PEOPLE, 1, 2, 3, 1, 2),
        (OWN, 1, 0, 1, 1, 1),
        (NETWORK, 0, 1, 1, 0, 1),
    ]


def test_give_and_get_per_kind_of_organisation(outcomes: list) -> None:  # type: ignore[type-arg]
    report = tally(outcomes)
    assert [(c.name, c.organisations, c.gives, c.gets, c.only_gives, c.only_gets,
             len(c.workshops)) for c in report.types] == [
        ("virksomhed", 2, 3, 1, 1, 0, 2),
        ("beboere", 1, 0, 0, 0, 0, 1),
        ("forening", 1, 1, 1, 0, 0, 1),
        ("institution", 1, 1, 2, 0, 0, 1),
        ("kommune", 1, 1, 1, 0, 0, 1),
    ]
    assert [(w.title, w.organisations, w.picks, w.agreed, w.actions)
            for w in report.workshops] == [("Gellerup", 3, 6, 2, 0), ("Vollsmose", 2, 5, 1, 1),
                                           ("Stille", 1, 0, 0, 0)]


def test_nothing_to_count(outcomes: list) -> None:  # type: ignore[type-arg]
    report = tally(outcomes[2:])
    assert report.values == [] and report.categories == []
    rendered = render_report(report)
    text = words(" ".join(page.extract_text() for page in PdfReader(
        io.BytesIO(rendered.data)).pages))
    assert "Værdispillet: rapport over ét værksted" in text
    assert "Ingen værdier valgt endnu." in text and "Side 1 af 1" in text


def test_one_of_a_kind_is_said_in_the_singular(
        outcomes: list) -> None:  # type: ignore[type-arg]
    netto = OrganisationOutcome("Netto", "virksomhed", [], gives=[
        PickedValue("Det giver vi", "give", "Penge", MONEY, "", "penge")], balance="only_gives")
    one = replace(outcomes[0], organisations=[netto], agreements=[])
    for language, expected in (("da", ["Værdispillet: rapport over ét værksted",
                                       "Den ene værdi, der blev valgt"]),
                               ("en", ["Værdispillet: report on one workshop",
                                       "The one value picked", "Money"])):
        pdf = words(" ".join(page.extract_text() for page in PdfReader(
            io.BytesIO(render_report(tally([one], language)).data)).pages))
        for text in expected:
            assert text in pdf, text
        assert not re.search(r"\b1 (værksteder|workshops|værdier|values)\b", pdf)


def test_csv_rows_hold_the_counts(outcomes: list) -> None:  # type: ignore[type-arg]
    rows = list(csv.DictReader(io.StringIO(to_csv(tally(outcomes)))))
    by = {(row["table"], row["name"]): row for row in rows}
    assert [row["table"] for row in rows].count("workshop") == 3
    assert {k: by[("value", "Lokaler")][k] for k in (
        "category", "gives", "gets", "picks", "agreed", "workshops", "organisations")} == {
        "category": MONEY, "gives": "2", "gets": "2", "picks": "4", "agreed": "1",
        "workshops": "2", "organisations": ""}
    assert (by[("value", "Lektiehjælp")]["category"], by[("value", "Lektiehjælp")]["card"]) == (
        OWN, "")
    assert by[("value", "Lokaler")]["card"] == "lokaler"
    assert by[("category", OWN)]["picks"] == "1"
    assert {row["language"] for row in rows if row["table"] in ("value", "category")} == {"da"}
    assert by[("category", MONEY)]["picks"] == "6"
    virksomhed = by[("org_type", "virksomhed")]
    assert (virksomhed["organisations"], virksomhed["gives"], virksomhed["gets"],
            virksomhed["only_gives"], virksomhed["only_gets"]) == ("2", "3", "1", "1", "0")
    assert by[("workshop", "Vollsmose")]["date"] == "2027-02-01"
    assert by[("workshop", "Vollsmose")]["actions"] == "1"


def test_report_pdf_has_tables_charts_and_page_numbers(
        outcomes: list) -> None:  # type: ignore[type-arg]
    rendered = render_report(tally(outcomes))
    reader = PdfReader(io.BytesIO(rendered.data))
    pages = [page.extract_text() for page in reader.pages]
    text = words(" ".join(pages))
    for expected in ["Værdispillet på tværs af 3 værksteder", "Gellerup Gellerup 10. januar 2027",
                     "Værdierne", "Kategorierne", "Giver og får pr. type organisation",
                     "Lokaler Ting, tid og penge 2 2 4 1 2", "Lektiehjælp Egen værdi 1 0 1 1 1",
                     "Virksomhed 2 3 1 1,5 0,5 1 0", "Giver Får Aftalt",
                     "Lektiehjælp (egen værdi)"]:
        assert expected in text, expected
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} af {len(pages)}" in page
    assert reader.metadata.title == "Værdispillet på tværs af 3 værksteder"
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert render_report(tally(outcomes)).data == rendered.data  # same input, same bytes


def test_a_card_from_a_danish_and_an_english_workshop_is_one_value(
        outcomes: list, english: Outcome) -> None:  # type: ignore[type-arg]
    report = tally(outcomes + [english])  # in Danish: the first workshop's language
    rows = {(c.name, c.category): c for c in report.values}
    counted = {key: (c.gives, c.gets, c.agreed, len(c.workshops)) for key, c in rows.items()}
    # Gellerup and Vollsmose counted Lokaler 2 + 2 (agreed once); Aarhus adds 1 + 1, agreed.
    assert counted[("Lokaler", MONEY)] == (3, 3, 2, 3)
    # The same own words (whatever their case) are one value; other own words are not a card.
    assert counted[("Lektiehjælp", OWN)] == (2, 0, 1, 2)
    assert counted[("Money", OWN)] == (0, 1, 0, 1) and counted[("Penge", MONEY)] == (2, 0, 1, 1)
    assert not [name for name, _ in rows if name in ("Premises", "lektiehjælp")]
    assert "Things, time and money" not in {c.name for c in report.categories}
    money = next(c for c in report.categories if c.name == MONEY)
    assert (money.gives, money.gets, len(money.workshops)) == (5, 3, 3)

    in_english = tally(outcomes + [english], "en")
    names = {c.name: (c.category, c.picks) for c in in_english.values}
    assert names["Premises"] == ("Things, time and money", 6) and "Lokaler" not in names
    assert names["Lektiehjælp"] == ("Own value", 2)
    pdf = words(" ".join(page.extract_text() for page in PdfReader(
        io.BytesIO(render_report(in_english).data)).pages))
    assert "The report is in English." in pdf
    assert "Premises Things, time and money 3 3 6 2 3" in pdf
    assert "Lektiehjælp Own value 2 0 2 1 2" in pdf
    rows_csv = list(csv.DictReader(io.StringIO(to_csv(in_english))))
    premises = next(row for row in rows_csv if row["name"] == "Premises")
    assert (premises["picks"], premises["card"], premises["language"]) == ("6", "lokaler", "en")
    assert [(row["category"], row["card"]) for row in rows_csv if row["name"] == "Money"] == [
        ("Things, time and money", "penge"), ("Own value", "")]
    assert {row["language"] for row in rows_csv if row["table"] == "workshop"} == {"da", "en"}


def test_only_gives_and_only_gets_follow_the_outcome(
        outcomes: list) -> None:  # type: ignore[type-arg]
    """An organisation that was not at the table when the other side was asked for has
    balance "" in the outcome: the report does not count it as giving (or getting) only."""
    late = OrganisationOutcome("Sent", "virksomhed", [], gives=[
        PickedValue("Det giver vi", "give", "Penge", MONEY, "", "penge")], balance="")
    only = OrganisationOutcome("Kun", "virksomhed", [], gets=[
        PickedValue("Det får vi", "get", "Penge", MONEY, "", "penge")], balance="only_gets")
    workshop = outcomes[0]
    report = tally([type(workshop)(**{**workshop.__dict__,
                                      "organisations": [late, only]})])
    kind = report.types[0]
    assert (kind.name, kind.organisations, kind.gives, kind.gets, kind.only_gives,
            kind.only_gets) == ("virksomhed", 2, 1, 1, 0, 1)


def page_lines(data: bytes) -> list[list[str]]:
    """Each page's lines of text, without the footer (the title and 'Side x af y')."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line and not re.search(
            r"(Side|Page) \d+ (af|of) \d+$", line)])
    return pages


def test_no_heading_is_left_alone_at_the_foot_of_a_page(
        outcomes: list, english: Outcome) -> None:  # type: ignore[type-arg]
    """With more and more values in the table the later headings land everywhere on the
    page: each is followed on its page by what it heads (a table's first rows, a chart)."""
    # pypdf gives each table cell and chart label a line of its own.
    heads = {"Værkstederne": ["Organisationer", "Gellerup"],
             "Værdierne": ["Lokaler", "Giver", "Aftalt"],
             "Kategorierne": ["Kategori", "Ting, tid og penge"],
             "Giver og får pr. type organisation": ["Institution", "Virksomhed"]}
    for extra in range(0, 42, 3):
        club = OrganisationOutcome("Klubben", "forening", [], gives=[
            PickedValue("Det giver vi", "give", f"Vores værdi nummer {number}", OWN, "")
            for number in range(extra)], balance="only_gives")
        more = replace(outcomes[1], title="Mere", organisations=[club])
        pages = page_lines(render_report(tally(outcomes + [english, more])).data)
        for heading, under in heads.items():
            found = [(number, lines.index(heading)) for number, lines in enumerate(pages)
                     if heading in lines]
            assert len(found) == 1, (extra, heading, found)
            number, at = found[0]
            after = pages[number][at + 1:]
            assert set(under) <= set(after), (extra, heading, number + 1, after)


def test_headers_and_chart_labels_are_whole_words(
        outcomes: list, english: Outcome) -> None:  # type: ignore[type-arg]
    for language, column, own in (("da", "Organisationer", "(egen værdi)"),
                                  ("en", "Organisations", "(own value)")):
        pages = page_lines(render_report(tally(outcomes + [english], language)).data)
        lines = [line for page in pages for line in page]
        assert any(column in line.split() for line in lines), column
        assert not [line for line in lines if "\u00ad" in line or re.search(r"\w-$", line)]
        # The long own value's chart label: whole words, an ellipsis, the marker whole.
        labels = [line for line in lines if line.endswith(f"… {own}")]
        assert len(labels) == 1, labels
        shown = labels[0].removesuffix(f"… {own}")
        assert LONG_OWN.startswith(shown) and LONG_OWN[len(shown)] == " ", shown
        assert len(shown.split()) >= 4  # the room for labels was used
        assert not [line for line in lines if re.search(r"\(\w+ \w*…", line)]
        assert words(" ".join(lines)).count(LONG_OWN) == 1  # whole in the table


def test_report_command_writes_pdf_and_csv(saved: list[Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    names = [path.stem for path in saved]
    code, out, err = run_cli(capsys, "report", *names)
    assert code == 0 and err == ""
    assert out.startswith("wrote vaerdispil-report.pdf: ") and out.endswith("(3 workshops)\n")
    assert PdfReader(tmp_path / "vaerdispil-report.pdf").pages
    code, out, err = run_cli(capsys, "report", *names, str(saved[0]), "-o", "counts.csv")
    assert code == 0
    assert err == f"vaerdispil: {saved[0]}: named more than once; counted once\n"
    assert out == "wrote counts.csv: 5 values, 4 categories, in Danish (3 workshops)\n"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "counts.csv").read_text("utf-8"))))
    assert next(r for r in rows if r["name"] == "Lokaler")["picks"] == "4"
    code, out, _ = run_cli(capsys, "--lang", "en", "report", names[0], "-o", "en.pdf")
    assert code == 0
    english = words(PdfReader(tmp_path / "en.pdf").pages[0].extract_text())
    assert "Værdispillet: report on one workshop" in english and "Page 1 of" in english
    assert "The report is in English." in english
    code, out, _ = run_cli(capsys, "report", names[1], "-o", "one.csv")
    assert out == "wrote one.csv: 4 values, 4 categories, in Danish (1 workshop)\n"
    code, out, _ = run_cli(capsys, "report", names[2], "-o", "one.pdf")
    assert out == "wrote one.pdf: 1 page, in Danish (1 workshop)\n"


def test_report_command_errors(saved: list[Path], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "report", str(saved[0]), "-o", str(tmp_path / "out.txt"))
    assert code == 2 and "-o must name a .pdf or .csv file" in err
    code, _, err = run_cli(capsys, "report")
    assert code == 2 and "SESSION" in err
    code, _, err = run_cli(capsys, "report", str(saved[0]), "missing")
    assert code == 1 and err.startswith("vaerdispil: missing: no such workshop file")
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(saved[0].read_text("utf-8") + "{oops\n{}\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "report", str(saved[0]), str(damaged))
    assert code == 1 and err.count("\n") == 1 and str(damaged) in err
    target = tmp_path / "no" / "r.csv"
    code, _, err = run_cli(capsys, "report", str(saved[0]), "-o", str(target))
    assert code == 1 and err.count("\n") == 1 and str(target) in err


def test_a_long_report_shows_its_progress_on_a_terminal_only(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Past a second of reading, a terminal gets one progress line, cleared at the end
    and before any warning; a pipe or a log gets none."""
    import sys

    from vaerdispil import report_commands

    moments = iter([0.0, 0.5, 1.5, 2.5, 3.5])
    monkeypatch.setattr(report_commands.time, "monotonic", lambda: next(moments))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = report_commands.Progress(3)
    progress.show(1)  # half a second in: nothing yet
    progress.show(2)
    progress.say("vaerdispil: a warning")
    progress.show(3)
    progress.done()
    err = capsys.readouterr().err
    assert err.count("reading workshops") == 2 and "2/3" in err and "3/3" in err
    assert "1/3" not in err
    assert "\r\033[K" + "vaerdispil: a warning\n" in err  # the line cleared first
    assert err.endswith("\r\033[K")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    moments = iter([0.0, 5.0])
    quiet = report_commands.Progress(1)
    quiet.show(1)
    quiet.done()
    assert capsys.readouterr().err == ""
