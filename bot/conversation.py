"""Conversation state per user and channel: the last entry answered, the chosen language, the suggestions offered.

It lets a follow-up ("いつまで？", "英語で") be read against what came before. It is keyed by the salted hash of the
user id the question log already uses, holds no message text, and is kept in the log's SQLite file (so it survives
restarts and is shared by several `serve` processes on one machine) or, without a log, in memory. The topic
expires after a while (MINATO_CONTEXT_MINUTES); the chosen language stays until the user changes it or `purge`
removes the row. Another storage (PostgreSQL) can implement ConversationStore.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Protocol

from bot.logbatch import Statement

log = logging.getLogger(__name__)

TABLE = "conversations"
Clock = Callable[[], datetime]
Submit = Callable[[Callable[[Any], Any]], "Future[Any]"]  # QuestionLog.submit: run work(db) on the log's writer
MAX_MEMORY_USERS = 50_000  # the in-memory store forgets the least recently seen beyond this

SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    " user_hash TEXT NOT NULL, channel TEXT NOT NULL,"
    " entry_id TEXT,"  # the last entry answered (the topic a follow-up is read against)
    " lang TEXT,"  # the language the user chose ("英語で", /lang en); NULL: follow the question's language
    " suggestions TEXT NOT NULL DEFAULT '',"  # entry ids offered with the last reply, space-separated
    " topic_at TEXT,"  # when the topic was set (UTC, ISO 8601): it expires after the context time
    " answered_id TEXT,"  # the last entry answered when a question of its own moved away from it ("英語で" repeats it)
    " updated_at TEXT NOT NULL,"  # last change of the row (UTC, ISO 8601): what `purge` goes by
    " PRIMARY KEY (user_hash, channel)) WITHOUT ROWID",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_by_updated ON {TABLE} (updated_at)",
)
# A table made before answered_id existed gets it (SQLite has no ADD COLUMN IF NOT EXISTS: asked first).
ADD_ANSWERED = f"ALTER TABLE {TABLE} ADD COLUMN answered_id TEXT"
UPSERT = (f"INSERT INTO {TABLE} (user_hash, channel, entry_id, lang, suggestions, topic_at, updated_at, answered_id)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_hash, channel) DO UPDATE SET"
          " entry_id = excluded.entry_id, lang = excluded.lang, suggestions = excluded.suggestions,"
          " topic_at = excluded.topic_at, updated_at = excluded.updated_at, answered_id = excluded.answered_id")
SELECT = f"SELECT entry_id, lang, suggestions, topic_at, answered_id FROM {TABLE} WHERE user_hash = ? AND channel = ?"


def utc_now() -> datetime:
    """Return the current time in UTC (the stores' default clock)."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Context:
    """What the bot remembers of one user's conversation on one channel."""

    entry_id: str | None = None  # the topic: the last entry answered, None when there is none or it expired
    lang: str | None = None  # the language the user chose; None: the question's own language decides
    suggestions: tuple[str, ...] = ()  # entry ids offered with the last reply
    topic_at: datetime | None = None  # when the topic was set; None with an entry_id: now, when stored
    # The last entry answered, kept when a question of its own moved away from the topic (entry_id None): a
    # language request ("英語で") still repeats it. It expires with the topic's time.
    answered_id: str | None = None


class ConversationStore(Protocol):
    """Where conversation state lives; get() never returns an expired topic."""

    def get(self, user_hash: str, channel: str) -> Context:
        """Return the user's context on a channel (an empty Context when there is none)."""

    def put(self, user_hash: str, channel: str, context: Context) -> None:
        """Save the user's context on a channel (it may be written after put returns)."""

    def forget(self, user_hash: str, channel: str | None = None) -> int:
        """Remove a user's context on one channel, or on all channels; return how many were removed."""

    def purge(self, older_than: timedelta) -> int:
        """Remove every context not changed for this long; return how many were removed."""

    def close(self) -> None:
        """Release the store's resources."""


class MemoryConversations:
    """Conversation state in this process only (the question log is off): lost on restart."""

    def __init__(self, ttl: timedelta, clock: Clock = utc_now, max_users: int = MAX_MEMORY_USERS) -> None:
        self._ttl, self._clock, self._max = ttl, clock, max_users
        self._lock = threading.Lock()
        self._rows: OrderedDict[tuple[str, str], tuple[Context, datetime]] = OrderedDict()

    def get(self, user_hash: str, channel: str) -> Context:
        with self._lock:
            found = self._rows.get((user_hash, channel))
        return _fresh(found[0], self._clock(), self._ttl) if found else Context()

    def put(self, user_hash: str, channel: str, context: Context) -> None:
        now = self._clock()
        with self._lock:
            self._rows[(user_hash, channel)] = (_stamped(context, now), now)
            self._rows.move_to_end((user_hash, channel))
            while len(self._rows) > self._max:
                self._rows.popitem(last=False)

    def forget(self, user_hash: str, channel: str | None = None) -> int:
        with self._lock:
            keys = [k for k in self._rows if k[0] == user_hash and channel in (None, k[1])]
            for key in keys:
                del self._rows[key]
        return len(keys)

    def purge(self, older_than: timedelta) -> int:
        cutoff = self._clock() - older_than
        with self._lock:
            keys = [key for key, (_, updated) in self._rows.items() if updated < cutoff]
            for key in keys:
                del self._rows[key]
        return len(keys)

    def close(self) -> None:
        """Nothing to release."""


class PendingWrites:
    """Contexts queued on the log's writer but maybe not committed yet: this process reads its own writes at once.

    A follow-up may arrive before the writer's next commit (it groups commits); without this, it would be read
    against the topic before the last one. Both database stores keep one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._contexts: dict[tuple[str, str], Context] = {}

    def get(self, user_hash: str, channel: str) -> Context | None:
        """Return the context still on its way for a user and channel, or None."""
        with self._lock:
            return self._contexts.get((user_hash, channel))

    def submit(self, submit: Submit, user_hash: str, channel: str, context: Context, params: tuple[Any, ...]) -> None:
        """Queue the context's UPSERT on the writer; it is read from here until the writer is done with it."""
        key = (user_hash, channel)
        with self._lock:
            self._contexts[key] = context
        future = submit(Statement(UPSERT, params))  # committed with the batch's rows, no savepoint of its own
        future.add_done_callback(lambda done: self._settled(key, context, done))

    def forget(self, user_hash: str, channel: str | None = None) -> None:
        """Drop what is on its way for a user on one channel, or on all."""
        with self._lock:
            for key in [k for k in self._contexts if k[0] == user_hash and channel in (None, k[1])]:
                del self._contexts[key]

    def _settled(self, key: tuple[str, str], context: Context, future: Future[Any]) -> None:
        with self._lock:
            if self._contexts.get(key) is context:  # a later put of the same user is still on its way: keep that
                del self._contexts[key]
        _report_failure(future)


class SqliteConversations:
    """Conversation state in a table of the question log's SQLite file (WAL: readers never block the writer).

    Reads use a connection of their own; writes go through `submit` (the question log's group-commit writer,
    so they share its transactions and never wait for its lock) or, without it, are one short transaction each.
    """

    def __init__(self, path: Path, ttl: timedelta, clock: Clock = utc_now, submit: Submit | None = None,
                 busy_seconds: float = 2.0) -> None:
        self.path = Path(path)
        self._ttl, self._clock, self._submit = ttl, clock, submit
        self._lock = threading.Lock()
        self._pending = PendingWrites()
        self._busy_seconds = busy_seconds
        self._conn = _connect(self.path, busy_seconds)  # schema, forget, purge and writes without a writer
        for statement in SCHEMA:  # idempotent: several processes may start at once
            self._conn.execute(statement)
        columns = {row[1] for row in self._conn.execute(f"PRAGMA table_info({TABLE})")}
        if "answered_id" not in columns:
            try:
                self._conn.execute(ADD_ANSWERED)
            except sqlite3.OperationalError:  # another process added it in between
                pass
        # Each answering thread reads on a connection of its own: no lock held while SQLite reads.
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []

    def get(self, user_hash: str, channel: str) -> Context:
        pending = self._pending.get(user_hash, channel)
        if pending is not None:
            return _fresh(pending, self._clock(), self._ttl)
        try:
            row = self._reader().execute(SELECT, (user_hash, channel)).fetchone()
        except sqlite3.Error as exc:  # a conversation without its context is still answered
            log.warning("conversation state could not be read: %s", exc)
            return Context()
        if row is None:
            return Context()
        return _fresh(_from_row(row), self._clock(), self._ttl)

    def put(self, user_hash: str, channel: str, context: Context) -> None:
        now = self._clock()
        context = _stamped(context, now)
        params = _row_params(user_hash, channel, context, now)
        if self._submit is not None:
            self._pending.submit(self._submit, user_hash, channel, context, params)
            return
        try:
            self._write(UPSERT, params)
        except sqlite3.Error as exc:
            log.warning("conversation state could not be saved: %s", exc)

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = _connect(self.path, self._busy_seconds)
            with self._lock:
                self._readers.append(conn)
        return conn

    def forget(self, user_hash: str, channel: str | None = None) -> int:
        self._pending.forget(user_hash, channel)
        if channel is None:
            return self._write(f"DELETE FROM {TABLE} WHERE user_hash = ?", (user_hash,))
        return self._write(f"DELETE FROM {TABLE} WHERE user_hash = ? AND channel = ?", (user_hash, channel))

    def purge(self, older_than: timedelta) -> int:
        return self._write(f"DELETE FROM {TABLE} WHERE updated_at < ?", (_iso(self._clock() - older_than),))

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        with self._lock:  # one statement in autocommit mode: a transaction as short as it gets
            return self._conn.execute(sql, params).rowcount

    def close(self) -> None:
        with self._lock:
            for conn in (self._conn, *self._readers):
                conn.close()
            self._readers.clear()


def purge_file(path: Path, older_than: timedelta) -> int:
    """Remove the contexts not changed for this long from a log file (for `minato-bot purge`); 0 without the table."""
    conn = _connect(Path(path), 5.0)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is None:
            return 0
        with conn:
            return conn.execute(f"DELETE FROM {TABLE} WHERE updated_at < ?", (_iso(utc_now() - older_than),)).rowcount
    finally:
        conn.close()


def _from_row(row: tuple[Any, ...]) -> Context:
    """Return the Context a SELECT row holds (entry, language, suggested ids, when the topic was set)."""
    entry_id, lang, suggestions, topic_at, answered_id = row
    return Context(entry_id, lang, tuple(suggestions.split()), _parse(topic_at), answered_id)


def _row_params(user_hash: str, channel: str, context: Context, now: datetime) -> tuple[Any, ...]:
    """Return the UPSERT parameters saving a stamped Context at `now`."""
    return (user_hash, channel, context.entry_id, context.lang, " ".join(context.suggestions),
            _iso(context.topic_at), _iso(now), context.answered_id)


def _stamped(context: Context, now: datetime) -> Context:
    return replace(context, topic_at=now) if context.entry_id and context.topic_at is None else context


def _fresh(context: Context, now: datetime, ttl: timedelta) -> Context:
    # An old topic is forgotten ("何人？" an hour later is a new question); the chosen language is not.
    if (context.entry_id or context.answered_id) and (context.topic_at is None or now - context.topic_at > ttl):
        return Context(lang=context.lang)
    return context


def _connect(path: Path, busy_seconds: float) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: no implicit transactions, so a read never holds a snapshot open between questions.
    conn = sqlite3.connect(path, timeout=busy_seconds, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # losing the last context on a power cut costs one follow-up
    return conn


def _iso(when: datetime | None) -> str | None:
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds") if when is not None else None


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _report_failure(future: Future[Any]) -> None:
    # The log's health already says when its writes fail; a lost context is worth a debug line only.
    if not future.cancelled() and future.exception() is not None:
        log.debug("conversation state was not saved: %s", future.exception())
