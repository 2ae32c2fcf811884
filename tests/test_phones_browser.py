"""Three phones in real browsers (headless Chromium) against the running app: each joins
as its person, picks for its organisation (one in its own words), and votes in a secret
vote; the log holds every tap and the shared screen shows the count, then the dots.

Skipped with one line where Chromium is not installed (see tests/test_browser.py)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.test_browser import CHROMIUM, DRIVER
from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.session.game import Game

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="headless Chromium is not installed (Debian: apt-get install chromium "
           "chromium-driver); the real-browser test of the phones did not run")


def phone_browser(address: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=390,844",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.get(address)
    return driver


def until(check: Any, what: str) -> Any:
    """Poll `check` until it gives something true; fail after a generous bound."""
    for _ in range(300):
        try:
            found = check()
        except Exception:  # noqa: BLE001 - the page is redrawing: look again
            found = None
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"the phone never showed {what}")


def click_text(driver: Any, selector: str, words: str) -> None:
    """Tap the first enabled button under `selector` whose words hold `words`."""
    tap = """
        const button = [...document.querySelectorAll(arguments[0])]
          .find((b) => b.textContent.includes(arguments[1]) && !b.disabled);
        if (!button) return false;
        button.click(); return true;"""
    until(lambda: driver.execute_script(tap, selector, words), f"a button with {words!r}")


def pick(driver: Any, title: str, own: str = "", reason: str = "") -> None:
    """Tap "Vælg" on the card with `title`, answering the questions for own words and why."""
    tapped = """
        for (const row of document.querySelectorAll('.value')) {
          const strong = row.querySelector('strong');
          if (strong && strong.textContent === arguments[0]) {
            row.scrollIntoView(); row.querySelector('button').click(); return true;
          }
        }
        return false;"""
    until(lambda: driver.execute_script(tapped, title), f"the card {title}")
    fields = until(lambda: driver.find_elements("css selector", ".ask input"), "the questions")
    for field, answer in zip(fields, ([own] if own else []) + [reason], strict=True):
        field.send_keys(answer)
    driver.find_element("css selector", ".ask button.primary").click()
    until(lambda: "Modtaget" in driver.find_element("id", "status").text, "Modtaget")


def choose_language(driver: Any, code: str) -> None:
    """Choose the phone's language in its list, as a participant does."""
    driver.execute_script("""
        const box = document.getElementById('language');
        box.value = arguments[0]; box.dispatchEvent(new Event('change'));""", code)


def vote(driver: Any, dots: int) -> None:
    """Place `dots` dots on the first value, one tap at a time, then "Færdig"."""
    until(lambda: "prik" in driver.find_element("id", "main").text, "the vote")
    left = "return (document.querySelector('.left') || {}).textContent || '';"
    plus = """
        const button = [...document.querySelectorAll('button')]
          .find((b) => b.textContent === '+' && !b.disabled);
        if (!button) return false;
        button.click(); return true;"""
    for _ in range(dots):
        before = driver.execute_script(left)
        until(lambda: driver.execute_script(plus), "a + button")
        until(lambda b=before: driver.execute_script(left) not in ("", b), "the dot placed")
    click_text(driver, "button.primary", "Færdig")
    until(lambda: "Du har stemt" in driver.find_element("id", "main").text, "voted")


async def test_three_phones_pick_and_vote_secretly_in_real_browsers(
        tmp_path: Path, clock: FakeClock) -> None:
    from tests.test_game_rules import goto
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.widgets.votes import VotePanel

    deck = resolve_deck("vaerdispil", "da")
    game = Game.new(tmp_path / "w.jsonl", deck, seed=2, clock=clock, title="Telefoner")
    people = {}
    for org_name, person in (("Netto", "Aisha"), ("Plejehjemmet", "Bo"), ("B1909", "Cem")):
        org = game.add_organisation(org_name, "forening")
        people[person] = game.add_participant(person, org)
    goto(game, "det-giver-vi")
    app = VaerdispilApp(deck, "da", game=game, clock=clock, phones_host="127.0.0.1",
                        phones_port=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("escape")
        address = app.room.address
        phones: list[Any] = []

        def join_and_pick() -> None:
            for number, name in enumerate(people):
                driver = phone_browser(address)
                phones.append(driver)
                until(lambda d=driver: d.find_elements("css selector", "button.person"),
                      "the people")
                assert not driver.find_element("id", "note").is_displayed()  # not yet
                click_text(driver, "button.person", name)
                until(lambda d=driver: "Vælg" in d.find_element("id", "main").text,
                      "the pick round")
            pick(phones[0], "Lokaler", reason="Baglokalet")
            pick(phones[1], "Jeres egen værdi", own="Kaffe <b>og</b> kage")
            pick(phones[2], "Frivillige")

        try:
            await asyncio.to_thread(join_and_pick)
            picks = sorted((p.card, p.text, p.reason) for p in game.state.picks.values())
            assert ("lokaler", "", "Baglokalet") in picks
            assert any(text == "Kaffe <b>og</b> kage" for _, text, _ in picks)
            assert len(picks) == 3
            game.start_round("afstemning")  # the facilitator moves on; the phones follow
            app.refresh_game()
            await pilot.pause()

            def vote_on_phones() -> None:
                vote(phones[0], 3)
                vote(phones[1], 2)

            await asyncio.to_thread(vote_on_phones)
            await pilot.pause()
            panel = app.screen.query_one(VotePanel)
            assert str(panel.query_one("#voter").render()) == \
                "2 af 3 har stemt på deres telefon"
            await asyncio.to_thread(vote, phones[2], 1)
            await pilot.pause()

            def in_arabic() -> None:  # Aisha reads Arabic first: she chooses it
                choose_language(phones[0], "ar")
                title = resolve_deck("vaerdispil", "ar").card("lokaler").title
                until(lambda: title in phones[0].find_element("id", "main").text, "Arabic")
                assert phones[0].execute_script("return document.documentElement.dir") == "rtl"
                assert "Lokaler" in phones[0].find_element("id", "main").text  # beside it

            await asyncio.to_thread(in_arabic)
            record = game.state.round_state("afstemning")
            assert sorted(record.voted) == sorted(people.values())
            assert sum(sum(votes.values()) for votes in record.votes.values()) == 6
        finally:
            for driver in phones:
                driver.quit()
    events = [line for line in game.log.path.read_text("utf-8").splitlines()[1:]]
    assert sum('"type":"phone_bound"' in line for line in events) == 3
    assert sum('"type":"vote_done"' in line for line in events) == 3
