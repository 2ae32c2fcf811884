"""Participants' own phones, by protocol (aiohttp's test client against the phones'
server with a real workshop): joining, one phone per person, a secret vote from every
seat at once, and nothing another person's phone may see."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from tests.test_game_rules import game as game  # noqa: F401, PLC0414 - the fixture
from tests.test_game_rules import goto, people, pick_three
from vaerdispil.phones.desk import Desk
from vaerdispil.phones.server import MAX_BODY, PhoneServer
from vaerdispil.session.game import Game


@pytest.fixture
async def phones(game: Game) -> AsyncIterator[tuple[Desk, TestClient]]:  # noqa: F811
    desk = Desk(lambda: game)

    async def run(command: Any) -> Any:  # the app runs each tap's command, one at a time
        return command()

    client = TestClient(TestServer(PhoneServer(desk, run).app(), host="127.0.0.1"))
    await client.start_server()
    try:
        yield desk, client
    finally:
        await client.close()


async def join(client: TestClient, desk: Desk, participant: str) -> str:
    answer = await client.post(f"/{desk.key}/api/join", json={"participant": participant})
    assert answer.status == 200, await answer.text()
    data = await answer.json()
    assert data["received"] is True
    return str(data["token"])


async def test_join_binds_one_phone_per_person_in_the_log(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    desk, client = phones
    listed = await (await client.get(f"/{desk.key}/api/people")).json()
    assert [person["name"] for person in listed["people"]] == [
        "Aisha", "Bo", "Cem", "Dorthe", "Emil"]
    aisha = people(game)["Aisha"]
    token = await join(client, desk, aisha)
    assert game.state.phones[aisha] != token and len(game.state.phones[aisha]) == 64
    # A second phone for the same person: refused in one line, until she is released.
    answer = await client.post(f"/{desk.key}/api/join", json={"participant": aisha})
    assert answer.status == 409
    assert (await answer.json())["error"] == \
        "Aisha har allerede en telefon med; facilitatoren kan slippe den."
    listed = await (await client.get(f"/{desk.key}/api/people")).json()
    assert listed["people"][0]["taken"] is True
    game.release_phone(aisha)
    assert await join(client, desk, aisha) != token
    # The binding is in the log: reopened, the phone is still Aisha's.
    events = [json.loads(line) for line in game.log.path.read_text("utf-8").splitlines()[1:]]
    assert [e["type"] for e in events if e["type"].startswith("phone_")] == [
        "phone_bound", "phone_released", "phone_bound"]
    assert all(token not in line for line in game.log.path.read_text("utf-8").splitlines())


async def test_a_secret_vote_from_every_seat_at_once(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    desk, client = phones
    values = pick_three(game)
    ids = people(game)
    tokens = {name: await join(client, desk, ids[name]) for name in ids}

    async def tap(name: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = await client.post(f"/{desk.key}/api/{path}", json=body,
                                   headers={"X-Phone": tokens[name]})
        assert answer.status == 200, await answer.text()
        data = await answer.json()
        assert data["received"] is True  # on disk before the phone hears it
        return data["state"]

    # Emil votes first, though a secret vote at the shared screen goes in turn.
    state = await tap("Emil", "vote", {"value": values[1], "dots": 2})
    assert state["left"] == 1 and state["secret"] and not state["visible"]
    assert state["left_text"] == "Du har 1 prik tilbage"  # the singular, not "1 prikker"
    bo = await tap("Bo", "vote", {"value": values[0], "dots": 3})
    # Bo's phone sees his own dots and nobody else's.
    assert [v["mine"] for v in bo["values"]] == [3, 0, 0] and "tally" not in bo
    text = json.dumps(bo)
    assert '"mine": 2' not in text
    for name in ids:
        if name not in ("Emil", "Bo"):
            await tap(name, "vote", {"value": values[2], "dots": 1})
        done = await tap(name, "done", {})
    assert done["voted"] == 5 and done["visible"]  # all voted: the dots show
    assert done["voted_text"] == "5 af 5 har stemt"
    assert [row["dots"] for row in done["tally"]] == [3, 3, 2]
    assert game.state.round_state("afstemning").voted == list(
        ids[name] for name in ids)  # in the order they finished


async def test_no_key_no_token_bad_bodies(phones: tuple[Desk, TestClient],
                                          game: Game) -> None:  # noqa: F811
    desk, client = phones
    assert (await client.get("/not-the-key/api/people")).status == 404
    assert (await client.get(f"/{desk.key}x/")).status == 404
    assert (await client.get("/")).status == 404
    answer = await client.get(f"/{desk.key}/api/state", headers={"X-Phone": "made-up"})
    assert answer.status == 401
    answer = await client.post(f"/{desk.key}/api/join", data=b"x" * (MAX_BODY + 1),
                               headers={"Content-Type": "application/json"})
    assert answer.status == 413
    answer = await client.post(f"/{desk.key}/api/join", data=b"{not json",
                               headers={"Content-Type": "application/json"})
    assert answer.status == 400
    answer = await client.post(f"/{desk.key}/api/join", json={"participant": "p-999"})
    assert answer.status == 409
    token = await join(client, desk, people(game)["Aisha"])
    goto(game, "afstemning")  # a vote with nothing picked: refused, in Danish
    answer = await client.post(f"/{desk.key}/api/vote", json={"value": "card:x", "dots": 1},
                               headers={"X-Phone": token})
    assert answer.status == 409
    answer = await client.post(f"/{desk.key}/api/vote", json={"value": "card:x", "dots": "1"},
                               headers={"X-Phone": token})
    assert answer.status == 400
    page = await client.get(f"/{desk.key}/")
    assert page.status == 200 and "Hvem er du?" in await page.text()
    for answer in (page, await client.get(f"/{desk.key}/phone.js")):
        assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
        assert answer.headers["Cache-Control"] == "no-store"
    assert (await client.get(f"/{desk.key}/../pyproject.toml")).status == 404


async def test_a_phone_outside_its_round_is_told_to_follow_the_screen(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    desk, client = phones
    token = await join(client, desk, people(game)["Cem"])
    state = (await (await client.get(f"/{desk.key}/api/state",
                                     headers={"X-Phone": token})).json())["state"]
    assert state["mode"] == "waiting" and state["you"]["name"] == "Cem"
    goto(game, "det-giver-vi")
    answer = await client.post(f"/{desk.key}/api/done", json={}, headers={"X-Phone": token})
    assert answer.status == 409  # not a vote round


async def test_f7_turns_phones_on_and_the_screen_counts_their_votes(
        game: Game, clock: Any) -> None:  # noqa: F811
    import aiohttp

    from tests.test_game_rules import DECK
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.dialogs.phones import PhonesDialog

    values = pick_three(game)  # at the secret vote
    ids = people(game)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock, phones_host="127.0.0.1",
                        phones_port=0)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, PhonesDialog)
        address = app.room.address
        assert address.startswith("http://127.0.0.1:") and len(app.room.desk.key) >= 22
        shown = str(app.screen.query_one("#phones-qr").render())
        assert "█" in shown and "▀" in shown  # the QR code, drawn in the terminal
        async with aiohttp.ClientSession() as phone:
            async with phone.post(address + "api/join",
                                  json={"participant": ids["Cem"]}) as answer:
                token = (await answer.json())["token"]
            async with phone.post(address + "api/vote", headers={"X-Phone": token},
                                  json={"value": values[0], "dots": 3}) as answer:
                assert (await answer.json())["received"] is True
            async with phone.post(address + "api/done", headers={"X-Phone": token},
                                  json={}) as answer:
                assert answer.status == 200
        await pilot.pause()
        assert ids["Cem"] in game.state.round_state("afstemning").voted
        app.screen.refresh_joined()  # type: ignore[attr-defined]
        assert "Cem" in str(app.screen.query_one("#phones-joined").get_option_at_index(2).prompt)
        await pilot.click("#off")
        await pilot.pause()
        assert app.room is None
        async with aiohttp.ClientSession() as phone:
            with pytest.raises(aiohttp.ClientConnectionError):
                await phone.get(address + "api/people")


async def test_with_phones_on_the_shared_screen_shows_only_how_many_have_voted(
        game: Game, clock: Any) -> None:  # noqa: F811
    from textual.widgets import Static

    from tests.test_game_rules import DECK
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.widgets.votes import VotePanel

    values = pick_three(game)
    ids = people(game)
    app = VaerdispilApp(DECK, "da", game=game, clock=clock, phones_host="127.0.0.1",
                        phones_port=0)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("escape")  # the dialog closes; phones stay on
        await pilot.pause()
        assert app.room is not None
        game.vote(ids["Dorthe"], values[2], 3, in_turn=False)  # as a phone's tap does
        game.finish_vote(ids["Dorthe"], in_turn=False)
        app.refresh_game()
        await pilot.pause()
        panel = app.screen.query_one(VotePanel)
        banner = str(panel.query_one("#voter", Static).render())
        assert banner == "1 af 5 har stemt på deres telefon"
        assert "●" not in " ".join(str(panel.query_one("#values").get_option_at_index(i).prompt)
                                   for i in range(3))  # nobody's dots on the shared screen


async def test_a_phone_picks_for_its_organisation_in_its_own_words_too(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    desk, client = phones
    ids = people(game)
    aisha = await join(client, desk, ids["Aisha"])  # Netto
    bo = await join(client, desk, ids["Bo"])  # the nursing home
    goto(game, "det-giver-vi")

    async def tap(token: str, path: str, body: dict[str, Any], status: int = 200) -> Any:
        answer = await client.post(f"/{desk.key}/api/{path}", json=body,
                                   headers={"X-Phone": token})
        assert answer.status == status, await answer.text()
        return (await answer.json()).get("state")

    state = await tap(aisha, "pick", {"card": "lokaler", "reason": "Baglokalet"})
    assert state["mode"] == "pick" and [p["title"] for p in state["picked"]] == ["Lokaler"]
    assert any(card["id"] == "lokaler" for card in state["cards"])
    blank = next(card["id"] for card in state["cards"] if card["blank"])
    state = await tap(aisha, "pick", {"card": blank, "text": "Frugt til <b>lektiecaféen</b>"})
    assert [p["title"] for p in state["picked"]] == ["Lokaler", "Frugt til <b>lektiecaféen</b>"]
    netto = next(o.id for o in game.state.organisations.values() if o.name == "Netto")
    picks = [p for p in game.state.picks.values() if p.org == netto]
    assert [(p.card, p.reason) for p in picks] == [("lokaler", "Baglokalet"), (blank, "")]
    # Bo's phone picks for the nursing home, and cannot take back Netto's pick.
    bo_state = await tap(bo, "pick", {"card": "frivillige"})
    assert [p["title"] for p in bo_state["picked"]] == ["Frivillige"]
    await tap(bo, "unpick", {"pick": picks[0].id}, status=409)
    state = await tap(aisha, "unpick", {"pick": picks[0].id})
    assert [p["title"] for p in state["picked"]] == ["Frugt til <b>lektiecaféen</b>"]
    await tap(aisha, "pick", {"card": 7}, status=400)


async def test_a_tap_that_arrives_twice_is_carried_out_once(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    """A retried or replayed request (same token, same tap id) is answered again and not
    carried out again: no second card in one's own words, no second note."""
    desk, client = phones
    ids = people(game)
    aisha = await join(client, desk, ids["Aisha"])
    goto(game, "det-giver-vi")
    blank = next(card.id for card in game.deck.cards if card.kind.value == "blank")

    async def send(path: str, body: dict[str, Any], tap: str) -> Any:
        answer = await client.post(f"/{desk.key}/api/{path}", json=body,
                                   headers={"X-Phone": aisha, "X-Tap": tap})
        assert answer.status == 200, await answer.text()
        return await answer.json()

    first = await send("pick", {"card": blank, "text": "Kaffe"}, "tap-1")
    again = await send("pick", {"card": blank, "text": "Kaffe"}, "tap-1")
    assert again == first and again["received"] is True
    assert [p.text for p in game.state.picks.values()] == ["Kaffe"]
    await send("note", {"text": "Pause snart?"}, "tap-2")
    await send("note", {"text": "Pause snart?"}, "tap-2")
    assert [n.text for n in game.state.notes.values()] == ["Pause snart?"]
    # A new tap with the same words is a new action: the person meant it twice.
    await send("pick", {"card": blank, "text": "Kaffe"}, "tap-3")
    assert [p.text for p in game.state.picks.values()] == ["Kaffe", "Kaffe"]
    # A replay with a released phone's token is refused, whatever its tap id.
    game.release_phone(ids["Aisha"])
    for tap in ("tap-4", "tap-1"):
        answer = await client.post(f"/{desk.key}/api/note", json={"text": "x"},
                                   headers={"X-Phone": aisha, "X-Tap": tap})
        assert answer.status == 401


async def test_the_card_on_the_table_a_pass_on_ones_own_turn_and_a_note(
        phones: tuple[Desk, TestClient], game: Game) -> None:  # noqa: F811
    desk, client = phones
    ids = people(game)
    aisha = await join(client, desk, ids["Aisha"])
    bo = await join(client, desk, ids["Bo"])
    game.next_round()  # turns per participant: Aisha first
    game.draw()

    async def tap(token: str, path: str, body: dict[str, Any], status: int = 200) -> Any:
        answer = await client.post(f"/{desk.key}/api/{path}", json=body,
                                   headers={"X-Phone": token})
        assert answer.status == status, await answer.text()
        return await answer.json()

    state = (await (await client.get(f"/{desk.key}/api/state",
                                     headers={"X-Phone": bo})).json())["state"]
    assert state["mode"] == "turns" and state["turn"] == "Tur: Aisha"
    assert state["card"]["title"] and not state["yours"]
    refused = await tap(bo, "pass", {}, status=409)
    assert refused["error"] == "Det er ikke din tur."
    state = (await tap(aisha, "pass", {}))["state"]
    assert state["turn"] == "Tur: Bo"
    record = game.state.round_state(game.deck.rounds[0].id)
    assert record.turns[ids["Aisha"]].outcome == "passed"
    await tap(bo, "note", {"text": "Kan vi tale om <b>nøglerne</b>?"})
    note = list(game.state.notes.values())[-1]
    assert note.text == "Kan vi tale om <b>nøglerne</b>?" and note.taker == ids["Bo"]


async def test_after_the_app_is_killed_phones_reconnect_and_no_received_vote_is_lost(
        game: Game) -> None:  # noqa: F811
    """The key and the phones' bindings are in the log; a vote a phone heard "received"
    for is on disk. A new app on the same file answers the same address and tokens."""
    import aiohttp

    from vaerdispil.phones.room import Room

    values = pick_three(game)
    ids = people(game)

    async def run(command: Any) -> Any:
        return command()

    room = Room(lambda: game, run, "127.0.0.1", 0)
    await room.start()
    address = room.address
    async with aiohttp.ClientSession() as phone:
        async with phone.post(address + "api/join", json={"participant": ids["Emil"]}) as answer:
            token = (await answer.json())["token"]
        async with phone.post(address + "api/vote", headers={"X-Phone": token},
                              json={"value": values[1], "dots": 2}) as answer:
            assert (await answer.json())["received"] is True
    # The app dies here: no goodbye, the socket and the file are simply gone.
    await room.stop()
    path = game.log.path
    game.log.close()
    again = Game.open(path)
    try:
        room = Room(lambda: again, run, "127.0.0.1", 0)
        await room.start()
        assert room.desk.key == address.rstrip("/").rsplit("/", 1)[1]  # the same address
        async with aiohttp.ClientSession() as phone:
            async with phone.get(room.address + "api/state",
                                 headers={"X-Phone": token}) as answer:
                state = (await answer.json())["state"]
        assert state["you"]["name"] == "Emil"
        assert [value["mine"] for value in state["values"]] == [0, 2, 0]
        await room.stop()
    finally:
        again.close()


async def test_phones_from_the_f2_panel_and_the_palette(game: Game, clock: Any) -> None:  # noqa: F811
    from tests.test_game_rules import DECK
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.dialogs.phones import PhonesDialog

    game.next_round()
    app = VaerdispilApp(DECK, "da", game=game, clock=clock, phones_host="127.0.0.1",
                        phones_port=0)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.click("#ctl-phones")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PhonesDialog) and app.room is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"telefoner")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PhonesDialog)
        await pilot.click("#off")
        await pilot.pause()
        assert app.room is None


class Newsroom:
    """The phones' server as the app runs it: each command, then the news to the phones."""

    def __init__(self, game: Game) -> None:  # noqa: F811
        self.desk = Desk(lambda: game)
        self.server = PhoneServer(self.desk, self.run)
        self.client = TestClient(TestServer(self.server.app(), host="127.0.0.1"))

    async def run(self, command: Any) -> Any:
        result = command()
        self.server.changed()
        return result

    async def state(self, token: str, seen: str = "") -> dict[str, Any]:
        answer = await self.client.get(f"/{self.desk.key}/api/state", params={"seen": seen},
                                       headers={"X-Phone": token})
        return dict(await answer.json())

    async def tap(self, token: str, path: str) -> None:
        answer = await self.client.post(f"/{self.desk.key}/api/{path}", json={},
                                        headers={"X-Phone": token})
        assert answer.status == 200, await answer.text()

    async def waiting_for(self, seen: str, token: str) -> Any:
        """A phone's question "what is new since `seen`?", once the server holds it."""
        import asyncio

        news = asyncio.ensure_future(self.state(token, seen))

        async def held() -> None:
            while self.server.waiting == 0 and not news.done():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(held(), 10)
        assert not news.done()  # nothing new yet: the question waits
        return news


async def test_a_waiting_phone_hears_of_a_change_at_once(game: Game) -> None:  # noqa: F811
    """A phone asks "what is new since this?" and is answered when the workshop changes,
    not on its next poll; turning phones off answers it at once too."""
    import asyncio

    pick_three(game)
    ids = people(game)
    room = Newsroom(game)
    await room.client.start_server()
    try:
        aisha = await join(room.client, room.desk, ids["Aisha"])
        bo = await join(room.client, room.desk, ids["Bo"])
        first = await room.state(aisha)
        assert first["state"]["voted_text"] == "0 af 5 har stemt"
        news = await room.waiting_for(first["seen"], aisha)
        await room.tap(bo, "done")  # Bo is done with his secret vote
        heard = await asyncio.wait_for(news, 10)
        assert heard["state"]["voted_text"] == "1 af 5 har stemt"
        assert heard["seen"] != first["seen"]
        news = await room.waiting_for(heard["seen"], aisha)
        room.server.close()  # phones off: answered now, not after half a minute
        assert (await asyncio.wait_for(news, 10))["seen"] == heard["seen"]
    finally:
        await room.client.close()


async def test_undo_on_the_laptop_reaches_a_waiting_phone(game: Game) -> None:  # noqa: F811
    import asyncio

    ids = people(game)
    room = Newsroom(game)
    await room.client.start_server()
    try:
        aisha = await join(room.client, room.desk, ids["Aisha"])
        bo = await join(room.client, room.desk, ids["Bo"])
        game.next_round()  # turns per participant: Aisha first
        game.draw()
        await room.tap(aisha, "pass")
        now = await room.state(bo)
        assert now["state"]["turn"] == "Det er din tur" and now["state"]["yours"]
        news = await room.waiting_for(now["seen"], bo)
        game.undo()  # the facilitator takes Aisha's pass back
        room.server.changed()  # what the app's refresh does after every change
        heard = await asyncio.wait_for(news, 10)
        assert heard["state"]["turn"] == "Tur: Aisha" and not heard["state"]["yours"]
    finally:
        await room.client.close()


async def test_a_phone_in_its_own_language_with_the_danish_title_beside(
        phones: tuple[Desk, TestClient], game: Game,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A participant who reads Arabic first chooses it on the phone: the page's words,
    the round and the values to vote on are in Arabic, each card with its Danish title
    beside it, so everyone in the room names the same card."""
    import threading

    import vaerdispil.deck.catalog as catalog
    from vaerdispil.deck.catalog import resolve_deck

    desk, client = phones
    pick_three(game)
    arabic = resolve_deck("vaerdispil", "ar")
    readers = []
    read = catalog.translation_of

    def translation_of(deck: Any, language: str) -> Any:
        readers.append(threading.current_thread() is threading.main_thread())
        return read(deck, language)

    monkeypatch.setattr(catalog, "translation_of", translation_of)
    aisha = await join(client, desk, people(game)["Aisha"])

    async def state(language: str, token: str = aisha) -> dict[str, Any]:
        answer = await client.get(f"/{desk.key}/api/state", params={"lang": language},
                                  headers={"X-Phone": token})
        return dict((await answer.json())["state"])

    seen = await state("ar")
    assert seen["language"] == "ar" and seen["direction"] == "rtl"
    vote_round = next(r for r in arabic.rounds if r.id == "afstemning")
    assert (seen["round"], seen["prompt"]) == (vote_round.title, vote_round.prompt)
    from vaerdispil.i18n import plural

    assert seen["left_text"] == plural("ar", "phone.dots_left", 3, left=3) != plural(
        "da", "phone.dots_left", 3, left=3)  # Arabic's own plural form for three
    lokaler = next(v for v in seen["values"] if v["key"] == "card:lokaler")
    assert lokaler["title"] == arabic.card("lokaler").title
    assert lokaler["original"] == "Lokaler" and lokaler["beside"] != "På dansk"
    # A tap's answer comes in the language it was asked in (X-Language).
    answer = await client.post(f"/{desk.key}/api/vote", json={"value": "card:lokaler",
                                                              "dots": 1},
                               headers={"X-Phone": aisha, "X-Language": "uk"})
    data = await answer.json()
    assert data["state"]["language"] == "uk" and data["state"]["direction"] == "ltr"
    assert data["state"]["values"][0]["title"] == resolve_deck("vaerdispil", "uk").card(
        "lokaler").title
    # Each translation was read once, and never on the event loop (a YAML file).
    assert readers == [False, False]
    # An unknown language: the workshop's own, and no title beside.
    plain = await state("xx")
    assert plain["language"] == "da" and "original" not in plain["values"][0]
    # The page carries its words in every phone language, each named in its own.
    page = await (await client.get(f"/{desk.key}/")).text()
    for name in ("العربية", "فارسی", "اردو", "Soomaali", "Türkçe", "Українська"):
        assert name in page
