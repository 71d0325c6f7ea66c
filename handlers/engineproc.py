"""Answers computed in an engine process of their own, so that the server's event loop never waits for the GIL.

With the answers on threads of the serving process, every pass of the event loop (a health check needs four or
five) waited for a thread computing an answer to hand the GIL back, up to Python's switch interval: /healthz took
20-30 ms under 32 clients. In a process of its own the engine computes while the event loop only reads, writes
and waits. The engine process runs the same Answerer and AnswerPool as the server would (its own question log
writer on the same database, many answers sharing a commit), so a reply still carries its log_id only once its row
is committed. It dies with its server process, and the server starts a new one if it ever stops unasked.

The frames between the two are a 4-byte length and a pickle of (number, Question) one way, (number, Reply or an
error message) the other, over a socket pair that only these two processes hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import pickle
import signal
import socket
import struct
from typing import Any

from bot.config import Settings
from bot.logsafe import install_log_redaction
from bot.seam import Reply
from bot.service import Answerer, Question
from handlers.answering import AnswerPool
from handlers.workers import die_with_parent

log = logging.getLogger(__name__)

HEADER = struct.Struct("!I")
STOP_SECONDS = 60.0  # how long a stopping server waits for its engine to finish the answers under way


class EngineGone(RuntimeError):
    """The engine process stopped while a question was under way."""


class EngineProcess:
    """The serving side: sends each question to the engine process and awaits its reply."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._process: Any = None
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._waiting: dict[int, asyncio.Future[Reply]] = {}
        self._numbers = 0
        self._closing = False
        self._starting: asyncio.Lock | None = None

    async def answer(self, question: Question) -> Reply:
        """Return the engine process's reply to a question (EngineGone if it stopped meanwhile)."""
        writer = await self._connected()
        self._numbers += 1
        number = self._numbers
        waiting = self._waiting[number] = asyncio.get_running_loop().create_future()
        writer.write(_frame((number, question)))
        try:
            return await waiting
        finally:
            self._waiting.pop(number, None)

    async def start(self) -> None:
        """Start the engine process now (it builds its engine while the server starts)."""
        await self._connected()

    async def _connected(self) -> asyncio.StreamWriter:
        if self._starting is None:
            self._starting = asyncio.Lock()
        async with self._starting:  # one start at a time, whoever asks first
            if self._writer is None or self._writer.is_closing():
                await self._spawn()
        assert self._writer is not None
        return self._writer

    async def _spawn(self) -> None:
        ours, theirs = socket.socketpair()
        # spawn: the engine process starts as a new interpreter, not a fork of this one and its threads.
        context = multiprocessing.get_context("spawn")
        self._process = context.Process(target=run_engine, args=(theirs, self._settings), name="minato-engine",
                                        daemon=True)
        self._process.start()
        theirs.close()
        reader, self._writer = await asyncio.open_connection(sock=ours)
        self._reader_task = asyncio.create_task(self._read_replies(reader))

    async def _read_replies(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                number, reply = await _read_frame(reader)
                waiting = self._waiting.get(number)
                if waiting is not None and not waiting.done():
                    if isinstance(reply, Reply):
                        waiting.set_result(reply)
                    else:
                        waiting.set_exception(EngineGone(str(reply)))
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        if not self._closing:
            log.error("the engine process stopped unasked (exit code %s): starting another one",
                      self._process.exitcode if self._process is not None else "?")
        if self._writer is not None:
            self._writer.close()
        for waiting in self._waiting.values():
            if not waiting.done():
                waiting.set_exception(EngineGone("the engine process stopped"))

    async def close(self) -> None:
        """Let the engine finish the answers under way and flush its log, then wait for it to stop."""
        self._closing = True
        if self._writer is not None:
            self._writer.close()  # the engine reads the end, answers what it has, and stops
        if self._reader_task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader_task
        if self._process is not None:
            await asyncio.to_thread(self._process.join, STOP_SECONDS)
            if self._process.is_alive():
                self._process.kill()


def run_engine(sock: socket.socket, settings: Settings) -> None:
    """The engine process: answer the questions read from `sock` until it ends, then flush the log."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)  # the server stops it by closing the socket, after its last request
    die_with_parent(signal.SIGKILL)
    # A new interpreter: it logs as the server does, with every credential redacted (bot.logsafe).
    install_log_redaction(settings.secrets)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    answerer = Answerer.from_settings(settings, watch=True)
    try:
        asyncio.run(_serve(sock, AnswerPool(answerer, inline=True)))
    finally:
        answerer.close()


async def _serve(sock: socket.socket, pool: AnswerPool) -> None:
    reader, writer = await asyncio.open_connection(sock=sock)
    under_way: set[asyncio.Task[None]] = set()

    async def answer(number: int, question: Question) -> None:
        try:
            reply: object = await pool.answer(question)
        except Exception as exc:  # noqa: BLE001 - the server answers that one request with an error, not all
            log.exception("the engine could not answer")
            reply = f"{type(exc).__name__}: {exc}"
        writer.write(_frame((number, reply)))

    try:
        while True:
            number, question = await _read_frame(reader)
            task = asyncio.create_task(answer(number, question))
            under_way.add(task)
            task.add_done_callback(under_way.discard)
    except (asyncio.IncompleteReadError, ConnectionError, OSError):
        pass
    if under_way:
        await asyncio.wait(under_way)
    with contextlib.suppress(ConnectionError, OSError):
        await writer.drain()
    writer.close()
    pool.close()


def _frame(item: object) -> bytes:
    body = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(body)) + body


async def _read_frame(reader: asyncio.StreamReader) -> Any:
    size = HEADER.unpack(await reader.readexactly(HEADER.size))[0]
    return pickle.loads(await reader.readexactly(size))  # noqa: S301 - from our own engine process only
