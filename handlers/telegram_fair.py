"""Process Telegram updates concurrently across chats, one at a time within a chat."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

MAX_TASKS = 4096  # PTB's own cap: only bounds memory, fairness is enforced below
WORKERS = 16  # chats answered at the same time
MAX_BACKLOG = 20  # updates a single chat may have waiting before new ones are dropped


class FairUpdateProcessor(BaseUpdateProcessor):
    """Serialize each chat's updates, run different chats in parallel, cap a flooding chat's backlog.

    PTB takes its own semaphore before calling do_process_update, so that semaphore is
    made large: a chat's waiting updates queue on the chat's lock, and only the update at
    the head of each chat's queue competes for one of the WORKERS slots. A chat sending
    dozens of messages a second therefore holds at most one slot and cannot starve others.
    """

    def __init__(self, workers: int = WORKERS, max_backlog: int = MAX_BACKLOG) -> None:
        super().__init__(MAX_TASKS)
        self._workers = asyncio.Semaphore(workers)
        self._max_backlog = max_backlog
        self._locks: dict[int, asyncio.Lock] = {}
        self._pending: dict[int, int] = {}
        self.dropped = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update after the chat's earlier ones, within the worker limit."""
        chat_id = _chat_id(update)
        if chat_id is None:
            async with self._workers:
                await coroutine
            return
        if self._pending.get(chat_id, 0) >= self._max_backlog:
            self.dropped += 1
            log.warning("telegram: chat is flooding, dropped an update (%d dropped so far)", self.dropped)
            _discard(coroutine)
            return
        self._pending[chat_id] = self._pending.get(chat_id, 0) + 1
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock, self._workers:
                await coroutine
        finally:
            self._pending[chat_id] -= 1
            if self._pending[chat_id] == 0:
                del self._pending[chat_id]
                del self._locks[chat_id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_id(update: object) -> int | None:
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return None


def _discard(coroutine: Awaitable[Any]) -> None:
    # Close the never-started coroutine so Python does not warn that it was never awaited.
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()
