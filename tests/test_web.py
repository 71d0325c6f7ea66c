"""The web server over real HTTP on 127.0.0.1: page, JSON API, images, limits, and `serve` itself."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import AsyncIterator, Iterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics import QuestionLog, hash_user
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.salt import install_salt
from bot.service import Answerer, Question
from handlers.web import STATIC_DIR, RateLimiter, create_app

CLIENT = "test-client-0001"
SHIBA = "芝地区はどんなところ？"  # an entry with a local image and related entries


@pytest.fixture
def logged(kb: KnowledgeBase, tmp_path: Path) -> Iterator[tuple[Answerer, QuestionLog]]:
    """Return an Answerer and its real SQLite question log."""
    question_log = QuestionLog(tmp_path / "log.db")
    answerer = Answerer(kb, question_log)
    yield answerer, question_log
    answerer.close()


async def start(answerer: Answerer, settings: Settings) -> TestClient:
    """Start the app on 127.0.0.1 and return a client for it."""
    client = TestClient(TestServer(create_app(answerer, settings), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def client(logged: tuple[Answerer, QuestionLog]) -> AsyncIterator[TestClient]:
    """Return a client for the server with no LINE or Telegram settings."""
    client = await start(logged[0], Settings(rate_limit_per_minute=1000))
    yield client
    await client.close()


def rows(db: Path, where: str = "1", args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
    """Return logged rows from the question log file."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(f"SELECT * FROM questions WHERE {where}", args).fetchall()


async def test_page_and_assets_load_with_nothing_from_the_internet(client: TestClient) -> None:
    page = await client.get("/")
    html = await page.text()
    assert page.status == 200 and page.content_type == "text/html"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    for name in ("chat.js", "chat-text.js", "chat.css", "favicon.svg"):
        asset = await client.get(f"/static/{name}")
        assert asset.status == 200
        assert (await asset.text()) == (STATIC_DIR / name).read_text(encoding="utf-8")
    assert "://" not in html + (STATIC_DIR / "chat.css").read_text(encoding="utf-8")  # the browser test checks JS
    script = "".join(path.read_text(encoding="utf-8") for path in STATIC_DIR.glob("*.js"))
    assert ".innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


async def test_ask_returns_the_ask_json_object_plus_log_id(
    client: TestClient, logged: tuple[Answerer, QuestionLog], plain_answerer: Answerer, tmp_path: Path
) -> None:
    response = await client.post("/api/ask", json={"question": SHIBA}, headers={"X-Client-Id": CLIENT})
    body = await response.json()
    assert response.status == 200
    expected = plain_answerer.answer(Question(SHIBA)).to_dict(SHIBA, lambda i: "/static/" + i.name)
    del expected["log_id"], expected["rateable"]  # the plain answerer logs nothing, so it offers nothing to rate
    assert {k: body[k] for k in expected} == expected and body["log_id"] and body["rateable"] is True
    assert body["kind"] == "answer" and body["images"][0]["url"] == "/static/images/districts.png"
    assert [b["question"] for b in body["buttons"]] == body["suggestions"] and body["buttons"][0]["entry_id"]
    image = await client.get(body["images"][0]["url"])
    assert image.content_type == "image/png"
    assert await image.read() == (logged[0].kb.directory / "images" / "districts.png").read_bytes()
    logged[1].flush()
    [row] = rows(tmp_path / "log.db", "id = ?", (body["log_id"],))
    assert row["channel"] == "web" and row["user_hash"] == hash_user(CLIENT, install_salt(tmp_path / "log.db"))
    assert row["question"] == SHIBA and row["entry_id"] == "district-shiba"


async def test_lang_and_entry_id_are_passed_to_the_engine(client: TestClient, kb: KnowledgeBase) -> None:
    entry = kb.by_id["district-shiba"]
    response = await client.post("/api/ask", json={"question": "?", "lang": "en", "entry_id": entry.id})
    body = await response.json()
    assert body["entry_id"] == entry.id and body["lang"] == "en" and body["answer"] == entry.answer["en"]


async def test_feedback_is_recorded_once(client: TestClient, logged: tuple[Answerer, QuestionLog],
                                         tmp_path: Path) -> None:
    asked = await (await client.post("/api/ask", json={"question": SHIBA})).json()
    first = await client.post("/api/feedback", json={"log_id": asked["log_id"], "helpful": True})
    again = await client.post("/api/feedback", json={"log_id": asked["log_id"], "helpful": False})
    unknown = await client.post("/api/feedback", json={"log_id": "nope", "helpful": True})
    assert [await r.json() for r in (first, again, unknown)] == [{"recorded": True}, {"recorded": False},
                                                                 {"recorded": False}]
    [row] = rows(tmp_path / "log.db", "id = ?", (asked["log_id"],))
    assert row["helpful"] == 1


@pytest.mark.parametrize("path, body", [
    ("/api/ask", b"{not json"),
    ("/api/ask", b"\xff\xfe\x00"),
    ("/api/ask", b'["a list"]'),
    ("/api/ask", b"{}"),
    ("/api/ask", b'{"question": 42}'),
    ("/api/ask", b'{"question": null}'),
    ("/api/ask", b'{"question": "hi", "entry_id": ["x"]}'),
    ("/api/ask", json.dumps({"question": "あ" * 6000}).encode()),
    ("/api/ask", b"[" * 7000 + b"]" * 7000),
    ("/api/feedback", b'{"log_id": "abc", "helpful": "yes"}'),
    ("/api/feedback", b'{"helpful": true}'),
])
async def test_bad_requests_get_a_json_400(client: TestClient, path: str, body: bytes) -> None:
    response = await client.post(path, data=body, headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert response.content_type == "application/json"
    assert (await response.json())["error"]


async def test_a_body_sent_in_chunks_is_still_limited(client: TestClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"question": "'
        for _ in range(20):
            yield b"a" * 1024
        yield b'"}'

    response = await client.post("/api/ask", data=chunks())
    assert response.status == 400 and "KB" in (await response.json())["error"]


async def test_an_unexpected_error_is_a_json_500_without_a_trace(logged: tuple[Answerer, QuestionLog]) -> None:
    app = create_app(logged[0], Settings())

    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("internal detail that must not leak")

    app.router.add_get("/api/broken", broken)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        response = await client.get("/api/broken")
        text = await response.text()
    assert response.status == 500 and json.loads(text) == {"error": "internal error"}
    assert "internal detail" not in text and "Traceback" not in text


async def test_rate_limit_answers_kindly_per_client(logged: tuple[Answerer, QuestionLog]) -> None:
    client = await start(logged[0], Settings(rate_limit_per_minute=3))
    try:
        statuses = [(await client.post("/api/ask", json={"question": "食堂は？"},
                                       headers={"X-Client-Id": CLIENT})).status for _ in range(3)]
        limited = await client.post("/api/ask", json={"question": "食堂は？", "lang": "en"},
                                    headers={"X-Client-Id": CLIENT})
        other = await client.post("/api/ask", json={"question": "食堂は？"},
                                  headers={"X-Client-Id": "another-client"})
        assert statuses == [200, 200, 200]
        assert limited.status == 429 and "wait" in (await limited.json())["answer"]
        assert other.status == 200
    finally:
        await client.close()


def test_rate_limiter_frees_a_key_after_a_minute() -> None:
    now = [1000.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [limiter.allow("a"), limiter.allow("a"), limiter.allow("a"), limiter.allow("b")] == [True, True, False, True]
    now[0] += 60.5
    assert limiter.allow("a")


@pytest.mark.parametrize("path", [
    "/static/images/%2e%2e/districts.yaml",
    "/static/images/..%2fdistricts.yaml",
    "/static/images/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/images/missing.png",
    "/static/index.html",
])
async def test_static_files_stay_inside_their_folders(client: TestClient, path: str) -> None:
    from yarl import URL

    response = await client.get(URL(path, encoded=True))
    assert response.status == 404


async def test_healthz_and_welcome(client: TestClient, kb: KnowledgeBase) -> None:
    health = await (await client.get("/healthz")).json()
    assert health == {"status": "ok", "kb_version": kb.version, "entries": len(kb.entries),
                      "loaded_at": kb.loaded_at, "channels": ["web"], "pid": os.getpid()}
    for lang in ("ja", "en"):
        greeting = await (await client.get(f"/api/welcome?lang={lang}")).json()
        assert greeting["answer"] == kb.scope.message("welcome", lang)
        assert greeting["suggestions"] == list(kb.scope.example_questions[lang]) and greeting["suggestions"]


async def test_line_and_telegram_routes_are_absent_without_their_settings(client: TestClient) -> None:
    for path in ("/line/webhook", "/telegram/webhook"):
        response = await client.post(path, data=b"{}")
        assert response.status == 404


def free_port() -> int:
    """Return a port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: object, seconds: float = 30.0) -> None:
    """Poll condition() until it is true, failing after a bounded wait."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"gave up waiting for {condition}"
        time.sleep(0.05)


def answers_health(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def refuses_connections(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


def test_serve_runs_until_sigterm_then_flushes_the_log(tmp_path: Path) -> None:
    port, db = free_port(), tmp_path / "log.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_"))}
    env.update(MINATO_PORT=str(port), MINATO_HOST="127.0.0.1", MINATO_DB=str(db))
    server = subprocess.Popen([sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "serve"],
                              env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: answers_health(port) or server.poll() is not None)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", method="POST",
                                         data=json.dumps({"question": "食堂はありますか？"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert json.load(response)["entry_id"] == "cafeteria"
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, output
    assert "channels on: web" in output and "stopped" in output and "Traceback" not in output
    assert [r["entry_id"] for r in rows(db, "channel = 'web'")] == ["cafeteria"]


async def test_settings_reach_the_app_unchanged(logged: tuple[Answerer, QuestionLog]) -> None:
    settings = replace(Settings(), line_channel_secret="only-the-secret")  # LINE needs both secret and token
    client = await start(logged[0], settings)
    try:
        assert (await (await client.get("/healthz")).json())["channels"] == ["web"]
    finally:
        await client.close()
