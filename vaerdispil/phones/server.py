"""The phones' web server: one small page and its API, inside the app's own process.

Everything lives under /KEY/ (the workshop key: 128 random bits, new each time phones go
on); any other address is 404. After joining, every request carries the phone's token
(header X-Phone). Bodies are small, each address may make only so many requests, and
every answer has security headers (a CSP allowing nothing from elsewhere, no-store, no
referrer, no framing). Nothing but the page, its script and style, and the API is served.

A tap is an engine command that `run` carries out on the app's side (the app is the only
writer of the log); the answer says "received" only once the event is on disk.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from ..game.checks import RuleError
from ..i18n import text
from ..session.errors import SessionError
from ..web.headers import secure
from .desk import PHONE_LANGUAGES, RTL, Command, Desk

HERE = Path(__file__).parent
MAX_BODY = 4 * 1024
"""Bytes a request's body may have: a vote or a join is a few dozen."""
RATE = (40, 10.0)
"""At most 40 requests in 10 seconds from one phone, or from one address before joining
(a phone asks again at once after each change, and after WAIT seconds of none)."""
ANSWERS_KEPT = 2000
"""Taps whose answers are kept for a repeat (a few minutes of a busy room)."""
WAIT = 25.0
"""How long a phone's question "what is new since this?" waits for a change before it is
answered with the same (under the usual 30-60 s at which phones and wifi drop a quiet
connection)."""

Runner = Callable[[Command], Awaitable[Any]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CSP = "; ".join(("default-src 'none'", "script-src 'self'", "style-src 'self'",
                 "connect-src 'self'", "img-src 'self'", "base-uri 'none'",
                 "form-action 'none'", "frame-ancestors 'none'"))


class PhoneServer:
    """The page and API for one workshop's phones; `app()` is the aiohttp application."""

    def __init__(self, desk: Desk, run: Runner) -> None:
        self.desk = desk
        self.run = run
        self._recent: dict[str, deque[float]] = {}
        self._change = asyncio.Event()
        self._closing = False
        self.waiting = 0
        """Phones waiting for news right now (each open page has one question out)."""
        self._answered: dict[tuple[str, str], bytes] = {}
        """Recent taps by (token, the tap's id, header X-Tap) and what they were answered:
        a tap that arrives twice (a retry after the wifi dropped the answer, or a replay)
        is answered again, never carried out twice."""

    def changed(self) -> None:
        """The workshop changed (a key, a tap, an undo): every phone waiting hears of it."""
        change, self._change = self._change, asyncio.Event()
        change.set()

    def close(self) -> None:
        """Answer every waiting phone now: the server is about to stop."""
        self._closing = True
        self.changed()

    async def _fresh(self, seen: str, look: Callable[[], Any]) -> web.Response:
        """What `look` gives, as soon as it differs from what the phone has (`seen`, the
        stamp of its last answer), or after WAIT seconds: a phone learns of a change at
        once instead of on its next poll."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT
        while True:
            data = look()
            stamp = hashlib.blake2b(json.dumps(data, sort_keys=True).encode(),
                                    digest_size=9).hexdigest()
            left = deadline - loop.time()
            if stamp != seen or left <= 0 or self._closing:
                return web.json_response({**data, "seen": stamp})
            self.waiting += 1
            try:
                await asyncio.wait_for(self._change.wait(), left)
            except TimeoutError:
                pass
            finally:
                self.waiting -= 1

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_BODY)
        key = self.desk.key
        app.add_routes([
            web.get(f"/{key}/", self.page),
            web.get(f"/{key}/phone.js", self.asset),
            web.get(f"/{key}/phone.css", self.asset),
            web.get(f"/{key}/api/people", self.people),
            web.post(f"/{key}/api/join", self.join),
            web.get(f"/{key}/api/state", self.state),
            web.post(f"/{key}/api/vote", self.vote),
            web.post(f"/{key}/api/done", self.done),
            web.post(f"/{key}/api/pick", self.pick),
            web.post(f"/{key}/api/unpick", self.unpick),
            web.post(f"/{key}/api/pass", self.pass_turn),
            web.post(f"/{key}/api/note", self.note),
        ])
        return app

    # -- the guard on every request ------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            # Counted per phone (its token), and per address before a phone has joined.
            if not self._allowed(request.headers.get("X-Phone") or request.remote or "?"):
                raise web.HTTPTooManyRequests(text="too many requests; wait a moment")
            tap = (request.headers.get("X-Phone", ""), request.headers.get("X-Tap", "")[:64])
            once = request.method == "POST" and all(tap)
            if once and tap in self._answered and self.desk.who(tap[0]) is not None:
                return secure(web.Response(body=self._answered[tap],
                                           content_type="application/json"), CSP)
            response = await handler(request)
            if once and response.status == 200 and isinstance(response, web.Response) and \
                    isinstance(response.body, bytes):
                if len(self._answered) >= ANSWERS_KEPT:
                    del self._answered[next(iter(self._answered))]  # the oldest first
                self._answered[tap] = response.body
        except web.HTTPException as error:
            response = error
        return secure(response, CSP)

    def _allowed(self, who: str) -> bool:
        most, seconds = RATE
        now = time.monotonic()
        if len(self._recent) > 10_000:  # made-up tokens: forget the quiet ones
            self._recent = {key: times for key, times in self._recent.items()
                            if times and now - times[-1] <= seconds}
        recent = self._recent.setdefault(who[:64], deque())
        while recent and now - recent[0] > seconds:
            recent.popleft()
        if len(recent) >= most:
            return False
        recent.append(now)
        return True

    # -- the page ----------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        """The page, with its words in every phone language (a participant may choose
        another than the workshop's; the choice stays on the phone)."""
        language = self.desk.language()
        words = {"language": language, "names": PHONE_LANGUAGES, "rtl": sorted(RTL),
                 "words": {code: {name: text(code, f"phone.{name}") for name in PAGE_WORDS}
                           for code in PHONE_LANGUAGES}}
        page = (HERE / "static" / "phone.html").read_text(encoding="utf-8")
        page = page.replace("{{ language }}", language).replace(
            "{{ words }}", html.escape(json.dumps(words, ensure_ascii=False), quote=True))
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def asset(self, request: web.Request) -> web.FileResponse:
        name = request.path.rsplit("/", 1)[1]
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        return web.FileResponse(HERE / "static" / name, headers={"Content-Type": kind})

    # -- the API -----------------------------------------------------------------

    def _person(self, request: web.Request) -> str:
        participant = self.desk.who(request.headers.get("X-Phone"))
        if participant is None:
            raise web.HTTPUnauthorized(text=json.dumps(
                {"error": text(self.desk.language(), "phone.not_joined")}),
                content_type="application/json")
        return participant

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            raise web.HTTPBadRequest(text='{"error": "not JSON"}',
                                     content_type="application/json") from None
        if not isinstance(body, dict):
            raise web.HTTPBadRequest(text='{"error": "not an object"}',
                                     content_type="application/json")
        return body

    async def _carry(self, command: Command) -> None:
        """Run a tap's command in the app; a refusal is said in the workshop's language."""
        try:
            await self.run(command)
        except RuleError as error:
            raise web.HTTPConflict(text=json.dumps(
                {"error": error.message(self.desk.language())}, ensure_ascii=False),
                content_type="application/json") from None
        except SessionError:
            raise web.HTTPServiceUnavailable(text=json.dumps(
                {"error": text(self.desk.language(), "phone.not_saved")}, ensure_ascii=False),
                content_type="application/json") from None

    async def people(self, request: web.Request) -> web.Response:
        """Who may join; with ?seen=STAMP, waits for a change (a late arrival appears)."""
        return await self._fresh(request.query.get("seen", ""),
                                 lambda: {"people": self.desk.people()})

    async def join(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        participant = body.get("participant")
        if not isinstance(participant, str) or \
                participant not in {person["id"] for person in self.desk.people()}:
            raise web.HTTPConflict(text=json.dumps(
                {"error": text(self.desk.language(), "phone.no_person")}, ensure_ascii=False),
                content_type="application/json")
        token, command = self.desk.join(participant)
        await self._carry(command)
        return await self._received(request, participant, token=token)

    async def state(self, request: web.Request) -> web.Response:
        """The phone's view; with ?seen=STAMP, answered when it changes (or after WAIT)."""
        participant = self._person(request)
        language = await self._language_ready(request)
        return await self._fresh(request.query.get("seen", ""),
                                 lambda: {"state": self.desk.view(participant, language)})

    async def _language_ready(self, request: web.Request) -> str:
        """The language the phone asked for, with the deck's translation into it read:
        in a thread the first time (a YAML file; this is the app's own event loop)."""
        language = _language(request)
        game = self.desk.game
        if game is not None and not self.desk.read_yet(game.deck, language):
            await asyncio.to_thread(self.desk.translated, game.deck, language)
        return language

    async def _received(self, request: web.Request, participant: str,
                        **more: str) -> web.Response:
        """A tap's answer: received (on disk), and the phone's view now."""
        language = await self._language_ready(request)
        return web.json_response({**more, "received": True,
                                  "state": self.desk.view(participant, language)})

    async def vote(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        body = await self._body(request)
        value, dots = body.get("value"), body.get("dots")
        if not isinstance(value, str) or type(dots) is not int:
            raise web.HTTPBadRequest(text='{"error": "value and dots"}',
                                     content_type="application/json")
        await self._carry(self.desk.vote(participant, value, dots))
        return await self._received(request, participant)

    async def pick(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        body = await self._body(request)
        card, side = body.get("card"), body.get("side")
        words, reason = body.get("text", ""), body.get("reason", "")
        if not isinstance(card, str) or not isinstance(words, str) or \
                not isinstance(reason, str) or not (side is None or isinstance(side, str)):
            raise web.HTTPBadRequest(text='{"error": "card, side, text, reason"}',
                                     content_type="application/json")
        await self._carry(self.desk.pick(participant, card, side, words, reason))
        return await self._received(request, participant)

    async def unpick(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        body = await self._body(request)
        pick = body.get("pick")
        if not isinstance(pick, str):
            raise web.HTTPBadRequest(text='{"error": "pick"}', content_type="application/json")
        await self._carry(self.desk.unpick(participant, pick))
        return await self._received(request, participant)

    async def pass_turn(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        await self._carry(self.desk.pass_turn(participant))
        return await self._received(request, participant)

    async def note(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        words = (await self._body(request)).get("text")
        if not isinstance(words, str):
            raise web.HTTPBadRequest(text='{"error": "text"}', content_type="application/json")
        await self._carry(self.desk.note(participant, words))
        return await self._received(request, participant)

    async def done(self, request: web.Request) -> web.Response:
        participant = self._person(request)
        await self._carry(self.desk.done(participant))
        return await self._received(request, participant)


def _language(request: web.Request) -> str:
    """The language the phone asked for (?lang= or X-Language), if it is one we have."""
    asked = request.query.get("lang") or request.headers.get("X-Language", "")
    return asked if asked in PHONE_LANGUAGES else ""


PAGE_WORDS = ("title", "choose", "taken", "joined", "received", "waiting", "done", "finished",
              "hidden", "not_joined", "offline",
              "ended", "round", "pick", "picked", "own_words", "why", "remove", "give",
              "get", "pass", "note", "note_sent", "language", "send")
"""The words the page needs (phone.NAME in vaerdispil.i18n), in the workshop's language."""
