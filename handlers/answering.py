"""Answers off the event loop: the engine's CPU work runs on a few threads of its own, so one slow question never
stalls the server's other requests (health checks, webhooks, the other users' questions)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from bot.seam import Reply
from bot.service import Answerer, Question

# Each answer waits on its thread for its log row's group commit (no CPU, no GIL held): enough threads let many
# answers share one commit. The CPU work itself still queues on the GIL, so this bounds waiting, not computing.
ANSWER_THREADS = 32
T = TypeVar("T")


class AnswerPool:
    """Runs Answerer.answer on a bounded pool of threads.

    Safe for the analyzer: bot.normalize gives every thread its own SudachiPy tokenizer (a tokenizer must not be
    used from two threads at once), and the pool keeps the number of those threads, and tokenizers, small.
    """

    def __init__(self, answerer: Answerer, threads: int = ANSWER_THREADS) -> None:
        self._answerer = answerer
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="answer")

    async def answer(self, question: Question) -> Reply:
        """Answer and log one question on the pool; the event loop stays free meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._answerer.answer, question)

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run any other call into the engine on the pool (it may read or wait on SQLite)."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, work, *args)

    async def feedback(self, log_id: str, helpful: bool) -> bool:
        """Record 👍/👎 on the pool: it waits for the log's commit, never on the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._answerer.feedback, log_id, helpful)

    def close(self) -> None:
        """Take no more questions; those under way still finish."""
        self._pool.shutdown(wait=False)
