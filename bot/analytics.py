"""The question log in SQLite: one writer thread, masked questions, hashed user ids."""

from __future__ import annotations

import hashlib
import logging
import queue
import re
import threading
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

import sqlite_utils

log = logging.getLogger(__name__)

TABLE = "questions"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?\d{1,3}[-\s]?)?(?:\(?\d{2,4}\)?[-\s]?)\d{2,4}[-\s]?\d{3,4}")
MAX_QUESTION_CHARS = 2000


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


def mask_personal(text: str) -> str:
    """Mask e-mail addresses and phone numbers before a question is stored."""
    text = EMAIL.sub("[email]", text)
    return PHONE.sub(lambda m: "[phone]" if sum(c.isdigit() for c in m.group(0)) >= 9 else m.group(0), text)


def hash_user(user_id: str, salt: str) -> str:
    """Return a salted hash of a channel's user id (the raw id is never stored)."""
    if not user_id:
        return ""
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]


def open_database(path: Path) -> sqlite_utils.Database:
    """Open (creating) the log database in WAL mode with its table and indexes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    if TABLE not in db.table_names():
        db[TABLE].create(
            {**{k: str for k in LogRow.__annotations__}, "score": float, "matched": int, "latency_ms": float,
             "helpful": int, "feedback_ts": str},
            pk="id",
            not_null={"ts", "channel"},
        )
        db[TABLE].create_index(["ts"], if_not_exists=True)
        db[TABLE].create_index(["entry_id"], if_not_exists=True)
    return db


class QuestionLog:
    """Writes log rows on a thread of its own, so a slow disk never delays an answer."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._jobs: queue.Queue[tuple[Callable[[sqlite_utils.Database], Any], Future[Any]] | None] = queue.Queue()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._thread.start()
        self._ready.result()  # surface an unusable path now, not on the first question

    def _run(self) -> None:
        try:
            db = open_database(self.path)
        except Exception as exc:  # the caller decides what to do with a bad path
            self._ready.set_exception(exc)
            return
        self._ready.set_result(None)
        while (job := self._jobs.get()) is not None:
            work, future = job
            try:
                future.set_result(work(db))
            except Exception as exc:
                log.exception("question log: write failed")
                future.set_exception(exc)
        db.close()

    def submit(self, work: Callable[[sqlite_utils.Database], Any]) -> Future[Any]:
        """Run work(db) on the writer thread; return its future."""
        future: Future[Any] = Future()
        if not self._thread.is_alive():
            future.set_exception(RuntimeError("the question log is closed"))
            return future
        self._jobs.put((work, future))
        return future

    def record(self, row: LogRow) -> Future[Any]:
        """Queue a row for writing."""
        values = asdict(row)
        values["question"] = mask_personal(row.question)[:MAX_QUESTION_CHARS]
        return self.submit(lambda db: db[TABLE].insert(values, alter=True))

    def feedback(self, log_id: str, helpful: bool, when: str) -> Future[bool]:
        """Record 👍/👎 for a logged question once; the future says whether it was taken."""
        def write(db: sqlite_utils.Database) -> bool:
            cursor = db.execute(
                f"UPDATE {TABLE} SET helpful = ?, feedback_ts = ? WHERE id = ? AND helpful IS NULL",
                [int(helpful), when, log_id],
            )
            return cursor.rowcount == 1

        return self.submit(write)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued write is done."""
        self.submit(lambda db: None).result(timeout)

    def close(self) -> None:
        """Finish queued writes and stop the writer thread."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
