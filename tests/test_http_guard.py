"""No single request stalls the server: answers off the loop, bodies read whole, slow clients cut, bad bytes 4xx.

Raw sockets on 127.0.0.1 send exactly the bytes (and the pauses) a test needs. Nothing here measures time:
waits are bounded only so that a failure fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import replace
from typing import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.responses import Reply
from bot.service import Answerer, Question
from handlers.answering import AnswerPool
from handlers.http_guard import server_options
from handlers.web import create_app
from fake_line import FakeLine, sign, text_event, webhook_body

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


@pytest.fixture
async def client(answerer: Answerer) -> AsyncIterator[TestClient]:
    client = await serve(answerer)
    yield client
    await client.close()


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


# --- 1. answers never block the event loop --------------------------------------------------


class BlockingAnswerer(Answerer):
    """An Answerer whose answer() waits until the test releases it."""

    def __init__(self, kb: KnowledgeBase) -> None:
        super().__init__(kb)
        self.entered, self.release, self.finished = threading.Event(), threading.Event(), threading.Event()

    def answer(self, question: Question) -> Reply:
        self.entered.set()
        self.release.wait(GUARD)
        self.finished.set()
        return super().answer(question)


async def test_a_blocked_answer_does_not_stop_healthz(kb: KnowledgeBase) -> None:
    answerer = BlockingAnswerer(kb)
    client = await serve(answerer)
    try:
        asking = asyncio.create_task(client.post("/api/ask", data=ASK))
        assert await asyncio.get_running_loop().run_in_executor(None, answerer.entered.wait, GUARD)
        health = await client.get("/healthz")
        assert health.status == 200
        assert not answerer.finished.is_set()  # healthz was answered while the question was still being answered
        answerer.release.set()
        response = await asyncio.wait_for(asking, GUARD)
        assert response.status == 200 and (await response.json())["entry_id"] == "cafeteria"
    finally:
        answerer.release.set()
        await client.close()


async def test_a_blocked_line_answer_does_not_stop_healthz(kb: KnowledgeBase) -> None:
    fake = FakeLine()
    await fake.start()
    answerer = BlockingAnswerer(kb)
    settings = replace(FAST, line_channel_secret=LINE_SECRET, line_channel_access_token=LINE_TOKEN,
                       line_api_base_url=fake.base_url, public_base_url=PUBLIC)
    client = await serve(answerer, settings)
    try:
        body = webhook_body(text_event("食堂はありますか？"))
        response = await client.post("/line/webhook", data=body, headers={"X-Line-Signature": sign(body, LINE_SECRET)})
        assert response.status == 200
        assert await asyncio.get_running_loop().run_in_executor(None, answerer.entered.wait, GUARD)
        assert (await client.get("/healthz")).status == 200
        assert not answerer.finished.is_set()
        answerer.release.set()
        reply = await fake.next_reply()
        assert reply.messages[0]["text"] == kb.by_id["cafeteria"].answer["ja"]
    finally:
        answerer.release.set()
        await client.close()
        await fake.stop()


async def test_answers_on_the_pool_threads_equal_answers_on_one_thread(plain_answerer: Answerer) -> None:
    # Each pool thread analyzes with its own SudachiPy tokenizer: concurrent answers must not disturb each other.
    questions = ["食堂はありますか？", "職員住宅はありますか？", "芝地区はどんなところ？", "shokudou", "研修は？",
                 "Is there a cafeteria?", "しょくどうはある？", "渋谷区の職員住宅は？"] * 25
    pool = AnswerPool(plain_answerer)
    try:
        replies = await asyncio.gather(*(pool.answer(Question(q)) for q in questions))
    finally:
        pool.close()
    expected = [plain_answerer.answer(Question(q)) for q in questions]
    assert [(r.kind, r.entry_id, r.text) for r in replies] == [(r.kind, r.entry_id, r.text) for r in expected]


# --- 2. a body in several TCP writes is read whole -----------------------------------------


@pytest.mark.parametrize("path", ["/api/ask", "/api/feedback"])
async def test_a_body_sent_in_two_writes_is_read_whole(answerer: Answerer, path: str) -> None:
    started = Started()
    client = await serve(answerer, replace(FAST, body_timeout=GUARD), started)
    body = ASK if path == "/api/ask" else b'{"log_id": "nope", "helpful": true}'
    try:
        reader, writer = await connect(client)
        writer.write(head(path, len(body)) + body[:10])
        await writer.drain()
        await asyncio.wait_for(started.started.wait(), GUARD)  # the server has the head and the first part
        writer.write(body[10:])
        await writer.drain()
        response = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), GUARD)
        writer.close()
        assert status_of(response) == 200, response
    finally:
        await client.close()


# --- 3. slow clients are cut -------------------------------------------------------------


async def test_a_client_that_never_finishes_its_headers_is_disconnected(client: TestClient) -> None:
    reader, writer = await connect(client)
    writer.write(b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    await writer.drain()
    assert await read_until_closed(reader) == b""
    writer.close()


async def test_a_client_trickling_its_headers_is_disconnected(client: TestClient) -> None:
    reader, writer = await connect(client)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")

    async def trickle() -> None:  # one more header byte every 50 ms: each one would reset a naive idle timer
        while not reader.at_eof():
            writer.write(b"X")
            await writer.drain()
            await asyncio.sleep(0.05)

    trickling = asyncio.create_task(trickle())
    try:
        assert await read_until_closed(reader) == b""
    finally:
        trickling.cancel()
        writer.close()


@pytest.mark.parametrize("path", ["/api/ask", "/line/webhook", "/nowhere"])
async def test_a_client_that_never_finishes_its_body_gets_408_and_is_disconnected(answerer: Answerer,
                                                                                   path: str) -> None:
    fake = FakeLine()
    await fake.start()
    client = await serve(answerer, replace(FAST, line_channel_secret=LINE_SECRET, line_channel_access_token=LINE_TOKEN,
                                           line_api_base_url=fake.base_url, public_base_url=PUBLIC))
    try:
        reader, writer = await connect(client)
        writer.write(head(path, 1000, b"X-Line-Signature: x\r\n") + b'{"question": "')
        await writer.drain()
        response = await read_until_closed(reader)
        writer.close()
        assert status_of(response) == 408 and b"too long" in response
    finally:
        await client.close()
        await fake.stop()


async def test_a_keep_alive_connection_still_serves_requests_in_time(client: TestClient) -> None:
    reader, writer = await connect(client)
    for _ in range(2):
        writer.write(head("/api/ask", len(ASK)) + ASK)
        await writer.drain()
        response = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), GUARD)
        assert status_of(response) == 200
        length = int(next(line.split(b":")[1] for line in response.split(b"\r\n")
                          if line.lower().startswith(b"content-length")))
        await asyncio.wait_for(reader.readexactly(length), GUARD)
    writer.close()


@pytest.mark.parametrize("path", ["/api/ask", "/line/webhook"])
async def test_a_client_that_goes_away_mid_body_leaves_no_traceback(
    answerer: Answerer, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeLine()
    await fake.start()
    started = Started()
    settings = replace(FAST, body_timeout=GUARD, line_channel_secret=LINE_SECRET, line_channel_access_token=LINE_TOKEN,
                       line_api_base_url=fake.base_url, public_base_url=PUBLIC)
    client = await serve(answerer, settings, started)
    caplog.set_level(logging.DEBUG)
    try:
        reader, writer = await connect(client)
        writer.write(head(path, 1000, b"X-Line-Signature: x\r\n") + b'{"question": "')
        await writer.drain()
        await asyncio.wait_for(started.started.wait(), GUARD)
        writer.close()
        await asyncio.wait_for(started.done.wait(), GUARD)
        assert (await client.get("/healthz")).status == 200
    finally:
        await client.close()
        await fake.stop()
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING], caplog.text
    assert "Traceback" not in caplog.text
    assert [r.levelno for r in caplog.records if "went away" in r.getMessage()] == [logging.DEBUG]


# --- 4. bad bytes in paths and headers are 4xx, never 500 ---------------------------------------


@pytest.mark.parametrize("request_head", [
    b"GET /static/images/x.png%00.yaml HTTP/1.1",
    b"GET /static/images/%ed%a0%80.png HTTP/1.1",
    b"GET /static/images/%ff%fe.png HTTP/1.1",
    b"GET /static/images/" + b"a" * 4000 + b".png HTTP/1.1",
    b"GET /static/images/" + b"a/" * 200 + b".png HTTP/1.1",
    b"GET /static/images/%00 HTTP/1.1",
    b"GET /static/chat.js%00 HTTP/1.1",
    b"GET /api/welcome?lang=%ff%00 HTTP/1.1",
    b"GET /%ff HTTP/1.1",
    b"GET /healthz HTTP/1.1\r\nX-Forwarded-For: \xff\xfe, 1.2.3.4",
    b"GET /healthz HTTP/1.1\r\nUser-Agent: \xff\xfe",
])
async def test_bad_bytes_in_paths_and_headers_are_never_a_500(client: TestClient, request_head: bytes,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    reader, writer = await connect(client)
    writer.write(request_head + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert 200 <= status_of(response) < 500, response[:200]
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("garbage", [b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                                     b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"])
async def test_requests_that_are_not_http_get_400_without_a_traceback(client: TestClient, garbage: bytes,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    reader, writer = await connect(client)
    writer.write(garbage)
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert response == b"" or status_of(response) == 400
    assert "Traceback" not in caplog.text and not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("headers", [
    b"X-Client-Id: \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\r\n",
    b"X-Client-Id: abcdefgh\xff\r\n",
    b"X-Forwarded-For: \xff\r\n",
    b"Accept-Language: \xff\r\n",
    b"Cookie: a=\xff\r\n",
])
async def test_bad_bytes_in_api_headers_are_never_a_500(client: TestClient, headers: bytes) -> None:
    reader, writer = await connect(client)
    writer.write(head("/api/ask", len(ASK), headers + b"Connection: close\r\n") + ASK)
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert status_of(response) == 200, response[:200]
