"""LINE end to end: signed webhook calls into the real server, replies caught by a fake LINE API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, AsyncIterator

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics import QuestionLog, hash_user
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.salt import install_salt
from bot.service import Answerer
from handlers.web import create_app
from fake_line import (
    FakeLine,
    RecordedReply,
    fake,
    follow_event,
    postback_event,
    sign,
    sticker_event,
    text_event,
    webhook_body,
)
from ports import free_port

__all__ = ["fake"]  # the fake LINE API fixture, from fake_line

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
PUBLIC = "https://bot.example.jp"
SHIBA = "芝地区はどんなところ？"  # answered with a local image and related entries


def line_settings(fake: FakeLine, **changes: Any) -> Settings:
    """Return settings with LINE on and pointed at the fake."""
    settings = Settings(line_channel_secret=SECRET, line_channel_access_token=TOKEN, line_api_base_url=fake.base_url,
                        public_base_url=PUBLIC, rate_limit_per_minute=1000)
    return replace(settings, **changes)


@pytest.fixture
def question_log(tmp_path: Path) -> QuestionLog:
    """Return a real SQLite question log in tmp_path."""
    return QuestionLog(tmp_path / "log.db")


async def serve(kb: KnowledgeBase, question_log: QuestionLog, settings: Settings) -> tuple[TestClient, Answerer]:
    """Start the real server on 127.0.0.1 with these settings."""
    answerer = Answerer(kb, question_log)
    client = TestClient(TestServer(create_app(answerer, settings), host="127.0.0.1"))
    await client.start_server()
    return client, answerer


@pytest.fixture
async def server(kb: KnowledgeBase, question_log: QuestionLog, fake: FakeLine) -> AsyncIterator[TestClient]:
    """Return a client for the server with LINE on."""
    client, answerer = await serve(kb, question_log, line_settings(fake))
    yield client
    await client.close()
    answerer.close()


async def post_events(client: TestClient, *events: dict[str, Any], secret: str | None = SECRET) -> int:
    """POST a webhook call signed like LINE signs it; return the HTTP status."""
    body = webhook_body(*events)
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Line-Signature"] = sign(body, secret)
    response = await client.post("/line/webhook", data=body, headers=headers)
    return response.status


def assert_within_line_limits(reply: RecordedReply) -> None:
    """Check the reply against LINE's limits on messages and quick replies."""
    assert 1 <= len(reply.messages) <= 5
    for message in reply.messages[:-1]:
        assert "quickReply" not in message  # LINE shows quick replies on the last message only
    items = reply.messages[-1].get("quickReply", {}).get("items", [])
    assert len(items) <= 13
    for item in items:
        assert 1 <= len(item["action"]["label"]) <= 20


async def test_a_question_gets_the_answer_as_a_bubble_with_its_image_and_quick_replies(
    server: TestClient, fake: FakeLine, kb: KnowledgeBase, question_log: QuestionLog
) -> None:
    assert await post_events(server, text_event(SHIBA, "token-shiba")) == 200
    reply = await fake.next_reply()
    entry = kb.by_id["district-shiba"]
    assert reply.authorization == f"Bearer {TOKEN}" and reply.body["replyToken"] == "token-shiba"
    [message] = reply.messages
    assert message["type"] == "flex" and message["altText"] == entry.answer["ja"]
    bubble = message["contents"]
    texts = [c["text"] for c in bubble["body"]["contents"] if c["type"] == "text"]
    assert entry.title["ja"] in texts and entry.answer["ja"] in texts
    assert any(entry.images[0].caption["ja"] in t for t in texts)
    url = f"{PUBLIC}/static/images/districts.png"
    assert bubble["hero"]["url"] == url and bubble["hero"]["action"]["uri"] == url
    actions = [item["action"] for item in message["quickReply"]["items"]]
    related = [kb.by_id[r] for r in entry.related]
    assert [a["displayText"] for a in actions] == [r.questions["ja"][0] for r in related]
    assert [a["type"] for a in actions] == ["postback"] * len(related)
    assert_within_line_limits(reply)
    served = await server.get(url.removeprefix(PUBLIC))
    assert served.status == 200 and served.content_type == "image/png"
    question_log.flush()
    with sqlite3.connect(question_log.path) as db:
        logged = db.execute("SELECT channel, user_hash, entry_id FROM questions").fetchall()
    assert logged == [("line", hash_user("U0001", install_salt(question_log.path)), "district-shiba")]


async def test_tapping_a_quick_reply_answers_that_entry(server: TestClient, fake: FakeLine, kb: KnowledgeBase) -> None:
    await post_events(server, text_event("What is the Shiba district like?", "token-en"))
    first = await fake.next_reply()
    action = first.messages[-1]["quickReply"]["items"][0]["action"]
    assert await post_events(server, postback_event(action["data"], "token-tap")) == 200
    tapped = await fake.next_reply()
    target = kb.by_id[kb.by_id["district-shiba"].related[0]]
    assert tapped.body["replyToken"] == "token-tap"
    assert tapped.messages[0]["altText"] == target.answer["en"]  # the language carries over
    assert_within_line_limits(tapped)


async def test_follow_gets_the_welcome_with_example_questions(server: TestClient, fake: FakeLine,
                                                              kb: KnowledgeBase) -> None:
    await post_events(server, follow_event("token-follow"))
    reply = await fake.next_reply()
    [message] = reply.messages
    assert message["text"] == kb.scope.message("welcome", "ja")
    actions = [item["action"] for item in message["quickReply"]["items"]]
    assert [a["text"] for a in actions] == list(kb.scope.example_questions["ja"])[:13]
    assert all(a["type"] == "message" for a in actions)
    assert_within_line_limits(reply)


async def test_a_sticker_gets_the_help_text(server: TestClient, fake: FakeLine, kb: KnowledgeBase) -> None:
    await post_events(server, sticker_event("token-sticker"))
    reply = await fake.next_reply()
    assert reply.messages[0]["text"] == kb.scope.message("help", "ja")
    assert_within_line_limits(reply)


async def test_the_verify_button_gets_200_and_no_reply(server: TestClient, fake: FakeLine) -> None:
    assert await post_events(server) == 200
    assert fake.replies == []


@pytest.mark.parametrize("secret", [None, "another-secret", ""])
async def test_a_missing_or_wrong_signature_gets_400_and_no_reply(server: TestClient, fake: FakeLine,
                                                                  secret: str | None) -> None:
    assert await post_events(server, text_event(SHIBA, "token-forged"), secret=secret) == 400
    assert await post_events(server, text_event(SHIBA, "token-genuine")) == 200
    assert (await fake.next_reply()).body["replyToken"] == "token-genuine"
    assert [r.body["replyToken"] for r in fake.replies] == ["token-genuine"]


@pytest.mark.parametrize("body", [b"not json", b'{"destination": "U1"}', b"\xff\xfe"])
async def test_a_signed_but_malformed_body_gets_400(server: TestClient, body: bytes) -> None:
    response = await server.post("/line/webhook", data=body, headers={"X-Line-Signature": sign(body, SECRET)})
    assert response.status == 400


async def test_local_images_are_left_out_when_the_public_url_is_not_https(
    kb: KnowledgeBase, question_log: QuestionLog, fake: FakeLine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="handlers.line")
    client, answerer = await serve(kb, question_log, line_settings(fake, public_base_url="http://localhost:8080"))
    try:
        await post_events(client, text_event(SHIBA))
        reply = await fake.next_reply()
    finally:
        await client.close()
        answerer.close()
    [message] = reply.messages
    assert message["type"] == "flex" and "hero" not in message["contents"] and "quickReply" in message
    assert "PUBLIC_BASE_URL is not https" in caplog.text


async def test_a_failing_line_api_is_logged_and_the_server_keeps_serving(
    server: TestClient, fake: FakeLine, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail_with = 500
    await post_events(server, text_event(SHIBA, "token-fails"))
    await fake.next_reply()
    for _ in range(10_000):  # bounded: the failure is logged once the SDK has read the 500
        if "could not reply" in caplog.text:
            break
        await asyncio.sleep(0.01)
    assert "could not reply" in caplog.text and "Traceback" not in (await (await server.get("/healthz")).text())
    fake.fail_with = None
    await post_events(server, text_event(SHIBA, "token-works"))
    assert (await fake.next_reply()).body["replyToken"] == "token-works"


async def test_a_user_over_the_rate_limit_gets_a_friendly_reply(
    kb: KnowledgeBase, question_log: QuestionLog, fake: FakeLine
) -> None:
    client, answerer = await serve(kb, question_log, line_settings(fake, rate_limit_per_minute=2))
    try:
        texts = []
        for n in range(3):
            await post_events(client, text_event(SHIBA, f"token-{n}"))
            first = (await fake.next_reply()).messages[0]
            texts.append(first.get("altText") or first["text"])
        await post_events(client, text_event(SHIBA, "token-other", user="U0002"))
        other = await fake.next_reply()
    finally:
        await client.close()
        answerer.close()
    assert texts[0] == texts[1] and "少し時間をおいて" in texts[2]
    assert other.messages[0]["altText"] == texts[0]


async def test_the_users_language_survives_a_restart(kb: KnowledgeBase, tmp_path: Path, fake: FakeLine) -> None:
    """The language is kept by the engine beside the question log, not in the LINE adapter's memory."""
    for restart, (event, expected) in enumerate([
        (postback_event(json.dumps({"s": "easy"}), "token-switch"), kb.scope.message("language", "easy")),
        (text_event("食堂はありますか？", "token-after"), kb.by_id["cafeteria"].answer["easy"]),
        (sticker_event("token-sticker"), kb.scope.message("help", "easy")),
    ]):
        client, answerer = await serve(kb, QuestionLog(tmp_path / "log.db"), line_settings(fake))
        try:
            await post_events(client, event)
            first = (await fake.next_reply()).messages[0]
        finally:
            await client.close()
            answerer.close()  # a restart: the next server starts from the files alone
        assert first.get("altText", first.get("text")) == expected, restart


async def read_until(stream: asyncio.StreamReader, needle: str, seen: list[str]) -> None:
    """Read output lines (bounded) until one contains needle."""
    while True:
        line = (await asyncio.wait_for(stream.readline(), 60)).decode()
        assert line, f"output ended before {needle!r}: {''.join(seen)}"
        seen.append(line)
        if needle in line:
            return


async def test_sigterm_lets_a_reply_under_way_finish(tmp_path: Path) -> None:
    fake = FakeLine(hold=asyncio.Event())
    await fake.start()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_", "PUBLIC_"))}
    env.update(MINATO_PORT=str(port), MINATO_DB=str(tmp_path / "log.db"), LINE_CHANNEL_SECRET=SECRET,
               LINE_CHANNEL_ACCESS_TOKEN=TOKEN, LINE_API_BASE_URL=fake.base_url, PUBLIC_BASE_URL=PUBLIC)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "serve",
        env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    seen: list[str] = []
    try:
        assert process.stdout is not None
        await read_until(process.stdout, "serving on", seen)
        assert any("channels on: web, line" in line for line in seen)
        body = webhook_body(text_event(SHIBA, "token-sigterm"))
        async with aiohttp.ClientSession() as http:
            response = await http.post(f"http://127.0.0.1:{port}/line/webhook", data=body,
                                       headers={"X-Line-Signature": sign(body, SECRET)})
            assert response.status == 200
        await fake.next_reply()  # the reply is now waiting on the fake LINE API
        process.send_signal(signal.SIGTERM)
        await read_until(process.stdout, "waiting for 1 reply", seen)
        fake.hold.set()
        seen.append((await asyncio.wait_for(process.stdout.read(), 60)).decode())
        assert await asyncio.wait_for(process.wait(), 60) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await fake.stop()
    output = "".join(seen)
    assert fake.answered == 1 and "stopped" in output
    assert "could not reply" not in output and "Traceback" not in output, output
    with sqlite3.connect(tmp_path / "log.db") as db:
        assert db.execute("SELECT channel FROM questions").fetchall() == [("line",)]
    assert json.loads(body)["events"][0]["replyToken"] == fake.replies[0].body["replyToken"]
