"""No credential in any log line: the redacting record factory, and a real `serve` with every channel on."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Iterator
from urllib.parse import quote, quote_plus

import aiohttp
import pytest

from bot import logsafe
from bot.logsafe import REDACTED, install_log_redaction, secret_forms
from fake_line import FakeLine, sign, text_event, webhook_body
from fake_telegram import FakeBotAPI, message_update
from ports import free_port

TOKEN = "424242424:AAG-serve_token-for-the-log-test0"  # the fake Bot API answers this token only
WEBHOOK_SECRET = "webhook-Secret_for-the-log-test"
LINE_SECRET = "line+channel/secret=for-the-log-test"
LINE_TOKEN = "line/access+token==for the log test"
SECRETS = (TOKEN, WEBHOOK_SECRET, LINE_SECRET, LINE_TOKEN)
GUARD = 60.0  # seconds; reached only when something is broken


@pytest.fixture
def redaction() -> Iterator[io.StringIO]:
    """Install redaction of SECRETS and return what a plain handler on a test logger prints."""
    saved_factory, saved_forms = logging.getLogRecordFactory(), logsafe._forms
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("test.logsafe")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    install_log_redaction(SECRETS)
    yield stream
    logger.removeHandler(handler)
    logging.setLogRecordFactory(saved_factory)
    logsafe._forms = saved_forms


def every_form(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote_plus(secret), quote(secret)}


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        for form in every_form(secret):
            assert form not in text, f"{form!r} was printed:\n{text}"


def test_secrets_are_redacted_from_messages_arguments_and_tracebacks(redaction: io.StringIO) -> None:
    log = logging.getLogger("test.logsafe")
    log.info("HTTP Request: POST http://127.0.0.1/bot%s/sendMessage", TOKEN)
    log.info(f"secret in the message itself: {LINE_TOKEN}")
    log.warning("url-encoded %s and %s", quote(LINE_SECRET, safe=""), quote_plus(LINE_TOKEN))
    log.info("%s", {"headers": {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}})
    try:
        raise RuntimeError(f"failed with {TOKEN}")
    except RuntimeError:
        log.exception("while calling %s", "the API")
    log.info("a format that does not fit its arguments %s %s", TOKEN)
    logging.getLogger("test.logsafe.child").error("from a child logger: %s", LINE_SECRET)
    printed = redaction.getvalue()
    assert_no_secret(printed)
    assert printed.count(REDACTED) >= 8 and "RuntimeError: failed with [redacted]" in printed
    assert "bot[redacted]/sendMessage" in printed


def test_every_spelling_is_covered_longest_first() -> None:
    forms = secret_forms(["a/b c", ""])
    assert set(forms) == {"a/b c", "a%2Fb%20c", "a%2Fb+c"} and len(forms[0]) >= len(forms[-1])


def test_settings_name_every_credential_and_a_chosen_salt() -> None:
    from bot.config import Settings

    settings = Settings(telegram_token=TOKEN, telegram_webhook_secret=WEBHOOK_SECRET, line_channel_secret=LINE_SECRET,
                        line_channel_access_token=LINE_TOKEN, log_salt="a-long-chosen-salt")
    assert set(settings.secrets) == set(SECRETS) | {"a-long-chosen-salt"}
    assert Settings().secrets == ()  # the default salt is public: redacting it would only mangle the log


def test_the_chatty_http_client_loggers_are_quiet(redaction: io.StringIO) -> None:
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING


async def test_serve_with_every_channel_prints_no_secret(tmp_path: Path) -> None:
    async with FakeBotAPI(TOKEN) as telegram:
        line = FakeLine()
        await line.start()
        try:
            output = await run_serve_and_drive(tmp_path, telegram, line)
        finally:
            await line.stop()
    assert "channels on: web, line, telegram" in output and "stopped" in output, output
    assert_no_secret(output)


async def run_serve_and_drive(tmp_path: Path, telegram: FakeBotAPI, line: FakeLine) -> str:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_", "PUBLIC_"))}
    env.update(MINATO_PORT=str(port), MINATO_HOST="127.0.0.1", MINATO_DB=str(tmp_path / "log.db"),
               PUBLIC_BASE_URL="https://bot.example.jp", LINE_CHANNEL_SECRET=LINE_SECRET,
               LINE_CHANNEL_ACCESS_TOKEN=LINE_TOKEN, LINE_API_BASE_URL=line.base_url, TELEGRAM_BOT_TOKEN=TOKEN,
               TELEGRAM_API_BASE_URL=telegram.base_url, TELEGRAM_WEBHOOK_URL="https://bot.example.jp/telegram/webhook",
               TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET, PYTHONUNBUFFERED="1")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "serve",
        env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    assert process.stdout is not None
    lines: list[str] = []
    serving = asyncio.Event()

    async def collect() -> None:
        assert process.stdout is not None
        async for raw in process.stdout:
            lines.append(raw.decode("utf-8", "replace"))
            if "serving on" in lines[-1]:
                serving.set()
        serving.set()

    collecting = asyncio.create_task(collect())
    try:
        await asyncio.wait_for(serving.wait(), GUARD)
        assert any("serving on" in line for line in lines), "".join(lines)
        await drive_every_channel(f"http://127.0.0.1:{port}", telegram, line)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), GUARD) == 0, "".join(lines)
        await asyncio.wait_for(collecting, GUARD)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return "".join(lines)


async def drive_every_channel(base: str, telegram: FakeBotAPI, line: FakeLine) -> None:
    """Ask through the web API, LINE and Telegram, and hit each one's error paths."""
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/api/ask", json={"question": "食堂はありますか？"}) as response:
            assert response.status == 200
        async with http.post(f"{base}/api/ask", data=b"{broken") as response:
            assert response.status == 400
        body = webhook_body(text_event("食堂はありますか？", "token-log"))
        async with http.post(f"{base}/line/webhook", data=body,
                             headers={"X-Line-Signature": sign(body, LINE_SECRET)}) as response:
            assert response.status == 200
        reply = await line.next_reply(GUARD)
        assert reply.authorization == f"Bearer {LINE_TOKEN}"  # the server did use the token
        async with http.post(f"{base}/line/webhook", data=body, headers={"X-Line-Signature": "forged"}) as response:
            assert response.status == 400
        update = json.dumps(message_update(2001, "食堂はありますか？") | {"update_id": 11})
        for secret, status in ((WEBHOOK_SECRET, 200), ("wrong", 403), (None, 403)):
            headers = {"Content-Type": "application/json"}
            if secret is not None:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            async with http.post(f"{base}/telegram/webhook", data=update, headers=headers) as response:
                assert response.status == status
        await telegram.wait_for(lambda: telegram.sent("sendMessage", 2001), GUARD)
        telegram.fail_next("sendMessage", 400, "Bad Request: chat not found")
        failing = json.dumps(message_update(2002, "職員住宅はありますか？") | {"update_id": 12})
        async with http.post(f"{base}/telegram/webhook", data=failing,
                             headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}) as response:
            assert response.status == 200
        await telegram.wait_for(lambda: [c for c in telegram.calls if c.chat_id == 2002 and c.status], GUARD)


