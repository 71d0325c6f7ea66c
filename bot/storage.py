"""Where the question log lives: a SQLite file (the embedded default) or PostgreSQL (MINATO_DB=postgresql://...).

The seam is narrow. Each backend opens the writer's connection and the reports' connection, creates the schema,
and names the few things that differ: the Tokyo day of a stored time, how a write transaction starts, which errors
spoil a whole group commit, and how purged text is made to go away. Everything else is one SQL text, written with
`?` placeholders, over the same `questions` table. SQLite goes through sqlite-utils; PostgreSQL through psycopg 3
(bot/pgstore.py, imported only when a URL is configured). The conversation state and the HR page's tables live
beside the log in the same database, chosen here the same way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Protocol
from urllib.parse import SplitResult, urlsplit

from bot.conversation import ConversationStore, SqliteConversations, Submit, purge_file
from bot.logwriter import SQLITE_RULES, WriteRules, connect

if TYPE_CHECKING:
    import sqlite_utils

    from bot.audit import AdminStore

TABLE = "questions"
SCHEMA_VERSION = 1
Location = Path | str  # a SQLite file, or a postgresql:// URL
URL_SCHEMES = ("postgresql://", "postgres://")
SQLITE_DAY = "date(ts, '+9 hours')"  # HR counts Tokyo days (UTC+9, no daylight saving); ts is stored in UTC
# Let `stats` group a million rows by day, channel and kind, or by entry, by walking an index without sorting.
SQLITE_INDEXES = (
    f"DROP INDEX IF EXISTS {TABLE}_by_day",  # the indexes before `via` existed
    f"DROP INDEX IF EXISTS {TABLE}_by_entry",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_by_day_via ON {TABLE} ({SQLITE_DAY}, channel, kind, via, helpful)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_by_entry_via ON {TABLE} (kind, entry_id, {SQLITE_DAY}, channel, via, helpful)",
)
COLUMNS = {  # name -> SQLite type (sqlite-utils' names), in the order a new log has them
    "id": str, "ts": str, "channel": str, "user_hash": str, "question": str, "lang": str, "kind": str,
    "entry_id": str, "score": float, "matched": int, "latency_ms": float, "kb_version": str, "via": str,
    "helpful": int, "feedback_ts": str,
}


class StorageError(Exception):
    """The question log's database cannot be reached or used (the message never holds a password)."""


def is_database_url(location: Location) -> bool:
    """Tell whether a log location is a PostgreSQL URL rather than a SQLite file."""
    return isinstance(location, str) and location.lower().startswith(URL_SCHEMES)


def describe(location: Location) -> str:
    """Return a log location fit for messages and logs: a URL's password is replaced by ***."""
    if not is_database_url(location):
        return str(location)
    parts: SplitResult = urlsplit(str(location))
    netloc = parts.netloc
    if parts.password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.partition(':')[0]}:***@{host}"
    query = "&".join("password=***" if pair.lower().startswith("password=") else pair
                     for pair in parts.query.split("&")) if parts.query else ""
    return parts._replace(netloc=netloc, query=query).geturl()


@dataclass(frozen=True)
class Dialect:
    """The SQL that differs between the backends."""

    name: str
    day: str  # the Tokyo date ('YYYY-MM-DD') of the row's ts


SQLITE = Dialect("sqlite", SQLITE_DAY)
POSTGRES = Dialect("postgresql", "minato_tokyo_day(ts)")


class LogReader(Protocol):
    """What `stats`, `report`, `export` and `purge` need of a log, whichever database holds it."""

    dialect: Dialect

    def has_log(self) -> bool:
        """Tell whether the questions table exists yet."""

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        """Run one statement written with ? placeholders; return its cursor."""

    def stream(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        """Yield the rows of a query as dicts without holding them all in memory."""

    def purge_before(self, cutoff: str) -> int:
        """Delete the rows logged before cutoff and make their text unrecoverable; return how many."""

    def close(self) -> None:
        """Close the connection."""


def open_writer(location: Location, commit_seconds: float, sync: str) -> Any:
    """Open the writer's connection with the schema in place; fail now if the log cannot be written."""
    if is_database_url(location):
        from bot import pgstore

        return pgstore.open_writer(str(location), commit_seconds, sync)
    return open_database(Path(location), commit_seconds, sync)


def write_rules(location: Location) -> WriteRules:
    """Return how the group-commit writer drives this backend."""
    if is_database_url(location):
        from bot import pgstore

        return pgstore.WRITE_RULES
    return SQLITE_RULES


def open_reader(location: Location) -> LogReader:
    """Open an existing log for reports (never creates one): FileNotFoundError or StorageError when missing."""
    if is_database_url(location):
        from bot import pgstore

        return pgstore.PostgresReader(str(location))
    return SqliteReader(Path(location))


def open_conversations(location: Location, ttl: timedelta, submit: Submit | None = None) -> ConversationStore:
    """Open the conversation state kept beside the log; its writes go through the log's writer when submit is given."""
    if is_database_url(location):
        from bot.pgconversation import PostgresConversations

        return PostgresConversations(str(location), ttl, submit=submit)
    return SqliteConversations(Path(location), ttl, submit=submit)


def purge_conversations(location: Location, older_than: timedelta) -> int:
    """Remove the contexts not changed for this long (for `minato-bot purge`); 0 where there are none."""
    if is_database_url(location):
        from bot.pgconversation import purge_database

        return purge_database(str(location), older_than)
    return purge_file(Path(location), older_than) if Path(location).is_file() else 0


def open_admin_store(location: Location) -> AdminStore:
    """Open the HR page's tables (audit, sessions, wrong passwords) kept beside the log, creating them if missing."""
    from bot.audit import AdminStore, SqliteAdminTables  # here: answering never needs the HR page's tables

    if is_database_url(location):
        from bot.pgadmin import PostgresAdminTables

        return AdminStore(PostgresAdminTables(str(location)))
    return AdminStore(SqliteAdminTables(Path(location)))


def database_errors() -> tuple[type[Exception], ...]:
    """Return the exceptions that mean "the database failed", for commands to turn into one clean message."""
    try:
        from bot.pgstore import DATABASE_ERROR
    except ImportError:  # psycopg missing: only a URL needs it
        return (sqlite3.Error, StorageError)
    return (sqlite3.Error, StorageError, DATABASE_ERROR)


# SQLite


def open_database(path: Path, busy_seconds: float = 5.0, sync: str = "full") -> sqlite_utils.Database:
    """Open (creating) the SQLite log in WAL mode with its table and indexes; fail now if it cannot be written."""
    import sqlite_utils  # here, not at the top: answering without a log (ask, the first answer) never needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(connect(path, busy_seconds, sync))
    if TABLE not in db.table_names():
        db[TABLE].create(COLUMNS, pk="id", not_null={"ts", "channel"})
        db[TABLE].create_index(["ts"], if_not_exists=True)
        db[TABLE].create_index(["entry_id"], if_not_exists=True)
    upgrade(db)
    # A real write at start-up: a read-only file, a full disk or a held lock shows now, not on the first question.
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


def upgrade(db: sqlite_utils.Database) -> None:
    """Bring a log written by an older version up to date: the `via` column, the stats indexes (once each)."""
    if "via" not in db[TABLE].columns_dict:
        db.execute(f"ALTER TABLE {TABLE} ADD COLUMN via TEXT")
    for sql in SQLITE_INDEXES:
        db.execute(sql)


def open_existing(path: Path) -> sqlite_utils.Database:
    """Open a SQLite log that must already exist (reports never create one)."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"no question log at {path} (the bot creates it when it answers its first question)")
    import sqlite_utils

    db = sqlite_utils.Database(path)
    if TABLE in db.table_names():
        upgrade(db)
    return db


class SqliteReader:
    """The reports' side of a SQLite log."""

    dialect = SQLITE

    def __init__(self, path: Path) -> None:
        self._db = open_existing(path)

    def has_log(self) -> bool:
        """Tell whether the questions table exists yet."""
        return TABLE in self._db.table_names()

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> sqlite3.Cursor:
        """Run one statement; return its cursor."""
        return self._db.execute(sql, params)

    def stream(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        """Yield the rows of a query as dicts (SQLite steps through them lazily)."""
        cursor = self._db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row))

    def purge_before(self, cutoff: str) -> int:
        """Delete older rows, then vacuum so their text is gone from the file too."""
        deleted = self._db.execute(f"DELETE FROM {TABLE} WHERE ts < ?", [cutoff]).rowcount
        # Deleted pages linger in the WAL and the free list until a checkpoint and a vacuum rewrite the file.
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.vacuum()
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    def close(self) -> None:
        """Close the file."""
        self._db.close()
