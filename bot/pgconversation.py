"""Conversation state in PostgreSQL, beside the question log: a follow-up is read against the topic whichever
server answered it (bot/conversation.py has the store's interface and the SQLite and in-memory stores).

Writes go through the question log's writer (`submit`), so a context is committed with the row of the answer that
set it; until the writer is done with it, this process reads it back from memory (as the SQLite store does), so a
follow-up arriving before the next commit is read against it. Reads use a connection of their own, which never holds
a transaction open.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

from bot.conversation import (SELECT, TABLE, UPSERT, Clock, Context, PendingWrites, Submit, _fresh, _from_row,
                              _iso, _row_params, _stamped, utc_now)
from bot.pgstore import HeldConnection, PgConnection, connect, create_missing
log = logging.getLogger(__name__)

TEXT = 'text COLLATE "C"'
SCHEMA = (
    (TABLE, f"CREATE TABLE IF NOT EXISTS {TABLE} (user_hash {TEXT} NOT NULL, channel {TEXT} NOT NULL, "
     f"entry_id {TEXT}, lang {TEXT}, suggestions {TEXT} NOT NULL DEFAULT '', topic_at {TEXT}, "
     f"updated_at {TEXT} NOT NULL, answered_id {TEXT}, PRIMARY KEY (user_hash, channel))"),
    (f"{TABLE}_by_updated", f"CREATE INDEX IF NOT EXISTS {TABLE}_by_updated ON {TABLE} (updated_at)"),
)


def create_schema(conn: PgConnection) -> None:
    """Create what is missing of the conversations table; a table made before answered_id existed gets it."""
    raw = conn.raw
    create_missing(raw, SCHEMA)
    # Asked first, so a user with only row rights can start once the column is there.
    if raw.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
                   [TABLE, "answered_id"]).fetchone() is None:
        with raw.transaction():
            raw.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS answered_id {TEXT}")


class PostgresConversations:
    """Conversation state in the log's PostgreSQL database, shared by every server that uses it."""

    def __init__(self, url: str, ttl: timedelta, clock: Clock = utc_now, submit: Submit | None = None) -> None:
        self._ttl, self._clock, self._submit = ttl, clock, submit
        self._lock = threading.Lock()
        self._pending = PendingWrites()  # queued on the log's writer, not committed yet: read back from memory
        self._conn = HeldConnection(url, create_schema)

    def get(self, user_hash: str, channel: str) -> Context:
        """Return the user's context on a channel (an empty Context when there is none or it cannot be read)."""
        pending = self._pending.get(user_hash, channel)
        if pending is not None:
            return _fresh(pending, self._clock(), self._ttl)
        try:
            row = self._run(SELECT, (user_hash, channel), fetch=True)
        except Exception as exc:  # noqa: BLE001 - a conversation without its context is still answered
            log.warning("conversation state could not be read: %s", exc)
            return Context()
        if row is None:
            return Context()
        return _fresh(_from_row(row), self._clock(), self._ttl)

    def put(self, user_hash: str, channel: str, context: Context) -> None:
        """Save the user's context: with the log's next commit, or at once without a log writer."""
        now = self._clock()
        context = _stamped(context, now)
        params = _row_params(user_hash, channel, context, now)
        if self._submit is not None:
            self._pending.submit(self._submit, user_hash, channel, context, params)
            return
        try:
            self._run(UPSERT, params)
        except Exception as exc:  # noqa: BLE001 - losing a context costs one follow-up, not the answer
            log.warning("conversation state could not be saved: %s", exc)

    def forget(self, user_hash: str, channel: str | None = None) -> int:
        """Remove a user's context on one channel, or on all; return how many were removed."""
        self._pending.forget(user_hash, channel)
        if channel is None:
            return self._run(f"DELETE FROM {TABLE} WHERE user_hash = ?", (user_hash,))
        return self._run(f"DELETE FROM {TABLE} WHERE user_hash = ? AND channel = ?", (user_hash, channel))

    def purge(self, older_than: timedelta) -> int:
        """Remove every context not changed for this long; return how many were removed."""
        return self._run(f"DELETE FROM {TABLE} WHERE updated_at < ?", (_iso(self._clock() - older_than),))

    def _run(self, sql: str, params: tuple[Any, ...], fetch: bool = False) -> Any:
        # One statement in autocommit mode; a connection lost to a restart or a network cut is replaced once.
        with self._lock:
            cursor = self._conn.get().execute(sql, params)
            return cursor.fetchone() if fetch else cursor.rowcount

    def close(self) -> None:
        """Close the reading connection."""
        with self._lock:
            self._conn.close()


def purge_database(url: str, older_than: timedelta) -> int:
    """Remove old contexts from a PostgreSQL log (for `minato-bot purge`); 0 without the table."""
    conn = PgConnection(connect(url))
    try:
        if not conn.execute(f"SELECT to_regclass('{TABLE}') IS NOT NULL").fetchone()[0]:
            return 0
        return conn.execute(f"DELETE FROM {TABLE} WHERE updated_at < ?", (_iso(utc_now() - older_than),)).rowcount
    finally:
        conn.raw.close()
