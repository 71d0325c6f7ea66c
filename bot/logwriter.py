"""Group commit for the question log: one thread owns the database and writes every waiting job in one transaction.

A job's future resolves only after the transaction holding it has committed, so a caller that waits on it knows
the write is on disk (WAL, synchronous=FULL by default: it survives `kill -9` and, as far as the disk honours
fsync, power loss; on PostgreSQL, once the server has acknowledged the COMMIT). Many answering threads waiting at
once share one commit, which keeps throughput. WriteRules say what differs between SQLite and PostgreSQL; how a
batch's jobs go into its transaction is bot.logbatch's.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ContextManager, TypeVar

from bot.logbatch import (ROWS_PER_STATEMENT, BatchSpoiled, Batched, Database, Insert, Statement, Work, insert_rows,
                          insert_sql, run_job)
from bot.logparts import LogHealth, LogUnavailable, RandomIds, UnderWay  # noqa: F401  (importable from here, as before)

log = logging.getLogger(__name__)

T = TypeVar("T")


def _sqlite_spoils_batch(exc: Exception) -> bool:
    # A database error (disk full, read-only, locked, I/O) spoils the whole batch; a job's own mistake (a duplicate
    # id, a bad value: IntegrityError, ...) only that job.
    return isinstance(exc, (sqlite3.OperationalError, BatchSpoiled)) or type(exc) is sqlite3.DatabaseError


@dataclass(frozen=True)
class WriteRules:
    """How the writer drives one kind of database."""

    begin: str = "BEGIN IMMEDIATE"  # SQLite: take the write lock now, waiting up to the busy timeout
    spoils_batch: Callable[[Exception], bool] = _sqlite_spoils_batch
    broken: Callable[[Any], bool] = lambda db: False  # the connection is gone: open a new one for the next batch


SQLITE_RULES = WriteRules()


MAX_BATCH = 512  # jobs per transaction: bounds how long one commit holds the write lock
SYNC_MODES = ("full", "normal")  # MINATO_LOG_SYNC: full survives power loss too, normal a crash (kill -9)
MAX_PENDING = 20_000  # beyond this the disk is not keeping up: refuse at once rather than grow without end
# While other answers are being composed, a commit waits for them (up to JOIN_SECONDS), so that their rows share
# it: each commit costs a WAL write and an fsync whatever its size. With none under way it commits at once: a lone
# candidate's answer never waits for rows that are not coming.
JOIN_SECONDS = 0.002


class GroupCommitWriter:
    """A thread that owns one database connection and commits queued jobs in batches."""

    def __init__(self, open_db: Callable[[], Database], name: str = "question-log",
                 rules: WriteRules = SQLITE_RULES, join_seconds: float = JOIN_SECONDS) -> None:
        self.health = LogHealth()
        self._rules = rules
        self.commits = 0  # transactions committed: with many writers waiting, far fewer than jobs
        self.join_seconds = join_seconds
        self._under_way = UnderWay()  # answers being composed, whose writes are still to come
        self._open_db = open_db
        self._jobs: queue.Queue[tuple[Work, Future[Any]] | None] = queue.Queue()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.result()  # surface an unusable path now, not on the first question

    def submit(self, work: Callable[[Database], T]) -> Future[T]:
        """Queue work(db); its future resolves once the transaction holding it has committed."""
        future: Future[T] = Future()
        if not self._thread.is_alive():
            future.set_exception(LogUnavailable("the question log is closed"))
        elif self._jobs.qsize() >= MAX_PENDING:
            self.health.degraded(f"more than {MAX_PENDING} writes waiting")
            future.set_exception(LogUnavailable("the question log is too far behind"))
        else:
            self._jobs.put((work, future))
        return future

    @property
    def pending(self) -> int:
        """Return how many jobs wait for the next transaction."""
        return self._jobs.qsize()

    def composing(self) -> ContextManager[None]:
        """Mark an answer under way: a commit due meanwhile waits (up to join_seconds) for its writes to join it."""
        return self._under_way.composing()

    def close(self) -> None:
        """Commit what is queued, then stop the thread."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()

    def _run(self) -> None:
        try:
            db = self._open_db()
        except BaseException as exc:  # the caller decides what to do with a bad path
            self._ready.set_exception(exc)
            return
        db.conn.isolation_level = None  # transactions are the writer's own: BEGIN IMMEDIATE .. COMMIT, or one statement
        self._ready.set_result(None)
        try:
            running = True
            while running:
                batch, running = self._take_batch()
                if batch:
                    db = self._usable(db)
                    if db is not None:
                        self._commit(db, batch)
                    else:
                        self._fail(batch, LogUnavailable(self.health.reason or "the database is unreachable"))
        finally:
            if db is not None:
                db.close()

    def _usable(self, db: Database | None) -> Database | None:
        # A server restart or a network cut breaks a PostgreSQL connection for good: open a new one, once per
        # batch, so the log recovers by itself as soon as the server is back. A SQLite connection never breaks.
        if db is not None and not self._rules.broken(db):
            return db
        if db is not None:
            _close_quietly(db)
        try:
            fresh = self._open_db()
        except Exception as exc:  # noqa: BLE001 - the batch fails with the reason; the next one tries again
            self.health.degraded(f"cannot reconnect: {exc or type(exc).__name__}")
            return None
        fresh.conn.isolation_level = None
        log.warning("question log: reconnected to the database")
        return fresh

    def _take_batch(self) -> tuple[list[tuple[Work, Future[Any]]], bool]:
        # Block for the first job, then take whatever else is already waiting: those share one commit.
        batch: list[tuple[Work, Future[Any]]] = []
        job = self._jobs.get()
        if job is not None:  # the answers being composed right now join this commit rather than each pay for its own
            self._under_way.settle(self.join_seconds)
        while job is not None:
            batch.append(job)
            if len(batch) >= MAX_BATCH:
                return batch, True
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return batch, True
        return batch, False

    def _commit(self, db: Database, batch: list[tuple[Work, Future[Any]]]) -> None:
        outcomes: list[tuple[Future[Any], bool, Any]] = []
        try:
            if self._rows_alone(db, batch):
                return
            db.conn.execute(self._rules.begin)  # SQLite: waits for the write lock up to the busy timeout
            rows: list[tuple[Batched, Future[Any]]] = []
            for work, future in batch:
                if not (future.running() or future.set_running_or_notify_cancel()):  # its caller gave up: never
                    continue  # apply it late
                if isinstance(work, (Insert, Statement)):
                    rows.append((work, future))
                    continue
                # The rows queued before this job go in before it.
                outcomes += insert_rows(db, rows, self._rules.spoils_batch)
                rows = []
                outcomes.append(run_job(db, work, future, self._rules.spoils_batch))
            outcomes += insert_rows(db, rows, self._rules.spoils_batch)
            db.conn.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - whatever it was, nothing in this batch was written
            _rollback(db)
            self.health.degraded(str(exc) or type(exc).__name__)
            self._fail(batch, exc)
            return
        self._committed(outcomes)

    @staticmethod
    def _fail(batch: list[tuple[Work, Future[Any]]], exc: Exception) -> None:
        for _, future in batch:
            _settle(future, False, exc)

    def _rows_alone(self, db: Database, batch: list[tuple[Work, Future[Any]]]) -> bool:
        # The usual batch, rows for one table only, is one multi-row INSERT: a single statement is its own
        # transaction in SQLite, so one call into it (one hand-over of the GIL) writes and commits them all.
        into = {work.into if isinstance(work, Insert) else None for work, _ in batch}
        if None in into or len(into) != 1 or len(batch) > ROWS_PER_STATEMENT:
            return False
        rows = [(work, future) for work, future in batch if future.set_running_or_notify_cancel()]
        if not rows:
            return True
        params = [value for work, _ in rows for value in work.params]  # type: ignore[attr-defined]
        try:
            db.conn.execute(insert_sql(into.pop(), len(rows), len(params) // len(rows)), params)
        except Exception as exc:  # noqa: BLE001 - nothing was written: the general path sorts it out row by row
            if self._rules.spoils_batch(exc):
                raise
            return False
        self._committed([(future, True, 1) for _, future in rows])
        return True

    def _committed(self, outcomes: list[tuple[Future[Any], bool, Any]]) -> None:
        self.commits += 1
        self.health.ok()
        for future, ok, value in outcomes:
            _settle(future, ok, value)


def _rollback(db: Database) -> None:
    try:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
    except Exception:  # noqa: BLE001 - a broken connection cannot roll back; the server already did
        log.debug("question log: rollback failed", exc_info=True)


def _close_quietly(db: Database) -> None:
    try:
        db.close()
    except Exception:  # noqa: BLE001 - it is being replaced because it is unusable
        log.debug("question log: closing a broken connection failed", exc_info=True)


def _settle(future: Future[Any], ok: bool, value: Any) -> None:
    # A caller may cancel a job that was never started at the same moment: then there is nothing to tell it.
    try:
        future.set_result(value) if ok else future.set_exception(value)
    except InvalidStateError:
        pass


def connect(path: Path, busy_seconds: float, sync: str = "full") -> sqlite3.Connection:
    """Open a database for the writer: WAL, the chosen synchronous level, a bounded wait for another's lock."""
    if sync not in SYNC_MODES:
        raise ValueError(f"sync must be one of {SYNC_MODES}, not {sync!r}")
    conn = sqlite3.connect(path, timeout=busy_seconds)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {sync.upper()}")
    return conn
