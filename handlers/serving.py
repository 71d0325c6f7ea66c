"""Run the aiohttp server of `minato-bot serve`: in this process, or as a parent supervising worker processes."""

from __future__ import annotations

import os
import socket
from typing import Callable

import click
from aiohttp import web

from bot.config import Settings
from bot.service import Answerer
from bot.storage import describe
from handlers.engineproc import EngineProcess
from handlers.http_guard import server_options
from handlers.web import StartError, channels_on, create_app, startup_notes
from handlers.workers import listen, run_workers, stop_once_on_signal

BuildAnswerer = Callable[[], Answerer]


class CannotServe(Exception):
    """The server cannot start (the port is taken, a channel is misconfigured); the message says why."""


def announce_channels(settings: Settings) -> None:
    """Print which channels are on and what is half set up."""
    click.echo(f"minato-bot: channels on: {', '.join(channels_on(settings))}")
    click.echo(f"minato-bot: question log: {describe(settings.log_location) if settings.log_enabled else 'off'}")
    for note in startup_notes(settings):
        click.echo(f"minato-bot: note: {note}")


def engine_of(settings: Settings) -> EngineProcess | None:
    """Return the engine process that answers a server's questions, or None to answer on its threads."""
    return EngineProcess(settings) if settings.answers_in_engine_process else None


def serve_here(settings: Settings, build: BuildAnswerer) -> None:
    """Serve in this process until SIGTERM or SIGINT; in-flight requests finish, then the log is flushed."""
    answerer = build()  # prints the knowledge line first
    try:
        app = create_app(answerer, settings, engine_of(settings))
        announce_channels(settings)
        web.run_app(app, host=settings.host, port=settings.port, shutdown_timeout=30, access_log=None,
                    print=lambda _: click.echo(f"minato-bot: serving on http://{settings.host}:{settings.port}/"),
                    **server_options(settings))
    except OSError as exc:
        raise CannotServe(f"cannot serve on {settings.host}:{settings.port}: {exc}") from None
    except StartError as exc:
        raise CannotServe(str(exc)) from None
    finally:
        answerer.close()  # flushes the question log


def serve_workers(settings: Settings, workers: int, build: BuildAnswerer) -> int:
    """Bind the port, fork the workers, supervise them; return the exit code (0 after a clean stop)."""
    if not hasattr(os, "fork"):
        raise CannotServe("--workers above 1 needs a system that can fork processes (Linux, macOS): use --workers 1")
    try:
        sock = listen(settings.host, settings.port)
    except OSError as exc:
        raise CannotServe(f"cannot serve on {settings.host}:{settings.port}: {exc}") from None
    announce_channels(settings)
    address = f"http://{settings.host}:{sock.getsockname()[1]}/"
    try:
        return run_workers(workers, lambda _: _worker(settings, sock, build),
                           lambda: click.echo(f"minato-bot: serving on {address} with {workers} workers"))
    finally:
        sock.close()


def _worker(settings: Settings, sock: socket.socket, build: BuildAnswerer) -> int:
    try:
        answerer = build()
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    try:
        app = create_app(answerer, settings, engine_of(settings))
        stop_once_on_signal(app)
        web.run_app(app, sock=sock, shutdown_timeout=30, access_log=None, print=None, handle_signals=False,
                    **server_options(settings))
    except StartError as exc:
        click.echo(f"Error: {exc}", err=True)
        return 1
    finally:
        answerer.close()  # flushes the question log
    return 0
