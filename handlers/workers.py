"""`serve --workers N`: N server processes answering on one port, each with its own engine.

A pre-fork parent binds the port once and forks the workers, which all accept on that one socket (the kernel
hands each new connection to a worker waiting for one, so an idle worker takes it before a busy one). The parent
only supervises: it forwards SIGTERM and SIGINT to every worker, and when a worker dies unasked it stops the others
and exits with that worker's code, so systemd (or whoever started it) sees the failure and restarts the service.
Each worker builds its own engine after the fork (threads do not survive a fork) and shares the question log.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import signal
import socket
import sys
import traceback
from typing import Callable

from aiohttp import web
from aiohttp.web_runner import GracefulExit

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
BACKLOG = 1024
PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for the child when its parent dies


def default_workers() -> int:
    """Return the number of cores this process may run on (1 where processes cannot fork, as on Windows)."""
    if not hasattr(os, "fork"):
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def listen(host: str, port: int) -> socket.socket:
    """Return a listening TCP socket on host:port for the workers to share (OSError when it cannot be bound)."""
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(info[0], socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(info[4])
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def stop_once_on_signal(app: web.Application) -> None:
    """Make the first SIGTERM or SIGINT stop the worker gracefully and ignore any later one.

    A worker may get the same stop twice (from its parent and from systemd, which signals the whole group): a
    second GracefulExit would cut short the requests and replies it is letting finish.
    """
    async def install(_: web.Application) -> None:
        loop = asyncio.get_running_loop()

        def stop() -> None:
            for number in STOP_SIGNALS:
                loop.add_signal_handler(number, lambda: None)
            raise GracefulExit()

        for number in STOP_SIGNALS:
            loop.add_signal_handler(number, stop)

    app.on_startup.insert(0, install)


def run_workers(count: int, work: Callable[[int], int], started: Callable[[], None] = lambda: None) -> int:
    """Fork `count` workers running work(number) -> exit code, call started(), supervise them; return the exit code.

    0 when every worker stopped cleanly after a stop signal; else the first unasked worker's code (1 if it was 0).
    """
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # no stop may slip in between two forks
    children: dict[int, int] = {}
    try:
        for number in range(count):
            pid = os.fork()
            if pid == 0:
                _become_worker(number, work, blocked)
            children[pid] = number
        started()
        return _supervise(children, blocked)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _become_worker(number: int, work: Callable[[int], int], mask: set[signal.Signals]) -> None:
    code = 1
    try:
        os.setpgid(0, 0)  # Ctrl+C reaches the parent only; it forwards one stop to each worker
        die_with_parent()
        for stop in STOP_SIGNALS:
            signal.signal(stop, signal.SIG_DFL if stop == signal.SIGTERM else signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        code = work(number)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - a worker never returns into the parent's code
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)


def die_with_parent(number: int = signal.SIGTERM) -> None:
    """Have this process get signal `number` when its parent dies (Linux), or now if it already has."""
    # If the parent is killed outright (kill -9), its workers stop too instead of holding the port as orphans.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, number)
    except (OSError, AttributeError):  # not Linux: the parent's signals still reach them
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os.kill(os.getpid(), number)


def _supervise(children: dict[int, int], mask: set[signal.Signals]) -> int:
    stopping = False
    code = 0

    def forward(number: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        _signal_all(children, signal.SIGTERM)

    previous = {number: signal.signal(number, forward) for number in STOP_SIGNALS}
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    try:
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            number = children.pop(pid)
            exit_code = os.waitstatus_to_exitcode(status)
            if not stopping:
                log.error("worker %d (pid %d) stopped unasked (exit code %d): stopping the others", number, pid,
                          exit_code)
                stopping, code = True, exit_code if exit_code > 0 else 1
                _signal_all(children, signal.SIGTERM)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return code


def _signal_all(children: dict[int, int], number: int) -> None:
    for pid in list(children):
        try:
            os.kill(pid, number)
        except ProcessLookupError:
            pass
