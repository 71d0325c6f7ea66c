"""Conversation state: the SQLite and PostgreSQL stores beside the question log and the in-memory one, expiry,
forget, purge."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from bot.analytics import QuestionLog
from bot.cli import cli
from bot.config import ConfigError, load_settings
from bot.conversation import (TABLE, Context, ConversationStore, MemoryConversations, SqliteConversations,
                              purge_file)
from bot.pgconversation import PostgresConversations

TTL = timedelta(minutes=10)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["sqlite", "memory", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[ConversationStore]:
    made: ConversationStore = (SqliteConversations(tmp_path / "log.db", TTL, clock) if request.param == "sqlite"
                               else MemoryConversations(TTL, clock) if request.param == "memory"
                               else PostgresConversations(request.getfixturevalue("pg_url"), TTL, clock))
    yield made
    made.close()


def test_put_then_get_returns_the_context_with_its_topic_time(store: ConversationStore, clock: Clock) -> None:
    assert store.get("u1", "web") == Context()
    store.put("u1", "web", Context("preclass-what", "en", ("preclass-merits", "preclass-timeline")))
    assert store.get("u1", "web") == Context("preclass-what", "en", ("preclass-merits", "preclass-timeline"), clock.now)
    assert store.get("u1", "line") == Context() and store.get("u2", "web") == Context()


def test_the_topic_expires_but_the_chosen_language_stays(store: ConversationStore, clock: Clock) -> None:
    store.put("u1", "web", Context("preclass-what", "en"))
    clock.advance(minutes=9, seconds=59)
    assert store.get("u1", "web").entry_id == "preclass-what"
    clock.advance(seconds=2)
    assert store.get("u1", "web") == Context(lang="en")


def test_a_new_answer_restarts_the_topic_clock(store: ConversationStore, clock: Clock) -> None:
    store.put("u1", "web", Context("preclass-what"))
    clock.advance(minutes=8)
    store.put("u1", "web", Context("preclass-timeline"))  # topic_at None: stamped now
    clock.advance(minutes=8)
    assert store.get("u1", "web").entry_id == "preclass-timeline"


def test_forget_one_channel_or_all(store: ConversationStore) -> None:
    for channel in ("web", "line", "telegram"):
        store.put("u1", channel, Context("cafeteria"))
    store.put("u2", "web", Context("cafeteria"))
    assert store.forget("u1", "line") == 1
    assert store.get("u1", "line") == Context() and store.get("u1", "web").entry_id == "cafeteria"
    assert store.forget("u1") == 2
    assert store.get("u1", "web") == Context() and store.get("u2", "web").entry_id == "cafeteria"


def test_purge_removes_contexts_older_than_the_age(store: ConversationStore, clock: Clock) -> None:
    store.put("old", "web", Context(lang="en"))
    clock.advance(days=2)
    store.put("new", "web", Context(lang="en"))
    assert store.purge(timedelta(days=1)) == 1
    assert store.get("old", "web") == Context() and store.get("new", "web").lang == "en"


def test_two_stores_on_one_file_share_state_and_it_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    first, second = SqliteConversations(tmp_path / "log.db", TTL, clock), SqliteConversations(tmp_path / "log.db", TTL, clock)
    first.put("u1", "web", Context("cafeteria", "easy"))
    assert second.get("u1", "web") == Context("cafeteria", "easy", (), clock.now)
    second.put("u1", "web", Context("housing-staff", "easy"))
    assert first.get("u1", "web").entry_id == "housing-staff"
    first.close()
    second.close()
    reopened = SqliteConversations(tmp_path / "log.db", TTL, clock)
    assert reopened.get("u1", "web").entry_id == "housing-staff"
    reopened.close()


def test_writes_through_the_question_log_writer_commit_with_it(tmp_path: Path, clock: Clock) -> None:
    log = QuestionLog(tmp_path / "log.db")
    store = SqliteConversations(log.path, TTL, clock, submit=log.submit)
    store.put("u1", "web", Context("cafeteria"))
    log.submit(lambda db: None).result(timeout=5)  # the writer commits in order: the put is in by now
    assert SqliteConversations(log.path, TTL, clock).get("u1", "web").entry_id == "cafeteria"
    log.close()
    store.close()


def test_the_table_sits_beside_the_question_log_and_leaves_it_alone(tmp_path: Path, clock: Clock) -> None:
    log = QuestionLog(tmp_path / "log.db")
    before = _schema(tmp_path / "log.db", "questions")
    SqliteConversations(log.path, TTL, clock).close()
    log.close()
    assert _schema(tmp_path / "log.db", "questions") == before
    assert _schema(tmp_path / "log.db", TABLE)


def test_the_memory_store_forgets_the_least_recently_seen_beyond_its_size(clock: Clock) -> None:
    store = MemoryConversations(TTL, clock, max_users=2)
    for user in ("a", "b", "c"):
        store.put(user, "web", Context(lang="en"))
    assert store.get("a", "web") == Context() and store.get("c", "web").lang == "en"


def test_a_database_that_cannot_be_read_gives_no_context_instead_of_an_error(tmp_path: Path, clock: Clock) -> None:
    store = SqliteConversations(tmp_path / "log.db", TTL, clock)
    with sqlite3.connect(tmp_path / "log.db") as conn:
        conn.execute(f"DROP TABLE {TABLE}")
    assert store.get("u1", "web") == Context()
    store.close()


def test_purge_command_removes_old_contexts_too(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    QuestionLog(db).close()
    store = SqliteConversations(db, TTL, lambda: datetime.now(timezone.utc) - timedelta(days=200))
    store.put("old", "web", Context(lang="en"))
    store.close()
    SqliteConversations(db, TTL).put("new", "web", Context(lang="en"))
    result = CliRunner().invoke(cli, ["purge", "--older-than", "180d", "--db", str(db), "--yes"])
    assert result.exit_code == 0, result.output
    assert "1 conversation" in result.output
    with sqlite3.connect(db) as conn:
        assert [row[0] for row in conn.execute(f"SELECT user_hash FROM {TABLE}")] == ["new"]
    assert purge_file(db, timedelta(days=180)) == 0


def _schema(path: Path, table: str) -> str:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return row[0] if row else ""


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_write_not_yet_committed_is_read_back_by_its_own_process(kind: str, request: pytest.FixtureRequest,
                                                                    tmp_path: Path, clock: Clock) -> None:
    held: list[Future[object]] = []

    def submit(work: object) -> Future[object]:  # a writer that has not committed yet
        held.append(Future())
        return held[-1]

    store: ConversationStore = (SqliteConversations(tmp_path / "log.db", TTL, clock, submit=submit) if kind == "sqlite"
                                else PostgresConversations(request.getfixturevalue("pg_url"), TTL, clock, submit=submit))
    store.put("u1", "web", Context("cafeteria", "en"))
    store.put("u1", "web", Context("housing-staff", "en"))
    assert store.get("u1", "web").entry_id == "housing-staff"
    held[0].set_result(None)  # the older write commits: the newer one is still the one to read
    assert store.get("u1", "web").entry_id == "housing-staff"
    held[1].set_exception(sqlite3.OperationalError("disk I/O error"))  # lost: nothing pending, nothing stored
    assert store.get("u1", "web") == Context()
    store.put("u1", "web", Context("cafeteria"))
    store.forget("u1")  # a user forgotten while a write is still queued stays forgotten in this process
    assert store.get("u1", "web") == Context()
    store.close()


def test_the_context_time_is_a_setting_in_minutes() -> None:
    assert load_settings(None, environ={}).context_minutes == 10
    assert load_settings(None, environ={"MINATO_CONTEXT_MINUTES": "2.5"}).context_minutes == 2.5
    for bad in ("-1", "nan", "ten"):
        with pytest.raises(ConfigError, match="MINATO_CONTEXT_MINUTES"):
            load_settings(None, environ={"MINATO_CONTEXT_MINUTES": bad})


def test_the_last_answered_entry_is_kept_and_expires_with_the_topic(store: ConversationStore, clock: Clock) -> None:
    store.put("u1", "web", Context(None, "en", (), clock.now, answered_id="cafeteria"))
    assert store.get("u1", "web").answered_id == "cafeteria"
    clock.advance(minutes=11)
    assert store.get("u1", "web") == Context(lang="en")


def test_a_table_made_before_answered_id_gets_the_column(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute(f"CREATE TABLE {TABLE} (user_hash TEXT NOT NULL, channel TEXT NOT NULL, entry_id TEXT, lang TEXT,"
                    " suggestions TEXT NOT NULL DEFAULT '', topic_at TEXT, updated_at TEXT NOT NULL,"
                    " PRIMARY KEY (user_hash, channel)) WITHOUT ROWID")
        old.execute(f"INSERT INTO {TABLE} VALUES ('u1', 'web', NULL, 'en', '', NULL, '2026-01-01T00:00:00+00:00')")
    store = SqliteConversations(path, TTL, clock)
    try:
        assert store.get("u1", "web") == Context(lang="en")
        store.put("u1", "web", Context(None, "en", (), clock.now, answered_id="panel"))
        assert store.get("u1", "web").answered_id == "panel"
    finally:
        store.close()
