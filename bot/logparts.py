"""Small parts of the question log: unguessable log ids, the log's health, the error for a refused write, and the
count of answers under way that a commit waits for."""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager
from typing import Iterator

log = logging.getLogger("bot.logwriter")  # the writer's name: operators and tests know its lines by it


class RandomIds:
    """Unguessable ids (16 hex digits) from the OS's random source, fetched 4 KB at a time.

    One os.urandom call per id would drop and retake the GIL on every answer, which costs a thread switch on a
    busy server; a guessable generator would let anyone rate other people's answers.
    """

    def __init__(self, id_bytes: int = 8, pool_bytes: int = 4096) -> None:
        self._lock = threading.Lock()
        self._id_bytes, self._pool_bytes = id_bytes, pool_bytes
        self._pool, self._used = b"", 0

    def next(self) -> str:
        """Return a new id."""
        with self._lock:
            if self._used + self._id_bytes > len(self._pool):
                self._pool, self._used = os.urandom(self._pool_bytes), 0
            start, self._used = self._used, self._used + self._id_bytes
            return self._pool[start:self._used].hex()


class LogUnavailable(Exception):
    """The question log cannot take this write (closed, or too far behind)."""


class LogHealth:
    """Whether the log is being written, with the reason when not; says so once per change, not once per row."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reason: str | None = None

    @property
    def reason(self) -> str | None:
        """Return why the log is degraded, or None when writes succeed."""
        return self._reason

    def degraded(self, reason: str) -> None:
        """Note that a write failed or came too late."""
        with self._lock:
            was_ok, self._reason = self._reason is None, reason
        if was_ok:
            log.error("question log degraded: %s; answers go out without a log_id until it can be written", reason)

    def ok(self) -> None:
        """Note that a write committed."""
        with self._lock:
            was_degraded, self._reason = self._reason is not None, None
        if was_degraded:
            log.warning("question log: writes succeed again")


class UnderWay:
    """How many answers are being composed: their writes are still to come, so a commit due now may wait for them."""

    def __init__(self) -> None:
        self._count = 0
        self._settled = threading.Condition()

    @contextmanager
    def composing(self) -> Iterator[None]:
        """Count one answer under way for the duration of the block."""
        with self._settled:
            self._count += 1
        try:
            yield
        finally:
            with self._settled:
                self._count -= 1
                if not self._count:
                    self._settled.notify_all()

    def settle(self, seconds: float) -> None:
        """Wait until no answer is under way, at most `seconds`; at once when none is."""
        if self._count:
            with self._settled:
                self._settled.wait_for(lambda: not self._count, seconds)
