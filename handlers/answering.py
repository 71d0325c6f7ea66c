"""Answers off the event loop: the engine's CPU work runs on a few threads of its own, so one slow question never
stalls the server's other requests (health checks, webhooks, the other users' questions).

An answer is computed on an engine thread, which queues its log row and moves on to the next question; the wait
for the row's group commit happens on the event loop, holding no thread. So a few engine threads keep the CPU
busy while many answers share one commit: the GIL lets one thread compute at a time anyway, and every further
runnable thread only makes the event loop (and /healthz) wait longer for its turn.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Protocol, TypeVar

from bot.seam import Reply
from bot.service import Answerer, Question

# Threads computing answers. More than one, so that a question waiting on storage (a PostgreSQL read of its
# conversation) does not hold up the others; few, because they share one GIL with the event loop.
ANSWER_THREADS = 2
# Threads for other calls into the engine, which may wait on the log (feedback waits for its commit).
CALL_THREADS = 8
T = TypeVar("T")


class RemoteEngine(Protocol):
    """Where answers are computed instead of this process's threads (handlers.engineproc.EngineProcess)."""

    async def answer(self, question: Question) -> Reply: ...  # noqa: D102


class AnswerPool:
    """Runs Answerer.answer on a bounded pool of threads, waiting for each log commit on the event loop, or hands
    each question to a `remote` engine (`serve`'s engine process).

    Safe for the analyzer: bot.analyzer gives every thread its own SudachiPy tokenizer (a tokenizer must not be
    used from two threads at once), and the pool keeps the number of those threads, and tokenizers, small.
    """

    def __init__(self, answerer: Answerer, threads: int = ANSWER_THREADS, call_threads: int = CALL_THREADS,
                 remote: RemoteEngine | None = None, inline: bool = False) -> None:
        self._answerer = answerer
        self._remote = remote
        self._inline = inline  # computed on the event loop itself: an engine process's loop does nothing else
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="answer")
        self._calls = ThreadPoolExecutor(max_workers=call_threads, thread_name_prefix="engine-call")
        self._wakeups: Wakeups | None = None

    async def answer(self, question: Question) -> Reply:
        """Answer and log one question: computed on the pool, its commit awaited on the loop (which stays free)."""
        if self._remote is not None:
            return await self._remote.answer(question)
        loop = asyncio.get_running_loop()
        if self._inline:
            queued = self._answerer.answer_queued(question)
        else:
            queued = await loop.run_in_executor(self._pool, self._answerer.answer_queued, question)
        if queued.committed is not None and not queued.committed.done():
            landed = loop.create_future()  # set once the commit is known, whatever its outcome: finish() reads that
            queued.committed.add_done_callback(self._wakeups_of(loop).waker(landed))
            await asyncio.wait((landed,), timeout=self._answerer.commit_seconds)
        # Done, or given up on after the log's commit time: finish() then tells the log it is not keeping up.
        return self._answerer.finish(queued, wait=False)

    def _wakeups_of(self, loop: asyncio.AbstractEventLoop) -> Wakeups:
        if self._wakeups is None or self._wakeups.loop is not loop:
            self._wakeups = Wakeups(loop)
        return self._wakeups

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run any other call into the engine on a thread (it may read or wait on SQLite)."""
        return await asyncio.get_running_loop().run_in_executor(self._calls, work, *args)

    async def feedback(self, log_id: str, helpful: bool) -> bool:
        """Record 👍/👎 on a thread: it waits for the log's commit, never on the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._calls, self._answerer.feedback, log_id, helpful)

    def close(self) -> None:
        """Take no more questions; those under way still finish."""
        self._pool.shutdown(wait=False)
        self._calls.shutdown(wait=False)


class Wakeups:
    """Futures of an event loop set from other threads, many for one wake-up of the loop.

    One group commit settles the rows of many answers at once; waking the loop for each (a write to its self-pipe,
    and a hand-over of the GIL, every time) would cost more than the commit itself.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._lock = threading.Lock()
        self._due: list[asyncio.Future[None]] = []

    def waker(self, landed: asyncio.Future[None]) -> Callable[[object], None]:
        """Return a done-callback, for any thread, that sets `landed` on the loop."""
        return lambda _: self._wake(landed)

    def _wake(self, landed: asyncio.Future[None]) -> None:
        with self._lock:
            self._due.append(landed)
            if len(self._due) > 1:  # the loop is already told: it sets this one with the others
                return
        try:
            self.loop.call_soon_threadsafe(self._set_due)
        except RuntimeError:  # the loop is closed: nobody waits any more
            pass

    def _set_due(self) -> None:
        with self._lock:
            due, self._due = self._due, []
        for landed in due:
            if not landed.done():  # its waiter may have given up (timeout, client gone)
                landed.set_result(None)
