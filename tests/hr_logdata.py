"""A synthetic question log with known numbers, written into a real SQLite file or PostgreSQL (HR analytics tests)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.analytics import TABLE, QuestionLog, open_database
from bot.logbatch import Insert
from bot.storage import Location, is_database_url

TOKYO = timezone(timedelta(hours=9))
FIRST_DAY = date(2026, 10, 1)  # Tokyo dates
DAYS = 28
CHANNELS = ("telegram", "line", "web")
ENTRIES = ("overview-area", "overview-population", "district-shiba", "preclass-what", "training-ojt")
# The same two questions phrased many ways: each group must come out as one row.
SALARY = {"給料はいくらですか？": 40, "給料はいくら？": 30, "給料はいくらですか": 20, "お給料はいくらですか？": 15,
          "給料っていくらですか？": 15}
APPLY = {"How do I apply?": 35, "how do i apply": 20, "How can I apply?": 15, "How do I apply for the job?": 10}
UNHELPFUL_ENTRY = "district-shiba"  # gets the most 👎 by design
UNHELPFUL_COUNT = 150
SCRIPT_QUESTION = "<script>alert(1)</script>給料"
ONE_OFF_CHARACTERS = "駐車場制服副業髪型残業転勤研修昇任試験面接住宅手当休暇育児介護通勤距離時間予定会場服装持物締切結果連絡方法"


@dataclass
class LogData:
    """The rows written, for tests to compute expectations from."""

    path: Location
    rows: list[dict[str, Any]] = field(default_factory=list)

    def tokyo_day(self, row: dict[str, Any]) -> str:
        """Return a row's Tokyo date."""
        return datetime.fromisoformat(row["ts"]).astimezone(TOKYO).date().isoformat()


def _ts(day: date, rng: random.Random) -> str:
    # Any second of the Tokyo day, stored as UTC like the bot does (so half the day falls on the UTC day before).
    start = datetime(day.year, day.month, day.day, tzinfo=TOKYO)
    moment = start + timedelta(seconds=rng.randrange(86400))
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _row(number: int, ts: str, channel: str, kind: str, question: str, entry_id: str | None = None,
         helpful: int | None = None, user: int = 0) -> dict[str, Any]:
    return {"id": f"{number:016x}", "ts": ts, "channel": channel, "user_hash": f"{user:016x}" if user else "",
            "question": question, "lang": "ja", "kind": kind, "entry_id": entry_id,
            "score": 80.0 if kind == "answer" else 20.0, "matched": int(kind == "answer"), "latency_ms": 1.0,
            "kb_version": "v1" if ts < "2026-10-15" else "v2", "helpful": helpful,
            "feedback_ts": ts if helpful is not None else None}


def build_log(path: Location, seed: int = 7, background: int = 3000) -> LogData:
    """Write a few thousand rows: background traffic, grouped unanswered questions, one disliked entry."""
    rng = random.Random(seed)
    data = LogData(path)
    rows = data.rows
    day = lambda: FIRST_DAY + timedelta(days=rng.randrange(DAYS))  # noqa: E731
    for _ in range(background):
        kind = rng.choice(["answer"] * 6 + ["clarify", "smalltalk", "invalid"])
        entry = rng.choice(ENTRIES) if kind == "answer" else None
        helpful = rng.choice([None] * 6 + [1, 1, 1, 0]) if entry and entry != UNHELPFUL_ENTRY else None
        rows.append(_row(len(rows), _ts(day(), rng), rng.choice(CHANNELS), kind, f"background {rng.random()}",
                         entry, helpful, user=rng.randrange(1, 400)))
    for _ in range(UNHELPFUL_COUNT):
        rows.append(_row(len(rows), _ts(day(), rng), "web", "answer", "芝地区は？", UNHELPFUL_ENTRY, 0, 1))
    for phrasings in (SALARY, APPLY):
        for text, count in phrasings.items():
            rows += [_row(len(rows) + i, _ts(day(), rng), rng.choice(CHANNELS), "fallback", text, user=7)
                     for i in range(count)]
    for n in range(200):  # one-off misses, unlike each other: they must not merge into the groups above
        text = "".join(rng.choice(ONE_OFF_CHARACTERS) for _ in range(12)) + "？"
        rows.append(_row(len(rows), _ts(day(), rng), rng.choice(CHANNELS), "fallback", text, user=9))
    rows.append(_row(len(rows), _ts(day(), rng), "web", "fallback", SCRIPT_QUESTION, user=9))
    write_rows(path, rows)
    return data


def write_rows(path: Location, rows: list[dict[str, Any]]) -> None:
    """Write rows as they are (feedback included) into a new log: SQLite directly, PostgreSQL by group commit."""
    if is_database_url(path):
        log = QuestionLog(path)
        into = f"{TABLE} ({', '.join(rows[0])})"
        for written in [log.submit(Insert(into, tuple(row.values()))) for row in rows]:
            written.result()
        log.close()
        return
    db = open_database(Path(path))
    with db.conn:
        db.conn.executemany(f"INSERT INTO {TABLE} ({', '.join(rows[0])}) VALUES ({', '.join('?' * len(rows[0]))})",
                            [tuple(r.values()) for r in rows])
    db.close()
