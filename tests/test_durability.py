"""A log_id means the row is on disk: group commit, degraded health, truthful feedback, the per-install salt."""

from __future__ import annotations

import logging
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Iterator

import pytest
import sqlite_utils
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics import LogRow, QuestionLog, hash_user
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.salt import salt_path
from bot.service import Answerer, Question
from handlers.web import create_app
from sqlite_lock import held_by_another

CAFETERIA = "食堂はありますか"


@pytest.fixture
def question_log(tmp_path: Path) -> Iterator[QuestionLog]:
    """Return a question log in tmp_path that gives up on a write after a short wait."""
    log = QuestionLog(tmp_path / "log.db", commit_seconds=0.5)
    yield log
    log.close()


def stored(path: Path, log_id: str) -> list[tuple[object, ...]]:
    """Read a row through a connection of its own, as another process would."""
    with sqlite3.connect(path) as db:
        return db.execute("SELECT id, helpful FROM questions WHERE id = ?", [log_id]).fetchall()


def test_a_row_is_on_disk_when_answer_returns_its_log_id(kb: KnowledgeBase, question_log: QuestionLog) -> None:
    answerer = Answerer(kb, question_log)
    for _ in range(20):
        reply = answerer.answer(Question(CAFETERIA))
        assert reply.log_id and stored(question_log.path, reply.log_id) == [(reply.log_id, None)]


def refuse_rows(db: sqlite_utils.Database) -> None:
    """Make the writer's own connection refuse to add rows, as a full or read-only disk does."""
    db.conn.set_authorizer(lambda action, *_: sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_INSERT
                           else sqlite3.SQLITE_OK)


def accept_rows(db: sqlite_utils.Database) -> None:
    db.conn.set_authorizer(None)


async def test_a_failing_log_gives_replies_without_log_id_and_a_degraded_healthz(
    kb: KnowledgeBase, question_log: QuestionLog, caplog: pytest.LogCaptureFixture
) -> None:
    answerer = Answerer(kb, question_log)
    client = TestClient(TestServer(create_app(answerer, Settings(rate_limit_per_minute=1000)), host="127.0.0.1"))
    await client.start_server()
    try:
        assert (await (await client.get("/healthz")).json())["status"] == "ok"
        question_log.submit(refuse_rows).result()
        with caplog.at_level(logging.WARNING):
            for _ in range(5):
                body = await (await client.post("/api/ask", json={"question": CAFETERIA})).json()
                assert body["entry_id"] == "cafeteria" and body["log_id"] is None
            health = await (await client.get("/healthz")).json()
            assert health["status"] == "degraded" and "not authorized" in health["reason"]
            question_log.submit(accept_rows).result()
            body = await (await client.post("/api/ask", json={"question": CAFETERIA})).json()
            assert body["log_id"] and stored(question_log.path, body["log_id"])
            assert (await (await client.get("/healthz")).json())["status"] == "ok"
        said = [r.getMessage() for r in caplog.records if r.name == "bot.logwriter"]
        assert len(said) == 2 and "degraded" in said[0] and "succeed again" in said[1]  # once each way, not per row
    finally:
        await client.close()


def test_feedback_under_a_held_lock_is_not_recorded_and_never_applied_later(
    kb: KnowledgeBase, question_log: QuestionLog
) -> None:
    answerer = Answerer(kb, question_log)
    reply = answerer.answer(Question(CAFETERIA))
    with held_by_another(question_log.path, "IMMEDIATE"):  # another process holds the write lock
        assert answerer.feedback(reply.log_id, True) is False
        assert answerer.log_problem  # "did not commit within 0.5 s", then "database is locked"
    question_log.flush()
    assert stored(question_log.path, reply.log_id) == [(reply.log_id, None)]
    assert answerer.feedback(reply.log_id, True) is True  # the truth once the lock is gone
    assert stored(question_log.path, reply.log_id) == [(reply.log_id, 1)]
    assert answerer.log_problem is None


async def test_api_feedback_says_recorded_only_when_committed(kb: KnowledgeBase, question_log: QuestionLog) -> None:
    answerer = Answerer(kb, question_log)
    client = TestClient(TestServer(create_app(answerer, Settings(rate_limit_per_minute=1000)), host="127.0.0.1"))
    await client.start_server()
    try:
        log_id = (await (await client.post("/api/ask", json={"question": CAFETERIA})).json())["log_id"]
        with held_by_another(question_log.path, "EXCLUSIVE"):
            during = await client.post("/api/feedback", json={"log_id": log_id, "helpful": True})
            assert (await during.json()) == {"recorded": False}
        question_log.flush()
        assert stored(question_log.path, log_id) == [(log_id, None)]
        after = await client.post("/api/feedback", json={"log_id": log_id, "helpful": True})
        assert (await after.json()) == {"recorded": True} and stored(question_log.path, log_id) == [(log_id, 1)]
    finally:
        await client.close()


def test_feedback_that_times_out_behind_a_busy_writer_is_never_applied_later(
    kb: KnowledgeBase, question_log: QuestionLog
) -> None:
    answerer = Answerer(kb, question_log)
    reply = answerer.answer(Question(CAFETERIA))
    gate, held = threading.Event(), threading.Event()
    question_log.submit(lambda db: (held.set(), gate.wait()))  # the writer is stuck behind slow work
    held.wait()
    try:
        assert answerer.feedback(reply.log_id, False) is False
    finally:
        gate.set()
    question_log.flush()
    assert stored(question_log.path, reply.log_id) == [(reply.log_id, None)]


def test_many_answering_threads_share_one_commit(kb: KnowledgeBase, tmp_path: Path) -> None:
    question_log = QuestionLog(tmp_path / "log.db", commit_seconds=60)
    answerer = Answerer(kb, question_log)
    gate, held = threading.Event(), threading.Event()
    question_log.submit(lambda db: (held.set(), gate.wait()))  # the writer is busy while the answers arrive
    held.wait()
    replies: list[str] = []
    threads = [threading.Thread(target=lambda: replies.append(answerer.answer(Question(CAFETERIA)).log_id))
               for _ in range(16)]
    for thread in threads:
        thread.start()
    commits_before = question_log.commits
    while question_log.pending < 16:  # every answer has queued its row and waits for it
        threading.Event().wait(0.01)
    gate.set()
    for thread in threads:
        thread.join()
    question_log.close()
    assert len(replies) == 16 and all(replies)
    assert question_log.commits - commits_before == 2  # the busy batch, then all sixteen rows together
    with sqlite3.connect(question_log.path) as db:
        assert db.execute("SELECT count(*) FROM questions").fetchone()[0] == 16


def row(log_id: str) -> LogRow:
    return LogRow(log_id, "2026-11-30T01:00:00.000+00:00", "web", "", "食堂", "ja", "answer", "cafeteria", 90.0, 1,
                  0.3, "v1")


def test_a_refused_row_in_a_group_commit_fails_alone(question_log: QuestionLog) -> None:
    question_log.record(row("already-there")).result()
    gate, held = threading.Event(), threading.Event()
    question_log.submit(lambda db: (held.set(), gate.wait()))
    held.wait()
    futures = [question_log.record(row(log_id)) for log_id in ("first", "already-there", "last")]
    gate.set()
    assert futures[0].result() == 1 and futures[2].result() == 1
    with pytest.raises(sqlite3.IntegrityError):
        futures[1].result()
    assert stored(question_log.path, "first") and stored(question_log.path, "last")
    assert question_log.health.reason is None  # one bad row is that row's problem, not the log's


def test_a_random_salt_is_created_once_beside_the_log_and_reused(kb: KnowledgeBase, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "log.db")
    first = Answerer.from_settings(settings)
    first.answer(Question(CAFETERIA, channel="web", user_id="203.0.113.7"))
    first.close()
    salt_file = salt_path(settings.db_path)
    salt = salt_file.read_text().strip()
    assert len(salt) == 64 and stat.S_IMODE(salt_file.stat().st_mode) == 0o600
    second = Answerer.from_settings(settings)
    second.answer(Question(CAFETERIA, channel="web", user_id="203.0.113.7"))
    second.close()
    assert salt_file.read_text().strip() == salt
    with sqlite3.connect(settings.db_path) as db:
        hashes = {row[0] for row in db.execute("SELECT user_hash FROM questions")}
    assert hashes == {hash_user("203.0.113.7", salt)}
    assert hash_user("203.0.113.7", "minato-bot") not in hashes


@pytest.mark.parametrize("published", ["minato-bot", "change-me"])
def test_a_published_example_salt_is_never_used(tmp_path: Path, published: str) -> None:
    settings = Settings(db_path=tmp_path / "log.db", log_salt=published)
    answerer = Answerer.from_settings(settings)
    answerer.answer(Question(CAFETERIA, channel="web", user_id="client-0001"))
    answerer.close()
    with sqlite3.connect(settings.db_path) as db:
        [(user_hash,)] = db.execute("SELECT user_hash FROM questions").fetchall()
    assert user_hash == hash_user("client-0001", salt_path(settings.db_path).read_text().strip())
    assert user_hash != hash_user("client-0001", published)


def test_an_own_secret_salt_is_used_as_given(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "log.db", log_salt="a-real-secret-of-ours")
    answerer = Answerer.from_settings(settings)
    answerer.answer(Question(CAFETERIA, channel="web", user_id="client-0001"))
    answerer.close()
    with sqlite3.connect(settings.db_path) as db:
        [(user_hash,)] = db.execute("SELECT user_hash FROM questions").fetchall()
    assert user_hash == hash_user("client-0001", "a-real-secret-of-ours")


def test_logging_off_answers_without_log_id_and_writes_nothing(tmp_path: Path) -> None:
    answerer = Answerer.from_settings(Settings(db_path=Path("off")))
    reply = answerer.answer(Question(CAFETERIA))
    answerer.close()
    assert reply.entry_id == "cafeteria" and reply.log_id == "" and answerer.log_problem is None
    assert not Path("off").exists()
