"""HR's changes and sessions, kept in the question log's database: the audit table, sessions, wrong passwords.

The SQL is one text for both backends (? placeholders); each backend (SqliteAdminTables here, PostgreSQL in
bot/pgadmin.py; bot/storage.py chooses) creates the tables and opens a transaction. On SQLite each transaction
has a connection of its own (the log's writer thread owns the other one; WAL lets both write).
Sessions and wrong passwords live in the database rather than in memory, so a restart, a second server process
or a second server on another machine (PostgreSQL) keeps HR signed in and counts the same wrong passwords.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator, Protocol

AUDIT = "admin_audit"
SESSIONS = "admin_sessions"
FAILURES = "admin_failed_signins"
SESSION_HOURS = 8  # one working day; then HR signs in again
BUSY_MS = 5000
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {AUDIT} (id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, "
    "actor TEXT NOT NULL, action TEXT NOT NULL, question TEXT NOT NULL DEFAULT '', entry_id TEXT, "
    "file TEXT, before TEXT, after TEXT, edit TEXT, kb_version TEXT, undoes INTEGER, undone_by INTEGER)",
    f"CREATE TABLE IF NOT EXISTS {SESSIONS} (token_hash TEXT PRIMARY KEY, actor TEXT NOT NULL, csrf TEXT NOT NULL, "
    "created TEXT NOT NULL, expires TEXT NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS {FAILURES} (address TEXT NOT NULL, at REAL NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {FAILURES}_by_address ON {FAILURES} (address, at)",
)
FAILURES_KEPT_SECONDS = 3600.0
HANDLED = ("paraphrase", "out_of_scope", "new_entry", "dismiss")  # actions that take a question off the inbox


class Statements(Protocol):
    """A connection inside a transaction: runs one statement written with ? placeholders, returns its cursor."""

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        """Run one statement; return its cursor (fetchone, fetchall)."""


class AdminTables(Protocol):
    """Where the HR page's tables live: the SQLite log file or the PostgreSQL log database."""

    def transaction(self, serialize: str | None = None) -> AbstractContextManager[Statements]:
        """Open a write transaction: committed when the block ends, rolled back when it raises.

        Transactions given the same `serialize` key run one after the other, on every server.
        """

    def close(self) -> None:
        """Close what stays open between transactions."""


class SqliteAdminTables:
    """The HR page's tables in the SQLite log file: a connection per transaction, which takes the write lock first."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.transaction() as db:
            for sql in SCHEMA:
                db.execute(sql)

    @contextmanager
    def transaction(self, serialize: str | None = None) -> Iterator[sqlite3.Connection]:
        """Open a transaction on a new connection. BEGIN IMMEDIATE takes the file's write lock at once: every
        transaction runs alone, whatever `serialize` says (and two never deadlock upgrading a read lock)."""
        with closing(sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Nothing stays open between transactions."""


@dataclass(frozen=True)
class Change:
    """One audited change: when, who (the session's short id), what, and the file before and after."""

    id: int
    ts: str
    actor: str
    action: str
    question: str
    entry_id: str | None
    file: str | None
    before: str | None
    after: str | None
    edit: dict[str, Any]
    kb_version: str | None
    undoes: int | None
    undone_by: int | None


@dataclass(frozen=True)
class Session:
    """A signed-in HR session."""

    actor: str  # a short id shown in the audit table: which session made a change
    csrf: str


def _now() -> datetime:
    return datetime.now(timezone.utc)


class AdminStore:
    """The audit table, the sessions and the wrong passwords, in the log's database (either backend)."""

    def __init__(self, tables: AdminTables) -> None:
        self._tables = tables

    def _db(self) -> AbstractContextManager[Statements]:
        return self._tables.transaction()

    def close(self) -> None:
        """Close the database connection kept between calls (PostgreSQL)."""
        self._tables.close()

    # sessions

    def open_session(self, token_hash: str, actor: str, csrf: str, hours: float = SESSION_HOURS) -> None:
        """Remember a new session (and forget expired ones)."""
        now = _now()
        with self._db() as db:
            db.execute(f"DELETE FROM {SESSIONS} WHERE expires < ?", [now.isoformat()])
            db.execute(f"INSERT INTO {SESSIONS} VALUES (?, ?, ?, ?, ?)",
                       [token_hash, actor, csrf, now.isoformat(), (now + timedelta(hours=hours)).isoformat()])

    def session(self, token_hash: str) -> Session | None:
        """Return the live session for a token's hash, or None."""
        with self._db() as db:
            row = db.execute(f"SELECT actor, csrf FROM {SESSIONS} WHERE token_hash = ? AND expires > ?",
                             [token_hash, _now().isoformat()]).fetchone()
        return Session(*row) if row else None

    def close_session(self, token_hash: str) -> None:
        """Forget a session (sign-out)."""
        with self._db() as db:
            db.execute(f"DELETE FROM {SESSIONS} WHERE token_hash = ?", [token_hash])

    # wrong passwords (bot.admin_auth.LockOut): here, every server process sees the same count

    def recent(self, address: str, since: float) -> list[float]:
        """Return the times of this address's wrong passwords after `since`, oldest first."""
        with self._db() as db:
            rows = db.execute(f"SELECT at FROM {FAILURES} WHERE address = ? AND at > ? ORDER BY at",
                              [address, since]).fetchall()
        return [row[0] for row in rows]

    def reserve(self, address: str, when: float, since: float, allowed: int) -> bool:
        """Count a try as a wrong password unless `allowed` are counted since `since` (and forget those older than
        an hour); tell whether it was counted. Tries from one address are counted one at a time on every server."""
        with self._tables.transaction(serialize=address) as db:
            counted = db.execute(f"SELECT count(*) FROM {FAILURES} WHERE address = ? AND at > ?",
                                 [address, since]).fetchone()[0]
            if counted >= allowed:
                return False
            db.execute(f"DELETE FROM {FAILURES} WHERE at < ?", [when - FAILURES_KEPT_SECONDS])
            db.execute(f"INSERT INTO {FAILURES} VALUES (?, ?)", [address, when])
        return True

    def forget(self, address: str, when: float) -> None:
        """Take back the wrong password counted for this address at this time."""
        with self._db() as db:
            db.execute(f"DELETE FROM {FAILURES} WHERE address = ? AND at = ?", [address, when])

    # audit

    def record(self, actor: str, action: str, question: str = "", entry_id: str | None = None,
               file: str | None = None, before: str | None = None, after: str | None = None,
               edit: dict[str, Any] | None = None, kb_version: str | None = None, undoes: int | None = None) -> int:
        """Add a change to the audit table (marking the change it undoes); return its id."""
        with self._db() as db:
            change_id = int(db.execute(
                f"INSERT INTO {AUDIT} (ts, actor, action, question, entry_id, file, before, after, edit, kb_version, "
                "undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [_now().isoformat(timespec="seconds"), actor, action, question, entry_id, file, before, after,
                 json.dumps(edit or {}, ensure_ascii=False), kb_version, undoes]).fetchone()[0])
            if undoes is not None:
                db.execute(f"UPDATE {AUDIT} SET undone_by = ? WHERE id = ?", [change_id, undoes])
        return change_id

    def change(self, change_id: int) -> Change | None:
        """Return one change."""
        found = self.changes(where="id = ?", params=[change_id])
        return found[0] if found else None

    def changes(self, limit: int = 100, where: str = "TRUE", params: list[Any] | None = None) -> list[Change]:
        """Return changes, newest first."""
        with self._db() as db:
            rows = db.execute(f"SELECT id, ts, actor, action, question, entry_id, file, before, after, edit, "
                              f"kb_version, undoes, undone_by FROM {AUDIT} WHERE {where} ORDER BY id DESC LIMIT ?",
                              [*(params or []), limit]).fetchall()
        return [Change(*row[:9], json.loads(row[9] or "{}"), *row[10:]) for row in rows]

    def handled_questions(self) -> set[str]:
        """Return the questions HR has acted on (and not undone): the inbox leaves them out."""
        marks = ",".join("?" * len(HANDLED))
        with self._db() as db:
            rows = db.execute(f"SELECT question FROM {AUDIT} WHERE action IN ({marks}) AND undone_by IS NULL",
                              list(HANDLED)).fetchall()
        return {row[0] for row in rows}
