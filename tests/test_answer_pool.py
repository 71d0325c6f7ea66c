"""The server's answer pool: answers computed on a few threads, their log commits awaited on the event loop.

Nothing here measures time: the writer is held by a gate the test opens, and waits are bounded only so that a
failure fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from bot.analytics import QuestionLog
from bot.logbatch import Database
from bot.knowledge import KnowledgeBase
from bot.seam import ReplyImage
from bot.service import Answerer, Question
from handlers.answering import ANSWER_THREADS, AnswerPool, Wakeups
from handlers.channels import served_path

GUARD = 30.0
CAFETERIA = "食堂はありますか"


def hold_writer(question_log: QuestionLog) -> threading.Event:
    """Keep the log's writer busy until the returned gate is set."""
    gate, held = threading.Event(), threading.Event()
    question_log.submit(lambda db: (held.set(), gate.wait(GUARD)))
    assert held.wait(GUARD)
    return gate


async def until(condition: object, what: str) -> None:
    for _ in range(int(GUARD / 0.01)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never: {what}")


async def test_answers_waiting_for_their_commit_hold_no_thread_and_share_one_commit(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    question_log = QuestionLog(tmp_path / "log.db", commit_seconds=GUARD)
    answerer = Answerer(kb, question_log)
    pool = AnswerPool(answerer)
    asked = 4 * ANSWER_THREADS  # more than the threads: each must let go of its thread while its row waits
    try:
        gate = hold_writer(question_log)
        commits_before = question_log.commits
        replies = asyncio.gather(*(pool.answer(Question(CAFETERIA, "web", f"user-{n}")) for n in range(asked)))
        # Every answer was computed and queued its row (and its user's conversation) behind the held writer.
        await until(lambda: question_log.pending >= 2 * asked, "every answer queued its writes")
        gate.set()
        done = await asyncio.wait_for(replies, GUARD)
    finally:
        pool.close()
        question_log.close()
    assert all(reply.log_id and reply.entry_id == "cafeteria" for reply in done)
    assert question_log.commits - commits_before == 2  # the held batch, then every answer's writes together
    with sqlite3.connect(question_log.path) as db:
        logged = {row[0] for row in db.execute("SELECT id FROM questions")}
    assert logged == {reply.log_id for reply in done}  # each log_id handed out is a committed row


async def test_an_answer_whose_row_does_not_commit_in_time_has_no_log_id_and_degrades_health(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    question_log = QuestionLog(tmp_path / "log.db", commit_seconds=0.05)
    answerer = Answerer(kb, question_log)
    pool = AnswerPool(answerer)
    gate = hold_writer(question_log)  # held for good: the commit cannot come within commit_seconds
    try:
        reply = await asyncio.wait_for(pool.answer(Question(CAFETERIA, "web")), GUARD)
        assert reply.entry_id == "cafeteria" and not reply.log_id and not reply.rateable
        assert "did not commit within" in (answerer.log_problem or "")
    finally:
        gate.set()
        pool.close()
        question_log.close()


async def test_a_write_that_fails_while_awaited_gives_no_log_id_and_no_asyncio_error(
    kb: KnowledgeBase, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    question_log = QuestionLog(tmp_path / "log.db", commit_seconds=GUARD)
    answerer = Answerer(kb, question_log)
    pool = AnswerPool(answerer)
    question_log.submit(refuse_rows).result()  # as a full or read-only disk would
    gate = hold_writer(question_log)  # so that the row fails only once the loop is waiting for it
    try:
        with caplog.at_level(logging.ERROR, logger="asyncio"):
            asking = asyncio.ensure_future(pool.answer(Question(CAFETERIA, "web")))
            await until(lambda: question_log.pending >= 1, "the answer queued its row")
            gate.set()
            reply = await asyncio.wait_for(asking, GUARD)
            assert reply.entry_id == "cafeteria" and not reply.log_id
            assert "not authorized" in (answerer.log_problem or "")
            question_log.close()  # its thread lets go of the failed batch's futures
            gc.collect()  # an exception nobody read is reported when its future is collected
        assert not [record for record in caplog.records if record.name == "asyncio"]
    finally:
        gate.set()
        pool.close()
        question_log.close()


def refuse_rows(db: Database) -> None:
    """Make the writer's own connection refuse to add rows."""
    db.conn.set_authorizer(lambda action, *_: sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_INSERT
                           else sqlite3.SQLITE_OK)


def test_a_picture_is_served_from_the_images_folder_only(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    images = tmp_path / "kb" / "images"
    (images / "maps").mkdir(parents=True)
    (images / "maps" / "庁舎 1.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"png")
    inside = ReplyImage("map", "", path=tmp_path / "kb" / "images" / "maps" / ".." / "maps" / "庁舎 1.png")
    for _ in range(2):  # the second time from memory, the same
        assert served_path(inside.path, tmp_path / "kb" / "images") == "/static/images/maps/%E5%BA%81%E8%88%8E%201.png"
    with caplog.at_level(logging.WARNING):
        assert served_path(images / ".." / ".." / "secret.png", images) is None
    assert "outside" in caplog.text


async def test_commits_settled_together_wake_the_loop_once() -> None:
    loop = asyncio.get_running_loop()
    wakeups, calls = Wakeups(loop), []
    real = loop.call_soon_threadsafe
    loop.call_soon_threadsafe = lambda *args: calls.append(args) or real(*args)  # type: ignore[method-assign]
    try:
        landed = [loop.create_future() for _ in range(10)]
        writer = threading.Thread(target=lambda: [wakeups.waker(future)(None) for future in landed])
        writer.start()
        writer.join()  # the loop runs nothing meanwhile, as when one commit settles many rows at once
        await asyncio.wait_for(asyncio.gather(*landed), GUARD)
        assert len(calls) == 1
        wakeups.waker(later := loop.create_future())(None)  # the next commit wakes it again
        await asyncio.wait_for(later, GUARD)
        assert len(calls) == 2
    finally:
        del loop.call_soon_threadsafe
