"""Answers off the event loop: the engine's CPU work runs on a few threads of its own, so one slow question never
stalls the server's other requests (health checks, webhooks, the other users' questions).

An answer is computed on an engine thread, which queues its log row and moves on to the next question; the wait
for the row's group commit happens on the event loop, holding no thread. So a few engine threads keep the CPU
busy while many answers share one commit: the GIL lets one thread compute at a time anyway, and every further
runnable thread only makes the event loop (and /healthz) wait longer for its turn.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from bot.seam import Reply
from bot.service import Answerer, Question

# Threads computing answers. More than one, so that a question waiting on storage (a PostgreSQL read of its
# conversation) does not hold up the others; few, because they share one GIL with the event loop.
ANSWER_THREADS = 1
# Threads for other calls into the engine, which may wait on the log (feedback waits for its commit).
CALL_THREADS = 8
T = TypeVar("T")


class AnswerPool:
    """Runs Answerer.answer on a bounded pool of threads, waiting for each log commit on the event loop.

    Safe for the analyzer: bot.normalize gives every thread its own SudachiPy tokenizer (a tokenizer must not be
    used from two threads at once), and the pool keeps the number of those threads, and tokenizers, small.
    """

    def __init__(self, answerer: Answerer, threads: int = ANSWER_THREADS, call_threads: int = CALL_THREADS) -> None:
        self._answerer = answerer
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="answer")
        self._calls = ThreadPoolExecutor(max_workers=call_threads, thread_name_prefix="engine-call")

    async def answer(self, question: Question) -> Reply:
        """Answer and log one question: computed on the pool, its commit awaited on the loop (which stays free)."""
        loop = asyncio.get_running_loop()
        queued = await loop.run_in_executor(self._pool, self._answerer.answer_queued, question)
        if queued.committed is not None and not queued.committed.done():
            committed = asyncio.wrap_future(queued.committed)
            await asyncio.wait((committed,), timeout=self._answerer.commit_seconds)
            if committed.done():
                committed.exception()  # read here (finish() reports it): no "exception never retrieved" later
            else:  # it may still commit after we stopped waiting: then say nothing about it
                committed.add_done_callback(_retrieve)
        # Done, or given up on after the log's commit time: finish() then tells the log it is not keeping up.
        return self._answerer.finish(queued, wait=False)

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


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()
