"""The Telegram webhook route and the `minato-bot telegram` command, end to end over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from click.testing import CliRunner
from yarl import URL

from bot.cli import cli
from bot.config import Settings
from bot.policy import VOTE_TEXTS
from bot.service import Answerer
from handlers.telegram import (
    ALLOWED_UPDATES,
    SECRET_HEADER,
    TelegramStartError,
    TelegramTokenError,
    TelegramWebhook,
)
from fake_telegram import FakeBotAPI, callback_update, message_update

TOKEN = "987654321:AAF-webhook-token_for_the_tests01"
SECRET = "s3cret-Header_value"
HOOK_URL = "https://bot.example.jp/telegram/webhook"
HANAKO, TARO = 2001, 2002


@pytest.fixture
def settings(fake: FakeBotAPI, tmp_path: Path) -> Settings:
    """Return webhook settings pointing the bot at the fake Bot API."""
    return Settings(db_path=tmp_path / "log.db", telegram_token=TOKEN, telegram_api_base_url=fake.base_url,
                    telegram_webhook_url=HOOK_URL, telegram_webhook_secret=SECRET)


@pytest.fixture
async def hook_url(answerer: Answerer, settings: Settings, fake: FakeBotAPI) -> AsyncIterator[str]:
    """Serve TelegramWebhook.handle from a small aiohttp app of our own, as the shared server does."""
    webhook = TelegramWebhook(answerer, settings)
    await webhook.start()
    app = web.Application()
    app.router.add_post("/telegram/webhook", webhook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/telegram/webhook"
    fake.release()
    await runner.cleanup()
    await webhook.stop()


async def post(url: str, body: Any, secret: str | None = SECRET) -> int:
    """POST an update as Telegram does; return the HTTP status."""
    headers = {"Content-Type": "application/json"} | ({SECRET_HEADER: secret} if secret is not None else {})
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    async with aiohttp.ClientSession() as session, session.post(url, data=data, headers=headers) as response:
        return response.status


async def test_start_sets_the_webhook_with_its_secret(fake: FakeBotAPI, hook_url: str) -> None:
    [call] = fake.sent("setWebhook")
    assert call.params["url"] == HOOK_URL and call.params["secret_token"] == SECRET
    assert call.json("allowed_updates") == ALLOWED_UPDATES
    assert len(fake.sent("setMyCommands")) == 2
    assert not [c for c in fake.calls if c.method in ("getUpdates", "deleteWebhook")]


async def test_update_with_the_secret_is_answered_and_feedback_recorded(
        fake: FakeBotAPI, hook_url: str, answerer: Answerer, settings: Settings) -> None:
    update = message_update(HANAKO, "職員住宅はありますか？") | {"update_id": 1}
    assert await post(hook_url, update) == 200
    [reply] = await fake.wait_for(lambda: fake.sent("sendMessage", HANAKO))
    assert reply.params["text"] == answerer.kb.by_id["housing-staff"].answer["ja"]
    feedback = next(data for row in reply.buttons() for label, data in row if label == "👎")
    shown = fake.message(HANAKO, reply.result["message_id"])
    assert await post(hook_url, callback_update(HANAKO, shown, feedback) | {"update_id": 2}) == 200
    [ack] = await fake.wait_for(lambda: fake.sent("answerCallbackQuery"))
    assert ack.params["text"] == VOTE_TEXTS["thanks"]["ja"]
    await fake.wait_for(lambda: fake.sent("editMessageReplyMarkup"))
    with sqlite3.connect(settings.db_path) as conn:
        row = conn.execute("SELECT channel, helpful FROM questions").fetchone()
    assert row == ("telegram", 0)


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x", SECRET.upper()])
async def test_a_wrong_or_missing_secret_gets_403_and_no_answer(fake: FakeBotAPI, hook_url: str,
                                                                secret: str | None) -> None:
    assert await post(hook_url, message_update(TARO, "食堂はある？") | {"update_id": 1}, secret) == 403
    assert await post(hook_url, message_update(HANAKO, "食堂はある？") | {"update_id": 2}) == 200
    await fake.wait_for(lambda: fake.sent("sendMessage", HANAKO))
    assert [c.chat_id for c in fake.sent("sendMessage")] == [HANAKO]


@pytest.mark.parametrize("secret", [b"\xff", SECRET.encode() + b"\xff", b"\xc3\xa9" + SECRET.encode()[2:]])
async def test_a_secret_header_with_any_bytes_gets_403(fake: FakeBotAPI, hook_url: str, secret: bytes) -> None:
    url = URL(hook_url)
    body = json.dumps(message_update(TARO, "食堂はある？") | {"update_id": 1}).encode()
    reader, writer = await asyncio.open_connection(url.host, url.port)
    writer.write(b"POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                 b"Content-Type: application/json\r\n" + SECRET_HEADER.encode() + b": " + secret + b"\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()
    response = await asyncio.wait_for(reader.read(), 30)
    writer.close()
    assert response.startswith(b"HTTP/1.1 403 "), response[:100]
    assert not fake.sent("sendMessage")


@pytest.mark.parametrize("body", ["not json", b"\xff\xfe", "[1, 2]", "{}", '{"update_id": "7"}',
                                  '{"update_id": 7, "message": "junk"}'])
async def test_bad_bodies_get_400(fake: FakeBotAPI, hook_url: str, body: str | bytes) -> None:
    assert await post(hook_url, body) == 400
    assert not fake.sent("sendMessage")


@pytest.mark.parametrize("change", [{"telegram_webhook_secret": ""}, {"telegram_webhook_secret": "has space"},
                                    {"telegram_webhook_url": "http://insecure.example.jp/hook"},
                                    {"telegram_token": "not-a-token"}])
def test_webhook_refuses_unsafe_settings(answerer: Answerer, settings: Settings, change: dict[str, Any]) -> None:
    with pytest.raises(TelegramStartError):
        TelegramWebhook(answerer, replace(settings, **change))


async def test_webhook_start_reports_a_rejected_token_without_echoing_it(answerer: Answerer,
                                                                        settings: Settings) -> None:
    other = "111111111:AAthis-token-is-not-the-fakes-one"
    webhook = TelegramWebhook(answerer, replace(settings, telegram_token=other))
    with pytest.raises(TelegramTokenError) as raised:
        await webhook.start()
    assert "rejected" in str(raised.value) and other not in str(raised.value)
    await webhook.stop()


@pytest.mark.parametrize("env, message", [
    ({}, "TELEGRAM_BOT_TOKEN is not set"),
    ({"TELEGRAM_BOT_TOKEN": "12345"}, "malformed"),
    ({"TELEGRAM_BOT_TOKEN": "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}, "malformed"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": HOOK_URL}, "minato-bot serve"),
])
def test_cli_exits_2_on_token_or_webhook_problems(tmp_path: Path, env: dict[str, str], message: str) -> None:
    names = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET")
    result = CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), "telegram"],
                                env={**dict.fromkeys(names), **env, "MINATO_DB": str(tmp_path / "log.db")})
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


async def run_cli(tmp_path: Path, base_url: str, token: str) -> asyncio.subprocess.Process:
    """Start `minato-bot telegram` in a subprocess pointed at the fake Bot API."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "MINATO_"))}
    env |= {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE_URL": base_url, "MINATO_DB": str(tmp_path / "log.db")}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from bot.cli import main; main()", "telegram",
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def test_cli_long_polls_answers_and_stops_cleanly_on_sigterm(fake: FakeBotAPI, tmp_path: Path) -> None:
    process = await run_cli(tmp_path, fake.base_url, TOKEN)
    try:
        await fake.wait_for(lambda: fake.sent("getUpdates"), timeout=30)
        await fake.push(message_update(HANAKO, "職員住宅はありますか？"))
        await fake.wait_for(lambda: fake.sent("sendMessage", HANAKO))
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr and TOKEN.encode() not in stderr
    with sqlite3.connect(tmp_path / "log.db") as conn:  # the log was flushed on the way out
        assert conn.execute("SELECT channel, entry_id FROM questions").fetchall() == [("telegram", "housing-staff")]


async def test_cli_exits_2_when_the_bot_api_rejects_the_token(fake: FakeBotAPI, tmp_path: Path) -> None:
    process = await run_cli(tmp_path, fake.base_url, "111111111:AAthis-token-is-not-the-fakes-one")
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert b"rejected TELEGRAM_BOT_TOKEN" in stderr and b"Traceback" not in stderr


async def test_the_shared_server_mounts_the_webhook(fake: FakeBotAPI, answerer: Answerer, settings: Settings) -> None:
    from handlers.web import create_app

    runner = web.AppRunner(create_app(answerer, settings))
    await runner.setup()  # runs the app's start-up: the webhook is registered with Telegram
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        assert [c.params["url"] for c in fake.sent("setWebhook")] == [HOOK_URL]
        async with aiohttp.ClientSession() as session, session.get(f"{base}/healthz") as response:
            assert "telegram" in (await response.json())["channels"]
        update = message_update(TARO, "食堂はありますか？") | {"update_id": 7}
        assert await post(f"{base}/telegram/webhook", update, secret="wrong") == 403
        assert await post(f"{base}/telegram/webhook", update) == 200
        [reply] = await fake.wait_for(lambda: fake.sent("sendMessage", TARO))
        assert reply.params["text"] == answerer.kb.by_id["cafeteria"].answer["ja"]
    finally:
        fake.release()
        await runner.cleanup()
