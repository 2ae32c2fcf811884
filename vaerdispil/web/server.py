"""The browser mode's web server: textual-serve, with the doors closed.

textual-serve runs one app per browser tab over a WebSocket. Left as it is, any web page
the facilitator has open could connect to that socket (no origin check, no secret), and
its page loads a font from Google. This layer, kept small, adds:

- a secret token per run (192 bits) in the address: the page and its socket need it;
- an Origin check on the socket: only this server's own page may connect;
- a limit on what a message from the browser may weigh;
- security headers on every answer (a Content-Security-Policy with no third parties,
  nosniff, no referrer, no caching), and no directory listings;
- a page and a favicon served from the package, so nothing comes from the internet.

Binding beyond 127.0.0.1 is the caller's choice, and `vaerdispil serve` asks for a flag
that names the risk.
"""

from __future__ import annotations

import html
import secrets
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .headers import secure

HERE = Path(__file__).parent
FONTS = HERE.parent / "fonts"
MAX_MESSAGE = 64 * 1024
"""Bytes a message from the browser may have: keys, sizes and pings are far smaller."""

KEPT_BYTES = 200 * 1024 * 1024
"""Downloads kept in memory for links used again (a summary PDF is about 100 KB)."""

TOKEN_BYTES = 24
"""A token of 192 bits, new for every run of the server."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class SafeServer(Server):
    """textual-serve's Server, reachable only with this run's token and from its own page."""

    def __init__(self, command: str, host: str, port: int, title: str,
                 words: dict[str, str], language: str = "da") -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.token = secrets.token_urlsafe(TOKEN_BYTES)
        self.words = words
        """The page's few words (starting, ended, restart), in the app's language."""
        self.language = language
        host_part = f"[{host}]" if ":" in host else host
        self.origins = {f"http://{host_part}:{port}"}
        if host in ("127.0.0.1", "::1", "localhost"):
            self.origins |= {f"http://127.0.0.1:{port}", f"http://localhost:{port}",
                             f"http://[::1]:{port}"}
        self.public_url = f"http://{host_part}:{port}"
        self._kept: dict[str, tuple[str, str, str | None, bytes]] = {}
        """Files handed to the browser, by their link's key: (name, type, encoding, data)."""

    @property
    def address(self) -> str:
        """The address to open: the page, with this run's token."""
        return f"{self.public_url}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._headers], client_max_size=MAX_MESSAGE)
        app.add_routes([
            web.get("/", self.handle_page, name="index"),
            web.get("/ws/{token}", self.handle_socket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.get("/favicon.ico", self.handle_favicon),
            web.get("/fonts/DejaVuSans.ttf", self.handle_symbols_font),
            web.static("/app", HERE / "static", show_index=False, name="app-static"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `vaerdispil serve` prints the address itself."""

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given, self.token)

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Security headers on every answer, errors included."""
        try:
            response = await handler(request)
        except web.HTTPException as error:
            response = error
        socket_source = self.public_url.replace("http://", "ws://", 1)
        return secure(response, "; ".join((
            "default-src 'self'", f"connect-src 'self' {socket_source}",
            "img-src 'self' data:", "font-src 'self'", "style-src 'self' 'unsafe-inline'",
            "script-src 'self'", "object-src 'none'", "base-uri 'none'",
            "frame-ancestors 'none'", "form-action 'none'")))

    async def handle_page(self, request: web.Request) -> web.Response:
        """The page, for the address with this run's token; 403 otherwise."""
        if not self._token_ok(request.query.get("token")):
            raise web.HTTPForbidden(text=self.words["forbidden"])
        font_size = to_int(request.query.get("fontsize", "16"), 16)
        values = {
            "language": self.language, "title": self.title,
            "starting": self.words["starting"], "ended": self.words["ended"],
            "restart": self.words["restart"],
            "websocket_url": f"{self.public_url.replace('http://', 'ws://', 1)}/ws/{self.token}",
            "font_size": str(max(8, min(font_size, 48))),
        }
        page = (HERE / "templates" / "index.html").read_text(encoding="utf-8")
        for name, value in values.items():
            page = page.replace("{{ " + name + " }}", html.escape(value, quote=True))
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app hands to the browser. textual-serve streams it once and forgets
        the link; here it is kept (up to KEPT_BYTES in all, the oldest go first), so the
        link works again for as long as the server runs."""
        key = request.match_info["key"]
        kept = self._kept.get(key)
        if kept is None:
            try:
                meta = await self.download_manager.get_download_metadata(key)
            except KeyError:
                raise web.HTTPNotFound(text=self.words["gone"]) from None
            chunks = [chunk async for chunk in self.download_manager.download(key)]
            data = b"".join(chunk if isinstance(chunk, bytes) else chunk.encode(
                meta.encoding or "utf-8") for chunk in chunks)
            kept = (meta.file_name, meta.mime_type, meta.encoding, data)
            self._keep(key, kept)
        name, mime_type, encoding, data = kept
        quoted = urllib.parse.quote(name)
        headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"}
        return web.Response(body=data, headers=headers, content_type=mime_type,
                            charset=encoding or None)

    def _keep(self, key: str, kept: tuple[str, str, str | None, bytes]) -> None:
        self._kept[key] = kept
        while sum(len(item[3]) for item in self._kept.values()) > KEPT_BYTES and \
                len(self._kept) > 1:
            del self._kept[next(iter(self._kept))]

    async def handle_favicon(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(HERE / "static" / "favicon.svg",
                                headers={"Content-Type": "image/svg+xml"})

    async def handle_symbols_font(self, request: web.Request) -> web.FileResponse:
        """The font for the symbols Roboto Mono lacks: the PDFs' DejaVu Sans."""
        return web.FileResponse(FONTS / "DejaVuSans.ttf", headers={"Content-Type": "font/ttf"})

    async def handle_socket(self, request: web.Request) -> web.WebSocketResponse:
        """The socket that drives one tab's app: this run's token, from this server's own
        page (its Origin), with messages no bigger than MAX_MESSAGE."""
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text=self.words["forbidden"])
        if request.headers.get("Origin") not in self.origins:
            raise web.HTTPForbidden(text=self.words["forbidden_origin"])
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        width = max(20, min(to_int(request.query.get("width", "80"), 80), 1000))
        height = max(5, min(to_int(request.query.get("height", "24"), 24), 500))
        service: AppService | None = None
        try:
            await socket.prepare(request)
            service = AppService(self.command, write_bytes=socket.send_bytes,
                                 write_str=socket.send_str, close=socket.close,
                                 download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(socket, service)
        finally:
            if service is not None:
                await service.stop()
        return socket

    async def _process_messages(self, websocket: web.WebSocketResponse,
                                app_service: AppService) -> None:
        """textual-serve's loop, but a message that is not what the page sends ends the
        connection instead of raising."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope: Any = message.json()
                kind = envelope[0]
            except (ValueError, TypeError, IndexError, KeyError):
                await websocket.close(code=1003, message=b"not a message this page sends")
                return
            if kind == "stdin" and isinstance(envelope[1:2], list) and \
                    isinstance(envelope[1], str):
                await app_service.send_bytes(envelope[1].encode("utf-8"))
            elif kind == "resize" and isinstance(envelope[1], dict):
                size = envelope[1]
                await app_service.set_terminal_size(
                    max(20, min(to_int(str(size.get("width", 80)), 80), 1000)),
                    max(5, min(to_int(str(size.get("height", 24)), 24), 500)))
            elif kind == "ping":
                await websocket.send_json(["pong", str(envelope[1])[:64]])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
