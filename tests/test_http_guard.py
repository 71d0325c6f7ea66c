"""No single request stalls the server: answers off the loop, bodies read whole, slow clients cut quietly.

Raw sockets on 127.0.0.1 send exactly the bytes (and the pauses) a test needs. Nothing here measures time:
waits are bounded only so that a failure fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import replace
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient

from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question, QueuedAnswer
from handlers.answering import AnswerPool
from fake_line import FakeLine, sign, text_event, webhook_body
from rawhttp import (ASK, FAST, GUARD, LINE_SECRET, LINE_TOKEN, PUBLIC, Started, connect, head, read_until_closed,
                     serve, status_of)


@pytest.fixture
async def client(answerer: Answerer) -> AsyncIterator[TestClient]:
    """Return a client for the app with short header and body timeouts."""
    client = await serve(answerer)
    yield client
    await client.close()


# --- 1. answers never block the event loop --------------------------------------------------


class BlockingAnswerer(Answerer):
    """An Answerer whose answers (answer(), and answer_queued() that the server calls) wait until released."""

    def __init__(self, kb: KnowledgeBase) -> None:
        super().__init__(kb)
        self.entered, self.release, self.finished = threading.Event(), threading.Event(), threading.Event()

    def answer_queued(self, question: Question) -> QueuedAnswer:
        self.entered.set()
        self.release.wait(GUARD)
        self.finished.set()
        return super().answer_queued(question)


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
        assert kb.by_id["cafeteria"].answer["ja"] in json.dumps(reply.messages[0], ensure_ascii=False)  # a Flex card
    finally:
        answerer.release.set()
        await client.close()
        await fake.stop()


async def test_a_client_that_leaves_while_its_answer_is_computed_leaves_no_traceback(
    kb: KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    answerer, started = BlockingAnswerer(kb), Started()
    client = await serve(answerer, started=started)
    try:
        reader, writer = await connect(client)
        writer.write(head("/api/ask", len(ASK)) + ASK)
        await writer.drain()
        assert await asyncio.get_running_loop().run_in_executor(None, answerer.entered.wait, GUARD)
        writer.close()
        await asyncio.wait_for(reader.read(), GUARD)  # our side is closed: nobody will read the answer
        answerer.release.set()
        await asyncio.wait_for(started.done.wait(), GUARD)
        assert answerer.finished.is_set()  # the question was still answered (and logged) to the end
        assert (await client.get("/healthz")).status == 200
    finally:
        answerer.release.set()
        await client.close()
    assert "Traceback" not in caplog.text and not [r for r in caplog.records if r.levelno >= logging.WARNING]


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
