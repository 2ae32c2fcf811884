"""The session summary PDF: sections, agreed values and actions, page numbers, anonymity,
the chart, long texts that break across pages, every script, determinism, and the CLI."""

from __future__ import annotations

import io
import random
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab import rl_config

from tests.conftest import CARDS, FakeClock, run_cli
from tests.test_exports import complete_workshop, local_zone
from tests.test_pdf_cards import flat, words
from vaerdispil.deck.loader import load_deck
from vaerdispil.game import rules
from vaerdispil.outcome import Outcome, outcome
from vaerdispil.pdf.labels import labels_for
from vaerdispil.pdf.summary import REPLACEMENT, footer_text, render_summary
from vaerdispil.session.game import Game

DECK = load_deck(CARDS / "vaerdispil.da.yaml")
DECK_EN = load_deck(CARDS / "vaerdispil.en.yaml")
DA = labels_for("da")
EN = labels_for("en")

# -- fixture workshops ------------------------------------------------------------------

PEOPLE = ["Søren Ærø", "Åse Østergård", "Gülşen Yılmaz", "İsmail Çağlar", "Ayşe Doğan",
          "Cabdiraxmaan Xasan", "Faadumo Cali", "Maxamed Ciise", "Hodan Warsame",
          "Ifrah Guuleed", "Mette Frederiksen-Lund", "Jens Ørnbøl"]
"""Danish, Turkish and Somali names, none of them a word of the deck."""

WORDS = ["samarbejde", "beboere", "lokaler", "frivillige", "tillid", "netværk", "kommunen",
         "skolen", "biblioteket", "foreningen", "nøgle", "aftale", "tirsdag", "weekend",
         "børn", "unge", "ældre", "job", "praktik", "viden", "læring", "medborgerhus",
         "helhedsplan", "økonomi", "tid", "kaffe", "fællesspisning", "fodbold", "lektiecafé"]


def _text(rng: random.Random, length: int) -> str:
    out: list[str] = []
    while sum(len(word) + 1 for word in out) < length:
        out.append(rng.choice(WORDS))
    return " ".join(out)[:length].strip()


def _play_round(g: Game, rng: random.Random, notes: int, long_every: int) -> None:
    """Notes in the current round, some of them as long as a note may be."""
    for number in range(notes):
        length = 2000 if number % long_every == 0 else rng.randint(40, 360)
        ending = "?" if number % 17 == 3 else "."
        g.note(_text(rng, length - 1) + ending)


def huge_workshop(path: Path, clock: FakeClock) -> Game:
    """50 organisations, 100 participants, 500 notes, and texts at the 2,000-character limit.

    Events are written without fsync (the test and the benchmark patch it out).
    """
    rng = random.Random(11)
    g = Game.new(path, DECK, seed=5, clock=clock, title="Stort værksted i Gellerup " * 3,
                 place="Gellerup", date="2027-02-01", facilitator="Karen Facilitator")
    orgs = []
    types = ["helhedsplan", "kommune", "boligorganisation", "forening", "virksomhed",
             "institution", "beboere", "andet"]
    for number in range(50):
        name = f"Organisation {number + 1:02d} " + _text(rng, rng.choice((10, 40, 90)))
        if number == 7:
            name = "Meget langt navn " + _text(rng, 1500)
        orgs.append(g.add_organisation(name, types[number % len(types)]))
    people = []
    for number, org in enumerate(orgs):
        for index in range(2):
            first, last = PEOPLE[(2 * number + index) % len(PEOPLE)].split(" ", 1)
            people.append(g.add_participant(f"{first} {last} {number}-{index}", org))
    g.next_round()  # turns per participant
    round_ = DECK.rounds[0]
    for number in range(len(people)):
        g.draw()
        g.end_turn("passed" if number % 9 == 4 else "answered")
    _play_round(g, rng, 100, 25)
    for side, round_index in (("give", 1), ("get", 2)):
        g.next_round()
        round_ = DECK.rounds[round_index]
        cards = [card for card in rules.round_cards(DECK, round_) if card.kind.value == "value"]
        for number, org in enumerate(orgs):
            if (side == "give" and number % 10 == 9) or (side == "get" and number % 10 == 8):
                continue  # one-sided partners
            for card in rng.sample(cards, 3):
                reason = _text(rng, 2000 if number == 3 else rng.randint(0, 200))
                g.pick(org, card.id, reason=reason)
        _play_round(g, rng, 100, 25)
    g.next_round()  # dialogue per organisation
    for _ in orgs:
        g.choose("hvad-koster-det")
        g.end_turn()
    _play_round(g, rng, 100, 25)
    g.next_round()  # secret vote
    values = [value.key for value in rules.picked_values(g.state, DECK)]
    for person in people:
        g.vote(person, rng.choice(values), 3)
        g.finish_vote(person)
    _play_round(g, rng, 50, 25)
    g.next_round()  # agreement
    for number in range(30):
        text = (f"Fælles værdi {number + 1}: " + _text(rng, 2000 if number == 2 else 120))[:2000]
        agreed = g.agree(text, rng.sample(values, 2), rng.sample(orgs, 6))
        if number % 5 == 0:
            g.dissent(agreed, rng.choice(orgs), _text(rng, 300))
    for number in range(80):
        what = (f"Handling {number + 1}: " + _text(rng, 2000 if number == 5 else 150))[:2000]
        g.add_action(what, rng.choice(orgs), f"{PEOPLE[number % len(PEOPLE)]}",
                     f"2027-{number % 12 + 1:02d}-{number % 27 + 1:02d}")
    _play_round(g, rng, 50, 25)
    g.note("http://example.org/" + "a" * 400)  # one word wider than any column
    g.set_follow_up("2027-06-01")
    g.end_session()
    return g


def multilingual_workshop(path: Path, clock: FakeClock) -> Game:
    """Danish, Turkish and Somali names and texts, with markup characters in every field."""
    g = Game.new(path, DECK, seed=9, clock=clock, title="Møde i Ørstedparken <b>&</b> co",
                 place="Århus Vest", date="2027-04-09", facilitator="Åse Østergård")
    library = g.add_organisation("Bibliotek <i>Ørum</i> & \"venner\"", "institution")
    turkish = g.add_organisation("Türk Kültür Derneği", "forening")
    somali = g.add_organisation("Ururka Soomaalida ee Århus", "beboere")
    gulsen = g.add_participant("Gülşen Yılmaz", turkish)
    ismail = g.add_participant("İsmail Çağlar", turkish)
    faadumo = g.add_participant("Faadumo Cali Xasan", somali)
    soren = g.add_participant("Søren Ærø", library)
    g.next_round()
    for _ in range(4):
        g.draw()
        g.end_turn()
    g.note("Gülşen: \"Vi vil <b>gerne</b> låne salen\" & 'måske' &amp; mere", taker=gulsen)
    g.note("Işık, ğ, ş, ı, İ: birlikte çalışalım", taker=ismail)
    g.note("Waxaan rabnaa in aan wada shaqeyno, Faadumo ayaa sheegtay", taker=faadumo)
    g.note("Søren spurgte: hvem låser op <script>alert(1)</script>?", taker=soren)
    g.next_round()
    g.pick(library, "lokaler", reason="Fordi 5 < 7 & 'altid'")
    g.pick(turkish, "blank-1", text="Çay & <sohbet>", reason="Hver fredag")
    g.pick(somali, "sprog-og-kultur", reason="Af-Soomaali iyo dansk")
    g.next_round()
    g.pick(library, "nye-kontakter")
    g.pick(somali, "lokaler", reason="Plads til lektiecafé")
    g.next_round()
    for _ in range(3):
        g.choose("hvad-koster-det")
        g.end_turn("passed")
    g.next_round()
    for person in (gulsen, ismail, faadumo, soren):
        g.vote(person, "card:lokaler", 2)
        g.finish_vote(person)
    g.next_round()
    agreed = g.agree("Vi mødes hver <tirsdag> & deler \"nøglen\"", ["card:lokaler"],
                     [library, turkish, somali])
    g.dissent(agreed, turkish, "Ikke i ramadanen – <i>så</i> om aftenen")
    g.add_action("Book salen <b>i god tid</b> & send 'kalender'", library, "Søren Ærø",
                 "2027-05-01")
    g.add_action("Oversæt invitationen til af-Soomaali og Türkçe", somali, "Faadumo Cali Xasan")
    g.set_follow_up("2027-09-01")
    g.end_session()
    return g


def empty_workshop(path: Path, clock: FakeClock) -> Game:
    """A workshop that started but agreed on nothing: no picks, no votes, no actions."""
    g = Game.new(path, DECK, seed=1, clock=clock, title="Tomt værksted", place="Gellerup",
                 date="2027-01-10", facilitator="Mette")
    org = g.add_organisation("Netto", "virksomhed")
    g.add_participant("Aisha", org)
    g.next_round()
    return g


ORGANISATIONS = [("Helhedsplanen Vollsmose", "helhedsplan"), ("Odense Kommune", "kommune"),
                 ("Civica afdeling 15", "boligorganisation"), ("B1909", "forening"),
                 ("Netto Vollsmose", "virksomhed"), ("Vollsmose Bibliotek", "institution"),
                 ("Plejehjemmet Egeparken", "institution"), ("Beboerrådet", "beboere"),
                 ("Lektiecaféen", "forening"), ("Kulturmaskinen", "andet")]
VALUES = ["lokaler", "frivillige", "lokal-viden", "nye-kontakter", "penge", "tid-fra-ansatte",
          "synlighed", "godt-ry", "tillid", "praktik"]


def many_workshop(path: Path, clock: FakeClock) -> Game:
    """Ten organisations (a partnership as large as the game is made for), four agreed
    values with dissent, seven actions, and an eleventh organisation that came late."""
    g = Game.new(path, DECK, seed=7, clock=clock, title="Partnerskab i Vollsmose",
                 place="Vollsmose Kulturhus", date="2027-02-15", facilitator="Hanne Facilitator")
    orgs = [g.add_organisation(name, kind) for name, kind in ORGANISATIONS]
    people = [g.add_participant(f"{PEOPLE[i % len(PEOPLE)]}", org) for i, org in enumerate(orgs)]
    g.next_round()  # turns
    for number in range(len(people)):
        g.draw()
        clock.advance(60)
        g.end_turn("passed" if number == 3 else "answered")
    g.note("Vi skal huske at invitere skolen næste gang.")
    for side, offset in (("give", 0), ("get", 3)):
        g.next_round()
        if side == "get":
            late = g.add_organisation("Ungdomsklubben", "forening")  # came for the get round
            g.pick(late, "frivillige", reason="Voksne, der vil hjælpe til om aftenen")
        for number, org in enumerate(orgs):
            if side == "get" and number == 4:
                continue  # Netto picks only what it gives
            for card in (VALUES[(number + offset) % 10], VALUES[(number + offset + 5) % 10]):
                g.pick(org, card, reason="Det har vi brug for" if side == "get" else "")
    g.next_round()  # dialogue
    for _ in range(len(orgs) + 1):
        g.choose("hvad-koster-det")
        g.end_turn()
    g.next_round()  # secret vote
    for number, person in enumerate(people):
        g.vote(person, f"card:{VALUES[number % 4]}", 3)
        g.finish_vote(person)
    g.next_round()  # agreement
    texts = ["Vi deler lokaler og nøgler, så flere kan bruge husene om aftenen",
             "Vi sender frivillige videre til hinanden i stedet for at konkurrere om dem",
             "Vi mødes hvert kvartal og fortæller, hvad vi hver især har gang i",
             "Vi bruger beboernes viden, før vi sætter noget nyt i gang"]
    for number, text in enumerate(texts):
        agreed = g.agree(text, [f"card:{VALUES[number]}"], orgs)
        g.dissent(agreed, orgs[(number * 3 + 1) % 10],
                  f"Vi kan ikke love det før budgettet for {2027 + number} er vedtaget")
    for number in range(7):
        g.add_action(f"Handling {number + 1}: aftal næste skridt med {ORGANISATIONS[number][0]}",
                     orgs[number], PEOPLE[number], f"2027-0{number + 3}-01")
    g.set_follow_up("2027-09-15")
    g.end_session()
    return g


def one_of_each_workshop(path: Path, clock: FakeClock, deck=DECK) -> Game:  # type: ignore[no-untyped-def]
    """One organisation, one participant, one pick, one dot, one agreed value, one action."""
    g = Game.new(path, deck, seed=8, clock=clock, title="Lille møde", place="Bispehaven",
                 date="2027-05-03", facilitator="Karin")
    org = g.add_organisation("Netto", "virksomhed")
    person = g.add_participant("Aisha", org)
    for _ in range(2):
        g.next_round()
    g.pick(org, "lokaler")
    for _ in range(3):
        g.next_round()
    g.vote(person, "card:lokaler", 1)
    g.finish_vote(person)
    g.next_round()
    g.agree("Vi deler lokaler", ["card:lokaler"], [org])
    g.add_action("Lav en nøgleaftale", org, "Aisha", "2027-06-01")
    return g


def tie_workshop(path: Path, clock: FakeClock) -> Game:
    """Two values with the same number of dots, and one without any."""
    g = Game.new(path, DECK, seed=6, clock=clock, title="Uafgjort", date="2027-05-04")
    netto = g.add_organisation("Netto", "virksomhed")
    club = g.add_organisation("Klubben", "forening")
    aisha = g.add_participant("Aisha", netto)
    bo = g.add_participant("Bo", club)
    for _ in range(2):
        g.next_round()
    g.pick(netto, "lokaler")
    g.pick(club, "frivillige")
    g.pick(club, "lokal-viden")
    for _ in range(3):
        g.next_round()
    g.vote(aisha, "card:lokaler", 2)
    g.finish_vote(aisha)
    g.vote(bo, "card:frivillige", 2)
    g.finish_vote(bo)
    g.end_session()
    return g


def read_pdf(data: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


Placed = tuple[str, float, float, float, str]
"""A piece of text on a page: text, x, y, size in points, font name."""


def _without_footer(page: str) -> str:
    """A page's text up to its footer (drawn last: title and date, then 'Side x af y')."""
    lines = page.rstrip().splitlines()
    while lines and not re.search(r"(Side|Page) \d+ (af|of) \d+", lines[-1]):
        lines.pop()
    body = lines[:-1] if lines else []
    return "\n".join(body)


class Made:
    """A fixture workshop, its outcome, and its summary read back with pypdf."""

    def __init__(self, path: Path, result: Outcome, anonymous: bool = False) -> None:
        self.path = path
        self.result = result
        self.rendered = render_summary(result, anonymous=anonymous)
        self.reader = PdfReader(io.BytesIO(self.rendered.data))
        self.placed: list[list[Placed]] = []
        """Each page's pieces of text with their positions (one extraction serves both)."""
        self.pages = []
        for page in self.reader.pages:
            found: list[Placed] = []
            self.pages.append(page.extract_text(visitor_text=_collect(found)))
            self.placed.append(found)
        self.text = "\n".join(self.pages)
        self.flat = flat(self.text)
        self.body = flat("".join(_without_footer(page) for page in self.pages))
        """The text of every page without its footer, so texts that go on over a page
        break read as one."""

    def page_of(self, heading: str) -> int:
        """The index of the first page with a line that is exactly `heading`."""
        for index, page in enumerate(self.pages):
            if heading in (line.strip() for line in page.splitlines()):
                return index
        raise AssertionError(f"no page has the heading {heading!r}")


def make(tmp: Path, build, anonymous: bool = False) -> Made:  # type: ignore[no-untyped-def]
    path = tmp / "workshop.jsonl"
    with mock.patch("os.fsync"):
        game = build(path, FakeClock())
    result = outcome(game.state, game.deck)
    game.close()
    return Made(path, result, anonymous)


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return make(tmp_path_factory.mktemp("complete"), complete_workshop)


@pytest.fixture(scope="module")
def anonymous(complete: Made) -> Made:
    return Made(complete.path, complete.result, anonymous=True)


@pytest.fixture(scope="module")
def multilingual(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return make(tmp_path_factory.mktemp("multilingual"), multilingual_workshop)


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return make(tmp_path_factory.mktemp("huge"), huge_workshop)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return make(tmp_path_factory.mktemp("many"), many_workshop)


SECTIONS = ["overview.heading", "map.heading", "votes.heading", "rounds.heading",
            "actions.heading", "open.heading", "agreement.heading"]


# -- contents ---------------------------------------------------------------------------


def test_every_section_is_there_in_order(complete: Made) -> None:
    pages = [complete.page_of(DA[key]) for key in SECTIONS]
    assert pages == sorted(pages) and pages[0] == 0  # the overview follows the cover
    assert pages[-1] > pages[-2]  # the agreement starts a page of its own
    cover = words(complete.pages[0])
    for expected in ["Opsamling af værkstedet", "Værksted i Vollsmose", "Sted Vollsmose",
                     "Dato 22. november 2026", "Facilitator Mette",
                     "Værdispillet, version 1.0", "3 deltagere fra 3 organisationer",
                     "B1909 | *fodbold*"]:
        assert expected in cover, expected
    # When it was finished (09:04:30 UTC, so 22 November in every time zone of Europe).
    assert re.search(r"Forløb Afsluttet 22\. november 2026 kl\. \d{1,2}\.\d\d efter 6 af 6 "
                     r"runder", cover)
    assert "Ikke afsluttet" not in complete.text
    outline = [(item.title, complete.reader.get_destination_page_number(item))
               for item in complete.reader.outline]
    assert outline == [(DA[key], page) for key, page in zip(SECTIONS, pages)]


def test_the_overview_has_the_agreed_values_in_the_groups_words(complete: Made) -> None:
    page = words(complete.pages[complete.page_of(DA["overview.heading"])])
    for agreed in complete.result.agreements:
        assert agreed.text in page
    assert "Vi låner hinandens lokaler" not in complete.text  # only the latest wording
    assert "Står bag: Netto, B1909 | *fodbold* Bygger på" in page  # not the one that disagrees
    assert "Uenig: Plejehjemmet" in page
    assert "Vi mødes igen og følger op 1. marts 2027." in page
    assert "3 5 1 2" in page  # organisations, picks, agreed values, actions
    assert "organisationer valgte værdikort fælles værdi handlinger" in page  # 1 fælles værdi
    assert "Flest prikker: Lokaler (6 prikker)" in page  # the leader, not the runner-up


def test_every_action_has_a_box_to_tick(complete: Made) -> None:
    page = words(complete.pages[complete.page_of(DA["actions.heading"])])
    assert "Gjort Hvad Hvem Senest" in page
    assert "☐ Lav en nøgleaftale Netto Aisha 15. december 2026" in page
    assert "☐ Find to frivillige B1909 | *fodbold* Bo 31. januar 2027" in page


def test_the_value_map_counts_and_names_the_one_sided(complete: Made) -> None:
    page = complete.pages[complete.page_of(DA["map.heading"])]
    text = words(page)
    # Two tables of five and four categories; cells are read row by row, empty ones give
    # nothing.
    first, second = text.split("Organisation", 2)[1:]
    assert ("Netto valgte kun, hvad de giver 1 1 0 B1909 | *fodbold* 1 1 1 Plejehjemmet "
            "1 1 1") in first
    assert "Netto valgte kun, hvad de giver 1 0 B1909 | *fodbold* 1 1 1 Plejehjemmet 1 1 1" \
        in second
    assert "Valgte kun, hvad de giver: Netto." in text
    assert "⚠" not in text and "får intet" not in text
    for category in complete.result.categories:
        assert flat(category) in flat(page)
    assert "Egen værdi" in page  # the club's own value has a column of its own


def test_the_vote_is_a_bar_chart_with_numbers(complete: Made) -> None:
    index = complete.page_of(DA["votes.heading"])
    page = complete.reader.pages[index]
    text = words(complete.pages[index])
    assert "Prikker pr. værdi (9 prikker i alt)." in text
    placed = [(piece, x, y) for piece, x, y, _, _ in placed_text(page)]
    for value, dots in (("Lokaler", "6"), ("Frivillige", "3")):  # each bar has its number
        _, label_x, label_y = next(p for p in placed if p[0] == value)
        assert any(piece == dots and abs(y - label_y) < 1 and x > label_x
                   for piece, x, y in placed), value
    assert "Uden prikker: Fodbold for alle børn, Lokal viden." in text
    assert dark_bars(page) == 2


def dark_bars(page) -> int:  # type: ignore[no-untyped-def]
    """Rectangles filled in the chart's dark grey: the bars of a one-series chart."""
    from vaerdispil.pdf.charts import DARK

    content = ContentStream(page.get_contents(), page.pdf)
    fill: tuple[float, ...] = ()
    bars = 0
    for operands, operator in content.operations:
        if operator == b"rg":
            fill = tuple(round(float(x), 2) for x in operands)
        elif operator == b"re" and fill == (DARK.red, DARK.green, DARK.blue):
            bars += 1
    return bars


def test_round_by_round_has_cards_answers_notes_and_reasons(complete: Made) -> None:
    text = between(complete, DA["rounds.heading"], DA["actions.heading"])
    for expected in ["Runde 1: Hvem er vi?", "Aisha (Netto)", "besvaret",
                     "Bo (B1909 | *fodbold*): Bo: klubben mangler trænere <b>nu</b> & altid",
                     "Runde 2: Det giver vi", "Lokaler Ting, tid og penge Baglokalet om tirsdagen",
                     "Fodbold for alle børn Egen værdi Vi har bolde",
                     "Runde 4: Pris, risiko og balance", "Hvad koster det?",
                     "Resultatet står under »Afstemningen«."]:
        assert expected in text or flat(expected) in flat(text), expected
    for turn in complete.result.turns:
        assert flat(turn.card) in flat(text)


def between(made: Made, heading: str, next_heading: str) -> str:
    """The words from a section's heading to the next section's (sections share pages)."""
    start, end = made.page_of(heading), made.page_of(next_heading)
    text = "\n".join(made.pages[start:end + 1])
    text = text[text.index(f"{heading}\n"):]
    return words(text[:text.index(f"\n{next_heading}\n")])


def test_disagreement_is_listed(complete: Made) -> None:
    page = words(complete.pages[complete.page_of(DA["open.heading"])])
    assert "Om »Vi deler lokaler«" in page and "Plejehjemmet: Kun om formiddagen" in page


def test_the_agreement_page_can_be_signed(complete: Made) -> None:
    index = complete.page_of(DA["agreement.heading"])
    page = words(" ".join(complete.pages[index:]))
    for expected in ["mellem Netto, B1909 | *fodbold* og Plejehjemmet", "ikke juridisk bindende",
                     "Det er vi fælles om",
                     ("1. Vi deler lokaler Står bag: Netto, B1909 | *fodbold* "
                      "Uenig: Plejehjemmet: Kun om formiddagen"),
                     "Netto Lokaler –", "B1909 | *fodbold* Fodbold for alle børn Lokaler",
                     "Plejehjemmet Lokal viden Frivillige",
                     "Lav en nøgleaftale (Netto, Aisha, senest 15. december 2026)",
                     "Vi mødes og gennemgår aftalen 1. marts 2027."]:
        assert expected in page, expected
    assert page.count("Navn, underskrift og dato") == 3  # one line per organisation


def test_the_agreement_is_one_page_with_its_values_dissent_and_signatures(complete: Made) -> None:
    index = complete.page_of(DA["agreement.heading"])
    assert index == len(complete.pages) - 1 and index > complete.page_of(DA["open.heading"])
    page = words(complete.pages[index])
    assert page.index("Samarbejdsaftale") < page.index("Underskrifter")
    for agreed in complete.result.agreements:
        assert agreed.text in page
        assert f"Står bag: {', '.join(agreed.organisations)}" in page
        for dissent in agreed.dissent:
            assert f"Uenig: {dissent['organisation']}: {dissent['text']}" in page
    assert page.count("Navn, underskrift og dato") == len(complete.result.organisations)


def test_a_large_partnership_keeps_its_agreement_together(many: Made) -> None:
    """Ten organisations and a late one: the agreement takes two pages, the second with the
    title again, the values on the first and every signature together on one page."""
    start = many.page_of(DA["agreement.heading"])
    pages = [words(page) for page in many.pages[start:]]
    assert len(pages) == 2
    first = pages[0]
    assert first.startswith("Samarbejdsaftale mellem de 11 organisationer")
    assert "ikke juridisk bindende" in first
    for agreed in many.result.agreements:
        assert len(agreed.organisations) == 9 and len(agreed.dissent) == 1
        dissent = agreed.dissent[0]
        assert dissent["organisation"] not in agreed.organisations
        assert flat(f"{agreed.text} Står bag: {', '.join(agreed.organisations)} Uenig: "
                    f"{dissent['organisation']}: {dissent['text']}") in flat(first)
    assert pages[1].startswith("Samarbejdsaftale (fortsat)")
    assert "Underskrifter" in pages[1] and "Underskrifter" not in first
    assert pages[1].count("Navn, underskrift og dato") == 11
    assert "Ungdomsklubben Navn, underskrift og dato" in pages[1]


def test_signatures_never_leave_one_organisation_alone_on_a_page(tmp_path: Path) -> None:
    """So many organisations that the signatures go on over a page: never one line alone."""
    def crowded(path: Path, clock: FakeClock) -> Game:
        g = Game.new(path, DECK, seed=2, clock=clock, title="Mange underskrifter")
        for number in range(27):
            org = g.add_organisation(f"Forening nummer {number + 1}", "forening")
        g.add_participant("Aisha", org)
        g.next_round()
        return g

    made = make(tmp_path, crowded)
    start = made.page_of(DA["agreement.heading"])
    counts = [page.count("Navn, underskrift og dato") for page in made.pages[start:]]
    assert sum(counts) == 27 and len([count for count in counts if count]) >= 2
    assert all(count == 0 or count >= 2 for count in counts), counts
    for page in made.pages[start + 1:]:
        assert page.lstrip().startswith("Samarbejdsaftale (fortsat)")


# -- words: ties, plurals, balance, finishing time, footer ------------------------------


def test_every_value_that_ties_for_the_most_dots_is_named(tmp_path: Path) -> None:
    made = make(tmp_path, tie_workshop)
    assert made.result.votes[0].leaders == ["Lokaler", "Frivillige"]
    assert "Flest prikker: Lokaler og Frivillige (2 prikker hver)" in words(made.pages[0])
    votes = between(made, DA["votes.heading"], DA["rounds.heading"])
    assert "Uden prikker: Lokal viden." in votes  # once, though two organisations chose it


@pytest.mark.parametrize("deck,labels,expected,never", [
    (DECK, DA, ["1 deltager fra 1 organisation", "1 1 1 1 organisation valgt værdikort "
                "fælles værdi handling", "Flest prikker: Lokaler (1 prik)",
                "Prikker pr. værdi (1 prik i alt)."], ["1 prikker", "1 deltagere",
                                                          "1 organisationer", "1 fælles værdier"]),
    (DECK_EN, EN, ["1 participant from 1 organisation", "1 1 1 1 organisation value card "
                   "picked shared value action", "Most dots: Premises (1 dot)",
                   "Dots per value (1 dot in all)."], ["1 dots", "1 participants",
                                                        "1 organisations", "1 shared values"]),
])
def test_one_of_each_is_said_in_the_singular(tmp_path: Path, deck, labels: dict[str, str],  # type: ignore[no-untyped-def]
                                             expected: list[str], never: list[str]) -> None:
    made = make(tmp_path, lambda path, clock: one_of_each_workshop(path, clock, deck))
    text = words(made.text)
    for phrase in expected:
        assert phrase in text, phrase
    for phrase in never:
        assert phrase not in text, phrase


def test_a_late_organisation_is_not_called_one_sided(many: Made) -> None:
    balance = {org.name: org.balance for org in many.result.organisations}
    assert balance["Ungdomsklubben"] == "" and balance["Netto Vollsmose"] == "only_gives"
    text = between(many, DA["map.heading"], DA["votes.heading"])
    assert "Valgte kun, hvad de giver: Netto Vollsmose." in text
    assert "Netto Vollsmose valgte kun, hvad de giver" in text
    # Counted in the map (a row in each of its two tables), and nothing said of it.
    assert text.count("Ungdomsklubben") == len(re.findall(r"Ungdomsklubben \d", text)) == 2
    assert "Ungdomsklubben 0 1" in text  # the totals: gives nothing, gets one
    assert "Valgte kun, hvad de får" not in text
    assert "Alle organisationer" not in text  # not every one was there to give and get


def test_the_cover_says_when_the_workshop_was_finished(complete: Made) -> None:
    assert complete.result.ended_at == "2026-11-22T09:04:30.000Z"
    for zone, clock in (("UTC0", "9.04"), ("CET-1", "10.04"), ("EST5", "4.04")):
        with local_zone(zone):  # the time the facilitator's clock showed
            cover = words(read_pdf(render_summary(complete.result).data)[1][0])
        assert f"Forløb Afsluttet 22. november 2026 kl. {clock} efter 6 af 6 runder" in cover


def test_a_workshop_that_was_not_finished_says_where_it_stopped(tmp_path: Path) -> None:
    made = make(tmp_path, one_of_each_workshop)
    assert "Forløb Ikke afsluttet: stoppede i runde 6 af 6" in words(made.pages[0])
    assert "Afsluttet" not in made.text


def test_the_footer_shortens_the_title_never_the_date() -> None:
    from vaerdispil.pdf.fonts import fonts

    title = "Værksted om samarbejde mellem helhedsplanen, kommunen og foreningerne i Gellerup"
    for room in (120, 160, 200, 260):
        shown = footer_text(title, "12. marts 2027", room)
        assert shown.endswith(" · 12. marts 2027") and fonts().regular.width(shown, 8) <= room
        head = shown.removesuffix(" · 12. marts 2027")
        assert head.endswith("…") and not head.endswith((" …", ",…"))
        assert title.startswith(head[:-1]) and title[len(head) - 1] == " ", head  # whole words
    assert footer_text(title, "12. marts 2027", 60) == "12. marts 2027"
    assert footer_text("Kort", "12. marts 2027", 200) == "Kort · 12. marts 2027"


def test_a_long_title_and_no_names_still_show_the_date_in_the_footer(tmp_path: Path) -> None:
    def long_title(path: Path, clock: FakeClock) -> Game:
        g = empty_workshop(path, clock)
        g.set_details(title="Værksted om samarbejde mellem helhedsplanen, kommunen og de "
                      "lokale foreninger i Gellerup og Toveshøj")
        return g

    made = make(tmp_path, long_title, anonymous=True)
    for page in made.pages:
        footer = page.rstrip().splitlines()[-1]
        assert footer.startswith("Værksted om samarbejde") and "…" in footer
        assert footer.endswith(" · 10. januar 2027"), footer


# -- page fill ----------------------------------------------------------------------------

POINTS_PER_MM = 72 / 25.4
FRAME_TOP = 841.89 - 18 * POINTS_PER_MM - 6
FRAME_FOOT = 22 * POINTS_PER_MM + 6


def fill(made: Made, index: int) -> float:
    """How far down the page its text reaches: 0 at the top of the text area, 1 at its foot
    (from the baseline of the lowest line above the footer)."""
    lowest = min((y for _, _, y, _, _ in made.placed[index] if y > FRAME_FOOT - 12),
                 default=FRAME_TOP)
    return (FRAME_TOP - lowest) / (FRAME_TOP - FRAME_FOOT)


HEADING_SIZES = (17.0, 12.5, 10.5)


@pytest.mark.parametrize("fixture", ["complete", "multilingual", "many"])
def test_no_page_is_more_than_half_empty(fixture: str, request: pytest.FixtureRequest) -> None:
    """Sections follow each other on a page; only the page before the agreement (which
    starts a page of its own) and the last page may end early. No heading ends a page."""
    made: Made = request.getfixturevalue(fixture)
    agreement = made.page_of(DA["agreement.heading"])
    for index in range(len(made.pages)):
        if index not in (agreement - 1, len(made.pages) - 1):
            assert fill(made, index) >= 0.5, (index + 1, round(fill(made, index), 2))
    assert_no_heading_ends_a_page(made)


def assert_no_heading_ends_a_page(made: Made) -> None:
    for number, placed in enumerate(made.placed, start=1):
        body = [piece for piece in placed if piece[2] > FRAME_FOOT - 12]
        if body:
            text, _, _, size, font = min(body, key=lambda piece: piece[2])
            assert not ("Bold" in font and round(size, 1) in HEADING_SIZES), (number, text)


def test_the_typical_summary_takes_four_full_pages(complete: Made) -> None:
    assert len(complete.pages) == 4
    assert [round(fill(complete, index), 1) >= 0.7 for index in range(4)] == [True] * 4


def test_the_huge_summary_has_no_heading_alone_at_a_page_foot(huge: Made) -> None:
    assert_no_heading_ends_a_page(huge)
    empty = [index for index in range(len(huge.pages)) if fill(huge, index) < 0.5]
    # A page is left under half full only where what comes next did not fit under it: a
    # row of 2,000 characters (a row splits only at the top of a page), so the next page
    # is nearly full; or the signatures, which stay together.
    for index in empty[:-1]:
        following = index + 1
        assert fill(huge, following) >= 0.8 or \
            DA["agreement.signatures"] in huge.pages[following], (index + 1, empty)
    assert len(empty) <= 0.08 * len(huge.pages), empty


def test_page_numbers_size_and_metadata(complete: Made) -> None:
    assert_page_numbers(complete, DA)
    meta = complete.reader.metadata
    assert meta.title == "Værksted i Vollsmose: opsamling"
    assert meta.author == "Mette"
    assert meta.subject.startswith("Opsamling af et værksted med Værdispillet (Vollsmose, "
                                   "22. november 2026)")
    assert complete.reader.trailer["/Root"]["/Lang"] == "da"
    for page in complete.reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.01)


def assert_page_numbers(made: Made, labels: dict[str, str]) -> None:
    total = len(made.pages)
    assert total == made.rendered.pages
    for number, page in enumerate(made.pages, start=1):
        found = re.findall(labels["summary.page"].format(page=r"(\d+)", pages=r"(\d+)"), page)
        assert found == [(str(number), str(total))], (number, found)


def test_the_same_session_gives_the_same_bytes(complete: Made) -> None:
    assert render_summary(complete.result).data == complete.rendered.data


# -- anonymous ---------------------------------------------------------------------------


def test_anonymous_leaves_out_every_participants_name(anonymous: Made) -> None:
    for name in ("Aisha", "Bo", "Cem"):
        assert not re.search(rf"(?<!\w){name}(?!\w)", anonymous.text), name
    for org in ("Netto", "B1909 | *fodbold*", "Plejehjemmet"):
        assert org in anonymous.text
    text = words(anonymous.text)
    assert "1 deltagere" not in text and "3 organisationer" in text
    assert "[B1909 | *fodbold*]: klubben mangler trænere" in text  # the name in the note
    assert "Lav en nøgleaftale (Netto, senest 15. december 2026)" in text
    assert "Mette" not in anonymous.text and "Facilitator" not in text  # nor the facilitator
    assert anonymous.reader.metadata.author == "Værdispillet"
    for page in anonymous.pages:
        assert "Udgave uden personnavne" in page
        # The footer shows the title and the date whole.
        assert "Værksted i Vollsmose · 22. november 2026" in page
    assert_page_numbers(anonymous, DA)


def test_anonymous_names_go_from_turns_notes_actions_in_every_script(
        multilingual: Made) -> None:
    quiet = Made(multilingual.path, multilingual.result, anonymous=True)
    for name in ("Gülşen", "Yılmaz", "İsmail", "Çağlar", "Faadumo", "Xasan", "Søren", "Ærø",
                 "Åse", "Østergård"):  # the last two: the facilitator
        assert name not in quiet.text, name
    assert "[Ururka Soomaalida ee Århus] ayaa sheegtay" in words(quiet.text)


NAME_MARKS = "ЖДЯЮЩ"
"""Each part of a generated name holds one of these, which nothing else in the PDF does."""
NAME_LETTERS = "abcdeøæåşğıçüждяюØÅŞĞİ<>&\"'"
NAME_PARTS = st.builds(lambda mark, rest: mark + rest, st.sampled_from(NAME_MARKS),
                       st.text(alphabet=NAME_LETTERS, min_size=1, max_size=8))
NAMES = st.lists(NAME_PARTS, min_size=1, max_size=3).map(" ".join)


def named_workshop(path: Path, clock: FakeClock, people: list[str], facilitator: str) -> Game:
    """Four participants and a facilitator, named in every place a name can stand."""
    g = Game.new(path, DECK, seed=4, clock=clock, title=f"Møde hos {people[0]}",
                 place=f"{facilitator}s kontor", date="2027-01-10", facilitator=facilitator)
    netto = g.add_organisation("Netto", "virksomhed")
    club = g.add_organisation("Klubben", "forening")
    ids = [g.add_participant(name, (netto, club)[number % 2])
           for number, name in enumerate(people)]
    g.next_round()
    for _ in ids:
        g.draw()
        g.end_turn()
    g.note(f"{people[1]} og {facilitator} talte om nøglen", taker=ids[0])
    g.next_round()
    g.pick(netto, "lokaler", reason=f"Spørg {people[2]}")
    own = g.pick(club, "blank-1", text=f"Kaffe hos {people[3]}", reason="Hver fredag")
    g.next_round()
    g.pick(club, "lokaler")
    for _ in range(2):
        g.next_round()
    for number, person in enumerate(ids):
        g.vote(person, f"own:{own}" if number else "card:lokaler", 1)
        g.finish_vote(person)
    g.next_round()
    agreed = g.agree(f"Vi drikker kaffe hos {people[3]}", [f"own:{own}"], [netto, club])
    g.dissent(agreed, club, f"{facilitator} bestemmer ikke over {people[1]}")
    g.add_action(f"Ring til {people[2]}", netto, people[3], "2027-02-01")
    g.set_follow_up("2027-03-01")
    g.end_session()
    return g


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAMES, min_size=4, max_size=4, unique=True), NAMES)
def test_an_anonymous_summary_names_no_person_anywhere(people: list[str],
                                                       facilitator: str) -> None:
    """Not in the text, the content streams, the metadata or the outline; organisations
    stay. (The same names are found in the summary with names, so the search works.)"""
    with tempfile.TemporaryDirectory() as folder, mock.patch("os.fsync"):
        game = named_workshop(Path(folder) / "w.jsonl", FakeClock(), people, facilitator)
        result = outcome(game.state, game.deck)
        game.close()
    named = flat(" ".join(read_pdf(render_summary(result).data)[1]))
    assert all(flat(name) in named for name in [*people, facilitator])
    data = render_summary(result, anonymous=True).data
    reader, pages = read_pdf(data)
    text = flat(" ".join(pages))
    streams = b"".join(page.get_contents().get_data() for page in reader.pages)
    meta = " ".join(str(value) for value in (reader.metadata or {}).values())
    outline = " ".join(item.title for item in reader.outline)
    assert "Netto" in text and "Klubben" in text
    for name in [*people, facilitator]:
        for part in [name, *name.split()]:
            assert flat(part) not in text, part
            assert part not in meta and part not in outline, part
            # (Not searched in the file's bytes: its compressed fonts hold any short
            # sequence of bytes by chance. Text strings of the metadata are checked above.)
            for encoded in (part.encode("utf-8"), part.encode("utf-16-be")):
                assert encoded not in streams, part
    assert reader.metadata.author == "Værdispillet"


# -- scripts, markup and characters the font lacks ---------------------------------------


def test_danish_turkish_somali_and_markup_print_literally(multilingual: Made) -> None:
    assert multilingual.rendered.replaced == ()
    text = words(multilingual.text)
    for expected in [
        "Møde i Ørstedparken <b>&</b> co", "Bibliotek <i>Ørum</i> & \"venner\"",
        "Türk Kültür Derneği", "Ururka Soomaalida ee Århus", "Gülşen Yılmaz", "İsmail Çağlar",
        "Faadumo Cali Xasan",
        ("Gülşen Yılmaz (Türk Kültür Derneği): Gülşen: \"Vi vil <b>gerne</b> låne salen\" & "
         "'måske' &amp; mere"),
        "Işık, ğ, ş, ı, İ: birlikte çalışalım", "<script>alert(1)</script>",
        "Fordi 5 < 7 & 'altid'", "Çay & <sohbet>",
        "Vi mødes hver <tirsdag> & deler \"nøglen\"",
        "Ikke i ramadanen – <i>så</i> om aftenen",
        "Book salen <b>i god tid</b> & send 'kalender'",
    ]:
        assert expected in text or flat(expected) in multilingual.flat, expected
    fonts = {str(font["/BaseFont"]) for page in multilingual.reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all(font.split("+")[-1].startswith("DejaVuSans") for font in fonts)


def test_unanswered_cards_and_questions_are_open_questions(multilingual: Made) -> None:
    index = multilingual.page_of(DA["open.heading"])
    page = words(" ".join(multilingual.pages[index:multilingual.page_of(
        DA["agreement.heading"])]))
    assert "»Hvad koster det?« blev ikke besvaret (Türk Kültür Derneği: stod over)." in page
    assert "sprang over" not in multilingual.text
    assert "Søren spurgte: hvem låser op <script>alert(1)</script>?" in page


def test_a_character_the_font_lacks_prints_as_a_replacement(complete: Made) -> None:
    """The summary never refuses: the workshop is over and the partners want their PDF."""
    from dataclasses import replace

    from vaerdispil.outcome import NoteRecord

    odd = replace(complete.result, notes=[
        NoteRecord("", "", "Tak 👍\ufe0f for i dag 👩\u200d👧 og 𝄞 — e\u0301n gang til", "")])
    rendered = render_summary(odd)
    assert rendered.replaced == ("👍", "👩", "👧", "𝄞")
    _, pages = read_pdf(rendered.data)
    text = words(" ".join(pages))
    assert f"Tak {REPLACEMENT} for i dag {REPLACEMENT}{REPLACEMENT} og {REPLACEMENT} — én gang" \
        in text


# -- empty and English ------------------------------------------------------------------


def test_an_empty_workshop_says_plainly_that_nothing_was_agreed(tmp_path: Path) -> None:
    made = make(tmp_path, empty_workshop)
    overview = words(made.pages[made.page_of(DA["overview.heading"])])
    assert "Gruppen blev ikke enige om nogen fælles værdier på dette værksted." in overview
    assert "Der er ikke aftalt en dato for opfølgning." in overview
    assert "Ikke afsluttet: stoppede i runde 1 af 6" in words(made.pages[0])
    for expected in ["Der blev ikke valgt nogen værdikort.",
                     "Værkstedet nåede ikke til en afstemning.",
                     "Der blev ikke aftalt nogen handlinger.",
                     "Vi har endnu ikke aftalt fælles værdier.", "Dato: ___"]:
        assert expected in words(made.text), expected
    assert DA["open.heading"] not in made.text  # nothing to disagree with
    assert_page_numbers(made, DA)


def test_a_workshop_without_anything_still_prints(tmp_path: Path) -> None:
    path = tmp_path / "bare.jsonl"
    game = Game.new(path, DECK, seed=1, clock=FakeClock())
    result = outcome(game.state, game.deck)
    game.close()
    made = Made(path, result)
    assert "Værksted med Værdispillet" in made.pages[0] and "Ikke gået i gang" in made.text
    assert made.reader.metadata.author == "vaerdispil"


def test_an_english_session_gets_english_labels(tmp_path: Path) -> None:
    def english(path: Path, clock: FakeClock) -> Game:
        g = Game.new(path, DECK_EN, seed=2, clock=clock, title="Workshop in Bispehaven",
                     date="2027-03-04")
        org = g.add_organisation("Library", "institution")
        g.add_participant("Lena", org)
        g.next_round()
        g.agree("We share rooms", [], [org])
        g.add_action("Make a key plan", org, "Lena", "2027-04-01")
        return g

    made = make(tmp_path, english)
    assert made.result.language == "en"
    for key in SECTIONS[:5] + SECTIONS[6:]:
        made.page_of(EN[key])
    assert "4 March 2027" in made.pages[0] and "Make a key plan" in made.text
    assert_page_numbers(made, EN)
    assert made.reader.trailer["/Root"]["/Lang"] == "en"


# -- the huge workshop ------------------------------------------------------------------


def test_huge_workshop_breaks_tables_across_pages_and_loses_nothing(huge: Made) -> None:
    assert len(huge.result.organisations) == 50 and len(huge.result.notes) >= 500
    assert len(huge.pages) > 60
    assert_page_numbers(huge, DA)
    for note in huge.result.notes:
        assert flat(note.text) in huge.body, note.text[:40]
    for agreed in huge.result.agreements:
        assert flat(agreed.text) in huge.body
    for action in huge.result.actions:
        assert flat(action.what) in huge.body
    for org in huge.result.organisations:
        assert flat(org.name) in huge.body
    # Long tables go on over pages with their header row repeated.
    headed = [page for page in huge.pages if "Organisation Værdi Hvorfor" in words(page)]
    assert len(headed) >= 4
    for page in map(flat, huge.pages):  # ... at the top of a page, never in the middle
        for found in re.finditer("OrganisationVærdiHvorfor", page):
            assert found.start() == 0 or page[:found.start()].endswith("Valgteværdier")
    actions = [page for page in huge.pages if "Gjort Hvad Hvem Senest" in words(page)]
    assert len(actions) >= 3


def test_huge_workshop_keeps_every_line_of_text_inside_the_page(huge: Made) -> None:
    from vaerdispil.pdf.fonts import fonts

    family = fonts()
    width = float(huge.reader.pages[0].mediabox.width)
    height = float(huge.reader.pages[0].mediabox.height)
    margin = 20 * 72 / 25.4 + 6  # the page margin and platypus' frame padding
    for number, placed in enumerate(huge.placed, start=1):
        for text, x, y, size, font in placed:
            face = family.bold if "Bold" in font else family.regular
            # reportlab may narrow the spaces of a line by up to 5 % to fit one more word.
            shrink = text.count(" ") * face.width(" ", size) * rl_config.spaceShrinkage
            right = x + face.width(text, size) - shrink
            assert margin - 1 <= x and right <= width - margin + 1, (number, text[:30], x, right)
            # between the footer's line and the top margin
            assert 12 * 72 / 25.4 - 1 <= y <= height - 18 * 72 / 25.4, (number, text[:30], y)


def placed_text(page) -> Iterator[Placed]:  # type: ignore[no-untyped-def]
    """Each piece of text with its page position, size in points and font name."""
    found: list[Placed] = []
    page.extract_text(visitor_text=_collect(found))
    return iter(found)


def _collect(found: list[Placed]):  # type: ignore[no-untyped-def]
    """A pypdf text visitor that adds (text, x, y, size, font) to `found`."""

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None,
              size: float) -> None:
        if text.strip() and font is not None:
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = (tm[0] * cm[0]) or 1
            found.append((text.strip(), x, y, size * scale, str(font.get("/BaseFont"))))

    return visit


# -- the projection ---------------------------------------------------------------------


def test_outcome_knows_organisations_rounds_and_categories(complete: Made) -> None:
    result = complete.result
    assert [(t.who, t.organisation) for t in result.turns][:2] == [
        ("Aisha", "Netto"), ("Bo", "B1909 | *fodbold*")]
    assert result.turns[-1].organisation == result.turns[-1].who == "Netto"  # per organisation
    assert [(n.who, n.organisation) for n in result.notes] == [("Bo", "B1909 | *fodbold*")]
    assert result.agreements[0].categories == ["Ting, tid og penge"]
    assert [(r.number, r.title, r.mode) for r in result.rounds][:2] == [
        (1, "Hvem er vi?", "turns"), (2, "Det giver vi", "pick")]
    assert result.categories[0] == "Godt ry og tak" and len(result.categories) == 8


# -- the command line -------------------------------------------------------------------



@pytest.fixture
def saved(vaerdispil_home: Path, clock: FakeClock) -> Path:
    from vaerdispil.session.store import new_session_path

    path = new_session_path("Værksted i Vollsmose", "2026-11-22")
    with mock.patch("os.fsync"):
        complete_workshop(path, clock).close()
    return path


def test_print_summary_by_name_writes_here(saved: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "print", "summary", saved.stem)
    name = f"{saved.stem}-summary.pdf"
    assert code == 0 and err == ""
    assert out == f"wrote {name}: 4 pages (summary of 'Værksted i Vollsmose')\n"
    first = (tmp_path / name).read_bytes()
    code, out, _ = run_cli(capsys, "print", "summary", str(saved), "--anonymous")
    assert code == 0 and "names left out" in out
    anonymous = (tmp_path / f"{saved.stem}-summary-anonymous.pdf").read_bytes()
    assert "Aisha" in first.decode("latin-1") or "Aisha" in read_pdf(first)[1][0]
    assert not any("Aisha" in page for page in read_pdf(anonymous)[1])
    code, _, _ = run_cli(capsys, "print", "summary", saved.stem, "-o", "again.pdf")
    assert code == 0 and (tmp_path / "again.pdf").read_bytes() == first  # same bytes
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_print_summary_errors_are_one_line(saved: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "print", "summary", "no-such-workshop")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(
        "vaerdispil: no-such-workshop: no such workshop file, and no saved workshop named "
        "'no-such-workshop' in ")
    assert err.endswith("(vaerdispil sessions list shows the saved ones)\n")
    target = tmp_path / "nowhere" / "s.pdf"
    code, _, err = run_cli(capsys, "print", "summary", str(saved), "-o", str(target))
    assert code == 1 and err.count("\n") == 1 and f"{target}: the folder" in err
    damaged = tmp_path / "damaged.jsonl"
    lines = saved.read_text(encoding="utf-8").splitlines(keepends=True)
    damaged.write_text("".join(lines[:5] + ["{not json\n"] + lines[5:]), encoding="utf-8")
    code, _, err = run_cli(capsys, "print", "summary", str(damaged))
    assert code == 1 and err.count("\n") == 1 and err.startswith(f"vaerdispil: {damaged}:6: ")
    broken = tmp_path / "broken.jsonl"  # good JSON, but a card the deck does not have
    drawn = re.sub(r'"card":"[^"]+"', '"card":"no-such-card"', lines[9])
    broken.write_text("".join(lines[:9]) + drawn
                      + "".join(lines[10:]), encoding="utf-8")
    code, _, err = run_cli(capsys, "print", "summary", str(broken))
    assert code == 1 and err.count("\n") == 1 and err.startswith(f"vaerdispil: {broken}"), err
    code, _, err = run_cli(capsys, "print", "summary")
    assert code == 2 and "SESSION" in err
    code, _, err = run_cli(capsys, "print", "summary", str(saved), "--names")
    assert code == 2


def test_print_summary_names_characters_it_could_not_print(
        vaerdispil_home: Path, clock: FakeClock, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "emoji.jsonl"
    with mock.patch("os.fsync"):
        g = empty_workshop(path, clock)
        g.note("Godt gået 👍")
        g.close()
    code, out, err = run_cli(capsys, "print", "summary", str(path), "-o", str(tmp_path / "e.pdf"))
    assert code == 0 and out.startswith("wrote ")
    assert err == ("vaerdispil: note: no font of the PDF has U+1F44D (THUMBS UP SIGN); "
                   f"printed as {REPLACEMENT}\n")
    assert REPLACEMENT == "\u25a1"  # a clean box, not the U+FFFD of broken text


def test_a_secret_vote_that_did_not_finish_is_not_shown(tmp_path: Path) -> None:
    def unfinished(path: Path, clock: FakeClock) -> Game:
        g = Game.new(path, DECK, seed=4, clock=clock, title="Afbrudt")
        org = g.add_organisation("Netto", "virksomhed")
        first = g.add_participant("Aisha", org)
        g.add_participant("Bo", org)
        for _ in range(2):
            g.next_round()
        g.pick(org, "lokaler")
        for _ in range(3):
            g.next_round()
        g.vote(first, "card:lokaler", 3)  # Bo never votes: the tally stays secret
        g.finish_vote(first)
        g.end_session()
        return g

    made = make(tmp_path, unfinished)
    index = made.page_of(DA["votes.heading"])
    page = words(made.pages[index])
    assert "Afstemningen var hemmelig, og ikke alle nåede at stemme" in page
    assert "Prikker pr. værdi" not in page and dark_bars(made.reader.pages[index]) == 0
    assert "Flest prikker" not in made.text
