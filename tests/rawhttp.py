"""Helpers for tests that speak raw HTTP to the real app on 127.0.0.1 (exact bytes, exact pauses)."""

from __future__ import annotations

import asyncio
import json
from typing import Awaitable, Callable

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.service import Answerer
from handlers.http_guard import server_options
from handlers.web import create_app

GUARD = 30.0  # seconds before a test that should not wait gives up: only ever reached on failure
FAST = Settings(rate_limit_per_minute=1000, header_timeout=0.5, body_timeout=0.5)
LINE_SECRET, LINE_TOKEN = "guard-line-secret", "guard-line-token"
PUBLIC = "https://bot.example.jp"
ASK = json.dumps({"question": "食堂はありますか？"}, ensure_ascii=False).encode()


class Started:
    """An outermost middleware that tells the test when the server has parsed a request's head, and when done."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.done = asyncio.Event()

    @web.middleware
    async def middleware(self, request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        self.started.set()
        try:
            return await handler(request)
        finally:
            self.done.set()


class ServeLikeServer(TestServer):
    """A TestServer that, like `serve`, lets a handler finish when its client goes away."""

    async def _make_runner(self, handler_cancellation: bool = False, **kwargs: object) -> web.AppRunner:
        return web.AppRunner(self.app, **kwargs)  # type: ignore[arg-type]


async def serve(answerer: Answerer, settings: Settings = FAST, started: Started | None = None) -> TestClient:
    """Start the real app on 127.0.0.1 with the same server options `serve` uses."""
    app = create_app(answerer, settings)
    if started is not None:
        app.middlewares.insert(0, started.middleware)
    server = ServeLikeServer(app, host="127.0.0.1")
    await server.start_server(**server_options(settings))
    client = TestClient(server)
    await client.start_server()
    return client


async def connect(client: TestClient) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    assert client.port is not None
    return await asyncio.open_connection("127.0.0.1", client.port)


def head(path: str, length: int | None, extra: bytes = b"") -> bytes:
    lines = [f"POST {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Content-Type: application/json"]
    if length is not None:
        lines.append(f"Content-Length: {length}".encode())
    return b"\r\n".join(lines) + b"\r\n" + extra + b"\r\n"


async def read_until_closed(reader: asyncio.StreamReader) -> bytes:
    """Return everything the server sends until it closes the connection."""
    return await asyncio.wait_for(reader.read(), GUARD)


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])

