"""`vaerdispil serve` answers HTTP on localhost with the app's page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(tmp_path: Path, port: int, stdout: int = subprocess.DEVNULL
                 ) -> tuple[subprocess.Popen[bytes], str]:
    """`vaerdispil serve` on `port`, and the address it prints (with its secret key)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "vaerdispil", "serve", "--port", str(port), "--no-browser"],
        stdout=stdout, stderr=subprocess.PIPE,
        env={**os.environ, "VAERDISPIL_HOME": str(tmp_path / "home")},
    )
    assert server.stderr is not None
    for _ in range(10):  # the address comes in the first lines
        line = server.stderr.readline().decode("utf-8")
        if line.strip().startswith("http://"):
            return server, line.strip()
    server.terminate()
    raise AssertionError("no address printed")


def test_serve_answers_with_the_app_page(tmp_path: Path) -> None:
    port = free_port()
    server, address = start_server(tmp_path, port)
    assert address.startswith(f"http://127.0.0.1:{port}/?token=")
    try:
        page = ""
        for _ in range(100):  # the server needs a moment to listen; bounded, then fail
            try:
                with urllib.request.urlopen(address, timeout=2) as answer:
                    assert answer.status == 200
                    page = answer.read().decode("utf-8")
                    break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
        assert "<div>Værdispillet</div>" in page  # the page names the game
        assert "/static/js/textual.js" in page and "/ws/" in page  # and runs the app over a socket
        assert "googleapis" not in page and "https://" not in page  # nothing from the internet
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_with_a_bad_port_is_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from vaerdispil.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", "99999"])
    assert exited.value.code == 2
    assert "a port is a number from 1 to 65535" in capsys.readouterr().err


def test_quit_from_the_browser_ends_the_app_cleanly(tmp_path: Path) -> None:
    """ctrl+q in the browser tab: the app ends with nothing on its stderr (which the
    server prints), so the tab closes and the server goes on serving."""
    import asyncio

    import aiohttp

    port = free_port()
    server, address = start_server(tmp_path, port, stdout=subprocess.PIPE)
    token = address.split("token=", 1)[1]

    async def browse() -> tuple[int, int]:
        async with aiohttp.ClientSession() as session:
            for _ in range(100):  # the server needs a moment to listen; bounded, then fail
                try:
                    socket_ = await session.ws_connect(
                        f"http://127.0.0.1:{port}/ws/{token}?width=80&height=24",
                        origin=f"http://127.0.0.1:{port}")
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            else:
                raise AssertionError("the server did not listen")
            frames = 0
            async for message in socket_:  # the app draws its first frame
                if message.type == aiohttp.WSMsgType.BINARY:
                    frames += 1
                    break
            await socket_.send_json(["stdin", "\x11"])  # ctrl+q
            async for message in socket_:  # until the server closes the tab's socket
                frames += 1
            return frames, socket_.close_code or 0

    try:
        frames, close_code = asyncio.run(asyncio.wait_for(browse(), 60))
        assert frames >= 1
        assert close_code == 1000  # a normal close: the app ended
        assert server.poll() is None  # the server serves on
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    printed = out.decode("utf-8", "replace")
    assert "error" not in printed.lower() and "Traceback" not in printed, printed
    assert not (tmp_path / "home" / "crash.log").exists()
