"""Phones on and off: the phones' server inside the app's own process, on the laptop's
address in the room's network, and the QR code that takes a phone there.

The server runs on the app's event loop (aiohttp's AppRunner), so a tap's command runs
on the same loop as a key press: the app stays the only writer of the log.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from typing import Any

from aiohttp import web

from ..session.game import Game
from .desk import Desk
from .server import PhoneServer, Runner

DEFAULT_PORT = 8470
"""The port phones use unless told otherwise (vaerdispil play --phones-port)."""


def room_address() -> str:
    """The laptop's address in the room's network: the one its traffic to the network
    would leave from (no packet is sent), else 127.0.0.1."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return str(address) if address and not address.startswith("0.") else "127.0.0.1"


def qr_lines(address: str) -> list[str]:
    """The address as a QR code in text: each character two modules high (▀ ▄ █ and
    space), dark on light, with the quiet zone a scanner needs."""
    import segno

    code = segno.make(address, error="m", micro=False)
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=2)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2], strict=True):
        # Light modules are drawn (the terminal's background is dark): a dark module is
        # a gap. So the code reads dark-on-light whatever the terminal's colours.
        lines.append("".join({(False, False): "█", (False, True): "▀", (True, False): "▄",
                              (True, True): " "}[(a, b)] for a, b in zip(top, bottom,
                                                                        strict=True)))
    return lines


class Room:
    """Phones for one workshop while they are on: the desk, the server, its address."""

    def __init__(self, game: Callable[[], Game | None], run: Runner,
                 host: str | None = None, port: int = DEFAULT_PORT) -> None:
        self.desk = Desk(game)
        self._server = PhoneServer(self.desk, run)
        self.host = host or room_address()
        self.port = port
        self._runner: web.AppRunner | None = None

    @property
    def address(self) -> str:
        """What a phone opens (and the QR code holds)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/{self.desk.key}/"

    @property
    def on(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        """Listen on the room's address; OSError (say, the port is taken) if it cannot.
        The workshop's key goes into its log first (the first time), so the address
        works again after a restart."""
        keep = self.desk.keep_key()
        if keep is not None:
            keep()
        runner = web.AppRunner(self._server.app(), access_log=None, handle_signals=False,
                               shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        if self.port == 0:  # a free port, chosen by the system (tests)
            sockets: Any = site._server.sockets  # noqa: SLF001 - aiohttp keeps it there
            self.port = int(sockets[0].getsockname()[1])
        self._runner = runner

    def changed(self) -> None:
        """The workshop changed: phones waiting for news get it now."""
        self._server.changed()

    async def stop(self) -> None:
        """Stop listening: the address no longer answers."""
        runner, self._runner = self._runner, None
        if runner is not None:
            self._server.close()
            await runner.cleanup()
