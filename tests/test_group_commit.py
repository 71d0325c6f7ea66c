"""The writer's batches: rows and statements (conversation UPSERTs) of many answers go in under one savepoint.

The writer is held by a gate while the jobs are queued, so they land in one batch; nothing here measures time.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Iterator

import pytest

from bot.analytics import QuestionLog
from bot.logbatch import Database, Insert, Statement

GUARD = 30.0
PUT = "INSERT INTO notes (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v"


@pytest.fixture
def question_log(tmp_path: Path) -> Iterator[QuestionLog]:
    log = QuestionLog(tmp_path / "log.db", commit_seconds=GUARD)
    log.submit(lambda db: db.conn.execute("CREATE TABLE notes (k TEXT PRIMARY KEY, v TEXT NOT NULL)")).result()
    log.submit(lambda db: db.conn.execute("CREATE TABLE marks (n INTEGER)")).result()
    yield log
    log.close()


def in_one_batch(question_log: QuestionLog, jobs: list[Any]) -> tuple[list[Future[Any]], list[str]]:
    """Queue the jobs behind a held writer, let it go; return their futures and the SQL it ran for them."""
    traced: list[str] = []
    gate, held = threading.Event(), threading.Event()
    question_log.submit(lambda db: (held.set(), gate.wait(GUARD)))
    assert held.wait(GUARD)
    question_log.submit(lambda db: db.conn.set_trace_callback(traced.append))
    futures = [question_log.submit(job) for job in jobs]
    question_log.submit(lambda db: db.conn.set_trace_callback(None))
    gate.set()
    for future in futures:
        future.exception(GUARD)
    return futures, traced


def notes(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT k, v FROM notes"))


def test_rows_and_statements_share_one_savepoint_and_later_statements_win(question_log: QuestionLog) -> None:
    jobs: list[Any] = []
    for n in range(20):  # as answers queue them: the user's conversation, then the row
        jobs += [Statement(PUT, (f"user-{n % 5}", f"topic-{n}")), Insert("marks (n)", (n,))]
    futures, traced = in_one_batch(question_log, jobs)
    assert all(future.exception() is None for future in futures)
    assert notes(question_log.path) == {f"user-{u}": f"topic-{15 + u}" for u in range(5)}  # the last put of each
    with sqlite3.connect(question_log.path) as db:
        assert db.execute("SELECT count(*) FROM marks").fetchone()[0] == 20
    run = [sql for sql in traced if not sql.startswith("SELECT")]
    assert sum(sql.startswith("INSERT INTO notes") for sql in run) == 20  # traced once each, run as one call
    assert sum(sql.startswith("INSERT INTO marks") for sql in run) == 1  # every row in one statement
    assert run.count("SAVEPOINT batch_rows") == 1
    assert run.count("SAVEPOINT job") == 1  # only that of the job turning the tracing off: none per statement


def test_a_refused_statement_fails_alone(question_log: QuestionLog) -> None:
    jobs = [Statement(PUT, ("a", "one")), Insert("marks (n)", (1,)), Statement(PUT, ("b", None)),  # NOT NULL
            Statement(PUT, ("c", "three")), Insert("marks (n)", (2,))]
    futures, _ = in_one_batch(question_log, jobs)
    assert [future.exception() is None for future in futures] == [True, True, False, True, True]
    assert isinstance(futures[2].exception(), sqlite3.IntegrityError)
    assert notes(question_log.path) == {"a": "one", "c": "three"}
    with sqlite3.connect(question_log.path) as db:
        assert db.execute("SELECT count(*) FROM marks").fetchone()[0] == 2


def test_a_job_queued_after_a_statement_sees_it(question_log: QuestionLog) -> None:
    def read(db: Database) -> str:
        return str(db.conn.execute("SELECT v FROM notes WHERE k = 'a'").fetchone()[0])

    futures, _ = in_one_batch(question_log, [Statement(PUT, ("a", "before")), read, Statement(PUT, ("a", "after"))])
    assert futures[1].result() == "before"
    assert notes(question_log.path) == {"a": "after"}


def test_a_commit_due_while_an_answer_is_composed_waits_for_its_row(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "log.db", commit_seconds=GUARD, join_seconds=GUARD)
    try:
        log.submit(lambda db: db.conn.execute("CREATE TABLE marks (n INTEGER)")).result(GUARD)
        before = log.commits
        with log.composing():  # an answer under way: its conversation first, then its row
            put = log.submit(Insert("marks (n)", (1,)))
            row = log.submit(Insert("marks (n)", (2,)))
        assert put.result(GUARD) == row.result(GUARD) == 1
        assert log.commits == before + 1  # one commit for both, though the first was queued alone
    finally:
        log.close()


def test_with_no_answer_under_way_a_write_commits_at_once(tmp_path: Path) -> None:
    log = QuestionLog(tmp_path / "log.db", commit_seconds=GUARD, join_seconds=10 * GUARD)
    try:
        with log.composing():  # another answer came and went: nothing is under way now
            pass
        log.submit(lambda db: db.conn.execute("CREATE TABLE marks (n INTEGER)")).result(GUARD)
        assert log.submit(Insert("marks (n)", (1,))).result(GUARD) == 1  # never held for join_seconds
    finally:
        log.close()
