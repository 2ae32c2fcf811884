"""The browser mode's door: only this run's own page may connect (protocol tests with
aiohttp's test client, in this process; the app behind the socket is a stand-in)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from vaerdispil.web.server import MAX_MESSAGE, SafeServer

WORDS = {"starting": "Starter", "ended": "Lukket", "restart": "Igen",
         "forbidden": "Nøglen mangler", "forbidden_origin": "Kun egen side",
         "gone": "Filen findes ikke"}
# Stands in for the app: reads what the browser sends, until the socket closes.
STAND_IN = shlex.join([sys.executable, "-c", "import sys; sys.stdin.buffer.read()"])


async def client_for(server: SafeServer) -> TestClient:
    app = await server._make_app()  # noqa: SLF001 - the aiohttp app, as serve() builds it
    client = TestClient(TestServer(app, host="127.0.0.1", port=server.port))
    await client.start_server()
    return client


@pytest.fixture
async def served(unused_tcp_port: int) -> AsyncIterator[tuple[SafeServer, TestClient]]:
    server = SafeServer(STAND_IN, host="127.0.0.1", port=unused_tcp_port, title="Værdispillet",
                        words=WORDS)
    client = await client_for(server)
    yield server, client
    await client.close()


async def test_the_page_needs_this_runs_token(served: tuple[SafeServer, TestClient]) -> None:
    server, client = served
    assert len(server.token) >= 32  # 24 random bytes: 192 bits
    for query in ("", "?token=", "?token=guess", f"?token={server.token[:-1]}"):
        answer = await client.get(f"/{query}")
        assert answer.status == 403
        assert "Nøglen mangler" in await answer.text()
        assert answer.headers["Cache-Control"] == "no-store"
    answer = await client.get(f"/?token={server.token}")
    assert answer.status == 200
    page = await answer.text()
    assert f"/ws/{server.token}" in page and "<div>Værdispillet</div>" in page
    assert "https://" not in page and "googleapis" not in page


async def test_every_answer_carries_the_security_headers(
        served: tuple[SafeServer, TestClient]) -> None:
    server, client = served
    for path in (f"/?token={server.token}", "/app/page.css", "/static/js/textual.js",
                 "/favicon.ico", "/nothing-here"):
        answer = await client.get(path)
        policy = answer.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "http" not in policy.replace(f"ws://127.0.0.1:{server.port}", "")
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert answer.headers["Cache-Control"] == "no-store"
    favicon = await client.get("/favicon.ico")
    assert favicon.status == 200 and "svg" in favicon.headers["Content-Type"]


async def test_no_folder_is_listed(served: tuple[SafeServer, TestClient]) -> None:
    _, client = served
    for path in ("/static/", "/static/js/", "/app/", "/static/../"):
        answer = await client.get(path)
        assert answer.status in (403, 404)
        assert "textual.js" not in await answer.text()


async def test_the_socket_refuses_other_pages_and_wrong_tokens(
        served: tuple[SafeServer, TestClient]) -> None:
    server, client = served
    own = f"http://127.0.0.1:{server.port}"
    refused = [
        (f"/ws/{server.token}", "http://evil.example.com"),  # another site's page
        (f"/ws/{server.token}", None),  # no Origin at all (not a browser page)
        (f"/ws/{server.token}", f"http://127.0.0.1:{server.port + 1}"),  # another local server
        ("/ws/guess", own),
        ("/ws/", own),
    ]
    for path, origin in refused:
        headers = {"Origin": origin} if origin else {}
        with pytest.raises(aiohttp.WSServerHandshakeError) as refusal:
            await client.ws_connect(path, headers=headers)
        assert refusal.value.status in (403, 404)
    socket = await client.ws_connect(f"/ws/{server.token}?width=80&height=24",
                                     headers={"Origin": own})
    await socket.send_json(["ping", "1"])
    answer = await socket.receive_json(timeout=20)
    assert answer == ["pong", "1"]
    await socket.close()


async def test_an_oversized_or_strange_message_ends_the_connection(
        served: tuple[SafeServer, TestClient]) -> None:
    server, client = served
    own = {"Origin": f"http://127.0.0.1:{server.port}"}
    socket = await client.ws_connect(f"/ws/{server.token}", headers=own)
    await socket.send_str('["stdin", "' + "a" * (MAX_MESSAGE + 10) + '"]')
    message = await socket.receive(timeout=20)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                            aiohttp.WSMsgType.ERROR)
    assert socket.closed or socket.close_code == 1009
    socket = await client.ws_connect(f"/ws/{server.token}", headers=own)
    await socket.send_str("not json")
    message = await socket.receive(timeout=20)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    await socket.close()


async def test_a_token_from_an_earlier_run_is_refused(unused_tcp_port: int) -> None:
    earlier = SafeServer(STAND_IN, "127.0.0.1", unused_tcp_port, "Værdispillet", WORDS)
    later = SafeServer(STAND_IN, "127.0.0.1", unused_tcp_port, "Værdispillet", WORDS)
    assert earlier.token != later.token
    client = await client_for(later)
    try:
        assert (await client.get(f"/?token={earlier.token}")).status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await client.ws_connect(f"/ws/{earlier.token}",
                                    headers={"Origin": f"http://127.0.0.1:{unused_tcp_port}"})
    finally:
        await client.close()


def test_serving_beyond_this_computer_needs_a_flag_that_names_the_risk(
        capsys: pytest.CaptureFixture[str]) -> None:
    from vaerdispil.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-network" in err and "0.0.0.0" in err


class OnceOnly:
    """Stands in for textual-serve's download manager: a link works once, as there."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    async def get_download_metadata(self, key: str):  # type: ignore[no-untyped-def]
        from types import SimpleNamespace

        if key not in self.files:
            raise KeyError(key)
        return SimpleNamespace(file_name="2027-03-01-vollsmose-summary.pdf",
                               mime_type="application/pdf", encoding=None)

    async def download(self, key: str):  # type: ignore[no-untyped-def]
        data = self.files.pop(key)
        for start in range(0, len(data), 4):
            yield data[start:start + 4]


async def test_a_download_link_works_again_for_as_long_as_the_server_runs(
        served: tuple[SafeServer, TestClient]) -> None:
    server, client = served
    server.download_manager = OnceOnly({"k1": b"%PDF-1.4 the summary"})  # type: ignore[assignment]
    for _ in range(2):  # the second fetch (a second click, a reload) works too
        answer = await client.get("/download/k1")
        assert answer.status == 200
        assert await answer.read() == b"%PDF-1.4 the summary"
        assert answer.headers["Content-Disposition"] == (
            "attachment; filename*=UTF-8''2027-03-01-vollsmose-summary.pdf")
        assert answer.headers["Content-Type"].startswith("application/pdf")
    missing = await client.get("/download/nope")
    assert missing.status == 404 and "Filen findes ikke" in await missing.text()
