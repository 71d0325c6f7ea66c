"""One batch of the question log's writes, inside the transaction bot.logwriter opened for it.

The writer's thread decides when a batch commits; this is how its jobs go in. Rows (Insert) go in as one multi-row
INSERT per table, statements (Statement) as one executemany, and any other job in a savepoint of its own, so that
one job's mistake spoils that job alone while a database error spoils the batch.
"""

from __future__ import annotations

import functools
import itertools
import sqlite3
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable, Protocol

ROWS_PER_STATEMENT = 512  # rows per INSERT statement: 512 rows of 15 values is well under SQLite's 32,766


class Database(Protocol):
    """What the writer needs of the database object it is given (sqlite-utils' Database has it)."""

    conn: sqlite3.Connection  # or an object with the same execute / in_transaction (bot.pgstore)

    def close(self) -> None:
        """Close the connection."""


class BatchSpoiled(Exception):
    """Something went wrong with the group transaction itself, not with one job: nothing in the batch is written."""


@dataclass(frozen=True)
class Insert:
    """One row to insert, `INTO table (columns)` and its values: a batch's rows go in one multi-row INSERT."""

    into: str
    params: tuple[Any, ...]

    def __call__(self, db: Database) -> int:
        return db.conn.execute(insert_sql(self.into, 1, len(self.params)), self.params).rowcount


@dataclass(frozen=True)
class Statement:
    """A statement run with the batch's rows under one savepoint (an UPSERT of conversation state), in the order
    queued among statements; it must not depend on the batch's rows, which may go in before it."""

    sql: str
    params: tuple[Any, ...]

    def __call__(self, db: Database) -> int:
        return db.conn.execute(self.sql, self.params).rowcount


Work = Callable[[Database], Any]
Batched = Insert | Statement


def insert_rows(db: Database, rows: list[tuple[Batched, Future[Any]]],
                spoils_batch: Callable[[Exception], bool]) -> list[tuple[Future[Any], bool, Any]]:
    """Insert a batch's rows and run its statements; return each one's future, whether it went in, and its result."""
    # One multi-row INSERT per table for the whole batch, then the statements, all under one savepoint: few calls
    # into SQLite, so few hand-overs of the GIL with the threads answering. If one is refused, the batch's rows
    # and statements are undone and run one by one.
    if not rows:
        return []
    try:
        db.conn.execute("SAVEPOINT batch_rows")
        inserts = [insert for insert, _ in rows if isinstance(insert, Insert)]
        for into in dict.fromkeys(insert.into for insert in inserts):
            params = [insert.params for insert in inserts if insert.into == into]
            for start in range(0, len(params), ROWS_PER_STATEMENT):
                chunk = params[start:start + ROWS_PER_STATEMENT]
                db.conn.execute(insert_sql(into, len(chunk), len(chunk[0])), [v for row in chunk for v in row])
        _run_statements(db, [statement for statement, _ in rows if isinstance(statement, Statement)])
        db.conn.execute("RELEASE batch_rows")
    except Exception as exc:  # noqa: BLE001 - sorted out row by row below
        if spoils_batch(exc) or not db.conn.in_transaction:
            raise
        db.conn.execute("ROLLBACK TO batch_rows")
        db.conn.execute("RELEASE batch_rows")
        return [run_job(db, insert, future, spoils_batch) for insert, future in rows]
    return [(future, True, 1) for _, future in rows]


def _run_statements(db: Database, statements: list[Statement]) -> None:
    # A run of the same statement is one executemany (SQLite): one call, one hand-over of the GIL, for them all.
    executemany = getattr(db.conn, "executemany", None)
    for sql, run in itertools.groupby(statements, key=lambda statement: statement.sql):
        if executemany is not None:
            executemany(sql, [statement.params for statement in run])
        else:
            for statement in run:
                db.conn.execute(sql, statement.params)


@functools.lru_cache(maxsize=64)
def insert_sql(into: str, rows: int, columns: int) -> str:
    """Return the INSERT of `rows` rows of `columns` values each into `into` (a table and its columns)."""
    values = "(" + ", ".join("?" * columns) + ")"
    return f"INSERT INTO {into} VALUES " + ", ".join([values] * rows)


def run_job(db: Database, work: Work, future: Future[Any],
            spoils_batch: Callable[[Exception], bool]) -> tuple[Future[Any], bool, Any]:
    """Run one job; return its future, whether it succeeded, and its result or its error."""
    # Each job in a savepoint: one job's own mistake (a duplicate id, a bad value) spoils only that job.
    # A database error (disk full, read-only, locked, I/O) spoils the whole batch, so it propagates.
    db.conn.execute("SAVEPOINT job")
    try:
        result = work(db)
    except Exception as exc:  # noqa: BLE001 - reported to the job's caller through its future
        if spoils_batch(exc) or not db.conn.in_transaction:
            raise
        db.conn.execute("ROLLBACK TO job")
        db.conn.execute("RELEASE job")
        return future, False, exc
    if not db.conn.in_transaction:  # a job must not commit on its own: its neighbours' outcome would be wrong
        raise BatchSpoiled("a job ended the group transaction")
    db.conn.execute("RELEASE job")
    return future, True, result
