"""The question log: group-committed rows, masked questions, hashed user ids; and its read side.

It lives in a SQLite file or in PostgreSQL (bot/storage.py is the seam); the SQL here is the same for both.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator

from bot.logbatch import Database, Insert
from bot.logwriter import JOIN_SECONDS, GroupCommitWriter, LogHealth
from bot.grouping import group_similar
from bot.privacy import LOG_TEXT_LIMIT, mask_for_log, mask_personal  # noqa: F401  (mask_personal: kept importable)
from bot.reports import EntryCount, QuestionGroup, Stats, Tally, VersionSeen
from bot.storage import (SQLITE_DAY, SQLITE_INDEXES, TABLE, Location, LogReader, is_database_url, open_reader,
                         open_writer, write_rules)
from bot.storage import open_database, open_existing, upgrade  # noqa: F401  (importable from here, as before)

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = LOG_TEXT_LIMIT
DAY = SQLITE_DAY  # the SQLite spelling; each backend's is its Dialect.day
STATS_INDEXES = SQLITE_INDEXES
TOKYO = timezone(timedelta(hours=9))
TAP = "tap"  # `via` = 'tap' marks a tapped suggestion: counted apart from typed questions
# Aggregate FILTER: the same text on SQLite (3.30+) and PostgreSQL, where a boolean cannot be summed.
FEEDBACK = "count(*) FILTER (WHERE helpful = 1), count(*) FILTER (WHERE helpful = 0)"
TAPS = f"count(*) FILTER (WHERE via = '{TAP}')"


@dataclass(frozen=True)
class LogRow:
    """One question and how the bot answered it."""

    id: str
    ts: str
    channel: str
    user_hash: str
    question: str
    lang: str
    kind: str
    entry_id: str | None
    score: float
    matched: int
    latency_ms: float
    kb_version: str
    via: str | None = None  # TAP when the user tapped a suggestion rather than typing a question


LOG_ROW_FIELDS = tuple(LogRow.__dataclass_fields__)
INSERT_INTO = f"{TABLE} ({', '.join(LOG_ROW_FIELDS)})"


def hash_user(user_id: str, salt: str) -> str:
    """Return a salted hash of a channel's user id (the raw id is never stored)."""
    if not user_id:
        return ""
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]


class QuestionLog:
    """The question log: rows and feedback are committed by one writer thread in group commits."""

    def __init__(self, path: Location, commit_seconds: float = 2.0, sync: str = "full",
                 join_seconds: float = JOIN_SECONDS) -> None:
        self.path: Location = path if is_database_url(path) else Path(path)  # a SQLite file or a PostgreSQL URL
        self.commit_seconds = commit_seconds  # how long an answer waits for its row; also the lock wait
        self._writer = GroupCommitWriter(lambda: open_writer(self.path, commit_seconds, sync),
                                         rules=write_rules(self.path), join_seconds=join_seconds)

    @property
    def health(self) -> LogHealth:
        """Return whether writes succeed, with the reason when they do not."""
        return self._writer.health

    @property
    def commits(self) -> int:
        """Return how many group transactions have committed."""
        return self._writer.commits

    @property
    def pending(self) -> int:
        """Return how many writes wait for the next transaction."""
        return self._writer.pending

    def composing(self) -> ContextManager[None]:
        """Mark an answer under way until its writes are queued: a commit due meanwhile lets them join it."""
        return self._writer.composing()

    def submit(self, work: Callable[[Database], Any]) -> Future[Any]:
        """Run work(db) on the writer thread; its future resolves once that write has committed."""
        return self._writer.submit(work)

    def record(self, row: LogRow) -> Future[Any]:
        """Queue a row; its future resolves once the row is committed."""
        values = {name: getattr(row, name) for name in LOG_ROW_FIELDS}  # not asdict(): it deep-copies, slowly
        values["question"] = mask_for_log(row.question)
        return self.submit(Insert(INSERT_INTO, tuple(values.values())))

    def feedback(self, log_id: str, helpful: bool, when: str) -> Future[bool]:
        """Queue 👍/👎 for a logged question (taken once); the future says whether it was committed."""
        def write(db: Database) -> bool:
            cursor = db.conn.execute(
                f"UPDATE {TABLE} SET helpful = ?, feedback_ts = ? WHERE id = ? AND helpful IS NULL",
                [int(helpful), when, log_id],
            )
            return cursor.rowcount == 1

        return self.submit(write)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued write is done."""
        self.submit(lambda db: None).result(timeout)

    def close(self) -> None:
        """Commit queued writes and stop the writer thread."""
        self._writer.close()


# The read side: plain data for `stats`, `report` and `export` (rendering lives in bot.reports).

UNANSWERED_DISTINCT = 3000  # distinct unanswered phrasings considered for grouping; the long tail is one-offs


@dataclass(frozen=True)
class Period:
    """Which rows a report covers: Tokyo dates, both ends included, one channel or all."""

    since: date | None = None
    until: date | None = None
    channel: str | None = None

    def where(self, *extra: str, day_sql: str = DAY) -> tuple[str, list[str]]:
        """Return a WHERE clause (the day index serves it) and its parameters; day_sql is the dialect's day."""
        clauses, params = list(extra), []
        for op, day in ((">=", self.since), ("<=", self.until)):
            if day is not None:
                clauses.append(f"{day_sql} {op} ?")
                params.append(day.isoformat())
        if self.channel:
            clauses.append("channel = ?")
            params.append(self.channel)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def read_stats(path: Location, period: Period = Period(), top: int = 20, group_threshold: float = 80.0) -> Stats:
    """Return the numbers `stats` and `report` show for a period."""
    db = open_reader(path)
    try:
        stats = Stats(since=_iso(period.since), until=_iso(period.until), channel=period.channel)
        if not db.has_log():
            return stats
        day = db.dialect.day
        entries = _read_tallies(db, period, stats)
        stats.top_entries = sorted(entries, key=lambda e: (-e.asked, e.entry_id))[:top]
        stats.unhelpful_entries = sorted((e for e in entries if e.unhelpful),
                                         key=lambda e: (-e.unhelpful, e.helpful, e.entry_id))[:top]
        stats.unanswered = _unanswered(db, period, top, group_threshold)
        where, params = period.where("user_hash != ''", day_sql=day)
        # DISTINCT in a subquery: PostgreSQL hashes it, where count(DISTINCT ...) sorts a million hashes
        stats.users = db.execute(f"SELECT count(*) FROM (SELECT DISTINCT user_hash FROM {TABLE}{where}) AS users",
                                 params).fetchone()[0]
        where, params = period.where(day_sql=day)
        stats.versions = [VersionSeen(*row) for row in db.execute(
            f"SELECT kb_version, count(*), min(ts), max(ts) FROM {TABLE}{where} GROUP BY kb_version "
            "ORDER BY max(ts) DESC", params)]
        return stats
    finally:
        db.close()


def _read_tallies(db: LogReader, period: Period, stats: Stats) -> list[EntryCount]:
    # Each query walks one index in its GROUP BY order (SQLite), so a million rows need no sort.
    day = db.dialect.day
    where, params = period.where(day_sql=day)
    days: dict[str, Tally] = {}
    channels: dict[str, Tally] = {}
    sql = f"SELECT {day}, channel, kind, via, count(*), {FEEDBACK} FROM {TABLE}{where} GROUP BY 1, 2, 3, 4"
    for day_seen, channel, kind, via, count, helpful, unhelpful in db.execute(sql, params):
        for tally in (stats.total, days.setdefault(day_seen, Tally()), channels.setdefault(channel, Tally())):
            tally.add(kind, count, helpful, unhelpful, tapped=via == TAP)
    stats.days = _every_day(days, period, _log_start(db))
    stats.channels = sorted(channels.items(), key=lambda item: -item[1].questions)
    where, params = period.where("kind = 'answer'", "entry_id IS NOT NULL", day_sql=day)
    sql = f"SELECT entry_id, count(*) - {TAPS}, {FEEDBACK}, {TAPS} FROM {TABLE}{where} GROUP BY entry_id"
    return [EntryCount(*row) for row in db.execute(sql, params)]


def _log_start(db: LogReader) -> date:
    first = db.execute(f"SELECT {db.dialect.day} FROM {TABLE} WHERE ts = (SELECT min(ts) FROM {TABLE})").fetchone()
    return date.fromisoformat(first[0])


def _every_day(days: dict[str, Tally], period: Period, log_start: date) -> list[tuple[str, Tally]]:
    # Quiet days show as zero, so charts do not join the days either side; days outside the log's life do not.
    if not days:
        return []
    latest = max(date.fromisoformat(max(days)), datetime.now(TOKYO).date())
    first = max(period.since or log_start, log_start)
    last = min(period.until or date.fromisoformat(max(days)), latest)
    span = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
    return [(day, days.get(day, Tally())) for day in span]


def _unanswered(db: LogReader, period: Period, top: int, threshold: float) -> list[QuestionGroup]:
    where, params = period.where("kind = 'fallback'", day_sql=db.dialect.day)
    return _grouped(db, where, params, top, threshold)


def _grouped(db: LogReader, where: str, params: list[str], top: int, threshold: float) -> list[QuestionGroup]:
    # The most asked distinct phrasings, then near-duplicates grouped as one, most asked first.
    rows = db.execute(f"SELECT question, count(*) AS n, max(ts) FROM {TABLE}{where} GROUP BY question "
                      f"ORDER BY n DESC, question LIMIT {UNANSWERED_DISTINCT}", params).fetchall()
    groups = []
    for members in group_similar([row[0] for row in rows], threshold):
        texts = [rows[i][0] for i in members]
        groups.append(QuestionGroup(texts[0], sum(rows[i][1] for i in members), tuple(texts[:5]),
                                    max(rows[i][2] for i in members)))
    groups.sort(key=lambda g: (-g.count, g.text))
    return groups[:top]


def iter_rows(path: Location, period: Period = Period()) -> Iterator[dict[str, Any]]:
    """Return the log's rows for a period, oldest first (the log is opened now, read lazily)."""
    db = open_reader(path)

    def rows() -> Iterator[dict[str, Any]]:
        try:
            if not db.has_log():
                return
            where, params = period.where(day_sql=db.dialect.day)
            yield from db.stream(f"SELECT * FROM {TABLE}{where} ORDER BY ts", params)
        finally:
            db.close()

    return rows()


def purge(path: Location, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete rows older than a duration and make their text unrecoverable; return how many."""
    cutoff = ((now or datetime.now(timezone.utc)) - older_than).isoformat(timespec="milliseconds")
    db = open_reader(path)
    try:
        return db.purge_before(cutoff) if db.has_log() else 0
    finally:
        db.close()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- HR review page (bot/review.py): the inbox's "did you mean" questions and answers rated 👎 ---


def question_groups(path: Location, period: Period, kind: str, top: int = 50,
                    group_threshold: float = 80.0) -> list[QuestionGroup]:
    """Return a kind's questions ('fallback', 'clarify'), near-duplicates grouped as `stats` does, most asked first."""
    db = open_reader(path)
    try:
        if not db.has_log():
            return []
        where, params = period.where("kind = ?", f"coalesce(via, '') != '{TAP}'", day_sql=db.dialect.day)
        return _grouped(db, where, [kind, *params], top, group_threshold)
    finally:
        db.close()


def unhelpful_answers(path: Location, period: Period, top: int = 50) -> list[tuple[str, str, int, str]]:
    """Return typed questions whose answer got 👎: (question, entry id, times, last asked), most first."""
    db = open_reader(path)
    try:
        if not db.has_log():
            return []
        where, params = period.where("helpful = 0", "kind = 'answer'", f"coalesce(via, '') != '{TAP}'",
                                     day_sql=db.dialect.day)
        return [tuple(row) for row in db.execute(  # type: ignore[misc]
            f"SELECT question, entry_id, count(*) AS n, max(ts) FROM {TABLE}{where} GROUP BY question, entry_id "
            f"ORDER BY n DESC, question LIMIT ?", [*params, top])]
    finally:
        db.close()
