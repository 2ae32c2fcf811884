"""The README's pictures of the phone page: headless Chromium at 390x844 (a phone) and
820x1180 (a tablet), against the running app with a workshop of the bundled deck.

    .venv/bin/python docs/phone_screenshots.py        (writes docs/phone-*.png)

Needs chromium and chromium-driver (Debian), as tests/test_phones_browser.py does, whose
phone browser it uses.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from tests.conftest import FakeClock  # noqa: E402
from tests.test_game_rules import goto  # noqa: E402
from tests.test_phones_browser import (  # noqa: E402
    choose_language,
    click_text,
    phone_browser,
    until,
)
from vaerdispil.deck.catalog import resolve_deck  # noqa: E402
from vaerdispil.session.game import Game  # noqa: E402
from vaerdispil.tui.app import VaerdispilApp  # noqa: E402

PEOPLE = (("Aarhus Kommune", "kommune", "Mette"), ("Boligforeningen Ringgården", "boligorganisation", "Lise"),
          ("Netto", "virksomhed", "Ali"), ("Beboerforeningen", "forening", "Hamid"))


def shot(driver: Any, name: str) -> None:
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(HERE / f"phone-{name}.png"))


async def main() -> None:
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        deck = resolve_deck("vaerdispil", "da")
        game = Game.new(Path(folder) / "w.jsonl", deck, seed=3, clock=clock,
                        title="Sommerfest i Ringgården")
        people = {}
        for org_name, kind, person in PEOPLE:
            org = game.add_organisation(org_name, kind)
            people[person] = game.add_participant(person, org)
        app = VaerdispilApp(deck, "da", game=game, clock=clock, phones_host="127.0.0.1",
                            phones_port=0)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f7")
            await pilot.pause()
            await pilot.press("escape")
            address = app.room.address

            async def move(command: Any) -> None:  # the facilitator, on the laptop
                command()
                app.refresh_game()
                await pilot.pause()

            await move(lambda: goto(game, "praesentation"))
            await move(game.draw)
            phone = await asyncio.to_thread(phone_browser, address)
            tablet = None
            try:
                await asyncio.to_thread(until, lambda: phone.find_elements(
                    "css selector", "button.person"), "the people")
                await asyncio.to_thread(shot, phone, "join")
                await asyncio.to_thread(click_text, phone, "button.person", "Lise")
                await asyncio.to_thread(until, lambda: phone.find_elements(
                    "css selector", ".card"), "the card")
                await asyncio.to_thread(shot, phone, "card")
                await move(lambda: goto(game, "det-giver-vi"))
                await asyncio.to_thread(until, lambda: "Vælg" in phone.find_element(
                    "id", "main").text, "the pick round")
                await asyncio.to_thread(shot, phone, "pick")
                for person in ("Mette", "Ali", "Hamid", "Lise"):
                    org = game.state.participants[people[person]].org
                    for card in ("lokaler", "frivillige", "tryghed")[:2 if person != "Lise" else 3]:
                        game.pick(org, card, "give")
                await move(lambda: game.start_round("afstemning"))
                await asyncio.to_thread(until, lambda: "prik" in phone.find_element(
                    "id", "main").text, "the vote")
                await asyncio.to_thread(click_text, phone, "button", "+")
                await asyncio.to_thread(until, lambda: "Modtaget" in phone.find_element(
                    "id", "status").text, "Modtaget")
                await asyncio.to_thread(shot, phone, "vote")
                choose_language(phone, "ar")
                arabic = resolve_deck("vaerdispil", "ar").card("lokaler").title
                await asyncio.to_thread(until, lambda: arabic in phone.find_element(
                    "id", "main").text, "the vote in Arabic")
                await asyncio.to_thread(shot, phone, "vote-ar")
                choose_language(phone, "da")
                tablet = await asyncio.to_thread(phone_browser, address)
                await asyncio.to_thread(tablet.set_window_size, 820, 1180)
                await asyncio.to_thread(click_text, tablet, "button.person", "Hamid")
                await asyncio.to_thread(until, lambda: "prik" in tablet.find_element(
                    "id", "main").text, "the vote")
                await asyncio.to_thread(shot, tablet, "tablet")
            finally:
                phone.quit()
                if tablet is not None:
                    tablet.quit()
        game.close()


if __name__ == "__main__":
    asyncio.run(main())
