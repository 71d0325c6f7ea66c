"""The question log in PostgreSQL (MINATO_DB=postgresql://...): psycopg 3 connections, the schema, write rules.

Several servers on several machines share one database: each has its own writer connection and group commits;
the schema is created once, whoever starts first (the others wait on an advisory lock, then find it there).
Text columns use the "C" collation so that times and questions sort byte by byte, exactly as SQLite sorts them.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Callable, Iterator, Sequence
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import pq

from bot.logbatch import BatchSpoiled
from bot.logwriter import WriteRules
from bot.storage import COLUMNS, POSTGRES, TABLE, StorageError

log = logging.getLogger(__name__)

SCHEMA_LOCK = 0x6D696E61746F  # advisory lock key ("minato"): servers starting together create the schema in turn
CONNECT_SECONDS = 10
WRITE_STATEMENT_SECONDS = 30  # a write stuck longer than this (a lock held elsewhere) fails its batch
DATABASE_ERROR = psycopg.Error
PG_TYPES = {str: 'text COLLATE "C"', float: "double precision", int: "integer"}
NOT_NULL = ("ts", "channel")
# The Tokyo date of a stored time, as SQLite's date(ts, '+9 hours') gives it, for the times the bot stores: UTC ISO
# 8601 ('2026-11-30T15:04:05.123+00:00'). Built of immutable text and date functions only, so that PostgreSQL
# inlines it and indexes can hold it: three times faster per row than a timestamptz cast and to_char.
DAY_FUNCTION = """CREATE FUNCTION minato_tokyo_day(ts text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN substr(ts, 12, 2) < '15' THEN left(ts, 10) ELSE
  lpad(extract(year FROM make_date(substr(ts, 1, 4)::int, substr(ts, 6, 2)::int, substr(ts, 9, 2)::int) + 1)::text,
       4, '0') || '-' ||
  lpad(extract(month FROM make_date(substr(ts, 1, 4)::int, substr(ts, 6, 2)::int, substr(ts, 9, 2)::int) + 1)::text,
       2, '0') || '-' ||
  lpad(extract(day FROM make_date(substr(ts, 1, 4)::int, substr(ts, 6, 2)::int, substr(ts, 9, 2)::int) + 1)::text,
       2, '0') END"""
INDEXES = (
    (f"{TABLE}_ts", f"CREATE INDEX IF NOT EXISTS {TABLE}_ts ON {TABLE} (ts)"),
    (f"{TABLE}_entry_id", f"CREATE INDEX IF NOT EXISTS {TABLE}_entry_id ON {TABLE} (entry_id)"),
    (f"{TABLE}_by_day_via",
     f"CREATE INDEX IF NOT EXISTS {TABLE}_by_day_via ON {TABLE} ({POSTGRES.day}, channel, kind, via, helpful)"),
    (f"{TABLE}_by_entry_via",
     f"CREATE INDEX IF NOT EXISTS {TABLE}_by_entry_via ON {TABLE} (kind, entry_id, {POSTGRES.day}, channel, via, helpful)"),
)
COLUMN_TYPES = ", ".join(f"{name} {PG_TYPES[kind]}" + (" PRIMARY KEY" if name == "id" else "")
                         + (" NOT NULL" if name in NOT_NULL else "") for name, kind in COLUMNS.items())
# What the log needs, in the order it is made: a table, index or function (named with its argument types) each.
SCHEMA = (("minato_tokyo_day(text)", DAY_FUNCTION), (TABLE, f"CREATE TABLE IF NOT EXISTS {TABLE} ({COLUMN_TYPES})"),
          *INDEXES)
# Which of the named objects are missing, in their order; looking needs no right on them or on their schema.
MISSING = ("SELECT name FROM unnest(%s::text[]) WITH ORDINALITY AS named(name, n) WHERE CASE WHEN name LIKE '%%)' "
           "THEN to_regprocedure(name) IS NULL ELSE to_regclass(name) IS NULL END ORDER BY n")

# Whether this user may VACUUM the log: as the table's or the database's owner (or a member of their role).
MAY_VACUUM = (f"SELECT pg_has_role(relowner, 'MEMBER') OR pg_has_role((SELECT datdba FROM pg_database "
              f"WHERE datname = current_database()), 'MEMBER') FROM pg_class WHERE oid = '{TABLE}'::regclass")


@functools.lru_cache(maxsize=256)
def to_pg(sql: str) -> str:
    """Return SQL written with ? placeholders in psycopg's %s style (our SQL holds no ? or % of its own)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection that takes the SQL the SQLite side takes (? placeholders), in autocommit mode."""

    isolation_level: str | None = None  # the writer sets it as for sqlite3: transactions are always explicit here

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> psycopg.Cursor[Any]:
        """Run one statement; return its cursor."""
        return self.raw.execute(to_pg(sql), list(params))

    @property
    def in_transaction(self) -> bool:
        """Tell whether a transaction is open (also one that failed and awaits its rollback)."""
        return self.raw.info.transaction_status in (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR)


class HeldConnection:
    """One connection to a database, made again when it was lost (a restart, a network cut); callers hold a lock.

    The first connection prepares the schema; when that fails, it is closed and the error raised.
    """

    def __init__(self, url: str, prepare: Callable[[PgConnection], None]) -> None:
        self._url = url
        self._conn: PgConnection | None = PgConnection(connect(url))
        try:
            prepare(self._conn)
        except BaseException:
            self.close()
            raise

    def get(self) -> PgConnection:
        """Return the connection, a new one if the last was closed or lost."""
        if self._conn is None or self._conn.raw.closed or self._conn.raw.broken:
            self._conn = PgConnection(connect(self._url))
        return self._conn

    def close(self) -> None:
        """Close the connection (a later `get` opens another)."""
        if self._conn is not None:
            self._conn.raw.close()
            self._conn = None


class PgDatabase:
    """What a writer job is given on PostgreSQL: `conn` and `execute`, like sqlite-utils' Database."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.conn = PgConnection(raw)

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> psycopg.Cursor[Any]:
        """Run one statement; return its cursor."""
        return self.conn.execute(sql, params)

    def close(self) -> None:
        """Close the connection."""
        self.conn.raw.close()


def _spoils_batch(exc: Exception) -> bool:
    # Lost connection, timeout, server trouble: nothing in the batch stands. A job's own mistake (a duplicate id,
    # a bad value: IntegrityError, DataError, ...) spoils only that job.
    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError, psycopg.InternalError, BatchSpoiled)) \
        or type(exc) is psycopg.DatabaseError


def _broken(db: PgDatabase) -> bool:
    return db.conn.raw.closed or db.conn.raw.broken


WRITE_RULES = WriteRules(begin="BEGIN", spoils_batch=_spoils_batch, broken=_broken)


def connect(url: str, autocommit: bool = True) -> psycopg.Connection[Any]:
    """Connect, or raise StorageError naming the database without its password."""
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_SECONDS,
                               application_name="minato-bot")
    except psycopg.Error as exc:
        raise StorageError(f"cannot connect: {_without_password(str(exc), url)}") from None


def _without_password(text: str, url: str) -> str:
    password = urlsplit(url).password
    for form in filter(None, {password, unquote(password or "")}):
        text = text.replace(form, "***")
    return text.strip()


def create_missing(raw: psycopg.Connection[Any], schema: Sequence[tuple[str, str]]) -> None:
    """Create the objects of a schema, (name, CREATE statement) pairs in order, that do not exist yet.

    Only what is missing is created: CREATE ... IF NOT EXISTS needs the CREATE privilege on the schema even when the
    object is there, and after the first start the database user may have row rights only. Servers starting
    together take turns (an advisory lock), and each looks again once it has its turn.
    """
    names = [name for name, _ in schema]
    missing = [row[0] for row in raw.execute(MISSING, [names])]
    if not missing:
        return
    # The lock is taken before the transaction begins: a backend reads the catalog changes committed by others when
    # a transaction begins, so the second look sees what the server before it created.
    raw.execute("SELECT pg_advisory_lock(%s)", [SCHEMA_LOCK])
    try:
        with raw.transaction():
            missing = [row[0] for row in raw.execute(MISSING, [names])]
            for name, statement in schema:
                if name in missing:
                    raw.execute(statement)
    except psycopg.errors.InsufficientPrivilege:
        raise StorageError(f"the database user may not create {', '.join(missing)}: the first start needs CREATE on "
                           "the database's schema (start once as the database's owner, or GRANT CREATE ON SCHEMA), "
                           "later starts only SELECT, INSERT, UPDATE, DELETE on the tables") from None
    finally:
        if not (raw.closed or raw.broken):  # a lost connection has released its lock
            raw.execute("SELECT pg_advisory_unlock(%s)", [SCHEMA_LOCK])


def create_schema(raw: psycopg.Connection[Any]) -> None:
    """Create the table, its day function and indexes if missing, then check that rows may be written."""
    create_missing(raw, SCHEMA)
    allowed = raw.execute(f"SELECT has_table_privilege('{TABLE}', 'INSERT'), "
                          f"has_table_privilege('{TABLE}', 'UPDATE')").fetchone()
    if not all(allowed):
        raise StorageError(f"the database user may not insert into and update the {TABLE} table "
                           "(GRANT INSERT, UPDATE, SELECT ON questions TO the bot's user)")


def open_writer(url: str, commit_seconds: float, sync: str) -> PgDatabase:
    """Connect the writer, create the schema if needed and choose how durable a commit is."""
    raw = connect(url)
    try:
        create_schema(raw)
        # full: a COMMIT returns once the server has flushed it to disk; normal: once it is in the server's memory
        # (a crash of the bot loses nothing, one of the database server may lose the last fraction of a second).
        raw.execute("SELECT set_config('synchronous_commit', %s, false)", ["on" if sync == "full" else "off"])
        raw.execute("SELECT set_config('statement_timeout', %s, false)", [f"{WRITE_STATEMENT_SECONDS}s"])
    except psycopg.Error as exc:
        raw.close()
        raise StorageError(f"cannot set up the log: {_without_password(str(exc), url)}") from None
    except BaseException:
        raw.close()
        raise
    return PgDatabase(raw)


class PostgresReader:
    """The reports' side of a PostgreSQL log: `stats`, `report`, `export`, `purge`."""

    dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self._conn = PgConnection(connect(url))

    def has_log(self) -> bool:
        """Tell whether the questions table exists yet."""
        return self._conn.execute(f"SELECT to_regclass('{TABLE}') IS NOT NULL").fetchone()[0]

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> psycopg.Cursor[Any]:
        """Run one statement written with ? placeholders; return its cursor."""
        return self._conn.execute(sql, params)

    def stream(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        """Yield the rows of a query as dicts through a server-side cursor, a few thousand at a time."""
        raw = self._conn.raw
        with raw.transaction(), raw.cursor(name="minato_export") as cursor:
            cursor.itersize = 2000
            cursor.execute(to_pg(sql), params)
            names = [d.name for d in cursor.description or ()]
            for row in cursor:
                yield dict(zip(names, row))

    def purge_before(self, cutoff: str) -> int:
        """Delete older rows, then rewrite the table (VACUUM FULL) so their text is not left in its pages."""
        if not self._conn.execute(MAY_VACUUM).fetchone()[0]:  # else VACUUM would skip the table with a mere warning
            raise StorageError(f"deleted no questions: only the owner of the {TABLE} table (or of the database) "
                               "may rewrite it, and without that the deleted text stays in its pages; run purge "
                               "with --db and the owner's URL")
        deleted = self._conn.execute(f"DELETE FROM {TABLE} WHERE ts < ?", [cutoff]).rowcount
        if deleted:
            self._conn.execute(f"VACUUM FULL {TABLE}")
        return deleted

    def close(self) -> None:
        """Close the connection."""
        self._conn.raw.close()
